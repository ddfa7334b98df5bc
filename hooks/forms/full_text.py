# forms · on_files, on_page_markdown, on_page_context
"""The whole article on one page per language (`/article/`, `/en/article/`): the title
page, every chapter in the nav's order with the table, the map and the editor's notes,
then the references — the edition's own page (data/article.yaml edition_pages), carried as
the article's back matter (edition/model.py: Article.back_matter), so that a reader of the
whole article has the list its citations [N] link to, on this page — a template
(overrides/edition/full-text.html) over the article model, not a copy of the text.

The blocks keep the chapters' ids, so a link to a paragraph works on either page and the
language switch keeps the place here as it does on the chapters; a chapter's headings
go one level down under the article's title. Links to a page of the article become links
within this page. It is the article's scholarly landing page (citation_* tags; see
overrides/partials/edition/head.html); the search index keeps the chapters and leaves
this page out (hooks/plumbing/search_index.py indexes the pages of docs/ only), so that a word is
found once.
"""

from mkdocs.plugins import event_priority
from mkdocs.structure.toc import get_toc

from edition import metadata, model, templates

NAME = metadata.FULL_TEXT.rstrip("/") + ".md"   # below each language's folder: article/, en/article/

_sources: dict[str, str] = {}   # lang -> the full-text page's src_uri


@event_priority(-110)  # after mkdocs-static-i18n has chosen this language's files
def on_files(files, config):
    page = metadata.virtual_page(config, NAME)
    files.append(page)
    _sources[metadata.current_language(config)] = page.src_uri
    return files


def _is_full_text(page, config) -> bool:
    return page.file.src_uri == _sources.get(metadata.current_language(config))


def on_page_markdown(markdown, page, config, files):
    if _is_full_text(page, config):
        page.meta["title"] = metadata.metadata(config)["this"]["title"]
        page.meta["edition_toc_toggle"] = True   # overrides/main.html: the page is in no nav item
    return markdown


def on_page_context(context, page, config, nav):
    """Every page's content is rendered by now: the article is whole."""
    if not _is_full_text(page, config):
        return context
    meta = metadata.metadata(config)
    article = model.get(meta["lang"], meta)
    pages = article.whole_pages   # the article's pages, then its back matter (the references)
    included = {part.url: part for part in pages}
    here = page.url

    def link(path, fragment, query):
        if path in included and not query:
            return "#" + (fragment or included[path].anchor)
        return model.relative(path, here) + (f"?{query}" if query else "") + (f"#{fragment}" if fragment else "")

    parts, tokens = [], []
    for part in pages:
        shift = 0 if part.name == "index" else 1   # the title page's heading is this page's title
        parts.append({"name": part.name, "html": model.html([el for block in part.blocks for el in block.elements],
                                                               part.url, link=link, shift=shift)})
        for block in part.blocks:
            if block.level and block.level + shift == 2:
                tokens.append({"level": 2, "id": block.id, "name": block.title, "children": []})
    page.content = templates.render("full-text.html", parts=parts)
    page.toc = get_toc(tokens)
    return context
