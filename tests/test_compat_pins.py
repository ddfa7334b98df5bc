"""Rule: `make compat` tests the site's own pins with ProperDocs in place of MkDocs —
requirements-compat.txt is requirements.txt with `mkdocs` replaced by `properdocs`, pin for
pin, so that what it proves holds for the versions the edition really uses (Dependabot's
bumps touch both files)."""

import re

from edition_site import ROOT

PIN = re.compile(r"^(?P<name>[A-Za-z0-9_.-]+)==(?P<version>\S+)$")


def pins(name: str) -> dict:
    found = {}
    for number, line in enumerate((ROOT / name).read_text(encoding="utf-8").splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        match = PIN.match(line)
        assert match, f"{name}:{number}: '{line}' is not an exact pin; write NAME==VERSION"
        found[match["name"].lower().replace("_", "-")] = match["version"]
    return found


def test_compat_pins_are_the_sites_with_properdocs_for_mkdocs():
    site, compat = pins("requirements.txt"), pins("requirements-compat.txt")
    assert "mkdocs" in site and "mkdocs" not in compat, "requirements-compat.txt: remove mkdocs (properdocs replaces it)"
    assert "properdocs" in compat, "requirements-compat.txt: pin properdocs==<version>"
    expected = {name: version for name, version in site.items() if name != "mkdocs"} | {"properdocs": compat["properdocs"]}
    drift = sorted(f"{name}: requirements.txt {site.get(name, '(absent)')}, requirements-compat.txt {compat.get(name, '(absent)')}"
                   for name in set(expected) | set(compat) if expected.get(name) != compat.get(name))
    assert not drift, "requirements-compat.txt must pin what requirements.txt pins (properdocs for mkdocs):\n  " + "\n  ".join(drift)
