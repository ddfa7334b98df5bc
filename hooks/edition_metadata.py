"""Give the templates the edition's metadata (hooks/_edition.py) and, per page, what its
head needs: the absolute canonical URL, absolute alternates for every language and
x-default, a description, and whether the page is part of the article.

The HTML is the templates' (overrides/main.html, overrides/partials/edition/); this hook
only adds data to their context.
"""

import _article
import _edition


def on_env(env, config, files):
    env.globals["edition"] = _edition.metadata(config)
    return env


def _first_paragraph(page, config) -> str:
    """The text of the page's first numbered paragraph (its section-pN id), for the description."""
    lang = _edition.current_language(config)
    recorded = _article.page_of(lang, page.file.src_uri.removeprefix(f"{lang}/").removesuffix(".md"))
    first = next((block for block in recorded.blocks if block.is_paragraph), None) if recorded else None
    return first.text if first else ""


def on_page_context(context, page, config, nav):
    base = _edition.site_url(config)
    path = _edition.page_path(page, config)
    alternates = {lang: base + _edition.prefix(lang, config) + path for lang in _edition.languages(config)}
    context["edition_page"] = {
        "canonical": alternates[_edition.current_language(config)],
        "alternates": alternates,
        "x_default": alternates[_edition.default_language(config)],
        "description": _first_paragraph(page, config),
        "is_title_page": path == "",
        "is_article": _edition.is_article_page(page, config),
    }
    return context
