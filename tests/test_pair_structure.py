"""Rule: a paragraph and its translation are the same kind of block — a paragraph is a
paragraph, a list is a list of as many items, a quotation a quotation (emphasis aside)."""


from translation_pairs import make_pair, report, structure


def describe(shape: tuple) -> str:
    names = {"p": "a paragraph", "ul": "a bulleted list", "ol": "a numbered list", "blockquote": "a quotation"}
    return names.get(shape[0], shape[0]) + (f" of {shape[1]} item(s)" if len(shape) > 1 else "")


def problems(found) -> list[str]:
    out = []
    for pair in found:
        ru, en = structure(pair.ru), structure(pair.en)
        if ru != en:
            out.append(f"{pair.name()}: the Russian is {describe(ru)}, the translation {describe(en)}. "
                       f"Give the translation at {pair.en_where} the Russian's form.")
    return out


def test_same_block_structure_in_every_pair(found):
    report(problems(found))


def test_a_list_translated_as_a_paragraph_is_caught():
    pair = make_pair("<ul><li>один</li><li>два</li></ul>", "<p>one, two</p>")
    [message] = problems([pair])
    assert "a bulleted list of 2 item(s)" in message and "the translation a paragraph" in message


def test_a_dropped_list_item_is_caught():
    assert problems([make_pair("<ol><li>а</li><li>б</li></ol>", "<ol><li>a</li></ol>")])


def test_emphasis_is_not_structure():
    assert problems([make_pair("<p><em>курсив</em> текст</p>", "<p>italic text</p>")]) == []
