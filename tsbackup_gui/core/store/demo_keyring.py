"""The demo's password store: a plain file inside the demo's own home, never the user's keyring.

Demo mode (`tsbackup-gui --demo`) makes real off-site backups with real
passwords, but they are demo passwords: they must not land in the person's
Keychain or Credential Manager, where they would outlive the demo and mix
with real entries. `use_demo_keyring` puts this backend in place for the
process; `core.store.secrets` then reads and writes through it as through any
keyring. The file is readable by its owner only.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError

FILE_NAME = "demo-passwords.json"


class DemoKeyring(KeyringBackend):
    """Entries as JSON ``{"service\\u0000user": password}`` in one file (owner-only)."""

    priority = 0.1  # never chosen by keyring on its own: only `use_demo_keyring` sets it

    def __init__(self, file_path: Path | str):
        super().__init__()
        self.file_path = Path(file_path)

    def _read(self) -> dict[str, str]:
        try:
            data = json.loads(self.file_path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        return data if isinstance(data, dict) else {}

    def _write(self, data: dict[str, str]) -> None:
        self.file_path.parent.mkdir(parents=True, exist_ok=True)
        partial = self.file_path.with_name(self.file_path.name + ".partial")
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(data, out, indent=1, sort_keys=True)
        os.replace(partial, self.file_path)

    def get_password(self, service: str, username: str) -> str | None:
        return self._read().get(f"{service}\0{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        data = self._read()
        data[f"{service}\0{username}"] = password
        self._write(data)

    def delete_password(self, service: str, username: str) -> None:
        data = self._read()
        if data.pop(f"{service}\0{username}", None) is None:
            raise PasswordDeleteError("no such password")
        self._write(data)


def use_demo_keyring(home: Path) -> DemoKeyring:
    """This process's secrets go to ``home``/demo-passwords.json from now on."""
    import keyring

    ring = DemoKeyring(Path(home) / FILE_NAME)
    keyring.set_keyring(ring)
    return ring
