"""Rule: the build writes the whole article as one JATS XML file, downloads/<file_name>.jats.xml,
valid against the NISO JATS 1.4 Journal Archiving and Interchange DTD (the DTD files are in
tests/jats-dtd/, read offline): the original as the <article>, every translation as a
<sub-article article-type="translation">; every paragraph of the site's article pages in it
with its id and its text (a translation's ids with the language as a prefix, `en-…`); the title,
both abstracts and both keyword groups with their xml:lang; every table row and every
reference, the reference list (the edition's own page, the article's back matter) as the
<ref-list> in <back>, with its page's paragraphs, the citations linking it; the editor's notes
and corrections in <back>, apart from the author's text; and no
contributor named who is not in data/article.yaml (no person at all while the authors are unknown).
"""

from __future__ import annotations

import copy

import pytest
from lxml import etree

from edition_site import DATA, LANGS, PAGES, ROOT, data, html_path, md_name, paragraphs, parse, text

DTD_FILE = ROOT / "tests" / "jats-dtd" / "1.4" / "JATS-archivearticle1-4.dtd"
PUBLIC_ID = "-//NLM//DTD JATS (Z39.96) Journal Archiving and Interchange DTD v1.4 20241031//EN"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
PERSON = ("name", "string-name", "name-alternatives", "surname", "given-names", "anonymous")

ARTICLE = data("article")
ORIGINAL = ARTICLE["original_language"]
TRANSLATIONS = [lang for lang in LANGS if lang != ORIGINAL]
EDITION_PAGES = {name.removesuffix(".md") for name in ARTICLE["edition_pages"]}
ARTICLE_PAGES = [page for page in PAGES if page not in EDITION_PAGES]
# The edition's page every whole-article form carries after the article's pages (edition/model.py:
# Article.back_matter): the reference list, in <back>.
BACK_MATTER = ["references"]
TABLES = sorted(p.stem for p in DATA.glob("*.yaml") if isinstance(data(p.stem), dict) and {"rows", "columns"} <= set(data(p.stem)))


def prefix(lang: str) -> str:
    return "" if lang == ORIGINAL else f"{lang}-"


def flat(element) -> str:
    return " ".join("".join(element.itertext()).split())


def parse_offline(raw: bytes):
    """The XML as it is: no DTD fetched (its DOCTYPE names the DTD on jats.nlm.nih.gov), no network."""
    parser = etree.XMLParser(load_dtd=False, no_network=True, resolve_entities=False)
    return etree.fromstring(raw, parser).getroottree()


@pytest.fixture(scope="module")
def dtd():
    return etree.DTD(str(DTD_FILE))


def dtd_errors(dtd, tree) -> list[str]:
    return [] if dtd.validate(tree) else [f"line {e.line}: {e.message}" for e in dtd.error_log.filter_from_errors()]


@pytest.fixture(scope="module")
def jats(site):
    path = site / "downloads" / f"{ARTICLE['file_name']}.jats.xml"
    assert path.is_file(), f"the build wrote no {path.relative_to(site)} (hooks/forms/jats.py)"
    return parse_offline(path.read_bytes())


@pytest.fixture(scope="module")
def parts(jats):
    """{lang: the element holding that language's article}: the <article> and its sub-articles."""
    root = jats.getroot()
    found = {root.get(XML_LANG): root}
    for sub in root.findall("sub-article"):
        assert sub.get("article-type") == "translation", f"<sub-article xml:lang={sub.get(XML_LANG)}> is not article-type='translation'"
        found[sub.get(XML_LANG)] = sub
    assert sorted(found) == sorted(LANGS), f"the JATS file holds the languages {sorted(found)}, the site {sorted(LANGS)}"
    assert root.get(XML_LANG) == ORIGINAL, f"the <article> is in '{root.get(XML_LANG)}', the original in '{ORIGINAL}'"
    return found


@pytest.fixture(scope="module")
def by_id(jats):
    return {element.get("id"): element for element in jats.iter() if isinstance(element.tag, str) and element.get("id")}


def test_valid_against_the_jats_1_4_dtd(jats, dtd):
    assert jats.docinfo.public_id == PUBLIC_ID, f"the DOCTYPE names {jats.docinfo.public_id!r}, not the JATS 1.4 Archiving DTD"
    assert jats.getroot().get("dtd-version") == "1.4"
    errors = dtd_errors(dtd, jats)
    assert not errors, "the JATS file breaks the JATS 1.4 DTD:\n" + "\n".join(errors[:20])


@pytest.mark.parametrize(("broken", "expected"), [
    (lambda root: root.find("body/sec/p").append(etree.Element("video")), "No declaration for element video"),
    (lambda root: root.find("body/sec/p").append(etree.Element("xref", {"ref-type": "bibr", "rid": "ref-999"})), "attribute rid references an unknown ID \"ref-999\""),
    (lambda root: root.find("front/article-meta").insert(0, etree.Element("body")), "Element article-meta content does not follow the DTD"),
], ids=["unknown element", "link to no id", "element out of place"])
def test_the_dtd_check_catches_a_broken_file(jats, dtd, broken, expected):
    tree = copy.deepcopy(jats)
    broken(tree.getroot())
    errors = dtd_errors(dtd, tree)
    assert any(expected in error for error in errors), f"the DTD check let a broken file pass: {errors}"


