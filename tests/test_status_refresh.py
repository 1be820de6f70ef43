"""The status follows facts that changed without a backup or a check: the recovery sheet confirmed,
the backup drive plugged in again, and a check right after a confirmation does not ask again."""

from __future__ import annotations

from datetime import timedelta

from test_verify_support import NOW, new_generation, set_up, with_repo
from test_status import FRIDAY_OK, at, att, cfg

from tsbackup_gui.app.status import current_status
from tsbackup_gui.core.clock import FixedClock
from tsbackup_gui.core.check.monthly import run_check
from tsbackup_gui.core.messages import Message
from tsbackup_gui.core.status.model import compute_status
from tsbackup_gui.core.status.state import StatusFacts
from tsbackup_gui.core.store import config as config_mod
from tsbackup_gui.core.store.history import History
from tsbackup_gui.core.store.secrets import SecretStore

LATER = NOW + timedelta(hours=2)
DRIVE_GONE = Message("primary.drive_not_connected", "Connect the backup drive: /Volumes/Backup does not hold …")
SHEET = Message("check.sheet_confirm", "Check that the recovery sheet is still stored in its safe place …")


def test_a_confirmed_sheet_ends_the_checks_sheet_warning_at_once():
    check = att("2026-11-30 10:00", "warning", 1, [SHEET], kind="check")
    good = att("2026-11-30 18:30")
    before = compute_status(cfg(secondary={"kind": "external", "text": "NAS"}, recovery_sheet_confirmed="2026-01-05"),
                            [check, good], at("2026-11-30 20:00"))
    assert "check.sheet_confirm" in [r.code for r in before.reasons]
    after = compute_status(cfg(secondary={"kind": "external", "text": "NAS"}, recovery_sheet_confirmed="2026-11-30"),
                           [check, good], at("2026-11-30 20:01"))
    assert "check.sheet_confirm" not in [r.code for r in after.reasons]
    assert after.state == "ok" and after.exit_code == 0


def test_connect_the_drive_ends_when_the_drive_is_back():
    attempts = FRIDAY_OK + [att("2026-11-30 18:30", "failed", 4, [DRIVE_GONE], minutes=0)]
    config = cfg()
    away = compute_status(config, attempts, at("2026-11-30 18:40"), StatusFacts())
    assert away.message.id == "status.connect_drive"
    back = compute_status(config, attempts, at("2026-11-30 18:41"), StatusFacts(drive_connected=True))
    assert (back.state, back.message.id) == ("waiting", "status.drive_back")
    assert back.message.english().startswith("The backup drive is connected again")


def test_the_current_status_sees_the_marker_of_a_drive_plugged_in_again(tmp_path, tsbackup_home):
    from tsbackup_gui.core.setup.configure import SetupOptions, configure

    source = tmp_path / "timeSensor DataFiles"
    source.mkdir()
    (source / "timeSensor.4DD").write_bytes(b"x")
    drive = tmp_path / "drive"
    drive.mkdir()
    configure(SetupOptions(str(source), str(drive), computer="PC"))
    marker = drive / "timeSensor Backups" / "PC" / ".tsbackup-target"
    saved = marker.read_bytes()
    marker.unlink()  # the drive is away
    now = at("2026-11-30 18:40")
    History().record("backup", at("2026-11-30 18:30"), at("2026-11-30 18:30"), "failed", 4, [DRIVE_GONE])
    assert current_status(now).message.id == "status.connect_drive"
    marker.write_bytes(saved)  # plugged in again
    assert current_status(now).message.id == "status.drive_back"


def test_a_check_right_after_confirming_the_sheet_does_not_ask_again(tmp_path):
    config, _source = set_up(tmp_path)
    generation = new_generation(config)
    with_repo(tmp_path, config, generation)
    SecretStore(config.setup_id).set("repo-password", "x")  # the password; the repository may refuse it
    config.recovery_sheet_confirmed = LATER.date().isoformat()  # confirmed today
    config_mod.save(config)
    result = run_check(config, clock=FixedClock(LATER))
    severities = {f.message.id: f.severity for f in result.findings}
    assert severities.get("check.sheet_confirmed") == "ok" and "check.sheet_confirm" not in severities
