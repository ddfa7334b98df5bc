# forms · on_files, on_page_markdown, on_page_content, on_page_context, on_post_build
"""Parallel reading: every page also exists as a parallel page that shows it in all
languages side by side, passage beside passage (`/parallel/<page>/`, `/en/parallel/<page>/`).

Nothing is copied into docs/: the parallel pages are virtual MkDocs files, so Material
gives them its header, language switcher, palette toggle and footer. Their content is
filled in after the last language is built, from the article model of every language
(edition/model.py; no built page is parsed again): the blocks are paired by their shared
ids (hooks/text/paragraph_ids.py),
and overrides/edition/fragments/parallel.html renders the rows. An element without an id
(an editor's note) goes with the passage before it. Inside a cell, ids get the
language as a prefix (the row carries the passage's id), headings go one level down
(the page has its own title), and relative links are rebased onto the parallel page.
Each page and its parallel page link to each other (overrides/partials/actions.html).
"""

from __future__ import annotations

from pathlib import Path

from markupsafe import Markup
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from edition import datafiles, metadata, model, templates

FOLDER = metadata.PARALLEL

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
    return {key: text[lang] for key, text in datafiles.load("labels").items()}


@event_priority(-110)  # after mkdocs-static-i18n has chosen this language's files
def on_files(files, config):
    lang = _i18n(config).current_language
    for page in list(files.documentation_pages()):
        if getattr(page, "locale", None) != lang or page.generated_by or page.src_uri.startswith(_src_uri(config, lang, "")):
            continue
        parallel = metadata.virtual_page(config, f"{FOLDER}/{page.norm_src_uri}")
        files.append(parallel)
        _parallel_of[page.src_uri] = parallel
        _chapter_of[parallel.src_uri] = page
        _pending[parallel.abs_dest_path] = {
            "lang": lang,
            "name": page.norm_src_uri.removesuffix(".md"),
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
        return templates.env.get_template("fragments/parallel.html").render(rows=None)
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
    block = templates.env.get_template("fragments/parallel.html")
    # The placeholder is replaced as text: re-serialising the whole page would rewrite
    # its head (and cost a parse of every page).
    placeholder = block.render(rows=None)
    for path, spec in list(_pending.items()):
        rows = _rows(spec["name"], spec["url"], list(spec["sources"]))
        html = Path(path).read_text(encoding="utf-8")
        filled = block.render(rows=rows, languages=[{"code": lang, "name": names[lang]} for lang in spec["sources"]])
        if html.count(placeholder) != 1:
            raise PluginError(f"{path}: the parallel page's placeholder is not in it once; keep fragments/parallel.html's placeholder as it is.")
        Path(path).write_text(html.replace(placeholder, filled), encoding="utf-8")
        del _pending[path]


def _rows(name: str, here: str, languages: list[str]) -> list[dict]:
    """Pair the blocks of the page in every language (the article model) by id, in the first
    language's order: one row per block, one cell per language."""
    order, cells = [], {}
    for lang in languages:
        page = model.page_of(lang, name)
        if page is None:
            raise PluginError(f"docs/{lang}/{name}.md: not in the article model of '{lang}'; is hooks/model/article_model.py in mkdocs.yml?")
        cells[lang] = {block.id: block for block in page.blocks}
        order += [block.id for block in page.blocks if block.id not in order]
    keys = set(order)
    rows = []
    for key in order:
        row = {"id": key, "cells": []}
        for lang in languages:
            found = cells[lang].get(key)
            row["cells"].append({"lang": lang, "html": _cell(found, key, lang, keys, here) if found else Markup("")})
        rows.append(row)
    return rows


def _cell(block, key: str, lang: str, keys: set, here: str) -> Markup:
    """One language's block, fit for a cell of the parallel page: ids inside get the language as a
    prefix (the row carries the block's own), headings go one level down (the page has its
    own title), links are rebased onto the parallel page."""
    inside = {node.get("id") for element in block.elements for node in element.iter() if isinstance(node.tag, str) and node.get("id")}

    def rename(ident):
        return None if ident == key else f"{lang}-{ident}"

    def link(path, fragment, query):
        if path == block.url and not query:
            if fragment in inside and fragment != key:
                return f"#{lang}-{fragment}"
            if not fragment or fragment in keys:
                return f"#{fragment}" if fragment else None
        return model.relative(path, here) + (f"?{query}" if query else "") + (f"#{fragment}" if fragment else "")

    return model.html(block.elements, block.url, link=link, rename=rename, shift=1)
