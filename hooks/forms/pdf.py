# forms · on_env
"""Hand the PDF of each language (edition/forms/pdf/) to the download worker at on_env, when
every page's content is in the article model and before the pages are written: WeasyPrint sets
it while MkDocs writes the pages (in a cold build's log, the English PDF, the last file a
build waits for, started 0.35 s sooner)."""

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from edition import datafiles, metadata, worker
from edition.forms import pdf


@event_priority(-100)  # after the other on_env events: editor_notes.py has checked every note's place
def on_env(env, config, files):
    meta = metadata.metadata(config)
    target = meta["this"]["files"]["pdf"]
    try:
        inputs = pdf.compose(meta, files, target)
    except datafiles.DataError as err:
        raise PluginError(str(err)) from None
    worker.submit(config, target, "edition.forms.pdf.render:render", inputs, depends=pdf.depends(), versions=pdf.VERSIONS)
    return env
