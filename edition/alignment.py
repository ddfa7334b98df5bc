"""Sentence pairs: the sentences of a paragraph and of its translation, aligned and checked.

Not a hook: the pair rule tests/test_pair_sentences.py aligns every paragraph pair of the
built pages with `align`, and fails on what `problems` reports. The sentences are those of
edition/sentences.py, the segmenter that gives each sentence of the site its id
(`<paragraph-id>-sN`): the reader's popover pairs sentence N with sentence N, so a pair
that does not align one to one is a popover that pairs the wrong sentences.

The alignment is Gale and Church's (1993, "A program for aligning sentences in bilingual
corpora"): dynamic programming over beads of 1–1, 1–0, 0–1, 2–1, 1–2 and 2–2 sentences,
each scored by the prior of its kind and by how far the translation's length departs from
the length the original predicts (characters, a normal model of the ratio). On top of the
lengths, anchors that a sentence and its translation must share pull the alignment onto the
right sentences and are then checked in each 1–1 pair:

- numbers, in digits (`2019`, `29-й` = `29th`, `1 500` = `1,500`) or in words in either
  language (`два`, `two`, `двадцать девять`), read by number-parser; ordinals in words
  (`first`, `второй`) are not numbers, as the digits' ordinal endings are not; "one" alone
  is not one either (a pronoun or an article as often as a count: "had one", «один из»),
  nor a number in words inside a quoted name («Один пояс, один путь»);
- citation markers `[N]`;
- Latin-script words of the Russian (names such as AliExpress, OZON, Huawei, 5G), which
  the translation keeps.

Quotations are counted too, but only to guide the alignment: the translation may drop the
marks of a quoted name the glossary renders as a term («Цифровой шелковый путь» is the
Digital Silk Road).
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from dataclasses import dataclass, field

__all__ = ["Anchors", "Bead", "anchors", "align", "problems"]

CITATION = re.compile(r"\[(\d+(?:\s*[,–-]\s*\d+)*)\]")
# A number in digits, with a Latin unit letter glued to it (5G, 4G); ordinal endings
# (29-й, 29th) and thousands separators are not part of it.
NUMBER = re.compile(r"(?<![\w.,])(\d+(?:[.,]\d+)*(?:[\u00a0\u202f ]\d{3})*)(?:-?([A-Z])\b)?")
WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
LATIN = re.compile(r"(?<![\w-])[A-Za-z0-9]*[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*")
QUOTED = {"ru": re.compile(r"«[^«»]*»|„[^„“]*“"), "en": re.compile(r"“[^“”]*”|\"[^\"]*\"")}

# Collective numerals, which number-parser does not read: Russian «оба/обе» and English
# "both" are the number two (a translator writes «обе стороны» as "the two sides").
COLLECTIVE = {"ru": re.compile(r"(?i)\bоб(?:а|е|оих|еих|оим|еим|оими|еими)\b"),
              "en": re.compile(r"(?i)\bboth\b")}

# Gale and Church's priors of the beads (their Table 5) and the length model's variance.
PRIORS = {(1, 1): 0.89, (1, 0): 0.0099, (0, 1): 0.0099, (2, 1): 0.089, (1, 2): 0.089, (2, 2): 0.011}
VARIANCE = 2.0
ANCHOR_COST = 4000.0   # a differing anchor weighs more than any difference of lengths
QUOTE_COST = 40.0
# A 1–1 pair whose lengths differ by more standard deviations than this is no translation of
# one sentence by one sentence (a sentence left out here and another split there keeps the
# counts equal): the article's own pairs stay under 3 (2.9 at most, measured when this was set).
LIMIT = 3.5


@dataclass(frozen=True)
class Anchors:
    numbers: Counter = field(default_factory=Counter)
    citations: Counter = field(default_factory=Counter)
    names: frozenset = frozenset()     # Latin-script words of the Russian, lower-cased
    words: frozenset = frozenset()     # every Latin-script word of the text, lower-cased
    quotes: int = 0

    def __add__(self, other: Anchors) -> Anchors:
        return Anchors(self.numbers + other.numbers, self.citations + other.citations,
                       self.names | other.names, self.words | other.words, self.quotes + other.quotes)


def _digits(text: str, lang: str) -> list[str]:
    found = []
    for match in NUMBER.finditer(text):
        digits = re.sub(r"[\u00a0\u202f ]", "", match.group(1))
        digits = digits.replace(",", ".") if lang == "ru" else re.sub(r",(?=\d{3}\b)", "", digits)
        found.append(digits + (match.group(2) or ""))
    return found


@functools.lru_cache(maxsize=4096)
def _number_word(word: str, lang: str) -> bool:
    """A cardinal number word (not an ordinal, which number-parser reads as a number too)."""
    import number_parser

    return number_parser.parse_number(word, language=lang) is not None


def _worded(text: str, lang: str) -> list[str]:
    """The numbers written in words, as digits: number-parser, on the words it reads as cardinals."""
    import number_parser

    lang = "ru" if lang == "ru" else "en"
    text = QUOTED[lang].sub(lambda m: " " * len(m.group(0)), text)  # a quoted name's words are the name's
    words = [m for m in WORD.finditer(text) if _number_word(m.group(0).lower(), lang)]
    found = [str(2)] * len(COLLECTIVE[lang].findall(text))
    # Runs of adjacent number words ("twenty-nine", "двадцать девять") are one number.
    run: list = []
    for match in words + [None]:
        if match is not None and run and text[run[-1].end():match.start()].strip(" -") in ("", "and", "и"):
            run.append(match)
            continue
        if run:
            phrase = text[run[0].start():run[-1].end()]
            value = number_parser.parse_number(phrase, language=lang)
            values = [value] if value is not None else \
                [number_parser.parse_number(m.group(0), language=lang) for m in run]  # not one number: each word
            found.extend(str(v) for v in values if v != 1)
        run = [match] if match is not None else []
    return found


def anchors(sentence: str, lang: str) -> Anchors:
    marks = Counter(n.strip() for m in CITATION.finditer(sentence) for n in re.split(r"[,–-]", m.group(1)))
    text = CITATION.sub(" ", sentence)
    numbers = Counter(_digits(text, lang) + _worded(text, lang))
    latin = [w.lower() for w in LATIN.findall(text)]
    names = frozenset(w for w in latin if not w.isdigit()) if lang == "ru" else frozenset()
    return Anchors(numbers, marks, names, frozenset(latin), len(QUOTED.get(lang, QUOTED["en"]).findall(sentence)))


def differences(ru: Anchors, en: Anchors) -> list[str]:
    """What an aligned pair does not share, for a message (empty: they agree)."""
    out = []
    for what, a, b in (("numbers", ru.numbers, en.numbers), ("citation markers", ru.citations, en.citations)):
        only_ru, only_en = sorted((a - b).elements()), sorted((b - a).elements())
        if only_ru or only_en:
            parts = ([f"only in the Russian: {', '.join(only_ru)}"] if only_ru else []) + \
                    ([f"only in the translation: {', '.join(only_en)}"] if only_en else [])
            out.append(f"{what} differ ({'; '.join(parts)})")
    missing = sorted(ru.names - en.words - _parts(en.words))
    if missing:
        out.append(f"the translation lacks the name(s) {', '.join(missing)}")
    return out


def _parts(words: frozenset) -> set:
    """The hyphenated words' parts (AliExpress-Russia keeps AliExpress)."""
    return {part for word in words for part in word.split("-")}


