"""Every HTML page of the built site, found by walking it (not from a list), so that the
gates cover pages that later features add: pages added to the nav, 404.html, …"""

from __future__ import annotations

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


def palettes() -> list[str]:
    """The colour schemes of mkdocs.yml's theme.palette ('default', 'slate')."""
    palette = config()["theme"].get("palette") or []
    palette = [palette] if isinstance(palette, dict) else palette
    return [option.get("scheme", "default") for option in palette] or ["default"]


def use_palette(page, scheme: str) -> None:
    """Choose a palette the way a reader's toggle does: Material's own stored preference
    (__md_set('__palette', …)), then reload so that it applies before the first paint."""
    found = page.evaluate(
        """scheme => {
            const input = document.querySelector(`input[name=__palette][data-md-color-scheme="${scheme}"]`);
            if (!input) return false;
            const inputs = [...document.querySelectorAll("input[name=__palette]")];
            __md_set("__palette", {index: inputs.indexOf(input), color: {
                media: input.dataset.mdColorMedia, scheme: input.dataset.mdColorScheme,
                primary: input.dataset.mdColorPrimary, accent: input.dataset.mdColorAccent}});
            return true;
        }""",
        scheme,
    )
    if found:
        page.reload()
    actual = page.locator("body").get_attribute("data-md-color-scheme")
    assert actual == scheme, f"{page.url}: palette '{scheme}' could not be chosen (body has '{actual}')"
