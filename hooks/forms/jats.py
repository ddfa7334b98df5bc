# forms · on_post_build
"""Write the whole article as JATS XML (NISO JATS 1.4, Archiving and Interchange tag set):
downloads/<file_name>.jats.xml (edition/metadata.py names it: files["jats"]), one file for
all languages — the Russian original as the <article>, the English translation as its
<sub-article article-type="translation">.

It needs every language's article model, so it is written after the last language is
built. edition/forms/jats/__init__.py composes the XML from the model (here, in the build's process) and
the download worker only writes it (edition/forms/jats/render.py).
"""

from edition import metadata, worker
from edition.forms import jats


def on_post_build(config):
    if metadata.current_language(config) != jats.build_order(config)[-1]:
        return  # the other languages' articles are not built yet
    meta = metadata.metadata(config)
    worker.submit(config, meta["this"]["files"]["jats"], "edition.forms.jats.render:write", {"xml": jats.compose(config)})
    # No depends/versions: the file is the composed string itself (the templates are in it already).
