"""Rule: every title that mkdocs.yml's nav spells out has a translation for every other
language, or the build stops naming mkdocs.yml, the title's line and the key to add
(hooks/checks/nav_translations.py) — mkdocs-static-i18n would show the Russian word on the
English site without a word."""

import pytest

from edition_site import build, config, copy_project, edited

I18N = next(plugin["i18n"] for plugin in config()["plugins"] if isinstance(plugin, dict) and "i18n" in plugin)
OTHER = next(lang for lang in I18N["languages"] if not lang.get("default"))
TITLE, TRANSLATION = next(iter(OTHER["nav_translations"].items()))
KEY = f"plugins.i18n.languages[{OTHER['locale']}].nav_translations"


def lines(text, needle):
    return [number for number, line in enumerate(text.splitlines(), 1) if line.strip() == needle]


@pytest.fixture
def project(tmp_path):
    return copy_project(tmp_path / "project")


def fails(project, text):
    (project / "mkdocs.yml").write_text(text, encoding="utf-8")
    result = build(project / "site", project)
    output = result.stdout + result.stderr
    assert result.returncode != 0, "the build went on without the nav translation:\n" + output
    assert not (project / "site" / OTHER["locale"]).exists(), "a half-built site was left behind"
    return output


@pytest.mark.slow  # works on a copy of the project: make test, not make check
def test_a_missing_translation_names_mkdocs_yml_and_the_key(project):
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    entry = f"{TITLE}: {TRANSLATION}"
    assert lines(text, entry), f"mkdocs.yml has no line `{entry}`"
    broken = edited(text, f"            {entry}\n", "", where="mkdocs.yml")
    (title_line,) = lines(broken, f"- {TITLE}:")
    (key_line,) = lines(broken, "nav_translations:") or [None]
    output = fails(project, broken)
    assert (f"mkdocs.yml:{title_line}: the nav title '{TITLE}' (Русский) has no translation for {OTHER['name']} ({OTHER['locale']}), "
            f"whose site would show it as it is. Add it to {KEY} (mkdocs.yml:{key_line}), e.g. `{TITLE}: <the {OTHER['name']} title>`.") in output, output


@pytest.mark.slow  # works on a copy of the project: make test, not make check
def test_a_misspelt_title_is_pointed_out(project):
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    output = fails(project, edited(text, f"{TITLE}: {TRANSLATION}", f"{TITLE[:-1]}: {TRANSLATION}", where="mkdocs.yml"))
    assert f"the nav title '{TITLE}'" in output and f"({KEY} has '{TITLE[:-1]}', which is no nav title: a typo?)" in output, output
