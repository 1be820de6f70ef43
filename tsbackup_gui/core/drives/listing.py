"""Which drives and network shares could hold the backup, and which one to pick.

The wizard's drive page shows the mounted file systems with what an office
manager needs to choose: name, free and total space, removable or not, the
file system and whether it can hard-link (unchanged files then cost nothing),
and one recommendation. The disk that holds the timeSensor data itself is
refused: a backup there dies with that disk. (The page lets a person insist
through a clear warning; setup then warns once more.)

Everything that needs the operating system — the partition list, free space,
which physical disk a device belongs to — is passed in, so the decisions are
pure and a test can hand over any partition list.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import Any, Callable, Iterable, Sequence

from tsbackup_gui.core.messages import QT_TRANSLATE_NOOP, Message, define

#: File systems that can hard-link (unchanged files of a generation cost no space).
LINKING_TYPES = frozenset({
    "ext2", "ext3", "ext4", "xfs", "btrfs", "zfs", "f2fs", "jfs", "reiserfs", "apfs", "hfs", "hfsplus", "hfs+",
    "ntfs", "ntfs3", "ufs",
})
#: File systems that cannot (every generation is a full copy); FAT also stops at 4 GB per file.
NON_LINKING_TYPES = frozenset({"exfat", "vfat", "msdos", "fat", "fat12", "fat16", "fat32"})
FAT_TYPES = frozenset({"vfat", "msdos", "fat", "fat12", "fat16", "fat32"})
#: Network file systems: shown as shares; whether they link depends on the server, so we count full copies.
NETWORK_TYPES = frozenset({
    "cifs", "smb", "smb2", "smb3", "smbfs", "nfs", "nfs4", "afpfs", "webdav", "davfs", "fuse.sshfs", "9p",
})
#: Mount places that are the system's own business, never a backup drive.
_HIDDEN_PREFIXES = (
    "/boot", "/proc", "/sys", "/dev", "/run/user", "/snap", "/var/lib", "/System/Volumes", "/private/var/vm",
    "/mnt/sandboxing",
)
_REMOVABLE_PREFIXES = ("/media/", "/run/media/", "/Volumes/")

# recommendations, best first
RECOMMENDED = "recommended"
POSSIBLE = "possible"
TOO_SMALL = "too-small"
SOURCE_DISK = "source-disk"
_ORDER = {RECOMMENDED: 0, POSSIBLE: 1, TOO_SMALL: 2, SOURCE_DISK: 3}

NOTE_RECOMMENDED_EXTERNAL = define(
    "drives.recommended_external",
    QT_TRANSLATE_NOOP("core", "Recommended: an external drive that can be kept apart from this computer."),
)
NOTE_RECOMMENDED_SHARE = define(
    "drives.recommended_share",
    QT_TRANSLATE_NOOP("core", "Recommended: a network share on another device (a NAS)."),
)
NOTE_INTERNAL = define(
    "drives.internal",
    QT_TRANSLATE_NOOP("core", "Possible: another disk inside this computer. It survives a failure of the data's disk, but not a fire or a theft of the computer."),
)
NOTE_SOURCE_DISK = define(
    "drives.source_disk",
    QT_TRANSLATE_NOOP("core", "Not suitable: the timeSensor data is on this disk, so a failure of this disk would destroy the data and its backups together."),
)
NOTE_TOO_SMALL = define(
    "drives.too_small",
    QT_TRANSLATE_NOOP("core", "Too small: only {free} are free, and the backups need about {needed}."),
)
NOTE_FULL_COPIES = define(
    "drives.full_copies",
    QT_TRANSLATE_NOOP("core", "Its file system ({fs}) cannot share unchanged files between backups, so every backup is a full copy."),
)
NOTE_SHARE_COPIES = define(
    "drives.share_copies",
    QT_TRANSLATE_NOOP("core", "On a network share, every backup may be a full copy; the estimate counts it so."),
)
NOTE_FAT = define(
    "drives.fat",
    QT_TRANSLATE_NOOP("core", "FAT cannot store files larger than 4 GB; a drive formatted as exFAT, NTFS or APFS is better."),
)


@dataclass(frozen=True)
class Partition:
    """One mounted file system, as psutil's ``disk_partitions`` reports it."""

    device: str
    mountpoint: str
    fstype: str = ""
    opts: str = ""

    @classmethod
    def of(cls, item: Any) -> "Partition":
        return cls(str(getattr(item, "device", "") or ""), str(getattr(item, "mountpoint", "") or ""),
                   str(getattr(item, "fstype", "") or ""), str(getattr(item, "opts", "") or ""))


