"""Rule: the workflows run only what they pinned and hold only what they need — every action
at a full commit SHA with its release in a comment, no checkout that leaves its token
behind, no permission granted to the whole workflow, each job's own permissions said.
(`make lint` runs zizmor on them too; these are the rules we hold ourselves to.)"""

import re

import pytest
import yaml

from edition_site import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.y*ml"))
USES = re.compile(r"^\s*(?:-\s+)?uses:\s*(?P<action>[^@\s]+)@(?P<ref>\S+)(?P<comment>.*)$")


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_actions_are_pinned_to_a_commit_with_the_release_named(path):
    lines = path.read_text(encoding="utf-8").splitlines()
    found = [(number, USES.match(line)) for number, line in enumerate(lines, 1) if USES.match(line)]
    assert found, f"{path.name}: uses no action?"
    for number, use in found:
        where = f".github/workflows/{path.name}:{number}"
        assert re.fullmatch(r"[0-9a-f]{40}", use["ref"]), f"{where}: {use['action']}@{use['ref']}: pin the full commit SHA of a release"
        assert re.search(r"#\s*v\d+(\.\d+)*", use["comment"]), f"{where}: name the release the SHA is, e.g. `# v7.0.1`"


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_least_permissions_and_no_persisted_credentials(path):
    workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert workflow.get("permissions") == {}, f".github/workflows/{path.name}: set `permissions: {{}}` at the top; grant per job"
    for ident, job in workflow["jobs"].items():
        assert "permissions" in job, f".github/workflows/{path.name}: jobs.{ident}: say the job's permissions (least needed)"
        assert "write-all" not in str(job["permissions"]), f".github/workflows/{path.name}: jobs.{ident}: no write-all"
        for step in job.get("steps", []):
            if step.get("uses", "").startswith("actions/checkout@"):
                assert (step.get("with") or {}).get("persist-credentials") is False, \
                    f".github/workflows/{path.name}: jobs.{ident}: actions/checkout needs `persist-credentials: false`"
