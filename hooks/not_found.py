"""A "not found" page in every language: /404.html in Russian with the Russian
navigation, /en/404.html in English.

MkDocs writes 404.html at the site root in every build, and mkdocs-static-i18n builds
the languages one after another into one folder, so the last language would win. The
default language's page is kept when its build ends; each other language's page is moved
into its folder and the default's put back. (This hook's on_post_build runs before the
i18n plugin's, which starts the next language's build.)
"""

from pathlib import Path

import _edition

NAME = "404.html"
_kept: dict[str, bytes] = {}


def on_post_build(config):
    site = Path(config.site_dir)
    lang = _edition.current_language(config)
    page = site / NAME
    if lang == _edition.default_language(config):
        _kept[config.site_dir] = page.read_bytes()
        return
    target = site / _edition.prefix(lang, config) / NAME
    target.parent.mkdir(parents=True, exist_ok=True)
    page.replace(target)
    page.write_bytes(_kept[config.site_dir])
