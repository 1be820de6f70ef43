"""Helpers for the restic, off-site and restore tests (this module holds no tests itself).

`restic init` takes seconds (it calibrates its key derivation), so one
repository is initialised per test process and copied for each test: a copy
is a complete, independent repository with the same password.
"""

from __future__ import annotations

import atexit
import os
import shutil
import subprocess
import tempfile
from datetime import datetime, timedelta, timezone
from pathlib import Path

from tsbackup_gui.core.primary.target import Target

from tsbackup_gui.core.primary.copier import make_generation

PASSWORD = "Correct-Horse-7-Battery-Staple"
SETUP_ID = "5e7f00aa11bb22cc33dd44ee55ff6677"
COMPUTER = "kanzlei-server"
RESTIC = shutil.which("restic")

_TEMPLATE: Path | None = None


def template_repo() -> Path:
    """One initialised repository per test process (removed at exit)."""
    global _TEMPLATE
    if _TEMPLATE is None:
        root = Path(tempfile.mkdtemp(prefix="tsbackup-restic-template-"))
        atexit.register(shutil.rmtree, root, True)
        env = {k: v for k, v in os.environ.items() if not k.startswith("RESTIC_")}
        env.update(RESTIC_PASSWORD=PASSWORD, RESTIC_CACHE_DIR=str(root / "cache"))
        subprocess.run([RESTIC, "init", "--repo", str(root / "repo")], env=env, check=True, capture_output=True)
        _TEMPLATE = root / "repo"
    return _TEMPLATE


def new_repo(where: Path) -> Path:
    """A fresh repository (a copy of the template) at ``where``."""
    shutil.copytree(template_repo(), where)
    return where


def restic_env(repo: Path, cache: Path, password: str = PASSWORD) -> dict[str, str]:
    """Environment for running the raw restic binary in a test."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("RESTIC_")}
    env.update(RESTIC_REPOSITORY=str(repo), RESTIC_PASSWORD=password, RESTIC_CACHE_DIR=str(cache))
    return env


def raw_restic(repo: Path, cache: Path, *args: str, password: str = PASSWORD, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([RESTIC, *args], env=restic_env(repo, cache, password), cwd=cwd, capture_output=True,
                          text=True, check=False)


def write_source(root: Path, files: dict[str, bytes]) -> Path:
    """A data folder with the given files ('/'-separated names); returns its path."""
    for name, data in files.items():
        path = root.joinpath(*name.split("/"))
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return root


SAMPLE = {
    "timeSensor.4DD": os.urandom(70_000),
    "timeSensor.4DIndx": b"index" * 1000,
    "timeSensor.journal": b"journal",
    "STUFF/BACKUP/notes.txt": "Grüezi Akten\n".encode(),
    "Settings/Backup.4DSettings": b"<Preferences4D/>",
}


def target(primary: Path, computer: str = COMPUTER, setup_id: str = SETUP_ID) -> Target:
    t = Target(primary, computer)
    t.write_marker(setup_id)
    return t


def generation(source: Path, t: Target, now: datetime, *, verdict: str = "consistent", setup_id: str = SETUP_ID,
               extra_sources=()):
    """One finished generation made by the real primary engine."""
    return make_generation(source, t, setup_id=setup_id, computer=t.computer, now=now, verdict=verdict,
                           extra_sources=extra_sources).generation


def local(year=2026, month=3, day=2, hour=18, minute=30) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=timezone(timedelta(hours=1)))


def tree_bytes(root: Path) -> dict[str, bytes | str]:
    """Every file's bytes, every symlink's target and every folder (as "<dir>") under ``root``."""
    found: dict[str, bytes | str] = {}
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root).as_posix()
        if path.is_symlink():
            found[rel] = "-> " + os.readlink(path)
        elif path.is_dir():
            found[rel] = "<dir>"
        else:
            found[rel] = path.read_bytes()
    return found
