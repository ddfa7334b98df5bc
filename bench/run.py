"""Benchmarks of the edition against a baseline: bare Material + i18n on the same Markdown,
measured in the same run, the two sites in turn (alternating), medians of the runs.

`make bench` runs this; it prints a table and writes it, with the machine it ran on, to
bench/results.md. It is not part of `make test` (timings are not tests).

(a) preview: a real `mkdocs serve` of each site on a temporary copy; the same one-word
    edit saved to an English paragraph; the time from the save to the served page
    holding it (polled over HTTP; MkDocs' server answers a page only once the rebuild is
    done). For ours also: when the edited language's PDF is ready (the download worker);
(b) warm build: a second `mkdocs build` of an unchanged tree, the download cache warm;
(c) cold build: no download cache (both PDFs, the search index, every download rendered);
(d) scaling: warm builds of 1x, 5x and 10x the content (every chapter copied under new
    names in both languages), the time per added page;
(e) page weight: compressed bytes a first visit to each page transfers, both sites served
    with gzip;
(f) Lighthouse 12 (npm, installed into a cache folder on first use), mobile scores of the
    title page and two chapters in each language;
(g) with --suite (long, opt-in): `make test` in a fresh clone (set-up included), then
    `make check` there; --suite-rev REV times another revision the same way, for a
    before/after comparison.

Times are wall-clock seconds (what a contributor waits); CPU seconds (user + system of
the whole process tree, the download worker's processes included) beside them.

The baseline: the same docs/ and nav, Material with its default search plugin, the i18n
plugin with the same languages, the same Markdown extensions — and no hooks, no
overrides, no extra CSS. Goals (issue 11): preview and warm build <= 1.3x the baseline,
cold build <= 2.5x, 10x the content <= 11x the 1x build, a fresh clone's `make test`
< 5 minutes; (issue 6) page weight <= 1.1x, Lighthouse performance >= 98, 100 elsewhere.
"""

from __future__ import annotations

import argparse
import ctypes
import hashlib
import json
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from importlib import metadata
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "bench"))

import lighthouse as lighthouse_pages  # noqa: E402  (Lighthouse on every page; its install)
import serve_gzip  # noqa: E402

import edition_site  # noqa: E402  (the project's own reading of mkdocs.yml)

CHROMIUM = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
GOALS = {"preview": 1.3, "warm": 1.3, "cold": 2.5, "scale": 11.0, "suite": 300.0,
         "weight": 1.1, "performance": 98, "accessibility": 100, "best-practices": 100, "seo": 100}
SITES = ("ours", "baseline")
EDITED = ("en", "introduction")  # the page whose first paragraph the preview benchmark edits


# --- configurations ------------------------------------------------------------------

def our_config(docs: Path, nav: list[str], root: Path = ROOT) -> dict:
    """mkdocs.yml of a project folder as it is, pointed at `docs` with `nav`, every path made absolute."""
    config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=edition_site._ConfigLoader)
    config["docs_dir"] = str(docs)
    config["nav"] = nav
    config["hooks"] = [str(root / hook) for hook in config.get("hooks", [])]
    config["watch"] = [str(root / path) for path in config.get("watch", [])]
    config["theme"]["custom_dir"] = str(root / config["theme"]["custom_dir"])
    return config


def baseline_config(docs: Path, nav: list[str]) -> dict:
    """Bare Material + i18n: our languages, nav and Markdown extensions, nothing else."""
    ours = edition_site.config()
    i18n = next(p["i18n"] for p in ours["plugins"] if isinstance(p, dict) and "i18n" in p)
    return {
        "site_name": ours["site_name"],
        "site_url": ours["site_url"],
        "docs_dir": str(docs),
        "use_directory_urls": True,
        "nav": nav,
        "theme": {"name": "material", "language": ours["theme"].get("language", "en"), "font": False},
        "markdown_extensions": ours.get("markdown_extensions", []),
        "plugins": [
            "search",
            {"i18n": {
                "docs_structure": "folder",
                "languages": [
                    {key: lang[key] for key in ("locale", "name", "default", "build", "site_name") if key in lang}
                    for lang in i18n["languages"]
                ],
            }},
        ],
    }