@dataclass
class Drive:
    """A place the backup could go, with what the wizard shows about it."""

    name: str
    mount_point: Path
    device: str
    fs_type: str
    total: int | None
    free: int | None
    removable: bool
    network: bool
    hard_links: bool | None  # None: depends on the server (network shares)
    holds_source: bool
    recommendation: str = POSSIBLE
    notes: list[Message] = field(default_factory=list)
    system: bool = False  # the disk the system starts from ("/", "C:\")

    @property
    def suitable(self) -> bool:
        return self.recommendation in (RECOMMENDED, POSSIBLE)

    @property
    def full_copies(self) -> bool:
        """Counted as full copies in the estimate: no hard links, or not known to have them."""
        return self.hard_links is not True

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name, "mount_point": str(self.mount_point), "device": self.device, "fs_type": self.fs_type,
            "total": self.total, "free": self.free, "removable": self.removable, "network": self.network,
            "hard_links": self.hard_links, "holds_source": self.holds_source, "recommendation": self.recommendation,
            "notes": [note.english() for note in self.notes],
        }


Usage = Callable[[str], "tuple[int, int] | None"]  # mount point → (total, free)


def system_partitions() -> list[Partition]:
    """The mounted file systems, network shares included (psutil's ``all=True``)."""
    import psutil

    try:
        return [Partition.of(item) for item in psutil.disk_partitions(all=True)]
    except (OSError, RuntimeError):
        return []


def disk_usage(mount_point: str) -> tuple[int, int] | None:
    try:
        usage = shutil.disk_usage(mount_point)
    except OSError:
        return None
    return usage.total, usage.free


def physical_disk(device: str) -> str | None:
    from tsbackup_gui.core.drives.disks import physical_disk as find

    return find(device)


def is_candidate(part: Partition) -> bool:
    """A file system a person could put backups on: real or network, writable, not the system's own."""
    fs = part.fstype.lower()
    opts = {opt.strip().lower() for opt in part.opts.split(",")}
    if "cdrom" in opts or "ro" in opts:
        return False
    if not part.mountpoint:
        return False
    if _is_windows_path(part.mountpoint):
        return bool(fs) or "remote" in opts
    if fs not in LINKING_TYPES | NON_LINKING_TYPES | NETWORK_TYPES and fs != "fuseblk":
        return False
    mount = part.mountpoint
    return not any(mount == prefix or mount.startswith(prefix + "/") for prefix in _HIDDEN_PREFIXES)


def list_drives(
    source: Path | None,
    partitions: Iterable[Any] | None = None,
    *,
    usage: Usage = disk_usage,
    disk_of: Callable[[str], str | None] = physical_disk,
    needed: int | None = None,
    needed_full: int | None = None,
) -> list[Drive]:
    """The candidate drives, best first.

    ``source`` is the data folder (its disk is refused); ``needed`` and
    ``needed_full`` are the estimate's bytes with and without hard links
    (`estimate.space_needed`), used to call a drive too small.
    """
    parts = [Partition.of(item) for item in (system_partitions() if partitions is None else partitions)]
    source_part = mount_of(source, parts) if source is not None else None
    source_disk = disk_of(source_part.device) if source_part is not None and _is_device(source_part.device) else None
    seen: set[str] = set()
    drives: list[Drive] = []
    for part in parts:
        if not is_candidate(part) or part.mountpoint in seen:
            continue
        seen.add(part.mountpoint)
        holds = source_part is not None and (
            part.mountpoint == source_part.mountpoint
            or (source_disk is not None and _is_device(part.device) and disk_of(part.device) == source_disk)
        )
        drives.append(describe(part, usage(part.mountpoint), holds_source=holds, needed=needed, needed_full=needed_full))
    drives.sort(key=lambda d: (_ORDER[d.recommendation], d.system, -(d.free or 0), d.name.casefold()))
    return drives


