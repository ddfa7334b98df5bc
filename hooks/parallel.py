"""Parallel reading: every page also exists as a parallel page that shows it in all
languages side by side, passage beside passage (`/parallel/<page>/`, `/en/parallel/<page>/`).

Nothing is copied into docs/: the parallel pages are virtual MkDocs files, so Material
gives them its header, language switcher, palette toggle and footer. Their content is
filled in after the last language is built, from the built articles of every language
(bs4): the top-level elements are paired by their shared ids (hooks/paragraph_ids.py),
and overrides/edition/fragments/parallel.html renders the rows. An element without an id
(an editor's note) goes with the passage before it. Inside a cell, ids get the
language as a prefix (the row carries the passage's id), headings go one level down
(the page has its own title), and relative links are rebased onto the parallel page.
Each page and its parallel page link to each other (overrides/partials/actions.html).
"""

from __future__ import annotations

import copy
import posixpath
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup
from markupsafe import Markup
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, InclusionLevel

import _datafiles
import _templates

FOLDER = "parallel"
ID_REFS = ("for", "headers", "aria-labelledby", "aria-describedby", "aria-controls")
HEADING = re.compile(r"^h([1-5])$")

_parallel_of: dict[str, File] = {}   # a page's src_uri -> its parallel page's file
_chapter_of: dict[str, File] = {}    # a parallel page's src_uri -> its page's file
_pending: dict[str, dict] = {}       # a parallel page's built path -> what fills it


def _i18n(config):
    return config.plugins["i18n"]


def _languages(config) -> list:
    return [lang for lang in _i18n(config).config.languages if lang.build]


def _build_order(config) -> list[str]:
    default = _i18n(config).default_language
    return [default] + [lang.locale for lang in _languages(config) if lang.locale != default]


def _src_uri(config, lang: str, norm_src_uri: str) -> str:
    prefix = "" if lang == _i18n(config).default_language else f"{lang}/"
    return f"{prefix}{FOLDER}/{norm_src_uri}"


def _labels(config) -> dict:
    lang = _i18n(config).current_language
    return {key: text[lang] for key, text in _datafiles.load("labels").items()}


@event_priority(-110)  # after mkdocs-static-i18n has chosen this language's files
def on_files(files, config):
    lang = _i18n(config).current_language
    for page in list(files.documentation_pages()):
        if getattr(page, "locale", None) != lang or page.generated_by or page.src_uri.startswith(_src_uri(config, lang, "")):
            continue
        parallel = File.generated(config, _src_uri(config, lang, page.norm_src_uri), content="",
                                  inclusion=InclusionLevel.NOT_IN_NAV)
        # What mkdocs-static-i18n knows of its own files, so that the switcher links the
        # parallel page of the other language.
        parallel.locale = parallel.locale_alternate_of = lang
        parallel.localization = None
        parallel.norm_src_uri = f"{FOLDER}/{page.norm_src_uri}"
        parallel.alternates = {
            other.locale: File.generated(config, _src_uri(config, other.locale, page.norm_src_uri), content="")
            for other in _languages(config)
        }
        parallel.alternates[lang] = parallel
        files.append(parallel)
        _parallel_of[page.src_uri] = parallel
        _chapter_of[parallel.src_uri] = page
        _pending[parallel.abs_dest_path] = {
            "lang": lang,
            "url": parallel.url,
            "sources": {other: (page.alternates[other].abs_dest_path, page.alternates[other].url)
                        for other in _build_order(config)},
        }
    return files


def on_page_markdown(markdown, page, config, files):
    chapter = _chapter_of.get(page.file.src_uri)
    if chapter is not None:
        page.meta["title"] = _labels(config)["parallel_title"].format(title=chapter.page.title)
        page.meta["hide"] = ["navigation", "toc"]
    return markdown


def on_page_content(html, page, config, files):
    if page.file.src_uri in _chapter_of:
        return _templates.env.get_template("fragments/parallel.html").render(rows=None)
    return html


def on_page_context(context, page, config, nav):
    labels = _labels(config)
    if page.file.src_uri in _parallel_of:
        page.meta["edition_counterpart"] = {
            "url": _parallel_of[page.file.src_uri].url, "label": labels["parallel_open"], "kind": "parallel"}
    elif page.file.src_uri in _chapter_of:
        page.meta["edition_counterpart"] = {
            "url": _chapter_of[page.file.src_uri].url, "label": labels["parallel_close"], "kind": "single"}
    return context


