"""Rule (in Chromium): on a host that, like GitHub Pages, answers every missing address
with the root 404.html (status 404), the reader of either language is understood: an
/en/… address shows the English message first (the Russian one after it), a mistyped
address of a page links that page (its address and title), and every message links the
title page of its language; without JavaScript both messages show, each marked with its
language, each with its title page's link. Checked with the site at the host's root and
under a sub-path (SITE_URL with a path)."""

from __future__ import annotations

import os
from http.server import SimpleHTTPRequestHandler
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from filelock import FileLock

from edition_site import DEFAULT, LANGS, build, data, http_served, parse, site_url, url

pytestmark = pytest.mark.browser

SUB_PATH = "https://example.org/edition/"
OTHER = next(lang for lang in LANGS if lang != DEFAULT)   # 'en'
LABELS = data("labels")


class GitHubPagesLike(SimpleHTTPRequestHandler):
    """Serves the site below `prefix`; every miss (a directory without index.html too)
    gets the site's root 404.html with status 404, as GitHub Pages does."""

    prefix = "/"

    def translate_path(self, path):
        path = urlsplit(path).path
        inside = path.startswith(self.prefix)
        return super().translate_path("/" + path[len(self.prefix):] if inside else "/no-such-file-outside-the-site")

    def list_directory(self, path):
        self.send_error(404)

    def send_error(self, code, message=None, explain=None):
        if code != 404:
            return super().send_error(code, message, explain)
        body = (Path(self.directory) / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@pytest.fixture(scope="module", params=["at the host's root", "under a sub-path"])
def host(request, site, tmp_path_factory):
    """(base URL of the served site, the built site)."""
    if request.param == "at the host's root":
        built, public = site, site_url()
    else:
        # Built once per session: the xdist workers share it (the first builds, under a lock).
        root = tmp_path_factory.getbasetemp()
        shared = root.parent if os.environ.get("PYTEST_XDIST_WORKER") else root
        built, public = shared / "sub-path-site", SUB_PATH
        with FileLock(f"{built}.lock"):
            if not (shared / "sub-path-site.built").exists():
                result = build(built, SITE_URL=SUB_PATH)
                assert result.returncode == 0, f"the build with SITE_URL={SUB_PATH} failed:\n{result.stdout}\n{result.stderr}"
                (shared / "sub-path-site.built").touch()
    prefix = urlsplit(public).path
    handler = type("Handler", (GitHubPagesLike,), {"prefix": prefix})
    with http_served(built, handler) as base:
        yield f"{base}{prefix}", built


def title_of(built: Path, lang: str, page: str) -> str:
    """A page's title as its head states it (og:title)."""
    return parse(built / url(lang, page) / "index.html").head.find("meta", attrs={"property": "og:title"})["content"]


def messages(tab) -> list[dict]:
    """The 404 page's messages in the order the reader sees them."""
    return tab.eval_on_selector_all(".edition-not-found__message", """boxes => boxes.map(box => ({
        lang: box.lang, heading: box.querySelector("h1").textContent.trim(), visible: box.offsetParent !== null,
        top: box.getBoundingClientRect().top,
        links: [...box.querySelectorAll("a[href]")].map(a => ({href: a.href, text: a.textContent.trim(), lang: a.lang,
                                                              visible: a.offsetParent !== null})) }))""")


def visit(tab, address: str) -> list[dict]:
    response = tab.goto(address)
    assert response.status == 404, f"{address}: status {response.status}, expected 404 (the host's answer to a miss)"
    tab.wait_for_load_state("networkidle")
    found = messages(tab)
    assert [m["lang"] for m in found] and sorted(m["lang"] for m in found) == sorted(LANGS), f"{address}: messages {found}"
    return found


def title_page_link(message, base) -> None:
    lang = message["lang"]
    hrefs = [link["href"] for link in message["links"] if link["visible"]]
    assert base + url(lang, "index") in hrefs, f"the {lang} message does not link its title page {base + url(lang, 'index')}: {hrefs}"


@pytest.fixture
def tab(browser):
    context = browser.new_context(viewport={"width": 412, "height": 823})
    yield context.new_page()
    context.close()


def test_an_english_address_shows_english_first(host, tab):
    base, _ = host
    found = visit(tab, base + url(OTHER, "index") + "this-page-does-not-exist/")
    assert found[0]["lang"] == OTHER and found[0]["heading"] == LABELS["not_found_title"][OTHER], f"first message: {found[0]}"
    assert found[0]["top"] < found[1]["top"], "the English message is not above the Russian one"
    assert tab.title().startswith(LABELS["not_found_title"][OTHER])
    for message in found:
        assert message["visible"]
        title_page_link(message, base)
    suggestions = tab.locator(".edition-not-found__suggestion:visible")
    assert suggestions.count() == 0, "an address like no page of the site must not get a suggestion"


@pytest.mark.parametrize("lang, typed, page", [
    (OTHER, "infrastucture/", "infrastructure"),          # a letter missing
    (OTHER, "intorduction/", "introduction"),             # two letters swapped
    (DEFAULT, "science-educaton/", "science-education"),
    (DEFAULT, "parallel/e-comerce/", "parallel/e-commerce"),
])
def test_a_mistyped_address_links_the_page(host, tab, lang, typed, page):
    base, built = host
    found = visit(tab, base + url(lang, "index") + typed)
    assert found[0]["lang"] == lang, f"/{url(lang, 'index')}{typed}: the {found[0]['lang']} message comes first"
    expected = base + url(lang, page)
    title = title_of(built, lang, page)
    for message in found:
        suggested = [link for link in message["links"] if link["href"] == expected and link["visible"]]
        assert suggested, f"/{url(lang, 'index')}{typed}: the {message['lang']} message does not link {expected}: {message['links']}"
        assert suggested[0]["text"] == title and suggested[0]["lang"] == lang, suggested[0]


def test_an_old_form_of_an_address_links_the_page(host, tab):
    """/ru/… (the default language lives at the root) and …/index.html forms."""
    base, built = host
    for typed, page in ((f"{DEFAULT}/conclusion/", "conclusion"), ("references.html", "references")):
        found = visit(tab, base + typed)
        assert found[0]["lang"] == DEFAULT
        hrefs = [link["href"] for link in found[0]["links"] if link["visible"]]
        assert base + url(DEFAULT, page) in hrefs, f"/{typed}: no link to {base + url(DEFAULT, page)}: {hrefs}"


def test_without_javascript_both_messages_show(host, browser):
    base, _ = host
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    found = visit(tab, base + url(OTHER, "index") + "infrastucture/")
    for message in found:
        assert message["visible"] and message["heading"] == LABELS["not_found_title"][message["lang"]], message
        title_page_link(message, base)
    context.close()
