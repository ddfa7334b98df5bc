"""The download worker: every file the site offers for download (the PDFs, EPUBs, JATS, the
citation files, the table files, the search index) and the social cards are rendered in a process pool, off the page
build's critical path, and kept in a content-addressed cache.

Not a hook: hooks/downloads.py holds its events; the hooks that write a download call

    _downloads.submit(config, target, render, inputs, *, depends=(), versions=(), environment=())

and the worker writes site_dir/TARGET (a file, or a folder such as "pagefind") by calling
RENDER ("module:function" of a module importable from hooks/, by convention
hooks/_render_<kind>.py), as render(inputs, out: pathlib.Path) -> None, which writes the
target at `out` — unless the cache holds the result for the same key. INPUTS is plain
data (str, bytes, int, float, bool, None, dates, lists, dicts with str keys): a render reads
nothing but its inputs, the files named in DEPENDS and the variables in ENVIRONMENT.

The key is the sha256 of everything the file depends on: the render's name and its
module's source, a canonical serialisation of the inputs, the bytes of every DEPENDS path
(a folder: every file below it), the versions (importlib.metadata) of the packages in
VERSIONS, the Python version, and the values of the environment variables named in
ENVIRONMENT (a render that reads one, e.g. SOURCE_DATE_EPOCH, names it; the worker's
processes get the same values).

The cache is $EDITION_CACHE, else .cache/edition/ in the checkout (git-ignored; `make
clean` clears it). An entry is a folder per key: the result (`out`) and manifest.json
(each file's relative path → sha256, size), written last, the folder renamed into place
when complete. A hit verifies the manifest before copying; an entry that fails (corrupt,
partial, extra files) is removed and rendered again, never served. Entries no build has
used for two weeks are removed when a MkDocs command starts.

`mkdocs build` waits for the worker at the very end (hooks/downloads.py) and fails with
every file that could not be written and why. `mkdocs serve` does not wait: the browser
reloads once the pages are written; each download lands in the site folder when it is
ready (temporary file, then os.replace). MkDocs empties the site folder on every rebuild,
so a download not ready yet is served meanwhile as its last finished version, copied at
once; a result of a superseded rebuild never overwrites a newer one; a failure is logged
with the file and the cause.

The pool: concurrent.futures.ProcessPoolExecutor, two workers, the "forkserver" start
method (mkdocs serve runs threads; fork after threads can deadlock). Its server process
imports every hooks/_render_*.py (and so WeasyPrint and Pango) once, so that the import
overlaps the page build: when the first download is missing from the cache, or, where every
download will be rendered (`mkdocs serve`, or a cache that holds none: a fresh checkout,
`make clean`), as soon as the command starts.
In `mkdocs serve` the workers run niced: a rebuild's pages go before the downloads.

To add a download: write hooks/_render_<kind>.py with render(inputs, out), and call
submit() from the hook's on_post_build (or on_env, where the article model is whole already:
hooks/pdf.py) with the inputs and what else the file depends on.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import datetime
import functools
import hashlib
import importlib
import importlib.metadata
import importlib.util
import itertools
import json
import logging
import multiprocessing
import multiprocessing.forkserver
import os
import queue
import shutil
import sys
import tempfile
import threading
import time
import traceback
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

HOOKS = Path(__file__).resolve().parent
ROOT = HOOKS.parent
FORMAT = 1                               # of a cache entry; part of every key
WORKERS = 2                              # the machine has two cores
NICE = 10                                # in `mkdocs serve` the worker's processes yield the CPU to the rebuild
TIMEOUT = float(os.environ.get("EDITION_DOWNLOAD_TIMEOUT", 600))  # seconds `mkdocs build` waits for one file
KEEP_DAYS = 14                           # prune(): entries unused that long are removed
MANIFEST = "manifest.json"
OUT = "out"

log = logging.getLogger("mkdocs.plugins.edition.downloads")
# Reports from the worker while `mkdocs serve` waits for changes. Not under the "mkdocs"
# logger: its strict-mode counter would fail whichever rebuild happens to be running.
_background = logging.getLogger("edition.downloads")
_background.propagate = False


class DownloadError(Exception):
    """A download cannot be submitted or was not written."""


def _plugin_error(message: str) -> Exception:
    from mkdocs.exceptions import PluginError  # here: the worker processes do not need MkDocs

    return PluginError(message)


# --- the cache ------------------------------------------------------------------------------

def cache_root() -> Path:
    return Path(os.environ.get("EDITION_CACHE") or ROOT / ".cache" / "edition").resolve()


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(functools.partial(handle.read, 1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


_digests: dict[tuple, str] = {}


def _file_digest(path: Path) -> str:
    """sha256 of a file, remembered while its size and mtime stay the same (fonts, templates)."""
    stat = path.stat()
    stamp = (str(path), stat.st_mtime_ns, stat.st_size, stat.st_ino)
    if stamp not in _digests:
        _digests[stamp] = _sha256(path)
    return _digests[stamp]


def _result_files(out: Path) -> dict[str, Path]:
    """The files of a result, by their path in the entry: 'out' for a file, 'out/a/b' in a folder."""
    if out.is_file():
        return {OUT: out}
    if out.is_dir():
        return {f"{OUT}/{path.relative_to(out).as_posix()}": path for path in sorted(out.rglob("*")) if not path.is_dir()}
    return {}


def _valid(entry: Path) -> bool:
    """The entry holds exactly the files its manifest lists, with their sizes and hashes."""
    try:
        manifest = json.loads((entry / MANIFEST).read_text(encoding="utf-8"))
        listed = manifest["files"]
        if manifest.get("format") != FORMAT or not (entry / OUT).exists():
            return False
        found = _result_files(entry / OUT)
        if set(found) != set(listed):
            return False
        for name, (digest, size) in listed.items():
            path = found[name]
            if not path.is_file() or path.stat().st_size != size or _sha256(path) != digest:
                return False
        return True
    except (OSError, ValueError, KeyError, TypeError):
        return False


def _lookup(key: str) -> Path | None:
    """The cache entry of a key, if it is whole; a broken one is removed."""
    entry = cache_root() / key
    if not entry.exists():
        return None
    if _valid(entry):
        with contextlib.suppress(OSError):
            os.utime(entry)  # used now: prune() keeps it
        return entry
    log.info(f"downloads: cache entry {entry} is corrupt or incomplete: removed, rendering again")
    shutil.rmtree(entry, ignore_errors=True)
    return None


def _commit(tmp: Path, entry: Path) -> None:
    """Make a rendered folder (tmp/out) a cache entry: manifest last, then one rename."""
    files = _result_files(tmp / OUT)
    manifest = {"format": FORMAT, "files": {name: [_sha256(path), path.stat().st_size] for name, path in files.items()}}
    (tmp / MANIFEST).write_text(json.dumps(manifest, indent=1, sort_keys=True), encoding="utf-8")
    try:
        os.rename(tmp, entry)
    except OSError:  # the entry exists: another build rendered the same key meanwhile, or it is broken
        if _valid(entry):
            shutil.rmtree(tmp, ignore_errors=True)
            return
        shutil.rmtree(entry, ignore_errors=True)
        os.rename(tmp, entry)


def _install(entry: Path, path: Path) -> None:
    """Copy a cache entry's result to its place in the site, atomically."""
    source = entry / OUT
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    if source.is_dir():
        shutil.rmtree(temporary, ignore_errors=True)
        shutil.copytree(source, temporary)
        if path.exists():
            old = temporary.with_suffix(".old")
            shutil.rmtree(old, ignore_errors=True)
            os.rename(path, old)
            os.rename(temporary, path)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.rename(temporary, path)
    else:
        shutil.copyfile(source, temporary)
        os.replace(temporary, path)


