"""Rule: ARCHITECTURE.md shows the build as it runs: its table of events is the order MkDocs
itself collects from mkdocs.yml (hooks, plugins, priorities), and each hook file's first line
names its phase (its folder under hooks/) and the events it handles (tools/architecture.py)."""

import subprocess
import sys

from edition_site import ROOT


def test_the_event_table_and_the_hooks_first_lines_are_the_real_order():
    result = subprocess.run([sys.executable, "tools/architecture.py", "--check"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_moved_hook_is_seen(tmp_path, monkeypatch):
    """The check is not a formality: a hook listed in another order changes the table."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("architecture", ROOT / "tools" / "architecture.py")
    architecture = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(architecture)
    config = architecture.collection()
    before = architecture.table(config)
    events = config.plugins.events["page_content"]
    events.insert(0, events.pop())  # as if article_model ran first
    assert architecture.table(config) != before, "reordering a hook did not change the generated table"
