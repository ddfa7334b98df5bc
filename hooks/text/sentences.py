# text · on_page_content, on_post_page
"""Every sentence of the article has an id, the same in both languages.

Each sentence of a numbered paragraph (`<section>-pN`, hooks/text/paragraph_ids.py; of each
item of a list) is wrapped in <span class="edition-s" id="<paragraph id>-sN"> by
edition/sentences.py (`wrap`), which also serves the pair rule: the pair rules keep the
number of sentences equal in each pair of paragraphs, so every sentence has one
counterpart, and #policy-coordination-p2-s3 names the same sentence in either language.

On the article's pages (not the edition's own, data/article.yaml: edition_pages) the
sentences' texts go to `sentences.json` beside the page's index.html, and the page's head
tells docs/assets/sentences.js where the other language's file and page are
(overrides/partials/edition/sentences.html): the script shows a sentence's counterpart
on demand, loading that file on first use. Runs after citations.py (the markers [N] are
links by then) and before editor_notes.py (notes stand outside the paragraphs).
"""

import json
import re
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

from edition import metadata, sentences, tree

PARAGRAPH = re.compile(r"^[a-z0-9-]+-p\d+$")
FILE = "sentences.json"

_texts: dict[str, dict] = {}  # a page's built path -> {sentence id: text}


def _other_language(config) -> str:
    """The language a sentence is shown in: the original's for a translation, else the first translation's."""
    lang, default = metadata.current_language(config), metadata.default_language(config)
    return default if lang != default else next(other for other in metadata.languages(config) if other != default)


def on_page_content(html, page, config, files):
    if not metadata.is_article_page(page, config) or 'id="' not in html:
        return html
    lang = metadata.current_language(config)
    root = tree.parse(page, html)
    texts = {}
    for element in root:
        ident = element.get("id") or ""
        if PARAGRAPH.match(ident):
            texts.update(sentences.wrap(element, lang, ident))
    if not texts:
        return tree.serialize(page, root)
    other = _other_language(config)
    alternate = (getattr(page.file, "alternates", None) or {}).get(other)
    if alternate is None:
        raise PluginError(f"docs/{page.file.src_uri}: its sentences have no counterpart page in '{other}'. "
                          f"Add docs/{other}/{page.file.src_uri.removeprefix(lang + '/')} with the same paragraphs.")
    page.meta["edition_sentences"] = {
        "lang": other,
        "page": get_relative_url(alternate.url, page.url),
        "json": get_relative_url(alternate.url + FILE, page.url),
    }
    _texts[page.file.abs_dest_path] = texts
    return tree.serialize(page, root)


def on_post_page(output, page, config):
    texts = _texts.pop(page.file.abs_dest_path, None)
    if texts is not None:
        target = Path(page.file.abs_dest_path).parent / FILE
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(texts, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return output