# --- the key ----------------------------------------------------------------------------------

def _feed(digest, value, where: str) -> None:
    """A canonical serialisation of plain data into a hash: type, length, content."""
    if value is None:
        digest.update(b"N")
    elif isinstance(value, bool):
        digest.update(b"T" if value else b"F")
    elif isinstance(value, int | float):
        text = repr(value).encode()
        digest.update(b"i" if isinstance(value, int) else b"f")
        digest.update(b"%d:%s" % (len(text), text))
    elif isinstance(value, str):
        data = value.encode("utf-8")
        digest.update(b"s%d:" % len(data))
        digest.update(data)
    elif isinstance(value, bytes | bytearray):
        digest.update(b"b%d:" % len(value))
        digest.update(value)
    elif isinstance(value, datetime.date):  # YAML's dates (datetime is a date too)
        text = f"{type(value).__name__}:{value.isoformat()}".encode()
        digest.update(b"t%d:%s" % (len(text), text))
    elif isinstance(value, list | tuple):
        digest.update(b"l%d:" % len(value))
        for n, item in enumerate(value):
            _feed(digest, item, f"{where}[{n}]")
    elif isinstance(value, dict):
        digest.update(b"d%d:" % len(value))
        for name in sorted(value):
            if not isinstance(name, str):
                raise DownloadError(f"{where}: the key {name!r} is not a string; inputs are plain data (str keys)")
            _feed(digest, name, where)
            _feed(digest, value[name], f"{where}.{name}")
    else:
        raise DownloadError(f"{where}: a {type(value).__name__} is not plain data; pass str, bytes, numbers, lists and dicts")