def synthetic_docs(target: Path, factor: int) -> list[str]:
    """docs/ with every chapter (not the title page) present `factor` times, in both
    languages, heading ids suffixed so that each copy is a page of its own. Returns the nav."""
    shutil.copytree(ROOT / "docs", target)
    chapters = [page for page in edition_site.PAGES if page != "index"]
    nav = ["index.md"]
    for copy in range(factor):
        for page in chapters:
            name = page if copy == 0 else f"{page}-{copy}"
            nav.append(f"{name}.md")
            if copy == 0:
                continue
            for lang in edition_site.LANGS:
                text = (ROOT / "docs" / lang / f"{page}.md").read_text(encoding="utf-8")
                text = re.sub(r"\{#([a-z0-9-]+)\}", rf"{{#\1-{copy}}}", text)
                (target / lang / f"{name}.md").write_text(text, encoding="utf-8")
    return nav


def write_config(path: Path, config: dict) -> Path:
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


# --- measuring a command: wall and CPU time of its whole process tree -------------------

def _become_subreaper() -> bool:
    """Orphaned descendants (the download worker's forkserver outlives `mkdocs build` by a
    moment) are re-parented to this process, which reaps them: their CPU time is counted."""
    try:
        return ctypes.CDLL(None, use_errno=True).prctl(36, 1, 0, 0, 0) == 0  # PR_SET_CHILD_SUBREAPER
    except (OSError, AttributeError):
        return False


def _reap(seconds: float = 10.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            time.sleep(0.02)


def timed(command: list[str], cwd: Path, env: dict) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of a command and everything it started."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - start
    _reap()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed in {cwd}:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    return wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def environment(**extra: str) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("EDITION_SITE", "EDITION_CACHE", "VIRTUAL_ENV")}
    env.update(NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH=os.environ.get("SOURCE_DATE_EPOCH", "0"), **extra)
    return env


def build(config: Path, site: Path, cache: Path) -> tuple[float, float]:
    """`mkdocs build` of a configuration in a fresh interpreter, as `make build` runs it."""
    shutil.rmtree(site, ignore_errors=True)
    return timed([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)],
                 config.parent, environment(EDITION_CACHE=str(cache)))


def median(values: list[float]) -> float:
    return statistics.median(values)


def alternate(runs: int, steps: dict) -> dict[str, list[tuple[float, float]]]:
    """Each step once per round, in turn (both sites see the same state of the machine)."""
    results = {name: [] for name in steps}
    for _ in range(runs):
        for name, step in steps.items():
            results[name].append(step())
    return results


def summary(results: dict[str, list[tuple[float, float]]]) -> dict:
    wall = {name: median([w for w, _ in values]) for name, values in results.items()}
    cpu = {name: median([c for _, c in values]) for name, values in results.items()}
    return {"wall": wall, "cpu": cpu, "ratio": wall["ours"] / wall["baseline"],
            "cpu_ratio": cpu["ours"] / cpu["baseline"], "runs": len(next(iter(results.values())))}


# --- (b), (c), (d) builds ------------------------------------------------------------------

def configs(work: Path, factor: int) -> tuple[dict[str, Path], int]:
    docs = work / f"docs-{factor}x"
    nav = synthetic_docs(docs, factor) if factor > 1 else [f"{p}.md" for p in edition_site.PAGES]
    docs = docs if factor > 1 else ROOT / "docs"
    paths = {"ours": write_config(work / f"ours-{factor}x.yml", our_config(docs, nav)),
             "baseline": write_config(work / f"baseline-{factor}x.yml", baseline_config(docs, nav))}
    return paths, len(nav) * len(edition_site.LANGS)


def warm_builds(work: Path, factor: int, runs: int) -> dict:
    """Second builds of an unchanged tree: the download cache holds every download."""
    paths, pages = configs(work, factor)
    cache = work / f"cache-{factor}x"
    sites = {name: work / f"site-{name}-{factor}x" for name in SITES}
    for name in SITES:  # the first build of each: fills the cache, warms the disk
        build(paths[name], sites[name], cache)
    results = alternate(runs, {name: (lambda name=name: build(paths[name], sites[name], cache)) for name in SITES})
    return summary(results) | {"factor": factor, "pages": pages, "sites": sites}


