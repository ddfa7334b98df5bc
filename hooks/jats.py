"""Write the whole article as JATS XML (NISO JATS 1.4, Archiving and Interchange tag set):
downloads/<file_name>.jats.xml (hooks/_edition.py names it: files["jats"]), one file for
all languages — the Russian original as the <article>, the English translation as its
<sub-article article-type="translation">.

It needs every language's article model, so it is written after the last language is
built. hooks/_jats.py composes the XML from the model (here, in the build's process) and
the download worker only writes it (hooks/_render_jats.py).
"""

import _downloads
import _edition
import _jats
import _render_jats  # noqa: F401  imported while MkDocs has hooks/ on sys.path, so that _downloads.submit finds it later


def on_post_build(config):
    if _edition.current_language(config) != _jats.build_order(config)[-1]:
        return  # the other languages' articles are not built yet
    meta = _edition.metadata(config)
    _downloads.submit(config, meta["this"]["files"]["jats"], "_render_jats:write", {"xml": _jats.compose(config)})
    # No depends/versions: the file is the composed string itself (the templates are in it already).
