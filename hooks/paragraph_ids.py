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


from bs4 import BeautifulSoup
from mkdocs.exceptions import PluginError

import _datafiles
import _templates

HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
BLOCKS = {"p", "ul", "ol", "dl", "blockquote"}
FIGURES = {"table", "figure"}



def _host(element):
    """Where the permalink goes: inside the block, where inline content may stand."""
    if element.name in ("ul", "ol"):
        items = element.find_all("li", recursive=False)
        return items[-1] if items else None
    if element.name == "dl":
        items = element.find_all("dd", recursive=False)
        return items[-1] if items else None
    if element.name in FIGURES:
        return element.find(["figcaption", "caption"]) or (element if element.name == "figure" else element.find(["th", "td"]))
    if element.name == "blockquote":
        blocks = element.find_all("p", recursive=False)
        return blocks[-1] if blocks else element
    return element


def on_page_content(html, page, config, files):
    lang = config.plugins["i18n"].current_language
    label = _datafiles.load("labels")["permalink"][lang]
    permalink = _templates.env.get_template("fragments/permalink.html")
    soup = BeautifulSoup(html, "html.parser")
    section, count, tables = None, 0, 0
    for element in soup.find_all(True, recursive=False):
        if element.name in HEADINGS and element.get("id"):
            section, count, tables = element["id"], 0, 0
            continue
        if element.name not in BLOCKS | FIGURES:
            continue
        if not element.get("id"):
            if section is None:
                raise PluginError(
                    f"docs/{page.file.src_uri}: a paragraph stands before the first heading. "
                    "Start the page with a heading that has an id, e.g. '# Title {#title}'."
                )
            if element.name in BLOCKS:
                count += 1
                element["id"] = f"{section}-p{count}"
            else:
                tables += 1
                element["id"] = f"{section}-t{tables}"
        host = _host(element)
        if host is not None and not host.select_one(f'a.edition-permalink[href="#{element["id"]}"]'):
            link = BeautifulSoup(permalink.render(id=element["id"], label=label), "html.parser")
            host.append(link)
    return str(soup)
