# text · on_page_markdown, on_page_content
"""Render data blocks where a Markdown page has a marker comment.

A marker is an HTML comment alone on its line, `<!-- KIND: NAME -->`, the same in
both languages. It is replaced by the template overrides/edition/KIND.html rendered
with data/NAME.yaml for the language being built, e.g. `<!-- table: infrastructure -->`.
Templates escape everything they print (autoescape), so text from data stays text.
Besides the data, a template gets `lang`, `labels`, `edition` (the edition's metadata,
edition/metadata.py), `url(path)` (a path below the site root, relative to the page),
`url_for(name)` and `title_of(name)` (another page of this language), `repo_url`.

The marker is checked and its template rendered at on_page_markdown (an error names the
Markdown file and line); the HTML goes into the page at on_page_content, first of the
content hooks, in place of a placeholder comment. Handing Markdown the rendered HTML
instead made Python-Markdown (md_in_html) and MkDocs (its anchor scan) parse every
block again as raw HTML, about a tenth of a second of a warm build (the table and the map
the largest); the ids the blocks hold are given to MkDocs' anchor check here.
"""

import re

from mkdocs.utils import get_relative_url

from edition import datafiles, geo, metadata, templates

MARKER = re.compile(r"^[ \t]*<!--\s*(?P<body>[^>]*?)\s*-->[ \t]*$", re.MULTILINE)
SPEC = re.compile(r"^(?P<kind>[a-z][a-z0-9-]*):\s*(?P<name>[a-z][a-z0-9-]*)$")
LOOKS_LIKE_MARKER = re.compile(r"^[\w-]+\s*:")
TEMPLATES = templates.TEMPLATES
HEADING = re.compile(r"^#\s+(.*?)\s*(\{#[^}]*\})?\s*$", re.MULTILINE)
PLACEHOLDER = "<!-- edition-block {} -->"
PLACED = re.compile(r"<!-- edition-block (\d+) -->")
ID = re.compile(r'\sid="([^"]+)"')  # our templates' own output: attribute values quoted and escaped
templates.env.globals["map_layout"] = geo.layout  # numbers for overrides/edition/map.html


def _language(config):
    return config.plugins["i18n"].current_language


def on_page_markdown(markdown, page, config, files):
    lang = _language(config)

    def other_page(name):
        found = files.get_file_from_path(f"{lang}/{name}.md")
        if found is None:
            raise datafiles.DataError(f"docs/{page.file.src_uri}: a template links to docs/{lang}/{name}.md, which does not exist.")
        return found

    def url_for(name):
        """The relative URL of another page of this language (docs/LANG/NAME.md)."""
        return get_relative_url(other_page(name).url, page.url)

    def title_of(name):
        """The heading of another page of this language."""
        heading = HEADING.search(other_page(name).content_string)
        return heading.group(1) if heading else name

    def render(match):
        body = match.group("body")
        if not LOOKS_LIKE_MARKER.match(body):
            return match.group(0)  # an ordinary comment
        line = markdown.count("\n", 0, match.start()) + 1
        where = f"{config.docs_dir.rsplit('/', 1)[-1]}/{page.file.src_uri}:{line}"
        spec = SPEC.match(body)
        if not spec:
            raise datafiles.DataError(
                f"{where}: malformed marker '<!-- {body} -->'. Write it as <!-- KIND: NAME -->, "
                "e.g. <!-- table: infrastructure -->."
            )
        kind, name = spec.group("kind", "name")
        if not (TEMPLATES / f"{kind}.html").is_file():
            known = ", ".join(sorted(p.stem for p in TEMPLATES.glob("*.html")))
            raise datafiles.DataError(
                f"{where}: the marker names the kind '{kind}', but there is no template "
                f"overrides/edition/{kind}.html. Known kinds: {known}."
            )
        if name not in datafiles.names():
            known = ", ".join(datafiles.names())
            raise datafiles.DataError(
                f"{where}: the marker names the data '{name}', but there is no data/{name}.yaml. "
                f"Known data: {known}."
            )
        html = templates.render(
            f"{kind}.html", name=name, data=datafiles.load(name), lang=lang, labels=templates.labels(lang),
            load=datafiles.load, url_for=url_for, title_of=title_of, repo_url=config.repo_url,
            edition=metadata.metadata(config), url=lambda target: get_relative_url(target, page.url),
        )
        blocks.append(html)
        return PLACEHOLDER.format(len(blocks) - 1)

    blocks = []
    markdown = MARKER.sub(render, markdown)
    page._edition_blocks = blocks
    return markdown


def on_page_content(html, page, config, files):
    blocks = getattr(page, "_edition_blocks", [])
    if not blocks:
        return html
    if page.present_anchor_ids is not None:
        page.present_anchor_ids.update(ident for block in blocks for ident in ID.findall(block))
    placed = set()

    def place(match):
        index = int(match.group(1))
        if index >= len(blocks):
            return match.group(0)  # not ours: a comment written as one
        placed.add(index)
        # One raw HTML block, as Markdown would have passed it: no blank lines inside it.
        return "\n".join(line for line in blocks[index].splitlines() if line.strip())

    html = PLACED.sub(place, html)
    if len(placed) != len(blocks):
        raise datafiles.DataError(
            f"docs/{page.file.src_uri}: a marker's block was lost in the Markdown (a marker inside a code "
            "block or an HTML element?). Put each <!-- KIND: NAME --> on a line of its own, between blank lines.")
    return html
