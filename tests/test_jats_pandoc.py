"""Rule: a JATS consumer reads the whole article from the JATS file: pandoc (Debian's, 2.17 —
`apt-get install pandoc`; .ci/run installs it) converts downloads/<file_name>.jats.xml and keeps
the original's abstract as the document's abstract, the author's abstract in every other
language (the translation's, in its sub-article's <front-stub>), and every paragraph of the file
(each <p>, <list> and <disp-quote> with an id: every paragraph of the site's article pages in both
languages), with its text.
Known limits of pandoc 2.17, not worked around in the markup: it reads only the first <tbody> of
a table (jgm/pandoc#8765, fixed in pandoc 3), so table rows are not compared here (tests/test_jats.py
checks every row in the XML itself); it reads a <ref-list> as citation data only, so the edition's
paragraph introducing its reference list is left out; and it ignores <trans-abstract>, whose text
it reads from the translation's <front-stub> instead (compared there)."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from edition_site import LANGS, data
from test_jats import ORIGINAL, TRANSLATIONS, XML_LANG, flat, parse_offline

ARTICLE = data("article")
SKIPPED = ("ref-list", "trans-abstract")   # the known limits above


def squeeze(value: str) -> str:
    """Text compared without whitespace: pandoc's plain writer re-flows lines and spaces inline elements."""
    return "".join(value.split())


def plain(document: dict) -> str:
    result = subprocess.run(["pandoc", "-f", "json", "-t", "plain", "--wrap=none"], input=json.dumps(document),
                            capture_output=True, text=True, check=True)
    return result.stdout


@pytest.fixture(scope="module")
def converted(site):
    if not shutil.which("pandoc"):
        pytest.fail("pandoc is missing: apt-get install -y pandoc (.ci/run installs it)")
    path = site / "downloads" / f"{ARTICLE['file_name']}.jats.xml"
    result = subprocess.run(["pandoc", "-f", "jats", "-t", "json", str(path)], capture_output=True, text=True)
    assert result.returncode == 0, f"pandoc could not read {path.name}:\n{result.stderr}"
    document = json.loads(result.stdout)
    meta = document["meta"]
    assert "abstract" in meta, f"pandoc found no abstract in {path.name} (it reads the article-meta's first <abstract>)"
    abstract = plain({"pandoc-api-version": document["pandoc-api-version"], "meta": {}, "blocks": meta["abstract"]["c"]})
    return parse_offline(path.read_bytes()), abstract, plain(document)


def test_the_original_abstract_is_the_documents(converted):
    tree, abstract, _ = converted
    original = tree.getroot().find("front/article-meta/abstract")
    assert original.get(XML_LANG) == ORIGINAL
    for p in original.findall("p"):
        assert squeeze(flat(p)) in squeeze(abstract), f"pandoc's abstract lacks the original's paragraph: {flat(p)[:80]}…"


@pytest.mark.parametrize("lang", TRANSLATIONS)
def test_every_translations_abstract_is_read(converted, lang):
    tree, _, text = converted
    sub = next(s for s in tree.getroot().findall("sub-article") if s.get(XML_LANG) == lang)
    own = sub.find("front-stub/abstract")
    assert own is not None, f"the {lang} sub-article has no <abstract> in its <front-stub>"
    for p in own.findall("p"):
        assert squeeze(flat(p)) in squeeze(text), f"pandoc lost the {lang} abstract's paragraph: {flat(p)[:80]}…"


@pytest.mark.parametrize("lang", LANGS)
def test_every_paragraph_is_read(converted, lang):
    tree, abstract, text = converted
    root = tree.getroot()
    part = root if lang == ORIGINAL else next(s for s in root.findall("sub-article") if s.get(XML_LANG) == lang)
    inner = {id(sub) for sub in root.findall("sub-article")} if lang == ORIGINAL else set()
    everything = squeeze(abstract + text)
    missing = []
    for element in part.iter("p", "list", "disp-quote"):
        ancestors = list(element.iterancestors())
        if not element.get("id") or any(id(a) in inner or a.tag in SKIPPED for a in ancestors):
            continue
        if squeeze(flat(element)) not in everything:
            missing.append(f"#{element.get('id')}: {flat(element)[:80]}…")
    assert not missing, f"pandoc lost {len(missing)} {lang} paragraph(s) of the JATS file:\n" + "\n".join(missing[:20])
