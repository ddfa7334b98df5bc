"""The Jinja environment of the edition's own templates (overrides/edition/).

Not a hook: the hooks import it. Autoescape is on, so text from data files is escaped;
undefined names are errors, so a template never prints a silent blank. The environment
lives as long as the process (under `mkdocs serve`, across rebuilds): auto_reload makes it
check each template's file on every use and re-read a changed one, so a rebuild never
renders a stale template (tests/test_serve_reload.py).
"""

import jinja2
from bs4 import BeautifulSoup

import _datafiles

TEMPLATES = _datafiles.ROOT / "overrides" / "edition"

env = jinja2.Environment(
    loader=jinja2.FileSystemLoader(TEMPLATES),
    auto_reload=True,
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)


def labels(lang: str) -> dict:
    """Interface words (data/labels.yaml) in one language."""
    return {key: text[lang] for key, text in _datafiles.load("labels").items()}


def render(template: str, **context) -> str:
    return env.get_template(template).render(**context)


def fragment(template: str, **context) -> BeautifulSoup:
    """A rendered template as parsed HTML, to insert into a page's content."""
    return BeautifulSoup(render(template, **context), "html.parser")
