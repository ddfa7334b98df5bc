# model · on_env, on_page_context
"""Give the templates the edition's metadata (edition/metadata.py) and, per page, what its
head needs: the absolute canonical URL, absolute alternates for every language and
x-default, a description, and whether the page is part of the article.

The HTML is the templates' (overrides/main.html, overrides/partials/edition/); this hook
only adds data to their context.
"""

from mkdocs.utils import get_relative_url

from edition import metadata, model, templates


def on_env(env, config, files):
    env.globals["edition"] = metadata.metadata(config)
    return env


def _first_paragraph(page, config) -> str:
    """The text of the page's first numbered paragraph (its section-pN id), for the description."""
    lang = metadata.current_language(config)
    recorded = model.page_of(lang, page.file.src_uri.removeprefix(f"{lang}/").removesuffix(".md"))
    first = next((block for block in recorded.blocks if block.is_paragraph), None) if recorded else None
    return first.text if first else ""


def on_page_context(context, page, config, nav):
    base = metadata.site_url(config)
    path = metadata.page_path(page, config)
    alternates = {lang: base + metadata.prefix(lang, config) + path for lang in metadata.languages(config)}
    context["edition_page"] = {
        "canonical": alternates[metadata.current_language(config)],
        "alternates": alternates,
        "x_default": alternates[metadata.default_language(config)],
        "description": _first_paragraph(page, config),
        "is_title_page": path == "",
        # The article's landing pages, which carry its citation_* tags and JSON-LD: the title
        # page and the full text on one page (an indexer meets one article, not one per chapter).
        "is_landing": path in ("", metadata.FULL_TEXT),
        "is_article": metadata.is_article_page(page, config),
    }
    # The article in other forms, for the cite block (the same template as the title page's).
    context["edition_forms"] = templates.markup("forms.html", edition=metadata.metadata(config),
                                                 url=lambda target: get_relative_url(target, page.url))
    return context
