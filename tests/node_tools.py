"""The test suite's npm tools: tests/node/package.json, exact versions in its package-lock.json
(citation-js with citeproc-js for the citation files, Ace by DAISY for the EPUBs), installed with
`npm ci` into .cache/node-tools/<hash of the lock>/ on first use — once per lock, shared by the
pytest workers (a file lock), like the PyPI pins of .venv. Puppeteer's browser download is
skipped: Ace runs on Debian's Chromium (PUPPETEER_EXECUTABLE_PATH)."""

from __future__ import annotations

import fcntl
import hashlib
import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "tests" / "node"
CHROMIUM = "/usr/bin/chromium"


def home() -> Path:
    """The installed tools' folder (with node_modules/), installing them first if needed."""
    files = [SOURCE / "package.json", SOURCE / "package-lock.json"]
    key = hashlib.sha256(b"".join(path.read_bytes() for path in files)).hexdigest()[:16]
    folder = Path(os.environ.get("EDITION_NODE_TOOLS", ROOT / ".cache" / "node-tools")) / key
    done = folder / ".installed"
    if done.exists():
        return folder
    for tool in ("node", "npm"):
        if not shutil.which(tool):
            pytest.fail(f"{tool} is missing: install Debian's nodejs and npm (apt-get install -y nodejs npm; .ci/run does it)")
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder.parent / f"{key}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not done.exists():
            for path in files:
                shutil.copy(path, folder / path.name)
            env = {**os.environ, "PUPPETEER_SKIP_DOWNLOAD": "1", "PUPPETEER_SKIP_CHROMIUM_DOWNLOAD": "1"}
            result = subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=folder, env=env,
                                    capture_output=True, text=True, timeout=900)
            if result.returncode:
                pytest.fail(f"npm ci of tests/node/package-lock.json failed in {folder}:\n{result.stdout}\n{result.stderr}")
            done.touch()
    return folder


def node(script: Path, *args: str, timeout: int = 300, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run a node script of tests/node/ with the installed tools on its module path."""
    folder = home()
    environment = {**os.environ, "NODE_PATH": str(folder / "node_modules"), **(env or {})}
    return subprocess.run(["node", str(script), *args], env=environment, capture_output=True, text=True, timeout=timeout)


def bin_path(name: str) -> Path:
    return home() / "node_modules" / ".bin" / name
