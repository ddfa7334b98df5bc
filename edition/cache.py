"""The build's cache: results of costly, pure work, kept between MkDocs commands by what
they are made from — the downloads the worker renders (edition/worker.py) and the results the
build computes itself (`cached()`: the data files' validation, the map's projected outlines).

The folder is $EDITION_CACHE, else .cache/edition/ in the checkout (git-ignored; `make clean`
clears it). An entry is KIND/KEY: the sha256 of the pickled value, then the value, written to a
temporary file and renamed into place, so an entry is whole or absent. One that does not match
its sha256 (partial, corrupt) is removed and made again, never used. An entry no command has
used for two weeks is removed when a command starts (`prune()`); so are leftovers of stopped
writes after an hour. Jinja's compiled templates live in jinja/ (edition/templates.py).

The key is the sha256 of everything the result depends on: the inputs (plain data, serialised
as canonical JSON; bytes by their sha256), the bytes of every file in DEPENDS (a folder: every
file below it), the versions of the packages in VERSIONS and the Python version.
"""

from __future__ import annotations

import contextlib
import datetime
import functools
import hashlib
import importlib.metadata
import json
import os
import pickle
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FORMAT = 2                     # of an entry; part of every key
KEEP_DAYS = 14
TMP = "tmp"                    # where the worker's renders write before their result is kept


class CacheError(Exception):
    """A key cannot be made: inputs that are not plain data, a missing file, a missing package."""


def root() -> Path:
    return Path(os.environ.get("EDITION_CACHE") or ROOT / ".cache" / "edition").resolve()


@functools.lru_cache(maxsize=4096)  # the same fonts and templates are named by many keys
def _digest(path: str, stamp: tuple) -> str:
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def file_digest(path: Path) -> str:
    """sha256 of a file, remembered while its size and mtime stay the same."""
    stat = path.stat()
    return _digest(str(path), (stat.st_mtime_ns, stat.st_size, stat.st_ino))


@functools.lru_cache(maxsize=4096)  # resolving a path costs a system call per folder of it
def _name(path: Path) -> str:
    """A file by its place in the project (so that a copy of the project shares keys)."""
    path = path.resolve()
    return path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else str(path)


@functools.lru_cache(maxsize=256)  # importlib.metadata scans every installed distribution per call
def _version(package: str) -> str:
    return importlib.metadata.version(package)


def _plain(value, where: str):
    if isinstance(value, bytes | bytearray):
        return {"bytes": hashlib.sha256(value).hexdigest()}
    if isinstance(value, datetime.date):  # YAML's dates (a datetime is a date too)
        return {type(value).__name__: value.isoformat()}
    raise CacheError(f"{where}: a {type(value).__name__} is not plain data; pass str, bytes, numbers, lists and dicts")


def key(kind: str, inputs, depends=(), versions=()) -> str:
    """The sha256 of everything a result of KIND made from INPUTS depends on (see the module)."""
    files = []
    for path in map(Path, depends):
        if not path.exists():
            raise CacheError(f"{kind}: depends on {_name(path)}, which does not exist. Correct the path the hook names.")
        found = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        files += [[_name(file), file_digest(file)] for file in found]
    try:
        found = {package: _version(package) for package in sorted(set(versions))}
    except importlib.metadata.PackageNotFoundError as err:
        raise CacheError(f"{kind}: the package {err} is not installed. Run `make setup`.") from None
    record = {"format": FORMAT, "kind": kind, "inputs": inputs, "depends": files, "versions": found, "python": sys.version}
    text = json.dumps(record, sort_keys=True, ensure_ascii=False, default=functools.partial(_plain, where=kind))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def entry(kind: str, digest: str) -> Path:
    return root() / kind / digest


def get(path: Path):
    """(True, value) of a whole entry, marked as used; (False, None) if there is none or it is broken (then removed)."""
    try:
        data = path.read_bytes()
    except OSError:
        return False, None
    if len(data) > 32 and hashlib.sha256(data[32:]).digest() == data[:32]:
        with contextlib.suppress(Exception):
            value = pickle.loads(data[32:])
            with contextlib.suppress(OSError):
                os.utime(path)  # used now: prune() keeps it
            return True, value
    with contextlib.suppress(OSError):
        path.unlink()
    return False, None


def put(path: Path, value) -> None:
    """Keep VALUE at PATH: whole, or not at all (a read-only checkout just computes again next time)."""
    body = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    temporary = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
        with os.fdopen(handle, "wb") as out:
            out.write(hashlib.sha256(body).digest() + body)
        os.replace(temporary, path)
    except OSError:
        if temporary:
            with contextlib.suppress(OSError):
                os.unlink(temporary)


def cached(kind: str, inputs, compute, *, depends=(), versions=()):
    """compute()'s result for this key: kept from an earlier command, or computed now and kept.
    A computation that raises (a mistake in a data file) keeps nothing."""
    path = entry(kind, key(kind, inputs, depends, versions))
    found, value = get(path)
    if not found:
        value = compute()
        put(path, value)
    return value


def prune(days: float = KEEP_DAYS) -> None:
    """Remove the entries no command has used for DAYS, and writes stopped more than an hour ago."""
    base = root()
    now = time.time()
    for kind in (base.iterdir() if base.is_dir() else ()):
        if kind.name == "jinja" or not kind.is_dir():
            continue
        limit = 3600 if kind.name == TMP else days * 86400
        for path in kind.iterdir():
            with contextlib.suppress(OSError):
                if now - path.stat().st_mtime > limit:
                    shutil.rmtree(path, ignore_errors=True) if path.is_dir() else path.unlink()
