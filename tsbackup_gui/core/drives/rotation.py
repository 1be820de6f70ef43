"""Two (or more) backup drives in rotation: one at the office, one taken home.

The configured `primary` stays drive 1; `Config.extra_drives` holds the
others as ``{"path", "label", "added", "drive_id"}``. Each drive carries this
setup's marker (with its own drive id and label), so a drive is recognised by
what it holds, never by its path alone: the run uses whichever drive has the
marker (drive 1 first when both are connected) and, when none has, waits for
"the backup drive" exactly as with one drive.

Which drive a backup used is kept in the attempt's details (``drive``,
``drive_path``), so the status can say when the other drive was last used
and ask for a swap after 14 days: a drive that stays at home for months
protects nothing recent. Removing a drive only forgets it here; its backups
and marker stay on it.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import uuid
from datetime import datetime
from pathlib import Path
from typing import Any, Callable

from tsbackup_gui.core.store.config import Config
from tsbackup_gui.core.errors import Exit, UserError
from tsbackup_gui.core.messages import QT_TRANSLATE_NOOP, define
from tsbackup_gui.core.places import Places

log = logging.getLogger(__name__)

MAX_LABEL = 40

DRIVE_ADDED = define(
    "rotation.added",
    QT_TRANSLATE_NOOP("core", "The backup drive {label} at {path} was added. Backups go to whichever backup drive is connected."),
)
DRIVE_REMOVED = define(
    "rotation.removed",
    QT_TRANSLATE_NOOP("core", "The backup drive {label} was removed from this setup. The backups on it were kept."),
)
BAD_LABEL = define(
    "rotation.bad_label",
    QT_TRANSLATE_NOOP("core", "The drive name {label} cannot be used. Give a short name (at most 40 characters) that is not used by another drive of this setup."),
)
NOT_A_FOLDER = define(
    "rotation.not_a_folder",
    QT_TRANSLATE_NOOP("core", "{path} is not a folder that exists. Connect the drive and give the folder on it."),
)
ALREADY_A_DRIVE = define(
    "rotation.already_a_drive",
    QT_TRANSLATE_NOOP("core", "{path} is already a backup drive of this setup. Give the folder on the other drive."),
)
ON_SOURCE_DISK = define(
    "rotation.on_source_disk",
    QT_TRANSLATE_NOOP("core", "{path} is on the same disk as the timeSensor LEGAL data, so it would not survive a failure of that disk. Choose another drive."),
)
NOT_A_DRIVE = define(
    "rotation.not_a_drive",
    QT_TRANSLATE_NOOP("core", "{path} is not one of the additional backup drives of this setup. Run 'tsbackup drives list' to see them."),
)
FIRST_DRIVE = define(
    "rotation.first_drive",
    QT_TRANSLATE_NOOP("core", "{path} is the main backup drive of this setup and cannot be removed here. Choose another main drive with the setup."),
)
# -- the configured drives -------------------------------------------------------------


def configured(config: Config) -> list[dict[str, Any]]:
    """Every drive of the setup, drive 1 (the primary) first."""
    first = {"path": config.primary, "label": primary_label(config), "added": config.created, "number": 1}
    others = [{**drive, "number": index} for index, drive in enumerate(_extra(config), start=2)]
    return [first, *others]


def primary_label(config: Config) -> str:
    """Drive 1 has no name of its own: its folder's name (a volume name on a Mac), else the path."""
    return Path(config.primary).name or str(config.primary)


def _extra(config: Config) -> list[dict[str, Any]]:
    """The additional drives; a hand-edited value of another shape (config.load refuses it, but a
    Config may come from elsewhere) is no drive at all, never a TypeError in a run or the status."""
    drives = getattr(config, "extra_drives", None) or []
    if not isinstance(drives, list):
        log.warning("extra_drives is not a list (%s); only drive 1 is used", type(drives).__name__)
        return []
    return [d for d in drives if isinstance(d, dict) and isinstance(d.get("path"), str) and d["path"]]


def _nested(a: Path, b: Path) -> bool:
    """One folder inside the other: one drive, not two."""
    try:
        real_a, real_b = a.resolve(), b.resolve()
    except OSError:
        return False
    return real_a in real_b.parents or real_b in real_a.parents


def same_path(a: str, b: str) -> bool:
    return os.path.normcase(os.path.abspath(a)) == os.path.normcase(os.path.abspath(b))


def our_marker(config: Config, path: str) -> dict[str, Any] | None:
    """The marker at `path` when it is this setup's (reads one small file), else None."""
    from tsbackup_gui.core.primary.target import Target

    try:
        data = Target(Path(path), config.computer).read_marker()
    except (UserError, OSError):
        return None
    return data if data is not None and data.get("setup_id") == config.setup_id else None


def is_connected(config: Config, path: str) -> bool:
    """This setup's marker is on the drive at `path`."""
    return our_marker(config, path) is not None


