"""Rule: the segmenter (edition/sentences.py) ends a sentence only where the sentence ends.
Abbreviations (г., гг., т. е., e.g., St.), initials, numbers with points, quotations «…»
and “…”, and citation markers [N] do not split one. The cases are sentences of the article,
its translation, its notes and references (the file each comes from is named); a few are
built from their words where the text has no such case (marked "built"). And the spans it
puts in a paragraph change no character of the text."""

import lxml.html
import pytest

from edition import sentences

CASES = [
    # (language, where, the sentences, in order)
    ("ru", "docs/ru/policy-coordination.md: г. in brackets, a citation link after a quotation", [
        "В рамках политического диалога, например, «Соглашение о сотрудничестве в области цифровой экономики между Китаем и "
        "Россией» (2019 г.) и «Совместное коммюнике по итогам 29-й регулярной встречи премьер-министров Китая и России» [1], "
        "обе стороны развернули сотрудничество в таких областях, как стандарты цифровых технологий, безопасность данных и "
        "логистические цепочки.",
        "Единые стандарты позволяют компаниям избегать необходимости соблюдать различные технические нормы в разных странах.",
    ]),
    ("ru", "docs/ru/policy-coordination.md: г.) then a citation marker", [
        "Аналогично «Совместное коммюнике между Китаем и Беларусью» (2024 г.) [2] включает положения о сотрудничестве в сферах "
        "передовых технологий и развития промышленности.",
        "Для обеспечения безопасности и эффективности трансграничного движения данных критически важно согласование "
        "нормативно-правовых актов.",
    ]),
    ("ru", "docs/ru/policy-coordination.md: г. then [3],", [
        "Благодаря двустороннему и многостороннему сотрудничеству, как, например, «Соглашение о торгово-экономическом "
        "сотрудничестве между Китаем и Евразийским экономическим союзом» 2018 г. [3], Китай и страны ЕАЭС достигли консенсуса "
        "в области защиты интеллектуальной собственности.",
        "Такая координация политики эффективно снижает юридические споры.",
    ]),
    ("ru", "data/notes.yaml: г. before a capital", [
        "Утверждение о соглашениях о сотрудничестве по стандартам «с более чем 150 странами» в таком виде не подтверждается.",
        "В 2017 г. Китай сообщал о соглашениях по стандартизации с 21 органом по стандартизации стран «Пояса и пути».",
    ]),
    ("ru", "data/references.yaml: initials", [
        "Подписано в Москве 21 августа 2024 г. М. В. Мишустиным и Ли Цяном.",
        "Английское название — по публикации агентства Синьхуа.",
    ]),
    ("ru", "data/references.yaml: гг. at the end", [
        "Политический документ, последовавший за проектом, содержит цели на 2025 и 2035 гг.",
        "Исследовательский проект с марта 2018 г. выполнялся совместно с Китайской инженерной академией.",
    ]),
    ("ru", "built: т. е. before a capital", [
        "Обе стороны, т. е. Китай и Россия, развернули сотрудничество в таких областях, как стандарты цифровых технологий.",
        "Единые стандарты снижают барьеры для выхода на новые рынки.",
    ]),
    ("ru", "docs/ru/about.md: a number with a point; docs/ru/policy-coordination.md: «…» and [4]", [
        "Текст издания распространяется по лицензии Creative Commons Attribution 4.0 International (CC BY 4.0).",
        "Через свою стратегию «Китайские стандарты 2035» [4] он стремится интегрировать технологические стандарты.",
    ]),
    ("ru", "built: a full stop inside «…»", [
        "Над текстом стоит заголовок «Примечание редакции. Источник» и подпись.",
        "Остальное — слова автора.",
    ]),
    ("en", "built: e.g. before a capital", [
        "Both sides, e.g. China and Russia, developed cooperation in digital technology standards.",
        "Common standards for 5G networks, e.g. the ones agreed in 2019, improve equipment compatibility.",
    ]),
    ("en", "data/notes.yaml, with St. as US usage writes it", [
        "The closest document was signed at the 24th regular heads-of-government meeting in St. Petersburg on 17 September 2019.",
        "The article's wording should be taken as imprecise.",
    ]),
    ("en", "built: initials", [
        "It was signed in Moscow on 21 August 2024 by M. V. Mishustin and Li Qiang.",
        "English title as published by Xinhua.",
    ]),
    ("en", "docs/en/about.md: a number with a point; docs/en/policy-coordination.md: “…” then [4],", [
        "The text is licensed under the Creative Commons Attribution 4.0 International licence (CC BY 4.0).",
        "Through its strategy “China Standards 2035” [4], it seeks to integrate technological standards in areas such as 5G.",
    ]),
    ("en", "docs/en/corrections.md: “…” at the end", [
        "AliExpress is called now “Russian AliExpress website”, now “AliExpress-Russia”.",
        "The edition keeps the author's words.",
    ]),
    ("en", "docs/en/policy-coordination.md: a citation marker after a year in brackets", [
        "Similarly, the Joint Communiqué between China and Belarus (2024) [2] includes provisions on cooperation in advanced "
        "technologies.",
        "Such harmonization measures reduce the compliance burden on companies.",
    ]),
    ("en", "built: a full stop inside “…”", [
        "The title “Seeds for the Future. Digital Silk Road” names the programme of 2019.",
        "The agreement followed.",
    ]),
]


