# checks · on_files
"""Every page exists in every language, or the build stops.

mkdocs-static-i18n would otherwise build a site with a page missing in one language
(or, with fallback_to_default, show the Russian page under /en/). Both are a
half-built edition; the message names the file to create.
"""

from pathlib import Path

from mkdocs.exceptions import PluginError

from edition import metadata


def on_files(files, config):
    docs = Path(config.docs_dir)
    languages = metadata.languages(config)
    pages = {p.relative_to(docs / lang).as_posix() for lang in languages for p in (docs / lang).rglob("*.md")}
    missing = [f"docs/{lang}/{page}" for page in sorted(pages) for lang in languages if not (docs / lang / page).is_file()]
    if missing:
        raise PluginError(
            "missing translation(s): " + ", ".join(missing)
            + ". Every page needs a file in every language with the same name: translate the page into it."
        )
    return files
