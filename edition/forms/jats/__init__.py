"""The whole article as one JATS XML document (NISO JATS 1.4, Journal Archiving and
Interchange tag set), composed from the article model of every language
(edition/model.py) and rendered by overrides/jats/article.xml.

Not a hook: hooks/forms/jats.py calls `compose(config)` after the last language is built and
hands the XML to the download worker. Here the model is sorted into the parts of a JATS
article; the template owns every element and attribute.

    the original language (data/article.yaml original_language)  -> <article xml:lang>
    every other language (this edition's translation)            -> <sub-article article-type="translation">
    the title page's abstract section                            -> the original's <abstract> and each translation's
                                                                    <trans-abstract> in the article's front; each
                                                                    translation's <abstract> in its <front-stub>
    the chapters' headings, paragraphs, lists                    -> <sec id>, <p id>, <list id>, with the site's ids
    a table block (table-NAME)                                   -> <table-wrap>, from data/NAME.yaml (not from the HTML)
    the page of the reference list (the edition's own page,      -> <ref-list> in <back>, from data/references.yaml;
      data/article.yaml edition_pages: the article's back matter)   the citations [N] are <xref ref-type="bibr">
    editor's notes (data/notes.yaml, row notes), corrections     -> <notes> in <back>, apart from the author's text

Ids are the site's, so that a paragraph's id is the same in the XML as on the pages; in
a sub-article every id gets the language as a prefix (`en-policy-coordination-p2`),
because ids are unique in one XML document.
"""

from __future__ import annotations

from urllib.parse import urljoin

import jinja2
from lxml import etree

from edition import datafiles, metadata, model, templates

TEMPLATES = datafiles.ROOT / "overrides" / "jats"
TEMPLATE = "article.xml"
REFERENCE_LIST = model.REFERENCE_LIST  # the list's id in overrides/edition/references.html
CORRECTIONS_LOG = "corrections-log"  # the table's id in overrides/edition/corrections.html
CORRECTIONS_PAGE = "corrections"     # the edition's page that shows data/corrections.yaml

env = jinja2.Environment(
    loader=jinja2.FileSystemLoader(TEMPLATES),
    autoescape=True,                  # text from the pages and from data/ is escaped (&, <, >, quotes): valid XML
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
)
env.bytecode_cache = templates.bytecode_cache(env)  # compiled once, not at every build
env.filters["source_date"] = templates.source_date  # a note's source's date, as the site prints it


def build_order(config) -> list[str]:
    """The languages in the order mkdocs-static-i18n builds them: the default first."""
    default = metadata.default_language(config)
    return [default] + [lang for lang in metadata.languages(config) if lang != default]


def compose(config) -> str:
    """The JATS document of the whole article in every language, once all are built."""
    meta = metadata.metadata(config)
    original = meta["original_language"]
    langs = [original] + [lang for lang in build_order(config) if lang != original]
    parts = {}
    for lang in langs:
        parts[lang] = Part(lang, "" if lang == original else f"{lang}-", meta, parts.get(original))
    xml = env.get_template(TEMPLATE).render(
        edition=meta, main=parts[original], translations=[parts[lang] for lang in langs[1:]], parts=list(parts.values()),
    )
    try:
        etree.fromstring(xml.encode("utf-8"))
    except etree.XMLSyntaxError as error:
        raise datafiles.DataError(
            f"overrides/jats/{TEMPLATE}: the JATS file it renders is not well-formed XML ({error}). "
            "Correct the template: every element it opens must close, and text must come through {{ }} (escaped)."
        ) from error
    return xml


