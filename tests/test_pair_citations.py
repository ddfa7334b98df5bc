"""Rule: a paragraph and its translation cite the same sources: the same citation markers
[1]–[4] (typed `[1]` in Markdown, or rendered as <a class="citation">[1]</a>), as often."""


from translation_pairs import citations, differences, make_pair, report


def problems(found) -> list[str]:
    out = []
    for pair in found:
        ru, en = citations(pair.ru), citations(pair.en)
        if sorted(ru) != sorted(en):
            out.append(f"{pair.name()}: citation markers differ ({differences(ru, en)}). "
                       f"Give the translation at {pair.en_where} the same markers [n] as the Russian.")
    return out


def test_same_citations_in_every_pair(found):
    assert found, "no paragraph pairs found"
    report(problems(found))


def test_a_dropped_citation_is_caught():
    pair = make_pair("<p>«Соглашение» (2019 г.) и «Коммюнике» [1], обе стороны [2].</p>",
                     "<p>The Agreement (2019) and the Communiqué, the two sides [2].</p>")
    [message] = problems([pair])
    assert "docs/ru/policy-coordination.md:5 ↔ docs/en/policy-coordination.md:5" in message
    assert "#policy-coordination-p2" in message and "only in the Russian: 1" in message


def test_a_rendered_citation_counts_like_a_typed_one():
    pair = make_pair('<p>Коммюнике <a class="citation" href="../references/#ref-1">[1]</a>.</p>',
                     "<p>Communiqué [1].</p>")
    assert problems([pair]) == []
