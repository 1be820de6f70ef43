"""The reliability suite's world: a configured setup driven through the real `tsbackup` command.

Every scenario checks the same five things: the state `tsbackup status --json`
reports (never ok after a fault), the exit code, the sentence the user sees,
that the source is byte-identical afterwards, and that every generation
`tsbackup generations --json` lists matches its manifest on disk.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from .world import World


def pytest_collection_modifyitems(items):
    for item in items:
        if "/reliability/" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.slow)


def mount_tmpfs(folder: Path, size: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)], check=True)


def unmount(folder: Path) -> None:
    """Unmounts everything stacked on `folder` (a read-only bind mount over a tmpfs, say)."""
    for _ in range(4):
        if subprocess.run(["mountpoint", "-q", str(folder)]).returncode != 0:
            return
        if subprocess.run(["umount", str(folder)], capture_output=True).returncode != 0:
            subprocess.run(["umount", "-l", str(folder)], capture_output=True)


@pytest.fixture
def drive_size() -> str:
    return "32m"


@pytest.fixture
def world(tmp_path, drive_size):
    """A small data folder (a few dozen files), a backup drive of its own (a tmpfs: another disk than
    the data, so a good run's status is plainly ok), `tsbackup setup` done."""
    made = World(tmp_path)
    mount_tmpfs(made.drive, drive_size)
    try:
        made.setup()
        yield made
    finally:
        unmount(made.drive)
