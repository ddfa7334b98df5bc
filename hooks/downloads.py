"""Events of the download worker (hooks/_downloads.py, where the worker and its cache live).

`mkdocs build` waits for the worker after everything else (after mkdocs-static-i18n's
nested builds of the other languages and after the search index is submitted) and fails
naming each download that could not be written and why; `mkdocs serve` does not wait.
"""

from mkdocs.plugins import event_priority

import _downloads
import _edition


def on_startup(command, dirty):
    _downloads.start(command)


@event_priority(-1000)  # the last of the pre_build events: MkDocs empties the site folder right after them
def on_pre_build(config):
    if not _edition.nested_build(config):
        _downloads.site_cleaning()


@event_priority(1000)
def on_files(files, config):
    _downloads.site_cleaned()
    return files


def on_build_error(error):
    _downloads.build_failed()


@event_priority(-1000)  # after every other hook and plugin, mkdocs-static-i18n's builds included
def on_post_build(config):
    if not _edition.nested_build(config):
        _downloads.finish(config)


def on_shutdown():
    _downloads.shutdown()
