# checks · on_config
"""Check every data file against its schema before anything is built.

A mistake in data/ stops the build at once, even in a file no page uses yet, with a
message naming the file, the line and the field (see datafiles.py).
"""

from edition import datafiles


def on_config(config):
    datafiles.refresh()  # a new build: data/ may have changed
    for name in datafiles.names():
        datafiles.load(name)  # checked once while data/ is unchanged
    return config
