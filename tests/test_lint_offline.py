"""Rule: the linters run offline and pinned — every pre-commit hook is `local`, runs a tool
installed in .venv from requirements.txt (no hook repository is cloned, nothing downloaded)."""

import re
import sys
from pathlib import Path

import yaml

from edition_site import ROOT

CONFIG = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
PINS = {re.split("==", line)[0].lower().replace("_", "-")
        for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").split() if "==" in line}
BIN = Path(sys.executable).parent


def test_every_hook_is_local_and_runs_a_system_tool():
    for repo in CONFIG["repos"]:
        assert repo["repo"] == "local", f".pre-commit-config.yaml: repo {repo['repo']} would be cloned; use `repo: local`"
        for hook in repo["hooks"]:
            assert hook["language"] == "system", f".pre-commit-config.yaml: hook {hook['id']} must be `language: system`"
            tool = hook["entry"].split()[0]
            assert (BIN / tool).exists(), (
                f".pre-commit-config.yaml: hook {hook['id']} runs `{tool}`, which is not in {BIN}: "
                "pin the package that provides it in requirements.txt")


def test_the_linters_are_pinned():
    for package in ("pre-commit", "pre-commit-hooks", "ruff", "yamllint", "pymarkdownlnt", "zizmor"):
        assert package in PINS, f"requirements.txt: pin {package}==<version> (pre-commit runs it from .venv)"
