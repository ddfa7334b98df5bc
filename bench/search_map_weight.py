#!/usr/bin/env python3
"""What the search and the map weigh: index size per language, and the bytes a reader's
browser receives for each feature (gzip -9, as a compressing server would send them).

    make build && .venv/bin/python bench/search_map_weight.py [site]

Search, per language: the index on disk (the language's wasm, meta, index chunks and
fragments); at page load (search.js, search.css, and the header's dialog markup in the
page); at the first query (what Chromium fetches from pagefind/ while a few queries run).
Map: map.css and the map's markup in the infrastructure page. Pagefind's own files are
already compressed; gzip leaves them as they are.
"""

from __future__ import annotations

import functools
import gzip
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from edition_site import LANGS, url  # noqa: E402

QUERIES = {"ru": ["инфраструктуры", "университетов"], "en": ["standards", "parks"]}


def gz(data: bytes) -> int:
    return len(gzip.compress(data, 9, mtime=0))


def without(html: str, selectors: list[str]) -> bytes:
    soup = BeautifulSoup(html, "html.parser")
    for selector in selectors:
        for element in soup.select(selector):
            element.decompose()
    return str(soup).encode()


def markup_weight(page: Path, selectors: list[str]) -> int:
    html = page.read_text(encoding="utf-8")
    return gz(str(BeautifulSoup(html, "html.parser")).encode()) - gz(without(html, selectors))


def index_size(site: Path, lang: str) -> tuple[int, int]:
    """(the index: meta, word chunks, fragments; the language's stemmer and search, wasm)"""
    bundle = site / "pagefind"
    files = [*bundle.glob(f"pagefind.{lang}_*.pf_meta"), *bundle.glob(f"index/{lang}_*"), *bundle.glob(f"fragment/{lang}_*")]
    return sum(f.stat().st_size for f in files), (bundle / f"wasm.{lang}.pagefind").stat().st_size


def first_query(site: Path) -> dict[str, int]:
    from playwright.sync_api import sync_playwright

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}/"
    weights = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"])
        for lang in LANGS:
            page = browser.new_page()
            fetched = {}
            page.on("response", lambda r, fetched=fetched: "/pagefind/" in r.url and fetched.setdefault(r.url, r))
            page.goto(base + url(lang, "index"))
            page.keyboard.press("/")
            for query in QUERIES[lang]:
                page.locator("#edition-search input").fill(query)
                page.wait_for_function("q => document.querySelector('#edition-search ol').dataset.query === q", arg=query)
            weights[lang] = sum(gz(r.body()) for r in fetched.values())
            weights[lang + " files"] = len(fetched)
            page.close()
        browser.close()
    server.shutdown()
    return weights


def main() -> None:
    site = ROOT / (sys.argv[1] if len(sys.argv) > 1 else "site")
    assets = site / "assets"
    print("search index on disk, bytes:")
    for lang in LANGS:
        data, wasm = index_size(site, lang)
        print(f"  {lang}: index {data} + wasm {wasm} = {data + wasm}")
    print("search at page load, gzip bytes:")
    scripts = gz((assets / "search.js").read_bytes()) + gz((assets / "search.css").read_bytes())
    for lang in LANGS:
        dialog = markup_weight(site / url(lang, "infrastructure") / "index.html", ["#edition-search", "[data-edition-search-open]"])
        print(f"  {lang}: search.js + search.css {scripts} + markup {dialog} = {scripts + dialog}")
    print("search at the first queries (pagefind.js, wasm, meta, chunks, fragments), gzip bytes:")
    weights = first_query(site)
    for lang in LANGS:
        print(f"  {lang} ({', '.join(QUERIES[lang])}): {weights[lang]} in {weights[lang + ' files']} files")
    print("map on the infrastructure page, gzip bytes:")
    css = gz((assets / "map.css").read_bytes())
    for lang in LANGS:
        figure = markup_weight(site / url(lang, "infrastructure") / "index.html", ["figure.edition-map"])
        print(f"  {lang}: map.css {css} + markup {figure} = {css + figure}")


if __name__ == "__main__":
    main()
