"""The edition's metadata for templates and generated files: data/article.yaml, plus
what follows from the configuration (languages, site names, site_url) and from the text
(the abstracts, read from the title pages: one copy of each, on the page).

Not a hook: the hooks import it. Everything returned is data (strings, lists, dicts);
templates turn it into HTML, XML or JSON.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path
from urllib.parse import urlsplit

import markdown
import yaml
from babel.dates import format_date
from bs4 import BeautifulSoup

import _datafiles

HEADING = re.compile(r"^#{1,6}\s.*\{#(?P<id>[a-z0-9-]+)\}\s*$")
COMMENT = re.compile(r"^\s*<!--.*-->\s*$", re.DOTALL)
DOWNLOADS = "downloads/"


def i18n(config):
    return config.plugins["i18n"]


def current_language(config) -> str:
    return i18n(config).current_language


def languages(config) -> list[str]:
    return [lang.locale for lang in i18n(config).config.languages if lang.build]


def default_language(config) -> str:
    return next(lang.locale for lang in i18n(config).config.languages if lang.default)


def prefix(lang: str, config) -> str:
    """A language's folder below the site root: '' for the default language, 'en/' otherwise."""
    return "" if lang == default_language(config) else f"{lang}/"


def site_url(config) -> str:
    url = config.site_url or ""
    if not url:
        raise _datafiles.DataError("mkdocs.yml: site_url is empty. Set SITE_URL (the public address) or keep the default.")
    return url if url.endswith("/") else url + "/"


def page_path(page, config) -> str:
    """The page's URL below its language folder: '' for a title page, 'introduction/'."""
    url = page.url
    lang_prefix = prefix(current_language(config), config)
    return url[len(lang_prefix):] if lang_prefix and url.startswith(lang_prefix) else url


def abstract(lang: str, config, where: dict) -> list[str]:
    """The paragraphs (plain text) under the heading {#SECTION} of docs/LANG/PAGE."""
    docs = Path(config.docs_dir)
    path = docs / lang / where["page"]
    name = f"docs/{lang}/{where['page']}"
    if not path.is_file():
        raise _datafiles.DataError(f"data/article.yaml: abstract.page: {name} does not exist. Name the title page that holds the abstract.")
    blocks, inside = [], False
    for block in re.split(r"\n\s*\n", path.read_text(encoding="utf-8")):
        block = block.strip()
        heading = HEADING.match(block.splitlines()[0]) if block else None
        if heading:
            inside = heading.group("id") == where["section"]
            continue
        if inside and block and not COMMENT.match(block):
            html = markdown.markdown(block)
            blocks.append(" ".join(BeautifulSoup(html, "html.parser").get_text(" ").split()))
    if not blocks:
        raise _datafiles.DataError(
            f"data/article.yaml: abstract.section: {name} has no paragraphs under a heading "
            f"{{#{where['section']}}}. Give the abstract that heading id, or correct the section."
        )
    return blocks


TABLE_FORMATS = ("csv", "json")


def tables() -> list[str]:
    """The data files that are tables (their schema has columns and rows): each is offered for download."""
    found = []
    for name in _datafiles.names():
        schema = _datafiles.SCHEMAS / f"{name}.schema.yaml"
        properties = yaml.safe_load(schema.read_text(encoding="utf-8")).get("properties", {}) if schema.is_file() else {}
        if {"columns", "rows"} <= set(properties):
            found.append(name)
    return found


def table_file(name: str, lang: str, ext: str, config) -> str:
    """Where a table's data is offered, below the site root: downloads/NAME-LANG.EXT."""
    return f"{prefix(lang, config)}{DOWNLOADS}{name}-{lang}.{ext}"


_cache: dict = {}


def metadata(config) -> dict:
    """Everything the templates and generated files say about the article and its editions.

    Computed once per language and state of the files it reads (data/, docs/*/ pages, mkdocs.yml):
    reading and validating YAML is slow, and every page asks."""
    docs = Path(config.docs_dir)
    sources = sorted(_datafiles.DATA.glob("*.yaml")) + sorted(docs.glob("*/*.md"))
    if config.config_file_path:  # site names and languages come from mkdocs.yml
        sources.append(Path(config.config_file_path))
    key = (current_language(config), config.site_url, tuple((str(p), p.stat().st_mtime_ns) for p in sources))
    if key not in _cache:
        _cache.clear()
        _cache[key] = _metadata(config)
    return _cache[key]


def _metadata(config) -> dict:
    article = _datafiles.load("article")
    base = site_url(config)
    lang = current_language(config)
    default = default_language(config)
    site_names = {language.locale: language.site_name or config.site_name for language in i18n(config).config.languages}
    editions = {}
    for code in languages(config):
        root = prefix(code, config)
        files = {ext: f"{root}{DOWNLOADS}{article['file_name']}-{code}.{ext}" for ext in ("pdf", "bib", "ris", "json")}
        editions[code] = {
            "lang": code,
            "original": code == article["original_language"],
            "title": article["title"][code],
            "title_note": article["title_note"][code],
            "site_name": site_names[code],
            "abstract": abstract(code, config, article["abstract"]),
            "keywords": article["keywords"][code],
            "authors": [{"family": a["family"][code], "initials": a["initials"][code]} for a in article["authors"]],
            "license_statement": article["license"]["statement"][code],
            "path": root,                       # the title page, below the site root
            "url": base + root,                 # the title page, absolute
            "abs_path": urlsplit(base).path + root,  # the title page from the host's root (404 pages)
            "files": files,                     # below the site root
            "file_urls": {ext: base + path for ext, path in files.items()},
            "tables": {name: {ext: table_file(name, code, ext, config) for ext in TABLE_FORMATS} for name in tables()},
        }
    all_labels = _datafiles.load("labels")
    labels_by_lang = {code: {key: text[code] for key, text in all_labels.items()} for code in languages(config)}
    return {
        "lang": lang,
        "labels": labels_by_lang[lang],
        "labels_by_lang": labels_by_lang,
        "default": default,
        "site_url": base,
        "authors": [{"family": a["family"][lang], "initials": a["initials"][lang]} for a in article["authors"]],
        "date": article["edition_date"],
        "dates": _dates(article["edition_date"], lang),
        "license": {"name": article["license"]["name"], "url": article["license"]["url"]},
        "original_language": article["original_language"],
        "edition_pages": article["edition_pages"],
        "editions": editions,
        "this": editions[lang],
        "others": [editions[code] for code in editions if code != lang],
    }


def _dates(iso: str, lang: str) -> dict:
    """The edition's date in the forms the references need."""
    day = datetime.date.fromisoformat(iso)
    return {
        "iso": iso,
        "year": day.year,
        "parts": [day.year, day.month, day.day],
        "numeric": day.strftime("%d.%m.%Y"),                        # ГОСТ: 25.11.2026
        "apa": format_date(day, "y, MMMM d", locale="en"),          # APA: 2026, November 25
        "long": format_date(day, "long", locale=lang),
    }


def is_article_page(page, config) -> bool:
    """Every page of the nav is the article's, except the edition's own pages (data)."""
    src = page.file.src_uri
    lang_prefix = f"{current_language(config)}/"
    src = src[len(lang_prefix):] if src.startswith(lang_prefix) else src
    return src not in metadata(config)["edition_pages"]