def identify(config: Config, marker: dict[str, Any]) -> dict[str, Any]:
    """Which configured drive a marker of this setup belongs to: by the drive id in it, never by
    the path (drive B may be mounted where drive A usually is: the same letter E:, or "/Volumes/Backup"
    instead of "Backup 1"). A marker without an id, or with one no additional drive has, is drive 1's."""
    drives_ = configured(config)
    drive_id = marker.get("drive_id")
    if drive_id:
        for drive in drives_[1:]:
            if drive.get("drive_id") == drive_id:
                return drive
    return {**drives_[0], "drive_id": drive_id} if drive_id else drives_[0]


def connected_drive(config: Config, partitions: Partitions | None = None) -> dict[str, Any] | None:
    """The drive a backup goes to now: the drive whose marker is at the first configured path that
    carries this setup's marker, with ``path`` where it is connected now; when no configured path
    has it, the drive found elsewhere (`found_elsewhere`). Looks, writes nothing."""
    for place in configured(config):
        marker = our_marker(config, str(place["path"]))
        if marker is not None:
            return {**identify(config, marker), "path": str(place["path"])}
    return found_elsewhere(config, partitions)


#: File systems not searched for a moved drive: a share that is gone can hang a look for seconds.
NETWORK_FS = frozenset({"nfs", "nfs4", "cifs", "smbfs", "smb3", "afpfs", "webdav", "fuse.sshfs", "9p"})
#: Nor the kernel's own file systems, which hold no drives.
PSEUDO_FS = frozenset({"proc", "sysfs", "devpts", "devtmpfs", "cgroup", "cgroup2", "mqueue", "debugfs", "tracefs",
                       "securityfs", "pstore", "bpf", "autofs", "hugetlbfs", "configfs", "fusectl", "binfmt_misc",
                       "nsfs", "rpc_pipefs", "efivarfs", "devfs"})
Partitions = Callable[[], list]


def found_elsewhere(config: Config, partitions: Partitions | None = None) -> dict[str, Any] | None:
    """A drive of this setup that is mounted somewhere else now: another drive letter (E: is now F:),
    another volume name (/Volumes/Backup 1). Every mounted volume is looked at for this setup's
    marker, at the drive's folder path below the volume (or its volume root); the marker's drive id
    says which drive it is. The drive comes back with ``path`` where it is now and ``moved_from``."""
    if partitions is None:
        from tsbackup_gui.core.drives.listing import system_partitions

        partitions = system_partitions
    try:
        mounts = [p for p in partitions() if str(getattr(p, "fstype", "")).lower() not in NETWORK_FS | PSEUDO_FS]
    except (OSError, RuntimeError):
        return None
    for drive in configured(config):
        old = str(drive["path"])
        parts = Path(old).parts
        tails = [Path(*parts[k:]) for k in range(1, len(parts))] + [Path()]  # the longest tail first
        for mount in mounts:
            for tail in tails:
                candidate = str(Path(mount.mountpoint) / tail)
                if same_path(candidate, old):
                    continue
                marker = our_marker(config, candidate)
                if marker is not None and identify(config, marker).get("number") == drive.get("number"):
                    log.info("the backup drive %s was found at %s", old, candidate)
                    return {**identify(config, marker), "path": candidate, "moved_from": old}
    return None


def with_drive_id(config: Config, drive: dict[str, Any]) -> dict[str, Any]:
    """`drive`, and drive 1's marker given an id of its own if it has none yet (rotation only).
    Writes the marker: only a backup run calls this, under its lock."""
    if drive.get("number") != 1 or drive.get("drive_id") or not _extra(config) or not drive.get("path"):
        return drive
    return {**drive, "drive_id": _give_drive_id(config, str(drive["path"]))}


def _give_drive_id(config: Config, path: str) -> str | None:
    """Drive 1's marker gets its own id on the first run with rotation (only our own marker is
    ever written), so drive 1 is told from the others by what it holds, as they are."""
    from tsbackup_gui.core.primary.target import Target

    target = Target(Path(path), config.computer)
    drive_id = uuid.uuid4().hex
    try:
        if our_marker(config, path) is None:
            return None
        _label_marker(target, drive_id, None)
    except UserError:
        return None  # a read-only drive: recognised by its path as before
    return drive_id


def choose(config: Config) -> tuple[Config, dict[str, Any]]:
    """The config to run with (its `primary` is the connected drive) and that drive.

    With no drive connected it is drive 1, so the run says "connect the backup
    drive" as it always did. The returned config is for this run only: never save it.
    """
    try:
        if _extra(config):
            drive = connected_drive(config)
        else:  # one drive: its own path first; only when its marker is not there, every volume
            drive = None if is_connected(config, config.primary) else found_elsewhere(config)
    except (TypeError, ValueError, AttributeError, KeyError) as exc:  # a damaged drive entry: drive 1
        log.warning("the rotation drives could not be read (%s); using drive 1", exc)
        drive = None
    if drive is None:
        return config, configured(config)[0]
    if same_path(str(drive["path"]), config.primary):
        return config, drive
    return dataclasses.replace(config, primary=str(drive["path"])), drive


def connected_config(config: Config) -> Config:
    """`config` pointed at the connected drive: for generations, restore and the check."""
    return choose(config)[0]


