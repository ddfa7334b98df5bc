"""Rule: the keywords (data/article.yaml; the source gives none) are the article's own
words: each occurs in the text of its language — as written in English, and in Russian
allowing for inflection (every word's stem, in order: «инновационной экосистемы»)."""

import re

import pytest

from edition_site import LANGS, PAGES, data, paragraphs, text


def stem(word: str) -> str:
    """A word without its inflectional ending (at most three letters; four stay)."""
    return word if len(word) <= 4 else word[: max(4, len(word) - 3)]


def pattern(keyword: str, lang: str) -> re.Pattern:
    words = keyword.split()
    if lang == "en":
        return re.compile(r"\b" + r"\s+".join(map(re.escape, words)) + r"\b", re.IGNORECASE)
    return re.compile(r"(?<!\w)" + r"\w*\s+".join(re.escape(stem(w)) for w in words) + r"\w*", re.IGNORECASE)


@pytest.mark.parametrize("lang", LANGS)
def test_keywords_are_the_articles_words(pages, lang):
    body = " ".join(text(p) for page in PAGES for p in paragraphs(pages[lang][page]))
    missing = [k for k in data("article")["keywords"][lang] if not pattern(k, lang).search(body)]
    assert not missing, f"data/article.yaml: keywords.{lang}: not in the {lang} text: {missing}. Take keywords from the article's words."


def test_the_check_refuses_words_not_in_the_text():
    assert pattern("инновационная экосистема", "ru").search("развитию инновационной экосистемы стран")
    assert not pattern("блокчейн", "ru").search("развитию инновационной экосистемы стран")
    assert not pattern("smart contracts", "en").search("the innovation ecosystem")
