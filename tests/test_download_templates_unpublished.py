"""Rule: the templates of the downloads (overrides/pdf/, overrides/epub/, overrides/jats/) are
the builds' own, not pages of the site: MkDocs would publish every file of the theme's folder,
and hooks/plumbing/download_templates.py keeps them out of site/, in every language's folder."""

from edition_site import LANGS, ROOT, url

FOLDERS = ("pdf", "epub", "jats")


def test_no_template_of_a_download_is_published(site):
    templates = [path.relative_to(ROOT / "overrides") for name in FOLDERS for path in (ROOT / "overrides" / name).rglob("*") if path.is_file()]
    assert templates, "overrides/pdf, epub and jats hold no templates: this rule checks nothing"
    published = [f"{url(lang, 'index')}{path.as_posix()}" for lang in LANGS for path in templates
                 if (site / url(lang, "index") / path).exists()]
    assert not published, "templates of the downloads are published in the site (hooks/plumbing/download_templates.py):\n  " + "\n  ".join(published)
