"""Lighthouse on every built HTML page of the site, both languages: chapters, the edition's
pages, parallel pages, and the two 404 pages.

    .venv/bin/python bench/lighthouse.py [--site SITE] [--runs 3] [--max-load 1.5] [--baseline] [--output bench/lighthouse.md] [PAGE …]

Without --site it builds the site first (`mkdocs build --strict` into a temporary folder).
Each page is audited `--runs` times, one run after another (Lighthouse is slow and its
timings suffer when it shares the CPU); every score shown is the median of the runs, the
run with the median performance score gives the metrics and the audits below full score.
`make bench` (bench/run.py) calls `measure()` and `table()` for its section (d).

With --baseline, bare Material + i18n on the same Markdown (bench/run.py's baseline, built
here) is audited too, side by side: each page of ours, then the same page of the baseline
where it has one (it has no parallel pages and no full text), so that both see the same state
of the machine. The goal is absolute (performance ≥ 98); the baseline says what this machine
and Chromium give plain Material on the same text.

Lighthouse 12 (npm, installed into a cache folder on first use), mobile: default emulation
and simulated throttling; Debian's Chromium, headless; the site served with gzip on
127.0.0.1 by bench/serve_gzip.py. The 404 pages are audited as their files (/404.html,
/en/404.html, status 200): Lighthouse gives no scores for a document answered with status
404 (runtime error ERRORED_DOCUMENT_REQUEST), which is how a host serves them for a missing
address.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "bench"))

import serve_gzip  # noqa: E402

from built_pages import html_urls, language_of  # noqa: E402  (the tests' walk of the built site)
from edition_site import LANGS  # noqa: E402

CHROMIUM = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
LIGHTHOUSE = "lighthouse@12.8.2"  # exact, like requirements.txt
CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "edition-bench" / LIGHTHOUSE.replace("@", "-")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
GOALS = {"performance": 98, "accessibility": 100, "best-practices": 100, "seo": 100}
METRICS = {"first-contentful-paint": "FCP", "largest-contentful-paint": "LCP", "total-blocking-time": "TBT",
           "cumulative-layout-shift": "CLS", "speed-index": "SI"}


def cli() -> Path:
    """Lighthouse's command line, installed from npm into the cache on first use."""
    path = CACHE / "node_modules" / "lighthouse" / "cli" / "index.js"
    if not path.is_file():
        CACHE.mkdir(parents=True, exist_ok=True)
        print(f"installing {LIGHTHOUSE} into {CACHE} …", flush=True)
        subprocess.run(["npm", "install", "--prefix", str(CACHE), "--no-audit", "--no-fund",
                        "--loglevel=error", LIGHTHOUSE], check=True)
    return path


def run_once(lighthouse: Path, url: str, out: Path) -> dict:
    """One Lighthouse run: scores, metrics, the weighted audits below full score."""
    env = dict(os.environ, CHROME_PATH=CHROMIUM)
    result = subprocess.run(
        ["node", str(lighthouse), url, "--quiet", "--output=json", f"--output-path={out}",
         f"--only-categories={','.join(CATEGORIES)}",
         "--chrome-flags=--headless=new --no-sandbox --disable-gpu"],
        env=env, capture_output=True, text=True,
    )
    report = json.loads(out.read_text(encoding="utf-8")) if out.is_file() else {}
    if result.returncode != 0 or report.get("runtimeError"):
        error = (report.get("runtimeError") or {}).get("message") or result.stderr[-500:]
        raise SystemExit(f"Lighthouse failed on {url}: {error}")
    weighted = {ref["id"] for cat in report["categories"].values() for ref in cat["auditRefs"] if ref.get("weight")}
    failed = sorted(
        audit["id"] for audit in report["audits"].values()
        if audit["id"] in weighted and audit.get("score") is not None and audit["score"] < 1
        and audit.get("scoreDisplayMode") in ("binary", "numeric")
    )
    return {
        "scores": {key: round(report["categories"][key]["score"] * 100) for key in CATEGORIES},
        "metrics": {key: report["audits"][key]["numericValue"] for key in METRICS},
        "failed": failed,
        "version": report["lighthouseVersion"],
        "benchmark_index": report.get("environment", {}).get("benchmarkIndex"),
    }


def quiet(max_load: float | None, wait: float) -> float:
    """Wait (at most `wait` seconds) until the 1-minute load average is at most `max_load`:
    on a shared machine other work inflates Lighthouse's timings. Returns the load then."""
    deadline = time.monotonic() + wait
    while max_load is not None and os.getloadavg()[0] > max_load and time.monotonic() < deadline:
        time.sleep(10)
    return os.getloadavg()[0]


