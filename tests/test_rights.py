"""Rule: no output grants a license on the article's text or its translation while
data/rights.yaml records none (the rights holder is unknown, no permission recorded).

Every built HTML page, the JSON-LD in their heads, the PDF of each language and the
downloadable files (BibTeX, RIS, CSL-JSON, the table's CSV and JSON) are read. A license —
its name or address (CC BY, Creative Commons, MIT, …) — may be named only where the
edition licenses its own material: inside an element of class `edition-rights__edition`
(rendered from data/rights.yaml), and in the PDF only in its colophon's statement of the
edition's own licenses. No <link rel="license"> or rel="license" link, no JSON-LD
`license` or `copyrightHolder`, no CSL `license` unless data/rights.yaml records the
holder and a license; and the article's rights statement is the one of data/rights.yaml."""

from __future__ import annotations

import json
import re

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from built_pages import html_file, html_urls
from edition_site import LANGS, data, url

# How a license is named (case matters: "MIT", not "Committee"); the names and URLs of data/rights.yaml are added.
GENERIC = [r"CC[- ]?BY", r"Creative\s*Commons", r"creativecommons\.org", r"(?<![A-Za-z])MIT(?![A-Za-z])", r"opensource\.org/licen[cs]e",
           r"(?<![A-Za-z])GNU(?![A-Za-z])", r"(?<![A-Za-z])GPL(?![A-Za-z])", r"[Pp]ublic [Ll]icense"]
ALLOWED = "edition-rights__edition"  # the class of the edition's own licenses (data/rights.yaml)


def license_pattern(rights: dict, squeezed: bool = False) -> re.Pattern:
    """Every way a license is named: generic names, and the names and URLs the data gives
    (`squeezed`: for text without whitespace and hyphens, where words run together)."""
    named = [lic["name"] for lic in rights["edition"]["licenses"]] + [lic["url"] for lic in rights["edition"]["licenses"]]
    if rights["article"]["license"]:
        named += [rights["article"]["license"]["name"], rights["article"]["license"]["url"]]
    if squeezed:
        return re.compile("|".join(["CCBY", "CreativeCommons", "creativecommons\\.org", "MIT", "opensource\\.org/licen"]
                                   + [re.escape(squeeze(n)) for n in named]))
    return re.compile("|".join(GENERIC + [rf"(?<![A-Za-z]){re.escape(n)}(?![A-Za-z])" for n in named]))


def squeeze(value: str) -> str:
    """Text without whitespace and hyphens: PDF line breaks and wrapped citation files alike."""
    return re.sub(r"[\s\u00ad\u2010-]", "", value)


def article_license(rights: dict) -> dict | None:
    """The license the article's rights holder grants, if data/rights.yaml records both."""
    return rights["article"]["license"] if rights["article"]["holder"] else None


def inside(tag, cls: str) -> bool:
    """The tag, or one of its ancestors, has the class."""
    return cls in (tag.get("class") or []) or tag.find_parent(class_=cls) is not None


def html_problems(soup: BeautifulSoup, lang: str, rights: dict) -> list[str]:
    problems = []
    pattern = license_pattern(rights)
    granted = article_license(rights)
    for link in soup.select("[rel~=license]"):
        if granted is None or link.get("href") != granted["url"]:
            problems.append(f"<{link.name} rel=license href={link.get('href')!r}>: data/rights.yaml records no license on the article")
    for string in soup.find_all(string=pattern):
        holder = string.parent
        if holder.name == "script" and holder.get("type") == "application/ld+json":
            continue  # checked below, as JSON
        if holder.name in ("script", "style") or inside(holder, ALLOWED):
            continue
        if granted and inside(holder, "edition-rights__article"):
            continue
        problems.append(f"<{holder.name} class={holder.get('class')}>: names a license outside the edition's own licenses: «{' '.join(string.split())[:120]}»")
    for element in soup.find_all(href=pattern):
        if not inside(element, ALLOWED) and not (granted and element.get("href") == granted["url"]):
            problems.append(f"<{element.name} href={element['href']!r}>: links a license outside the edition's own licenses")
    for statement in soup.select(".edition-rights__article"):
        said = " ".join(statement.get_text(" ").split())
        # a parallel page shows the other language's statement in its column, too
        if not any(said.startswith(rights["article"]["statement"][code]) for code in LANGS):
            problems.append(f"the article's rights statement reads «{said[:120]}», not data/rights.yaml's")
    for script in soup.find_all("script", type="application/ld+json"):
        problems += json_ld_problems(json.loads(script.string), lang, rights)
    return problems


def _keys(value, found=None) -> set:
    found = set() if found is None else found
    if isinstance(value, dict):
        found |= set(value)
        for child in value.values():
            _keys(child, found)
    elif isinstance(value, list):
        for child in value:
            _keys(child, found)
    return found


def json_ld_problems(item: dict, lang: str, rights: dict) -> list[str]:
    problems = []
    keys = _keys(item)
    if "license" in keys and article_license(rights) is None:
        problems.append("JSON-LD has a license while data/rights.yaml records none on the article")
    if "copyrightHolder" in keys and not rights["article"]["holder"]:
        problems.append("JSON-LD names a copyrightHolder while data/rights.yaml says the holder is unknown")
    if article_license(rights) is None and license_pattern(rights).search(json.dumps(item, ensure_ascii=False)):
        problems.append("JSON-LD names a license")
    if "copyrightNotice" in item and item["copyrightNotice"] != rights["article"]["statement"][lang]:
        problems.append(f"JSON-LD copyrightNotice is {item['copyrightNotice']!r}, not data/rights.yaml's statement")
    return problems


