# plumbing · on_config, on_post_build
"""One stylesheet and one script for the edition's own assets, however many files they are kept in.

mkdocs.yml lists our stylesheets (extra_css) and scripts (extra_javascript, all `defer`) as
the files contributors edit in docs/assets/. Every page would load each of them: five scripts
and three stylesheets, eight requests the first paint waits on or competes with (Lighthouse,
simulated mobile: the largest paint came 0.5–0.9 s after the first). This hook makes the pages
load two files instead, written at the end of the build:

    assets/edition.bundle.css   the stylesheets of extra_css, in their order
    assets/edition.bundle.js    the scripts of extra_javascript, in their order, deferred

each part headed by a comment naming its file. The files themselves are still copied to the
site as they are. A listed file that does not exist in docs/, or a script that is not
`defer` (the bundle is deferred: a script that must run before the page is parsed cannot be
in it), stops the build with the entry of mkdocs.yml to correct.
"""

from pathlib import Path

from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.exceptions import PluginError

from edition import metadata

CSS = "assets/edition.bundle.css"
JS = "assets/edition.bundle.js"

_sources: dict[str, list[str]] = {"css": [], "js": []}


def sources(config) -> dict[str, list[str]]:
    """The stylesheets and scripts of mkdocs.yml (paths below docs/), checked."""
    docs = Path(config.docs_dir)
    found = {"css": [str(path) for path in config.extra_css], "js": []}
    for script in config.extra_javascript:
        path = script.path if isinstance(script, ExtraScriptValue) else str(script)
        if not (isinstance(script, ExtraScriptValue) and script.defer and not script.async_ and script.type in ("", "text/javascript")):
            raise PluginError(f"mkdocs.yml: extra_javascript: {path} is not `defer: true`. The edition's scripts are "
                              f"loaded as one deferred file ({JS}, hooks/plumbing/asset_bundles.py): give it `defer: true`.")
        found["js"].append(path)
    for kind, paths in found.items():
        for path in paths:
            if path.startswith(("http:", "https:", "//")) or not (docs / path).is_file():
                key = "extra_css" if kind == "css" else "extra_javascript"
                raise PluginError(f"mkdocs.yml: {key}: {path} is not a file in {docs.name}/ (no CDN at page load: "
                                  f"keep the file in docs/assets/, or correct the path).")
    return found


def on_config(config):
    if metadata.nested_build(config):
        return config  # mkdocs-static-i18n's build of one more language: the same config, its lists replaced already
    _sources.update(sources(config))
    config.extra_css = [CSS] if _sources["css"] else []
    script = ExtraScriptValue(JS)
    script.defer = True
    config.extra_javascript = [script] if _sources["js"] else []
    return config


def bundle(docs: Path, paths: list[str], separator: str) -> str:
    """The files' texts in order, each headed by its name (a script ends with ';' so that the next starts clean)."""
    parts = []
    for path in paths:
        text = (docs / path).read_text(encoding="utf-8").rstrip() + "\n"
        parts.append(f"/* docs/{path} */\n{text}{separator}")
    return "".join(parts)


def on_post_build(config):
    if metadata.nested_build(config):  # the other languages' builds share the root's assets/
        return
    docs, site = Path(config.docs_dir), Path(config.site_dir)
    for target, kind, separator in ((CSS, "css", ""), (JS, "js", ";\n")):
        if _sources[kind]:
            (site / target).parent.mkdir(parents=True, exist_ok=True)
            (site / target).write_text(bundle(docs, _sources[kind], separator), encoding="utf-8")
