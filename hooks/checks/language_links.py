# checks · on_files
"""A page links within its own language, or the build stops at the Markdown line, before any
page or download is rendered.

A link from an English page to a Russian page (`../../introduction/`, `/introduction/`,
`../ru/introduction.md`) sends the reader out of the English edition, and breaks the downloads
made of one language (the EPUB holds no Russian page: EPUBCheck would fail inside the book).
The other language is reached through the language switch, the sentence popover and the
parallel pages, which the templates make. A deliberate link to the other language is marked
with `hreflang`: `[the Russian original](../../introduction/){hreflang=ru}`.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from mkdocs.exceptions import PluginError

from edition import article_text, metadata

INLINE = re.compile(r"(?<!\!)\[(?:[^\]\\]|\\.)*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)(\{[^}]*\})?")
REFERENCE = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)")
HREF = re.compile(r"<a\b[^>]*\bhref=\"([^\"]+)\"[^>]*>")
EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//|#)", re.IGNORECASE)


def page_url(lang: str, default: str, page: str) -> str:
    """The page's address under the site's root (use_directory_urls), e.g. /en/introduction/."""
    prefix = "/" if lang == default else f"/{lang}/"
    return prefix if page == "index" else f"{prefix}{page}/"


def target_language(lang: str, default: str, langs: list[str], page: str, target: str) -> tuple[str, str]:
    """(the language of the page TARGET leads to, the page's path in that tree)."""
    path = target.split("#", 1)[0].split("?", 1)[0]
    if path.endswith(".md"):  # a source file: relative to docs/<lang>/PAGE.md
        resolved = posixpath.normpath(posixpath.join(lang, posixpath.dirname(page), path))
        first, _, rest = resolved.partition("/")
        return (first, rest) if first in langs else (lang, resolved)
    base = page_url(lang, default, page)
    resolved = posixpath.normpath(posixpath.join(base, path)) + ("/" if path.endswith("/") else "")
    parts = resolved.strip("/").split("/")
    if parts and parts[0] in langs and parts[0] != default:
        return parts[0], "/".join(parts[1:])
    return default, resolved.strip("/")


def _same(lang: str, default: str, page: str, rest: str) -> str:
    """The same page in LANG, as a link from PAGE (for the message)."""
    name = rest.removesuffix(".md").rstrip("/") or "index"
    return posixpath.relpath(f"/{name}/" if name != "index" else "/", f"/{page}/" if page != "index" else "/") + "/" \
        if not rest.endswith(".md") else f"{name}.md"


def file_problems(path: Path, name: str, lang: str, default: str, langs: list[str]) -> list[str]:
    page = path.stem
    out = []
    for number, line in article_text.prose_lines(path.read_text(encoding="utf-8")):
        targets = [(m.start(1), m.group(1), m.group(2) or "") for m in INLINE.finditer(line)]
        targets += [(m.start(1), m.group(1), "") for m in REFERENCE.finditer(line)]
        targets += [(m.start(1), m.group(1), m.group(0)) for m in HREF.finditer(line)]
        for column, target, attributes in targets:
            if EXTERNAL.match(target) or "hreflang" in attributes:
                continue
            other, rest = target_language(lang, default, langs, page, target)
            if other != lang:
                names = {"ru": "Russian", "en": "English"}
                out.append(f"{name}:{number}:{column + 1}: the link «{target}» leads from this {names.get(lang, lang)} page to the "
                           f"{names.get(other, other)} page «{rest or 'index'}»: link this language's page "
                           f"(«{_same(lang, default, page, rest)}»), or, for a deliberate link to the other language, "
                           f"mark it {{hreflang={other}}}.")
    return out


def problems(docs: Path, default: str, langs: list[str]) -> list[str]:
    out = []
    for lang in langs:
        for path in sorted((docs / lang).glob("*.md")):
            out.extend(file_problems(path, f"docs/{lang}/{path.name}", lang, default, langs))
    return out


def on_files(files, config):
    found = problems(Path(config.docs_dir), metadata.default_language(config), metadata.languages(config))
    if found:
        raise PluginError(f"a link between the two languages' pages ({len(found)} problem(s)):\n  " + "\n  ".join(found))
    return files
