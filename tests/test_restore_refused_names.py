"""A restore into a folder that cannot hold some original names (a Mac's data restored onto a Windows
drive: ``:``, ``?``, a trailing dot): those files keep their safe names, everything is still checked
against the backup, and the person is told which file and why, with exit 1 instead of a failed restore.
Proven on a real NTFS drive (ntfs-3g with ``windows_names``, which refuses what Windows refuses)."""

from __future__ import annotations

import json
from pathlib import Path
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from fs_mounts import mounted
from hard_names import tree_bytes

from tsbackup_gui.app.backup import back_up_now
from tsbackup_gui.core.clock import FixedClock
from tsbackup_gui.core.setup.configure import SetupOptions, configure
from tsbackup_gui.core.store import config as config_mod

pytestmark = pytest.mark.slow

DATA = "timeSensor DataFiles"
NAMES = {
    "timeSensor.4DD": b"4D data",
    "Vertrag Meier:M\u00fcller 2024.docx": b"colon",
    "Akten/Frage?.txt": b"question",
    "Ende.": b"trailing dot",
    "Normal.txt": b"plain",
}
#: The safe names the generation stores them under (core/primary/safenames.py).
SAFE = {
    "Vertrag Meier:M\u00fcller 2024.docx": "Vertrag Meier\uff1aM\u00fcller 2024.docx",
    "Akten/Frage?.txt": "Akten/Frage\uff1f.txt",
    "Ende.": "Ende\uff0e",
}


def backed_up(tmp_path: Path):
    """`NAMES` in a data folder, set up and backed up once to a folder drive; returns the data folder and
    the run's result."""
    source = tmp_path / "Shared" / DATA
    for rel, data in NAMES.items():
        (source / rel).parent.mkdir(parents=True, exist_ok=True)
        (source / rel).write_bytes(data)
    drive = tmp_path / "drive"
    drive.mkdir()
    configure(SetupOptions(source=source, primary=drive, computer="Empfang"))
    config = config_mod.require()
    config.process_names = ["tsbtest refused-names nobody"]
    config_mod.save(config)
    run = back_up_now(config, clock=FixedClock(datetime(2026, 3, 2, 18, 30, tzinfo=ZoneInfo("Europe/Zurich"))))
    return source, run


def test_names_the_restore_folder_refuses_keep_their_safe_names_and_are_said(run_cli, tmp_path):
    _source, run = backed_up(tmp_path)
    assert run.outcome == "warning", [m.english() for m in run.messages()]  # the safe names, said once

    with mounted("ntfs", tmp_path / "ntfs") as windows_drive:
        to = windows_drive / "Wiederhergestellt"
        done = run_cli("restore", "--from", "primary", "--to", to, "--json")
        on_drive = {rel: (to / DATA / SAFE.get(rel, rel)).read_bytes() for rel in NAMES}
    summary = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")][-1]
    assert done.returncode == 1, done.stdout + done.stderr
    assert (summary["outcome"], summary["verified"], summary["mismatches"]) == ("warning", True, [])
    assert sorted(summary["kept_safe_names"]) == sorted(f"{DATA}/{rel}" for rel in SAFE)
    sentence = summary["reasons"][0]["message"]
    assert on_drive == NAMES  # every file there, the refused names under their safe names
    assert sentence.startswith(f"Files restored: {len(NAMES)} ")
    assert sentence.endswith(f"{len(SAFE)} file(s) keep their safe names, because this folder cannot hold their "
                             f"original names (the first: {summary['kept_safe_names'][0]}); the file "
                             "HOW-TO-RESTORE.txt on the backup drive explains the safe names.")


def test_on_a_folder_that_holds_every_name_nothing_is_kept(run_cli, tmp_path):
    """The same backup restored onto an ordinary Linux folder: every original name, exit 0."""
    source, _run = backed_up(tmp_path)
    to = tmp_path / "restored"
    done = run_cli("restore", "--from", "primary", "--to", to)
    assert done.returncode == 0, done.stdout + done.stderr
    assert tree_bytes(to / DATA) == tree_bytes(source)
