"""What the recovery sheet shows: everything a stranger needs to get the data back when this computer is gone.

The sheet is the one place where the off-site password is ever shown (setup
generates it and puts it straight into the keyring). For S3 storage it also
shows the access key id *and* the secret key: without them nobody reaches the
bucket, so a sheet without them would not restore anything, and they open
nothing the repository password does not already guard — the same trust
level, on the same locked-away page. The sheet is only as safe as the place
it is kept, which is why it says so at the top and why the status keeps
warning until the user confirms it is stored safely (`confirm`).

Commands never carry a secret on their command line (argv is visible to
every user of a computer): restic takes the password from ``RESTIC_PASSWORD``
or asks for it, ``tsbackup restore`` reads it from standard input, S3 keys
come from the environment.

`gather` reads only the configuration and the keyring it is given; rendering
is `render.recovery_sheet`'s job, writing the file the caller's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from tsbackup_gui.core.store import config as config_mod
from tsbackup_gui.core.clock import Clock
from tsbackup_gui.core.store.config import Config
from tsbackup_gui.core.errors import Exit, UserError
from tsbackup_gui.core.messages import QT_TRANSLATE_NOOP, Message, define
from tsbackup_gui.core.places import Places
from tsbackup_gui.core.offsite.upload import PASSWORD_SECRET
from tsbackup_gui.core.check.sheet_sftp import sftp_commands
from tsbackup_gui.core.offsite.records import external_text, is_external

#: Keyring names of the S3 keys (as `secondary.restic_env` reads them) and the variables restic reads.
S3_SECRETS = (("aws-access-key-id", "AWS_ACCESS_KEY_ID"), ("aws-secret-access-key", "AWS_SECRET_ACCESS_KEY"))
#: The same for a REST server's login (`targets_rest`).
REST_SECRETS = (("rest-username", "RESTIC_REST_USERNAME"), ("rest-password", "RESTIC_REST_PASSWORD"))
#: Stands for the folder to restore into in every command on the sheet; the sheet explains it.
DIR = "DIR"

KEEP_LOCKED = define(
    "recovery.keep_locked",
    QT_TRANSLATE_NOOP(
        "core",
        "Keep this sheet locked away (in a safe, or sealed with your IT partner), never next to this computer or the "
        "backup drive: whoever holds it can open the firm's off-site backups.",
    ),
)
KEEP_SAFE = define(
    "recovery.keep_safe",
    QT_TRANSLATE_NOOP(
        "core",
        "Keep this sheet with your emergency documents, away from this computer and the backup drive.",
    ),
)
PRIMARY_HOW = define(
    "recovery.primary_how",
    QT_TRANSLATE_NOOP(
        "core",
        "Each backup there is a dated folder with a plain copy of the data folder: copy it back with Finder or Explorer "
        "while timeSensor LEGAL is closed, as {howto} explains.",
    ),
)
NO_OFFSITE = define(
    "recovery.no_offsite",
    QT_TRANSLATE_NOOP(
        "core",
        "No off-site backup is set up: the backup drive holds the only copies. Set up an off-site backup so that a fire "
        "or a theft cannot take both.",
    ),
)
EXTERNAL = define(
    "recovery.external",
    QT_TRANSLATE_NOOP(
        "core",
        "The off-site copy is made outside this program ({text}). Restore it with that service's own tools; ask whoever "
        "runs it.",
    ),
)
PASSWORD_NOTE = define(
    "recovery.password_note",
    QT_TRANSLATE_NOOP(
        "core",
        "The off-site backup is encrypted with this password: without it nobody can restore it, with it anyone who "
        "reaches the repository can read the data.",
    ),
)
S3_NOTE = define(
    "recovery.s3_note",
    QT_TRANSLATE_NOOP(
        "core",
        "The S3 keys are as secret as the password: set the environment variables AWS_ACCESS_KEY_ID and "
        "AWS_SECRET_ACCESS_KEY to them before running the commands below.",
    ),
)
SFTP_NOTE = define(
    "recovery.sftp_note",
    QT_TRANSLATE_NOOP(
        "core",
        "The SFTP server lets in only an allowed SSH key. On a new computer, ask whoever runs the server (your IT "
        "partner) to allow the new computer's key first.",
    ),
)
SFTP_KEY_NOTE = define(
    "recovery.sftp_key_note",
    QT_TRANSLATE_NOOP(
        "core",
        "This computer logs in with the SSH key {key}. The server's identity (host key) is {fingerprint}: when a new "
        "computer connects for the first time, it must show the same.",
    ),
)
REST_NOTE = define(
    "recovery.rest_note",
    QT_TRANSLATE_NOOP(
        "core",
        "The REST server's user name and password are as secret as the password. tsbackup restore and newer restic "
        "versions read them from RESTIC_REST_USERNAME and RESTIC_REST_PASSWORD; for an older restic set "
        "RESTIC_REPOSITORY=rest:https://USER:PASSWORD@… instead of giving -r. Never put them on a command line.",
    ),
)
WIZARD_HOW = define(
    "recovery.wizard_how",
    QT_TRANSLATE_NOOP(
        "core",
        "The easiest way: install tsbackup on the new computer, start it and choose \"Restore from an existing "
        "backup\" in its setup assistant, then \"From the off-site backup, with the recovery sheet\". It asks for "
        "what this sheet says. The commands below do the same in a terminal.",
    ),
)
NEW_COMPUTER_HOW = define(
    "recovery.new_computer_how",
    QT_TRANSLATE_NOOP(
        "core",
        "Install tsbackup on the new computer and run this command in a terminal, with a new, empty folder instead of "
        "{dir}; type the password when it waits for it and press Enter. The data comes back in {dir}/timeSensor DataFiles.",
    ),
)
RESTIC_HOW = define(
    "recovery.restic_how",
    QT_TRANSLATE_NOOP(
        "core",
        "Without this program, restic (restic.net) lists the snapshots and restores the newest one of this computer "
        "into {dir}; it asks for the password or reads it from the environment variable RESTIC_PASSWORD.",
    ),
)
NO_PASSWORD = define(
    "recovery.no_password",
    QT_TRANSLATE_NOOP(
        "core",
        "The password of the off-site backup at {repo} is not in this computer's password store, so the recovery sheet "
        "cannot be written. Run the setup again and give that password with --password-stdin.",
    ),
)
NO_S3_KEYS = define(
    "recovery.no_s3_keys",
    QT_TRANSLATE_NOOP(
        "core",
        "The S3 keys of the off-site backup at {repo} ({missing}) are not in this computer's password store, so the "
        "recovery sheet cannot be written. Run the setup again with AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY set.",
    ),
)
FOLDER_MISSING = define(
    "recovery.folder_missing",
    QT_TRANSLATE_NOOP(
        "core",
        "The folder {folder} does not exist, so the recovery sheet cannot be saved as {path}. Name a file in an "
        "existing folder.",
    ),
)
IS_FOLDER = define(
    "recovery.is_folder",
    QT_TRANSLATE_NOOP("core", "{path} is a folder. Name the file for the recovery sheet, for example {example}."),
)
WRITE_FAILED = define(
    "recovery.write_failed",
    QT_TRANSLATE_NOOP("core", "The recovery sheet could not be saved as {path} ({reason}). Choose another folder."),
)
WRITTEN_SECRET = define(
    "recovery.written_secret",
    QT_TRANSLATE_NOOP(
        "core",
        "The recovery sheet is saved as {path}. It holds the off-site password: print it, keep the printout locked "
        "away from this computer and delete the file.",
    ),
)
CONFIRM_HINT = define(
    "recovery.confirm_hint",
    QT_TRANSLATE_NOOP(
        "core",
        "The status keeps warning until you confirm that the printout is stored safely: run the command again with "
        "--confirm.",
    ),
)
WRITTEN = define(
    "recovery.written",
    QT_TRANSLATE_NOOP(
        "core",
        "The recovery sheet is saved as {path}. Print it and keep it with your emergency documents.",
    ),
)
CONFIRMED = define(
    "recovery.confirmed",
    QT_TRANSLATE_NOOP("core", "Recorded on {date} that the recovery sheet is stored safely."),
)

_PLAIN_WORD = re.compile(r"^[A-Za-z0-9_@%+=:,./\\-]+$")


@dataclass(frozen=True)
class Credential:
    """One secret the sheet shows. ``name`` is the keyring name; ``variable`` where restic reads it from."""

    name: str
    variable: str
    value: str = field(repr=False)


@dataclass
class RecoverySheet:
    """Everything on the sheet, in no language: values, commands and message objects."""

    computer: str
    source: str
    mode: str  # "single" or "server"
    primary_folder: str  # <primary>/timeSensor Backups/<computer>
    howto: str  # <primary>/timeSensor Backups/HOW-TO-RESTORE.txt
    created: datetime
    kind: str | None = None  # None: no off-site backup; folder, sftp, s3, rest, external or another restic scheme
    repo: str | None = None  # the repository as restic takes it (credentials in a URL included: this is the sheet)
    external: str | None = None  # what the user wrote about an off-site copy made outside
    credentials: list[Credential] = field(default_factory=list)  # the password first, then backend keys
    list_command: str | None = None  # restic alone: list the snapshots
    restore_command: str | None = None  # restic alone: restore the newest snapshot of this computer
    new_computer_command: str | None = None  # tsbackup on a new computer, no configuration
    notes: list[Message] = field(default_factory=list)  # sentences for the off-site section
    wizard_how: Message | None = None  # the assistant's way, before any command
    new_computer_how: Message | None = None
    restic_how: Message | None = None
    primary_how: Message | None = None
    warning: Message = field(default_factory=KEEP_SAFE)

    @property
    def has_secrets(self) -> bool:
        return bool(self.credentials)

    @property
    def password(self) -> str | None:
        for credential in self.credentials:
            if credential.name == PASSWORD_SECRET:
                return credential.value
        return None


def offsite_kind(secondary: dict[str, Any] | None) -> str | None:
    """The kind of off-site target; the repository's scheme wins (it decides which credentials restic needs)."""
    if not secondary:
        return None
    if is_external(secondary):
        return "external"
    repo = str(secondary.get("repo") or "")
    if not repo:
        return None
    match = re.match(r"^([A-Za-z][A-Za-z0-9+.-]+):", repo)  # two letters or more: not a drive letter
    if match and match.group(1).lower() != "local":
        return match.group(1).lower()
    return "folder"


