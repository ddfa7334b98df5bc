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

import lxml.html
import markdown
from babel.dates import format_date

from edition import datafiles, versions
from edition.forms import FORMS, TABLE_FORMS

HEADING = re.compile(r"^#{1,6}\s.*\{#(?P<id>[a-z0-9-]+)\}\s*$")
COMMENT = re.compile(r"^\s*<!--.*-->\s*$", re.DOTALL)
DOWNLOADS = "downloads/"
PARALLEL = "parallel"   # the parallel pages (hooks/forms/parallel.py): parallel/<page>/, below each language's folder
FULL_TEXT = "article/"   # the whole article on one page, below each language's folder
def i18n(config):
    return config.plugins["i18n"]


def nested_build(config) -> bool:
    """Whether this is mkdocs-static-i18n's build of one more language, run inside the default
    language's (from its on_post_build). A hook that works on the whole site (every language's
    pages and files) does it in the outer build's on_post_build, which comes after every nested one."""
    return bool(i18n(config).building)


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
        raise datafiles.DataError("mkdocs.yml: site_url is empty. Set SITE_URL (the public address) or keep the default.")
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
        raise datafiles.DataError(f"data/article.yaml: abstract.page: {name} does not exist. Name the title page that holds the abstract.")
    blocks, inside = [], False
    for block in re.split(r"\n\s*\n", path.read_text(encoding="utf-8")):
        block = block.strip()
        heading = HEADING.match(block.splitlines()[0]) if block else None
        if heading:
            inside = heading.group("id") == where["section"]
            continue
        if inside and block and not COMMENT.match(block):
            html = markdown.markdown(block)
            blocks.append(" ".join(" ".join(lxml.html.fragment_fromstring(html, create_parent="div").itertext()).split()))
    if not blocks:
        raise datafiles.DataError(
            f"data/article.yaml: abstract.section: {name} has no paragraphs under a heading "
            f"{{#{where['section']}}}. Give the abstract that heading id, or correct the section."
        )
    return blocks



def _forms(files: dict, table_files: dict) -> list[dict]:
    """The files of overrides/edition/forms.html, in the order of edition/forms FORMS, then the tables."""
    forms = [{"key": key, "path": files[key], "type": form.media_type} for key, form in FORMS.items()]
    for name, by_ext in table_files.items():
        number = datafiles.load(name).get("number", "")
        forms += [{"key": f"table_{ext}", "number": number, "path": by_ext[ext], "type": form.media_type} for ext, form in TABLE_FORMS.items()]
    return forms


def tables() -> list[str]:
    """The data files that are tables (their schema has columns and rows): each is offered for download."""
    return [name for name in datafiles.names() if {"columns", "rows"} <= datafiles.properties(name)]


def table_file(name: str, lang: str, ext: str, config) -> str:
    """Where a table's data is offered, below the site root: downloads/NAME-LANG.EXT."""
    return prefix(lang, config) + DOWNLOADS + TABLE_FORMS[ext].file.format(name=name, lang=lang)


_cache: dict = {}


def metadata(config) -> dict:
    """Everything the templates and generated files say about the article and its editions.

    Computed once per language and build (or, outside a build, state of the files it reads:
    data/, docs/*/ pages): reading and validating YAML is slow, and every page asks."""
    if datafiles.generation():  # in a build: MkDocs builds anew when a file changes
        state = ("build", datafiles.generation())
    else:
        docs = Path(config.docs_dir)
        sources = sorted(datafiles.DATA.glob("*.yaml")) + sorted(docs.glob("*/*.md"))
        state = tuple((str(p), p.stat().st_mtime_ns) for p in sources)
    key = (current_language(config), config.site_url, config.docs_dir, state)
    if key not in _cache:
        _cache.clear()
        _cache[key] = _metadata(config)
    return _cache[key]


def _rights(rights: dict, lang: str) -> dict:
    """data/rights.yaml in one language: `article.holder` and `article.license` are None
    while unknown (templates print a license or a holder only when known)."""
    article, edition = rights["article"], rights["edition"]
    return {
        "article": {"holder": article["holder"][lang] if article["holder"] else None, "license": article["license"],
                    "statement": article["statement"][lang]},
        "edition": {"statement": edition["statement"][lang], "excluded": edition["excluded"][lang],
                    "licenses": [{"id": lic["id"], "name": lic["name"], "title": lic["title"][lang], "url": lic["url"],
                                  "covers": lic["covers"][lang]} for lic in edition["licenses"]]},
    }