def measure(base: str, urls: list[str], runs: int = 3, work: Path | None = None, log=print,
            max_load: float | None = None, wait: float = 0) -> dict[str, dict]:
    """Every URL (below `base`) audited `runs` times in turn; per URL the median scores.
    With `max_load`, each run waits (up to `wait` s) for the machine's load to fall to it."""
    lighthouse = cli()
    results = {}
    with tempfile.TemporaryDirectory(prefix="edition-lighthouse-") as tmp:
        out = Path(work or tmp) / "lighthouse.json"
        for number, url in enumerate(urls, 1):
            started = time.perf_counter()
            done = []
            for _ in range(runs):
                load = quiet(max_load, wait)
                out.unlink(missing_ok=True)
                done.append(run_once(lighthouse, base + url, out) | {"load": load})
            done.sort(key=lambda run: run["scores"]["performance"])
            middle = done[len(done) // 2]
            results[url] = {
                "scores": {key: statistics.median_low(run["scores"][key] for run in done) for key in CATEGORIES},
                "performance_runs": [run["scores"]["performance"] for run in done],
                "metrics": middle["metrics"],
                "failed": middle["failed"],
                "version": middle["version"],
                "benchmark_index": statistics.median(run["benchmark_index"] or 0 for run in done),
                "load": statistics.median(run["load"] for run in done),
            }
            log(f"  [{number}/{len(urls)}] /{url}: {results[url]['scores']} {results[url]['performance_runs']} "
                f"({time.perf_counter() - started:.0f} s)", flush=True)
    return results


def pages(site: Path) -> list[str]:
    """Every HTML page of the built site, language by language (as mkdocs.yml lists them), by address."""
    return sorted(html_urls(site), key=lambda url: (LANGS.index(language_of(url)), url))


def met(result: dict) -> bool:
    return all(result["scores"][key] >= goal for key, goal in GOALS.items())


def table(sites: dict[str, dict[str, dict]], runs: int, goal: str = "ours") -> list[str]:
    """The section of results.md: one row per site and page (`sites`: name -> measure()'s
    result), then whether the pages of the site `goal` meet the goals."""
    everything = [result for results in sites.values() for result in results.values()]
    index = statistics.median(result["benchmark_index"] for result in everything)
    lines = [
        "## (d) Lighthouse, every page", "",
        f"Lighthouse {everything[0]['version']}, mobile (default emulation and simulated throttling), Chromium "
        f"headless, the site served with gzip on 127.0.0.1; every HTML page of the build (the 404 pages as their "
        f"files: Lighthouse scores no document answered with status 404). {runs} runs per page, one after "
        f"another; each score is the median of the runs (all performance scores in brackets), the metrics (ms; "
        f"CLS unitless) and the audits below full score are those of the run with the median performance; "
        f"load: the machine's 1-minute load average when the runs started (median). "
        f"Lighthouse's CPU benchmark index of this machine, median: {index:.0f} (below 1000 Lighthouse warns that "
        f"the CPU is slower than its simulation expects, and the performance scores drop: a busy machine). Goals: "
        f"performance ≥ {GOALS['performance']}, accessibility, best practices, SEO = 100.", "",
        "| site | page | performance | accessibility | best practices | SEO | " + " | ".join(METRICS.values()) +
        " | load | audits below full score |",
        "|---|---|---:|---:|---:|---:|" + "---:|" * len(METRICS) + "---:|---|",
    ]
    for name, results in sites.items():
        for url, result in results.items():
            s, m = result["scores"], result["metrics"]
            metrics = " | ".join(f"{m[key]:.3f}" if key == "cumulative-layout-shift" else f"{m[key]:.0f}" for key in METRICS)
            lines.append(f"| {name} | /{url} | {s['performance']} {result['performance_runs']} | {s['accessibility']} | "
                         f"{s['best-practices']} | {s['seo']} | {metrics} | {result['load']:.1f} | {', '.join(result['failed']) or '—'} |")
    if goal in sites:
        missed = [url for url, result in sites[goal].items() if not met(result)]
        lines += ["", f"Goals met on {len(sites[goal]) - len(missed)} of {len(sites[goal])} pages ({goal})"
                  + (f"; not on: {', '.join('/' + url for url in missed)}." if missed else ".")]
    return lines + [""]


def build(target: Path) -> Path:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH=os.environ.get("SOURCE_DATE_EPOCH", "0"))
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(target)],
                            cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"mkdocs build --strict failed:\n{result.stderr[-3000:]}")
    return target


