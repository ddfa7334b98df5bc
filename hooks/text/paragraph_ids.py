# text · on_page_content
"""Give every paragraph, list and table of the article an id that is the same in both
languages, and a small permalink to it (shown on hover and focus, like Material's ¶
after headings).

The N-th paragraph (or list, or quotation) after the heading with id
`policy-coordination` gets the id `policy-coordination-pN`; the N-th table or figure
without an id of its own gets `policy-coordination-tN` (a table rendered from data
keeps its template's id, e.g. `table-infrastructure`). The parity tests guarantee
that positions match across languages, so a link to a paragraph works in both
editions. The permalink is the template overrides/edition/fragments/permalink.html,
labelled in the page's language (data/labels.yaml: permalink).
"""

from mkdocs.exceptions import PluginError

from edition import datafiles, templates, tree

BLOCKS = {"p", "ul", "ol", "dl", "blockquote"}
FIGURES = {"table", "figure"}


def _host(element):
    """Where the permalink goes: inside the block, where inline content may stand."""
    if element.tag in ("ul", "ol", "dl"):
        items = [item for item in element if item.tag in ("li", "dd")]
        return items[-1] if items else None
    if element.tag in FIGURES:
        caption = next(element.iter("figcaption", "caption"), None)
        if caption is not None:
            return caption
        return element if element.tag == "figure" else next(element.iter("th", "td"), None)
    if element.tag == "blockquote":
        blocks = [child for child in element if child.tag == "p"]
        return blocks[-1] if blocks else element
    return element


def on_page_content(html, page, config, files):
    lang = config.plugins["i18n"].current_language
    label = datafiles.load("labels")["permalink"][lang]
    permalink = templates.env.get_template("fragments/permalink.html")
    root = tree.parse(page, html)
    section, count, tables = None, 0, 0
    for element in tree.children(root):
        if element.tag in tree.HEADINGS and element.get("id"):
            section, count, tables = element.get("id"), 0, 0
            continue
        if element.tag not in BLOCKS | FIGURES:
            continue
        if not element.get("id"):
            if section is None:
                raise PluginError(
                    f"docs/{page.file.src_uri}: a paragraph stands before the first heading. "
                    "Start the page with a heading that has an id, e.g. '# Title {#title}'."
                )
            if element.tag in BLOCKS:
                count += 1
                element.set("id", f"{section}-p{count}")
            else:
                tables += 1
                element.set("id", f"{section}-t{tables}")
        host = _host(element)
        ident = element.get("id")
        if host is not None and not any(a.get("href") == f"#{ident}" for a in host.iterfind(".//a[@class]") if "edition-permalink" in a.get("class")):
            host.append(tree.element(permalink.render(id=ident, label=label)))
    return tree.serialize(page, root)