def describe(part: Partition, space: tuple[int, int] | None, *, holds_source: bool,
             needed: int | None = None, needed_full: int | None = None) -> Drive:
    """One partition judged as a backup place (pure)."""
    fs = part.fstype.lower()
    opts = {opt.strip().lower() for opt in part.opts.split(",")}
    network = fs in NETWORK_TYPES or "remote" in opts or part.device.startswith(("//", "\\\\"))
    if fs in LINKING_TYPES:
        links: bool | None = True
    elif fs in NON_LINKING_TYPES:
        links = False
    else:
        links = None
    system = part.mountpoint in ("/", "C:\\", "C:/") or part.mountpoint.rstrip("\\/").upper() == "C:"
    removable = "removable" in opts or (not system and not network and part.mountpoint.startswith(_REMOVABLE_PREFIXES))
    total, free = space if space is not None else (None, None)
    drive = Drive(
        name=drive_name(part, system), mount_point=Path(part.mountpoint), device=part.device, fs_type=fs or "?",
        total=total, free=free, removable=removable, network=network, hard_links=links, holds_source=holds_source,
        system=system,
    )
    wanted = needed_full if drive.full_copies else needed
    if holds_source:
        drive.recommendation = SOURCE_DISK
        drive.notes.append(NOTE_SOURCE_DISK())
    elif wanted is not None and free is not None and free < wanted:
        from tsbackup_gui.core.primary.space import human_size

        drive.recommendation = TOO_SMALL
        drive.notes.append(NOTE_TOO_SMALL(free=human_size(free), needed=human_size(wanted)))
    elif removable:
        drive.recommendation = RECOMMENDED
        drive.notes.append(NOTE_RECOMMENDED_EXTERNAL())
    elif network:
        drive.recommendation = RECOMMENDED
        drive.notes.append(NOTE_RECOMMENDED_SHARE())
    else:
        drive.recommendation = POSSIBLE
        drive.notes.append(NOTE_INTERNAL())
    if links is False:
        drive.notes.append(NOTE_FULL_COPIES(fs=part.fstype or fs))
    elif links is None and network:
        drive.notes.append(NOTE_SHARE_COPIES())
    if fs in FAT_TYPES:
        drive.notes.append(NOTE_FAT())
    return drive


def drive_name(part: Partition, system: bool) -> str:
    """What a person calls it: the volume's name, the drive letter, the share."""
    mount = part.mountpoint
    if _is_windows_path(mount):
        return mount.rstrip("\\/") or mount
    name = PurePath(mount).name
    return name or mount


def mount_of(path: Path | str, partitions: Sequence[Partition]) -> Partition | None:
    """The partition whose mount point holds ``path`` (the longest that contains it), by path alone."""
    text = _norm(str(path))
    best: Partition | None = None
    best_len = -1
    for part in partitions:
        mount = _norm(part.mountpoint)
        if not mount:
            continue
        inside = text == mount or text.startswith(mount if mount.endswith("/") else mount + "/")
        if inside and len(mount) > best_len:
            best, best_len = part, len(mount)
    return best


def drive_for(path: Path | str, drives: Sequence[Drive]) -> Drive | None:
    """The listed drive that holds a folder chosen by hand."""
    text = _norm(str(path))
    best: Drive | None = None
    best_len = -1
    for drive in drives:
        mount = _norm(str(drive.mount_point))
        inside = text == mount or text.startswith(mount if mount.endswith("/") else mount + "/")
        if inside and len(mount) > best_len:
            best, best_len = drive, len(mount)
    return best


def _norm(text: str) -> str:
    text = text.replace("\\", "/")
    if _is_windows_path(text):
        text = text.casefold()
    return text if text == "/" or len(text) <= 3 and text.endswith(":/") else text.rstrip("/")


def _is_windows_path(text: str) -> bool:
    return len(text) >= 2 and text[1] == ":" and text[0].isalpha()


def _is_device(device: str) -> bool:
    return device.startswith("/dev/")


def folder_device_same(first: Path, second: Path) -> bool:
    """Whether two existing folders share a device (the one I/O check for a folder chosen by hand)."""
    try:
        return os.stat(first).st_dev == os.stat(second).st_dev
    except OSError:
        return False


def folder_drive(
    folder: Path,
    partitions: Iterable[Any],
    *,
    source: Path | None,
    usage: Usage = disk_usage,
    name: str | None = None,
    same_disk: bool = False,
    needed: int | None = None,
    needed_full: int | None = None,
) -> Drive:
    """A folder offered or chosen as the backup place, judged by the file system that holds it.

    ``same_disk`` adds what only the disk itself can tell (`disks.same_disk`
    on real folders); by path alone, the folder holds the source's disk when
    both lie under the same mount point.
    """
    from tsbackup_gui.core.install.demo import demo_volume

    parts = [Partition.of(item) for item in partitions]
    home = mount_of(folder, parts)
    source_home = mount_of(source, parts) if source is not None else None
    holds = same_disk or (home is not None and source_home is not None and home.mountpoint == source_home.mountpoint)
    opts = home.opts if home else ""
    if demo_volume(folder):  # the demo's stand-in for an external drive is shown as one
        holds, opts = False, ",".join(o for o in (opts, "removable") if o)
    base = Partition(home.device if home else "", str(folder), home.fstype if home else "", opts)
    drive = describe(base, usage(str(folder)), holds_source=holds, needed=needed, needed_full=needed_full)
    drive.name = name or drive.name
    drive.system = False
    return drive