@functools.lru_cache(maxsize=4096)  # the same fonts and templates are named by many keys
def _name(path: Path) -> str:
    """A depended-on file by its place in the project (so that a copy of the project shares keys)."""
    path = path.resolve()
    try:
        return path.relative_to(ROOT).as_posix()
    except ValueError:
        return str(path)


def _depends(paths, target: str) -> list[list[str]]:
    found = []
    for path in map(Path, paths):
        if path.is_dir():
            found += [[_name(file), _file_digest(file)] for file in sorted(path.rglob("*")) if file.is_file()]
        elif path.is_file():
            found.append([_name(path), _file_digest(path)])
        else:
            raise DownloadError(f"{target}: depends on {_name(path)}, which does not exist. Correct the path the hook names.")
    return found


@functools.cache
def _version(package: str) -> str:
    try:
        return importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:
        raise DownloadError(f"the renderer's package {package} is not installed. Run `make setup`.") from None


def _module_file(render: str, target: str) -> Path:
    module, _, function = render.partition(":")
    if not module or not function:
        raise DownloadError(f"{target}: render {render!r} is not 'module:function'")
    local = HOOKS / (module.replace(".", "/") + ".py")
    if local.is_file():
        return local
    spec = importlib.util.find_spec(module)
    if spec is None or not spec.origin or not Path(spec.origin).is_file():
        raise DownloadError(f"{target}: the render module {module} is not importable from hooks/")
    return Path(spec.origin)


def key(render: str, inputs, depends=(), versions=(), environment=(), *, target: str = "") -> str:
    """The cache key of a download: sha256 over everything it depends on (see the module's docstring)."""
    digest = hashlib.sha256()
    _feed(digest, {
        "format": FORMAT,
        "render": render,
        "code": _file_digest(_module_file(render, target)),
        "inputs": inputs,
        "depends": _depends(depends, target),
        "versions": {package: _version(package) for package in sorted(set(versions))},
        "python": sys.version,
        "environment": {name: os.environ.get(name) for name in sorted(set(environment))},
    }, "inputs")
    return digest.hexdigest()


# --- what runs in the worker processes ------------------------------------------------------------

def _execute(job: dict) -> dict:
    """Render one download into the cache. Runs in a worker process; never raises."""
    start = time.perf_counter()
    tmp = None
    try:
        for name, value in job["environment"].items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        name, _, function = job["render"].partition(":")
        module = importlib.import_module(name)
        if _file_digest(Path(module.__file__)) != job["code"]:
            module = importlib.reload(module)  # edited while `mkdocs serve` runs
        render = getattr(module, function)
        root = Path(job["cache"])
        (root / "tmp").mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=job["key"][:16] + "-", dir=root / "tmp"))
        render(job["inputs"], tmp / OUT)
        if not (tmp / OUT).exists():
            return {"error": f"{job['render']} wrote nothing at the path it was given"}
        _commit(tmp, root / job["key"])
        tmp = None
        return {"seconds": time.perf_counter() - start}
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as err:  # noqa: B036 — WeasyPrint's FatalURLFetchingError is a BaseException
        frames = traceback.extract_tb(err.__traceback__)
        where = f" (at {Path(frames[-1].filename).name}:{frames[-1].lineno})" if frames else ""
        return {"error": f"{type(err).__name__}: {err}{where}", "traceback": traceback.format_exc()}
    finally:
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)


