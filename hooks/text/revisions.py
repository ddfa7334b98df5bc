# text · on_page_content
"""A sentence revised since an earlier released version says so, and shows what it said before.

For each sentence of an article page (the spans of hooks/text/sentences.py) its text now — read
as the snapshots read it (edition/versions.py: page_sentences) — is compared with the snapshots
of the released versions (data/snapshots/vN.yaml), newest first. When it is the text of the last
release and of every release back to version N, but not of version N-1, it was revised in
version N: the template overrides/edition/fragments/revision.html is put right after the
sentence's span, a small button "rev. N" (aria-expanded) and, hidden until the reader opens
it, the wording of version N-1 (docs/assets/revisions.js toggles it; without scripting it is
shown, by CSS, with nothing to open).

What is not marked: a sentence unchanged since version 1; a sentence whose text now is in no
release yet (the versions page lists it under the changes not yet released); a sentence that
version N-1 did not have (a paragraph split differently: nothing to show as its earlier
wording). The sentence's span, its id and permalink are unchanged; the marker stands outside it,
so neither the sentences' texts (sentences.json, the pair rule) nor the search index
(data-pagefind-ignore) take it in. The downloads (PDF, EPUB, JATS) leave it out: each is one
version, named in its colophon and metadata (edition/model.py: html(permalinks=False), text();
overrides/jats/macros.xml). Runs after sentences.py.
"""

from pathlib import Path

from mkdocs.utils import get_relative_url

from edition import metadata, sentences, templates, tree, versions


def revision(ident: str, lang: str, now: str | None, released: list[dict]) -> dict | None:
    """{'number': N, 'earlier': the text of version N-1} for a sentence revised in version N, else None."""
    if now is None or not released or released[-1]["sentences"].get(lang, {}).get(ident) != now:
        return None
    at = len(released) - 1
    while at > 0 and released[at - 1]["sentences"].get(lang, {}).get(ident) == now:
        at -= 1
    if at == 0:
        return None
    earlier = released[at - 1]["sentences"].get(lang, {}).get(ident)
    return None if earlier is None else {"number": released[at]["version"], "earlier": earlier}


def on_page_content(html, page, config, files):
    if not metadata.is_article_page(page, config) or sentences.CLASS not in html:
        return html
    released = versions.released()
    if len(released) < 2:
        return html
    lang = metadata.current_language(config)
    name = page.file.src_uri.removeprefix(f"{lang}/").removesuffix(".md")
    now = versions.page_sentences(Path(config.docs_dir), lang, name)
    root = tree.parse(page, html)
    labels = templates.labels(lang)
    history = get_relative_url(metadata.prefix(lang, config) + "versions/", page.url)
    changed = False
    for span in root.iter("span"):
        ident = span.get("id")
        if not ident or sentences.CLASS not in (span.get("class") or "").split():
            continue
        found = revision(ident, lang, now.get(ident), released)
        if found is None:
            continue
        (marker,) = templates.elements("fragments/revision.html", lang=lang, labels=labels, history=history, **found)
        marker.tail, span.tail = span.tail, None
        span.addnext(marker)
        changed = True
    return tree.serialize(page, root) if changed else html
