"""The Jinja environment of the edition's own templates (overrides/edition/).

Not a hook: the hooks import it. Autoescape is on, so text from data files is escaped;
undefined names are errors, so a template never prints a silent blank.
"""

import jinja2

import _datafiles
import _tree

TEMPLATES = _datafiles.ROOT / "overrides" / "edition"

env = jinja2.Environment(
    loader=jinja2.FileSystemLoader(TEMPLATES),
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


def markup(template: str, **context):
    """A rendered template as Markup, for a theme template's context."""
    from markupsafe import Markup

    return Markup(render(template, **context))


def elements(template: str, **context) -> list:
    """A rendered template as parsed elements (lxml), to insert into a page's tree."""
    return _tree.fragments(render(template, **context))
