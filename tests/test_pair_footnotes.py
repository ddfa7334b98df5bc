"""Rule: a paragraph and its translation refer to the same footnotes ([^1] in Markdown)."""


from translation_pairs import differences, footnotes, make_pair, report


def problems(found) -> list[str]:
    out = []
    for pair in found:
        ru, en = footnotes(pair.ru), footnotes(pair.en)
        if sorted(ru) != sorted(en):
            out.append(f"{pair.name()}: footnote references differ ({differences(ru, en)}). "
                       f"Put the same [^label] references in the translation at {pair.en_where}.")
    return out


def test_same_footnotes_in_every_pair(found):
    report(problems(found))


def test_a_dropped_footnote_is_caught():
    ref = '<sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a></sup>'
    pair = make_pair(f"<p>Текст{ref} и ещё.</p>", "<p>Text and more.</p>")
    [message] = problems([pair])
    assert "only in the Russian: 1" in message and "#policy-coordination-p2" in message


def test_footnote_numbers_are_not_numbers_of_the_text():
    from translation_pairs import numbers

    ref = '<sup id="fnref:2"><a class="footnote-ref" href="#fn:2">2</a></sup>'
    assert numbers(make_pair(f"<p>Текст{ref}.</p>", "<p>x</p>").ru, "ru") == []