def cold_builds(work: Path, runs: int) -> dict:
    """Builds with an empty download cache: every download rendered (both PDFs)."""
    paths, pages = configs(work, 1)
    cache = work / "cache-cold"

    def cold(name):
        shutil.rmtree(cache, ignore_errors=True)
        return build(paths[name], work / f"site-{name}-cold", cache)

    return summary(alternate(runs, {name: (lambda name=name: cold(name)) for name in SITES})) | {"pages": pages}


# --- (a) preview ------------------------------------------------------------------------------

def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str, timeout: float = 120.0) -> bytes | None:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.read()
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def wait_until(condition, seconds: float, interval: float = 0.02):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(interval)
    return None


class Preview:
    """`mkdocs serve` of a project folder, as a contributor runs it."""

    def __init__(self, name: str, folder: Path, config: Path, cache: Path, log: Path):
        self.name, self.folder, self.port = name, folder, free_port()
        self.base = f"http://127.0.0.1:{self.port}/"
        self.log = open(log, "w", encoding="utf-8")  # noqa: SIM115 — open while the server runs
        self.process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-f", str(config), "--dev-addr", f"127.0.0.1:{self.port}"],
            cwd=folder, env=environment(EDITION_CACHE=str(cache)), stdout=self.log, stderr=subprocess.STDOUT)
        self.page = self.base + edition_site.url(*EDITED)
        self.markdown = folder / "docs" / EDITED[0] / f"{EDITED[1]}.md"
        self.original = self.markdown.read_text(encoding="utf-8")
        if not wait_until(lambda: fetch(self.page, 5), 300, 0.2):
            raise SystemExit(f"{name}: mkdocs serve did not serve {self.page}; see {log}")
        self.pdf = None
        if name == "ours":
            article = yaml.safe_load((folder / "data" / "article.yaml").read_text(encoding="utf-8"))
            self.pdf = self.base + f"{edition_site.url(EDITED[0], 'index')}downloads/{article['file_name']}-{EDITED[0]}.pdf"
            if not wait_until(lambda: fetch(self.pdf, 5), 300, 0.2):
                raise SystemExit(f"{name}: the preview never served {self.pdf}; see {log}")

    def edit(self, n: int) -> tuple[float, float | None]:
        """Save a one-word edit; seconds until the served page holds it (and until the PDF is new)."""
        word = f"editmark{n}"
        pdf_before = hashlib.sha256(fetch(self.pdf) or b"").hexdigest() if self.pdf else None
        blocks = self.original.split("\n\n")
        index = next(i for i, block in enumerate(blocks) if block.strip() and block.lstrip()[0].isalpha())
        blocks[index] = re.sub(r"\.(\s*)$", f" {word}.\\1", blocks[index].rstrip(), count=1)
        text = "\n\n".join(blocks)
        assert word in text
        self.markdown.write_text(text, encoding="utf-8")
        saved = time.perf_counter()
        if not wait_until(lambda: word.encode() in (fetch(self.page) or b""), 300):
            raise SystemExit(f"{self.name}: the edit never reached {self.page}")
        page = time.perf_counter() - saved
        pdf = None
        if self.pdf:
            if wait_until(lambda: hashlib.sha256(fetch(self.pdf) or b"").hexdigest() not in (pdf_before,
                          hashlib.sha256(b"").hexdigest()), 300, 0.05):
                pdf = time.perf_counter() - saved
        time.sleep(1.0)  # let the machine settle before the other site's turn
        return page, pdf

    def close(self):
        self.markdown.write_text(self.original, encoding="utf-8")
        self.process.terminate()
        try:
            self.process.wait(30)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()


def preview(work: Path, runs: int) -> dict:
    ours = edition_site.copy_project(work / "preview-ours")
    bare = work / "preview-baseline"
    shutil.copytree(ROOT / "docs", bare / "docs")
    write_config(bare / "mkdocs.yml", baseline_config(bare / "docs", [f"{p}.md" for p in edition_site.PAGES]))
    servers = {"ours": Preview("ours", ours, ours / "mkdocs.yml", work / "cache-preview", work / "serve-ours.log"),
               "baseline": Preview("baseline", bare, bare / "mkdocs.yml", work / "cache-preview", work / "serve-baseline.log")}
    try:
        times = {name: [] for name in SITES}
        pdfs = []
        for n in range(runs + 1):
            for name, server in servers.items():
                page, pdf = server.edit(n)
                if n == 0:
                    continue  # the first edit warms up both servers
                times[name].append(page)
                if pdf is not None:
                    pdfs.append(pdf)
    finally:
        for server in servers.values():
            server.close()
    med = {name: median(values) for name, values in times.items()}
    return {"median": med, "ratio": med["ours"] / med["baseline"], "runs": runs, "times": times,
            "pdf": median(pdfs) if pdfs else None, "pdf_runs": len(pdfs)}


