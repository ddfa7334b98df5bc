"""What the tests know about the project: languages, pages, files, built HTML.

Everything is read from mkdocs.yml and the tree, so a new page or language needs
no change here.
"""

from __future__ import annotations

import contextlib
import copy
import functools
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
DATA = ROOT / "data"


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml with its !ENV tags read as their default values."""


def _env_default(loader, node):
    value = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else [None]
    return value[-1]


_ConfigLoader.add_constructor("!ENV", _env_default)


@functools.cache
def config() -> dict:
    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader)


def _i18n() -> dict:
    for plugin in config()["plugins"]:
        if isinstance(plugin, dict) and "i18n" in plugin:
            return plugin["i18n"]
    raise AssertionError("mkdocs.yml: the i18n plugin is not configured")


LANGS: list[str] = [lang["locale"] for lang in _i18n()["languages"]]
DEFAULT: str = next(lang["locale"] for lang in _i18n()["languages"] if lang.get("default"))
OTHER = {lang: [other for other in LANGS if other != lang] for lang in LANGS}


def _flatten(entries) -> list[str]:
    pages = []
    for entry in entries:
        if isinstance(entry, str):
            pages.append(entry.removesuffix(".md"))
        else:  # {"Section title": [...]} or {"Page title": "page.md"}
            for value in entry.values():
                pages.extend(_flatten(value if isinstance(value, list) else [value]))
    return pages


# Every page, in reading order; the article's own pages are the nav's top level (the author's
# text); the pages in nav sections are the edition's (references, corrections, about).
PAGES: list[str] = _flatten(config()["nav"])
ARTICLE_PAGES: list[str] = [entry.removesuffix(".md") for entry in config()["nav"] if isinstance(entry, str)]


def md_path(lang: str, page: str) -> Path:
    return DOCS / lang / f"{page}.md"


def md_name(lang: str, page: str) -> str:
    return f"docs/{lang}/{page}.md"


def url(lang: str, page: str) -> str:
    """The page's path below the site root, as a directory URL: '', 'en/', 'en/conclusion/'."""
    prefix = "" if lang == DEFAULT else f"{lang}/"
    return prefix + ("" if page == "index" else f"{page}/")


def html_path(site: Path, lang: str, page: str) -> Path:
    return site / url(lang, page) / "index.html"


