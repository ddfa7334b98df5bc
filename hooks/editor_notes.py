"""Editor's notes (data/notes.yaml) stand after the paragraph they comment on.

Each note is rendered by overrides/edition/fragments/note.html — visibly apart from the author's
text, titled «Примечание редакции» / "Editor's note" — right after the paragraph whose id
it names, in every language. A note whose paragraph does not exist stops the build.
Notes on table rows are rendered by the table's template instead.
"""

from bs4 import BeautifulSoup
from mkdocs.utils import get_relative_url

import _datafiles
import _templates

_placed = set()


def on_pre_build(config):
    _placed.clear()


def on_page_content(html, page, config, files):
    notes = _datafiles.load("notes")
    wanted = {note["after"] for note in notes}
    if not any(f'id="{paragraph}"' in html for paragraph in wanted):
        return html
    lang = config.plugins["i18n"].current_language
    labels = _templates.labels(lang)

    def url_for(name):
        """The relative URL of another page of this language, for a note's sources (kind article)."""
        target = files.get_file_from_path(f"{lang}/{name}.md")
        if target is None:
            raise _datafiles.DataError(f"data/notes.yaml: a note's source names the page '{name}', but docs/{lang}/{name}.md does not exist.")
        return get_relative_url(target.url, page.url)

    soup = BeautifulSoup(html, "html.parser")
    for note in reversed(notes):  # reversed: several notes after one paragraph keep their order
        paragraph = soup.find(id=note["after"])
        if paragraph is not None:
            paragraph.insert_after(_templates.fragment("fragments/note.html", note=note, lang=lang, labels=labels, url_for=url_for))
            _placed.add(note["id"])
    return str(soup)


def on_env(env, config, files):
    """Every page's content is rendered now, nothing is written yet."""
    missing = [note for note in _datafiles.load("notes") if note["id"] not in _placed]
    if missing:
        raise _datafiles.DataError(
            "data/notes.yaml: " + "; ".join(f"note '{n['id']}' follows paragraph '{n['after']}', which no page has" for n in missing)
            + ". Correct `after` to an existing paragraph id (section-pN)."
        )
    return env
