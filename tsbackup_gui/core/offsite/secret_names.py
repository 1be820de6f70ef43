"""Every keyring entry name a setup may hold, in one list.

The keyring cannot list what is stored, so forgetting a setup and scrubbing
the diagnostics bundle need the names. Each target module owns its name;
this only collects them. A module that adds a secret adds its name here too.
"""

from __future__ import annotations

from typing import Iterable


def secret_names() -> list[str]:
    from tsbackup_gui.core.store import secrets as secrets_mod
    from tsbackup_gui.core.offsite.upload import PASSWORD_SECRET as REPO_PASSWORD
    from tsbackup_gui.core.offsite.rest import PASSWORD_SECRET as REST_PASSWORD
    from tsbackup_gui.core.offsite.rest import USER_SECRET as REST_USER
    from tsbackup_gui.core.offsite.s3 import ACCESS_KEY_SECRET, SECRET_KEY_SECRET
    from tsbackup_gui.core.offsite.sftp import PASSPHRASE_SECRET

    names = [REPO_PASSWORD, SECRET_KEY_SECRET, ACCESS_KEY_SECRET, REST_PASSWORD, REST_USER, PASSPHRASE_SECRET,
             getattr(secrets_mod, "SMTP_PASSWORD", "smtp-password")]
    return list(dict.fromkeys(names))


def stored_secrets(secrets, names: Iterable[str] | None = None) -> dict[str, str]:
    """name → value of every entry this setup has (``secrets``: a `SecretStore`, anything with ``get``)."""
    found = {}
    for name in names if names is not None else secret_names():
        value = secrets.get(name)
        if value:
            found[name] = value
    return found
