"""Setting up without questions: check every argument, then store the configuration
and mark the backup drive.

Everything that can be wrong is checked before anything is written, so a bad
argument leaves the old setup, the drive and its generations exactly as they
were. Re-running setup keeps the setup id: the keyring entries and the drive
marker stay valid, and generations are never touched.

The off-site part (`setup_offsite`) is checked last, because opening the
repository is the slow check and creating a new one the only step that acts
before the configuration is written; a later failure removes that new
repository again. Without ``--secondary`` the stored off-site setup is kept.
"""

from __future__ import annotations

import os
import tempfile
import copy
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tsbackup_gui.core.store import config as config_mod
from tsbackup_gui.core.clock import Clock
from tsbackup_gui.core.store.config import Config
from tsbackup_gui.core.drives.disks import same_disk
from tsbackup_gui.core.drives import shares
from tsbackup_gui.core.errors import Exit, UserError
from tsbackup_gui.core.messages import QT_TRANSLATE_NOOP, Message, define
from tsbackup_gui.core.places import Places, places
from tsbackup_gui.core.setup.values import (
    default_computer_name, parse_computer, parse_keep, parse_mode, parse_time, parse_working_days,
)

SOURCE_MISSING = define(
    "setup.source_missing",
    QT_TRANSLATE_NOOP("core", "The data folder {path} does not exist. Check the path and run the setup again."),
)
SOURCE_NOT_FOLDER = define(
    "setup.source_not_folder",
    QT_TRANSLATE_NOOP("core", "{path} is a file, not a folder. Name the timeSensor data folder and run the setup again."),
)
SOURCE_UNUSUAL = define(
    "setup.source_unusual",
    QT_TRANSLATE_NOOP(
        "core",
        "{path} does not look like a timeSensor data folder (it is not named 'timeSensor DataFiles' and holds no .4DD file). "
        "It is backed up anyway; check that this is the right folder.",
    ),
)
PRIMARY_MISSING = define(
    "setup.primary_missing",
    QT_TRANSLATE_NOOP("core", "The backup folder {path} does not exist. Connect the backup drive or create the folder, then run the setup again."),
)
PRIMARY_NOT_FOLDER = define(
    "setup.primary_not_folder",
    QT_TRANSLATE_NOOP("core", "{path} is a file, not a folder. Name a folder on the backup drive and run the setup again."),
)
PRIMARY_NOT_WRITABLE = define(
    "setup.primary_not_writable",
    QT_TRANSLATE_NOOP("core", "This program cannot write to the backup folder {path} ({reason}). Choose a writable folder or fix its permissions."),
)
NESTED = define(
    "setup.nested",
    QT_TRANSLATE_NOOP(
        "core",
        "The backup folder {primary} and the data folder {source} lie inside one another. Choose a backup folder outside the data folder, on another drive.",
    ),
)
SAME_DISK = define(
    "setup.same_disk",
    QT_TRANSLATE_NOOP(
        "core",
        "The backup folder {primary} is on the same disk as the data folder. This copy does not survive a failure of that disk; use another drive if you can.",
    ),
)
SETUP_DONE = define(
    "setup.done",
    QT_TRANSLATE_NOOP("core", "The backup is set up: {source} is backed up to {folder}."),
)
COMPUTER_FIXED = define(
    "setup.computer_fixed",
    QT_TRANSLATE_NOOP(
        "core",
        "This computer's backups are kept under the name {old} (on the backup drive and off-site), and setup "
        "keeps it. To change it, run: tsbackup rename-computer {new}",
    ),
)
SETUP_ADOPTED = define(
    "setup.adopted",
    QT_TRANSLATE_NOOP("core", "The backup folder {folder} was taken over from an earlier setup; its backups are kept."),
)

if TYPE_CHECKING:
    from tsbackup_gui.core.setup.offsite_repo import SecondaryPlan

_DEPTH_FOR_4DD = 3
#: The Config fields `tsbackup setup` sets; a re-run keeps every other one.
_SETTABLE = frozenset(
    {"source", "primary", "mode", "computer", "keep_daily", "keep_weekly", "keep_monthly", "working_days", "time"}
)


@dataclass
class SetupOptions:
    """What `tsbackup setup` was given; None means "not given" (use the default)."""

    source: str
    primary: str
    mode: str | None = None
    computer: str | None = None
    keep_daily: int | str | None = None
    keep_weekly: int | str | None = None
    keep_monthly: int | str | None = None
    working_days: str | None = None
    time: str | None = None
    adopt: bool = False
    secondary: str | None = None  # --secondary: a folder, or external:TEXT
    password: str | None = field(default=None, repr=False)  # never in a repr or log; --password-stdin: the line read, without its newline
    limit_upload: int | str | None = None  # --limit-upload KiB/s (0: no limit)
    ssh_key: str | None = None  # --ssh-key FILE (SFTP)
    s3_keys: tuple[str, str] | None = field(default=None, repr=False)  # never in a repr or log; --s3-keys-stdin (else AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY)
    append_only: bool = False  # --append-only (REST server)
    reports: Any = None  # setup_reports.ReportOptions: --ping-url, --smtp …; None: keep the stored reports