class Part:
    """One language's article, sorted into the parts of a JATS article, for the template."""

    def __init__(self, lang: str, prefix: str, meta: dict, original: Part | None):
        self.lang = lang
        self.prefix = prefix
        self.id = prefix.rstrip("-") or None
        self.meta = meta
        self.edition = meta["editions"][lang]
        self.labels = meta["labels_by_lang"][lang]
        self.original = original or self
        self.article = model.get(lang, meta)
        self.data = self.article.data
        self.ids: dict[str, str] = {}       # every id of this part (unprefixed) -> the ref-type of a link to it
        self.blocks: dict[str, tuple] = {}  # block id -> (page, block), for messages and note anchors
        self.urls = {page.url for page in self.article.pages}
        where = datafiles.load("article")["abstract"]
        title_page = where["page"].removesuffix(".md")
        self.abstract = None
        self.body: list = []
        self.tables: list[str] = []
        # The reference list is looked for among all the pages: it is the edition's own page (the
        # editors compiled it), the article's back matter, which the citations [N] link to.
        listing = next((page for page in self.article.pages if any(block.id == REFERENCE_LIST for block in page.blocks)), None)
        if listing is None:
            raise datafiles.DataError(
                f"docs/{lang}/: no page holds the reference list (the marker <!-- references: references -->), which the "
                "JATS file's <back> needs for its <ref-list>. Keep the marker on docs/LANG/references.md."
            )
        self.references = self._single(listing, self._tree(listing))
        for page in self.article.article_pages:
            if page is listing:
                continue
            items = self._tree(page)
            if page.name == title_page:
                for item in items:
                    if item["role"] == "section" and item["id"] == where["section"]:
                        self.abstract = item
                        self.ids[item["id"]] = "other"
                    elif item["role"] != "title":
                        self.body.append(item)
                continue
            self.body.extend(items)
        if self.abstract is None:
            raise datafiles.DataError(
                f"docs/{lang}/{where['page']}: no section {{#{where['section']}}} for the JATS abstract "
                "(data/article.yaml abstract). Give the abstract that heading id, or correct abstract.section."
            )
        corrections = next((page for page in self.article.pages if page.name == CORRECTIONS_PAGE), None)
        self.corrections = self._single(corrections, self._tree(corrections)) if corrections else None
        self.notes = self._notes()
        self.row_notes = [(name, row) for name in self.tables for row in self.data_file(name)["rows"] if "note" in row]
        for _table, row in self.row_notes:
            self.ids[f"note-row-{row['id']}"] = "other"

    # --- sorting the model ------------------------------------------------------------

    def _tree(self, page) -> list:
        """The page's blocks as nested sections: a heading opens a section that holds what
        follows it, up to the next heading of its level or higher."""
        root = {"level": 0, "items": []}
        stack = [root]
        for block in page.blocks:
            role = self._role(page, block)
            self.blocks[block.id] = (page, block)
            if role == "section":
                while stack[-1]["level"] >= block.level:
                    stack.pop()
                node = {"role": role, "id": block.id, "level": block.level, "block": block, "page": page, "items": []}
                stack[-1]["items"].append(node)
                stack.append(node)
                self.ids[block.id] = "sec"
            else:
                stack[-1]["items"].append({"role": role, "id": block.id, "block": block, "page": page})
        return root["items"]

    def _single(self, page, items) -> dict:
        """A page that becomes one element (the reference list, the corrections): its heading and what follows it."""
        if len(items) != 1 or items[0]["role"] != "section" or any(item["role"] == "section" for item in items[0]["items"]):
            raise datafiles.DataError(
                f"docs/{self.lang}/{page.name}.md: the JATS file makes this page one element of its back matter, so it "
                "needs one heading at the top and no headings below it. Keep it to one heading, or move the rest to another page."
            )
        self.ids[items[0]["id"]] = "other"
        return items[0]

    def _role(self, page, block) -> str:
        """What a block becomes in JATS; anything else stops the build (nothing is left out silently)."""
        ident, tag = block.id, block.kind
        if block.level:
            return "section"
        if tag == "header" and ident == "title":
            return "title"                       # the title comes from data/article.yaml, in the front
        if tag == "aside" and ident.startswith("note-"):
            return "note"                        # the editor's notes come from data/notes.yaml, in <back>
        if tag in ("p", "ul", "ol", "blockquote") and ident != REFERENCE_LIST:
            self.ids[ident] = "other"
            for span in block.element.iter("span"):
                if span.get("id") and model.SENTENCE_CLASS in (span.get("class") or "").split():
                    self.ids[span.get("id")] = "other"
            return {"p": "p", "ul": "list", "ol": "list", "blockquote": "quote"}[tag]
        if tag == "figure" and ident.startswith("table-") and ident[6:] in metadata.tables():
            self.tables.append(ident[6:])
            self.ids[ident] = "table"
            for row in self.data_file(ident[6:])["rows"]:
                self.ids[f"row-{row['id']}"] = "table"
            return "table"
        if tag == "figure" and ident.startswith("map-") and ident[4:] in datafiles.names():
            self.ids[ident] = "fig"
            return "map"
        if ident == REFERENCE_LIST:
            for entry in self.data["references"]:
                self.ids[f"ref-{entry['number']}"] = "bibr"
            return "references"
        if ident == CORRECTIONS_LOG:
            self.ids[ident] = "table"
            for number, _change in enumerate(self.data["corrections"], 1):
                self.ids[f"correction-{number}"] = "table"
            return "corrections"
        raise datafiles.DataError(
            f"docs/{self.lang}/{page.name}.md: the block #{ident} (<{tag}>) has no form in the JATS file. "
            "Give it one in edition/forms/jats/__init__.py (Part._role) and overrides/jats/macros.xml (macro block)."
        )

    def _notes(self) -> list[dict]:
        notes = []
        for note in self.data["notes"]:
            anchor = self.paragraph(note["after"])
            if anchor is None:
                raise datafiles.DataError(
                    f"data/notes.yaml: note '{note['id']}': `after: {note['after']}` is not a paragraph of the {self.lang} article. "
                    "Correct `after` to an existing paragraph id (section-pN)."
                )
            notes.append({"note": note, "anchor": anchor})
            self.ids[f"note-{note['id']}"] = "other"
        return notes

    # --- what the template asks ---------------------------------------------------------

    def data_file(self, name: str):
        return self.data[name] if name in self.data else datafiles.load(name)

    def paragraph(self, ident: str) -> dict | None:
        """Where a paragraph is: its id in this part, its page's title, its number."""
        found = self.blocks.get(ident)
        match = model.PARAGRAPH.match(ident)
        if found is None or match is None:
            return None
        return {"rid": self.prefix + ident, "title": found[0].title, "n": int(match.group("n"))}

    def correction_at(self, change: dict) -> dict:
        """A correction's place, named in this part's language: the paragraph of the original
        it changed, or the row of the original's table whose cell it changed (`row`)."""
        page = next((page for page in self.article.pages if page.name == change["page"]), None)
        if "row" in change:
            rows = [row["id"] for row in self.data_file("infrastructure")["rows"]]
            if page is None or change["row"] not in rows:
                raise datafiles.DataError(
                    f"data/corrections.yaml: the correction in row '{change['row']}' names no row of data/infrastructure.yaml "
                    f"on the page '{change['page']}'. Correct `page` and `row`."
                )
            return {"rid": f"{self.original.prefix}row-{change['row']}", "type": "table", "title": page.title,
                    "label": self.labels["ref_table_row"], "n": rows.index(change["row"]) + 1}
        at = self.original.paragraph(change["paragraph"])
        if at is None or page is None:
            raise datafiles.DataError(
                f"data/corrections.yaml: the correction in '{change['paragraph']}' names no paragraph of the page "
                f"'{change['page']}'. Correct `page` and `paragraph`."
            )
        return {**at, "type": "other", "title": page.title, "label": self.labels["ref_paragraph"]}

    def link(self, element) -> dict:
        """Where a link of the text goes in the XML: {"rid", "type"} inside this part, else {"href"}."""
        href = element.get("href") or ""
        page, block = self._block_of(element)
        target = model.resolve(href, block.url)
        if target is not None:
            path, fragment, query = target
            if path in self.urls and fragment in self.ids and not query:
                return {"rid": self.prefix + fragment, "type": self.ids[fragment]}
            href = self.meta["site_url"] + path + (f"?{query}" if query else "") + (f"#{fragment}" if fragment else "")
        else:
            href = urljoin(self.meta["site_url"] + block.url, href)
        if "citation" in (element.get("class") or "").split():
            raise datafiles.DataError(
                f"docs/{self.lang}/{page.name}.md, #{block.id}: the citation '{element.text_content()}' links to {href}, "
                "which is no entry of the reference list. Cite a number of data/references.yaml."
            )
        return {"href": href}

    def unknown(self, element) -> str:
        page, block = self._block_of(element)
        raise datafiles.DataError(
            f"docs/{self.lang}/{page.name}.md, #{block.id}: <{element.tag} class=\"{element.get('class') or ''}\"> inside the text "
            "has no form in the JATS file. Map it in overrides/jats/macros.xml (macro node)."
        )

    def _block_of(self, element):
        for node in [element, *element.iterancestors()]:
            if node.get("id") in self.blocks and self.blocks[node.get("id")][1].element is node:
                return self.blocks[node.get("id")]
        raise datafiles.DataError(f"edition/forms/jats/__init__.py: <{element.tag}> belongs to no block of the {self.lang} article model.")
