"""Rule: a download the worker cannot write fails `mkdocs build` (edition/worker.py)
with a non-zero exit that names each file and its cause — never a silent stale file or a
missing one. Injected on a copy of the project: its PDF render raises."""

import pytest

from edition_site import LANGS, build, copy_project, data, url

CAUSE = "the injected failure of this test"


@pytest.mark.slow  # works on a copy of the project: make test, not make check
def test_a_failed_render_fails_the_build_naming_the_file_and_the_cause(tmp_path):
    project = copy_project(tmp_path / "project")
    render = project / "edition" / "forms" / "pdf" / "render.py"
    render.write_text(render.read_text(encoding="utf-8") + f"\n\ndef render(inputs, out):\n    raise RuntimeError({CAUSE!r})\n", encoding="utf-8")
    site = tmp_path / "site"
    result = build(site, project)
    assert result.returncode != 0, "mkdocs build succeeded although the PDF render raised"
    name = data("article")["file_name"]
    for lang in LANGS:
        target = f"{url(lang, 'index')}downloads/{name}-{lang}.pdf"
        lines = [line for line in result.stderr.splitlines() if target in line]
        assert any(f"RuntimeError: {CAUSE}" in line for line in lines), f"the error does not name {target} and its cause:\n{result.stderr[-3000:]}"
        assert not (site / target).exists(), f"{target} is in the site although its render failed"
