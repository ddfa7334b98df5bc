"""Rule: `make check`, the quick check before a pull request, works on the one build and copies
nothing: every test that copies or builds the project (tests/edition_site.py copy_project and
build, tests/contributor.py Project.copy, a real `mkdocs serve`), itself or through a fixture or
a helper function of its module, is marked `slow` (pyproject.toml), so `make test` runs it and
`make check` does not."""

import ast
import re
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
COPIES = re.compile(r"copy_project\(|Project\.copy\(|(?<![\w.])build\(|serving\(")


def unmarked(path: Path) -> list[str]:
    """The tests of a module that copy or build the project and are not marked slow (or browser)."""
    source = path.read_text(encoding="utf-8")
    if re.search(r"^pytestmark = .*\b(slow|browser)\b", source, re.M):
        return []
    functions = {node.name: node for node in ast.parse(source).body if isinstance(node, ast.FunctionDef)}
    fixtures = {name for name, node in functions.items() if any("fixture" in ast.unparse(d) for d in node.decorator_list)}

    def copies(name: str, seen: tuple = ()) -> bool:
        node = functions.get(name)
        if node is None or name in seen:
            return False
        if name in fixtures and any("mark.slow" in ast.unparse(d) for d in node.decorator_list):
            return False  # the fixture's copying parameter is marked slow itself
        segment = ast.get_source_segment(source, node)
        if COPIES.search(segment):
            return True
        helpers = [other for other in functions if other not in fixtures and not other.startswith("test_")
                   and re.search(rf"(?<![\w.]){other}\(", segment)]
        return any(copies(other, (*seen, name)) for other in [arg.arg for arg in node.args.args if arg.arg in fixtures] + helpers)

    return [f"{path.name}:{node.lineno} {name}" for name, node in functions.items()
            if name.startswith("test_") and copies(name)
            and not any(re.search(r"\b(slow|browser)\b", ast.unparse(d)) for d in node.decorator_list)]


def test_every_test_that_copies_the_project_is_slow():
    found = [test for path in sorted(TESTS.glob("test_*.py")) if path != Path(__file__) for test in unmarked(path)]
    assert not found, "these tests copy or build the project but are not marked @pytest.mark.slow (make check would run them):\n  " + "\n  ".join(found)


@pytest.mark.parametrize("source, found", [
    # a fixture that copies, used by an unmarked test (and a marked test that builds)
    ("import pytest\n\n\n@pytest.fixture\ndef copied(tmp_path):\n    return copy_project(tmp_path)\n\n\n"
     "def test_uses_a_copy(copied):\n    assert copied\n\n\n@pytest.mark.slow\ndef test_marked(tmp_path):\n    build(tmp_path)\n",
     ["test_example.py:9 test_uses_a_copy"]),
    # a fixture that builds through a helper function of the module
    ("import pytest\n\n\ndef built(path):\n    return build(path)\n\n\n@pytest.fixture\ndef first(tmp_path):\n"
     "    return built(tmp_path)\n\n\ndef test_uses_a_build(first):\n    assert first\n",
     ["test_example.py:13 test_uses_a_build"]),
], ids=["fixture", "helper"])
def test_the_rule_sees_an_unmarked_copy(tmp_path, source, found):
    module = tmp_path / "test_example.py"
    module.write_text(source, encoding="utf-8")
    assert unmarked(module) == found
