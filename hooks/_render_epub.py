"""Write an EPUB (OCF zip) from what hooks/_epub.py composed: the download worker's part.

Not a hook: hooks/_downloads.py calls `render(inputs, out)`. `inputs` is
{"entries": [[name, bytes], …], "date_time": [Y, M, D, h, m, s]}. The OCF rules: the
`mimetype` entry first, stored (not compressed), without extra fields; then every entry in
the given order. Every entry gets the edition's date and fixed permissions, never the
clock's time, so the same inputs give the same bytes (tests/test_reproducible_build.py).
"""

from __future__ import annotations

import zipfile
from pathlib import Path

MIMETYPE = b"application/epub+zip"


def _info(name: str, date_time, compress: int) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=tuple(date_time))
    info.compress_type = compress
    info.create_system = 3                 # Unix, whatever the machine
    info.external_attr = 0o100644 << 16    # a regular file, rw-r--r--
    return info


def render(inputs: dict, out: Path) -> None:
    date_time = inputs["date_time"]
    partial = out.with_name(out.name + ".part")
    with zipfile.ZipFile(partial, "w") as book:
        book.writestr(_info("mimetype", date_time, zipfile.ZIP_STORED), MIMETYPE)
        for name, data in inputs["entries"]:
            book.writestr(_info(name, date_time, zipfile.ZIP_DEFLATED), data, compresslevel=9)
    partial.replace(out)
