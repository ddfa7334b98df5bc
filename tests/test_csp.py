"""Rule: every page carries a Content-Security-Policy (<meta http-equiv>, and the same
policy in site/_headers for hosts that send headers) whose script-src allows the site's
own files and each inline script of the page by its sha256 hash — never 'unsafe-inline'
or 'unsafe-eval' — and in Chromium no page triggers a policy violation. (Styles may be
inline: Material sets style attributes from its scripts; data/csp.yaml says so.)"""

import base64
import hashlib

import pytest

from browser_visits import Tab
from built_pages import html_file, html_urls
from edition_site import LANGS, parse

SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}


def directives(policy: str) -> dict[str, list[str]]:
    parsed = {}
    for part in policy.split(";"):
        words = part.split()
        if words:
            parsed[words[0].lower()] = words[1:]
    return parsed


def meta_policy(soup) -> str:
    metas = soup.find_all("meta", attrs={"http-equiv": lambda v: v and v.lower() == "content-security-policy"})
    assert len(metas) == 1, f"{len(metas)} CSP <meta> elements (expected one)"
    return metas[0]["content"]


def sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def test_every_page_has_a_strict_policy_allowing_its_inline_scripts(site):
    problems = []
    for url in html_urls(site):
        soup = parse(html_file(site, url))
        policy = directives(meta_policy(soup))
        script_src = policy.get("script-src", policy.get("default-src", []))
        if {"'unsafe-inline'", "'unsafe-eval'"} & set(script_src):
            problems.append(f"/{url}: script-src allows {set(script_src) & {'unsafe-inline', 'unsafe-eval'}}")
        if policy.get("default-src") != ["'self'"] or policy.get("object-src") != ["'none'"]:
            problems.append(f"/{url}: default-src must be 'self' and object-src 'none': {policy}")
        for script in soup.find_all("script"):
            if script.get("src") is None and script.get("type", "").lower() in SCRIPT_TYPES:
                if sha256(script.get_text()) not in script_src:
                    problems.append(f"/{url}: inline script not allowed by hash: {script.get_text()[:60]}…")
        csp = soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
        if csp.find_all_previous("script"):
            problems.append(f"/{url}: the CSP <meta> comes after a script; it must come first to cover it")
    assert not problems, "\n".join(problems)


def test_headers_file_has_the_same_policy_for_all_pages(site):
    headers = (site / "_headers").read_text(encoding="utf-8")
    lines = [line.strip() for line in headers.splitlines() if line.strip().startswith("Content-Security-Policy:")]
    assert len(lines) == 1, "site/_headers: expected one Content-Security-Policy line"
    header = directives(lines[0].split(":", 1)[1])
    assert "frame-ancestors" in header, "the header carries frame-ancestors (a <meta> cannot)"
    for url in html_urls(site):
        page = directives(meta_policy(parse(html_file(site, url))))
        for name, sources in page.items():
            missing = set(sources) - set(header.get(name, []))
            assert not missing, f"site/_headers, {name}: lacks {missing} that /{url} needs"
            if name != "script-src":
                assert header[name] == sources, f"site/_headers, {name}: differs from /{url}'s <meta>"


def violations(visit) -> list[str]:
    """The page's securitypolicyviolation events (reported from before its first script, see
    tests/browser_visits.py) and Chromium's console lines about the policy."""
    return visit.csp + [text for _, text in visit.console if "Content Security Policy" in text]


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
def test_no_page_violates_its_policy(visits, lang):
    report = []
    for visit in visits.of(lang):
        report += [f"/{visit.url}: {line}" for line in violations(visit)]
    assert not report, "Content-Security-Policy violations:\n" + "\n".join(report)


@pytest.mark.browser
def test_the_check_sees_a_violation(site, served, browser):
    """A copy of the title page with one more inline script (not hashed) is caught."""
    html = (site / "index.html").read_text(encoding="utf-8").replace("</body>", "<script>document.title='x'</script></body>")
    with Tab(browser) as tab:
        tab.page.route(served + "broken.html", lambda route: route.fulfill(content_type="text/html", body=html))
        assert any("script-src" in line for line in violations(tab.visit(served + "broken.html")))
