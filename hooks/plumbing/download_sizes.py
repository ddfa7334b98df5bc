# plumbing · on_post_build
"""Fill in the sizes of the article's other forms (overrides/edition/forms.html) once the
files are written: every `<span class="edition-size" data-edition-size="PATH"></span>` of
every built page gets the size of site/PATH in the block's language (`data-lang`: a parallel
page holds both languages' blocks; data/labels.yaml: size).

Runs once, after every language is built and the downloads are written (the lowest event
priority of the build; in `mkdocs build` the download worker has finished by then). The
pages are patched as text — no page is parsed again. A form whose file the build did not
write stops the build: the page would offer a file that does not exist. In `mkdocs serve`
a file the worker is still rendering (a fresh clone's first preview: no cache yet) has no
size on the preview's pages until the next rebuild; the page is served at once.
"""

import re
from pathlib import Path

from babel.numbers import format_decimal
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from edition import datafiles, metadata, worker

SLOT = re.compile(r'(<span class="edition-size" data-edition-size="(?P<path>[^"]+)" data-lang="(?P<lang>[^"]+)">)(</span>)')


def _size(path: Path, lang: str, label: str) -> str:
    kilobytes = max(path.stat().st_size / 1024, 0.1)
    return label.format(size=format_decimal(round(kilobytes, 1 if kilobytes < 10 else None), locale=lang))


@event_priority(-10000)
def on_post_build(config):
    if metadata.nested_build(config):
        return  # a nested build of one more language: patch once, when all are built
    site = Path(config.site_dir)
    labels = datafiles.load("labels")["size"]
    sizes: dict = {}
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        if "data-edition-size" not in text:
            continue
        def fill(match, page=page):
            lang = match.group("lang")
            target = site / match.group("path")
            if not target.is_file() and worker.rendering(target):
                return match.group(0)  # `mkdocs serve`: not written yet; its size comes with the next rebuild
            if not target.is_file():
                raise PluginError(f"{page.relative_to(site)}: the page offers {match.group('path')}, which the build did not write. "
                                  "Check the hook that writes it (see edition/metadata.py: forms).")
            key = (match.group("path"), lang)
            if key not in sizes:  # the same few files are offered on every page: format each size once
                sizes[key] = _size(target, lang, labels[lang])
            return match.group(1) + sizes[key] + match.group(4)

        page.write_text(SLOT.sub(fill, text), encoding="utf-8")
