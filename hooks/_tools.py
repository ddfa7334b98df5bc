"""The modules of tools/ for the hooks that share their logic (e.g. tools/article_text.py,
which numbers the paragraphs of the Markdown as hooks/paragraph_ids.py numbers the HTML).

Not a hook: the hooks import it. MkDocs puts only hooks/ on the import path while it loads
a hook; this loads tools/NAME.py once per process, under its own name, as the tests do.
"""

import importlib.util
import sys

import _datafiles

TOOLS = _datafiles.ROOT / "tools"


def load(name: str):
    path = TOOLS / f"{name}.py"
    loaded = sys.modules.get(name)
    if loaded is not None and getattr(loaded, "__file__", None) == str(path):
        return loaded
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module
