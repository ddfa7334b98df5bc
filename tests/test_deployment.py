"""Rule: GitHub Actions runs the tests as `.ci/run` does — `make test` in Debian bookworm with
the system packages `.ci/run` installs (Debian's chromium, not Ubuntu's snap) — on every pull
request and on every push to main; main is built with `make build` for the public address
(SITE_URL from the repository) and deployed with GitHub Pages' official actions only after
the tests passed; a pull request gets the built site as an artifact and a job summary;
`make compat` runs as a job of its own."""

import re

import pytest
import yaml

from edition_site import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"
CI_RUN = (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def workflows():
    for path in sorted(WORKFLOWS.glob("*.y*ml")):
        workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
        workflow["on"] = workflow.get("on", workflow.pop(True, None))  # YAML 1.1 reads the key `on` as true
        yield path.name, workflow


def jobs_running(command: str):
    """(workflow file, workflow, job id, job, step) of each job with a step that runs `command`."""
    for name, workflow in workflows():
        for ident, job in workflow["jobs"].items():
            for step in job.get("steps", []):
                if step.get("run", "").strip() == command:
                    yield name, workflow, ident, job, step


def installed_by(script: str) -> set[str]:
    """The Debian packages a shell script installs (.ci/run: `missing+=(...)`; a step: `apt-get install -y ...`)."""
    found = set()
    for group in re.findall(r"missing\+=\(([^)]*)\)", script):
        found.update(group.split())
    for line in re.findall(r"apt-get install ([^\n]*)", script):
        found.update(word for word in line.split() if not word.startswith(("-", '"$')))
    return found


def test_tests_run_on_pull_requests_and_on_main_in_debian():
    found = list(jobs_running("make test"))
    assert found, f"no workflow in {WORKFLOWS.relative_to(ROOT)} runs `make test`"
    name, workflow, ident, job, _ = found[0]
    assert "pull_request" in workflow["on"] and "main" in str(workflow["on"].get("push")), \
        f"{name}: `make test` must run on pull_request and on push to main"
    assert "if" not in job or "pull_request" not in job["if"], f"{name}: jobs.{ident} must not be limited to pull requests"
    image = (job.get("container") or {}).get("image", "") if isinstance(job.get("container"), dict) else job.get("container", "")
    assert "bookworm" in image, f"{name}: jobs.{ident} must run in Debian bookworm (container: python:3.11-bookworm), as our machines do"


def test_the_test_job_installs_what_ci_run_installs():
    name, _, ident, job, _ = next(jobs_running("make test"))
    packages = installed_by("\n".join(step.get("run", "") for step in job["steps"]))
    missing = installed_by(CI_RUN) - packages
    assert not missing, f"{name}: jobs.{ident} does not install {sorted(missing)}, which .ci/run installs for the tests"
    assert "chromium" in packages


def test_main_is_deployed_only_after_the_tests():
    builds = list(jobs_running("make build"))
    assert builds, "no workflow runs `make build`"
    name, workflow, ident, job, step = builds[0]
    assert "main" in str(workflow["on"].get("push")), f"{name}: `make build` must run on pushes to main"
    assert "SITE_URL" in step.get("env", {}), f"{name}: jobs.{ident}: the build must set SITE_URL to the public address"
    tests = next(jobs_running("make test"))[2]
    needs = job.get("needs", [])
    assert tests in ([needs] if isinstance(needs, str) else needs), f"{name}: jobs.{ident} must have `needs: {tests}`"
    used = {step.get("uses", "").split("@")[0]: ident for ident, job in workflow["jobs"].items() for step in job.get("steps", [])}
    assert {"actions/upload-pages-artifact", "actions/deploy-pages"} <= set(used), f"{name}: GitHub Pages' actions are not used"
    deploy = workflow["jobs"][used["actions/deploy-pages"]]
    assert deploy.get("needs") in (ident, [ident]), f"{name}: the deployment must need jobs.{ident}"


def test_a_pull_request_gets_the_site_and_a_summary():
    name, _, ident, job, _ = next(jobs_running("make test"))
    uploads = [s for s in job["steps"] if s.get("uses", "").startswith("actions/upload-artifact@")]
    assert uploads and uploads[0]["with"]["path"] == "site", f"{name}: jobs.{ident} must upload site/ as an artifact"
    summary = [s for s in job["steps"] if "tools/pr_summary.py" in s.get("run", "")]
    assert summary and "$GITHUB_STEP_SUMMARY" in summary[0]["run"], f"{name}: jobs.{ident} must write tools/pr_summary.py to the job summary"
    assert "pull_request" in summary[0].get("if", ""), f"{name}: the summary belongs to pull requests"


def test_compat_runs_in_ci():
    assert list(jobs_running("make compat")), f"no workflow in {WORKFLOWS.relative_to(ROOT)} runs `make compat`"


@pytest.mark.parametrize("ecosystem", ["pip", "github-actions"])
def test_dependabot_moves_the_pins(ecosystem):
    config = yaml.safe_load((ROOT / ".github" / "dependabot.yml").read_text(encoding="utf-8"))
    assert ecosystem in [update["package-ecosystem"] for update in config["updates"]], \
        f".github/dependabot.yml: add an update for package-ecosystem: {ecosystem}"
