# text · on_page_markdown
"""Hover definitions of abbreviations, in the language of the page, from data/glossary.yaml.

Python-Markdown's `abbr` extension (enabled in mkdocs.yml) wraps every occurrence of a
term's `abbr.<lang>.text` in <abbr title="…">; its `glossary` option takes the
definitions, so the Markdown needs no `*[ЕАЭС]: …` lines. The visible text is unchanged.
"""

from edition import datafiles


def on_page_markdown(markdown, page, config, files):
    lang = config.plugins["i18n"].current_language
    definitions = {}
    for term in datafiles.load("glossary")["terms"]:
        abbr = term.get("abbr", {}).get(lang)
        if abbr:
            definitions[abbr["text"]] = abbr["title"]
    # Markdown is rendered after this event with config.mdx_configs: per page, so per language.
    config.mdx_configs["abbr"] = {**config.mdx_configs.get("abbr", {}), "glossary": definitions}
    return markdown
