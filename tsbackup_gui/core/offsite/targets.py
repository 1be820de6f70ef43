"""Off-site targets of every kind: the text forms people type, and restic opened on each.

``config.secondary`` is a plain dict; ``kind`` says which of these it is:

- ``folder``: ``{"repo": "/abs/path"}`` (a NAS share, a mounted drive, a UNC path)
- ``sftp``: ``{"repo": "sftp:…", "ssh_key": "/abs/key", "host_keys": [...], "host_key": "SHA256:…"}``
- ``s3``: ``{"repo": "s3:https://endpoint/bucket/prefix"}``
- ``rest``: ``{"repo": "rest:https://host:port/path/", "append_only": bool}``
- ``external``: ``{"text": "…"}``: made outside this program, nothing runs

Secrets (repository password, S3 keys, REST login, SSH key passphrase) are
never in that dict: they come from the keyring (or, before setup stored them,
from a plain mapping) by the names below.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any, Mapping

from tsbackup_gui.core.errors import Exit, UserError
from tsbackup_gui.core.messages import QT_TRANSLATE_NOOP, define
from tsbackup_gui.core.restic.driver import Restic
from tsbackup_gui.core.offsite import rest as targets_rest, s3 as targets_s3, sftp as targets_sftp

EXTERNAL_EMPTY = define(
    "setup.offsite_external_empty",
    QT_TRANSLATE_NOOP(
        "core",
        "Say after external: how the off-site copy is made, for example external:NAS copy to the partner's office.",
    ),
)


EXTERNAL_PREFIX = "external:"
LOCAL_PREFIX = "local:"
KINDS = ("folder", "sftp", "s3", "rest", "external")
#: Keyring names of the backend secrets, per kind (the repository password is `secondary.PASSWORD_SECRET`).
BACKEND_SECRETS = {
    "s3": (targets_s3.ACCESS_KEY_SECRET, targets_s3.SECRET_KEY_SECRET),
    "rest": (targets_rest.USER_SECRET, targets_rest.PASSWORD_SECRET),
    "sftp": (targets_sftp.PASSPHRASE_SECRET,),
}

EMPTY = define(
    "target.empty",
    QT_TRANSLATE_NOOP("core", "No off-site target was given. Give a folder, sftp://…, s3:…, rest:… or external:DESCRIPTION."),
)
UNKNOWN_KIND = define(
    "target.unknown_kind",
    QT_TRANSLATE_NOOP(
        "core",
        "Off-site targets of the kind '{kind}' are not supported. Give a folder, sftp://…, s3:…, rest:… or "
        "external:DESCRIPTION.",
    ),
)
TOP_OF_DRIVE = define(
    "target.top_of_drive",
    QT_TRANSLATE_NOOP(
        "core",
        "{repo} is the top folder of a drive or network share. Use a subfolder on it for the off-site backup, for "
        "example {example}: while the share is not connected, its empty top folder looks like an empty backup folder.",
    ),
)
USE_SUBFOLDER = define(
    "target.use_subfolder",
    QT_TRANSLATE_NOOP(
        "core",
        "{repo} is the top folder of a drive or network share. Use the subfolder {example} for the off-site backup "
        "instead?",
    ),
)
#: The subfolder suggested when the top of a drive or share was chosen.
SUBFOLDER_NAME = "timeSensor offsite"
KEY_NOT_FOR = define(
    "target.ssh_key_not_for",
    QT_TRANSLATE_NOOP("core", "--ssh-key belongs to an SFTP server (sftp://…), not to '{value}'."),
)


def is_top_of_drive(path: Path | str, *, is_mount=os.path.ismount) -> bool:
    """A drive's or share's top folder (a mount point, a drive letter's root, a share's root) that holds
    no off-site backup yet: when the share is not connected, the mount point left behind is an empty
    local folder, indistinguishable from the empty folder a new backup needs. An existing repository
    there is left alone (setups made before this rule keep working)."""
    path = Path(path)
    if (path / "config").is_file():
        return False
    return path.parent == path or (path.is_dir() and is_mount(str(path)))


def refuse_top_of_drive(path: Path | str) -> None:
    """Raises `UserError` (exit 2) with a subfolder to use instead when `path` is a drive's top folder."""
    if is_top_of_drive(path):
        raise UserError(TOP_OF_DRIVE(repo=str(path), example=str(Path(path) / SUBFOLDER_NAME)), Exit.USAGE)


def subfolder_question(path: Path | str):
    """For a folder picker: (the question, the subfolder to use) when `path` is a drive's top folder, else None."""
    if not is_top_of_drive(path):
        return None
    example = Path(path) / SUBFOLDER_NAME
    return USE_SUBFOLDER(repo=str(path), example=str(example)), example


