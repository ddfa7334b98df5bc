"""Give every paragraph of the article an id that is the same in both languages.

The N-th paragraph (or list) after the heading with id `policy-coordination` gets
the id `policy-coordination-pN`. The parity tests guarantee that positions match
across languages, so a link to a paragraph works in both editions.
"""

from bs4 import BeautifulSoup
from mkdocs.exceptions import PluginError

HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
BLOCKS = {"p", "ul", "ol", "blockquote"}


def on_page_content(html, page, config, files):
    soup = BeautifulSoup(html, "html.parser")
    section, count = None, 0
    for element in soup.find_all(True, recursive=False):
        if element.name in HEADINGS and element.get("id"):
            section, count = element["id"], 0
        elif element.name in BLOCKS and not element.get("id"):
            if section is None:
                raise PluginError(
                    f"docs/{page.file.src_uri}: a paragraph stands before the first heading. "
                    "Start the page with a heading that has an id, e.g. '# Title {#title}'."
                )
            count += 1
            element["id"] = f"{section}-p{count}"
    return str(soup)
