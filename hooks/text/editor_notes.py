# text · on_pre_build, on_env, on_page_content
"""Editor's notes (data/notes.yaml) stand after the paragraph they comment on.

Each note is rendered by overrides/edition/fragments/note.html — visibly apart from the author's
text, titled «Примечание редакции» / "Editor's note" — right after the paragraph whose id
it names, in every language. A note whose paragraph does not exist stops the build.
Notes on table rows are rendered by the table's template instead.
"""

from mkdocs.utils import get_relative_url

from edition import datafiles, templates, tree

_placed = set()


def on_pre_build(config):
    _placed.clear()


def on_page_content(html, page, config, files):
    notes = datafiles.load("notes")
    wanted = {note["after"] for note in notes}
    if not any(f'id="{paragraph}"' in html for paragraph in wanted):
        return html
    lang = config.plugins["i18n"].current_language
    labels = templates.labels(lang)

    def url_for(name):
        """The relative URL of another page of this language, for a note's sources (kind article)."""
        target = files.get_file_from_path(f"{lang}/{name}.md")
        if target is None:
            raise datafiles.DataError(f"data/notes.yaml: a note's source names the page '{name}', but docs/{lang}/{name}.md does not exist.")
        return get_relative_url(target.url, page.url)

    root = tree.parse(page, html)
    by_id = {element.get("id"): element for element in tree.children(root) if element.get("id") in wanted}
    for note in reversed(notes):  # reversed: several notes after one paragraph keep their order
        paragraph = by_id.get(note["after"])
        if paragraph is not None:
            for element in reversed(templates.elements("fragments/note.html", note=note, lang=lang, labels=labels, url_for=url_for)):
                element.tail = paragraph.tail
                paragraph.addnext(element)
            _placed.add(note["id"])
    return tree.serialize(page, root)


def on_env(env, config, files):
    """Every page's content is rendered now, nothing is written yet."""
    missing = [(index, note) for index, note in enumerate(datafiles.load("notes")) if note["id"] not in _placed]
    if missing:
        raise datafiles.DataError("\n".join(
            f"{datafiles.where('notes', [index, 'after'])}: note '{note['id']}' follows paragraph '{note['after']}', which no page has. "
            "Correct `after` to an existing paragraph id (section-pN, e.g. policy-coordination-p2)." for index, note in missing))
    return env
