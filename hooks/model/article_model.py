# model · on_nav, on_page_content
"""Record the article of each language as the build renders it (the model: edition/model.py).

Runs after every other content hook (event priority), so a page is recorded as readers
get it: paragraph ids, sentences, citations, editor's notes, banners. The nav gives the
order. From on_env on, `model.get(lang, …)` is the whole article of the language being
built, for the whole-article forms (full-text page, parallel pages, PDF, EPUB, JATS).
"""

from mkdocs.plugins import event_priority

from edition import metadata, model, tree


def _name(page, lang: str) -> str | None:
    """'policy-coordination' for docs/LANG/policy-coordination.md; None for a generated page."""
    src = page.file.src_uri
    if page.file.generated_by or not src.startswith(f"{lang}/") or not src.endswith(".md"):
        return None
    return src[len(lang) + 1:-3]


def on_nav(nav, config, files):
    lang = metadata.current_language(config)
    model.reset(lang)
    model.record_nav(lang, [name for name in (_name(page, lang) for page in nav.pages) if name])
    return nav


@event_priority(-50)
def on_page_content(html, page, config, files):
    lang = metadata.current_language(config)
    name = _name(page, lang)
    if name is None:
        return html
    kind = "article" if metadata.is_article_page(page, config) else "edition"
    model.record(lang, name, page.url, page.title or name, kind, tree.parse(page, html))
    return html