def on_post_build(config):
    if _i18n(config).current_language != _build_order(config)[-1]:
        return  # the other languages' articles are not built yet
    names = {lang.locale: lang.name for lang in _languages(config)}
    for path, spec in list(_pending.items()):
        articles = {lang: _article(source) for lang, (source, _) in spec["sources"].items()}
        rows = _rows(articles, {lang: url for lang, (_, url) in spec["sources"].items()}, spec["url"])
        html = Path(path).read_text(encoding="utf-8")
        block = _templates.env.get_template("fragments/parallel.html").render(
            rows=rows, languages=[{"code": lang, "name": names[lang]} for lang in spec["sources"]])
        # The placeholder is replaced as text: re-serialising the whole page would rewrite
        # its head (BeautifulSoup reorders a <meta http-equiv>'s attributes).
        placeholder = _templates.env.get_template("fragments/parallel.html").render(rows=None)
        if html.count(placeholder) != 1:
            raise PluginError(f"{path}: the parallel page's placeholder is not in it once; keep fragments/parallel.html's placeholder as it is.")
        Path(path).write_text(html.replace(placeholder, block), encoding="utf-8")
        del _pending[path]


def _article(path):
    soup = BeautifulSoup(Path(path).read_text(encoding="utf-8"), "html.parser")
    return soup.select_one("article.md-content__inner")


def _rows(articles: dict, urls: dict, here: str) -> list[dict]:
    """Pair the top-level elements of the articles by id, in the first language's order."""
    order, cells = [], {lang: {} for lang in articles}
    for lang, article in articles.items():
        key = None
        for element in article.find_all(True, recursive=False):
            if {"md-content__button", "edition-cite"} & set(element.get("class", [])):
                continue  # Material's page actions; the cite block, which the parallel page has of its own
            ident = element.get("id") or (None if key else getattr(element.find(id=True), "get", dict)("id"))
            if ident:
                key = ident
                if key not in order:
                    order.append(key)
            elif key is None:
                continue
            cells[lang].setdefault(key, []).append(element)
    keys = set(order)
    rows = []
    for key in order:
        row = {"id": key, "cells": []}
        for lang in articles:
            parts = [_adapt(copy.copy(element), key, lang, keys, urls[lang], here) for element in cells[lang].get(key, [])]
            row["cells"].append({"lang": lang, "html": Markup("".join(parts))})
        rows.append(row)
    return rows


def _adapt(element, key: str, lang: str, keys: set, source_url: str, here: str) -> str:
    """One language's element, fit for a cell of the parallel page."""
    renamed = {}
    for tag in [element, *element.find_all(True)]:
        ident = tag.get("id")
        if ident == key:
            del tag["id"]
        elif ident:
            renamed[ident] = tag["id"] = f"{lang}-{ident}"
        match = HEADING.match(tag.name)
        if match:
            tag.name = f"h{int(match.group(1)) + 1}"
    for tag in [element, *element.find_all(True)]:
        for name in ID_REFS:
            if tag.get(name):
                value = tag[name] if isinstance(tag[name], str) else " ".join(tag[name])
                tag[name] = " ".join(renamed.get(token, token) for token in value.split())
        for name in ("href", "src"):
            if tag.get(name):
                tag[name] = _rebase(tag[name], renamed, keys, source_url, here)
    return str(element)


def _rebase(link: str, renamed: dict, keys: set, source_url: str, here: str) -> str:
    """A link of the source page (at source_url), made to work from the parallel page."""
    parts = urlsplit(link)
    if parts.scheme or parts.netloc or link.startswith("/"):
        return link
    if not parts.path:
        if parts.fragment in renamed:
            return f"#{renamed[parts.fragment]}"
        if not parts.fragment or parts.fragment in keys:
            return link
        target = "/" + source_url  # a place of the source page that the parallel view leaves out
    else:
        target = urljoin("/" + source_url, parts.path)
    relative = posixpath.relpath(target, "/" + here)
    if target.endswith("/") and relative != ".":
        relative += "/"
    elif relative == ".":
        relative = "./"
    return relative + (f"?{parts.query}" if parts.query else "") + (f"#{parts.fragment}" if parts.fragment else "")
