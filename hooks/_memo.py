"""Results of costly, pure computations of the build, kept between MkDocs commands.

Not a hook. A warm `mkdocs build` is a new process: without this, it would validate every
data file against its schema and project the map's outlines again although nothing they
depend on changed. `cached(kind, inputs, compute, depends=…, versions=…)` returns what
`compute()` returned the last time for the same key, else calls it and keeps the result.

The key is the sha256 of the kind, the inputs (plain data), the bytes of every file in
DEPENDS (a folder: every file below it; the caller names its own module, so that a change to
the code computes again), the versions of the packages in VERSIONS and the Python version —
hashed as the download worker hashes its keys (hooks/_downloads.py). An entry is
memo/KIND/KEY.pickle in the download cache's folder (.cache/edition/, `make clean` clears
it): the sha256 of the pickle, then the pickle, written to a temporary file and renamed
into place. An entry that does not match its sha256 (partial, corrupt) is removed and
computed again, never used. A computation that raises (a mistake in a data file) keeps
nothing: the next build raises the same message. An entry no command has used for two weeks
is removed with the downloads' (hooks/_downloads.py prune()).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sys
import tempfile
from pathlib import Path

import _downloads

FORMAT = 1
FOLDER = "memo"


def _path(kind: str, inputs, depends, versions) -> Path:
    digest = hashlib.sha256()
    _downloads._feed(digest, {
        "format": FORMAT,
        "kind": kind,
        "inputs": inputs,
        "depends": _downloads._depends(depends, kind),
        "versions": {package: _downloads._version(package) for package in sorted(set(versions))},
        "python": sys.version,
    }, kind)
    return _downloads.cache_root() / FOLDER / kind / f"{digest.hexdigest()}.pickle"


def _read(path: Path):
    """(True, value) of a whole entry; (False, None) if there is none or it is broken (then removed)."""
    try:
        data = path.read_bytes()
    except OSError:
        return False, None
    body = data[32:]
    if len(data) > 32 and hashlib.sha256(body).digest() == data[:32]:
        with contextlib.suppress(Exception):
            value = pickle.loads(body)
            with contextlib.suppress(OSError):
                os.utime(path)  # used now: _downloads.prune() keeps it
            return True, value
    with contextlib.suppress(OSError):
        path.unlink()
    return False, None


def _write(path: Path, value) -> None:
    body = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
        with os.fdopen(handle, "wb") as out:
            out.write(hashlib.sha256(body).digest() + body)
        os.replace(temporary, path)
    except OSError:  # a read-only checkout: the build goes on, it just computes again next time
        with contextlib.suppress(OSError, UnboundLocalError):
            os.unlink(temporary)


def cached(kind: str, inputs, compute, *, depends=(), versions=()):
    """compute()'s result for this key: kept from an earlier command, or computed now and kept."""
    path = _path(kind, inputs, depends, versions)
    found, value = _read(path)
    if found:
        return value
    value = compute()
    _write(path, value)
    return value
