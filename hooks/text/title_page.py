# text · on_page_markdown
"""The title page takes its title from data/article.yaml.

The heading itself is rendered by the `<!-- title: article -->` marker; this hook
gives the page the same title for <title>, the navigation and the browser tab.
"""

from edition import datafiles


def on_page_markdown(markdown, page, config, files):
    lang = config.plugins["i18n"].current_language
    # The language's own title page (page.is_homepage holds for the default language only).
    if page.file.src_uri == f"{lang}/index.md":
        page.meta["title"] = datafiles.load("article")["title"][lang]
    return markdown
