"""Rule: a paragraph and its translation pair sentence for sentence — sentence N of the
translation translates sentence N of the Russian, which is what the reader's popover and the
parallel page show side by side (the ids `<paragraph-id>-sN`). Sentences are those of the
segmenter that gives every sentence of the site its id (edition/sentences.py; its cases are
tests/test_sentence_segmenter.py); they are aligned by length in the manner of Gale and Church,
anchored by what a sentence and its translation share — numbers in digits or in words,
citation markers, Latin-script names (edition/alignment.py) — so a count that still agrees
after one sentence was dropped and another split, a year swapped between two sentences, a
marker moved to the next sentence or "two" become "three" fails, quoting both sentences."""

import pytest

from edition import alignment
from translation_pairs import clean, make_pair, report, sentences

CHECKED: dict = {}  # language -> sentence pairs checked, for the summary (pytest -s shows it)


def ratios(found) -> dict:
    """Per language, the translation's length over the Russian's, over the whole article: the
    length model's expectation (a paragraph's own ratio would absorb a dropped sentence)."""
    totals: dict = {}
    for pair in found:
        ru = sum(map(alignment._length, sentences(clean(pair.ru), "ru")))
        en = sum(map(alignment._length, sentences(clean(pair.en), pair.lang)))
        a, b = totals.get(pair.lang, (0, 0))
        totals[pair.lang] = (a + ru, b + en)
    return {lang: (en or 1) / (ru or 1) for lang, (ru, en) in totals.items()}


def problems(found, ratio: dict | None = None) -> list[str]:
    ratio = ratio or {}
    out = []
    for pair in found:
        ru, en = sentences(clean(pair.ru), "ru"), sentences(clean(pair.en), pair.lang)
        wrong = alignment.problems(ru, en, pair.lang, ratio.get(pair.lang))
        CHECKED[pair.lang] = CHECKED.get(pair.lang, 0) + min(len(ru), len(en))
        if wrong:
            out.append(f"{pair.name()}: the sentences do not pair one for one ({len(ru)} in the Russian, {len(en)} in the "
                       f"translation): " + "; ".join(wrong) + f". Translate each Russian sentence by one sentence, in the "
                       f"same order, with its numbers, markers and names, at {pair.en_where}.")
    return out


def test_every_pair_aligns_sentence_for_sentence(found):
    assert found, "no paragraph pairs found"
    CHECKED.clear()
    report(problems(found, ratios(found)))
    assert all(CHECKED.values()), f"no sentence pair checked: {CHECKED}"
    print("sentence pairs checked: " + ", ".join(f"ru–{lang} {n}" for lang, n in CHECKED.items()))


RU = ("<p>В рамках диалога «Соглашение» (2019 г.) и «Коммюнике по итогам 29-й встречи» [1], обе стороны развернули "
      "сотрудничество в области стандартов. Единые стандарты позволяют компаниям избегать различных технических норм "
      "в разных странах. Например, стандарты 5G-сетей повышают совместимость оборудования. Аналогично «Коммюнике между "
      "Китаем и Беларусью» (2024 г.) [2] включает положения о сотрудничестве в сферах передовых технологий.</p>")
EN = ("<p>Within the dialogue, the “Agreement” (2019) and the “Communiqué following the 29th meeting” [1], the two sides "
      "have launched cooperation on standards. Common standards relieve companies of differing technical regulations "
      "from country to country. For example, standards for 5G networks improve equipment compatibility. Similarly, the "
      "“Communiqué between China and Belarus” (2024) [2] includes provisions on cooperation in advanced technologies.</p>")


def one(en: str) -> str:
    [message] = problems([make_pair(RU, en)])
    assert "docs/ru/policy-coordination.md:5 ↔ docs/en/policy-coordination.md:5" in message, message
    return message


def test_the_fixture_aligns():
    assert problems([make_pair(RU, EN)]) == []


def test_a_number_in_words_changed_is_caught():
    message = one(EN.replace("the two sides", "the three sides"))
    assert "Russian sentence 1 «В рамках диалога" in message and "translated sentence 1 «Within the dialogue" in message
    assert "numbers differ (only in the Russian: 2; only in the translation: 3)" in message, message


def test_years_swapped_between_sentences_are_caught():
    message = one(EN.replace("(2019)", "(YEAR)").replace("(2024)", "(2019)").replace("(YEAR)", "(2024)"))
    assert "only in the Russian: 2019; only in the translation: 2024" in message, message
    assert "only in the Russian: 2024; only in the translation: 2019" in message, message


def test_a_citation_marker_moved_to_the_next_sentence_is_caught():
    message = one(EN.replace(" [1],", ",").replace("country to country.", "country to country [1]."))
    assert "Russian sentence 2 «Единые стандарты" in message and "citation markers differ (only in the translation: 1)" in message


def test_a_name_left_out_is_caught():
    message = one(EN.replace("standards for 5G networks", "standards for mobile networks"))
    assert "numbers differ (only in the Russian: 5G)" in message, message


@pytest.mark.parametrize("dropped, split", [(1, 0), (2, 0), (1, 3), (0, 3), (3, 0)])
def test_a_sentence_dropped_and_another_split_is_caught_though_the_counts_agree(dropped, split):
    """The count stays 4 = 4; without the alignment the popover would pair every sentence
    after the cut with the wrong one."""
    parts = sentences(EN[3:-4], "en")
    text = parts[split]
    cut = min((at for at in range(len(text)) if text.startswith(", ", at)), key=lambda at: abs(at - len(text) // 2))
    halves = [text[:cut] + ".", text[cut + 2].upper() + text[cut + 3:]]
    broken = [s for n, s in enumerate(parts) if n != dropped]
    at = broken.index(text)
    broken[at:at + 1] = halves
    assert len(broken) == len(parts)
    message = one("<p>" + " ".join(broken) + "</p>")
    assert "the sentences do not pair one for one (4 in the Russian, 4 in the translation)" in message, message


def test_list_items_are_paired_one_by_one():
    """An item without a full stop is a sentence of its own, as the page marks it."""
    pair = make_pair("<ul><li>Инфраструктура</li><li>Наука и образование</li></ul>",
                     "<ul><li>Infrastructure and science and education</li></ul>")
    [message] = problems([pair])
    assert "(2 in the Russian, 1 in the translation)" in message and "Russian sentence" in message, message


def test_numbers_in_words_are_read_in_both_languages():
    assert alignment.anchors("двадцать девять стран и две стороны", "ru").numbers == {"29": 1, "2": 1}
    assert alignment.anchors("twenty-nine countries and the two sides", "en").numbers == {"29": 1, "2": 1}
    assert alignment.anchors("the first of them, one of the sides", "en").numbers == {}
    assert alignment.anchors("инициатива «Один пояс, один путь»", "ru").numbers == {}