def shell_word(value: str) -> str:
    """A value as one word of a command line that works the same in a POSIX shell, cmd and PowerShell."""
    if _PLAIN_WORD.match(value):
        return value
    return '"' + value.replace('"', '\\"') + '"'


def gather(config: Config, secrets, *, now: datetime) -> RecoverySheet:
    """The sheet of this setup. ``secrets`` is its `SecretStore` (anything with ``get(name)``).

    Raises `UserError` (exit 2) when a secret the sheet must show is missing
    from the keyring: a sheet without the password would look complete and
    restore nothing.
    """
    from tsbackup_gui.core.primary.howto import HOW_TO_RESTORE_NAME
    from tsbackup_gui.core.primary.target import Target

    target = Target(Path(config.primary), config.computer)
    sheet = RecoverySheet(
        computer=config.computer, source=config.source, mode=config.mode, primary_folder=str(target.computer_dir),
        howto=str(target.backups_root / HOW_TO_RESTORE_NAME), created=now,
    )
    sheet.primary_how = PRIMARY_HOW(howto=sheet.howto)
    secondary = config.secondary or {}
    sheet.kind = offsite_kind(secondary)
    if sheet.kind is None:
        sheet.notes.append(NO_OFFSITE())
        return sheet
    if sheet.kind == "external":
        sheet.external = external_text(secondary)
        sheet.notes.append(EXTERNAL(text=sheet.external))
        return sheet

    repo = str(secondary["repo"])
    sheet.repo = repo
    password = secrets.get(PASSWORD_SECRET)
    if not password:
        raise UserError(NO_PASSWORD(repo=_shown(repo)), Exit.USAGE)
    sheet.credentials.append(Credential(PASSWORD_SECRET, "RESTIC_PASSWORD", password))
    sheet.notes.append(PASSWORD_NOTE())
    if sheet.kind == "s3":
        values = {name: secrets.get(name) for name, _ in S3_SECRETS}
        missing = [variable for name, variable in S3_SECRETS if not values[name]]
        if missing:
            raise UserError(NO_S3_KEYS(repo=_shown(repo), missing=", ".join(missing)), Exit.USAGE)
        sheet.credentials.extend(Credential(name, variable, str(values[name])) for name, variable in S3_SECRETS)
        sheet.notes.append(S3_NOTE())
    elif sheet.kind == "sftp":
        sheet.notes.append(SFTP_NOTE())
        if secondary.get("ssh_key"):
            sheet.notes.append(SFTP_KEY_NOTE(key=str(secondary["ssh_key"]), fingerprint=str(secondary.get("host_key") or "?")))
    elif sheet.kind == "rest":
        login = [(name, variable, secrets.get(name)) for name, variable in REST_SECRETS]
        if all(value for _name, _variable, value in login):  # a server without a login has none to show
            sheet.credentials.extend(Credential(name, variable, str(value)) for name, variable, value in login)
            sheet.notes.append(REST_NOTE())

    r, host = shell_word(repo), shell_word(config.computer)
    sheet.list_command = f"restic -r {r} snapshots"
    sheet.restore_command = f"restic -r {r} restore latest --host {host} --target {DIR}"
    sheet.new_computer_command = f"tsbackup restore --repo {r} --host {host} --password-stdin --to {DIR}"
    if sheet.kind == "sftp":  # commands that work with nothing but a key file and this sheet
        sheet.list_command, sheet.restore_command, sheet.new_computer_command, note = sftp_commands(
            repo, secondary, host, DIR, shell_word)
        sheet.notes.append(note)
    sheet.wizard_how = WIZARD_HOW()
    sheet.new_computer_how = NEW_COMPUTER_HOW(dir=DIR)
    sheet.restic_how = RESTIC_HOW(dir=DIR)
    sheet.warning = KEEP_LOCKED()
    return sheet


