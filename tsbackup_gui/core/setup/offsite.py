"""The off-site part of `tsbackup setup`: open or create the restic repository, decide its password.

Everything here happens before setup writes anything of its own, so a wrong
password, a missing mount or a refused folder leaves the previous
configuration and its keyring entry exactly as they were. The one side
effect that has to come first is ``restic init`` for a new repository (the
password is only known to work once restic accepted it); `SecondaryPlan.undo`
removes such a fresh, empty repository again when a later step of the setup
fails, so a failed setup never leaves a repository whose password nobody has.

Targets by form (``--secondary``):

- a folder path (a NAS share, a mounted drive, a UNC path, ``local:/path``):
  kind ``folder``. Its parent folder must exist: a share that is not mounted
  shows up as a missing folder, and we must not create the repository on the
  local disk under the empty mount point instead. (An empty mount point that
  *is itself* the repository folder cannot be told from an empty folder; name
  a folder below the mount point, as the README says.)
- ``external:TEXT``: the off-site copy is made outside this program (NAS to
  NAS, a provider's agent); nothing to open, the monthly check asks the user.
- ``sftp:…``, ``s3:…``, ``rest:…``: `setup_remote` (the backend's secrets,
  the SFTP host key), then the same open-or-create as a folder.
"""

from __future__ import annotations

import logging
import os
import re
from datetime import datetime
from pathlib import Path
from typing import Any, Callable

from tsbackup_gui.core.offsite.records import is_external, readable_repo
from tsbackup_gui.core.errors import Exit, UserError
from tsbackup_gui.core.messages import QT_TRANSLATE_NOOP, define
from tsbackup_gui.core.restic.errors import display_repo
from tsbackup_gui.core.offsite.targets import EXTERNAL_EMPTY, refuse_top_of_drive
from tsbackup_gui.core.setup.offsite_repo import (NO_SECONDARY_FOR, SecondaryOptions, SecondaryPlan, open_or_create,
                                                  since)
from tsbackup_gui.core.setup.remote import check_options_for, plan_remote

log = logging.getLogger(__name__)

EXTERNAL_PREFIX = "external:"
LOCAL_PREFIX = "local:"

NOT_SUPPORTED = define(
    "setup.offsite_not_supported",
    QT_TRANSLATE_NOOP(
        "core",
        "Off-site targets of the kind '{kind}' are not supported yet. Give a folder (a network share or a drive) "
        "or external:DESCRIPTION.",
    ),
)
PARENT_MISSING = define(
    "setup.offsite_parent_missing",
    QT_TRANSLATE_NOOP(
        "core",
        "The folder {parent} does not exist, so the off-site backup cannot be placed at {repo}. Connect the drive or "
        "network share (or create the folder), then run the setup again.",
    ),
)
REPO_NOT_FOLDER = define(
    "setup.offsite_not_folder",
    QT_TRANSLATE_NOOP("core", "{repo} is a file, not a folder. Name a folder for the off-site backup."),
)
INSIDE_SOURCE = define(
    "setup.offsite_inside_source",
    QT_TRANSLATE_NOOP(
        "core",
        "The off-site backup {repo} would lie inside the data folder {source}. Choose a folder on another drive or computer.",
    ),
)
PASSWORD_FOR_EXTERNAL = define(
    "setup.offsite_external_password",
    QT_TRANSLATE_NOOP("core", "{option} cannot be used with external: this program does not make that off-site copy."),
)
BAD_LIMIT = define(
    "setup.offsite_bad_limit",
    QT_TRANSLATE_NOOP(
        "core",
        "--limit-upload needs the upload limit in KiB/s as a whole number (0 for no limit), not '{value}'.",
    ),
)
EXTERNAL_SET = define(
    "setup.offsite_external",
    QT_TRANSLATE_NOOP(
        "core",
        "The off-site copy is made outside this program ({text}); the monthly check will ask you to confirm it.",
    ),
)


# -- parsing ----------------------------------------------------------------------------


def parse_limit(value: int | str | None) -> int | None:
    """KiB/s as a whole number; 0 (or nothing) means no limit."""
    if value is None:
        return None
    text = str(value).strip()
    if not re.fullmatch(r"\d+", text):
        raise UserError(BAD_LIMIT(value=value), Exit.USAGE)
    return int(text) or None


