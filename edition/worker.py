"""The download worker: the files the site offers for download (PDFs, EPUBs, JATS, citation and
table files), the social cards and the search index are rendered in two processes, off the
page build, and kept in the build's cache (edition/cache.py) by everything they depend on.

A hook hands one over with

    worker.submit(config, target, render, inputs, *, depends=(), versions=(), environment=())

RENDER is "module:function" (a module of edition/forms/, listed in RENDERS there), called as
function(inputs, out) in a worker process: it writes site_dir/TARGET (a file, or a folder such
as "pagefind") at `out`, reading nothing but INPUTS (plain data), the files of DEPENDS and the
environment variables of ENVIRONMENT (e.g. SOURCE_DATE_EPOCH). The key covers those, the
render module's source and the VERSIONS of the packages that render. A hit is copied into the
site at once; a miss is rendered, kept, then copied (a temporary file, then os.replace).

`mkdocs build` waits at the very end (hooks/forms/downloads.py) and fails naming every file that
could not be written and why. `mkdocs serve` does not wait: the browser reloads once the pages
are written, and each download lands when it is ready; meanwhile the last finished version of a
file is served (MkDocs empties the site folder on every rebuild); a superseded render never
overwrites a newer one; a failure is logged with the file and the cause.

The processes use the "forkserver" start method (serve runs threads; fork after threads can
deadlock); the server imports RENDERS (WeasyPrint, Pango, Pillow) once. It is started at once
when every download will be rendered (serve, an empty cache), so that its import overlaps the
page build; a warm build starts it only at its first miss.
"""

from __future__ import annotations

import concurrent.futures
import concurrent.futures.process  # BrokenProcessPool, named in _dispatch before any pool exists
import functools
import importlib
import importlib.util
import logging
import multiprocessing
import multiprocessing.forkserver
import os
import select
import shutil
import sys
import tempfile
import threading
import time
import traceback
from pathlib import Path

from edition import cache
from edition.forms import RENDERS

KIND = "downloads"             # the cache's folder of rendered downloads
TIMEOUT = float(os.environ.get("EDITION_DOWNLOAD_TIMEOUT", 600))  # seconds `mkdocs build` waits for one file

log = logging.getLogger("mkdocs.plugins.edition.downloads")
# Reports while `mkdocs serve` waits for changes: not under "mkdocs", whose strict-mode counter
# would fail whichever rebuild happens to be running.
_background = logging.getLogger("edition.downloads")
_background.propagate = False


@functools.lru_cache(maxsize=64)  # find_spec searches sys.path; a module's file stays where it is
def _module_file(render: str) -> Path:
    module, _, function = render.partition(":")
    spec = importlib.util.find_spec(module) if module and function else None
    if spec is None or not spec.origin:
        raise cache.CacheError(f"render {render!r} is not 'module:function' of an importable module")
    return Path(spec.origin)


def _execute(job: dict) -> float:
    """Render one download into the cache (in a worker process). Its result: {path in out: bytes}."""
    start = time.perf_counter()
    for name, value in job["environment"].items():
        os.environ.pop(name, None) if value is None else os.environ.__setitem__(name, value)
    name, _, function = job["render"].partition(":")
    module = importlib.import_module(name)
    if cache.file_digest(Path(module.__file__)) != job["code"]:
        module = importlib.reload(module)  # edited while `mkdocs serve` runs
    (cache.root() / cache.TMP).mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=cache.root() / cache.TMP) as tmp:  # a stopped render's: pruned
        out = Path(tmp) / "out"
        getattr(module, function)(job["inputs"], out)
        if out.is_file():
            files = {"": out.read_bytes()}
        elif out.is_dir():
            files = {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}
        else:
            raise RuntimeError(f"{job['render']} wrote nothing at the path it was given")
    cache.put(Path(job["entry"]), files)
    return time.perf_counter() - start


