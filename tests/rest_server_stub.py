"""A small stand-in for restic's rest-server (no package of it exists here): restic's REST protocol v1,
basic authentication, and rest-server's ``--append-only`` rule (nothing but locks may be deleted).

Files lie as rest-server lays them out (``data/ab/abcd…``), so the plain restic
binary can open the same folder as a local repository to check what arrived.
Every request is recorded (method, path, user) for the tests.
"""

from __future__ import annotations

import base64
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

TYPES = ("data", "keys", "locks", "snapshots", "index")


class RestServer:
    def __init__(self, root: Path, user: str, password: str, *, append_only: bool = False):
        self.root, self.append_only = root, append_only
        self.login = "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()
        self.requests: list[tuple[str, str, bool]] = []  # (method, path, authorized)
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):  # quiet
                pass

            def _reply(self, code: int, body: bytes = b"", content_type: str = "application/octet-stream",
                       length: int | None = None) -> None:
                self.send_response(code)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body) if length is None else length))
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(body)

            def _route(self):
                authorized = self.headers.get("Authorization") == server.login
                server.requests.append((self.command, self.path, authorized))
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                if not authorized:
                    return self._reply(401, b"Unauthorized\n", "text/plain")
                path = self.path.split("?")[0].rstrip("/")
                if self.command == "POST" and path == "" and "create=true" in self.path:
                    for kind in TYPES:
                        (server.root / kind).mkdir(parents=True, exist_ok=True)
                    return self._reply(200)
                match = re.fullmatch(r"/(config)|/(data|keys|locks|snapshots|index)(?:/([0-9a-f]+))?", path)
                if not match:
                    return self._reply(404)
                kind, name = match.group(2), match.group(3)
                if match.group(1):
                    file = server.root / "config"
                elif name is None:  # a listing
                    folder = server.root / kind
                    names = sorted(p.name for p in folder.rglob("*") if p.is_file()) if folder.is_dir() else []
                    if self.command != "GET":
                        return self._reply(405)
                    return self._reply(200, ("[" + ",".join(f'"{n}"' for n in names) + "]").encode(),
                                       "application/vnd.x.restic.rest.v1")
                else:
                    file = server.root / kind / (name[:2] if kind == "data" else "") / name
                return self._file(file, kind, body)

            def _file(self, file: Path, kind: str | None, body: bytes):
                if self.command in ("GET", "HEAD"):
                    if not file.is_file():
                        return self._reply(404)
                    data = file.read_bytes()
                    wanted = re.fullmatch(r"bytes=(\d+)-(\d*)", self.headers.get("Range") or "")
                    if wanted:
                        start = int(wanted.group(1))
                        end = int(wanted.group(2)) if wanted.group(2) else len(data) - 1
                        part = data[start:end + 1]
                        self.send_response(206)
                        self.send_header("Content-Length", str(len(part)))
                        self.send_header("Content-Range", f"bytes {start}-{start + len(part) - 1}/{len(data)}")
                        self.end_headers()
                        self.wfile.write(part)
                        return None
                    return self._reply(200, data, length=len(data))
                if self.command == "POST":
                    if file.exists() and server.append_only:
                        return self._reply(403)
                    file.parent.mkdir(parents=True, exist_ok=True)
                    file.write_bytes(body)
                    return self._reply(200)
                if self.command == "DELETE":
                    if server.append_only and kind != "locks":
                        return self._reply(403)
                    file.unlink(missing_ok=True)
                    return self._reply(200)
                return self._reply(405)

            do_GET = do_HEAD = do_POST = do_DELETE = _route

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> "RestServer":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    @property
    def url(self) -> str:
        return f"rest:http://127.0.0.1:{self.port}/"
