"""Rule: every heading has an explicit ASCII id, written in the Markdown ({#policy-coordination}),
unique on its page — so every anchor exists in both languages."""

import re

import pytest

from edition_site import LANGS, PAGES, md_name, md_path

HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*$")
EXPLICIT_ID = re.compile(r"\{#([a-z0-9]+(?:-[a-z0-9]+)*)\}$")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", PAGES)
def test_headings_have_explicit_ascii_ids(lang, page):
    problems, seen = [], {}
    in_fence = False
    for number, line in enumerate(md_path(lang, page).read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith("```"):
            in_fence = not in_fence
        match = None if in_fence else HEADING.match(line)
        if not match:
            continue
        id_ = EXPLICIT_ID.search(match.group(2))
        where = f"{md_name(lang, page)}:{number}"
        if not id_:
            problems.append(f"{where}: heading without an explicit ASCII id; end it with {{#some-id}} (the same id in every language).")
        elif id_.group(1) in seen:
            problems.append(f"{where}: id '{id_.group(1)}' is used already at line {seen[id_.group(1)]}; ids must be unique on a page.")
        else:
            seen[id_.group(1)] = number
    assert not problems, "\n".join(problems)
