"""Two backup drives in rotation: each with its own marker, the run on whichever is connected
(drive 1 first), the history saying which, the swap reminder, and the `drives` command.

The data folder lives on /dev/shm (another file system than the drives under tmp_path),
because a second drive on the data's own disk is refused."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from zoneinfo import ZoneInfo

from tsbackup_gui.core.store import config as config_mod
from tsbackup_gui.core.clock import FixedClock
from tsbackup_gui.core.store.config import Config
from tsbackup_gui.core.errors import UserError
from tsbackup_gui.core.store.history import Attempt, History
from tsbackup_gui.core.run.backup import run_backup
from tsbackup_gui.core.primary.target import BACKUPS_DIR, MARKER_NAME
from tsbackup_gui.core.drives.rotation import add_drive, remove_drive
from tsbackup_gui.core.status.rotation_history import drives, swap_reasons
from tsbackup_gui.core.setup.configure import SetupOptions, configure
from tsbackup_gui.core.status.model import compute_status

ZH = ZoneInfo("Europe/Zurich")
MONDAY = datetime(2026, 11, 2, 18, 30, tzinfo=ZH)
THURSDAY_RUN = datetime(2026, 11, 19, 18, 35, tzinfo=ZH)  # the evening before the status tests' "now"


@pytest.fixture
def shm_source():
    root = Path(tempfile.mkdtemp(prefix="tsbackup-rotation-", dir="/dev/shm"))
    source = root / "timeSensor DataFiles"
    (source / "Akten").mkdir(parents=True)
    (source / "timeSensor.4DD").write_bytes(os.urandom(4000))
    (source / "Akten" / "Akte 1.pdf").write_bytes(b"%PDF-1.4 Akte")
    yield source
    shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def two_drives(tmp_path, shm_source):
    first, second = tmp_path / "Backup A", tmp_path / "Backup B"
    first.mkdir()
    second.mkdir()
    config = configure(SetupOptions(str(shm_source), str(first), computer="PC")).config
    config = add_drive(config, second, "Backup B", now=MONDAY - timedelta(days=1))
    return config, first, second, shm_source


def folder(drive: Path) -> Path:
    return drive / BACKUPS_DIR / "PC"


def generations(drive: Path) -> list[str]:
    return sorted(p.name for p in folder(drive).iterdir() if not p.name.startswith(".")) if folder(drive).exists() else []


def unplug(drive: Path) -> Path:
    away = drive.with_name(drive.name + " (unplugged)")
    drive.rename(away)
    drive.mkdir()  # the empty mount point an unmounted drive leaves
    return away


def plug(drive: Path, away: Path) -> None:
    drive.rmdir()
    away.rename(drive)


def test_add_drive_writes_its_own_marker_and_stores_the_drive(two_drives):
    config, first, second, _ = two_drives
    marker_b = json.loads((folder(second) / MARKER_NAME).read_text(encoding="utf-8"))
    marker_a = json.loads((folder(first) / MARKER_NAME).read_text(encoding="utf-8"))
    assert marker_b["setup_id"] == marker_a["setup_id"] == config.setup_id
    assert marker_b["label"] == "Backup B" and len(marker_b["drive_id"]) == 32
    assert "drive_id" not in marker_a  # drive 1's marker is setup's, untouched
    assert (second / BACKUPS_DIR / "HOW-TO-RESTORE.txt").exists()
    stored = config_mod.require()
    assert [(d["path"], d["label"]) for d in stored.extra_drives] == [(str(second), "Backup B")]
    assert stored.extra_drives[0]["drive_id"] == marker_b["drive_id"]
    assert stored.primary == str(first)  # drive 1 stays the primary


def test_add_drive_refusals_touch_nothing(two_drives, tmp_path, shm_source):
    config, first, second, _ = two_drives
    before = config_mod.require().to_json()
    on_source_disk = shm_source.parent / "stick"
    on_source_disk.mkdir()
    foreign = tmp_path / "Foreign"
    (foreign / BACKUPS_DIR / "PC").mkdir(parents=True)
    (foreign / BACKUPS_DIR / "PC" / MARKER_NAME).write_text(json.dumps({"setup_id": "someone-else"}))
    fresh = tmp_path / "Backup C"
    fresh.mkdir()
    cases = [
        (first, "Other", f"{first} is already a backup drive of this setup. Give the folder on the other drive."),
        (second, "Other", f"{second} is already a backup drive of this setup. Give the folder on the other drive."),
        (on_source_disk, "Stick", f"{on_source_disk} is on the same disk as the timeSensor LEGAL data, so it would not "
                                  "survive a failure of that disk. Choose another drive."),
        (tmp_path / "missing", "X", f"{tmp_path / 'missing'} is not a folder that exists. Connect the drive and give the folder on it."),
        (fresh, "backup b", "The drive name 'backup b' cannot be used. Give a short name (at most 40 characters) that is "
                            "not used by another drive of this setup."),
        (foreign, "Foreign", f"The folder {foreign / BACKUPS_DIR / 'PC'} already holds the backups of another setup. "
                             "Use --adopt to take it over; its backups are kept."),
    ]
    for path, label, sentence in cases:
        with pytest.raises(UserError) as caught:
            add_drive(config, path, label)
        assert (caught.value.exit_code, caught.value.message.english()) == (2, sentence)
    assert config_mod.require().to_json() == before
    assert list(on_source_disk.iterdir()) == [] and list(fresh.iterdir()) == []
    assert json.loads((foreign / BACKUPS_DIR / "PC" / MARKER_NAME).read_text()) == {"setup_id": "someone-else"}


def test_run_uses_whichever_drive_is_connected_and_the_history_says_which(two_drives, run_cli, tmp_path):
    config, first, second, _ = two_drives
    clock = FixedClock(MONDAY)
    both = run_backup(config, clock=clock)  # both connected: drive 1
    assert both.outcome == "ok" and generations(first) == [both.generation] and generations(second) == []

    away = unplug(first)
    clock.advance(days=1)
    other = run_backup(config, clock=clock)
    assert (other.outcome, other.exit_code) == ("ok", 0)
    assert generations(second) == [other.generation]
    assert [a.details.get("drive") for a in History().attempts()] == ["Backup B", "Backup A"]

    states = drives(config, History().attempts())
    assert [(s.number, s.label, s.connected) for s in states] == [(1, "Backup A", False), (2, "Backup B", True)]
    assert [s.last_used for s in states] == [MONDAY, MONDAY + timedelta(days=1)]  # the fixed clock's run ends

    # `generations` and restore work on the connected drive (drive 2 here).
    listed = run_cli("generations", "--json")
    assert listed.returncode == 0, listed.stderr
    assert [row["id"] for row in json.loads(listed.stdout)] == [other.generation]
    to = tmp_path / "restored"
    restored = run_cli("restore", "--from", "primary", "--to", to)
    assert restored.returncode == 0, restored.stdout + restored.stderr
    assert (to / "timeSensor DataFiles" / "Akten" / "Akte 1.pdf").read_bytes() == b"%PDF-1.4 Akte"

    away_b = unplug(second)  # none connected: the usual wait for the drive, nothing created
    clock.advance(days=1)
    none = run_backup(config, clock=clock)
    assert (none.outcome, none.exit_code) == ("failed", 4)
    assert none.reasons[0].id == "primary.drive_not_connected"
    assert list(first.iterdir()) == [] and list(second.iterdir()) == []
    plug(first, away)
    plug(second, away_b)


def history_with(ended: datetime, drive: str | None, ident: int) -> Attempt:
    details = {"drive": drive, "drive_path": ""} if drive else {}
    return Attempt(ident, "backup", ended - timedelta(minutes=5), ended, "ok", 0, [], details=details)


def rotation_config(added: str = "2026-10-01T09:00:00+02:00") -> Config:
    return Config(source="/src", primary="/Volumes/Backup A", created="2026-10-01T09:00:00+02:00",
                  secondary={"kind": "folder", "path": "/offsite"}, recovery_sheet_confirmed="2026-10-01",
                  extra_drives=[{"path": "/Volumes/Backup B", "label": "Backup B", "added": added}])


def test_status_asks_for_a_swap_after_14_days_on_one_drive():
    config = rotation_config()
    now = datetime(2026, 11, 20, 9, 0, tzinfo=ZH)
    attempts = [history_with(THURSDAY_RUN, "Backup A", 3), history_with(now - timedelta(days=15), "Backup B", 2),
                history_with(now - timedelta(days=30), None, 1)]  # before rotation: drive 1
    status = compute_status(config, attempts, now)
    assert status.state == "warning"
    assert [r.message.english() for r in status.reasons] == ["The backup drive Backup B was last used 2026-11-05. Swap the drives."]
    assert [r.code for r in status.reasons] == ["rotation.swap"]

    recent = [history_with(THURSDAY_RUN, "Backup A", 3), history_with(now - timedelta(days=13), "Backup B", 2)]
    assert compute_status(config, recent, now).state == "ok"
    assert swap_reasons(Config(source="/src", primary="/x"), attempts, now) == []  # one drive: no swap


def test_a_drive_never_used_warns_14_days_after_it_was_added():
    now = datetime(2026, 11, 20, 9, 0, tzinfo=ZH)
    attempts = [history_with(THURSDAY_RUN, "Backup A", 1)]
    assert compute_status(rotation_config(added="2026-11-10T09:00:00+01:00"), attempts, now).state == "ok"
    late = compute_status(rotation_config(added="2026-11-05T08:00:00+01:00"), attempts, now)
    assert late.state == "warning"
    assert [r.message.english() for r in late.reasons] == [
        "The backup drive Backup B has not been used since it was added 2026-11-05. Swap the drives."]


def test_remove_drive_forgets_it_and_keeps_its_backups(two_drives):
    config, first, second, _ = two_drives
    away = unplug(first)
    made = run_backup(config, clock=FixedClock(MONDAY))
    plug(first, away)
    before = {p: p.read_bytes() for p in folder(second).rglob("*") if p.is_file()}
    with pytest.raises(UserError) as caught:
        remove_drive(config, first)
    assert caught.value.message.id == "rotation.first_drive"
    new = remove_drive(config, second)
    assert new.extra_drives == [] and config_mod.require().extra_drives == []
    assert {p: p.read_bytes() for p in folder(second).rglob("*") if p.is_file()} == before
    assert generations(second) == [made.generation]


def test_drives_command(tmp_path, run_cli, shm_source):
    first, second = tmp_path / "A", tmp_path / "B"
    first.mkdir()
    second.mkdir()
    configure(SetupOptions(str(shm_source), str(first), computer="PC"))
    added = run_cli("drives", "add", second, "--label", "Laufwerk B")
    assert added.returncode == 0, added.stderr
    assert added.stdout.strip() == (f"The backup drive Laufwerk B at {second} was added. "
                                    "Backups go to whichever backup drive is connected.")
    listed = run_cli("drives", "list")
    assert listed.stdout.splitlines() == [f"Drive 1: A at {first} — connected, last used never.",
                                          f"Drive 2: Laufwerk B at {second} — connected, last used never."]
    as_json = json.loads(run_cli("drives", "list", "--json").stdout)
    assert [(d["number"], d["label"], d["connected"]) for d in as_json] == [(1, "A", True), (2, "Laufwerk B", True)]
    no_label = run_cli("drives", "add", tmp_path)
    assert (no_label.returncode, no_label.stderr.strip()) == (
        2, 'Give the drive a name with --label, for example --label "Drive B".')
    removed = run_cli("drives", "remove", second)
    assert removed.returncode == 0
    assert removed.stdout.strip() == "The backup drive Laufwerk B was removed from this setup. The backups on it were kept."
    assert (second / BACKUPS_DIR / "PC" / MARKER_NAME).exists()


def test_drive_b_at_drive_1s_place_is_recognised_by_its_marker(two_drives):
    config, first, second, _ = two_drives
    clock = FixedClock(MONDAY)
    assert run_backup(config, clock=clock).outcome == "ok"  # drive 1: its marker gets an id of its own now
    marker_a = json.loads((folder(first) / MARKER_NAME).read_text(encoding="utf-8"))
    assert len(marker_a["drive_id"]) == 32 and marker_a["setup_id"] == config.setup_id
    assert History().attempts()[0].details["drive_id"] == marker_a["drive_id"]

    # Drive A goes home; drive B is plugged in and mounted where A was (the same letter E:).
    home = first.with_name("A at home")
    first.rename(home)
    second.rename(first)
    second.mkdir()
    clock.advance(days=1)
    made = run_backup(config, clock=clock)
    assert made.outcome == "ok"
    newest = History().attempts()[0]
    b_id = config_mod.require().extra_drives[0]["drive_id"]
    assert (newest.details["drive"], newest.details["drive_id"]) == ("Backup B", b_id)
    states = drives(config, History().attempts())
    assert [(s.number, s.connected) for s in states] == [(1, False), (2, True)]
    assert [s.last_used for s in states] == [MONDAY, MONDAY + timedelta(days=1)]
    assert json.loads((folder(first) / MARKER_NAME).read_text(encoding="utf-8"))["drive_id"] == b_id


def test_a_folder_inside_a_drive_is_not_a_second_drive(two_drives):
    config, first, _, _ = two_drives
    inner = first / "inner"
    inner.mkdir()
    with pytest.raises(UserError) as caught:
        add_drive(config, inner, "Inner")
    assert caught.value.message.id == "rotation.already_a_drive"


def test_only_the_run_gives_drive_1_its_id_the_tick_and_the_views_only_look(two_drives):
    from tsbackup_gui.core.schedule import tick
    from tsbackup_gui.core.drives.rotation import choose, connected_config

    config, first, _, _ = two_drives
    marker = folder(first) / MARKER_NAME
    before = marker.read_bytes()
    assert "drive_id" not in json.loads(before)
    assert tick.preflight(config, guard_factory=None) == []  # "looks, writes nothing"
    connected_config(config)
    chosen, drive = choose(config)
    assert (chosen.primary, drive["number"]) == (str(first), 1)
    assert marker.read_bytes() == before
    assert run_backup(config, clock=FixedClock(MONDAY)).outcome == "ok"
    assert len(json.loads(marker.read_bytes())["drive_id"]) == 32  # the run, under its lock


@pytest.mark.parametrize("bad", [1, "E:/Backup B", [1], [{"label": "B"}], [{"path": 5}]])
def test_a_damaged_drive_list_falls_back_to_drive_1_and_never_breaks_the_status(two_drives, bad):
    import dataclasses

    from tsbackup_gui.core.drives.rotation import choose

    config, first, _, _ = two_drives
    damaged = dataclasses.replace(config, extra_drives=bad)
    chosen, drive = choose(damaged)
    assert (chosen.primary, drive["number"]) == (str(first), 1)
    status = compute_status(damaged, [], MONDAY)
    # the same status as the setup with drive 1 alone: the damaged list is ignored, not half-read
    alone = compute_status(dataclasses.replace(config, extra_drives=[]), [], MONDAY)
    shown = lambda st: (st.state, st.message.english(), [(r.code, r.message.english()) for r in st.reasons])
    assert shown(status) == shown(alone)
    assert status.message.english()  # a sentence for the tray
