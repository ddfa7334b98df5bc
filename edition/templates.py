"""The Jinja environment of the edition's own templates (overrides/edition/), and the
compiled-template cache every Jinja environment of the build shares.

Not a hook: the hooks import it. Autoescape is on, so text from data files is escaped;
undefined names are errors, so a template never prints a silent blank. The environment
lives as long as the process (under `mkdocs serve`, across rebuilds): auto_reload makes it
check each template's file on every use and re-read a changed one, so a rebuild never
renders a stale template (tests/test_serve_reload.py).
"""

import datetime
import hashlib

import jinja2
from babel.dates import format_date

from edition import cache, datafiles, tree


def bytecode_cache(environment: jinja2.Environment) -> jinja2.BytecodeCache:
    """Jinja's own file cache of compiled templates, below the edition's cache folder
    (edition/cache.py): a template is compiled once, not once per language
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
    folder = cache.root() / "jinja" / hashlib.sha256(repr(options).encode()).hexdigest()[:16]
    folder.mkdir(parents=True, exist_ok=True)
    return jinja2.FileSystemBytecodeCache(str(folder))


TEMPLATES = datafiles.ROOT / "overrides" / "edition"

env = jinja2.Environment(
    loader=jinja2.FileSystemLoader(TEMPLATES),
    auto_reload=True,
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)
env.bytecode_cache = bytecode_cache(env)


# A source's date as data/notes.yaml gives it (YYYY, YYYY-MM or YYYY-MM-DD), spelt out.
DATE_FORMATS = {3: "d MMMM y", 2: "LLLL y", 1: "y"}
DATE_SUFFIX = {"ru": {3: " г.", 2: " г.", 1: " г."}}


def source_date(value: str, lang: str) -> str:
    """'2016-12-27' → '27 December 2016' / '27 декабря 2016 г.'; '2018' → '2018' / '2018 г.'."""
    parts = [int(part) for part in value.split("-")]
    day = datetime.date(*(parts + [1] * (3 - len(parts))))
    return format_date(day, DATE_FORMATS[len(parts)], locale=lang) + DATE_SUFFIX.get(lang, {}).get(len(parts), "")


env.filters["source_date"] = source_date


def labels(lang: str) -> dict:
    """Interface words (data/labels.yaml) in one language."""
    return {key: text[lang] for key, text in datafiles.load("labels").items()}


def render(template: str, **context) -> str:
    return env.get_template(template).render(**context)


def markup(template: str, **context):
    """A rendered template as Markup, for a theme template's context."""
    from markupsafe import Markup

    return Markup(render(template, **context))


def elements(template: str, **context) -> list:
    """A rendered template as parsed elements (lxml), to insert into a page's tree."""
    return tree.fragments(render(template, **context))