@dataclass
class SetupResult:
    config: Config
    folder: Path  # <primary>/timeSensor Backups/<computer>
    adopted: bool = False
    warnings: list[Message] = field(default_factory=list)
    offsite: SecondaryPlan | None = None  # None: the off-site setup was not touched
    notes: list[Message] = field(default_factory=list)  # what setup did besides the primary (not warnings)


# -- single values ----------------------------------------------------------------------
# -- folders ----------------------------------------------------------------------------


def check_source(path: Path) -> list[Message]:
    """Exists and is a folder (else `UserError`); a warning when it does not look like timeSensor's."""
    if not path.exists():
        raise UserError(SOURCE_MISSING(path=str(path)), Exit.USAGE)
    if not path.is_dir():
        raise UserError(SOURCE_NOT_FOLDER(path=str(path)), Exit.USAGE)
    if path.name.casefold() == "timesensor datafiles" or _has_4dd(path, _DEPTH_FOR_4DD):
        return []
    return [SOURCE_UNUSUAL(path=str(path))]


def _has_4dd(folder: Path, depth: int) -> bool:
    try:
        with os.scandir(folder) as entries:
            subfolders = []
            for entry in entries:
                if entry.name.lower().endswith(".4dd") and entry.is_file(follow_symlinks=False):
                    return True
                if depth > 1 and entry.is_dir(follow_symlinks=False):
                    subfolders.append(entry.path)
    except OSError:
        return False
    return any(_has_4dd(Path(sub), depth - 1) for sub in subfolders)


def check_primary(path: Path) -> None:
    """Exists, is a folder and takes a file: else `UserError` (exit 2)."""
    if not path.exists():
        raise UserError(PRIMARY_MISSING(path=str(path)), Exit.USAGE)
    if not path.is_dir():
        raise UserError(PRIMARY_NOT_FOLDER(path=str(path)), Exit.USAGE)
    try:
        fd, probe = tempfile.mkstemp(prefix=".tsbackup-write-test-", dir=path)
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        raise UserError(PRIMARY_NOT_WRITABLE(path=str(path), reason=exc.strerror or str(exc)), Exit.USAGE) from None


def check_apart(source: Path, primary: Path) -> list[Message]:
    """Neither inside the other (`UserError`); a warning when both are on one disk."""
    real_source, real_primary = source.resolve(), primary.resolve()
    if (
        real_source == real_primary
        or real_source in real_primary.parents
        or real_primary in real_source.parents
    ):
        raise UserError(NESTED(primary=str(primary), source=str(source)), Exit.USAGE)
    if same_disk(real_source, real_primary):
        return [SAME_DISK(primary=str(primary))]
    return []


# -- the whole setup --------------------------------------------------------------------


