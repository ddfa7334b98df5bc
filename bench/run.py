"""Benchmarks of the edition against a baseline: bare Material + i18n on the same Markdown.

`make bench` runs this; it prints a table and writes it, with the machine it ran on, to
bench/results.md. It is not part of `make test` (timings are not tests).

(a) build time: our site and the baseline, built in turn (interleaved), median of runs;
(b) scaling: both builds on synthetic content 5x and 10x larger (every chapter copied
    under new names in both languages, generated into a temporary folder);
(c) page weight: compressed bytes a first visit to each page transfers (HTML, CSS, JS,
    fonts, images, search runtime and index), both sites served with gzip;
(d) Lighthouse 12 (npm, installed into a cache folder on first use), mobile scores of
    every page of our build (bench/lighthouse.py, which also runs alone) and of the
    baseline's title page.

The baseline: the same docs/ and nav, Material with its default search plugin, the i18n
plugin with the same languages, the same Markdown extensions — and no hooks, no
overrides, no extra CSS. Goals (issue 6): build ratio <= 1.3 (also at 10x, growing
linearly), page weight <= 1.1x, Lighthouse performance >= 98 and 100 elsewhere.
"""

from __future__ import annotations

import argparse
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
from importlib import metadata
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "bench"))

import lighthouse  # noqa: E402
import serve_gzip  # noqa: E402

import edition_site  # noqa: E402  (the project's own reading of mkdocs.yml)

CHROMIUM = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
GOALS = {"build": 1.3, "weight": 1.1, "performance": 98, "accessibility": 100, "best-practices": 100, "seo": 100}


# --- configurations ------------------------------------------------------------------

def our_config(docs: Path, nav: list[str]) -> dict:
    """mkdocs.yml as it is, pointed at `docs` with `nav`, every path made absolute."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=edition_site._ConfigLoader)
    config["docs_dir"] = str(docs)
    config["nav"] = nav
    config["hooks"] = [str(ROOT / hook) for hook in config.get("hooks", [])]
    config["watch"] = [str(ROOT / path) for path in config.get("watch", [])]
    config["theme"]["custom_dir"] = str(ROOT / config["theme"]["custom_dir"])
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


# --- (a), (b) build time ---------------------------------------------------------------

def build(config: Path, site: Path) -> tuple[float, float]:
    """CPU time (user + system) and wall time of `mkdocs build` in a fresh interpreter, as
    `make build` runs it. CPU time is the figure compared: it hardly moves when other work
    shares the machine, while wall time does."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1",
               SOURCE_DATE_EPOCH=os.environ.get("SOURCE_DATE_EPOCH", "0"))
    shutil.rmtree(site, ignore_errors=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)],
                            cwd=config.parent, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise SystemExit(f"build of {config} failed:\n{result.stderr}")
    return after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime, wall


def time_builds(work: Path, factor: int, runs: int) -> dict:
    docs = work / f"docs-{factor}x"
    nav = synthetic_docs(docs, factor) if factor > 1 else [f"{p}.md" for p in edition_site.PAGES]
    docs = docs if factor > 1 else ROOT / "docs"
    configs = {
        "ours": write_config(work / f"ours-{factor}x.yml", our_config(docs, nav)),
        "baseline": write_config(work / f"baseline-{factor}x.yml", baseline_config(docs, nav)),
    }
    cpu, wall = {name: [] for name in configs}, {name: [] for name in configs}
    for name, config in configs.items():  # one warm-up each (imports, caches)
        build(config, work / f"site-{name}-{factor}x")
    for _ in range(runs):
        for name, config in configs.items():  # interleaved: both see the same machine state
            spent, elapsed = build(config, work / f"site-{name}-{factor}x")
            cpu[name].append(spent)
            wall[name].append(elapsed)
    median = {name: statistics.median(values) for name, values in cpu.items()}
    return {"factor": factor, "pages": len(nav) * len(edition_site.LANGS), "runs": runs,
            "median": median, "ratio": median["ours"] / median["baseline"],
            "wall": {name: statistics.median(values) for name, values in wall.items()},
            "sites": {name: work / f"site-{name}-{factor}x" for name in configs}}


# --- (c) page weight ---------------------------------------------------------------------

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


# --- the machine ----------------------------------------------------------------------------

def machine() -> list[str]:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor() or "?")
    memory = next((int(line.split()[1]) // 1024 for line in Path("/proc/meminfo").read_text().splitlines()
                   if line.startswith("MemTotal")), 0)
    chromium = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True).stdout.strip()
    node = subprocess.run(["node", "--version"], capture_output=True, text=True).stdout.strip()
    versions = ", ".join(f"{name} {metadata.version(name)}" for name in
                         ("mkdocs", "mkdocs-material", "mkdocs-static-i18n", "pymdown-extensions", "playwright"))
    return [
        f"- CPU: {os.cpu_count()} × {cpu}; memory {memory / 1024:.1f} GiB; {platform.platform()}",
        f"- Python {platform.python_version()}; {versions}",
        f"- {chromium}; Node {node}",
    ]


# --- report -----------------------------------------------------------------------------------