def target_kind(value: str) -> str:
    """``folder``, ``external`` or the URL scheme restic would use (``sftp``, ``s3``, ``rest``, …)."""
    if value.startswith(EXTERNAL_PREFIX):
        return "external"
    if value.startswith(LOCAL_PREFIX):
        return "folder"
    if re.match(r"^[A-Za-z]:[\\/]", value) or value.startswith(("/", "\\\\", ".", "~")):
        return "folder"
    match = re.match(r"^([A-Za-z][A-Za-z0-9+.-]*):", value)
    return match.group(1).lower() if match else "folder"


def _folder_path(value: str) -> Path:
    text = value[len(LOCAL_PREFIX):] if value.startswith(LOCAL_PREFIX) else value
    return Path(os.path.abspath(os.path.expanduser(text)))


# -- planning ---------------------------------------------------------------------------


def plan_secondary(options: SecondaryOptions, *, previous: dict[str, Any] | None, secrets, source: Path,
                   now: datetime, restic_factory: Callable[..., Any] | None = None) -> SecondaryPlan | None:
    """Checks the off-site target and opens (or creates) its repository; stores nothing.

    None when setup was given nothing about the off-site backup (the previous
    one is kept as it is). ``secrets`` is this setup's `SecretStore`.
    """
    if not options.given:
        return None
    limit = parse_limit(options.limit_upload)
    value = options.target
    if value is None:  # --password-stdin / --limit-upload alone: about the off-site backup already set up
        if readable_repo(previous) is None:
            option = next(name for name, given in (
                ("--password-stdin", options.password), ("--limit-upload", options.limit_upload),
                ("--ssh-key", options.ssh_key), ("--s3-keys-stdin", options.s3_keys),
                ("--append-only", options.append_only or None)) if given is not None)
            raise UserError(NO_SECONDARY_FOR(option=option), Exit.USAGE)
        value = str(previous["repo"])
        if options.limit_upload is None:
            limit = previous.get("limit_upload_kib")
    value = value.strip()
    kind = target_kind(value)
    if kind == "external":
        return _plan_external(value, options, previous, now)
    if kind not in _KINDS:
        raise UserError(NOT_SUPPORTED(kind=kind), Exit.USAGE)
    check_options_for(kind, value, options)  # --ssh-key, --s3-keys-stdin, --append-only only where they belong
    return _KINDS[kind](value, options, limit, previous=previous, secrets=secrets, source=source, now=now,
                        restic_factory=restic_factory)


def _plan_external(value: str, options: SecondaryOptions, previous: dict[str, Any] | None, now: datetime) -> SecondaryPlan:
    text = value[len(EXTERNAL_PREFIX):].strip()
    if not text:
        raise UserError(EXTERNAL_EMPTY(), Exit.USAGE)
    for option, given in (("--password-stdin", options.password), ("--limit-upload", options.limit_upload),
                          ("--ssh-key", options.ssh_key), ("--s3-keys-stdin", options.s3_keys),
                          ("--append-only", options.append_only or None)):
        if given is not None:
            raise UserError(PASSWORD_FOR_EXTERNAL(option=option), Exit.USAGE)
    same = is_external(previous) and previous.get("text") == text
    secondary = {"kind": "external", "text": text, "since": since(previous, same, now)}
    return SecondaryPlan(secondary, changed=not same, notes=[EXTERNAL_SET(text=text)])


def _plan_folder(value: str, options: SecondaryOptions, limit: int | None, *, previous, secrets, source: Path,
                 now: datetime, restic_factory) -> SecondaryPlan:
    path = _folder_path(value)
    repo = str(path)
    shown = display_repo(repo)
    if path.exists() and not path.is_dir():
        raise UserError(REPO_NOT_FOLDER(repo=shown), Exit.USAGE)
    if not path.parent.is_dir():
        raise UserError(PARENT_MISSING(parent=str(path.parent), repo=shown), Exit.USAGE)
    refuse_top_of_drive(path)
    real, real_source = path.resolve(), source.resolve()
    if real == real_source or real_source in real.parents:
        raise UserError(INSIDE_SOURCE(repo=shown, source=str(source)), Exit.USAGE)
    folder_existed = path.exists()
    return open_or_create(repo, options, limit, previous=previous, secrets=secrets, now=now, kind="folder",
                           restic_factory=restic_factory, fresh_folder=None if folder_existed else path,
                           empty_check=path if folder_existed else None)


#: Target kinds setup can open (each a function like `_plan_folder`).
_KINDS: dict[str, Callable[..., SecondaryPlan]] = {
    "folder": _plan_folder, "sftp": plan_remote, "s3": plan_remote, "rest": plan_remote,
}