# --- the pool and its dispatcher thread --------------------------------------------------------------

@contextlib.contextmanager
def _python_path():
    """The forkserver is a fresh interpreter that (Python 3.11) ignores the parent's sys.path:
    hand it the parent's path and hooks/ through PYTHONPATH while it starts."""
    before = os.environ.get("PYTHONPATH")
    os.environ["PYTHONPATH"] = os.pathsep.join([entry for entry in sys.path if entry] + [str(HOOKS)])
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("PYTHONPATH", None)
        else:
            os.environ["PYTHONPATH"] = before


class _Pool:
    """A ProcessPoolExecutor fed by one thread: starting the forkserver (it imports the renderers)
    takes a moment, and the page build must not wait for it."""

    def __init__(self):
        self._queue: queue.SimpleQueue = queue.SimpleQueue()
        self._executor: concurrent.futures.ProcessPoolExecutor | None = None
        self._thread = threading.Thread(target=self._run, name="edition-downloads", daemon=True)
        self._thread.start()

    def put(self, job: _Job) -> None:
        self._queue.put(job)

    def _start(self) -> concurrent.futures.ProcessPoolExecutor:
        if self._executor is None:
            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload(["_downloads", *sorted(path.stem for path in HOOKS.glob("_render_*.py"))])
            with _python_path():
                multiprocessing.forkserver.ensure_running()
            # Niced in `mkdocs serve`: where the worker and a rebuild compete for the two cores, the pages go first.
            self._executor = concurrent.futures.ProcessPoolExecutor(WORKERS, mp_context=context, initializer=os.nice, initargs=(NICE if _serve else 0,))
        return self._executor

    def broken(self) -> None:
        """A worker process died: the executor is unusable; the next job starts a new one."""
        executor, self._executor = self._executor, None
        if executor is not None:
            executor.shutdown(wait=False, cancel_futures=True)

    def warm(self) -> None:
        """Start the server now (in the dispatcher thread: the caller does not wait for it)."""
        self._queue.put(_WARM)

    def _run(self) -> None:
        while True:
            job = self._queue.get()
            if job is None:
                return
            if job is _WARM:
                try:
                    self._start()
                except Exception:  # noqa: BLE001 — the next job starts it again and reports why it cannot
                    self.broken()
                continue
            if job.superseded:
                job.done.set()
                continue
            try:
                job.future = self._start().submit(_execute, job.spec)
            except Exception as err:  # noqa: BLE001 — a failure to start the worker is the job's failure
                self.broken()
                _finished(job, error=f"the download worker could not start ({type(err).__name__}: {err})")
                continue
            job.future.add_done_callback(functools.partial(_completed, job))

    def stop(self, wait: bool) -> None:
        self._queue.put(None)
        if wait:
            self._thread.join()
        if self._executor is not None:
            self._executor.shutdown(wait=wait, cancel_futures=True)
            self._executor = None


_WARM = object()  # _Pool.warm(): start the server, no job


# --- the state of this process -----------------------------------------------------------------------

@dataclass(eq=False)
class _Job:
    target: str                 # below site_dir, for messages
    path: Path                  # where it goes
    key: str
    seq: int                    # the newest submission for a path wins
    spec: dict                  # what the worker process gets
    done: threading.Event = field(default_factory=threading.Event)
    future: concurrent.futures.Future | None = None
    error: str | None = None
    superseded: bool = False