def kib(n: float) -> str:
    return f"{n / 1024:.1f}"


def verdict(ok: bool) -> str:
    return "met" if ok else "NOT met"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="timed builds of each site at 1x (default 7)")
    parser.add_argument("--scaled-runs", type=int, default=5, help="timed builds at 5x and 10x (default 5)")
    parser.add_argument("--lighthouse-runs", type=int, default=3, help="Lighthouse runs per page; the median counts (default 3)")
    parser.add_argument("--no-lighthouse", action="store_true")
    parser.add_argument("--output", type=Path, default=ROOT / "bench" / "results.md")
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    lines: list[str] = []
    load_average = " / ".join(f"{x:.1f}" for x in os.getloadavg())
    with tempfile.TemporaryDirectory(prefix="edition-bench-") as tmp:
        work = Path(tmp)
        print("(a)/(b) build times …", flush=True)
        builds = [time_builds(work, 1, args.runs)]
        for factor in (5, 10):
            builds.append(time_builds(work, factor, args.scaled_runs))

        print("(c) page weight …", flush=True)
        urls = [edition_site.url(lang, page) for lang in edition_site.LANGS for page in edition_site.PAGES]
        servers = {name: serve_gzip.serve(builds[0]["sites"][name]) for name in ("ours", "baseline")}
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
            weights = {name: page_weights(browser, base, urls) for name, (_, base) in servers.items()}
            browser.close()

        audits = {}
        if not args.no_lighthouse:
            print("(d) Lighthouse, every page …", flush=True)
            audits["ours"] = lighthouse.measure(servers["ours"][1], lighthouse.pages(builds[0]["sites"]["ours"]),
                                                args.lighthouse_runs, work)
            audits["baseline"] = lighthouse.measure(servers["baseline"][1], [""], args.lighthouse_runs, work)
        for server, _ in servers.values():
            server.shutdown()

    # (a), (b)
    lines += ["## (a) Build time, (b) scaling", "",
              f"CPU time (user + system) of `mkdocs build` in a fresh interpreter (as `make build`), median of "
              f"the timed runs, the two sites built in turn after one warm-up each; wall time (median) beside it "
              f"for reference — it varies with whatever else runs on the machine (load average at the start: "
              f"{load_average}). Goal: ours/baseline ≤ {GOALS['build']} at every size; time linear in size.", "",
              "| content | pages (both languages) | runs | ours, CPU s | baseline, CPU s | ratio | goal | ours, wall s | baseline, wall s |",
              "|---|---:|---:|---:|---:|---:|---|---:|---:|"]
    for b in builds:
        lines.append(f"| {b['factor']}× | {b['pages']} | {b['runs']} | {b['median']['ours']:.2f} | "
                     f"{b['median']['baseline']:.2f} | {b['ratio']:.2f} | {verdict(b['ratio'] <= GOALS['build'])} | "
                     f"{b['wall']['ours']:.2f} | {b['wall']['baseline']:.2f} |")
    one, five, ten = builds
    lines += ["", "Linearity — CPU seconds per added page (from 1× to 5×, from 5× to 10×); linear growth keeps them equal:", "",
              "| site | 1×→5× s/page | 5×→10× s/page | change |", "|---|---:|---:|---:|"]
    linear = True
    for name in ("ours", "baseline"):
        first = (five["median"][name] - one["median"][name]) / (five["pages"] - one["pages"])
        second = (ten["median"][name] - five["median"][name]) / (ten["pages"] - five["pages"])
        change = second / first - 1
        if name == "ours":
            linear = change <= 0.25
        lines.append(f"| {name} | {first * 1000:.1f} ms | {second * 1000:.1f} ms | {change:+.0%} |")
    lines += ["", f"Our build grows linearly (its second slope at most 25 % above the first; the baseline's "
              f"slopes are shown for the noise level): {verdict(linear)}.", ""]

    # (c)
    lines += ["## (c) Page weight", "",
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
    by_kind = {}
    for name in ("ours", "baseline"):
        for url in urls:
            for kind, size in weights[name][url]["kinds"].items():
                by_kind.setdefault(kind, {}).setdefault(name, []).append(size)
    lines += ["By kind of resource (mean per page, KiB):", "", "| kind | ours | baseline |", "|---|---:|---:|"]
    for kind, sizes in sorted(by_kind.items()):
        mean = {name: sum(sizes.get(name, [])) / len(urls) for name in ("ours", "baseline")}
        lines.append(f"| {kind} | {kib(mean['ours'])} | {kib(mean['baseline'])} |")
    lines.append("")

    # (d)
    if audits:
        lines += lighthouse.table(audits, args.lighthouse_runs)

    header = ["# Benchmark results", "",
              f"`make bench` (bench/run.py), {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}.", "",
              "Machine:", "", *machine(), ""]
    text = "\n".join(header + lines)
    print("\n" + text)
    args.output.write_text(text, encoding="utf-8")
    print(f"written to {args.output.relative_to(ROOT) if args.output.is_relative_to(ROOT) else args.output}")


if __name__ == "__main__":
    main()
