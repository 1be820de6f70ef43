"""Shared steps of the status-window tests: a configured setup on a tmpfs "drive", recorded runs on
chosen days of November 2026 (Zurich), and a window opened at a fixed moment."""

from __future__ import annotations

import shutil
import tempfile
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tsbackup_gui.core.store import config as config_mod
from tsbackup_gui.core.clock import FixedClock
from tsbackup_gui.core.store.history import History
from tsbackup_gui.core.primary.target import Target
from tsbackup_gui.ui.status_window import StatusWindow

ZURICH = ZoneInfo("Europe/Zurich")
MB = 1_000_000


def wait_loaded(qtbot, window, loads: int = 1):
    qtbot.waitUntil(lambda: window.loads >= loads, timeout=20000)


@pytest.fixture
def drive():
    """The backup drive on another file system (tmpfs), as a real external drive would be."""
    folder = tempfile.mkdtemp(dir="/dev/shm", prefix="tsbackup-drive-")
    yield Path(folder)
    shutil.rmtree(folder, ignore_errors=True)


def configure(tmp_path: Path, drive: Path, *, offsite: bool = True, created: str = "2026-11-02T09:00:00+01:00",
              mode: str = "single") -> config_mod.Config:
    source = tmp_path / "Shared" / "timeSensor DataFiles"
    source.mkdir(parents=True)
    config = config_mod.Config(
        source=str(source), primary=str(drive), computer="Kanzlei-Mac", time="18:30",
        created=created, mode=mode,
        secondary={"kind": "external", "text": "NAS copy to the partner's office"} if offsite else None,
        recovery_sheet_confirmed="2026-11-02" if offsite else None,
    )
    Target(drive, config.computer).write_marker(config.setup_id)
    config_mod.save(config)
    return config


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=ZURICH)


def backups(history: History, days: list[int], outcome: str = "ok") -> None:
    for n, day in enumerate(days):
        start = at(day, 18, 30)
        history.record("backup", start, start + timedelta(minutes=2, seconds=n), outcome, 0 if outcome == "ok" else 1,
                       files=120, bytes=(40 + n) * MB, generation=f"2026-11-{day:02d}_183000")


def open_window(qtbot, now: datetime) -> StatusWindow:
    window = StatusWindow(language="en", clock=FixedClock(now))
    qtbot.addWidget(window)
    window.refresh()
    wait_loaded(qtbot, window)
    return window


WORKDAYS = [16, 17, 18, 19, 20, 23, 24, 25, 26]