def file_problems(name: str, content: str, lang: str, rights: dict) -> list[str]:
    """A citation file or table download: no license named, the rights statement in a citation file."""
    problems = []
    if article_license(rights) is None:
        found = license_pattern(rights).search(content)
        if found:
            problems.append(f"{name}: names a license («{found.group(0)}») while data/rights.yaml records none on the article")
    if name.endswith(".json") and content.lstrip().startswith("[") and article_license(rights) is None:
        if any("license" in item for item in json.loads(content) if isinstance(item, dict)):
            problems.append(f"{name}: CSL-JSON has a license")
    return problems


@pytest.fixture(scope="module")
def rights():
    return data("rights")


def test_the_holder_is_unknown_and_no_license_is_recorded(rights):
    """What the other checks hold the outputs to (data/rights.yaml's schema forbids a license without a holder)."""
    if rights["article"]["holder"] is None:
        assert rights["article"]["license"] is None
        for lang in LANGS:
            assert not license_pattern(rights).search(rights["article"]["statement"][lang]), (
                f"data/rights.yaml: article.statement.{lang} names a license, but none is recorded")


def test_no_page_grants_a_license_on_the_article(site, rights):
    problems = []
    for page in html_urls(site):
        lang = next((code for code in LANGS if page.startswith(f"{code}/")), LANGS[0])
        soup = BeautifulSoup(html_file(site, page).read_text(encoding="utf-8"), "lxml")
        problems += [f"/{page}: {problem}" for problem in html_problems(soup, lang, rights)]
    assert not problems, "\n".join(problems)


def test_every_page_states_the_rights(site, rights):
    """The footer of every page carries data/rights.yaml's statements."""
    missing = []
    for page in html_urls(site):
        soup = BeautifulSoup(html_file(site, page).read_text(encoding="utf-8"), "lxml")
        footer = soup.select_one(".md-copyright .edition-rights")
        if footer is None or footer.select_one(".edition-rights__article") is None or footer.select_one(f".{ALLOWED}") is None:
            missing.append(f"/{page}")
    assert not missing, "pages whose footer lacks the rights (overrides/partials/copyright.html): " + ", ".join(missing)


@pytest.mark.parametrize("lang", LANGS)
def test_no_download_grants_a_license_on_the_article(site, rights, lang):
    folder = site / url(lang, "index") / "downloads"
    files = sorted(p for p in folder.iterdir() if p.suffix in (".bib", ".ris", ".json", ".csv"))
    assert files, f"no downloads in {folder}"
    problems = []
    for path in files:
        content = path.read_text(encoding="utf-8")
        problems += file_problems(path.name, content, lang, rights)
        if path.suffix in (".bib", ".ris") or (path.suffix == ".json" and path.stem.startswith(data("article")["file_name"])):
            if squeeze(rights["article"]["statement"][lang]) not in squeeze(content.replace("\\", "")):
                problems.append(f"{path.name}: lacks the rights statement of data/rights.yaml")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lang", LANGS)
def test_the_pdf_grants_no_license_on_the_article(site, rights, lang):
    path = site / url(lang, "index") / "downloads" / f"{data('article')['file_name']}-{lang}.pdf"
    content = squeeze("\n".join(page.extract_text() for page in PdfReader(path).pages))
    article, edition = squeeze(rights["article"]["statement"][lang]), squeeze(rights["edition"]["statement"][lang])
    assert article in content, f"{path.name}: the colophon lacks the article's rights statement"
    assert edition in content, f"{path.name}: the colophon lacks the edition's licenses"
    start = content.rindex(edition)
    early = [m.group(0) for m in license_pattern(rights, squeezed=True).finditer(content) if m.start() < start]
    assert not early or article_license(rights), f"{path.name}: names a license before the colophon's statement of the edition's own licenses: {early}"


def test_the_checks_catch_a_license_on_the_article(rights):
    """Not vacuous: a page, JSON-LD and a citation file that put the translation under CC BY fail."""
    if article_license(rights):
        pytest.skip("data/rights.yaml records a license on the article")
    soup = BeautifulSoup(
        '<html><head><link rel="license" href="https://creativecommons.org/licenses/by/4.0/">'
        '<script type="application/ld+json">{"license": "https://creativecommons.org/licenses/by/4.0/", '
        '"copyrightHolder": {"name": "X"}}</script></head><body>'
        '<p class="md-copyright">This translation is licensed under CC BY 4.0.</p></body></html>', "lxml")
    problems = "\n".join(html_problems(soup, "en", rights))
    for expected in ("<link rel=license", "names a license outside", "JSON-LD has a license", "copyrightHolder"):
        assert expected in problems, f"the check missed: {expected}\n{problems}"
    assert file_problems("x.bib", "@misc{x, note = {Licensed under CC BY 4.0}}", "en", rights)
    assert file_problems("x.json", '[{"id": "x", "license": "https://example.org/"}]', "en", rights)
