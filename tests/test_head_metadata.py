"""Rule: every page's head, in both languages and wherever the site is published (also
under a sub-path), is complete and absolute: <html lang>; one absolute canonical URL;
absolute hreflang alternates for every language and x-default (the default language's
page); a description in the page's language; Open Graph and Twitter card tags. The
article's landing pages — the title page and the full text on one page (article/) — and
only they carry Highwire citation_* tags (citation_fulltext_html_url naming the full text)
and a JSON-LD ScholarlyArticle for that language's edition, linked to the other edition
(translationOfWork / workTranslation), whose abstract is the title page's abstract, word
for word: an indexer meets one article per language, not one per chapter.

Checked on the session's build and on one build with SITE_URL under a sub-path."""

import json
import re
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from edition_site import DEFAULT, LANGS, OTHER, PAGES, build, data, html_path, md_name, parse, site_url, text, url

# Its tests share a costly module fixture: one worker runs them all (make test: pytest-xdist).
pytestmark = pytest.mark.xdist_group("head_metadata")

SUB_PATH = "https://example.org/sub/path/"
CYRILLIC = re.compile(r"[\u0400-\u04FF]")
OPEN_GRAPH = ("og:type", "og:site_name", "og:title", "og:description", "og:locale", "og:url")
TWITTER = ("twitter:card", "twitter:title", "twitter:description")


FULL_TEXT = "article"           # hooks/forms/full_text.py: /article/, /en/article/
LANDING = ["index", FULL_TEXT]  # the pages that carry the article's citation tags


def pdf_path(lang: str) -> str:
    article = data("article")
    return url(lang, "index") + f"downloads/{article['file_name']}-{lang}.pdf"


@pytest.fixture(scope="module", params=["configured site_url", pytest.param("site_url under a sub-path", marks=pytest.mark.slow)])
def edition(request, site, tmp_path_factory):
    """(built site, its public URL): the session's build, and one under a sub-path (a build of
    its own: make test, not make check)."""
    if request.param == "configured site_url":
        return site, site_url()
    path = tmp_path_factory.mktemp("sub-path-site")
    result = build(path, SITE_URL=SUB_PATH)
    assert result.returncode == 0, f"the build with SITE_URL={SUB_PATH} failed:\n{result.stdout}\n{result.stderr}"
    return path, SUB_PATH


def _meta(soup, key):
    found = soup.head.find_all("meta", attrs={"property": key}) + soup.head.find_all("meta", attrs={"name": key})
    return [tag.get("content", "") for tag in found]


def head_problems(soup, lang: str, page: str, base: str, abstract: str | None = None) -> list[str]:
    """What is missing or wrong in one page's head (empty when the head is complete)."""
    problems = []
    here = base + url(lang, page)
    if soup.html.get("lang") != lang:
        problems.append(f"<html lang> is {soup.html.get('lang')!r}, not {lang!r}")
    canonical = [link.get("href") for link in soup.head.find_all("link", rel="canonical")]
    if canonical != [here]:
        problems.append(f"canonical is {canonical}, expected exactly [{here!r}]")
    alternates = {}
    for link in soup.head.find_all("link", rel="alternate", hreflang=True):
        href = link.get("href", "")
        if not urlsplit(href).scheme:
            problems.append(f"hreflang={link['hreflang']} is relative: {href!r}")
        alternates.setdefault(link["hreflang"], []).append(href)
    expected = {other: [base + url(other, page)] for other in LANGS} | {"x-default": [base + url(DEFAULT, page)]}
    if alternates != expected:
        problems.append(f"hreflang alternates are {alternates}, expected {expected}")
    description = _meta(soup, "description")
    if len(description) != 1 or not description[0].strip():
        problems.append(f"<meta name=description> is {description}; expected one, not empty")
    elif bool(CYRILLIC.search(description[0])) != (lang == "ru"):
        problems.append(f"the description is not in {lang}: {description[0][:80]!r}")
    for key in OPEN_GRAPH + TWITTER:
        values = _meta(soup, key)
        if len(values) != 1 or not values[0].strip():
            problems.append(f"{key} is {values}; expected one, not empty")
    locales = data("labels")["og_locale"]
    if sorted(_meta(soup, "og:locale:alternate")) != sorted(locales[other] for other in OTHER[lang]):
        problems.append(f"og:locale:alternate is {_meta(soup, 'og:locale:alternate')}, expected the other languages' locales")
    if _meta(soup, "og:url") != [here]:
        problems.append(f"og:url is {_meta(soup, 'og:url')}, not [{here!r}]")
    if page in LANDING:
        problems += highwire_problems(soup, lang, base)
        problems += json_ld_problems(soup, lang, base, abstract)
    else:
        extra = [tag.get("name") for tag in soup.head.find_all("meta", attrs={"name": re.compile("^citation_")})]
        extra += ["JSON-LD"] * len(soup.head.find_all("script", type="application/ld+json"))
        if extra:
            problems.append(f"a chapter or edition page carries the article's citation tags {sorted(set(extra))}: only "
                            f"{LANDING} may (overrides/partials/edition/head.html)")
        full_text = [a for a in soup.select(".edition-cite a[href]") if a["href"].rstrip("/").endswith(FULL_TEXT)]
        if not full_text:
            problems.append("no link to the full text on one page in the cite block (overrides/partials/edition/cite.html)")
    return problems