def _length(sentence: str) -> int:
    return len(CITATION.sub("", sentence).replace(" ", ""))


def _delta(ru: int, en: int, ratio: float) -> float:
    """How far the translation's length departs from what the original's predicts, in standard deviations."""
    mean = (ru + en / ratio) / 2
    return (en - ru * ratio) / math.sqrt(max(mean, 1) * VARIANCE)


def _length_cost(ru: int, en: int, ratio: float) -> float:
    """-100 log P(delta): Gale and Church's two-tailed normal probability of the length difference."""
    if ru == 0 and en == 0:
        return 0.0
    delta = _delta(ru, en, ratio)
    probability = max(math.erfc(abs(delta) / math.sqrt(2)), 1e-12)
    return -100 * math.log(probability)


def _anchor_cost(ru: Anchors, en: Anchors) -> float:
    numbers = sum(((ru.numbers - en.numbers) + (en.numbers - ru.numbers)).values())
    marks = sum(((ru.citations - en.citations) + (en.citations - ru.citations)).values())
    names = len(ru.names - en.words - _parts(en.words))
    return ANCHOR_COST * (numbers + marks + names) + QUOTE_COST * max(0, en.quotes - ru.quotes)


@dataclass
class Bead:
    ru: list[int]        # 0-based indexes of the Russian sentences
    en: list[int]
    problems: list[str]  # the anchors the two sides do not share (1–1 beads)
    delta: float = 0.0   # the length difference, in standard deviations

    @property
    def one_to_one(self) -> bool:
        return len(self.ru) == 1 and len(self.en) == 1


