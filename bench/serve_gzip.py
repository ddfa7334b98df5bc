"""A small static file server that compresses like a real host (gzip), for the benchmarks.

`python -m http.server` sends everything uncompressed, which inflates page weight and
distorts Lighthouse's figures. This one gzips text types when the client accepts it,
serves index.html for directories and 404.html for missing files.

    python bench/serve_gzip.py SITE_DIR [PORT]
"""

from __future__ import annotations

import gzip
import mimetypes
import sys
import threading
from functools import partial
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

COMPRESSIBLE = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml",
                "application/wasm", "application/manifest+json")
TYPES = {".js": "application/javascript", ".mjs": "application/javascript", ".json": "application/json",
         ".wasm": "application/wasm", ".svg": "image/svg+xml", ".xml": "application/xml",
         ".woff2": "font/woff2", ".pf_meta": "application/octet-stream", ".pf_index": "application/octet-stream",
         ".pf_fragment": "application/octet-stream", ".pagefind": "application/octet-stream"}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def __init__(self, *args, root: Path, cache: dict, **kwargs):
        self.root, self.cache = root, cache
        super().__init__(*args, **kwargs)

    def log_message(self, *args):
        pass

    def _resolve(self) -> tuple[int, Path | None]:
        path = unquote(urlsplit(self.path).path)
        target = (self.root / path.lstrip("/")).resolve()
        if self.root not in target.parents and target != self.root:
            return 404, None
        if target.is_dir():
            if not path.endswith("/"):
                return 301, target
            target = target / "index.html"
        if target.is_file():
            return 200, target
        missing = self.root / "404.html"
        return 404, (missing if missing.is_file() else None)

    def _send(self, head_only: bool):
        status, target = self._resolve()
        if status == 301:
            self.send_response(301)
            self.send_header("Location", urlsplit(self.path).path + "/")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if target is None:
            self.send_error(404)
            return
        kind = TYPES.get(target.suffix) or mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        body = target.read_bytes()
        compress = "gzip" in self.headers.get("Accept-Encoding", "") and kind.startswith(COMPRESSIBLE)
        if compress:
            key = str(target)
            if key not in self.cache:
                self.cache[key] = gzip.compress(body, compresslevel=9, mtime=0)
            body = self.cache[key]
        self.send_response(status)
        self.send_header("Content-Type", kind + ("; charset=utf-8" if kind.startswith("text/") else ""))
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=3600")
        self.send_header("Vary", "Accept-Encoding")
        if compress:
            self.send_header("Content-Encoding", "gzip")
        self.end_headers()
        if not head_only:
            self.wfile.write(body)

    def do_GET(self):
        self._send(head_only=False)

    def do_HEAD(self):
        self._send(head_only=True)


def serve(root: Path, port: int = 0) -> tuple[ThreadingHTTPServer, str]:
    """Start serving `root` in a thread on 127.0.0.1; returns the server and its base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", port), partial(Handler, root=Path(root).resolve(), cache={}))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_port}/"


if __name__ == "__main__":
    server, url = serve(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 8000)
    print(f"serving {sys.argv[1]} with gzip at {url} (Ctrl-C stops)")
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        server.shutdown()
