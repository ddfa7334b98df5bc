"""Rule: every paragraph of the article carries its section-pN id (hooks/text/paragraph_ids.py);
test_tree_parity.py keeps the numbers of paragraphs, and so the ids, equal across languages."""

import pytest

from edition_site import LANGS, PAGES, article, md_name

BLOCKS = {"p", "ul", "ol", "blockquote"}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", PAGES)
def test_every_paragraph_has_an_id(pages, lang, page):
    # Blocks rendered by a template carry their own id (the reference list); all others get section-pN.
    bare = [el.get_text()[:60] for el in article(pages[lang][page]).find_all(BLOCKS, recursive=False) if not el.get("id")]
    assert not bare, f"{md_name(lang, page)}: paragraphs without a section-pN id: {bare} (is hooks/text/paragraph_ids.py active?)"
