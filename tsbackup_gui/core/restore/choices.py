"""What the restore dialog offers: the drive's generations, the off-site snapshots, and the server's steps.

Generations are read from their manifests' heads (cheap, on every opening);
off-site snapshots need restic (a key derivation, a round trip), so they are
listed only when someone asks. A server's live database cannot simply be
swapped: 4D Server restores its own archive, so for a server the dialog
shows those steps as plain sentences instead of "Put this back in place".
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from tsbackup_gui.core.offsite.records import readable_repo
from tsbackup_gui.core.store.config import Config
from tsbackup_gui.core.errors import Exit, UserError
from tsbackup_gui.core.messages import QT_TRANSLATE_NOOP, Message, define
from tsbackup_gui.core.places import Places

NO_OFFSITE = define(
    "restore_choices.no_offsite",
    QT_TRANSLATE_NOOP("core", "No off-site backup that this program can read is set up."),
)
NO_SNAPSHOTS = define(
    "restore_choices.no_snapshots",
    QT_TRANSLATE_NOOP("core", "The off-site backup holds no snapshot of this computer yet."),
)
STEP_CLOSE = define(
    "server_restore.close",
    QT_TRANSLATE_NOOP("core", "Ask everyone to close timeSensor LEGAL, then quit timeSensor Server on this server."),
)
STEP_KEEP = define(
    "server_restore.keep",
    QT_TRANSLATE_NOOP("core", "Rename the current data folder {live} to '{aside}' so that it is kept. Do not delete it."),
)
STEP_OPEN_4D = define(
    "server_restore.open_4d",
    QT_TRANSLATE_NOOP("core", "Start 4D Server without opening a database and choose Restore… in its File menu."),
)
STEP_ARCHIVE = define(
    "server_restore.archive",
    QT_TRANSLATE_NOOP("core", "Select the archive {archive} and restore it into the folder {folder}, where the data folder was."),
)
STEP_LOG = define(
    "server_restore.log",
    QT_TRANSLATE_NOOP("core", "When 4D offers to integrate the log file, accept: it adds the changes made after that backup."),
)
STEP_START = define(
    "server_restore.start",
    QT_TRANSLATE_NOOP("core", "Start timeSensor Server again, check that the latest entries are there, then let everyone back in."),
)
ARCHIVE_UNKNOWN = define(
    "server_restore.archive_unknown",
    QT_TRANSLATE_NOOP("core", "(the newest .4BK file in the restored folder, under '4D Backup' or 'STUFF/BACKUP')"),
)

CREATE_PARENTS = define(
    "restore.create_parents",
    QT_TRANSLATE_NOOP(
        "core",
        "The folder {parent} does not exist. Create it, and any missing folders above it, and restore into {path}?",
    ),
)
TARGET_RELATIVE = define(
    "restore_choices.target_relative",
    QT_TRANSLATE_NOOP("core", "{path} is not a full folder path. Choose the folder with \"Choose folder…\" or type its whole path."),
)
TARGET_IN_DATA = define(
    "restore_choices.target_in_data",
    QT_TRANSLATE_NOOP("core", "{path} lies inside the timeSensor data folder {source}. Restore into a new folder elsewhere; "
                              "nothing was changed."),
)
TARGET_IN_BACKUPS = define(
    "restore_choices.target_in_backups",
    QT_TRANSLATE_NOOP("core", "{path} lies inside the backups folder {backups}. Restore into a new folder elsewhere; "
                              "nothing was changed."),
)

_NUMBER = re.compile(r"\[(\d+)(?:-(\d+))?\]\.4bk$", re.IGNORECASE)


@dataclass(frozen=True)
class GenerationChoice:
    id: str
    path: Path
    ended: datetime
    verdict: str
    files: int
    bytes: int
    verified: str | None = None
    mass_change: bool = False  # its run warned of mass change (ransomware? a wiped database?): check first


@dataclass(frozen=True)
class SnapshotChoice:
    id: str
    short_id: str
    time: datetime
    generation: str | None  # the primary generation it holds (from its tag)


def primary_choices(config: Config, where: Places | None = None) -> list[GenerationChoice]:
    """The drive's generations, newest first, each marked when its run warned of mass change;
    empty when the drive is not there."""
    from tsbackup_gui.core.primary.generations import list_generations
    from tsbackup_gui.core.primary.target import Target
    from tsbackup_gui.core.drives.rotation import connected_config

    config = connected_config(config)  # restore from whichever drive is connected
    try:
        generations = list_generations(Target(Path(config.primary), config.computer))
    except (UserError, OSError):
        return []
    alarms = mass_change_generations(where)
    return [GenerationChoice(g.id, g.path, g.ended.astimezone(), g.verdict, g.files, g.bytes, g.verified,
                             mass_change=g.id in alarms)
            for g in reversed(generations)]


def mass_change_generations(where: Places | None = None) -> frozenset[str]:
    """The generations whose run warned of mass change (the history's reasons; retention paused then)."""
    from tsbackup_gui.core.places import places
    from tsbackup_gui.core.status.model import MASS_CHANGE_CODES
    from tsbackup_gui.core.store.history import History

    here = where or places()
    try:
        attempts = History(here.history_db, lock_path=here.lock_file).attempts(kind="backup")
    except (UserError, OSError, sqlite3.Error):  # no journal: nothing is marked, the list still shows
        return frozenset()
    return frozenset(a.generation for a in attempts
                     if a.generation and any(r.id in MASS_CHANGE_CODES for r in a.reasons))


def preselected(found: list[GenerationChoice]) -> int | None:
    """The row to select first (``found`` newest first): the newest, unless its run warned of mass
    change; then the newest one before it without that warning (the state before the change)."""
    if not found:
        return None
    if not found[0].mass_change:
        return 0
    return next((n for n, choice in enumerate(found) if not choice.mass_change), 0)


def offsite_readable(config: Config) -> bool:
    secondary = config.secondary or {}
    return readable_repo(secondary) is not None


def offsite_choices(config: Config, secrets=None) -> list[SnapshotChoice]:
    """This setup's snapshots of this computer, newest first (asks restic: call it on a worker)."""
    from tsbackup_gui.core.offsite.upload import GENERATION_TAG_PREFIX, open_repository, setup_tag

    if not offsite_readable(config):
        raise UserError(NO_OFFSITE(), Exit.USAGE)
    if secrets is None:
        from tsbackup_gui.core.store.secrets import SecretStore

        secrets = SecretStore(config.setup_id)
    restic = open_repository(config.secondary or {}, secrets)
    found = restic.snapshots(host=config.computer, tags=[setup_tag(config.setup_id)])
    choices = []
    for snap in found:
        generation = next((t[len(GENERATION_TAG_PREFIX):] for t in snap.tags if t.startswith(GENERATION_TAG_PREFIX)), None)
        choices.append(SnapshotChoice(snap.id, snap.short_id, snap.time.astimezone(), generation))
    if not choices:
        raise UserError(NO_SNAPSHOTS(), Exit.USAGE)
    return sorted(choices, key=lambda c: c.time, reverse=True)


def check_restore_target(config: Config | None, to: Path | str) -> Path:
    """The one rule for every way in (dialog, wizard, command): the folder to restore into, refused
    (exit 2, nothing touched) unless it is a full path to a new or empty folder outside the live data
    and outside the backups (both known only with a setup). Cheap: the dialog asks it first."""
    from tsbackup_gui.core.primary.target import BACKUPS_DIR
    from tsbackup_gui.core.restore.into_folder import check_target
    from tsbackup_gui.core.restore.put_back import is_inside

    to = Path(to).expanduser()
    if not to.is_absolute():
        raise UserError(TARGET_RELATIVE(path=str(to)), Exit.USAGE)
    if config is not None and config.source and is_inside(to, Path(config.source)):
        raise UserError(TARGET_IN_DATA(path=str(to), source=str(config.source)), Exit.USAGE)
    if config is not None and config.primary:
        backups = Path(config.primary) / BACKUPS_DIR
        if is_inside(to, backups):
            raise UserError(TARGET_IN_BACKUPS(path=str(to), backups=str(backups)), Exit.USAGE)
    check_target(to)
    return to


def missing_parents_question(to: Path | str) -> Message | None:
    """The question to ask before a restore creates more than its own new folder: a typed path whose
    parent folders are missing is more often a typing error than a wish. None: nothing to ask."""
    to = Path(to).expanduser()
    if to.exists() or to.parent.is_dir():
        return None
    return CREATE_PARENTS(parent=str(to.parent), path=str(to))


def can_put_back(config: Config) -> bool:
    """Only a single-user installation is swapped by this program; a server restores 4D's archive."""
    return config.mode != "server"


def put_back_allowed(config: Config, restored_to: Path | None, target_text: str) -> bool:
    """"Put this back in place" is offered only for the restore that just succeeded (``restored_to``;
    None after a failed or refused restore) and only while the folder field still names its folder."""
    if restored_to is None or not can_put_back(config) or not target_text.strip():
        return False
    return Path(target_text.strip()).expanduser() == Path(restored_to)


def newest_archive_in(restored: Path | None) -> Path | None:
    """The highest-numbered 4D archive (first segment) in a restored folder, or None."""
    if restored is None or not Path(restored).is_dir():
        return None
    best: tuple[int, int, str] | None = None
    found = None
    for path in Path(restored).rglob("*"):
        match = _NUMBER.search(path.name)
        if match and path.is_file():
            key = (int(match.group(1)), -int(match.group(2) or 1), path.name)
            if best is None or key > best:
                best, found = key, path
    return found


def server_restore_steps(config: Config, restored: Path | None, now: datetime) -> list[Message]:
    """The numbered steps (in order) to bring a server back with 4D Server's own restore."""
    from tsbackup_gui.core.restore.put_back import aside_name

    live = Path(config.source)
    archive: Any = newest_archive_in(restored)
    return [
        STEP_CLOSE(),
        STEP_KEEP(live=str(live), aside=aside_name(live, now).name),
        STEP_OPEN_4D(),
        STEP_ARCHIVE(archive=str(archive) if archive is not None else ARCHIVE_UNKNOWN(), folder=str(live.parent)),
        STEP_LOG(),
        STEP_START(),
    ]