def _install(files: dict, path: Path) -> None:
    """Copy a result into the site: a file atomically, a folder swapped in whole."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    if "" in files:
        temporary.write_bytes(files[""])
        os.replace(temporary, path)
        return
    shutil.rmtree(temporary, ignore_errors=True)
    for name, body in files.items():
        (temporary / name).parent.mkdir(parents=True, exist_ok=True)
        (temporary / name).write_bytes(body)
    if path.exists():
        old = temporary.with_suffix(".old")
        os.rename(path, old)
        os.rename(temporary, path)
        shutil.rmtree(old, ignore_errors=True)
    else:
        os.rename(temporary, path)


class _State:
    def __init__(self, command: str):
        self.serve = command == "serve"
        self.lock = threading.RLock()    # the state, and every copy into the site
        self.site = threading.Lock()     # held while MkDocs empties the site folder
        self.site_held = False
        self.latest: dict[Path, str] = {}          # path → key of its newest submission
        self.running: dict[Path, _Job] = {}        # path → its render, while the worker has it
        self.jobs: list[_Job] = []                 # this build's renders, for finish()
        self.counts = {"rendered": 0, "cached": 0}
        self.pool: concurrent.futures.ProcessPoolExecutor | None = None
        # One thread hands the jobs to the processes, so that neither a page build nor a
        # rebuild in `mkdocs serve` waits while the processes start (they import the renderers).
        self.dispatcher = concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix="edition-downloads")

    def executor(self, broken: bool = False) -> concurrent.futures.ProcessPoolExecutor:
        """The two processes (new ones if a process died; in the dispatcher's thread). The forkserver
        is a fresh interpreter that ignores this one's sys.path (Python 3.11): it gets it through PYTHONPATH."""
        if self.pool is None or broken:
            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload(list(RENDERS))
            before = os.environ.get("PYTHONPATH")
            os.environ["PYTHONPATH"] = os.pathsep.join(entry for entry in sys.path if entry)
            try:
                multiprocessing.forkserver.ensure_running()
            finally:
                os.environ.pop("PYTHONPATH") if before is None else os.environ.__setitem__("PYTHONPATH", before)
            self.pool = concurrent.futures.ProcessPoolExecutor(2, mp_context=context, initializer=_end_with, initargs=(os.getpid(),))
        return self.pool


def _end_with(command: int) -> None:
    """In each process: end when the MkDocs command ends, however it ends. A SIGTERM or SIGKILL
    runs no on_shutdown, and the processes would wait for work forever (about 100 MB each, and
    the forkserver with them: it ends when they do)."""
    def watch():
        try:
            ended = os.pidfd_open(command)  # readable once the command has ended (Linux)
        except ProcessLookupError:
            os._exit(0)
        except (AttributeError, OSError):  # no pidfd here: look every second
            while True:
                time.sleep(1)
                try:
                    os.kill(command, 0)
                except ProcessLookupError:
                    os._exit(0)
        select.select([ended], [], [])
        os._exit(0)

    threading.Thread(target=watch, name="edition-end-with-mkdocs", daemon=True).start()


_state = _State("build")


def start(command: str) -> None:
    """A new MkDocs command (on_startup): 'serve' does not wait for the downloads, 'build' does."""
    global _state
    shutdown()
    _state = _State(command)
    cache.prune()
    folder = cache.root() / KIND
    if _state.serve or not folder.is_dir() or not any(folder.iterdir()):
        # Every download will be rendered: start the processes (their imports) while the pages build.
        _state.dispatcher.submit(_state.executor)


def site_cleaning() -> None:
    """MkDocs is about to empty the site folder: copies into it wait until site_cleaned()."""
    if not _state.site_held:
        _state.site.acquire()
        _state.site_held = True


def site_cleaned() -> None:
    if _state.site_held:
        _state.site_held = False
        _state.site.release()


class _Job:
    def __init__(self, target: str, path: Path, key: str):
        self.target, self.path, self.key = target, path, key
        self.future: concurrent.futures.Future | None = None
        self.done = threading.Event()   # set once the result is in the site, or cannot be
        self.error: str | None = None
        self.cancelled = False

    def cancel(self) -> None:
        """Superseded (a rebuild) or dropped (a failed build): not started, or its result not used."""
        self.cancelled = True
        if self.future is not None:
            self.future.cancel()


def submit(config, target: str, render: str, inputs, *, depends=(), versions=(), environment=()) -> None:
    """Have site_dir/TARGET written by RENDER from INPUTS, from the cache when it holds the result."""
    path = Path(config.site_dir) / target
    state = _state
    try:
        code = cache.file_digest(_module_file(render))
        env = {name: os.environ.get(name) for name in sorted(set(environment))}
        key = cache.key(KIND, {"render": render, "code": code, "inputs": inputs, "environment": env}, depends, versions)
    except cache.CacheError as err:
        raise _plugin_error(f"{target}: {err}") from None
    entry = cache.entry(KIND, key)
    with state.lock:
        previous = state.running.pop(path, None)
        if previous is not None:
            previous.cancel()  # a rebuild supersedes what the worker has not started
        last, state.latest[path] = state.latest.get(path), key
        found, files = cache.get(entry)
        if found:
            _install(files, path)
            state.counts["cached"] += 1
            return
        if state.serve and last and not path.exists():  # serve the last finished file meanwhile
            found, files = cache.get(cache.entry(KIND, last))
            if found:
                _install(files, path)
        job = state.running[path] = _Job(target, path, key)
        state.jobs.append(job)
    spec = {"render": render, "inputs": inputs, "code": code, "environment": env, "entry": str(entry)}
    state.dispatcher.submit(_dispatch, state, job, spec)


def _dispatch(state: _State, job: _Job, spec: dict) -> None:
    """Hand a job to the processes (in the dispatcher's thread)."""
    if job.cancelled:
        job.done.set()
        return
    try:
        try:
            job.future = state.executor().submit(_execute, spec)
        except concurrent.futures.process.BrokenProcessPool:  # a process died: start new ones
            job.future = state.executor(broken=True).submit(_execute, spec)
    except Exception as err:  # noqa: BLE001 — the job's failure, reported by finish() or the serve log
        job.error = f"the download worker could not start ({type(err).__name__}: {err})"
        if state.serve:
            _background.error(f"downloads: {job.target} could not be written: {job.error}")
        job.done.set()
        return
    job.future.add_done_callback(lambda future: _finished(state, job))


def _finished(state: _State, job: _Job) -> None:
    """The worker is done with a job: copy its result into the site (in the executor's thread)."""
    try:
        if job.future.cancelled():
            return
        if (error := job.future.exception()) is not None:
            frames = traceback.extract_tb(error.__traceback__)
            where = f" (at {Path(frames[-1].filename).name}:{frames[-1].lineno})" if frames else ""
            job.error = f"{type(error).__name__}: {error}{where}"
        with state.site, state.lock:
            if state.running.get(job.path) is job:
                del state.running[job.path]
            if state.latest.get(job.path) != job.key:
                job.error = None
                return  # a newer submission for this file wins
            if job.error is None:
                found, files = cache.get(cache.entry(KIND, job.key))
                if not found:
                    job.error = "its result is not in the cache (removed, or the cache is not writable)"
                    return
                _install(files, job.path)
                state.counts["rendered"] += 1
        (_background if state.serve else log).info(f"downloads: rendered {job.target} in {job.future.result():.1f} s")
    except Exception as err:  # noqa: BLE001 — reported like a render's failure
        job.error = f"could not be copied into the site ({type(err).__name__}: {err})"
    finally:
        if state.serve and job.error:
            _background.error(f"downloads: {job.target} could not be written: {job.error}")
        job.done.set()


def finish(config) -> None:
    """The end of a build: `mkdocs build` waits for every download and fails if one was not written."""
    state = _state
    with state.lock:
        jobs, state.jobs = state.jobs, []
    if state.serve:
        if jobs:
            log.info(f"downloads: {len(jobs)} rendering in the background; the preview serves the last finished files meanwhile")
        return
    for job in jobs:
        if not job.done.wait(TIMEOUT):
            job.error = f"not finished after {TIMEOUT:.0f} s (EDITION_DOWNLOAD_TIMEOUT)"
    log.info(f"downloads: {state.counts['rendered']} rendered, {state.counts['cached']} from the cache ({cache.root()})")
    failed = [f"  {job.target}: {job.error}" for job in jobs if job.error]
    if failed:
        raise _plugin_error(f"{len(failed)} download(s) could not be written (edition/worker.py):\n" + "\n".join(failed))


def build_failed() -> None:
    """The build stopped with an error: `mkdocs build` drops what the worker has not done."""
    site_cleaned()
    if not _state.serve:
        with _state.lock:
            for job in _state.running.values():
                job.cancel()
            _state.running.clear()
            _state.jobs.clear()


def shutdown() -> None:
    """Stop the processes (the end of the MkDocs command)."""
    _state.dispatcher.shutdown(wait=True, cancel_futures=True)
    pool, _state.pool = _state.pool, None
    if pool is not None:
        pool.shutdown(wait=True, cancel_futures=True)


def rendering(path) -> bool:
    """Whether `mkdocs serve`'s worker is still writing site file PATH (the build did not wait)."""
    with _state.lock:
        return _state.serve and Path(path) in _state.running


def _plugin_error(message: str) -> Exception:
    from mkdocs.exceptions import PluginError  # here: the worker's processes do not need MkDocs

    return PluginError(message)
