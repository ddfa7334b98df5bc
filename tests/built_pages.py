"""Every HTML page of the built site, found by walking it (not from a list), so that the
gates cover pages that later features add: pages added to the nav, 404.html, …"""

from __future__ import annotations

import json
from pathlib import Path

from edition_site import DEFAULT, LANGS, config


def html_urls(site: Path) -> list[str]:
    """URLs (below the site root) of all HTML files: '', 'en/introduction/', '404.html'."""
    urls = []
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        urls.append(rel.removesuffix("index.html") if rel == "index.html" or rel.endswith("/index.html") else rel)
    return urls


def html_file(site: Path, url: str) -> Path:
    """The file behind a URL of html_urls()."""
    return site / (url + "index.html" if url == "" or url.endswith("/") else url)


def language_of(url: str) -> str:
    """The language of a page: its first path segment if that names a language, else the default."""
    first = url.split("/", 1)[0]
    return first if "/" in url and first in LANGS else DEFAULT


def html_urls_of(site: Path, lang: str) -> list[str]:
    return [url for url in html_urls(site) if language_of(url) == lang]


def _palette_options() -> list[dict]:
    palette = config()["theme"].get("palette") or []
    return [palette] if isinstance(palette, dict) else palette


def palettes() -> list[str]:
    """The colour schemes of mkdocs.yml's theme.palette ('default', 'slate')."""
    return [option.get("scheme", "default") for option in _palette_options()] or ["default"]


def start_material(page, move=None, timeout: float = 10_000) -> None:
    """Make the reader's first move on a loaded page — MOVE (a function), by default a key,
    Shift: it moves neither focus nor pointer, so nothing is hovered or focused that the rules
    then read. Material's bundle runs then (docs/assets/material-on-demand.js), and this returns
    once it has started (it swaps <html class="no-js"> for "js"). A rule that reads or uses what
    Material's script does — the palette toggle, the header, its shortcuts — calls it first, as
    a reader's first move would. (A function, not an expression: the page's policy allows no eval.)"""
    (move or (lambda: page.keyboard.press("Shift")))()
    page.wait_for_function("() => document.documentElement.classList.contains('js')", timeout=timeout)


def use_palette(page, scheme: str) -> None:
    """Open every following page in a palette, the way a reader's choice persists: Material's
    stored preference (`<scope>.__palette` in localStorage, read by its inline script before
    the first paint), written before each page's own scripts run."""
    options = _palette_options()
    index = next((i for i, option in enumerate(options) if option.get("scheme", "default") == scheme), 0)
    option = options[index] if options else {}
    stored = json.dumps({"index": index, "color": {
        "media": option.get("media", ""), "scheme": scheme,
        "primary": option.get("primary", "indigo"), "accent": option.get("accent", "indigo")}})
    page.add_init_script(f"""(() => {{
        const parts = location.pathname.split("/").slice(0, -1);   // every folder above the page
        for (let i = 1; i <= parts.length; i++)
            localStorage.setItem(parts.slice(0, i).join("/") + "/.__palette", {json.dumps(stored)});
    }})();""")


def palette_of(page) -> str | None:
    return page.locator("body").get_attribute("data-md-color-scheme")
