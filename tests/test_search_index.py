"""Rule: the search index has one part per language, and every page of a language is in
its own language's part: a reader of the Russian site searches Russian pages only."""

import json

from edition_site import LANGS, PAGES


def test_one_index_per_language_with_all_its_pages(site):
    entry = site / "pagefind" / "pagefind-entry.json"
    assert entry.is_file(), "no site/pagefind/pagefind-entry.json: the search index was not built (hooks/plumbing/search_index.py)"
    languages = json.loads(entry.read_text(encoding="utf-8"))["languages"]
    assert set(languages) == set(LANGS), f"the search index has languages {sorted(languages)}, the site {LANGS}"
    for lang in LANGS:
        count = languages[lang]["page_count"]
        assert count == len(PAGES), f"the '{lang}' search index holds {count} pages, the site has {len(PAGES)} in '{lang}'"