def configure(options: SetupOptions, *, where: Places | None = None, clock: Clock | None = None) -> SetupResult:
    """Checks everything, then marks the drive and stores the configuration.

    Order matters: all checks (including another setup's marker, then the
    off-site repository) come first; the off-site password goes into the
    keyring only once restic accepted it; the configuration is saved before
    the marker so that a failure in between leaves a setup whose id a re-run
    will write to the drive; if a write fails, the previous configuration and
    keyring entry are put back and a repository this setup created is removed.
    """
    from tsbackup_gui.core.primary.target import Target  # the engine; imported late to keep `setup` light

    previous = _previous_config(where)
    # A re-run changes only what it is given: the mode and the computer name (the backups' folder on
    # the drive, the off-site snapshots' host) stay as the first setup made them.
    mode = parse_mode(options.mode) if options.mode is not None else (previous.mode if previous else "single")
    computer = _computer(options.computer, previous)
    keep = {
        name: parse_keep(name.replace("_", "-"), value) if value is not None else None
        for name, value in (
            ("keep_daily", options.keep_daily),
            ("keep_weekly", options.keep_weekly),
            ("keep_monthly", options.keep_monthly),
        )
    }
    days = parse_working_days(options.working_days) if options.working_days is not None else None
    time = parse_time(options.time) if options.time is not None else None

    source = Path(os.path.abspath(os.path.expanduser(options.source)))
    primary = Path(os.path.abspath(os.path.expanduser(options.primary)))
    mapped_notes = []
    unc = shares.unc_path(str(primary))  # Windows: a mapped letter (Z:) is the share itself, for the OS task
    if unc is not None:
        mapped_notes.append(shares.MAPPED_DRIVE(path=str(primary), unc=unc, letter=str(primary)[:2]))
        primary = Path(unc)
    warnings = check_source(source)
    check_primary(primary)
    warnings += check_apart(source, primary)

    new = Config(source=str(source), primary=str(primary), mode=mode, computer=computer)
    if previous is not None:
        # The setup id (keyring entries, drive marker), the first setup's date and whatever
        # this command cannot set survive a re-run; what it can set is replaced.
        for item in fields(Config):
            if item.name not in _SETTABLE:
                setattr(new, item.name, copy.deepcopy(getattr(previous, item.name)))
    clock = clock or Clock()
    if hasattr(new, "created") and not new.created:
        new.created = clock.now().isoformat(timespec="seconds")
    for name, value in keep.items():
        if value is not None:
            setattr(new, name, value)
    if days is not None:
        new.working_days = days
    if time is not None:
        new.time = time

    target = Target(primary, computer)
    adopted = _check_marker(target, new.setup_id, options.adopt)

    from tsbackup_gui.core.store.secrets import SecretStore
    from tsbackup_gui.core.setup.offsite_repo import SecondaryOptions
    from tsbackup_gui.core.setup.offsite_store import commit_secondary, plan_into

    secrets = SecretStore(new.setup_id)
    from tsbackup_gui.core.setup.reports import plan_reports, with_reports

    reports = plan_reports(options.reports, previous.reports if previous is not None else None, secrets)
    if reports is not None:  # checked before the off-site step, which may create a repository
        new.reports = reports.reports
    offsite = plan_into(new, SecondaryOptions(options.secondary, options.password, options.limit_upload,
                                              ssh_key=options.ssh_key, s3_keys=options.s3_keys,
                                              append_only=options.append_only),
                        previous=previous, secrets=secrets, source=source, now=clock.now())

    config_file = (where or places()).config_file
    try:
        before = config_file.read_bytes()
    except OSError:
        before = None

    def write() -> None:
        config_mod.save(new, where)
        try:
            target.write_marker(new.setup_id, adopt=options.adopt)
            target.write_how_to_restore()
        except BaseException:
            _put_back(config_file, before)
            raise

    commit_secondary(offsite, secrets, with_reports(reports, secrets, write))  # the keyring first, then `write`; a failure puts both back
    if adopted:
        warnings.append(SETUP_ADOPTED(folder=str(target.computer_dir)))
    return SetupResult(config=new, folder=target.computer_dir, adopted=adopted, warnings=warnings, offsite=offsite,
                       notes=mapped_notes + (list(offsite.notes) if offsite is not None else [])
                       + (reports.notes() if reports else []))


def _computer(given: str | None, previous: Config | None) -> str:
    """The computer name: fixed at the first setup; another one only through `rename-computer`."""
    if previous is not None and previous.computer:
        if given is not None and parse_computer(given) != previous.computer:
            raise UserError(COMPUTER_FIXED(old=previous.computer, new=parse_computer(given)), Exit.USAGE)
        return previous.computer
    return parse_computer(given) if given is not None else default_computer_name()


def _previous_config(where: Places | None) -> Config | None:
    """The stored setup, or None; a damaged file is what setup is there to replace."""
    try:
        return config_mod.load(where)
    except UserError as error:
        if error.message.id == config_mod.CONFIG_CORRUPT.id:
            return None
        raise


def _check_marker(target, setup_id: str, adopt: bool) -> bool:
    """True when the folder carries another setup's (or an unreadable) marker and --adopt
    takes it over; without --adopt that is a `UserError` before anything is written."""
    from tsbackup_gui.core.primary.target import FOLDER_OF_OTHER_SETUP

    denied = target.access_problem()  # macOS privacy settings: not another setup's folder, --adopt would not help
    if denied is not None:
        raise UserError(denied, Exit.USAGE)
    if not target.marker_path.exists() and not target.marker_path.is_symlink():
        return False
    marker = target.read_marker()
    if marker is not None and marker.get("setup_id") == setup_id:
        return False
    if not adopt:
        raise UserError(FOLDER_OF_OTHER_SETUP(path=str(target.computer_dir)), Exit.USAGE)
    return True


def _put_back(config_file: Path, before: bytes | None) -> None:
    """The configuration file exactly as it was before this setup (or none, as before)."""
    try:
        if before is None:
            config_file.unlink(missing_ok=True)
        else:
            config_mod.write_atomic(config_file, before)
    except OSError:
        pass
