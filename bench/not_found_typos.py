"""How well the 404 page finds the page a mistyped address meant (docs/assets/not-found.js).

    .venv/bin/python bench/not_found_typos.py [--site site] [--per-page 5] [--seed 1]

Serves a built site the way GitHub Pages does (every miss gets the root 404.html), opens
mistyped addresses of every page in Chromium — one and two random edits (a letter left
out, added, changed, or two neighbours swapped) of the address below the language folder
— and addresses of pages this site does not have, and counts what the page suggests: the
right page, a wrong one, or none. Python's difflib.get_close_matches on the same addresses
is shown beside it, for comparison (the 404 page cannot use it: the address is known only
in the reader's browser).
"""

from __future__ import annotations

import argparse
import difflib
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "tests"))

import serve_gzip  # noqa: E402

from built_pages import html_urls, language_of  # noqa: E402
from edition_site import DEFAULT  # noqa: E402

LETTERS = "abcdefghijklmnopqrstuvwxyz-"
# Addresses of pages this site does not have (what crawlers and old bookmarks ask for).
FOREIGN = ["wp-login.php", "admin/", "feed/", "rss.xml", "login/", "api/v1/users/", "blog/2020/hello-world/",
           "en/blog/", "en/contact/", "en/news/", "en/foo/", "en/search/", "en/abstract/", "en/authors/",
           "en/download/", "en/privacy/", "en/terms/", "en/team/", "en/map/", "en/table/", "en/pdf/", "xyz/"]


def typo(rng: random.Random, address: str, edits: int) -> str:
    """`edits` random edits of the address below its language folder."""
    lang = language_of(address)
    prefix = "" if lang == DEFAULT else f"{lang}/"
    body = address.removeprefix(prefix).rstrip("/")
    for _ in range(edits):
        i, kind = rng.randrange(len(body)), rng.randrange(4)
        if kind == 0 and len(body) > 2:
            body = body[:i] + body[i + 1:]
        elif kind == 1:
            body = body[:i] + rng.choice(LETTERS) + body[i:]
        elif kind == 2:
            body = body[:i] + rng.choice(LETTERS) + body[i + 1:]
        elif i + 1 < len(body):
            body = body[:i] + body[i + 1] + body[i] + body[i + 2:]
    return prefix + body + "/"


def suggested(tab, base: str, address: str) -> str | None:
    tab.goto(base + address)
    tab.wait_for_load_state("networkidle")
    href = tab.evaluate("""() => { const a = document.querySelector(".edition-not-found__suggestion:not([hidden]) a");
                                   return a ? a.getAttribute("href") : null; }""")
    return href.removeprefix("/") if href is not None else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--per-page", type=int, default=5, help="mistyped addresses per page and number of edits")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    pages = [url for url in html_urls(args.site) if not url.endswith("404.html")]
    rng = random.Random(args.seed)
    cases = {1: [], 2: []}
    for page in pages:
        if len(page.removeprefix(f"{language_of(page)}/").rstrip("/")) < 4:
            continue  # a title page: nothing to mistype below its folder
        for edits in cases:
            for _ in range(args.per_page):
                address = typo(rng, page, edits)
                if address not in pages:
                    cases[edits].append((address, page))
    from playwright.sync_api import sync_playwright

    server, base = serve_gzip.serve(args.site)
    results = {"not-found.js": {}}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"])
            tab = browser.new_page()
            for edits, found in cases.items():
                results["not-found.js"][edits] = [(suggested(tab, base, address), page) for address, page in found]
            results["not-found.js"]["foreign"] = [suggested(tab, base, address) for address in FOREIGN]
            browser.close()
    finally:
        server.shutdown()
    keys = {page.rstrip("/"): page for page in pages}
    for cutoff in (0.6, 0.7, 0.8):
        def match(address, cutoff=cutoff):
            close = difflib.get_close_matches(address.rstrip("/"), list(keys), n=1, cutoff=cutoff)
            return keys[close[0]] if close else None
        name = f"difflib, cutoff {cutoff}"
        results[name] = {edits: [(match(address), page) for address, page in found] for edits, found in cases.items()}
        results[name]["foreign"] = [match(address) for address in FOREIGN]
    print(f"{len(pages)} pages; mistyped addresses: {len(cases[1])} with one edit, {len(cases[2])} with two; "
          f"{len(FOREIGN)} addresses of pages the site does not have.\n")
    print("| rule | one edit: right page | two edits: right page | a wrong page | foreign addresses given a page |")
    print("|---|---:|---:|---:|---:|")
    for name, result in results.items():
        right = {edits: sum(got == page for got, page in result[edits]) for edits in cases}
        wrong = sum(got not in (None, page) for edits in cases for got, page in result[edits])
        foreign = [address for address, got in zip(FOREIGN, result["foreign"]) if got]
        print(f"| {name} | {right[1] / len(cases[1]):.1%} | {right[2] / len(cases[2]):.1%} | {wrong} | "
              f"{len(foreign)} {json.dumps(foreign) if foreign else ''} |")


if __name__ == "__main__":
    main()