@pytest.mark.parametrize("lang", LANGS)
def test_every_paragraph_is_in_it_with_its_id_and_text(site, parts, by_id, lang):
    where = "sub-article" if lang != ORIGINAL else "article"
    for page in ARTICLE_PAGES + [page for page in BACK_MATTER if page in EDITION_PAGES]:
        found = paragraphs(parse(html_path(site, lang, page)))
        assert found, f"{md_name(lang, page)}: no paragraphs found"
        for paragraph in found:
            ident = prefix(lang) + paragraph["id"]
            element = by_id.get(ident)
            assert element is not None, f"{md_name(lang, page)} #{paragraph['id']}: no element id='{ident}' in the JATS {where}"
            assert element.tag in ("p", "list", "disp-quote"), f"#{ident} is a <{element.tag}> in the JATS file"
            # Compared without whitespace: the page's text helper puts spaces around inline elements.
            assert flat(element).replace(" ", "") == text(paragraph).replace(" ", ""), (
                f"#{ident}: the JATS text differs from the page's:\n{flat(element)}\n{text(paragraph)}")
            owner = next(a for a in element.iterancestors() if a.tag in ("article", "sub-article"))
            home = parts[lang]
            assert owner is home, f"#{ident} is in the {owner.get(XML_LANG)} article, not the {lang}"


def test_title_in_every_language(parts):
    meta = parts[ORIGINAL].find("front/article-meta")
    groups = {group.get(XML_LANG): group for group in meta.findall("title-group")}
    assert sorted(groups) == sorted(LANGS), f"title groups in {sorted(groups)}"
    for lang, group in groups.items():
        assert flat(group.find("article-title")) == ARTICLE["title"][lang]
        assert group.get("lang-variant") == ("original" if lang == ORIGINAL else "translation"), f"title-group {lang}: lang-variant"
        assert group.get("lang-group") == groups[ORIGINAL].get("id"), f"title-group {lang}: lang-group does not tie it to the original's"
        assert flat(group.find("fn-group/fn")) == ARTICLE["title_note"][lang], f"title-group {lang}: the working title is not labelled as such"
    for lang in TRANSLATIONS:
        own = parts[lang].find("front-stub/title-group")
        assert own.get(XML_LANG) == lang and flat(own.find("article-title")) == ARTICLE["title"][lang]


def test_both_abstracts_and_keywords_with_their_language(site, parts):
    meta = parts[ORIGINAL].find("front/article-meta")
    abstracts = {element.get(XML_LANG): element for element in meta.findall("abstract") + meta.findall("trans-abstract")}
    assert [a.get(XML_LANG) for a in meta.findall("abstract")] == [ORIGINAL], "one <abstract>, the original's; the others are <trans-abstract>"
    for lang in TRANSLATIONS:   # the translation's own front: its abstract, with the ids of its paragraphs
        own = parts[lang].find("front-stub/abstract")
        assert own is not None and own.get(XML_LANG) == lang, f"no <abstract xml:lang='{lang}'> in the {lang} sub-article's <front-stub>"
        assert [flat(p) for p in own.findall("p")] == [flat(p) for p in abstracts[lang].findall("p")]
    keywords = {element.get(XML_LANG): element for element in meta.findall("kwd-group")}
    for lang in LANGS:
        page = parse(html_path(site, lang, ARTICLE["abstract"]["page"].removesuffix(".md")))
        expected = [text(p) for p in paragraphs(page) if p["id"].startswith(ARTICLE["abstract"]["section"] + "-")]
        assert lang in abstracts, f"no <abstract xml:lang='{lang}'>"
        assert [flat(p) for p in abstracts[lang].findall("p")] == expected, f"the {lang} abstract differs from the title page's"
        assert lang in keywords, f"no <kwd-group xml:lang='{lang}'>"
        assert [flat(k) for k in keywords[lang].findall("kwd")] == ARTICLE["keywords"][lang]


@pytest.mark.parametrize("name", TABLES)
def test_every_table_row(by_id, name):
    table = data(name)
    for lang in LANGS:
        wrap = by_id.get(f"{prefix(lang)}table-{name}")
        assert wrap is not None and wrap.tag == "table-wrap", f"no <table-wrap id='{prefix(lang)}table-{name}'>"
        assert flat(wrap.find("caption/title")) == table["caption"][lang]
        rows = [tr.get("id") for tr in wrap.iter("tr") if tr.get("id")]
        assert rows == [f"{prefix(lang)}row-{row['id']}" for row in table["rows"]], f"{lang}: the table's rows differ from data/{name}.yaml"
        for row in table["rows"]:
            cells = [flat(td) for td in by_id[f"{prefix(lang)}row-{row['id']}"].findall("td")]
            assert row["project"][lang] in cells and row["impact"][lang] in cells, f"{lang}: row {row['id']} lacks its cells"