def _metadata(config) -> dict:
    article = datafiles.load("article")
    rights = datafiles.load("rights")
    base = site_url(config)
    lang = current_language(config)
    default = default_language(config)
    site_names = {language.locale: language.site_name or config.site_name for language in i18n(config).config.languages}
    editions = {}
    for code in languages(config):
        root = prefix(code, config)
        # One JATS file for all languages (the original with its translations as sub-articles): hooks/forms/jats.py.
        files = {key: prefix(default if form.one_file else code, config) + DOWNLOADS + form.file.format(name=article["file_name"], lang=code)
                 for key, form in FORMS.items()}
        table_files = {name: {ext: table_file(name, code, ext, config) for ext in TABLE_FORMS} for name in tables()}
        editions[code] = {
            "lang": code,
            "original": code == article["original_language"],
            "title": article["title"][code],
            # A translation's record credits its translator (the editors, an organization) and
            # names the original's title and language; the original's record names neither.
            "translator": None if code == article["original_language"] else article["translator"][code],
            "original_title": None if code == article["original_language"] else article["title"][article["original_language"]],
            "original_language": article["original_language"],
            "editors": article["translator"][code],   # the edition's editors, named in this language
            "title_note": article["title_note"][code],
            "rights": _rights(rights, code),    # data/rights.yaml in this language
            "site_name": site_names[code],
            "abstract": abstract(code, config, article["abstract"]),
            "keywords": article["keywords"][code],
            "authors": [{"family": a["family"][code], "initials": a["initials"][code]} for a in article["authors"]],
            "path": root,                       # the title page, below the site root
            "full_text": root + FULL_TEXT,      # the whole article on one page (hooks/forms/full_text.py)
            "full_text_url": base + root + FULL_TEXT,
            "url": base + root,                 # the title page, absolute
            "abs_path": urlsplit(base).path + root,  # the title page from the host's root (404 pages)
            "files": files,                     # below the site root
            "file_urls": {ext: base + path for ext, path in files.items()},
            "tables": table_files,
            "forms": _forms(files, table_files),
        }
    # The versions (data/versions.yaml): the last is this edition's; the record is checked here,
    # once per build, so that a mistake stops the build with its file and line.
    versions.check(article["edition_date"])
    record = versions.versions()
    version = {"number": record[-1]["number"], "date": record[-1]["date"], "summary": record[-1]["summary"][lang],
               "label": f"{record[-1]['number']}"}
    all_labels = datafiles.load("labels")
    labels_by_lang = {code: {key: text[code] for key, text in all_labels.items()} for code in languages(config)}
    return {
        "lang": lang,
        "labels": labels_by_lang[lang],
        "labels_by_lang": labels_by_lang,
        "default": default,
        "site_url": base,
        "authors": [{"family": a["family"][lang], "initials": a["initials"][lang]} for a in article["authors"]],
        "date": article["edition_date"],
        "version": version,
        "versions_page": prefix(lang, config) + "versions/",     # docs/LANG/versions.md
        "dates": _dates(article["edition_date"], lang),
        "rights": _rights(rights, lang),
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


def virtual_page(config, norm_src_uri: str, inclusion=None):
    """A page that no file of docs/ holds (a parallel page, the full text), for the language
    being built: a generated MkDocs File that mkdocs-static-i18n treats as its own, so that
    the language switcher links the same page of every other language.
    `norm_src_uri` is the name below the language folder, e.g. 'parallel/index.md'."""
    from mkdocs.structure.files import File, InclusionLevel

    lang = current_language(config)

    def src(code):
        return f"{prefix(code, config)}{norm_src_uri}"

    file = File.generated(config, src(lang), content="", inclusion=inclusion or InclusionLevel.NOT_IN_NAV)
    file.locale = file.locale_alternate_of = lang
    file.localization = None
    file.norm_src_uri = norm_src_uri
    file.alternates = {code: File.generated(config, src(code), content="") for code in languages(config) if code != lang}
    file.alternates[lang] = file
    return file
