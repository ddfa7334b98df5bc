"""The Jinja environment of the edition's own templates (overrides/edition/), and the
compiled-template cache every Jinja environment of the build shares.

Not a hook: the hooks import it. Autoescape is on, so text from data files is escaped;
undefined names are errors, so a template never prints a silent blank.
"""

import hashlib
from pathlib import Path

import jinja2
from bs4 import BeautifulSoup

import _datafiles
import _downloads


def bytecode_cache(environment: jinja2.Environment) -> jinja2.BytecodeCache:
    """Jinja's own file cache of compiled templates, below the edition's cache folder
    (hooks/_downloads.py cache_root): a template is compiled once, not once per language
    and build. Jinja checks each entry against the template's source and its own and
    Python's versions; one folder per set of the options that shape the compiled code."""
    autoescape = environment.autoescape
    options = (
        environment.block_start_string, environment.block_end_string, environment.variable_start_string,
        environment.variable_end_string, environment.comment_start_string, environment.comment_end_string,
        environment.line_statement_prefix, environment.line_comment_prefix, environment.trim_blocks,
        environment.lstrip_blocks, environment.newline_sequence, environment.keep_trailing_newline,
        environment.optimized, sorted(environment.extensions), environment.finalize is not None,
        getattr(environment, "newstyle_gettext", None),  # set by the i18n extension; shapes {% trans %}
        autoescape if isinstance(autoescape, bool) else f"{autoescape.__module__}.{autoescape.__qualname__}",
    )
    folder = Path(_downloads.cache_root()) / "jinja" / hashlib.sha256(repr(options).encode()).hexdigest()[:16]
    folder.mkdir(parents=True, exist_ok=True)
    return jinja2.FileSystemBytecodeCache(str(folder))


TEMPLATES = _datafiles.ROOT / "overrides" / "edition"

env = jinja2.Environment(
    loader=jinja2.FileSystemLoader(TEMPLATES),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)
env.bytecode_cache = bytecode_cache(env)


def labels(lang: str) -> dict:
    """Interface words (data/labels.yaml) in one language."""
    return {key: text[lang] for key, text in _datafiles.load("labels").items()}


def render(template: str, **context) -> str:
    return env.get_template(template).render(**context)


def fragment(template: str, **context) -> BeautifulSoup:
    """A rendered template as parsed HTML, to insert into a page's content."""
    return BeautifulSoup(render(template, **context), "html.parser")
