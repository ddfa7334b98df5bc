"""Rule: a paragraph and its translation have as many sentences — a sentence added to the
Russian (or dropped from the translation) is a translation that lags. Sentences are counted
by the segmenter that gives every sentence of the site its id (edition/sentences.py), so a
pair that passes has one counterpart for each sentence; its cases (abbreviations, initials,
quotations, citation markers) are tests/test_sentence_segmenter.py."""


from translation_pairs import make_pair, report, sentences


def problems(found) -> list[str]:
    out = []
    for pair in found:
        ru, en = sentences(pair.ru, "ru"), sentences(pair.en, pair.lang)
        if len(ru) != len(en):
            # Where the two part: the first sentence whose position no longer matches.
            at = min(len(ru), len(en))
            hint = f" Russian sentence {at + 1}: «{ru[at][:120]}»" if len(ru) > len(en) else \
                f" translated sentence {at + 1}: «{en[at][:120]}»"
            out.append(f"{pair.name()}: {len(ru)} sentence(s) in the Russian, {len(en)} in the translation "
                       f"(first unmatched:{hint}). Translate every sentence, one for one, at {pair.en_where}.")
    return out


def test_same_number_of_sentences_in_every_pair(found):
    assert found, "no paragraph pairs found"
    report(problems(found))


def test_a_russian_only_sentence_is_caught():
    pair = make_pair("<p>Первое предложение. Второе предложение. Добавленное предложение.</p>",
                     "<p>The first sentence. The second sentence.</p>")
    [message] = problems([pair])
    assert "3 sentence(s) in the Russian, 2 in the translation" in message
    assert "Добавленное предложение" in message and "docs/en/policy-coordination.md:5" in message


def test_list_items_are_counted_one_by_one():
    """An item without a full stop is a sentence of its own, as the page marks it."""
    pair = make_pair("<ul><li>Инфраструктура</li><li>Наука и образование</li></ul>",
                     "<ul><li>Infrastructure and science and education</li></ul>")
    [message] = problems([pair])
    assert "2 sentence(s) in the Russian, 1 in the translation" in message
