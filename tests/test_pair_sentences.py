"""Rule: a paragraph and its translation have as many sentences — a sentence added to the
Russian (or dropped from the translation) is a translation that lags. A full stop after an
abbreviation (г., т. е., e.g.) or an initial does not end a sentence."""


from translation_pairs import make_pair, report, sentences, visible


def problems(found) -> list[str]:
    out = []
    for pair in found:
        ru, en = sentences(visible(pair.ru), "ru"), sentences(visible(pair.en), pair.lang)
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


def test_abbreviations_do_not_end_sentences():
    ru = "«Соглашение» (2019 г.) и т. е. решение. В 2018 г. Китай, т.е. КНР, и А. С. Иванов. Итог."
    en = "The Agreement (2019), i.e. a decision. In 2018 China, e.g. the PRC, and Mr. A. S. Ivanov. Result."
    assert len(sentences(ru, "ru")) == 3 and len(sentences(en, "en")) == 3
