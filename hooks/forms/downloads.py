# forms · on_startup, on_pre_build, on_files, on_post_build, on_build_error, on_shutdown
"""Events of the download worker (edition/worker.py, where the worker and its cache live).

`mkdocs build` waits for the worker after everything else (after mkdocs-static-i18n's
nested builds of the other languages and after the search index is submitted) and fails
naming each download that could not be written and why; `mkdocs serve` does not wait.
"""

from mkdocs.plugins import event_priority

from edition import metadata, worker


def on_startup(command, dirty):
    worker.start(command)


@event_priority(-1000)  # the last of the pre_build events: MkDocs empties the site folder right after them
def on_pre_build(config):
    if not metadata.nested_build(config):
        worker.site_cleaning()


@event_priority(1000)
def on_files(files, config):
    worker.site_cleaned()
    return files


def on_build_error(error):
    worker.build_failed()


@event_priority(-1000)  # after every other hook and plugin, mkdocs-static-i18n's builds included
def on_post_build(config):
    if not metadata.nested_build(config):
        worker.finish(config)


def on_shutdown():
    worker.shutdown()
