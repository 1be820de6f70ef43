"""One app per user: a second start asks the first to show its window, then exits.

A lock file in the state dir decides who is first (Qt's QLockFile: it notices
a lock left by a crashed app); a local socket carries the "show" request.
Both are named after the user's state dir, so a demo (its own
TSBACKUP_HOME) and the real app do not get in each other's way.
"""

from __future__ import annotations

import hashlib
import logging
import time
from pathlib import Path

from PySide6.QtCore import QByteArray, QLockFile, QObject, QThread, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from tsbackup_gui.core.places import places
from tsbackup_gui.core.platform import user_name

log = logging.getLogger(__name__)

SHOW = b"show\n"


def server_name(state_dir: Path) -> str:
    digest = hashlib.sha256(f"{user_name()}\0{Path(state_dir).absolute()}".encode()).hexdigest()[:16]
    return f"tsbackup-{digest}"


class SingleInstance(QObject):
    activated = Signal()  # another start asked us to show ourselves

    def __init__(self, state_dir: Path | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.state_dir = Path(state_dir) if state_dir is not None else places().state_dir
        self.name = server_name(self.state_dir)
        self.server: QLocalServer | None = None
        self._lock: QLockFile | None = None

    def claim(self, wait_ms: int = 3000) -> bool:
        """True: we are the first and now listen. False: another app runs and was asked to show."""
        self.state_dir.mkdir(parents=True, exist_ok=True)
        lock = QLockFile(str(self.state_dir / "app.lock"))
        lock.setStaleLockTime(0)  # only a dead owner makes a lock stale, never its age
        if lock.tryLock(0):
            self._lock = lock
            self._listen()
            return True
        self._ask_first_to_show(wait_ms)
        return False

    def release(self) -> None:
        if self.server is not None:
            for socket in self.server.findChildren(QLocalSocket):
                try:
                    socket.readyRead.disconnect(self._ready)
                except (RuntimeError, TypeError):
                    pass
                socket.abort()
            self.server.close()
            self.server = None
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None

    def _listen(self) -> None:
        QLocalServer.removeServer(self.name)  # a socket file left by a crash (we hold the lock)
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.name):
            log.warning("single instance: cannot listen on %s: %s", self.name, server.errorString())
            return
        server.newConnection.connect(self._accept)
        self.server = server

    def _accept(self) -> None:
        while self.server is not None and self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            # Qt owns the socket (a child of the server) and frees it; no Python closure holds it.
            socket.readyRead.connect(self._ready)
            socket.disconnected.connect(socket.deleteLater)
            if socket.bytesAvailable():
                self._read(socket)

    def _ready(self) -> None:
        socket = self.sender()
        if isinstance(socket, QLocalSocket):
            self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        data = bytes(socket.readAll().data())
        if SHOW.strip() in data:
            self.activated.emit()

    def _ask_first_to_show(self, wait_ms: int) -> None:
        """The first app may still be starting: try for a moment, then give up quietly."""
        socket = QLocalSocket()
        deadline = time.monotonic() + wait_ms / 1000
        while True:
            socket.connectToServer(self.name)
            if socket.waitForConnected(200):
                socket.write(QByteArray(SHOW))
                socket.waitForBytesWritten(1000)
                socket.disconnectFromServer()
                return
            socket.abort()
            if time.monotonic() >= deadline:
                break
            QThread.msleep(100)  # before our event loop runs: nothing else to keep alive
        log.warning("another tsbackup app holds the lock but does not answer on %s", self.name)
