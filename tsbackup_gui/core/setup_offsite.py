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
import secrets as secrets_mod
import shutil
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Callable

from .errors import Exit, UserError
from .messages import QT_TRANSLATE_NOOP, Message, define
from .restic_errors import ResticError, display_repo
from .secondary import PASSWORD_SECRET

log = logging.getLogger(__name__)

EXTERNAL_PREFIX = "external:"
LOCAL_PREFIX = "local:"
GENERATED_PASSWORD_BYTES = 32  # token_urlsafe: 43 characters, 256 bits

NOT_SUPPORTED = define(
    "setup.offsite_not_supported",
    QT_TRANSLATE_NOOP(
        "core",
        "Off-site targets of the kind '{kind}' are not supported yet. Give a folder (a network share or a drive) "
        "or external:DESCRIPTION.",
    ),
)
EXTERNAL_EMPTY = define(
    "setup.offsite_external_empty",
    QT_TRANSLATE_NOOP(
        "core",
        "Say after external: how the off-site copy is made, for example external:NAS copy to the partner's office.",
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
FOLDER_NOT_EMPTY = define(
    "setup.offsite_folder_not_empty",
    QT_TRANSLATE_NOOP(
        "core",
        "The folder {repo} holds other files and no off-site backup. Name a new or empty folder for the off-site backup.",
    ),
)
INSIDE_SOURCE = define(
    "setup.offsite_inside_source",
    QT_TRANSLATE_NOOP(
        "core",
        "The off-site backup {repo} would lie inside the data folder {source}. Choose a folder on another drive or computer.",
    ),
)
NEED_PASSWORD = define(
    "setup.offsite_need_password",
    QT_TRANSLATE_NOOP(
        "core",
        "There is already an off-site backup at {repo}. Give its password with --password-stdin "
        "(it is on the recovery sheet); nothing was changed.",
    ),
)
WRONG_PASSWORD = define(
    "setup.offsite_wrong_password",
    QT_TRANSLATE_NOOP(
        "core",
        "The password does not open the off-site backup at {repo}. Give the password from the recovery sheet; "
        "nothing was changed.",
    ),
)
CANNOT_OPEN = define(
    "setup.offsite_cannot_open",
    QT_TRANSLATE_NOOP("core", "The off-site backup could not be set up, and nothing was changed: {reason}"),
)
NO_SECONDARY_FOR = define(
    "setup.offsite_option_alone",
    QT_TRANSLATE_NOOP("core", "{option} belongs to an off-site backup: give --secondary as well."),
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
CREATED = define(
    "setup.offsite_created",
    QT_TRANSLATE_NOOP("core", "A new encrypted off-site backup was created at {repo}."),
)
OPENED = define(
    "setup.offsite_opened",
    QT_TRANSLATE_NOOP("core", "The existing off-site backup at {repo} is used; its password was accepted."),
)
GENERATED = define(
    "setup.offsite_generated",
    QT_TRANSLATE_NOOP(
        "core",
        "Its password was generated and stored in this computer's password store. Print the recovery sheet "
        "(tsbackup recovery-sheet --to FILE.pdf) and keep it away from this computer: without that password the "
        "off-site backup cannot be restored.",
    ),
)
EXTERNAL_SET = define(
    "setup.offsite_external",
    QT_TRANSLATE_NOOP(
        "core",
        "The off-site copy is made outside this program ({text}); the monthly check will ask you to confirm it.",
    ),
)


@dataclass
class SecondaryOptions:
    """What setup was given about the off-site backup; None means "not given"."""

    target: str | None = None  # --secondary
    password: str | None = field(default=None, repr=False)  # never in a repr or log; one line of stdin (--password-stdin), without its newline
    limit_upload: int | str | None = None  # --limit-upload KiB/s
    ssh_key: str | None = None  # --ssh-key FILE (SFTP)
    s3_keys: tuple[str, str] | None = field(default=None, repr=False)  # never in a repr or log; --s3-keys-stdin: access key id and secret key (else the environment)
    append_only: bool = False  # --append-only (REST server)
    environ: dict[str, str] | None = field(default=None, repr=False)  # never in a repr or log; where backend secrets are read from (None: os.environ)

    @property
    def given(self) -> bool:
        return (self.target is not None or self.password is not None or self.limit_upload is not None
                or self.ssh_key is not None or self.s3_keys is not None or self.append_only)


@dataclass
class SecondaryPlan:
    """The checked off-site setup, ready to store: ``secondary`` for the config, the password for the keyring."""

    secondary: dict[str, Any]
    password: str | None = field(default=None, repr=False)  # to store in the keyring; None: nothing to store
    created: bool = False  # a new repository was initialised by this setup
    generated: bool = False  # the password was generated (never shown; the recovery sheet carries it)
    changed: bool = False  # another target or password than before: the recovery sheet must be confirmed again
    notes: list[Message] = field(default_factory=list)
    backend_secrets: dict[str, str | None] = field(default_factory=dict, repr=False)  # S3 keys, REST login, passphrase
    _undo: list[Callable[[], None]] = field(default_factory=list, repr=False)

    def undo(self) -> None:
        """Removes what planning made (a freshly initialised repository); quiet, for a failed setup."""
        for step in reversed(self._undo):
            try:
                step()
            except Exception:  # the setup is failing already: its own sentence matters, not this one
                log.warning("could not remove the new off-site repository again", exc_info=True)
        self._undo.clear()


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
        if not previous or not previous.get("repo") or previous.get("kind") == "external":
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
    from .setup_remote import check_options_for

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
    same = bool(previous) and previous.get("kind") == "external" and previous.get("text") == text
    secondary = {"kind": "external", "text": text, "since": _since(previous, same, now)}
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
    real, real_source = path.resolve(), source.resolve()
    if real == real_source or real_source in real.parents:
        raise UserError(INSIDE_SOURCE(repo=shown, source=str(source)), Exit.USAGE)
    folder_existed = path.exists()
    return _open_or_create(repo, options, limit, previous=previous, secrets=secrets, now=now, kind="folder",
                           restic_factory=restic_factory, fresh_folder=None if folder_existed else path,
                           empty_check=path if folder_existed else None)


def _open_or_create(repo: str, options: SecondaryOptions, limit: int | None, *, previous, secrets, now: datetime,
                    kind: str, restic_factory, fresh_folder: Path | None, empty_check: Path | None) -> SecondaryPlan:
    """The common part of every restic target: which password, open or init, what changed."""
    from .restic import Restic

    factory = restic_factory or Restic
    shown = display_repo(repo)
    stored = secrets.get(PASSWORD_SECRET)  # also proves the password store works before restic runs
    same_repo = bool(previous) and str(previous.get("repo") or "") == repo
    given = options.password
    candidate = given if given is not None else (stored if stored else secrets_mod.token_urlsafe(GENERATED_PASSWORD_BYTES))
    try:
        restic = factory(repo, candidate)
        exists = restic.is_repository()
    except ResticError as error:
        if error.code == "offsite.wrong_password":
            if given is not None:
                raise UserError(WRONG_PASSWORD(repo=shown), Exit.USAGE) from None
            raise UserError(NEED_PASSWORD(repo=shown), Exit.USAGE) from None
        raise UserError(CANNOT_OPEN(reason=error.message), Exit.USAGE) from None
    plan = SecondaryPlan({"kind": kind, "repo": repo})
    if exists:
        plan.notes.append(OPENED(repo=shown))
    else:
        if empty_check is not None and _has_entries(empty_check):
            raise UserError(FOLDER_NOT_EMPTY(repo=shown), Exit.USAGE)
        if given is None:  # a new repository gets a new, strong password, never one typed or reused
            candidate = secrets_mod.token_urlsafe(GENERATED_PASSWORD_BYTES)
            restic = factory(repo, candidate)
            plan.generated = True
        try:
            restic.init()
        except ResticError as error:
            if fresh_folder is not None:
                shutil.rmtree(fresh_folder, ignore_errors=True)
            raise UserError(CANNOT_OPEN(reason=error.message), Exit.USAGE) from None
        plan.created = True
        plan._undo.append(lambda: _remove_new_repository(fresh_folder, empty_check))
        plan.notes.append(CREATED(repo=shown))
        if plan.generated:
            plan.notes.append(GENERATED())
    plan.password = candidate if candidate != stored else None
    plan.changed = not same_repo or plan.password is not None or plan.created
    keep = (previous or {}).get("keep") if same_repo else None
    if keep:
        plan.secondary["keep"] = keep
    if same_repo and (previous or {}).get("append_only"):
        plan.secondary["append_only"] = True
    if limit:
        plan.secondary["limit_upload_kib"] = limit
    plan.secondary["since"] = _since(previous, same_repo, now)
    return plan


def _since(previous: dict[str, Any] | None, same: bool, now: datetime) -> str:
    """When this off-site target was set up: the age warning counts from here until a first copy exists."""
    if same and previous and previous.get("since"):
        return str(previous["since"])
    return now.isoformat(timespec="seconds")


def _has_entries(folder: Path) -> bool:
    try:
        with os.scandir(folder) as entries:
            return any(True for _ in entries)
    except OSError:
        return False


def _remove_new_repository(fresh_folder: Path | None, emptied: Path | None) -> None:
    """A repository this setup created: its folder goes (if we made it) or is emptied again."""
    if fresh_folder is not None:
        shutil.rmtree(fresh_folder)
        return
    if emptied is not None:
        for entry in list(emptied.iterdir()):
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry)
            else:
                entry.unlink()


def _plan_remote(*args, **kwargs) -> SecondaryPlan:
    from .setup_remote import plan_remote  # imported late: it imports this module

    return plan_remote(*args, **kwargs)


#: Target kinds setup can open (each a function like `_plan_folder`).
_KINDS: dict[str, Callable[..., SecondaryPlan]] = {
    "folder": _plan_folder, "sftp": _plan_remote, "s3": _plan_remote, "rest": _plan_remote,
}