def highwire_problems(soup, lang: str, base: str) -> list[str]:
    article = data("article")
    expected = {
        "citation_title": [article["title"][lang]],
        "citation_language": [lang],
        "citation_publication_date": [article["edition_date"].replace("-", "/")],
        "citation_keywords": ["; ".join(article["keywords"][lang])],
        "citation_abstract_html_url": [base + url(lang, "index")],
        "citation_fulltext_html_url": [base + url(lang, FULL_TEXT)],
        "citation_pdf_url": [base + pdf_path(lang)],
        "citation_author": [f"{a['family'][lang]}, {a['initials'][lang]}" for a in article["authors"]],
    }
    return [f"{key} is {_meta(soup, key)}, expected {value}" for key, value in expected.items() if _meta(soup, key) != value]


def json_ld_problems(soup, lang: str, base: str, abstract: str | None) -> list[str]:
    article = data("article")
    scripts = soup.head.find_all("script", type="application/ld+json")
    if len(scripts) != 1:
        return [f"{len(scripts)} JSON-LD blocks, expected one"]
    try:
        item = json.loads(scripts[0].string)
    except json.JSONDecodeError as err:
        return [f"the JSON-LD is not valid JSON: {err}"]
    problems = []
    expected = {
        "@context": "https://schema.org",
        "@type": "ScholarlyArticle",
        "inLanguage": lang,
        "name": article["title"][lang],
        "url": base + url(lang, "index"),
        "datePublished": article["edition_date"],
        "keywords": article["keywords"][lang],
    }
    if abstract is not None:
        expected["abstract"] = abstract
    for key, value in expected.items():
        if item.get(key) != value:
            problems.append(f"JSON-LD {key} is {item.get(key)!r}, expected {value!r}")
    media = {m.get("contentUrl") for m in item.get("encoding") or []}
    for wanted in (base + url(lang, FULL_TEXT), base + pdf_path(lang)):
        if wanted not in media:
            problems.append(f"JSON-LD encoding does not list {wanted} (it lists {sorted(media)})")
    if bool(article["authors"]) != ("author" in item):
        problems.append(f"JSON-LD author is {item.get('author')!r} while data/article.yaml names {article['authors']}")
    original = article["original_language"]
    if lang == original:
        links = item.get("workTranslation") or []
        found = {(link.get("@id"), link.get("inLanguage")) for link in links}
        wanted = {(base + url(other, "index"), other) for other in OTHER[lang]}
        if found != wanted:
            problems.append(f"JSON-LD workTranslation names {found}, expected the translations {wanted}")
    else:
        link = item.get("translationOfWork") or {}
        if (link.get("@id"), link.get("inLanguage")) != (base + url(original, "index"), original):
            problems.append(f"JSON-LD translationOfWork is {link}, expected the original at {base + url(original, 'index')}")
    return problems


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", PAGES + [FULL_TEXT])
def test_head_is_complete_and_absolute(edition, lang, page):
    built, base = edition
    abstract = text(parse(html_path(built, lang, "index")).select_one("#abstract-p1"))
    problems = head_problems(parse(html_path(built, lang, page)), lang, page, base, abstract)
    assert not problems, f"{md_name(lang, page)} (site_url {base}): the head is incomplete:\n" + "\n".join(problems)


def test_the_pdf_the_head_names_exists(edition):
    built, _ = edition
    for lang in LANGS:
        assert (built / pdf_path(lang)).is_file(), f"citation_pdf_url names {pdf_path(lang)}, which the build did not write"


def test_the_check_catches_a_relative_and_incomplete_head():
    """The check is not vacuous: a head as mkdocs-static-i18n writes it alone fails."""
    soup = BeautifulSoup(
        '<html lang="en"><head><link rel="canonical" href="https://example.org/en/introduction/">'
        '<link rel="alternate" href="../../introduction/" hreflang="ru">'
        '<link rel="alternate" href="./" hreflang="en">'
        '<meta name="description" content="Цифровой шелковый путь"></head><body></body></html>', "lxml")
    problems = "\n".join(head_problems(soup, "en", "index", "https://example.org/"))
    for expected in ("hreflang=ru is relative", "x-default", "the description is not in en", "og:title", "twitter:card",
                     "citation_title", "JSON-LD blocks"):
        assert expected in problems, f"the check missed: {expected}\n{problems}"


def test_the_check_catches_citation_tags_on_a_chapter():
    soup = BeautifulSoup('<html lang="en"><head><meta name="citation_title" content="x"></head><body></body></html>', "lxml")
    problems = "\n".join(head_problems(soup, "en", "introduction", "https://example.org/"))
    assert "carries the article's citation tags ['citation_title']" in problems and "no link to the full text" in problems, problems