_lock = threading.RLock()      # the state below, and every copy into the site
_site = threading.Lock()       # held while MkDocs empties the site folder (rebuilds in `mkdocs serve`)
_site_held = False
_serve = False
_pool: _Pool | None = None
_sequence = itertools.count(1)
_latest: dict[Path, int] = {}      # path → seq of its newest submission
_current: dict[Path, str] = {}     # path → key of the newest result copied there
_active: dict[Path, _Job] = {}     # path → its job in the worker, if any
_jobs: list[_Job] = []             # this build's jobs, for finish()
_counts = {"rendered": 0, "cached": 0}


def prune(days: float = KEEP_DAYS) -> None:
    """Remove what no command has used for DAYS — the downloads (a folder per key) and the
    build's kept results (memo/KIND/KEY.pickle, hooks/_memo.py) — and the leftovers of renders
    that were stopped (tmp/, after an hour): every edit in `mkdocs serve` makes new entries."""
    root = cache_root()
    if not root.is_dir():
        return

    def below(name: str, pattern: str = "*"):
        return list((root / name).glob(pattern)) if (root / name).is_dir() else []

    kept = days * 86400
    entries = [(path, kept) for path in root.iterdir() if path.name not in ("tmp", "jinja", "memo")]
    entries += [(path, 3600) for path in below("tmp")] + [(path, kept) for path in below("memo", "*/*")]
    now = time.time()
    for path, seconds in entries:
        with contextlib.suppress(OSError):
            if now - path.stat().st_mtime > seconds:
                if path.is_dir():
                    shutil.rmtree(path, ignore_errors=True)
                else:
                    path.unlink()


def start(command: str) -> None:
    """A new MkDocs command (on_startup): 'serve' does not wait for the worker, 'build' does."""
    global _serve
    shutdown()
    with _lock:
        _serve = command == "serve"
        _latest.clear()
        _current.clear()
        _active.clear()
        _jobs.clear()
        _counts.update(rendered=0, cached=0)
    prune()
    if _serve or _cold():
        _warm_up()
    if _serve:
        from mkdocs.utils import CountHandler

        _background.handlers[:] = [h for h in logging.getLogger("mkdocs").handlers if not isinstance(h, CountHandler)]
        _background.setLevel(logging.INFO)


def _cold() -> bool:
    """The cache holds no download yet: this build renders every one."""
    root = cache_root()
    return not root.is_dir() or not any((entry / MANIFEST).is_file() for entry in root.iterdir())


def _warm_up() -> None:
    """Start the worker's server while the pages build, before the first download is submitted."""
    global _pool
    with _lock:
        if _pool is None:
            _pool = _Pool()
        _pool.warm()


def site_cleaning() -> None:
    """MkDocs is about to empty the site folder: copies into it wait until site_cleaned()."""
    global _site_held
    if not _site_held:
        _site.acquire()
        _site_held = True


def site_cleaned() -> None:
    global _site_held
    if _site_held:
        _site_held = False
        _site.release()


def submit(config, target: str, render: str, inputs, *, depends=(), versions=(), environment=()) -> None:
    """Have site_dir/TARGET written by RENDER from INPUTS, from the cache when it holds the result.

    DEPENDS: files and folders the output depends on besides the inputs (templates, fonts);
    VERSIONS: the packages that render it; ENVIRONMENT: the environment variables it reads."""
    global _pool
    path = Path(config.site_dir) / target
    digest = key(render, inputs, depends, versions, environment, target=target)
    with _lock:
        seq = next(_sequence)
        _latest[path] = seq
        previous = _active.pop(path, None)
        if previous is not None:  # a rebuild supersedes what the worker has not finished
            previous.superseded = True
            if previous.future is not None:
                previous.future.cancel()
        entry = _lookup(digest)
        if entry is not None:
            _install(entry, path)
            _current[path] = digest
            _counts["cached"] += 1
            return
        if _serve and not path.exists() and path in _current:
            stale = _lookup(_current[path])
            if stale is not None:  # the preview keeps its last finished file until the new one is ready
                _install(stale, path)
        job = _Job(target=target, path=path, key=digest, seq=seq, spec={
            "render": render, "key": digest, "inputs": inputs, "cache": str(cache_root()),
            "code": _file_digest(_module_file(render, target)),
            "environment": {name: os.environ.get(name) for name in sorted(set(environment))},
        })
        _active[path] = job
        _jobs.append(job)
        if _pool is None:
            _pool = _Pool()
        _pool.put(job)


