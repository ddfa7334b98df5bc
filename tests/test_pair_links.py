"""Rule: a paragraph and its translation link to the same targets, as often (citations,
footnotes and heading permalinks aside: their own rules keep them)."""


from translation_pairs import differences, links, make_pair, report


def problems(found) -> list[str]:
    out = []
    for pair in found:
        ru, en = links(pair.ru), links(pair.en)
        if sorted(ru) != sorted(en):
            out.append(f"{pair.name()}: links differ ({differences(ru, en)}). "
                       f"Link the same targets in the translation at {pair.en_where}.")
    return out


def test_same_links_in_every_pair(found):
    report(problems(found))


def test_a_changed_link_target_is_caught():
    pair = make_pair('<p>См. <a href="../conclusion/">заключение</a> и <a href="https://example.org/a">текст</a>.</p>',
                     '<p>See the <a href="../conclusion/">conclusion</a> and the <a href="https://example.org/b">text</a>.</p>')
    [message] = problems([pair])
    assert "only in the Russian: https://example.org/a" in message and "only in the translation: https://example.org/b" in message


def test_a_citation_link_is_not_counted_here():
    pair = make_pair('<p>Текст <a class="citation" href="../references/#ref-1">[1]</a>.</p>', "<p>Text [1].</p>")
    assert problems([pair]) == []