def test_every_reference(by_id):
    for lang in LANGS:
        for entry in data("references"):
            ref = by_id.get(f"{prefix(lang)}ref-{entry['number']}")
            assert ref is not None and ref.tag == "ref", f"{lang}: no <ref id='{prefix(lang)}ref-{entry['number']}'>"
            assert ref.findtext("label") == str(entry["number"])
            citations = ref.findall("mixed-citation")
            assert len(citations) == len(entry["documents"]), f"{lang}: ref {entry['number']}: one <mixed-citation> per document"
            for citation, document in zip(citations, entry["documents"]):
                assert document["details"][lang] in flat(citation)
                titles = [t for t in document["titles"] if t["lang"] == lang] + [t for t in document["titles"] if t["lang"] != lang]
                assert [(s.get(XML_LANG) or lang, flat(s)) for s in citation.findall("source")] == [(t["lang"], t["text"]) for t in titles]


def test_citations_link_their_reference(parts, by_id):
    for lang, part in parts.items():
        ref_lists = [ref_list for ref_list in part.iter("ref-list")
                     if next(a for a in ref_list.iterancestors() if a.tag in ("article", "sub-article")) is part]
        assert [ref_list.getparent() for ref_list in ref_lists] == [part.find("back")], (
            f"{lang}: the reference list is not the one <ref-list> of the <back> (found in {[r.getparent().tag for r in ref_lists]})")
        assert ref_lists[0].get("id") == f"{prefix(lang)}references"
        body = part.find("body")
        cited = {xref.get("rid") for xref in body.iter("xref") if xref.get("ref-type") == "bibr"}
        assert cited == {f"{prefix(lang)}ref-{entry['number']}" for entry in data("references")}, f"{lang}: the citations link {sorted(cited)}"
        assert all(by_id[rid].tag == "ref" for rid in cited)


def test_notes_and_corrections_are_the_editions_apart_from_the_text(parts, by_id):
    for lang, part in parts.items():
        notes = [f"{prefix(lang)}note-{note['id']}" for note in data("notes")]
        notes += [f"{prefix(lang)}note-row-{row['id']}" for name in TABLES for row in data(name)["rows"] if "note" in row]
        for ident in notes:
            element = by_id.get(ident)
            assert element is not None, f"{lang}: the editor's note {ident} is not in the JATS file"
            holder = element.getparent()
            assert holder.tag == "notes" and holder.getparent() is part.find("back"), f"{ident} is not in the <back> notes"
            assert holder.get("notes-type") == "editor-notes"
        for note in data("notes"):
            assert note["text"][lang] in flat(by_id[f"{prefix(lang)}note-{note['id']}"])
        corrections = part.find("back/notes[@notes-type='corrections']")
        assert corrections is not None, f"{lang}: no <notes notes-type='corrections'>"
        rows = [tr for tr in corrections.iter("tr") if tr.get("id")]
        assert len(rows) == len(data("corrections")), f"{lang}: {len(rows)} corrections, data/corrections.yaml has {len(data('corrections'))}"
        assert not [e for e in part.find("body").iter() if (e.get("id") or "").startswith(prefix(lang) + "note-")], "a note inside the body"


def test_no_contributor_invented(jats, parts):
    contributors = list(jats.iter("contrib"))
    people = [c for c in contributors if any(c.iter(*PERSON))]
    known = [f"{a['family'][lang]}" for a in ARTICLE["authors"] for lang in LANGS]
    for person in people:
        assert any(family in flat(person) for family in known), f"<contrib> names a person data/article.yaml does not: {flat(person)}"
    if not ARTICLE["authors"]:
        assert not people, f"the authors are unknown, yet a <contrib> names a person: {[flat(p) for p in people]}"
        assert not [c for c in contributors if c.get("contrib-type") == "author"], "an author <contrib> while the authors are unknown"
    for lang in TRANSLATIONS:
        translators = parts[lang].findall("front-stub/contrib-group/contrib[@contrib-type='translator']")
        assert translators, f"the {lang} translation credits no translator"
        assert all(t.find("collab-name") is not None or t.find("collab") is not None for t in translators), "the translator is not the edition (a collaboration)"


def test_the_articles_text_is_under_no_licence(parts):
    original = parts[ORIGINAL].find("front/article-meta/permissions")
    assert original is not None and original.find("license") is None, "the original article's front puts its text under a licence"
    rights = data("rights")["article"]
    statements = {s.get(XML_LANG): flat(s) for s in original.findall("copyright-statement")}
    assert statements == {lang: rights["statement"][lang] for lang in LANGS}
    for lang in TRANSLATIONS:
        if rights["holder"] is None:
            licence = parts[lang].find("front-stub/permissions/license")
            assert licence is None, f"the {lang} translation, a derivative of the article, is put under a licence while its rights holder is unknown"
