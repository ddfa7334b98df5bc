"""Generated downloads (PDF, EPUB, JATS, citation and table files, social cards, the search
index): one way to have them written.

Not a hook. `submit(config, target, render, inputs, depends=…, versions=…)` has
`render` ("module:function" importable from hooks/, called as `function(inputs, out)`)
write site_dir/target. This first version renders at once, in the build's process;
the download worker (a process pool off the page build's critical path, with a
content-addressed cache keyed on inputs, depends and versions) takes the same calls.
"""

from __future__ import annotations

import importlib
from pathlib import Path


def submit(config, target: str, render: str, inputs, *, depends=(), versions=()) -> None:
    module, function = render.split(":")
    out = Path(config.site_dir) / target
    out.parent.mkdir(parents=True, exist_ok=True)
    getattr(importlib.import_module(module), function)(inputs, out)
