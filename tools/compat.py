"""Does ProperDocs build the same site as MkDocs?  `make compat` runs:

    python tools/compat.py SITE_MKDOCS SITE_PROPERDOCS

What is compared, and why:
- the set of files: a page, a download or a search-index fragment missing from one build is
  a difference;
- every file byte for byte, with one exception: the HTML pages' `<meta name="generator">`
  tag, which names the generator (mkdocs-1.6.1 / ProperDocs 1.6.7) and is set aside;
- the PDFs byte for byte as well. WeasyPrint writes them from our templates, with its own
  name as Producer and the dates of SOURCE_DATE_EPOCH: nothing in them depends on which
  generator ran, and they are identical today. Allowing "metadata only" would let a layout
  change through unseen; when two PDFs differ, the report says whether their text or
  their metadata does, to show where to look.

Prints the comparison; exits 1 on any difference, 2 on bad arguments.
"""

from __future__ import annotations

import argparse
import difflib
import io
import re
import sys
from collections import Counter
from pathlib import Path

GENERATOR = re.compile(rb'<meta name="generator" content="([^"]*)"\s*/?>')
SET_ASIDE = b'<meta name="generator" content="(set aside)">'


def files(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}


def generators(data: bytes) -> list[str]:
    return [m.group(1).decode("utf-8", "replace") for m in GENERATOR.finditer(data)]


def normalized(name: str, data: bytes) -> bytes:
    """What is compared: the bytes, with an HTML page's generator tag set aside."""
    return GENERATOR.sub(SET_ASIDE, data) if name.endswith(".html") else data


def _pdf_detail(a: bytes, b: bytes) -> str:
    from pypdf import PdfReader

    first, second = PdfReader(io.BytesIO(a)), PdfReader(io.BytesIO(b))
    text = [[page.extract_text() for page in reader.pages] for reader in (first, second)]
    meta = [dict(reader.metadata or {}) for reader in (first, second)]
    parts = [f"{len(first.pages)} vs {len(second.pages)} pages" if len(first.pages) != len(second.pages) else ""]
    parts.append("the same text" if text[0] == text[1] else "different text")
    changed = sorted(k for k in set(meta[0]) | set(meta[1]) if meta[0].get(k) != meta[1].get(k))
    parts.append(f"metadata differs in {', '.join(changed)}" if changed else "the same metadata")
    return "; ".join(p for p in parts if p)


def detail(name: str, a: bytes, b: bytes) -> str:
    """Where two files differ, for a reader."""
    if name.endswith(".pdf"):
        try:
            return _pdf_detail(a, b)
        except Exception as err:  # a PDF pypdf cannot read is a difference too
            return f"unreadable PDF ({err})"
    try:
        text_a, text_b = a.decode("utf-8"), b.decode("utf-8")
    except UnicodeDecodeError:
        return f"binary, {len(a)} vs {len(b)} bytes"
    at = next((i for i, (x, y) in enumerate(zip(text_a, text_b)) if x != y), min(len(text_a), len(text_b)))
    line = text_a.count("\n", 0, at) + 1
    diff = difflib.ndiff([text_a[max(0, at - 60):at + 60]], [text_b[max(0, at - 60):at + 60]])
    return f"first difference at line {line}:\n" + "\n".join("      " + d for d in diff if d[:1] in "-+")


def compare(first: Path, second: Path) -> tuple[list[str], dict]:
    """(problems, facts) of two built sites."""
    names_a, names_b = files(first), files(second)
    problems = [f"only in {first}: {n}" for n in sorted(names_a - names_b)]
    problems += [f"only in {second}: {n}" for n in sorted(names_b - names_a)]
    kinds, tags = Counter(), [Counter(), Counter()]
    for name in sorted(names_a & names_b):
        a, b = (first / name).read_bytes(), (second / name).read_bytes()
        kinds[Path(name).suffix or "(none)"] += 1
        if name.endswith(".html"):
            for counter, data in zip(tags, (a, b)):
                counter.update(generators(data))
        if normalized(name, a) != normalized(name, b):
            problems.append(f"differs: {name}: {detail(name, a, b)}")
    return problems, {"files": (len(names_a), len(names_b)), "kinds": kinds, "generators": tags}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("mkdocs_site", type=Path, help="the site MkDocs built (make build: site/)")
    parser.add_argument("other_site", type=Path, help="the same project built by the other generator")
    args = parser.parse_args(argv)
    for site in (args.mkdocs_site, args.other_site):
        if not (site / "index.html").is_file():
            print(f"compat: {site}: no built site there (no index.html)", file=sys.stderr)
            return 2
    problems, facts = compare(args.mkdocs_site, args.other_site)
    print(f"compat: {args.mkdocs_site} ({facts['files'][0]} files) vs {args.other_site} ({facts['files'][1]} files)")
    for site, tags in zip((args.mkdocs_site, args.other_site), facts["generators"]):
        listed = ", ".join(f"'{tag}' ({count} pages)" for tag, count in sorted(tags.items())) or "none"
        print(f"  generator tag in {site}: {listed}")
    kinds = ", ".join(f"{count} {kind}" for kind, count in sorted(facts["kinds"].items()))
    print(f"  compared byte for byte (HTML without its generator tag): {sum(facts['kinds'].values())} files: {kinds}")
    if problems:
        print(f"  {len(problems)} difference(s):")
        for problem in problems:
            print(f"    {problem}")
        return 1
    print("  the same files, the same bytes (generator tag aside)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