def drive_details(drive: dict[str, Any]) -> dict[str, Any]:
    """What a backup attempt keeps about its drive (history details)."""
    details = {"drive": str(drive.get("label") or ""), "drive_path": str(drive.get("path") or "")}
    if drive.get("drive_id"):
        details["drive_id"] = str(drive["drive_id"])
    if drive.get("moved_from"):
        details["drive_moved_from"] = str(drive["moved_from"])  # found by its marker at another letter or name
    return details


# -- adding and removing ------------------------------------------------------------------


def add_drive(config: Config, path: str | os.PathLike, label: str, *, where: Places | None = None,
              now: datetime | None = None) -> Config:
    """Marks the drive for this setup and stores it as the next drive; returns the saved config."""
    from tsbackup_gui.core.store import config as config_mod
    from tsbackup_gui.core.drives.disks import same_disk
    from tsbackup_gui.core.primary.target import Target

    folder = Path(os.path.abspath(os.path.expanduser(str(path))))
    label = _check_label(config, label)
    if not folder.is_dir():
        raise UserError(NOT_A_FOLDER(path=str(folder)), Exit.USAGE)
    if any(same_path(str(folder), d["path"]) or _nested(folder, Path(str(d["path"]))) for d in configured(config)):
        raise UserError(ALREADY_A_DRIVE(path=str(folder)), Exit.USAGE)
    source = Path(config.source)
    real_source, real_folder = source.resolve(), folder.resolve()
    if (real_source == real_folder or real_source in real_folder.parents or real_folder in real_source.parents
            or same_disk(real_source, real_folder)):
        raise UserError(ON_SOURCE_DISK(path=str(folder)), Exit.USAGE)
    drive_id = uuid.uuid4().hex
    target = Target(folder, config.computer)
    target.write_marker(config.setup_id)  # refuses a folder that holds another setup's backups
    _label_marker(target, drive_id, label)
    target.write_how_to_restore()
    moment = now or datetime.now().astimezone()
    entry = {"path": str(folder), "label": label, "added": moment.isoformat(timespec="seconds"), "drive_id": drive_id}
    # applied to the setup as stored now: a pause saved since `config` was read stays
    return config_mod.update(lambda current: dataclasses.replace(current, extra_drives=[*_extra(current), entry]),
                             where)


def remove_drive(config: Config, path: str | os.PathLike, *, where: Places | None = None) -> Config:
    """Forgets an additional drive (its backups and marker stay on it); returns the saved config."""
    from tsbackup_gui.core.store import config as config_mod

    text = os.path.abspath(os.path.expanduser(str(path)))
    if same_path(text, config.primary):
        raise UserError(FIRST_DRIVE(path=text), Exit.USAGE)
    kept = [d for d in _extra(config) if not same_path(text, d["path"])]
    if len(kept) == len(_extra(config)):
        raise UserError(NOT_A_DRIVE(path=text), Exit.USAGE)
    return config_mod.update(lambda current: dataclasses.replace(
        current, extra_drives=[d for d in _extra(current) if not same_path(text, d["path"])]), where)


def removed_label(config: Config, path: str | os.PathLike) -> str:
    text = os.path.abspath(os.path.expanduser(str(path)))
    return next((str(d.get("label")) for d in _extra(config) if same_path(text, d["path"])), text)


def _check_label(config: Config, label: str) -> str:
    text = (label or "").strip()
    taken = {str(d.get("label") or "").casefold() for d in configured(config)}
    if (not text or len(text) > MAX_LABEL or any(ord(ch) < 32 for ch in text) or text.casefold() in taken):
        raise UserError(BAD_LABEL(label=repr(label)), Exit.USAGE)
    return text


def _label_marker(target, drive_id: str, label: str | None) -> None:
    """Adds the drive's own id and label to the marker `Target.write_marker` just wrote."""
    from tsbackup_gui.core.store.config import write_atomic
    from tsbackup_gui.core.primary.target import MARKER_WRITE_FAILED

    marker = dict(target.read_marker() or {})
    marker.update(drive_id=drive_id)
    if label is not None:
        marker.update(label=label)
    try:
        write_atomic(target.marker_path, (json.dumps(marker, indent=1, ensure_ascii=False) + "\n").encode("utf-8"))
    except OSError as exc:
        raise UserError(MARKER_WRITE_FAILED(path=str(target.computer_dir), reason=exc.strerror or str(exc)),
                        Exit.USAGE) from None
    try:
        os.chmod(target.marker_path, 0o644)  # for anyone who finds the drive; FAT32 and exFAT have no modes
    except OSError:
        pass


def connected_generations(config: Config) -> list:
    """The finished generations on the drive in use now (oldest first); none when no drive is there."""
    from tsbackup_gui.core.primary.generations import list_generations
    from tsbackup_gui.core.primary.target import Target

    try:
        drive = connected_config(config)
        return list_generations(Target(Path(drive.primary), drive.computer))
    except UserError:  # a computer name that cannot be a folder: the caller reports that itself
        return []