def _completed(job: _Job, future: concurrent.futures.Future) -> None:
    """The worker is done with a job (runs in the executor's thread)."""
    if future.cancelled():
        job.superseded = True
        job.done.set()
        return
    try:
        result = future.result()
    except BrokenProcessPool as err:
        if _pool is not None:
            _pool.broken()
        _finished(job, error=f"the download worker's process died ({err})")
        return
    except Exception as err:  # noqa: BLE001 — e.g. inputs that do not pickle
        _finished(job, error=f"{type(err).__name__}: {err}")
        return
    _finished(job, error=result.get("error"), seconds=result.get("seconds"), details=result.get("traceback"))


def _finished(job: _Job, error: str | None = None, seconds: float | None = None, details: str | None = None) -> None:
    try:
        if error is None:
            with _site, _lock:
                if _active.get(job.path) is job:
                    del _active[job.path]
                if _latest.get(job.path) != job.seq:
                    job.superseded = True  # a newer submission for this file exists: it wins
                    return
                _install(Path(job.spec["cache"]) / job.key, job.path)
                _current[job.path] = job.key
                _counts["rendered"] += 1
            (_background if _serve else log).info(f"downloads: rendered {job.target} in {seconds:.1f} s")
        else:
            with _lock:
                if _active.get(job.path) is job:
                    del _active[job.path]
                job.superseded = job.superseded or _latest.get(job.path) != job.seq
            job.error = error
            if _serve and not job.superseded:
                _background.error(f"downloads: {job.target} could not be written: {error}")
            if details:
                log.debug(details)
    except Exception as err:  # noqa: BLE001 — reported like a render's failure
        job.error = f"could not be copied into the site ({type(err).__name__}: {err})"
        if _serve:
            _background.error(f"downloads: {job.target} {job.error}")
    finally:
        job.done.set()


def finish(config) -> None:
    """The end of a build: `mkdocs build` waits for every download and fails if one was not
    written; `mkdocs serve` goes on (the worker copies each file when it is ready)."""
    with _lock:
        jobs = list(_jobs)
        _jobs.clear()
    if _serve:
        if jobs:
            log.info(f"downloads: {len(jobs)} rendering in the background; the preview serves the last finished files meanwhile")
        return
    for job in jobs:
        if not job.done.wait(TIMEOUT):
            job.error = f"not finished after {TIMEOUT:.0f} s (EDITION_DOWNLOAD_TIMEOUT)"
    failed = [job for job in jobs if job.error and not job.superseded]
    log.info(f"downloads: {_counts['rendered']} rendered, {_counts['cached']} from the cache ({cache_root()})")
    if failed:
        lines = "\n".join(f"  {job.target}: {job.error}" for job in failed)
        raise _plugin_error(f"{len(failed)} download(s) could not be written (hooks/_downloads.py):\n{lines}")


def build_failed() -> None:
    """The build stopped with an error: `mkdocs build` drops what the worker has not done;
    `mkdocs serve` keeps it (the next rebuild supersedes it)."""
    site_cleaned()
    if _serve:
        return
    with _lock:
        for job in _active.values():
            job.superseded = True
            if job.future is not None:
                job.future.cancel()
        _active.clear()
        _jobs.clear()


def shutdown(wait: bool = True) -> None:
    """Stop the pool (the end of the MkDocs command)."""
    global _pool
    with _lock:
        pool, _pool = _pool, None
    if pool is not None:
        pool.stop(wait)


def rendering(path) -> bool:
    """Whether `mkdocs serve`'s worker is still writing site file PATH (the build did not wait)."""
    with _lock:
        return _serve and Path(path) in _active


def counts() -> dict:
    """How many downloads this command rendered and copied from the cache."""
    with _lock:
        return dict(_counts)
