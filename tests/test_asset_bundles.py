"""Rule: every page loads the edition's own styles and scripts as one stylesheet and one
deferred script (hooks/plumbing/asset_bundles.py), which hold every file mkdocs.yml lists, whole and
in its order, so that none holds up the first paint; Material's bundle is held, run at the
reader's first move (docs/assets/material-on-demand.js) — not at load (the 404 page's small
script stays where it is, after the message it orders: overrides/404.html).
A listed file that is missing, or a script that is not deferred, stops the build naming the
entry of mkdocs.yml."""

from types import SimpleNamespace
from urllib.parse import urljoin

import pytest
from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.exceptions import PluginError

from built_pages import html_file, html_urls
from edition_site import DOCS, config, hook, parse

asset_bundles = hook("asset_bundles")


def listed() -> dict[str, list[str]]:
    mkdocs = config()
    return {"css": list(mkdocs["extra_css"]),
            "js": [entry["path"] if isinstance(entry, dict) else entry for entry in mkdocs["extra_javascript"]]}


def local(page_url: str, href: str) -> str:
    return urljoin("http://site/" + page_url, href).removeprefix("http://site/")


def test_every_page_loads_one_stylesheet_and_one_deferred_script_of_ours(site):
    ours = {path for paths in listed().values() for path in paths}
    problems = []
    for url in html_urls(site):
        soup = parse(html_file(site, url))
        sheets = [local(url, link["href"]) for link in soup.find_all("link", rel="stylesheet")]
        scripts = {local(url, script["src"]): script for script in soup.find_all("script", src=True)}
        if sheets.count(asset_bundles.CSS) != 1:
            problems.append(f"/{url}: links {asset_bundles.CSS} {sheets.count(asset_bundles.CSS)} times")
        if asset_bundles.JS not in scripts or not scripts[asset_bundles.JS].has_attr("defer"):
            problems.append(f"/{url}: no deferred {asset_bundles.JS}")
        separate = sorted(ours & (set(sheets) | set(scripts)))
        if separate:
            problems.append(f"/{url}: loads {', '.join(separate)} as well as the bundle")
        material = [src for src in scripts if src.startswith("assets/javascripts/bundle.")]
        held = [local(url, script["data-src"]) for script in soup.find_all("script", type="edition/on-demand")]
        if material or len(held) != 1 or not held[0].startswith("assets/javascripts/bundle."):
            problems.append(f"/{url}: Material's bundle is not held once for the reader's first move (overrides/main.html, "
                            f"block scripts; docs/assets/material-on-demand.js): loaded at once {material}, held {held}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("kind", ["css", "js"])
def test_the_bundle_holds_every_listed_file_in_order(site, kind):
    text = (site / (asset_bundles.CSS if kind == "css" else asset_bundles.JS)).read_text(encoding="utf-8")
    at = 0
    for path in listed()[kind]:
        part = f"/* docs/{path} */\n" + (DOCS / path).read_text(encoding="utf-8").rstrip()
        found = text.find(part, at)
        assert found >= 0, f"{path} is not in the bundle whole, after the files listed before it in mkdocs.yml"
        at = found + len(part)


def fake_config(tmp_path, css=(), js=()):
    (tmp_path / "assets").mkdir(exist_ok=True)
    (tmp_path / "assets" / "a.css").write_text("a {}", encoding="utf-8")
    (tmp_path / "assets" / "a.js").write_text("1", encoding="utf-8")
    return SimpleNamespace(docs_dir=str(tmp_path), extra_css=list(css), extra_javascript=list(js))


def script(path, defer=True):
    value = ExtraScriptValue(path)
    value.defer = defer
    return value


def test_a_missing_file_stops_the_build_naming_the_entry(tmp_path):
    with pytest.raises(PluginError, match=r"mkdocs.yml: extra_css: assets/b.css is not a file in"):
        asset_bundles.sources(fake_config(tmp_path, css=["assets/a.css", "assets/b.css"]))
    with pytest.raises(PluginError, match=r"mkdocs.yml: extra_javascript: https://cdn.example/x.js is not a file"):
        asset_bundles.sources(fake_config(tmp_path, js=[script("https://cdn.example/x.js")]))


def test_a_script_that_is_not_deferred_stops_the_build(tmp_path):
    with pytest.raises(PluginError, match=r"extra_javascript: assets/a.js is not `defer: true`"):
        asset_bundles.sources(fake_config(tmp_path, js=[script("assets/a.js", defer=False)]))
    assert asset_bundles.sources(fake_config(tmp_path, ["assets/a.css"], [script("assets/a.js")])) == \
        {"css": ["assets/a.css"], "js": ["assets/a.js"]}
