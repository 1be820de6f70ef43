"""Shared helpers for the primary-engine tests (imported by the other test_primary_* files).

Real files throughout: sources are built on disk, generations are made by the
real copier, and comparisons read bytes back.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import unicodedata
import uuid
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from tsbackup_gui.core.primary.target import Target

from tsbackup_gui.core.primary.copier import make_generation
from tsbackup_gui.core.primary.generations import Generation
from tsbackup_gui.core.primary.manifest import Manifest

ZURICH_WINTER = timezone(timedelta(hours=1))
SETUP = "setup-0001"
COMPUTER = "KANZLEI-PC"


def write(path: Path, data: bytes = b"", mtime: float | None = None) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    if mtime is not None:
        os.utime(path, (mtime, mtime))
    return path


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def make_source(root: Path) -> Path:
    """A small data folder with what real ones have: a data file, documents, nesting, an empty folder."""
    src = root / "timeSensor DataFiles"
    write(src / "timeSensor.4DD", os.urandom(300_000), 1_700_000_000)
    write(src / "timeSensor.4DIndx", os.urandom(40_000), 1_700_000_100)
    write(src / "timeSensor.journal", b"journal " * 100, 1_700_000_200)
    write(src / "Settings" / "Backup.4DSettings", b"<Preferences4D/>", 1_700_000_300)
    for i in range(12):
        write(src / "STUFF" / "Dokumente" / f"Brief {i:02d}.docx", os.urandom(1000 + i), 1_700_001_000 + i)
    write(src / "Logs" / "Backup Journal[001].txt", b"2026-11-27\t02:00\tbackup\n", 1_700_002_000)
    write(src / "leer.txt", b"", 1_700_002_100)
    (src / "STUFF" / "BACKUP").mkdir(parents=True)
    (src / "Empty Folder").mkdir()
    os.utime(src / "Empty Folder", ns=(1_600_000_000_000_000_000, 1_600_000_000_123_456_789))
    return src


def source_tree(root: Path) -> dict[str, tuple]:
    """Relative NFC path → (kind, bytes-or-target, mtime_ns) for everything under `root`."""
    out: dict[str, tuple] = {}
    for folder, dirnames, filenames in os.walk(root):
        for name in dirnames + filenames:
            path = Path(folder) / name
            rel = unicodedata.normalize("NFC", str(path.relative_to(root)).replace(os.sep, "/"))
            st = path.lstat()
            if path.is_symlink():
                out[rel] = ("symlink", os.readlink(path), st.st_mtime_ns)
            elif path.is_dir():
                out[rel] = ("dir", None, st.st_mtime_ns)
            else:
                out[rel] = ("file", path.read_bytes(), st.st_mtime_ns)
    return out


def assert_same_tree(source: Path, copy: Path) -> None:
    """Bytes, link targets and mtimes (files and folders) equal, names compared in NFC."""
    want, got = source_tree(source), source_tree(copy)
    assert sorted(got) == sorted(want)
    for rel, (kind, content, mtime_ns) in want.items():
        assert got[rel][0] == kind, rel
        assert got[rel][1] == content, rel
        assert got[rel][2] == mtime_ns, rel
    assert os.stat(copy).st_mtime_ns == os.stat(source).st_mtime_ns


def target_for(primary: Path, setup_id: str = SETUP, computer: str = COMPUTER) -> Target:
    target = Target(primary, computer)
    target.write_marker(setup_id)
    return target


def gen(source: Path, target: Target, now: datetime, **kwargs):
    kwargs.setdefault("setup_id", SETUP)
    kwargs.setdefault("computer", COMPUTER)
    return make_generation(source, target, now=now, **kwargs)


def at(day: str, hhmm: str = "18:30", tz=ZURICH_WINTER) -> datetime:
    return datetime.fromisoformat(f"{day}T{hhmm}:00").replace(tzinfo=tz)


def fake_generation(gen_id: str, ended: datetime, verdict: str = "consistent", verified: str | None = None,
                    entries=None) -> Generation:
    """A generation that exists only in memory: for the pure retention rules."""
    manifest = Manifest(
        generation=gen_id, setup_id=SETUP, computer=COMPUTER, source="/src", verdict=verdict,
        started=(ended - timedelta(minutes=5)).astimezone(timezone.utc).isoformat(),
        ended=ended.astimezone(timezone.utc).isoformat(), entries=list(entries or []),
        files=0, bytes=0, linked=0, copied=0, warnings=[], verified=verified,
    )
    return Generation(gen_id, Path("/nonexistent") / gen_id, manifest)


def listing(folder: Path) -> list[str]:
    return sorted(os.listdir(folder))


@pytest.fixture
def tmpfs(tmp_path):
    """A real, small tmpfs (2 MiB) mounted for one test: a backup drive that can fill up."""
    mounted: list[Path] = []

    def mount(size: str = "2m") -> Path:
        point = tmp_path / f"drive-{uuid.uuid4().hex[:6]}"
        point.mkdir()
        subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(point)], check=True)
        mounted.append(point)
        return point

    yield mount
    for point in mounted:
        subprocess.run(["umount", "-l", str(point)], capture_output=True)
