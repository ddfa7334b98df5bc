"""Rule: tools/compat.py (`make compat`) passes two builds only when they have the same
files with the same bytes, an HTML page's generator tag aside; any other difference — a
missing file, a changed byte in a page, a PDF, an asset — fails it, naming the file."""

import compat


def site(root, pages: dict):
    for name, data in pages.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return root


PAGE = '<html><head><meta name="generator" content="{}"><title>Т</title></head><body><p>Текст</p></body></html>'


def pair(tmp_path, changes: dict | None = None, generator: str = "mkdocs-ProperDocs 1.6.7, mkdocs-material-9.8.1"):
    base = {"index.html": PAGE.format("mkdocs-1.6.1, mkdocs-material-9.8.1").encode(), "en/index.html": b"<p>x</p>",
            "downloads/a.pdf": b"%PDF-1.7 one", "sitemap.xml": b"<urlset/>"}
    other = dict(base, **{"index.html": PAGE.format(generator).encode()}, **(changes or {}))
    return site(tmp_path / "a", base), site(tmp_path / "b", {k: v for k, v in other.items() if v is not None})


def test_only_the_generator_tag_may_differ(tmp_path, capsys):
    first, second = pair(tmp_path)
    assert compat.main([str(first), str(second)]) == 0
    out = capsys.readouterr().out
    assert "the same files, the same bytes" in out and "'mkdocs-ProperDocs 1.6.7, mkdocs-material-9.8.1' (1 pages)" in out


def test_a_changed_page_fails_naming_it(tmp_path, capsys):
    first, second = pair(tmp_path, {"en/index.html": b"<p>y</p>"})
    assert compat.main([str(first), str(second)]) == 1
    assert "differs: en/index.html: first difference at line 1" in capsys.readouterr().out


def test_a_text_change_beside_the_generator_tag_fails(tmp_path):
    first, second = pair(tmp_path, generator="x")
    (second / "index.html").write_bytes((second / "index.html").read_bytes().replace("Текст".encode(), "Тест".encode()))
    problems, _ = compat.compare(first, second)
    assert [p.split(":")[0:2] for p in problems] == [["differs", " index.html"]]


def test_a_missing_file_fails(tmp_path, capsys):
    first, second = pair(tmp_path, {"sitemap.xml": None})
    assert compat.main([str(first), str(second)]) == 1
    assert f"only in {first}: sitemap.xml" in capsys.readouterr().out


def test_a_pdf_is_compared_byte_for_byte(tmp_path, capsys):
    first, second = pair(tmp_path, {"downloads/a.pdf": b"%PDF-1.7 two"})
    assert compat.main([str(first), str(second)]) == 1
    assert "differs: downloads/a.pdf" in capsys.readouterr().out


def test_no_site_is_an_error(tmp_path):
    assert compat.main([str(tmp_path / "none"), str(tmp_path / "none")]) == 2