def align(ru: list[str], en: list[str], lang: str = "en", ratio: float | None = None) -> list[Bead]:
    """The best alignment of two lists of sentences, as beads in order."""
    ru_anchors = [anchors(s, "ru") for s in ru]
    en_anchors = [anchors(s, lang) for s in en]
    ru_len, en_len = [_length(s) for s in ru], [_length(s) for s in en]
    if ratio is None:  # the paragraph's own ratio of lengths: what the translation's style makes of it
        ratio = (sum(en_len) or 1) / (sum(ru_len) or 1)
    empty = Anchors()
    inf = float("inf")
    cost = [[inf] * (len(en) + 1) for _ in range(len(ru) + 1)]
    back: list[list[tuple | None]] = [[None] * (len(en) + 1) for _ in range(len(ru) + 1)]
    cost[0][0] = 0.0
    for i in range(len(ru) + 1):
        for j in range(len(en) + 1):
            if cost[i][j] == inf:
                continue
            for (di, dj), prior in PRIORS.items():
                a, b = i + di, j + dj
                if a > len(ru) or b > len(en):
                    continue
                ra = sum(ru_anchors[i:a], empty)
                ea = sum(en_anchors[j:b], empty)
                step = -100 * math.log(prior) + _length_cost(sum(ru_len[i:a]), sum(en_len[j:b]), ratio) + _anchor_cost(ra, ea)
                if cost[i][j] + step < cost[a][b]:
                    cost[a][b], back[a][b] = cost[i][j] + step, (i, j)
    beads, (i, j) = [], (len(ru), len(en))
    while (i, j) != (0, 0):
        pi, pj = back[i][j]
        found = differences(sum(ru_anchors[pi:i], empty), sum(en_anchors[pj:j], empty))
        delta = _delta(sum(ru_len[pi:i]), sum(en_len[pj:j]), ratio)
        beads.append(Bead(list(range(pi, i)), list(range(pj, j)), found, delta))
        i, j = pi, pj
    return beads[::-1]


def _quote(sentence: str, limit: int = 1000) -> str:
    return "«" + (sentence if len(sentence) <= limit else sentence[:limit - 1] + "…") + "»"


def _numbers(indexes: list[int]) -> str:
    return str(indexes[0] + 1) if len(indexes) == 1 else f"{indexes[0] + 1}–{indexes[-1] + 1}"


def problems(ru: list[str], en: list[str], lang: str = "en", ratio: float | None = None) -> list[str]:
    """Each place where the sentences do not pair one to one with the same anchors, quoted:
    empty when sentence N of the translation is the translation of sentence N of the Russian."""
    out = []
    for bead in _split_even(align(ru, en, lang, ratio), ru, en, lang, ratio):
        quoted_ru = " ".join(_quote(ru[i]) for i in bead.ru)
        quoted_en = " ".join(_quote(en[j]) for j in bead.en)
        if not bead.en:
            out.append(f"Russian sentence {_numbers(bead.ru)} {quoted_ru} has no translation")
        elif not bead.ru:
            out.append(f"translated sentence {_numbers(bead.en)} {quoted_en} translates no Russian sentence")
        elif not bead.one_to_one:
            out.append(f"Russian sentence(s) {_numbers(bead.ru)} {quoted_ru} are translated as sentence(s) "
                       f"{_numbers(bead.en)} {quoted_en}: not one for one")
        elif bead.problems:
            out.append(f"Russian sentence {bead.ru[0] + 1} {quoted_ru} and translated sentence {bead.en[0] + 1} "
                       f"{quoted_en}: {'; '.join(bead.problems)}")
        elif abs(bead.delta) > LIMIT:
            out.append(f"Russian sentence {bead.ru[0] + 1} {quoted_ru} and translated sentence {bead.en[0] + 1} "
                       f"{quoted_en} differ in length far more than a sentence and its translation do "
                       f"({abs(bead.delta):.1f} standard deviations): is a sentence left out, added or split nearby")
    return out


def _split_even(beads: list[Bead], ru: list[str], en: list[str], lang: str, ratio: float | None) -> list[Bead]:
    """A 2–2 bead is two 1–1 pairs whose anchors were swapped (a year, a marker moved to the
    other sentence): report it as those two pairs, each with what it does not share."""
    ratio = ratio or (sum(map(_length, en)) or 1) / (sum(map(_length, ru)) or 1)
    out = []
    for bead in beads:
        if len(bead.ru) == len(bead.en) > 1:
            for i, j in zip(bead.ru, bead.en):
                found = differences(anchors(ru[i], "ru"), anchors(en[j], lang))
                out.append(Bead([i], [j], found, _delta(_length(ru[i]), _length(en[j]), ratio)))
        else:
            out.append(bead)
    return out
