# plumbing · on_config, on_env, on_post_page, on_post_build
"""A "not found" page for every host: /404.html, and /en/404.html for hosts that serve a
language's own page under its folder.

Each 404 page carries every language's short message, each marked with its `lang`, its
own language first (overrides/404.html); docs/assets/not-found.js puts the reader's
language first when the address tells it (/en/… is English), and links the closest page
of the site when the address is a mistyped or an old form of a known one. It matches the
address against the site's pages, which this hook lists after the last language's build
in assets/not-found.json (the URL below the site root, title and language of every
page built, parallel pages included). GitHub Pages serves only the root 404.html, for
every missing address, so that page must work for both languages and from any depth:
its links are absolute paths from the host's root (MkDocs renders 404.html with the
site_url's path as its base URL).

MkDocs writes 404.html at the site root in every build, and mkdocs-static-i18n builds
the languages one after another into one folder, so the last language would win. The
default language's page is kept when its build ends; each other language's page is moved
into its folder and the default's put back. (This hook's on_post_build runs before the
i18n plugin's, which starts the next language's build.)
"""

import json
from pathlib import Path

from edition import metadata

NAME = "404.html"
PAGES = "assets/not-found.json"  # the site's pages, for the 404 page's script
_kept: dict[str, bytes] = {}
_pages: dict[str, dict] = {}     # page URL below the site root -> {url, title, lang}, for one build of the site


def on_config(config):
    i18n = config.plugins["i18n"]
    if i18n.current_language is None or i18n.is_default_language_build:  # a new build of the site
        _pages.clear()
    return config


def on_env(env, config, files):
    env.globals["not_found_pages"] = PAGES
    return env


def on_post_page(output, page, config):
    lang = metadata.current_language(config)
    _pages[page.url] = {"url": page.url, "title": page.title or "", "lang": lang}
    return output


def on_post_build(config):
    site = Path(config.site_dir)
    lang = metadata.current_language(config)
    page = site / NAME
    if lang == metadata.default_language(config):
        _kept[config.site_dir] = page.read_bytes()
    else:
        target = site / metadata.prefix(lang, config) / NAME
        target.parent.mkdir(parents=True, exist_ok=True)
        page.replace(target)
        page.write_bytes(_kept[config.site_dir])
    if {entry["lang"] for entry in _pages.values()} >= set(metadata.languages(config)):
        pages = [_pages[url] for url in sorted(_pages)]
        target = site / PAGES
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps({"pages": pages}, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
