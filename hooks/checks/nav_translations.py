# checks · on_config
"""Every title the nav of mkdocs.yml spells out has a translation for every language, or the
build stops.

A nav section's title (`- Издание: [...]`, or a page's explicit title) is written once, in the
default language; mkdocs-static-i18n shows each other language its `nav_translations`, and
silently the default language's word where one is missing. The message names mkdocs.yml,
the line of the title and the key to add. A language with a `nav` of its own is left alone.
"""

from __future__ import annotations

import os

import yaml
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority


def titles(nav, path=()) -> list[tuple[str, tuple]]:
    """(title, path in the nav) of every title the nav spells out, in order."""
    found = []
    for index, entry in enumerate(nav or []):
        if isinstance(entry, dict):
            for title, value in entry.items():
                found.append((title, (*path, index)))
                if isinstance(value, list):
                    found += titles(value, (*path, index, title))
    return found


def _child(node, key):
    """The value node of `key` in a mapping node, or None."""
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            if isinstance(k, yaml.ScalarNode) and k.value == key:
                return k, v
    return None


def _lines(text: str, nav_paths: list[tuple], lang: str) -> tuple[dict, int | None, bool]:
    """Lines in mkdocs.yml: of each nav title, and of the language's entry in the i18n plugin
    (its nav_translations key if it has one, and whether it has). Composed, not loaded: !ENV needs no constructor."""
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    lines = {}
    for path in nav_paths:
        node, line = (_child(root, "nav") or (None, None))[1], None
        for step in path:
            if isinstance(step, int) and isinstance(node, yaml.SequenceNode) and step < len(node.value):
                node = node.value[step]
                line = node.start_mark.line + 1
            elif isinstance(step, str) and _child(node, step):
                node = _child(node, step)[1]
            else:
                break
        lines[path] = line
    entry_line, has_key = None, False
    for plugin in getattr((_child(root, "plugins") or (None, None))[1], "value", []):
        found = _child(plugin, "i18n")
        languages = _child(found[1], "languages") if found else None
        for language in getattr(languages[1] if languages else None, "value", []):
            locale = _child(language, "locale")
            if locale and locale[1].value == lang:
                has_key = _child(language, "nav_translations") is not None
                entry_line = (_child(language, "nav_translations") or locale)[0].start_mark.line + 1
    return lines, entry_line, has_key


@event_priority(100)  # before the i18n plugin reads the nav
def on_config(config):
    i18n = config.plugins["i18n"].config
    default = next(lang for lang in i18n.languages if lang.default)
    nav = titles(config.nav)
    where = os.path.relpath(config.config_file_path)
    text = open(config.config_file_path, encoding="utf-8").read()
    problems = []
    for lang in i18n.languages:
        if lang.default or not lang.build or lang.nav:
            continue
        translated = lang.nav_translations or {}
        missing = [(title, path) for title, path in nav if not str(translated.get(title) or "").strip()]
        if not missing:
            continue
        lines, entry, has_key = _lines(text, [path for _, path in missing], lang.locale)
        key = f"plugins.i18n.languages[{lang.locale}].nav_translations"
        add = f"Add it to {key} ({where}:{entry}), e.g." if has_key else f"Add {key} to the language at {where}:{entry}, e.g."
        stale = sorted(set(translated) - {title for title, _ in nav})
        typo = f" ({key} has {', '.join(repr(k) for k in stale)}, which is no nav title: a typo?)" if stale else ""
        for title, path in missing:
            at = f"{where}:{lines[path]}" if lines[path] else where
            problems.append(
                f"{at}: the nav title '{title}' ({default.name}) has no translation for {lang.name} ({lang.locale}), "
                f"whose site would show it as it is. {add} `{title}: <the {lang.name} title>`{typo}."
            )
    if problems:
        raise PluginError(f"{len(problems)} missing nav translation(s):\n  " + "\n  ".join(problems))
    return config
