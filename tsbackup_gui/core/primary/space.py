"""Will the new generation fit? Decided before the first byte is written.

Hard links cost (almost) nothing, so only files that must really be copied
count; where the file system cannot link (exFAT, FAT, many SMB shares) every
file counts. The answer errs on the side of "does not fit": a backup that
stops before it starts leaves everything as it was, one that fills the drive
halfway only wastes the night.
"""

from __future__ import annotations

import os
import shutil
import uuid
from pathlib import Path

import psutil

from tsbackup_gui.core.errors import Exit, UserError
from tsbackup_gui.core.messages import QT_TRANSLATE_NOOP, define

TARGET_TOO_SMALL = define(
    "primary.target_too_small",
    QT_TRANSLATE_NOOP("core", "The backup drive is full: this backup needs {needed}, but only {free} are free on {path}. Free space on the drive or connect a bigger one; the existing backups were left as they are."),
)
FAT_FILE_TOO_BIG = define(
    "primary.fat_file_too_big",
    QT_TRANSLATE_NOOP("core", "The backup drive {path} uses the FAT file system, which cannot store files larger than 4 GB, and {file} is {size}. Use a drive formatted as exFAT, NTFS or APFS."),
)

FAT_TYPES = {"vfat", "msdos", "fat", "fat12", "fat16", "fat32"}
FAT_LIMIT = 4 * 1024**3 - 1
MANIFEST_BYTES_PER_ENTRY = 320


def human_size(n: int) -> str:
    """Sizes for sentences: decimal units as Finder and Explorer's disk pages show them."""
    value = float(n)
    for unit in ("bytes", "KB", "MB", "GB", "TB"):
        if value < 1000 or unit == "TB":
            return f"{int(value)} {unit}" if unit == "bytes" else f"{value:.1f} {unit}"
        value /= 1000
    return f"{n} bytes"


def links_work(folder: Path) -> bool:
    """Tries one hard link in `folder` (which must exist); cleans up after itself."""
    token = uuid.uuid4().hex[:12]
    first = Path(folder) / f".tsbackup-linkprobe-{token}"
    second = Path(folder) / f".tsbackup-linkprobe-{token}-2"
    try:
        first.write_bytes(b"")
    except OSError:
        return False
    try:
        os.link(first, second)
        return os.stat(first).st_nlink >= 2
    except OSError:
        return False
    finally:
        for path in (second, first):
            try:
                path.unlink()
            except OSError:
                pass


def filesystem_type(path: Path) -> str | None:
    """The type of the file system holding `path` (lower case), from the OS's mount list."""
    try:
        real = os.path.normcase(os.path.realpath(path))
        partitions = psutil.disk_partitions(all=True)
    except (OSError, RuntimeError):
        return None
    best, best_len = None, -1
    for part in partitions:
        mount = os.path.normcase(part.mountpoint)
        try:
            inside = os.path.commonpath([real, mount]) == mount
        except ValueError:
            continue
        if inside and len(mount) > best_len:
            best, best_len = part.fstype, len(mount)
    return best.lower() if best else None


def block_size(folder: Path) -> int:
    try:
        size = os.statvfs(folder).f_frsize
    except (AttributeError, OSError):
        return 4096
    return size if size > 0 else 4096


def bytes_needed(copy_sizes, other_entries: int, block: int) -> int:
    """Blocks for every copied file and one per folder or link, plus the manifest and a margin."""
    data = sum(-(-size // block) * block for size in copy_sizes)
    total = data + other_entries * block
    manifest = (len(copy_sizes) + other_entries) * MANIFEST_BYTES_PER_ENTRY + block
    return total + manifest + min(64 * 1024**2, total // 100)


def check_space(folder: Path, needed: int, drive: Path) -> None:
    """Refuses when `needed` bytes are not free. A drive whose driver reports no size at all
    (fusefat says 0 blocks, 0 free) cannot be judged in advance: then the copy itself says when it is full."""
    usage = shutil.disk_usage(folder)
    if usage.total == 0:
        return
    free = usage.free
    if needed > free:
        raise UserError(
            TARGET_TOO_SMALL(needed=human_size(needed), free=human_size(free), path=str(drive)),
            Exit.TARGET_UNAVAILABLE,
        )


def check_file_size_limit(fstype: str | None, files, drive: Path) -> None:
    """FAT cannot hold a file of 4 GiB or more: say so before copying, naming the file.

    `files` yields (display path, size).
    """
    if (fstype or "").lower() not in FAT_TYPES:
        return
    for path, size in files:
        if size > FAT_LIMIT:
            raise UserError(FAT_FILE_TOO_BIG(path=str(drive), file=path, size=human_size(size)), Exit.TARGET_UNAVAILABLE)


def format_count(value: int) -> str:
    """A count of files for a sentence: thousands grouped, as people read them."""
    return f"{value:,}"
