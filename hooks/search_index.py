"""Build the search index with Pagefind once every language of the site is built.

Pagefind reads the built HTML and writes site/pagefind/: one index per `<html lang>`
(Russian and English, each with its Snowball stemmer), so a reader of the Russian site
searches only Russian pages and finds «университетов» in «университеты». Only the
article is indexed (ROOT); the parts below that are not the text are left out (IGNORE).

mkdocs-static-i18n builds the other languages inside the default language's
on_post_build (priority -100). This event runs after it (priority -200) and skips the
nested builds, so it indexes the whole site once, after the last language; it runs on
every rebuild of `mkdocs serve` as well.
"""

import json
import subprocess
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

ROOT = "article.md-content__inner"
# Not the text: heading permalinks, Material's edit/view buttons, and (Pagefind's own rule)
# anything a template marks with data-pagefind-ignore, e.g. the map, whose words are the table's.
IGNORE = [".headerlink", ".md-content__button"]
# Only the pages written in docs/: not 404.html (in the language of the last build), not the
# parallel pages (hooks/parallel.py), whose two languages a per-language index must not mix.
# Pagefind also writes its ready-made interfaces; our dialog (assets/search.js) uses its API only.
UNUSED = ["pagefind-ui.*", "pagefind-component-ui.*", "pagefind-modular-ui.*", "pagefind-highlight.js"]


@event_priority(-200)
def on_post_build(config):
    if config.plugins["i18n"].building:
        return  # a nested build of one more language: index once, when all are built
    command = [
        sys.executable, "-m", "pagefind", "--site", config.site_dir, "--glob", _pages(config),
        "--root-selector", ROOT, "--exclude-selectors", ", ".join(IGNORE), "--quiet",
    ]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise PluginError(
            f"Pagefind could not index {config.site_dir} (exit {result.returncode}):\n"
            f"{result.stdout}{result.stderr}\nIs `pagefind[bin]` installed? Run `make setup`."
        )
    for pattern in UNUSED:
        for path in (Path(config.site_dir) / "pagefind").glob(pattern):
            path.unlink()
    # Reproducible builds: Pagefind lists the languages in hash order, which varies by run.
    entry = Path(config.site_dir) / "pagefind" / "pagefind-entry.json"
    index = json.loads(entry.read_text(encoding="utf-8"))
    index["languages"] = dict(sorted(index["languages"].items()))
    entry.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def _pages(config):
    """A Pagefind glob of the built page of every docs/LANG/NAME.md: {index.html,en/introduction/index.html,…}."""
    docs = Path(config.docs_dir)
    paths = []
    for language in config.plugins["i18n"].config.languages:
        prefix = "" if language.default else f"{language.locale}/"
        for source in sorted((docs / language.locale).rglob("*.md")):
            name = source.relative_to(docs / language.locale).with_suffix("").as_posix()
            paths.append(prefix + ("" if name == "index" else name.removesuffix("/index") + "/") + "index.html")
    return "{" + ",".join(paths) + "}"
