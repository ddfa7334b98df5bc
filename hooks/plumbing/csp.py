# plumbing · on_config, on_post_page, on_post_template, on_post_build
"""Give every page a Content-Security-Policy that allows no inline script but its own.

The policy lives in data/csp.yaml. overrides/main.html puts a
`<meta http-equiv="Content-Security-Policy" content="edition-csp">` in every page's head;
after the page is rendered this hook hashes (sha256) each inline script of that page and
fills in the policy with those hashes in script-src. Inline JSON (`type="application/json"`,
`application/ld+json`) is data, not script: no hash.

A script's text, as a browser reads it, runs to the first `</script`; the pages are our
templates' output, so a regular expression finds the scripts (parsing each whole page with
lxml was two thirds of this hook's time in a warm build). tests/test_csp.py hashes every
inline script as an HTML parser reads it, and Chromium reports any script the policy blocks.

For hosts that send headers, the same policy goes to site/_headers (copied from
docs/_headers; Netlify / Cloudflare Pages syntax), with the hashes of all pages and the
header-only directives.
"""

import base64
import hashlib
import re
from pathlib import Path

from markupsafe import escape
from mkdocs.exceptions import PluginError

from edition import datafiles

PLACEHOLDER = "edition-csp"
SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}
SCRIPT = re.compile(r"<script\b(?P<attributes>[^>]*)>(?P<text>.*?)</script", re.IGNORECASE | re.DOTALL)
ATTRIBUTE = re.compile(r"""\s(?P<name>[a-z-]+)(?:\s*=\s*(?:"(?P<double>[^"]*)"|'(?P<single>[^']*)'|(?P<bare>[^\s"'>]+)))?""",
                       re.IGNORECASE)

_build = {}  # for one build of the site: data/csp.yaml, and the hashes seen on its pages


def inline_script_hashes(html: str) -> list[str]:
    """CSP sources for the page's inline scripts: 'sha256-…' of each script's text."""
    hashes = []
    for script in SCRIPT.finditer(html):
        attributes = {m.group("name").lower(): m.group("double") or m.group("single") or m.group("bare") or ""
                      for m in ATTRIBUTE.finditer(script.group("attributes"))}
        if "src" in attributes or attributes.get("type", "").strip().lower() not in SCRIPT_TYPES:
            continue
        digest = hashlib.sha256(script.group("text").encode("utf-8")).digest()
        source = f"'sha256-{base64.b64encode(digest).decode('ascii')}'"
        if source not in hashes:
            hashes.append(source)
    return hashes


def policy(hashes, header: bool = False) -> str:
    """The policy as one CSP string; `header` adds the directives a <meta> cannot carry."""
    data = _build["csp"]
    directives = {name: list(sources) for name, sources in data["directives"].items()}
    directives["script-src"] += sorted(hashes)
    if header:
        directives.update(data["header_only"])
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives.items())


def _fill(output: str, where: str) -> str:
    slot = f'content="{PLACEHOLDER}"'
    if output.count(slot) != 1:
        raise PluginError(
            f"{where}: expected one <meta http-equiv=\"Content-Security-Policy\" {slot}> in the rendered page, "
            f"found {output.count(slot)}. Keep the block site_meta of overrides/main.html."
        )
    hashes = inline_script_hashes(output)
    _build["hashes"].update(hashes)
    value = escape(policy(hashes))
    return output.replace(slot, f'content="{value}"')


def on_post_page(output, page, config):
    return _fill(output, f"docs/{page.file.src_uri}")


def on_post_template(output_content, template_name, config):
    """Pages rendered from a theme template alone: 404.html (sitemap.xml has no <head>)."""
    if template_name.endswith(".html"):
        return _fill(output_content, f"the theme template {template_name}")
    return output_content


def on_config(config):
    i18n = config.plugins["i18n"]
    if i18n.current_language is None or i18n.is_default_language_build:  # a new build of the site
        _build["hashes"] = set()
    _build["csp"] = datafiles.load("csp")
    return config


def on_post_build(config):
    """site/_headers from docs/_headers: one policy allowing the inline scripts of all pages.

    Runs after each language's build (config.site_dir is the site's root in each); the last
    run, after the last language, has seen every page of the site."""
    source = Path(config.docs_dir) / "_headers"
    text = source.read_text(encoding="utf-8") if source.is_file() else ""
    if PLACEHOLDER not in text:
        raise PluginError(f"docs/_headers: no '{PLACEHOLDER}' where the policy goes. Restore the file.")
    policy_text = policy(_build["hashes"], header=True)
    (Path(config.site_dir) / "_headers").write_text(text.replace(PLACEHOLDER, policy_text), encoding="utf-8")