# --- (g) make test / make check from a fresh clone ------------------------------------------------

def suite(work: Path, rev: str) -> dict:
    """`make test` in a fresh clone of REV (its set-up included), then `make check` there."""
    clone = work / f"clone-{rev.replace('/', '_')}"
    subprocess.run(["git", "clone", "--quiet", "--no-checkout", str(ROOT), str(clone)], check=True)
    subprocess.run(["git", "checkout", "--quiet", subprocess.run(["git", "rev-parse", rev], cwd=ROOT, capture_output=True,
                    text=True, check=True).stdout.strip()], cwd=clone, check=True)
    env = {k: v for k, v in environment().items() if k != "SOURCE_DATE_EPOCH"}
    test = timed(["make", "test"], clone, env)
    check = timed(["make", "check"], clone, env)
    commit = subprocess.run(["git", "log", "-1", "--format=%h %s"], cwd=clone, capture_output=True, text=True).stdout.strip()
    shutil.rmtree(clone, ignore_errors=True)
    return {"rev": rev, "commit": commit, "test": test, "check": check}


# --- (e) page weight ---------------------------------------------------------------------

def page_weights(browser, base: str, urls: list[str]) -> dict[str, dict]:
    """Bytes on the wire (compressed body + headers) of a first visit to each URL."""
    weights = {}
    for url in urls:
        context = browser.new_context(viewport={"width": 412, "height": 823})  # empty cache
        page = context.new_page()
        responses = []
        page.on("requestfinished", lambda request, responses=responses: responses.append(request))
        page.goto(base + url, wait_until="networkidle")
        page.wait_for_timeout(500)
        total, kinds = 0, {}
        for request in responses:
            sizes = request.sizes()
            size = sizes["responseBodySize"] + sizes["responseHeadersSize"]
            total += size
            kinds[request.resource_type] = kinds.get(request.resource_type, 0) + size
        weights[url] = {"bytes": total, "requests": len(responses), "kinds": kinds}
        context.close()
    return weights


# --- (f) Lighthouse ------------------------------------------------------------------------

def lighthouse_cli() -> Path:
    """Lighthouse's command line, installed on first use (bench/lighthouse.py owns it)."""
    return lighthouse_pages.cli()


def lighthouse(cli: Path, url: str, out: Path) -> dict:
    env = dict(os.environ, CHROME_PATH=CHROMIUM)
    subprocess.run(
        ["node", str(cli), url, "--quiet", "--output=json", f"--output-path={out}",
         "--only-categories=performance,accessibility,best-practices,seo",
         "--chrome-flags=--headless=new --no-sandbox --disable-gpu"],
        env=env, check=True, capture_output=True,
    )
    report = json.loads(out.read_text(encoding="utf-8"))
    scores = {key: round(cat["score"] * 100) for key, cat in report["categories"].items()}
    failed = sorted(
        audit["id"] for audit in report["audits"].values()
        if audit.get("score") is not None and audit["score"] < 1 and audit.get("scoreDisplayMode") in ("binary", "numeric")
        and any(audit["id"] == ref["id"] for cat in report["categories"].values() for ref in cat["auditRefs"] if ref.get("weight"))
    )
    return {"scores": scores, "failed": failed, "version": report["lighthouseVersion"]}


