"""Rule: every citation file of a language's edition (BibTeX, RIS, CSL-JSON), read and rendered by
a real CSL processor — citeproc-js, through citation-js 0.8.2 (tests/node/) — with the official
style of that language's cite block (ГОСТ Р 7.0.5–2008, the CSL repository's gost-r-7-0-5-2008,
tests/csl/; APA 7, the apa style citation-js ships), gives word for word the reference the cite
block shows; and the three files describe the same item: a web page (CSL webpage) of the edition's
website (container-title = the site's name), with the same title, URL and date, and, for a
translation, the same translator (the editors) and original title.
The access date is the one the cite block shows (a reference manager records its own on saving)."""

import json
import re
from pathlib import Path

import pytest

from edition_site import LANGS, _i18n, data, md_name, site_url, url
from node_tools import node
from test_citation_files import KINDS, linked_file

pytestmark = pytest.mark.xdist_group("node_tools")

HERE = Path(__file__).resolve().parent
STYLES = {"ru": str(HERE / "csl" / "gost-r-7-0-5-2008.csl"), "en": "apa"}
NUMBER = re.compile(r"^\d+\.\s+")  # ГОСТ's style numbers the entries of a list: one entry here
SAME = ("type", "title", "container-title", "URL", "issued", "translator", "original-title")


def names(value):
    """A name as written: citation-js reads a braced BibTeX name as a family name, CSL-JSON has it literal."""
    if isinstance(value, list) and all(isinstance(name, dict) for name in value):
        return [name.get("literal") or " ".join(filter(None, (name.get("given"), name.get("family")))) for name in value]
    return value


def plain(element) -> str:
    return " ".join(element.get_text().split())


@pytest.fixture(scope="module")
def rendered(site, pages):
    results = {}
    for lang in LANGS:
        block = pages[lang]["index"].select_one(".edition-cite__reference")
        time = block.select_one("time[datetime]")   # ГОСТ names the access date; APA, for a dated page, none
        accessed = time["datetime"] if time else data("article")["edition_date"]
        files = [str(linked_file(site, pages, lang, "index", ext)) for ext in KINDS]
        result = node(HERE / "node" / "render_citations.js", STYLES[lang], accessed, *files)
        assert result.returncode == 0, f"citation-js failed on the {lang} citation files:\n{result.stderr}"
        results[lang] = (plain(block), {Path(f).suffix[1:]: v for f, v in json.loads(result.stdout).items()})
    return results


@pytest.mark.parametrize("ext", KINDS)
@pytest.mark.parametrize("lang", LANGS)
def test_each_file_renders_the_cite_blocks_reference(rendered, lang, ext):
    reference, files = rendered[lang]
    text = NUMBER.sub("", " ".join(files[ext]["text"].split()))
    assert text == reference, (
        f"{KINDS[ext]} of the {lang} edition, rendered with {'ГОСТ Р 7.0.5–2008' if lang == 'ru' else 'APA 7'} by citeproc-js:\n"
        f"  {text}\nthe cite block of {md_name(lang, 'index')} (overrides/partials/edition/reference.html):\n  {reference}\n"
        "Make the file (edition/forms/citation/render.py) or the template say the same."
    )


@pytest.mark.parametrize("lang", LANGS)
def test_the_files_describe_the_same_item(rendered, lang):
    article = data("article")
    _, files = rendered[lang]
    items = {ext: files[ext]["item"] for ext in KINDS}
    for key in SAME:
        values = {ext: json.dumps(names(item.get(key)), ensure_ascii=False, sort_keys=True) for ext, item in items.items()}
        assert len(set(values.values())) == 1, f"the {lang} citation files disagree on {key}: {values}"
    item = items["json"]
    site_name = next(entry["site_name"] for entry in _i18n()["languages"] if entry["locale"] == lang)
    assert (item["type"], item["container-title"]) == ("webpage", site_name), f"a web page of the edition's website: {item}"
    assert item["URL"] == site_url() + url(lang, "index")
    original = article["original_language"]
    if lang == original:
        assert "translator" not in item and "original-title" not in item, f"the original ({lang}) names no translator: {item}"
    else:
        assert item["translator"] == [{"literal": article["translator"][lang]}], f"the translation credits the editors: {item}"
        assert item["original-title"] == article["title"][original]
