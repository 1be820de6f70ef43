"""Secrets (repository password, S3 keys, SMTP password) in the OS keyring only.

One keyring entry per setup id and name, so two setups never overwrite each
other. keyring's own ``PYTHON_KEYRING_BACKEND`` is honoured. When no usable
backend exists we say so and stop: a silent plaintext fallback (as Vorta had)
would leave a law firm's key in a file nobody knows about.

Keyring calls can block (D-Bus, a locked keychain): never call this on the
GUI thread.
"""

from __future__ import annotations

from tsbackup_gui.core.errors import Exit, UserError
from tsbackup_gui.core.messages import QT_TRANSLATE_NOOP, define

SERVICE = "tsbackup"
SMTP_PASSWORD = "smtp-password"  # the report e-mails' SMTP login (core/reports.py)

NO_KEYRING = define(
    "secrets.no_backend",
    QT_TRANSLATE_NOOP(
        "core",
        "No password store is available on this computer. Install or unlock one "
        "(Windows Credential Manager, macOS Keychain, or GNOME Keyring/KWallet on Linux), then try again.",
    ),
)
KEYRING_FAILED = define(
    "secrets.failed",
    QT_TRANSLATE_NOOP("core", "The password store refused access ({reason}). Unlock it and try again."),
)


def _keyring():
    """keyring, loaded on first use: it costs more to import than a whole status, and a run
    without an off-site copy or mail login never asks it."""
    import keyring
    import keyring.errors

    return keyring


def _usable_backend():
    from keyring.backends import fail as fail_backend

    backend = _keyring().get_keyring()
    inner = getattr(backend, "backends", None)
    if isinstance(backend, fail_backend.Keyring) or (inner is not None and not inner):
        raise UserError(NO_KEYRING(), Exit.USAGE)
    return backend


class SecretStore:
    """The secrets of one setup."""

    def __init__(self, setup_id: str):
        if not setup_id:
            raise ValueError("setup id required")
        self.setup_id = setup_id

    def _entry(self, name: str) -> str:
        return f"{self.setup_id}:{name}"

    def set(self, name: str, value: str) -> None:
        backend = _usable_backend()
        try:
            backend.set_password(SERVICE, self._entry(name), value)
        except _keyring().errors.KeyringError as exc:
            raise UserError(KEYRING_FAILED(reason=type(exc).__name__), Exit.USAGE) from None

    def get(self, name: str) -> str | None:
        backend = _usable_backend()
        try:
            return backend.get_password(SERVICE, self._entry(name))
        except _keyring().errors.KeyringError as exc:
            raise UserError(KEYRING_FAILED(reason=type(exc).__name__), Exit.USAGE) from None

    def delete(self, name: str) -> bool:
        """Removes the entry; False when there was none."""
        backend = _usable_backend()
        try:
            backend.delete_password(SERVICE, self._entry(name))
        except _keyring().errors.PasswordDeleteError:
            return False
        except _keyring().errors.KeyringError as exc:
            raise UserError(KEYRING_FAILED(reason=type(exc).__name__), Exit.USAGE) from None
        return True