def baseline(target: Path) -> Path:
    """Bare Material + i18n (bench/run.py baseline_config) on our docs/, built into TARGET/site."""
    import run as bench  # bench/run.py imports this module: import it only when asked

    target.mkdir(parents=True, exist_ok=True)
    config = bench.write_config(target / "baseline.yml", bench.baseline_config(ROOT / "docs", [f"{p}.md" for p in bench.edition_site.PAGES]))
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-f", str(config), "--site-dir", str(target / "site")],
                            cwd=target, env=bench.environment(), capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"the baseline's mkdocs build failed:\n{result.stderr[-3000:]}")
    return target / "site"


def side_by_side(sites: dict[str, dict[str, dict]]) -> list[str]:
    """One line per page both sites have: ours against the baseline, the median performances."""
    ours, bare = sites.get("ours", {}), sites.get("baseline", {})
    shared = [url for url in ours if url in bare]
    if not shared:
        return []
    higher = sum(ours[u]["scores"]["performance"] > bare[u]["scores"]["performance"] for u in shared)
    equal = sum(ours[u]["scores"]["performance"] == bare[u]["scores"]["performance"] for u in shared)
    lines = [f"Side by side on the {len(shared)} pages both sites have (median performance of each page): ours "
             f"{statistics.median(ours[u]['scores']['performance'] for u in shared)}, baseline "
             f"{statistics.median(bare[u]['scores']['performance'] for u in shared)}; ours higher on {higher}, equal on "
             f"{equal}, lower on {len(shared) - higher - equal}. Baseline pages at ≥ {GOALS['performance']}: "
             f"{sum(bare[u]['scores']['performance'] >= GOALS['performance'] for u in shared)} of {len(shared)}.", "",
             "| page | ours | baseline |", "|---|---:|---:|"]
    lines += [f"| /{u} | {ours[u]['scores']['performance']} {ours[u]['performance_runs']} | "
              f"{bare[u]['scores']['performance']} {bare[u]['performance_runs']} |" for u in shared]
    return lines + [""]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build one into a temporary folder)")
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page; the median counts (default 3)")
    parser.add_argument("--output", type=Path, default=ROOT / "bench" / "lighthouse.md")
    parser.add_argument("--max-load", type=float, help="before each run, wait until the 1-minute load average is at most this")
    parser.add_argument("--wait", type=float, default=900, help="… but at most this many seconds (default 900)")
    parser.add_argument("--baseline", action="store_true", help="also audit bare Material + i18n, page by page in turn with ours")
    parser.add_argument("page", nargs="*", help="only these pages (URLs below the site root, e.g. en/infrastructure/)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="edition-lighthouse-site-") as tmp:
        site = args.site.resolve() if args.site else build(Path(tmp) / "site")
        urls = args.page or pages(site)
        servers = {"ours": serve_gzip.serve(site)}
        if args.baseline:
            bare_site = baseline(Path(tmp) / "baseline")
            servers["baseline"] = serve_gzip.serve(bare_site)
            bare = set(html_urls(bare_site))
        results: dict[str, dict] = {name: {} for name in servers}
        try:
            print(f"Lighthouse on {len(urls)} pages of {site}, {args.runs} runs each"
                  f"{' (and the baseline on the pages it has)' if args.baseline else ''} …", flush=True)
            for url in urls:  # page by page, each site in turn: both see the same state of the machine
                for name, (_, base) in servers.items():
                    if name == "ours" or url in bare:
                        results[name] |= measure(base, [url], args.runs, max_load=args.max_load, wait=args.wait,
                                                 log=lambda text, name=name, **kw: print(f"{name}{text}", **kw))
        finally:
            for server, _ in servers.values():
                server.shutdown()
    lines = ["# Lighthouse on every page", "",
             f"`.venv/bin/python bench/lighthouse.py{' --baseline' if args.baseline else ''}` (also section (d) of "
             f"`make bench`), {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; load average at the end "
             f"{' / '.join(f'{x:.1f}' for x in os.getloadavg())}.", "", *table(results, args.runs), *side_by_side(results)]
    text = "\n".join(lines)
    print("\n" + text)
    args.output.write_text(text, encoding="utf-8")
    print(f"written to {args.output.relative_to(ROOT) if args.output.is_relative_to(ROOT) else args.output}")


if __name__ == "__main__":
    main()
