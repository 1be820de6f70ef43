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


SECURITY_FRAMEWORK = "/System/Library/Frameworks/Security.framework/Security"


def forbid_prompts(macos: bool | None = None, load=None) -> bool:
    """For runs nobody watches (the OS task): a Keychain item this program may not read without
    asking makes keyring fail at once (errSecInteractionNotAllowed, a `KeyringError`, then our
    sentence) instead of showing "wants to use your confidential information" and waiting for a
    click that never comes. macOS only (``SecKeychainSetUserInteractionAllowed``, per process);
    elsewhere, and when the call is not there, nothing changes. Returns whether it was switched off."""
    import sys

    if not (sys.platform == "darwin" if macos is None else macos):
        return False
    try:
        if load is None:
            import ctypes

            load = ctypes.CDLL
        security = load(SECURITY_FRAMEWORK)
        return security.SecKeychainSetUserInteractionAllowed(0) == 0
    except (OSError, AttributeError):
        return False


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
        except (OSError, RuntimeError, ValueError) as exc:  # a backend's own failure (ctypes, D-Bus): the same sentence
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
