"""Pausing backups: the stored end, scheduled runs that skip once per slot, a manual run that
still runs, the status while paused and the overdue rule after the pause, and the command."""

from __future__ import annotations

import json
import os
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
from tsbackup_gui.core.run.result import NOT_DUE
from tsbackup_gui.core.schedule.pause import pause, paused_until, resume
from tsbackup_gui.core.setup.configure import SetupOptions, configure
from tsbackup_gui.core.status.model import compute_status

ZH = ZoneInfo("Europe/Zurich")
MONDAY = datetime(2026, 11, 2, 10, 0, tzinfo=ZH)  # a working day; the slot is 18:30


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=ZH)


def cfg(**values) -> Config:
    values.setdefault("created", "2026-10-01T09:00:00+02:00")
    values.setdefault("secondary", {"kind": "folder", "path": "/offsite"})  # no repo: no off-site age
    values.setdefault("recovery_sheet_confirmed", "2026-10-01")
    values.setdefault("source", "/src")
    values.setdefault("primary", "/dst")
    return Config(**values)


def ok(started: datetime, ident: int = 1) -> Attempt:
    return Attempt(ident, "backup", started, started + timedelta(minutes=5), "ok", 0, [])


# -- the stored pause --------------------------------------------------------------------------


def test_pause_stores_an_aware_end_at_midnight_and_ends_by_itself():
    paused = pause(cfg(), 3, MONDAY)
    assert paused.paused_until == "2026-11-05T00:00:00+01:00"
    end = datetime.fromisoformat(paused.paused_until)
    assert paused_until(paused, MONDAY) == end
    assert paused_until(paused, at("2026-11-04T23:59:59")) == end
    assert paused_until(paused, at("2026-11-05T00:00:00")) is None  # over: nothing has to clear it
    assert paused_until(resume(paused), MONDAY) is None
    assert paused_until(cfg(paused_until="garbage"), MONDAY) is None  # a damaged value never stops backups
    assert paused_until(cfg(paused_until="2026-11-05T00:00:00"), MONDAY) is None  # naive: not ours


@pytest.mark.parametrize("days", [0, 31, -1, True, "3"])
def test_pause_refuses_days_outside_1_to_30(days):
    with pytest.raises(UserError) as caught:
        pause(cfg(), days, MONDAY)
    assert caught.value.exit_code == 2
    assert caught.value.message.english() == f"Backups can be paused for 1 to 30 days, not {days}. Give a number of days in that range."


def test_pause_survives_the_config_file():
    config_mod.save(pause(cfg(), 30, MONDAY))
    assert config_mod.require().paused_until == "2026-12-02T00:00:00+01:00"


# -- the status ----------------------------------------------------------------------------


def test_status_while_paused_is_waiting_with_the_pause_headline_and_no_overdue():
    config = pause(cfg(), 7, MONDAY)
    last = ok(at("2026-10-30T18:30"))  # Friday; Monday's slot and a whole week go by
    for now in (at("2026-11-03T10:00"), at("2026-11-08T23:00")):
        status = compute_status(config, [last], now)
        assert status.state == "waiting"
        assert status.message.english() == "Backups are paused until 2026-11-09. They resume by themselves."
        assert [r.code for r in status.reasons] == ["pause.active"]
        assert status.next_due == at("2026-11-09T18:30")
    unpaused = compute_status(cfg(), [last], at("2026-11-08T23:00"))
    assert unpaused.state == "overdue"  # the same week without a pause is an alarm


def test_after_the_pause_overdue_counts_from_its_end():
    config = pause(cfg(), 7, MONDAY)  # until Monday 2026-11-09 00:00
    last = ok(at("2026-10-30T18:30"))
    # Monday's slot 18:30 + 12 h grace: still fine on Tuesday 06:00, overdue at 07:00.
    fine = compute_status(config, [last], at("2026-11-10T06:00"))
    assert fine.state == "ok" and fine.message.english().startswith("Last backup ")
    late = compute_status(config, [last], at("2026-11-10T07:00"))
    assert late.state == "overdue"
    assert late.message.english() == "No backup since 2026-10-30."


def test_a_failure_stays_visible_while_paused():
    config = pause(cfg(), 3, MONDAY)
    failed = Attempt(2, "backup", at("2026-11-02T09:00"), at("2026-11-02T09:01"), "failed", 4,
                     [config_mod.NOT_CONFIGURED()])
    assert compute_status(config, [ok(at("2026-10-30T18:30")), failed], MONDAY).state == "failed"


# -- the run -----------------------------------------------------------------------------------


@pytest.fixture
def setup_done(tmp_path):
    source = tmp_path / "timeSensor DataFiles"
    source.mkdir()
    (source / "timeSensor.4DD").write_bytes(os.urandom(5000))
    drive = tmp_path / "drive"
    drive.mkdir()
    result = configure(SetupOptions(str(source), str(drive), computer="PC"))
    config = result.config
    config.created = "2026-10-01T09:00:00+02:00"  # before the test's days
    config_mod.save(config)
    return config, result.folder


def generations(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if not p.name.startswith("."))