def _shown(repo: str) -> str:
    from tsbackup_gui.core.restic.errors import display_repo

    return display_repo(repo)


def check_destination(path: Path) -> Path:
    """The PDF's path, absolute; refuses a folder and a file in a folder that does not exist.

    An existing file is overwritten (writing the sheet again to the same place
    is the normal way to refresh it); a missing folder is not created, since
    it most often means a typing error or a drive that is not connected.
    """
    path = Path(path).expanduser().absolute()
    if path.is_dir():
        raise UserError(IS_FOLDER(path=str(path), example=str(path / "recovery-sheet.pdf")), Exit.USAGE)
    if not path.parent.is_dir():
        raise UserError(FOLDER_MISSING(folder=str(path.parent), path=str(path)), Exit.USAGE)
    return path


def write_failed(path: Path, error: OSError) -> UserError:
    """The plain sentence for a PDF that could not be written (a read-only folder, a full disk)."""
    return UserError(WRITE_FAILED(path=str(path), reason=error.strerror or type(error).__name__), Exit.USAGE)


def written(config: Config, sheet: RecoverySheet, path: Path, *, confirming: bool) -> list[Message]:
    """What to tell the user once the PDF is written (before `confirm` adds its own sentence)."""
    messages = [(WRITTEN_SECRET if sheet.has_secrets else WRITTEN)(path=str(path))]
    if config.secondary and not confirming and not config.recovery_sheet_confirmed:
        messages.append(CONFIRM_HINT())
    return messages


def confirm(config: Config, clock: Clock, where: Places | None = None) -> Message:
    """Records that the sheet is stored safely (today's date); the status stops warning about it."""
    import dataclasses

    day = clock.now().date().isoformat()
    config_mod.update(lambda current: dataclasses.replace(current, recovery_sheet_confirmed=day), where)
    config.recovery_sheet_confirmed = day  # the caller's copy says the same
    return CONFIRMED(date=day)