def kind_of(text: str) -> str:
    """``folder``, ``external`` or the URL scheme restic would use (``sftp``, ``s3``, ``rest``, …)."""
    if text.startswith(EXTERNAL_PREFIX):
        return "external"
    if text.startswith(LOCAL_PREFIX) or re.match(r"^[A-Za-z]:[\\/]", text) or text.startswith(("/", "\\\\", ".", "~")):
        return "folder"
    match = re.match(r"^([A-Za-z][A-Za-z0-9+.-]*):", text)
    return match.group(1).lower() if match else "folder"


def parse_secondary(text: str, *, ssh_key: str | None = None) -> dict:
    """The text forms of the CLI and the wizard as a ``config.secondary`` dict; a bad form is a `UserError` (exit 2).

    Only the form is checked here: whether a folder exists or a server answers
    is `connection.test_connection`'s and setup's business.
    """
    value = (text or "").strip()
    if not value:
        raise UserError(EMPTY(), Exit.USAGE)
    kind = kind_of(value)
    if ssh_key is not None and kind != "sftp":
        raise UserError(KEY_NOT_FOR(value=value), Exit.USAGE)
    if kind == "external":
        description = value[len(EXTERNAL_PREFIX):].strip()
        if not description:
            raise UserError(EXTERNAL_EMPTY(), Exit.USAGE)
        return {"kind": "external", "text": description}
    if kind == "folder":
        folder = value[len(LOCAL_PREFIX):] if value.startswith(LOCAL_PREFIX) else value
        return {"kind": "folder", "repo": os.path.abspath(os.path.expanduser(folder))}
    if kind == "sftp":
        address = targets_sftp.parse_sftp(value)
        if not ssh_key:
            raise UserError(targets_sftp.NEED_KEY(), Exit.USAGE)
        key = Path(os.path.abspath(os.path.expanduser(ssh_key)))
        return {"kind": "sftp", "repo": address.repo, "ssh_key": str(key)}
    if kind == "s3":
        return {"kind": "s3", "repo": targets_s3.parse_s3(value).repo}
    if kind == "rest":
        return {"kind": "rest", "repo": targets_rest.parse_rest(value).repo}
    raise UserError(UNKNOWN_KIND(kind=kind), Exit.USAGE)


def kind_of_secondary(secondary: Mapping[str, Any]) -> str:
    """The kind of a stored dict; older ones without ``kind`` are told by their repository."""
    kind = secondary.get("kind")
    if kind in KINDS:
        return str(kind)
    repo = str(secondary.get("repo") or "")
    return kind_of(repo) if repo else "external"


def backend_env(secondary: Mapping[str, Any], secrets: Mapping[str, str] | Any) -> dict[str, str]:
    """The backend's secrets for restic's environment (S3 keys, the REST login for newer restic)."""
    kind = kind_of_secondary(secondary)
    if kind == "s3":
        return targets_s3.keys_env(secrets)
    if kind == "rest":
        return targets_rest.login_env(secrets)
    return {}


def open_target(secondary: Mapping[str, Any], password: str, secrets: Mapping[str, str] | Any = None, *,
                timeout: float = 30.0, cache_dir: Path | None = None) -> Restic:
    """restic on the configured repository of any kind; ``secrets`` holds the backend's secrets (``get``)."""
    kind = kind_of_secondary(secondary)
    repo = str(secondary.get("repo") or "")
    if kind == "external" or not repo:
        raise ValueError("an off-site copy made outside this program has no repository to open")
    if kind == "sftp":
        return targets_sftp.open_sftp(secondary, password, secrets, timeout=timeout)
    env = backend_env(secondary, secrets)
    if kind == "rest":
        inner = targets_rest.with_login(repo, secrets)
        restic = Restic(inner, password, env_extra=env, cache_dir=cache_dir)
        return restic
    return Restic(repo, password, env_extra=env, cache_dir=cache_dir)


def endpoint(secondary: Mapping[str, Any]) -> tuple[str, int] | None:
    """(host, port) a network target answers on, for a quick reachability check; None for folders."""
    kind = kind_of_secondary(secondary)
    repo = str(secondary.get("repo") or "")
    if kind == "sftp":
        address = targets_sftp.parse_sftp(repo)
        return address.host, address.port
    if kind == "s3":
        address = targets_s3.parse_s3(repo)
        return address.host, address.port
    if kind == "rest":
        address = targets_rest.parse_rest(repo)
        return address.host, address.port
    return None
