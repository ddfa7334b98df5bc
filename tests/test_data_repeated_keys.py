"""Rule: a key repeated in one mapping of a data file (YAML would keep the last value and
drop the other without a word) stops the build, naming the file, both lines and the key."""

import pytest

from edition import datafiles
from edition_site import DATA, edited


def repeated(tmp_path, name, old, new):
    text = (DATA / f"{name}.yaml").read_text(encoding="utf-8")
    assert text.count(old) <= 1, f"data/{name}.yaml: «{old}» is there {text.count(old)} times; anchor the test on a line that is there once"
    broken = edited(text, old, new, where=f"data/{name}.yaml")
    path = tmp_path / f"{name}.yaml"
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(datafiles.DataError) as caught:
        datafiles.check(name, path)
    return broken, path, str(caught.value)


def line_of(text, needle, start=0):
    return text[: text.index(needle, start)].count("\n") + 1


def test_a_repeated_country_code(tmp_path):
    text = (DATA / "countries.yaml").read_text(encoding="utf-8")
    first = next(line for line in text.splitlines() if line[:1].isupper() and line.endswith(":"))  # e.g. "AM:"
    broken, path, message = repeated(tmp_path, "countries", f"\n{first}\n", f"\n{first}\n  ru: x\n  en: x\n{first}\n")
    one = line_of(broken, f"\n{first}\n") + 1
    two = line_of(broken, f"\n{first}\n", broken.index(f"\n{first}\n") + 1) + 1
    assert (f"{path}:{two}: (top level): the key '{first[:-1]}' is repeated; it is already at line {one} of the same mapping "
            "(YAML would keep only the last one). Remove one, or rename it.") in message, message


def test_a_repeated_key_inside_a_row(tmp_path):
    old = "    type: smart-city\n"
    broken, path, message = repeated(tmp_path, "infrastructure", old, old + "    type: digital\n")
    line = line_of(broken, old)
    assert f"{path}:{line + 1}: rows[5]: the key 'type' is repeated; it is already at line {line}" in message, message
