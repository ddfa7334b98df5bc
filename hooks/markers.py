"""Render data blocks where a Markdown page has a marker comment.

A marker is an HTML comment alone on its line, `<!-- KIND: NAME -->`, the same in
both languages. It is replaced by the template overrides/edition/KIND.html rendered
with data/NAME.yaml for the language being built, e.g. `<!-- table: infrastructure -->`.
Templates escape everything they print (autoescape), so text from data stays text.
"""

import re
from pathlib import Path

import _datafiles
import _map
import jinja2

MARKER = re.compile(r"^[ \t]*<!--\s*(?P<body>[^>]*?)\s*-->[ \t]*$", re.MULTILINE)
SPEC = re.compile(r"^(?P<kind>[a-z][a-z0-9-]*):\s*(?P<name>[a-z][a-z0-9-]*)$")
LOOKS_LIKE_MARKER = re.compile(r"^[\w-]+\s*:")
TEMPLATES = Path(__file__).resolve().parent.parent / "overrides" / "edition"

_env = jinja2.Environment(
    loader=jinja2.FileSystemLoader(TEMPLATES),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)
_env.globals["map_layout"] = _map.layout  # numbers for overrides/edition/map.html


def _language(config):
    return config.plugins["i18n"].current_language


def on_page_markdown(markdown, page, config, files):
    lang = _language(config)
    labels = {key: text[lang] for key, text in _datafiles.load("labels").items()}

    def render(match):
        body = match.group("body")
        if not LOOKS_LIKE_MARKER.match(body):
            return match.group(0)  # an ordinary comment
        line = markdown.count("\n", 0, match.start()) + 1
        where = f"{config.docs_dir.rsplit('/', 1)[-1]}/{page.file.src_uri}:{line}"
        spec = SPEC.match(body)
        if not spec:
            raise _datafiles.DataError(
                f"{where}: malformed marker '<!-- {body} -->'. Write it as <!-- KIND: NAME -->, "
                "e.g. <!-- table: infrastructure -->."
            )
        kind, name = spec.group("kind", "name")
        if not (TEMPLATES / f"{kind}.html").is_file():
            known = ", ".join(sorted(p.stem for p in TEMPLATES.glob("*.html")))
            raise _datafiles.DataError(
                f"{where}: the marker names the kind '{kind}', but there is no template "
                f"overrides/edition/{kind}.html. Known kinds: {known}."
            )
        if name not in _datafiles.names():
            known = ", ".join(_datafiles.names())
            raise _datafiles.DataError(
                f"{where}: the marker names the data '{name}', but there is no data/{name}.yaml. "
                f"Known data: {known}."
            )
        html = _env.get_template(f"{kind}.html").render(
            name=name, data=_datafiles.load(name), lang=lang, labels=labels, load=_datafiles.load
        )
        # One raw HTML block for Markdown: no blank lines inside it.
        return "\n".join(line for line in html.splitlines() if line.strip())

    return MARKER.sub(render, markdown)
