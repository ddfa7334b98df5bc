"""Rule: the translation uses the agreed terms (data/glossary.yaml). Where a Russian
paragraph — or a Russian text in data/ with an English twin, such as a table cell — uses
a term in any of its forms, the English uses one of the agreed forms, at least as often,
and none of the banned variants. Where the English quotes the author's words (the
`cited_as` of data/references.yaml), the author's own forms (`quoted`) count as agreed."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest

from edition import datafiles
from edition_site import DATA, DEFAULT, PAGES, paragraphs
from translation_pairs import data_pairs, make_pair, report, visible

GLOSSARY = DATA / "glossary.yaml"
QUOTING = ("cited_as",)  # data fields that quote the author's words


@dataclass
class Term:
    id: str
    line: int
    ru: list
    en: list
    banned: list
    quoted: list  # the author's forms, allowed where the author's words are quoted
    agreed: list  # the agreed English forms as written, for messages


def _words(pattern: str, where: str) -> re.Pattern:
    try:
        return re.compile(rf"(?<!\w)(?:{pattern})(?!\w)", re.IGNORECASE)
    except re.error as err:
        raise AssertionError(f"{where}: the pattern '{pattern}' is not a valid regular expression ({err}); fix it.") from None


def terms(path=GLOSSARY) -> list[Term]:
    lines = path.read_text(encoding="utf-8").splitlines()
    data = datafiles.check("glossary", path)
    found = []
    for term in data["terms"]:
        line = next((n for n, text in enumerate(lines, 1) if re.match(rf"\s*- id: {re.escape(term['id'])}\s*$", text)), 1)
        where = f"data/glossary.yaml:{line} (term '{term['id']}')"
        compiled = [[_words(p, where) for p in term.get(key, [])] for key in ("ru", "en", "banned", "quoted")]
        found.append(Term(term["id"], line, *compiled, agreed=term["en"]))
    return found


def uses(patterns: list, text: str) -> list[str]:
    """The places where any of the patterns matches (overlapping patterns count once)."""
    found = {}
    for pattern in patterns:
        for match in pattern.finditer(text):
            found.setdefault(match.start(), match.group(0))
    return [found[start] for start in sorted(found)]


def check(ru: str, en: str, glossary: list[Term], quoted: bool = False) -> list[str]:
    """What is wrong with the English `en` for the Russian `ru`, term by term: each use of a
    term in the Russian needs one of the agreed English forms (as often), and no banned one.
    `quoted`: the English quotes the author, whose own forms (the term's `quoted`) count as agreed."""
    out = []
    for term in glossary:
        used = uses(term.ru, ru)
        if not used:
            continue
        agreed = " or ".join(f"«{form}»" for form in term.agreed)
        where = f"data/glossary.yaml:{term.line}, term '{term.id}'"
        rest = en
        for pattern in term.quoted if quoted else []:
            rest = pattern.sub(" ", rest)
        banned = [bad.group(0) for pattern in term.banned if (bad := pattern.search(rest))]
        if banned:  # one mistake, one message: the banned variant is where the agreed term is missing
            out.extend(f"the English uses «{bad}», a banned variant for «{used[0]}»: write {agreed} ({where})" for bad in banned)
            continue
        rendered = uses(term.en + (term.quoted if quoted else []), en)
        if not rendered:
            out.append(f"the Russian uses «{used[0]}» but the English lacks the agreed {agreed} ({where})")
        elif len(rendered) < len(used):
            out.append(f"the Russian uses the term {len(used)} times ({', '.join(f'«{u}»' for u in used)}), the English "
                       f"the agreed {agreed} only {len(rendered)} time(s): render every use with it ({where})")
    return out


def paragraph_problems(found, glossary) -> list[str]:
    out = []
    for pair in found:
        for problem in check(visible(pair.ru), visible(pair.en), glossary):
            out.append(f"{pair.name()}: {problem}.")
    return out


@pytest.fixture(scope="module")
def glossary():
    return terms()


def test_glossary_is_not_empty(glossary):
    assert len(glossary) >= 40, f"data/glossary.yaml has only {len(glossary)} terms"


def test_paragraphs_use_the_agreed_terms(found, glossary):
    problems = paragraph_problems(found, glossary)
    report(problems)


def test_data_texts_use_the_agreed_terms(glossary):
    problems = [f"{where}: {problem}; fix the 'en' text." for where, ru, en in data_pairs()
                for problem in check(ru, en, glossary, quoted=where.rstrip(")").endswith(QUOTING))]
    report(problems)


def test_every_term_is_used_somewhere(pages, glossary):
    """A term no Russian text uses is a typo in its pattern (or a term to remove). Every Russian
    paragraph counts, paired or not: a translation that does not pair up is not the glossary's fault."""
    texts = [visible(p) for page in PAGES for p in paragraphs(pages[DEFAULT][page])] + [ru for _, ru, _ in data_pairs()]
    unused = [f"data/glossary.yaml:{t.line} ('{t.id}')" for t in glossary
              if not any(p.search(text) for p in t.ru for text in texts)]
    assert not unused, "glossary terms whose Russian patterns match no text (fix the pattern): " + ", ".join(unused)


def test_a_missing_term_is_caught(glossary):
    pair = make_pair("<p>Страны ЕАЭС и «Цифровой шелковый путь».</p>", "<p>The Eurasian countries and the Digital Silk Road.</p>")
    [message] = paragraph_problems([pair], glossary)
    assert "the Russian uses «ЕАЭС» but the English lacks the agreed «EAEU» or «Eurasian Economic Union»" in message
    assert "term 'eaeu'" in message and "docs/en/policy-coordination.md:5" in message


def test_a_banned_variant_is_caught(glossary):
    pair = make_pair("<p>Защита интеллектуальной собственности и электронная коммерция.</p>",
                     "<p>Intellectual property protection and electronic commerce.</p>")
    messages = paragraph_problems([pair], glossary)
    assert any("«electronic commerce», a banned variant" in m and "term 'e-commerce'" in m for m in messages), messages


def test_a_term_rendered_otherwise_once_is_caught(glossary):
    pair = make_pair("<p>Страны ЕАЭС и рынок ЕАЭС.</p>", "<p>The EAEU countries and the Union's market.</p>")
    [message] = paragraph_problems([pair], glossary)
    assert "the Russian uses the term 2 times («ЕАЭС», «ЕАЭС»), the English the agreed «EAEU»" in message


def test_the_authors_form_is_allowed_only_where_quoted(glossary):
    ru, en = "стратегия «Китайский стандарт 2035»", "the strategy “China Standard 2035”"
    assert check(ru, en, glossary, quoted=True) == []
    assert any("a banned variant" in p and "china-standards-2035" in p for p in check(ru, en, glossary))


def test_inflected_forms_are_recognised(glossary):
    assert check("цепочек поставок и Великого камня", "supply chain and the Great Stone", glossary) == []
    assert any("great-stone" in p for p in check("«Великий камень»", "the Big Stone park", glossary))