@pytest.mark.parametrize(("lang", "where", "expected"), CASES, ids=[f"{c[0]}: {c[1]}" for c in CASES])
def test_a_sentence_ends_only_where_it_ends(lang, where, expected):
    text = " ".join(expected)
    found = [text[start:end] for start, end in sentences.split(text, lang)]
    assert found == expected, f"{where}: split as {found}"


def test_spans_are_character_offsets_without_whitespace():
    text = "  Первое «предложение». \n Второе [1].  "
    spans = sentences.split(text, "ru")
    assert [text[a:b] for a, b in spans] == ["Первое «предложение».", "Второе [1]."]


def wrapped(html: str, lang: str = "ru"):
    element = lxml.html.fragment_fromstring(html)
    found = sentences.wrap(element, lang, "s-p1")
    return element, found, lxml.html.tostring(element, encoding="unicode")


def test_wrap_marks_each_sentence_and_changes_no_text():
    html = ('<p>Китай и ЕАЭС <a class="citation" href="#ref-1">[1]</a>, по <abbr title="т">НИОКР</abbr>, '
            'растут. Второе <em>важное</em> предложение.  Третье.<a class="headerlink" href="#s-p1">¶</a></p>')
    element, found, out = wrapped(html)
    assert [ident for ident, _ in found] == ["s-p1-s1", "s-p1-s2", "s-p1-s3"]
    assert found[0][1] == "Китай и ЕАЭС [1], по НИОКР, растут."
    assert element.text_content() == lxml.html.fragment_fromstring(html).text_content()
    # whitespace between sentences and the permalink stay outside the spans
    assert 'растут.</span> <span class="edition-s" id="s-p1-s2">' in out
    assert 'предложение.</span>  <span class="edition-s" id="s-p1-s3">Третье.</span><a class="headerlink"' in out
    # the inline elements are whole inside their sentence
    assert '<span class="edition-s" id="s-p1-s1">Китай и ЕАЭС <a class="citation" href="#ref-1">[1]</a>' in out


def test_a_boundary_inside_an_inline_element_moves_after_it():
    element, found, out = wrapped("<p>Начало <em>первого. Второе</em> продолжение. Третье.</p>")
    assert [text for _, text in found] == ["Начало первого. Второе", "продолжение.", "Третье."]
    assert out.startswith('<p><span class="edition-s" id="s-p1-s1">Начало <em>первого. Второе</em></span> <span')


def test_list_items_are_segmented_one_by_one():
    element, found, out = wrapped("<ul>\n<li>Первое. Второе</li>\n<li>Третье</li>\n</ul>")
    assert [text for _, text in found] == ["Первое.", "Второе", "Третье"]
    assert [ident for ident, _ in found] == ["s-p1-s1", "s-p1-s2", "s-p1-s3"]
    assert out.count("<li><span") == 2 and "</span>\n</li>" not in out


def test_wrapping_twice_finds_the_same_sentences():
    """The pair rule counts the built (already wrapped) paragraphs: the same sentences again."""
    _, _, out = wrapped('<p>Первое [<a href="#">1</a>]. Второе, т. е. третье. Четвёртое.</p>')
    assert sentences.sentences(lxml.html.fragment_fromstring(out), "ru") == ["Первое [1].", "Второе, т. е. третье.", "Четвёртое."]