def test_scheduled_runs_skip_once_per_slot_while_a_manual_run_still_runs(setup_done):
    config, folder = setup_done
    config = pause(config, 2, MONDAY)  # Monday and Tuesday
    clock = FixedClock(at("2026-11-02T18:31"))
    first = run_backup(config, clock=clock, scheduled=True)
    assert (first.outcome, first.exit_code, first.generation) == ("skipped", 0, None)
    assert [r.english() for r in first.reasons] == ["No backup was made: backups are paused until 2026-11-04."]
    clock.advance(minutes=1)
    again = run_backup(config, clock=clock, scheduled=True)  # the tray asks every minute
    assert again.outcome == NOT_DUE
    assert again.reasons[0].english() == "No backup is due now. The next one is due on 2026-11-04 18:30."
    (skip,) = History().attempts()
    assert (skip.outcome, skip.exit_code, skip.reason_code) == ("skipped", 0, "pause.skipped")

    clock.set(at("2026-11-03T18:31"))  # Tuesday's slot: one more record, no copy
    assert run_backup(config, clock=clock, scheduled=True).outcome == "skipped"
    assert run_backup(config, clock=clock, scheduled=True).outcome == NOT_DUE
    assert [a.reason_code for a in History().attempts()] == ["pause.skipped", "pause.skipped"]
    assert generations(folder) == []

    manual = run_backup(config, clock=clock)  # "Back up now" while paused
    assert (manual.outcome, manual.exit_code) == ("ok", 0)
    assert generations(folder) == [manual.generation]

    clock.set(at("2026-11-04T18:31"))  # the pause is over: Wednesday's slot runs by itself
    resumed = run_backup(config, clock=clock, scheduled=True)
    assert (resumed.outcome, resumed.exit_code) == ("ok", 0)
    assert len(generations(folder)) == 2


# -- the command -------------------------------------------------------------------------------


def test_pause_command(tmp_path, run_cli, tsbackup_home):
    config_mod.save(cfg(source=str(tmp_path / "src"), primary=str(tmp_path / "dst")))
    paused = run_cli("pause", "--days", "3")
    assert paused.returncode == 0, paused.stderr
    day = datetime.fromisoformat(config_mod.require().paused_until).date().isoformat()
    assert paused.stdout.strip() == f"Backups are paused until {day}. They resume by themselves; 'Back up now' still works."
    status = run_cli("status", "--json")
    data = json.loads(status.stdout)
    assert data["state"] == "waiting"
    assert data["message"] == f"Backups are paused until {day}. They resume by themselves."
    assert "pause.active" in [r["code"] for r in data["reasons"]]

    wrong = run_cli("pause", "--days", "31")
    assert wrong.returncode == 2 and wrong.stdout == ""
    assert wrong.stderr.strip() == "Backups can be paused for 1 to 30 days, not 31. Give a number of days in that range."
    assert config_mod.require().paused_until is not None  # a refused change touches nothing

    resumed = run_cli("pause", "--resume")
    assert resumed.returncode == 0
    assert resumed.stdout.strip() == "Backups are no longer paused. The next backup runs at the usual time."
    assert config_mod.require().paused_until is None
    after = json.loads(run_cli("status", "--json").stdout)
    assert "pause.active" not in [r["code"] for r in after["reasons"]]


def test_an_end_more_than_31_days_ahead_is_no_pause():
    now = at("2026-11-02T10:00")
    assert paused_until(cfg(paused_until="2027-11-02T00:00:00+01:00"), now) is None  # the clock was wrong
    assert paused_until(cfg(paused_until="2026-12-02T00:00:00+01:00"), now) is not None


def test_pausing_keeps_a_drive_added_since_the_dialog_opened_and_tells_the_it_partner(tmp_path):
    from reports_servers import start_http

    from tsbackup_gui.app.pause import pause_for as pause_saved, resume_now as resume_saved

    server, url = start_http()
    try:
        config_mod.save(cfg(source=str(tmp_path), primary=str(tmp_path), computer="PC", reports={"ping_url": url}))
        seen_by_dialog = config_mod.require()
        later = config_mod.require()
        later.extra_drives = [{"path": "/media/B", "label": "B", "added": "2026-11-01T10:00:00+01:00"}]
        config_mod.save(later)  # the drives dialog saved in between
        saved = pause_saved(3, MONDAY)
        assert seen_by_dialog.extra_drives == [] and saved.extra_drives == later.extra_drives
        stored = config_mod.require()
        assert stored.extra_drives == later.extra_drives and stored.paused_until == "2026-11-05T00:00:00+01:00"
        assert [(m, p) for m, p, _ in server.requests] == [("POST", "/ping/abc-123")]
        assert b"Backups are paused until 2026-11-05" in server.requests[0][2]
        assert resume_saved().paused_until is None and config_mod.require().extra_drives == later.extra_drives
    finally:
        server.shutdown()
        server.server_close()


def test_a_report_that_cannot_be_sent_does_not_fail_the_pause(tmp_path):
    from reports_servers import closed_port

    from tsbackup_gui.app.pause import pause_for as pause_saved

    config_mod.save(cfg(source=str(tmp_path), primary=str(tmp_path), computer="PC",
                        reports={"ping_url": f"http://127.0.0.1:{closed_port()}/p"}))
    assert pause_saved(2, MONDAY).paused_until == "2026-11-04T00:00:00+01:00"