def lighthouse_audits(servers: dict, work: Path, runs: int) -> dict:
    """(f): Lighthouse scores of a few pages of each site, {(site, url): audit}. The one call
    site of Lighthouse: swap this function for another module's (e.g. bench/lighthouse.py)."""
    audits = {}
    cli = lighthouse_cli()
    chosen = [edition_site.url(lang, page) for lang in edition_site.LANGS for page in edition_site.PAGES[:3]]
    for name in SITES:
        for url in chosen if name == "ours" else chosen[:1]:
            results = [lighthouse(cli, servers[name][1] + url, work / "lighthouse.json") for _ in range(runs)]
            results.sort(key=lambda run: run["scores"]["performance"])
            audits[(name, url)] = results[len(results) // 2] | {"performance": [r["scores"]["performance"] for r in results]}
            print(f"  {name} /{url}: {audits[(name, url)]['scores']}", flush=True)
    return audits


# --- the machine ----------------------------------------------------------------------------

def machine() -> list[str]:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor() or "?")
    memory = next((int(line.split()[1]) // 1024 for line in Path("/proc/meminfo").read_text().splitlines()
                   if line.startswith("MemTotal")), 0)
    chromium = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True).stdout.strip()
    node = subprocess.run(["node", "--version"], capture_output=True, text=True).stdout.strip() if shutil.which("node") else "none"
    versions = ", ".join(f"{name} {metadata.version(name)}" for name in
                         ("mkdocs", "mkdocs-material", "mkdocs-static-i18n", "pymdown-extensions", "weasyprint", "playwright"))
    commit = subprocess.run(["git", "log", "-1", "--format=%h %s"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    return [
        f"- CPU: {os.cpu_count()} × {cpu}; memory {memory / 1024:.1f} GiB; {platform.platform()}",
        f"- Python {platform.python_version()}; {versions}",
        f"- {chromium}; Node {node}",
        f"- commit: {commit or '?'}",
    ]


# --- report -----------------------------------------------------------------------------------

def kib(n: float) -> str:
    return f"{n / 1024:.1f}"


def verdict(ok: bool) -> str:
    return "met" if ok else "NOT met"


def ratio_rows(label: str, result: dict, goal: float) -> str:
    return (f"| {label} | {result['runs']} | {result['wall']['ours']:.2f} | {result['wall']['baseline']:.2f} | "
            f"**{result['ratio']:.2f}** | ≤ {goal} | {verdict(result['ratio'] <= goal)} | {result['cpu']['ours']:.2f} | "
            f"{result['cpu']['baseline']:.2f} | {result['cpu_ratio']:.2f} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="timed runs of each site for preview, warm and cold builds (default 7)")
    parser.add_argument("--scaled-runs", type=int, default=5, help="timed builds at 5x and 10x (default 5)")
    parser.add_argument("--lighthouse-runs", type=int, default=5, help="Lighthouse runs per page; the median run counts")
    parser.add_argument("--skip", action="append", default=[], choices=["preview", "builds", "scaling", "weight", "lighthouse"],
                        help="leave out a part (repeatable)")
    parser.add_argument("--no-lighthouse", action="store_true", help="the same as --skip lighthouse")
    parser.add_argument("--suite", action="store_true", help="also time `make test` and `make check` in a fresh clone of HEAD (long)")
    parser.add_argument("--suite-rev", action="append", default=[], help="also time them for this revision (before/after)")
    parser.add_argument("--output", type=Path, default=ROOT / "bench" / "results.md")
    args = parser.parse_args()
    skip = set(args.skip) | ({"lighthouse"} if args.no_lighthouse else set())
    reaper = _become_subreaper()

    lines: list[str] = []
    load_average = " / ".join(f"{x:.1f}" for x in os.getloadavg())
    with tempfile.TemporaryDirectory(prefix="edition-bench-") as tmp:
        work = Path(tmp)
        results: dict = {}
        if "preview" not in skip:
            print("(a) preview …", flush=True)
            results["preview"] = preview(work, args.runs)
        if "builds" not in skip:
            print("(b) warm builds …", flush=True)
            results["warm"] = warm_builds(work, 1, args.runs)
            print("(c) cold builds …", flush=True)
            results["cold"] = cold_builds(work, args.runs)
        if "scaling" not in skip:
            print("(d) scaling …", flush=True)
            one = results.get("warm") or warm_builds(work, 1, args.scaled_runs)
            results["scaling"] = [one] + [warm_builds(work, factor, args.scaled_runs) for factor in (5, 10)]
        sites = (results.get("warm") or (results.get("scaling") or [None])[0] or {}).get("sites")
        if sites is None and not {"weight", "lighthouse"} <= skip:
            sites = warm_builds(work, 1, 1)["sites"]
        servers = {name: serve_gzip.serve(sites[name]) for name in SITES} if sites else {}
        if "weight" not in skip:
            print("(e) page weight …", flush=True)
            from playwright.sync_api import sync_playwright

            urls = [edition_site.url(lang, page) for lang in edition_site.LANGS for page in edition_site.PAGES]
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
                results["weight"] = (urls, {name: page_weights(browser, base, urls) for name, (_, base) in servers.items()})
                browser.close()
        if "lighthouse" not in skip:
            print("(f) Lighthouse …", flush=True)
            results["lighthouse"] = lighthouse_audits(servers, work, args.lighthouse_runs)
        for server, _ in servers.values():
            server.shutdown()
        if args.suite or args.suite_rev:
            results["suite"] = []
            for rev in (["HEAD"] if args.suite else []) + args.suite_rev:
                print(f"(g) make test, make check in a fresh clone of {rev} …", flush=True)
                results["suite"].append(suite(work, rev))

    tree = "" if reaper else " — without orphaned worker processes: no subreaper here"
    lines += [f"Wall-clock seconds, medians; CPU seconds (user + system of the whole process tree{tree}) "
              f"beside them. Load average at the start: {load_average} (the machine's 2 cores may be shared: wall times move with it, "
              f"the ratios much less, since the two sites alternate).", ""]
    if "preview" in results:
        p = results["preview"]
        ok = p["ratio"] <= GOALS["preview"]
        lines += ["## (a) Preview after an edit", "",
                  f"`mkdocs serve` of each site on a temporary copy; a one-word edit saved to the first paragraph of "
                  f"docs/{EDITED[0]}/{EDITED[1]}.md; seconds from the save until the served page holds it (polled over HTTP). "
                  f"{p['runs']} edits per site, alternating, after one warm-up edit each. Goal: ours ≤ {GOALS['preview']}× the baseline.", "",
                  "| site | median s | all runs s |", "|---|---:|---|"]
        for name in SITES:
            lines.append(f"| {name} | {p['median'][name]:.2f} | {', '.join(f'{v:.2f}' for v in p['times'][name])} |")
        lines += ["", f"Ratio **{p['ratio']:.2f}**: goal {verdict(ok)}."]
        if p["pdf"] is not None:
            lines += [f"The edited language's PDF (rendered by the download worker after the pages) was served new "
                      f"{p['pdf']:.2f} s after the save (median of {p['pdf_runs']})."]
        lines.append("")
    if "warm" in results:
        lines += ["## (b) Warm build, (c) cold build", "",
                  "`mkdocs build` in a fresh interpreter, as `make build` runs it, the two sites alternating. Warm: a second build of "
                  "an unchanged tree (the download cache holds every download; the baseline has none). Cold: an empty download cache "
                  "(both PDFs, the search index and every other download rendered); the baseline builds as always.", "",
                  "| build | runs | ours, wall s | baseline, wall s | ratio | goal | verdict | ours, CPU s | baseline, CPU s | CPU ratio |",
                  "|---|---:|---:|---:|---:|---|---|---:|---:|---:|",
                  ratio_rows("warm", results["warm"], GOALS["warm"]), ratio_rows("cold", results["cold"], GOALS["cold"]), ""]
    if "scaling" in results:
        one, five, ten = results["scaling"]
        lines += ["## (d) Scaling", "",
                  "Warm builds (download cache filled by a first build of each tree) of the content 1×, 5× and 10× "
                  f"(bench/run.py synthetic_docs), wall seconds, medians. Goal: 10× costs ≤ {GOALS['scale']}× the 1× build.", "",
                  "| content | pages (both languages) | ours, s | baseline, s | ratio ours/baseline |", "|---|---:|---:|---:|---:|"]
        for b in (one, five, ten):
            lines.append(f"| {b['factor']}× | {b['pages']} | {b['wall']['ours']:.2f} | {b['wall']['baseline']:.2f} | {b['ratio']:.2f} |")
        lines += ["", "Time per added page (from 1× to 5×, from 5× to 10×); linear growth keeps them equal:", "",
                  "| site | 1×→5× ms/page | 5×→10× ms/page | 10× / 1× |", "|---|---:|---:|---:|"]
        for name in SITES:
            first = (five["wall"][name] - one["wall"][name]) / (five["pages"] - one["pages"])
            second = (ten["wall"][name] - five["wall"][name]) / (ten["pages"] - five["pages"])
            lines.append(f"| {name} | {first * 1000:.1f} | {second * 1000:.1f} | {ten['wall'][name] / one['wall'][name]:.2f} |")
        factor = ten["wall"]["ours"] / one["wall"]["ours"]
        lines += ["", f"Ours at 10× costs {factor:.2f}× its 1× build: goal {verdict(factor <= GOALS['scale'])}.", ""]
    if "weight" in results:
        urls, weights = results["weight"]
        lines += ["## (e) Page weight", "",
                  f"Bytes transferred (gzip-compressed bodies + headers) by a first visit (empty cache) to each page, "
                  f"served with gzip on 127.0.0.1, recorded in Chromium. Goal: ours/baseline ≤ {GOALS['weight']}.", "",
                  "| page | ours, KiB | requests | baseline, KiB | requests | ratio |", "|---|---:|---:|---:|---:|---:|"]
        ratios = []
        for url in urls:
            ours, base = weights["ours"][url], weights["baseline"][url]
            ratios.append(ours["bytes"] / base["bytes"])
            lines.append(f"| /{url} | {kib(ours['bytes'])} | {ours['requests']} | {kib(base['bytes'])} | "
                         f"{base['requests']} | {ratios[-1]:.2f} |")
        worst = max(ratios)
        lines += ["", f"Largest ratio {worst:.2f}, median {statistics.median(ratios):.2f}: goal {verdict(worst <= GOALS['weight'])}.", ""]
    if results.get("lighthouse"):
        audits = results["lighthouse"]
        version = next(iter(audits.values()))["version"]
        lines += ["## (f) Lighthouse", "",
                  f"Lighthouse {version}, mobile (default emulation and simulated throttling), Chromium headless, "
                  f"the sites served with gzip on 127.0.0.1; {args.lighthouse_runs} runs per page, the run with the "
                  f"median performance score is shown (all performance scores in brackets). Goals: performance ≥ "
                  f"{GOALS['performance']}, accessibility, best practices, SEO = 100.", "",
                  "| site | page | performance | accessibility | best practices | SEO | audits below full score |",
                  "|---|---|---:|---:|---:|---:|---|"]
        met = True
        for (name, url), audit in audits.items():
            s = audit["scores"]
            if name == "ours":
                met &= all(s[key] >= GOALS[key] for key in ("performance", "accessibility", "best-practices", "seo"))
            lines.append(f"| {name} | /{url} | {s['performance']} {audit['performance']} | {s['accessibility']} | {s['best-practices']} | "
                         f"{s['seo']} | {', '.join(audit['failed']) or '—'} |")
        lines += ["", f"Goals for our pages: {verdict(met)}.", ""]
    if results.get("suite"):
        lines += ["## (g) `make test` and `make check` from a fresh clone", "",
                  "A fresh `git clone` of the revision; `make test` there (creating .venv and installing requirements.txt from "
                  "the package index, the strict build, the linters, every test), then `make check` in the same clone. "
                  f"Goal: `make test` < {GOALS['suite']:.0f} s.", "",
                  "| revision | make test, wall s | CPU s | verdict | make check, wall s | CPU s |", "|---|---:|---:|---|---:|---:|"]
        for s in results["suite"]:
            lines.append(f"| {s['rev']} ({s['commit'][:60]}) | {s['test'][0]:.0f} | {s['test'][1]:.0f} | "
                         f"{verdict(s['test'][0] < GOALS['suite'])} | {s['check'][0]:.0f} | {s['check'][1]:.0f} |")
        lines.append("")

    header = ["# Benchmark results", "",
              f"`make bench` (bench/run.py), {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}.", "",
              "Machine:", "", *machine(), ""]
    text = "\n".join(header + lines)
    print("\n" + text)
    args.output.write_text(text, encoding="utf-8")
    print(f"written to {args.output.relative_to(ROOT) if args.output.is_relative_to(ROOT) else args.output}")


if __name__ == "__main__":
    main()
