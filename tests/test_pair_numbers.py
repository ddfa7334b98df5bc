"""Rule: a paragraph and its translation — and each Russian text in data/ and its English
twin, such as a table cell — give the same numbers — years, counts, "5G",
"4G/5G" — as often. Russian ordinal endings and "г." are not part of a number
(29й = 29th, 2019 г. = 2019); citation markers and footnote numbers are not numbers."""


from translation_pairs import data_pairs, differences, make_pair, numbers, numbers_in, report


def problems(found) -> list[str]:
    out = []
    for pair in found:
        ru, en = numbers(pair.ru, "ru"), numbers(pair.en, pair.lang)
        if sorted(ru) != sorted(en):
            out.append(f"{pair.name()}: numbers differ ({differences(ru, en)}). "
                       f"Write the Russian's numbers in the translation at {pair.en_where} (as digits).")
    return out


def test_same_numbers_in_every_pair(found):
    assert found, "no paragraph pairs found"
    report(problems(found))


def test_same_numbers_in_data_texts():
    problems = []
    for where, ru, en in data_pairs():
        a, b = numbers_in(ru, "ru"), numbers_in(en, "en")
        if sorted(a) != sorted(b):
            problems.append(f"{where}: numbers differ ({differences(a, b)}); fix the 'en' text.")
    report(problems)


def test_a_changed_number_is_caught():
    pair = make_pair("<p>С более чем 150 странами, 29й встречи (2019 г.), сети 4G/5G [1].</p>",
                     "<p>With more than 160 countries, the 29th meeting (2019), 4G/5G networks [1].</p>")
    [message] = problems([pair])
    assert "only in the Russian: 150" in message and "only in the translation: 160" in message
    assert "docs/en/policy-coordination.md:5" in message


def test_ordinals_years_and_units_are_read_alike():
    pair = make_pair("<p>29й встречи (2019 г.), 5G-сетей, 4G/5G, 1 500 и 2,5 [3].</p>",
                     "<p>the 29th meeting (2019), 5G networks, 4G/5G, 1,500 and 2.5 [3].</p>")
    assert problems([pair]) == []
    assert numbers(pair.ru, "ru") == ["29", "2019", "5G", "4G", "5G", "1500", "2.5"]
