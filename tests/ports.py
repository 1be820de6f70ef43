"""Ports for the local test servers, safe when other test runs (other workers, other checkouts) pick
ports at the same time.

A port found free and released again may be taken by someone else before our server binds it.
`held_port` keeps the port bound (SO_REUSEADDR, not listening) until the server listens on it:
servers that set SO_REUSEADDR themselves (sshd, Python's http.server and asyncio, hence moto and
aiosmtpd) may bind it meanwhile, while the kernel hands it to nobody else. `closed_port` keeps a
port bound and never listens: connections to it are refused, for as long as this process lives.
"""

from __future__ import annotations

import contextlib
import socket
from typing import Iterator

_CLOSED: list[socket.socket] = []


@contextlib.contextmanager
def held_port() -> Iterator[int]:
    """A port on 127.0.0.1 that stays ours while the block runs: start the server inside it and
    wait there until it listens."""
    sock = socket.socket()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    try:
        yield sock.getsockname()[1]
    finally:
        sock.close()


def closed_port() -> int:
    """A port on 127.0.0.1 nothing listens on, kept bound (so refused at once) until this process ends."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    _CLOSED.append(sock)
    return sock.getsockname()[1]
