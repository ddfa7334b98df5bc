"""The search index (Pagefind) of the pages hooks/plumbing/search_index.py hands over.

A render of the download worker (edition/worker.py). Inputs: {"pages": {path below the
site root: the built page's bytes}, "root": the root selector, "ignore": the selectors
left out, "unused": file patterns of Pagefind's output the site does not use}. The pages
are written into a temporary folder and Pagefind indexes that (one index per `<html
lang>`), writing its bundle at `out`.
"""

import json
import subprocess
import sys
import tempfile
from pathlib import Path


def render(inputs: dict, out: Path) -> None:
    with tempfile.TemporaryDirectory(prefix="edition-search-") as tmp:
        site = Path(tmp)
        for name, body in inputs["pages"].items():
            (site / name).parent.mkdir(parents=True, exist_ok=True)
            (site / name).write_bytes(body)
        command = [
            sys.executable, "-m", "pagefind", "--site", str(site), "--output-path", str(out),
            "--root-selector", inputs["root"], "--exclude-selectors", ", ".join(inputs["ignore"]), "--quiet",
        ]
        result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(
            f"Pagefind could not index the site (exit {result.returncode}):\n"
            f"{result.stdout}{result.stderr}\nIs `pagefind[bin]` installed? Run `make setup`."
        )
    for pattern in inputs["unused"]:
        for path in out.glob(pattern):
            path.unlink()
    # Reproducible builds: Pagefind lists the languages in hash order, which varies by run.
    entry = out / "pagefind-entry.json"
    index = json.loads(entry.read_text(encoding="utf-8"))
    index["languages"] = dict(sorted(index["languages"].items()))
    entry.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