def parse(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


def article(soup: BeautifulSoup):
    """The page's content: Material's <article>."""
    found = soup.select_one("article.md-content__inner")
    assert found is not None, "no <article class='md-content__inner'> in the page"
    return found


PARAGRAPH_ID = re.compile(r"^(?P<section>[a-z0-9-]+)-p(?P<n>\d+)$")


def paragraphs(soup: BeautifulSoup) -> list:
    """The article's paragraphs: top-level blocks carrying a section-pN id."""
    return [el for el in article(soup).find_all(True, recursive=False) if PARAGRAPH_ID.match(el.get("id", ""))]


def text(element) -> str:
    """An element's visible text, whitespace collapsed, without what the edition adds inside
    the author's text (heading permalinks, editor's note markers, revision markers).

    Works on a copy: the parsed pages are shared by all tests and stay unchanged."""
    element = copy.copy(element)
    for added in element.select("a.headerlink, .edition-note-ref, .edition-revision"):
        added.extract()
    return " ".join(element.get_text(" ").split())


def data(name: str):
    return yaml.safe_load((DATA / f"{name}.yaml").read_text(encoding="utf-8"))


def site_url() -> str:
    """The site's public URL: $SITE_URL as in mkdocs.yml, else its default."""
    return os.environ.get("SITE_URL") or config()["site_url"]


def hook(name: str):
    """A hook of mkdocs.yml, hooks/<phase>/<name>.py, loaded once as MkDocs loads it (under its path)."""
    import importlib.util

    (path,) = (ROOT / "hooks").glob(f"*/{name}.py")
    key = path.relative_to(ROOT).as_posix()
    if key not in sys.modules:
        spec = importlib.util.spec_from_file_location(key, path)
        module = importlib.util.module_from_spec(spec)
        sys.modules[key] = module
        spec.loader.exec_module(module)
    return sys.modules[key]


PROJECT_PARTS = ("mkdocs.yml", "docs", "data", "edition", "hooks", "overrides", "tools")


# The one safe edit for tests that change a copy of the project (or text written into one):
# every such edit goes through edited() or edit(), whose anchor — the text replaced — must be
# there. Anchor on what an honest rewording keeps (a citation [N], a marker <!-- kind: name -->,
# a heading's {#id}, a paragraph found with edition.article_text or tests/drift.py, a data key),
# never on the article's wording: tests/test_tests_survive_rewording.py rewords a sentence of
# every chapter and runs the tests that edit copies against it.
EDITS_LOG = "EDITION_EDITS"         # a file: each edit's anchor is appended to it, one JSON line per edit
EDITS_ONLY = "EDITION_EDITS_ONLY"   # "1": a build of a copy stops its test, once the edits before it applied
REANCHOR = ("if it was reworded or moved, anchor the test on what a rewording keeps — a citation [N], a marker <!-- kind: name -->, "
            "a heading's {#id}, a paragraph found by its id with edition.article_text (tests/drift.py), a data key — not on the wording")


def edited(text: str, old: str, new: str, count: int = 1, *, where: str) -> str:
    """TEXT with `old` replaced by `new`, the first COUNT times (-1: every time), for a test that
    edits a copy of the project. `old` is the edit's anchor: when it is not in the text any more
    the test fails, naming WHERE (the file, or the file and paragraph) and the anchor, and saying
    how to anchor it again — never a silent no-op that leaves the test checking an unbroken copy."""
    found = text.count(old) if old else 0
    if os.environ.get(EDITS_LOG):
        import json

        record = {"test": os.environ.get("PYTEST_CURRENT_TEST", ""), "where": where, "anchor": old, "found": found}
        with open(os.environ[EDITS_LOG], "a", encoding="utf-8") as log:
            log.write(json.dumps(record, ensure_ascii=False) + "\n")
    assert found, f"the text «{old}» this test edits is not in {where} any more: {REANCHOR}."
    return text.replace(old, new, count)


def project_name(path: Path) -> str:
    """A file of a project (or of a copy) as the project names it: docs/en/conclusion.md."""
    path = Path(path)
    root = next((parent for parent in path.parents if (parent / "mkdocs.yml").is_file()), None)
    return path.relative_to(root).as_posix() if root else str(path)


def data_line(name: str, *path) -> str:
    """The line of data/NAME.yaml that holds the key at PATH ("rows", 2, "project", "en"), as written,
    with its line end: an edit's anchor found by the data's keys, not by its words."""
    from edition import datafiles

    number = int(datafiles.where(name, path).rsplit(":", 1)[1])
    return (DATA / f"{name}.yaml").read_text(encoding="utf-8").splitlines(keepends=True)[number - 1]


def edit(path: Path, old: str, new: str, count: int = 1) -> str:
    """Edit a file of a copy of the project in place (edited(): `old` must be there); its new text."""
    changed = edited(Path(path).read_text(encoding="utf-8"), old, new, count, where=project_name(path))
    Path(path).write_text(changed, encoding="utf-8")
    return changed


CACHE = Path(os.environ.get("EDITION_CACHE") or ROOT / ".cache" / "edition")  # the download worker's (edition/worker.py)


def build(site: Path, project: Path = ROOT, **environment: str) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of a project folder into `site`, with extra environment
    variables (SITE_URL=…); output kept for messages. A copy of the project shares the
    checkout's download cache (EDITION_CACHE), so its unchanged PDFs are not set again.

    With EDITION_EDITS_ONLY=1 (tests/test_tests_survive_rewording.py) the build of a copy is
    not run: the test stops there, skipped, once every edit it made before it has applied."""
    if os.environ.get(EDITS_ONLY) and Path(project).resolve() != ROOT:
        import pytest

        pytest.skip(f"{EDITS_ONLY}: the edits of the copy applied; its build is left out")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", **environment)
    env.setdefault("EDITION_CACHE", str(CACHE))
    # The project's own package edition/ (a copy's, not the checkout's that make setup installed).
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(project), env.get("PYTHONPATH")]))
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=project, env=env, capture_output=True, text=True,
    )


def copy_project(target: Path) -> Path:
    """A copy of what the build reads, to break on purpose in a test."""
    target.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / part)
    return target


PASSAGE_TAGS = {"p", "ul", "ol", "dl", "blockquote", "table", "figure"}


def passages(soup: BeautifulSoup) -> list:
    """The article's citable passages: its top-level paragraphs, lists, quotations, tables
    and figures (hooks/text/paragraph_ids.py gives each an id and a permalink)."""
    return [el for el in article(soup).find_all(PASSAGE_TAGS, recursive=False)]


def parallel_url(lang: str, page: str) -> str:
    """The parallel page of a page (hooks/forms/parallel.py): 'parallel/', 'en/parallel/conclusion/'."""
    prefix = "" if lang == DEFAULT else f"{lang}/"
    return prefix + "parallel/" + ("" if page == "index" else f"{page}/")


def parallel_rows(soup: BeautifulSoup) -> list:
    return article(soup).select(".edition-parallel > .edition-parallel__row[id]")


# For the browser rules: the page's layout shifts from the start of the page's load, as Lighthouse counts them (no input).
SHIFTS = """new Promise(done => {
    let total = 0;
    new PerformanceObserver(list => { for (const e of list.getEntries()) if (!e.hadRecentInput) total += e.value; })
        .observe({type: "layout-shift", buffered: true});
    setTimeout(() => done(total), 300);
})"""


@contextlib.contextmanager
def http_served(folder: Path, handler=None):
    """FOLDER over HTTP on 127.0.0.1 (a free port), in a thread, without a request log: yields
    the base URL (http://127.0.0.1:PORT). HANDLER: a SimpleHTTPRequestHandler class of the
    rule's own (a host's behaviour it imitates); the plain one by default. The session's
    site (conftest `served`) and a rule's own build are served the same way."""
    import threading
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    base = handler or SimpleHTTPRequestHandler
    quiet = type("Quiet", (base,), {"log_message": lambda self, *args: None})
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(quiet, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()
