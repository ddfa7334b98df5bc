# checks · on_files
"""Each language's own typography, and no word spelled in two scripts, or the build stops
before any page is rendered, naming the file, the line and the column.

- Quotation marks: «…» and „…“ are Russian, not English: they may not stand in English text;
  “…” is English: its closing ” may not stand in Russian text (where “ only closes „).
  A quotation in the other language is marked with its `lang` and left alone:
  *«…»*{lang=ru}, <span lang="ru">«…»</span>; in data/*.yaml, a text with a `lang` beside it.
- A word that mixes Latin and Cyrillic letters (a Cyrillic «а» typed into "Kazakhstan") looks
  right and is wrong everywhere it is read (search, glossary, hyphenation, screen readers): the
  message names the word, the character, its code point and name, its position in the word, and
  the letter it looks like (confusable-homoglyphs, Unicode's confusables).

Checked: docs/<lang>/*.md, and every `ru`/`en` text of data/*.yaml.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from mkdocs.exceptions import PluginError

from edition import article_text, cache, datafiles, metadata

WORD = re.compile(r"[^\W\d_]+")  # letters only: "5G-сетей" is two words, each in one script
# Passages marked with a language: their quotation marks are that language's.
MARKED = [re.compile(r"<(\w+)[^>]*\blang=\"[^\"]*\"[^>]*>.*?</\1>"),
          re.compile(r"(\*\*?|_)(?:(?!\1).)+\1\{[^}]*\blang=[^}]*\}"),
          re.compile(r"\[[^\]]*\]\{[^}]*\blang=[^}]*\}")]
FOREIGN_QUOTES = {
    "en": (re.compile(r"[«»„]"), "«…» and „…“ are Russian quotation marks: write “…” in English text"),
    "ru": (re.compile(r"”"), "“…” are English quotation marks: write «…» in Russian text (and „…“ inside «…»)"),
}
MARK_IT = "or, for a quotation in the other language, mark it with its language: *«…»*{lang=ru}, *“…”*{lang=en}"
COMMENT = re.compile(r"<!--.*?-->")


def _script(char: str) -> str | None:
    name = unicodedata.name(char, "")
    return "Latin" if name.startswith("LATIN") else "Cyrillic" if name.startswith("CYRILLIC") else None


def mixed_words(text: str) -> list[tuple[int, str]]:
    """(column, message) for each word of TEXT spelled in both Latin and Cyrillic letters."""
    from confusable_homoglyphs import confusables

    out = []
    for match in WORD.finditer(text):
        word = match.group(0)
        scripts = [_script(char) for char in word]
        if "Latin" not in scripts or "Cyrillic" not in scripts:
            continue
        main = max(("Latin", "Cyrillic"), key=scripts.count)
        odd = [(i, char) for i, (char, script) in enumerate(zip(word, scripts)) if script not in (main, None)]
        looks = {found["character"]: found["homoglyphs"][0]["n"]
                 for found in confusables.is_confusable(word, greedy=True, preferred_aliases=[main.upper()]) or []
                 if found["homoglyphs"]}
        parts = []
        for i, char in odd:
            like = f", which looks like {looks[char]}" if char in looks else ""
            parts.append(f"character {i + 1} «{char}» is U+{ord(char):04X} {unicodedata.name(char, '?')}{like}")
        out.append((match.start() + 1, f"the word «{word}» mixes {main} and {'Cyrillic' if main == 'Latin' else 'Latin'} "
                                       f"letters: {'; '.join(parts)}. Retype it in {main} letters"))
    return out


def _masked(line: str) -> str:
    """The line with passages marked with a language blanked out (positions kept)."""
    for pattern in MARKED:
        line = pattern.sub(lambda m: " " * len(m.group(0)), line)
    return line


def text_problems(text: str, lang: str, where) -> list[str]:
    """Problems of one text in LANG; WHERE(line_offset, column) names the place."""
    out = []
    pattern, advice = FOREIGN_QUOTES.get(lang, (None, None))
    for offset, line in enumerate(text.split("\n")):
        for column, message in mixed_words(line):
            out.append(f"{where(offset, column)}: {message}.")
        if pattern:
            masked = _masked(line)
            found = pattern.search(masked)
            if found:
                out.append(f"{where(offset, found.start() + 1)}: «{found.group(0)}» in {'English' if lang == 'en' else 'Russian'} "
                           f"text: {advice}, {MARK_IT}.")
    return out


def markdown_problems(path: Path, name: str, lang: str) -> list[str]:
    out = []
    for number, line in article_text.prose_lines(path.read_text(encoding="utf-8")):
        line = COMMENT.sub(lambda m: " " * len(m.group(0)), line)
        out.extend(text_problems(line, lang, lambda offset, column, n=number: f"{name}:{n}:{column}"))
    return out


def _texts(value, path):
    """(path, lang, text) of every ru/en text of a data file, but those marked with a `lang`."""
    if isinstance(value, dict):
        if "lang" not in value:
            for lang in ("ru", "en"):
                if isinstance(value.get(lang), str):
                    yield [*path, lang], lang, value[lang]
        for key, child in value.items():
            yield from _texts(child, [*path, key])
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _texts(child, [*path, index])


NOT_TEXT = {"translation-lock"}  # copies of the Russian paragraphs, checked in docs/ru/


def data_problems() -> list[str]:
    out = []
    for name in datafiles.names():
        if name in NOT_TEXT:
            continue
        for path, lang, text in _texts(datafiles.load(name), []):
            found = text_problems(text, lang, lambda offset, column: "")
            if found:
                where = datafiles.where(name, path)
                field = ".".join(str(p) for p in path)
                out.extend(f"{where} ({field}){problem}" for problem in found)
    return out


def problems(docs: Path, langs: list[str]) -> list[str]:
    out = []
    for lang in langs:
        for path in sorted((docs / lang).glob("*.md")):
            # one page at a time, kept while it is unchanged: an edit checks that page again, not all
            out.extend(cache.cached("typography-page", {"path": str(path), "lang": lang},
                                    lambda path=path, lang=lang: markdown_problems(path, f"docs/{lang}/{path.name}", lang), depends=[path, Path(__file__)]))
    return out + cache.cached("typography-data", {}, data_problems, depends=[*sorted(datafiles.DATA.glob("*.yaml")), Path(__file__)])


def on_files(files, config):
    langs = metadata.languages(config)
    docs = Path(config.docs_dir)
    # Each page's and the data's problems are kept between builds while they are unchanged
    # (edition/cache.py): a third of a second of every warm build, most of it on every edit.
    found = problems(docs, langs)
    if found:
        raise PluginError(f"typography ({len(found)} problem(s)):\n  " + "\n  ".join(found))
    return files
