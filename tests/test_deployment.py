"""Rule: GitHub Actions tests every pull request with `make test`, and on main builds
with `make build` for the public address (SITE_URL from the repository) and deploys the
result with GitHub Pages' official actions."""

import yaml

from edition_site import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"


def steps():
    """(workflow file, job name, job, step) for every step of every workflow."""
    for path in sorted(WORKFLOWS.glob("*.y*ml")):
        workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
        triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads the key `on` as true
        for name, job in workflow["jobs"].items():
            for step in job.get("steps", []):
                yield path.name, triggers, name, job, step


def test_pull_requests_run_every_test():
    found = [(f, n) for f, triggers, n, job, step in steps()
             if "pull_request" in triggers and step.get("run", "").strip() == "make test"
             and "pull_request" in job.get("if", "github.event_name == 'pull_request'")]
    assert found, f"no workflow in {WORKFLOWS.relative_to(ROOT)} runs `make test` on pull requests"


def test_main_is_built_and_deployed_to_pages():
    all_steps = list(steps())
    builds = [(job, step) for f, triggers, n, job, step in all_steps
              if "main" in str(triggers.get("push", {})) and step.get("run", "").strip() == "make build"]
    assert builds, "no workflow runs `make build` on pushes to main"
    assert "SITE_URL" in builds[0][1].get("env", {}), "the build must set SITE_URL to the public address"
    used = {step.get("uses", "").split("@")[0] for *_, step in all_steps}
    assert {"actions/upload-pages-artifact", "actions/deploy-pages"} <= used, f"GitHub Pages' actions are not used: {sorted(used)}"
