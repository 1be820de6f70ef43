"""Opening or creating the restic repository of an off-site target: the part every restic target shares.

Which password (given, stored or generated), open or init, what changed since the
previous setup, and how to take a freshly made repository back when setup fails.
`setup.offsite` plans folder targets with it, `setup.remote` the SFTP, S3 and
REST targets; both come here, never to each other's internals.
"""

from __future__ import annotations

import logging
import os
import secrets as secrets_mod
import shutil
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Callable

from tsbackup_gui.core.errors import Exit, UserError
from tsbackup_gui.core.messages import QT_TRANSLATE_NOOP, Message, define
from tsbackup_gui.core.offsite.upload import PASSWORD_SECRET
from tsbackup_gui.core.restic.errors import ResticError, display_repo

log = logging.getLogger(__name__)

#: The letters of a generated password: lower case only, and none that a reader of the printed sheet could
#: take for another (no 0/o, 1/l, no - or _ inside a group). 32 letters: 5 bits each.
PASSWORD_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789"
PASSWORD_GROUPS, PASSWORD_GROUP_LENGTH = 6, 5  # 30 letters: 150 bits, typed as six groups of five joined by -


def generate_password() -> str:
    """A new off-site password that is easy to read off paper and type: "k7xq2-mbr9t-…" (150 bits)."""
    return "-".join("".join(secrets_mod.choice(PASSWORD_ALPHABET) for _ in range(PASSWORD_GROUP_LENGTH))
                    for _ in range(PASSWORD_GROUPS))


FOLDER_NOT_EMPTY = define(
    "setup.offsite_folder_not_empty",
    QT_TRANSLATE_NOOP(
        "core",
        "The folder {repo} holds other files and no off-site backup. Name a new or empty folder for the off-site backup.",
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

CREATED = define(
    "setup.offsite_created",
    QT_TRANSLATE_NOOP(
        "core",
        "No off-site backup existed at {repo}, so a new, encrypted one was created there. If you meant an existing "
        "one, check the address: a typing error creates a new, empty backup.",
    ),
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


def open_or_create(repo: str, options: SecondaryOptions, limit: int | None, *, previous, secrets, now: datetime,
                    kind: str, restic_factory, fresh_folder: Path | None, empty_check: Path | None) -> SecondaryPlan:
    """The common part of every restic target: which password, open or init, what changed."""
    from tsbackup_gui.core.restic.driver import Restic

    factory = restic_factory or Restic
    shown = display_repo(repo)
    stored = secrets.get(PASSWORD_SECRET)  # also proves the password store works before restic runs
    same_repo = bool(previous) and str(previous.get("repo") or "") == repo
    given = options.password
    candidate = given if given is not None else (stored if stored else generate_password())
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
            candidate = generate_password()
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
    plan.secondary["since"] = since(previous, same_repo, now)
    return plan


def since(previous: dict[str, Any] | None, same: bool, now: datetime) -> str:
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
