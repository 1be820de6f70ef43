"""Round-2 follow-ups of the status and the tray's tick: no minute-by-minute off-site retry while
paused (the slot's one "paused" record stays), and a report that could not be sent is a warning
of the one status model (through `compute_status` and `tsbackup status --json`)."""

from __future__ import annotations

import json
import os
from datetime import datetime, timedelta
from pathlib import Path

from zoneinfo import ZoneInfo

from reports_servers import closed_port

from tsbackup_gui.app.status import report_problem
from tsbackup_gui.core.reports import memory as report_memory
from tsbackup_gui.core.store import config as config_mod
from tsbackup_gui.core.reports import dispatch as reports
from tsbackup_gui.core.schedule import tick
from tsbackup_gui.core.clock import FixedClock
from tsbackup_gui.core.store.config import Config
from tsbackup_gui.core.store.history import Attempt, History
from tsbackup_gui.core.run.backup import run_backup
from tsbackup_gui.core.messages import Message
from tsbackup_gui.core.schedule.pause import pause
from tsbackup_gui.core.places import places
from tsbackup_gui.core.setup.configure import SetupOptions, configure
from tsbackup_gui.core.status.model import compute_status
from tsbackup_gui.core.status.state import StatusFacts
from tsbackup_gui.core.status.facts import gather, load_attempts

ZH = ZoneInfo("Europe/Zurich")
MONDAY = datetime(2026, 11, 2, 18, 30, tzinfo=ZH)
UNREACHABLE = Message("offsite.unreachable", "The off-site backup could not be reached.")


def world(tmp_path) -> Config:
    source = tmp_path / "timeSensor DataFiles"
    source.mkdir()
    (source / "timeSensor.4DD").write_bytes(os.urandom(2000))
    drive = tmp_path / "drive"
    drive.mkdir()
    config = configure(SetupOptions(str(source), str(drive), computer="PC", time="18:30"),
                       clock=FixedClock(MONDAY - timedelta(days=1))).config
    return config


def plan_at(config: Config, moment: datetime) -> tick.Plan:
    return tick.plan(config, load_attempts(History()), moment, running=False)


# -- 2. the off-site retry while paused ---------------------------------------------------------


def test_no_off_site_retry_while_paused_but_each_slot_is_recorded_once(tmp_path):
    config = world(tmp_path)
    History().record("backup", MONDAY, MONDAY + timedelta(minutes=5), "warning", 1, [UNREACHABLE])
    evening = MONDAY + timedelta(hours=2)
    assert plan_at(config, evening).action == tick.RUN  # not paused: the hourly off-site retry
    config = pause(config, 2, evening)  # until Wednesday 00:00
    config_mod.save(config)
    assert plan_at(config, evening) == tick.Plan(tick.IDLE)  # it would only be skipped, unrecorded
    assert plan_at(config, evening + timedelta(hours=3)) == tick.Plan(tick.IDLE)

    tuesday = MONDAY + timedelta(days=1, minutes=1)
    due = plan_at(config, tuesday)
    assert (due.action, due.slot) == (tick.RUN, MONDAY + timedelta(days=1))  # the slot's "paused" record
    skipped = run_backup(config, clock=FixedClock(tuesday), scheduled=True)
    assert (skipped.outcome, skipped.exit_code) == ("skipped", 0)
    for minutes in (1, 2, 30, 240):
        assert plan_at(config, tuesday + timedelta(minutes=minutes)).action == tick.IDLE
    assert [a.reason_code for a in History().attempts()] == ["pause.skipped", "offsite.unreachable"]

    wednesday = MONDAY + timedelta(days=1, hours=5, minutes=31)  # 00:01: the pause is over
    assert plan_at(config, wednesday).action == tick.RUN  # the off-site retry resumes by itself


def test_a_slot_that_waited_before_the_pause_gets_its_paused_record(tmp_path):
    config = world(tmp_path)
    drive = Path(config.primary)
    away = drive.with_name("drive (unplugged)")
    drive.rename(away)
    waited = run_backup(config, clock=FixedClock(MONDAY + timedelta(minutes=1)), scheduled=True)
    assert (waited.outcome, waited.exit_code) == ("failed", 4)
    assert plan_at(config, MONDAY + timedelta(minutes=2)).action == tick.RETRY  # waits for the drive
    config = pause(config, 3, MONDAY + timedelta(minutes=3))
    config_mod.save(config)
    plan = plan_at(config, MONDAY + timedelta(minutes=4))
    assert (plan.action, plan.slot) == (tick.RUN, MONDAY)  # no waiting for a drive the run would not use
    skipped = run_backup(config, clock=FixedClock(MONDAY + timedelta(minutes=4)), scheduled=True)
    assert (skipped.outcome, skipped.exit_code) == ("skipped", 0)
    assert plan_at(config, MONDAY + timedelta(minutes=5)).action == tick.IDLE
    assert [a.reason_code for a in History().attempts()][0] == "pause.skipped"


# -- 3. a report that could not be sent ---------------------------------------------------------


def cfg(**values) -> Config:
    values.setdefault("created", "2026-11-20T09:00:00+01:00")
    values.setdefault("secondary", {"kind": "external", "text": "NAS to NAS"})
    values.setdefault("recovery_sheet_confirmed", "2026-11-20")
    return Config(source="/src", primary="/dst", **values)


def att(started: datetime, outcome: str = "ok", exit_code: int = 0, reasons=()) -> Attempt:
    return Attempt(1, "backup", started, started + timedelta(minutes=12), outcome, exit_code, list(reasons))


def test_a_report_problem_is_a_warning_and_never_worse():
    problem = report_memory.MAIL_PROBLEM(reason="connection refused")
    now = datetime(2026, 11, 30, 20, 0, tzinfo=ZH)
    good = [att(datetime(2026, 11, 30, 18, 30, tzinfo=ZH))]
    assert compute_status(cfg(), good, now).state == "ok"
    warned = compute_status(cfg(), good, now, StatusFacts(report_problem=problem))
    assert warned.state == "warning" and warned.exit_code == 1
    assert warned.message.english() == ("The last report e-mail could not be sent: connection refused. "
                                        "Check the mail settings (tsbackup setup --test-only).")
    assert [r.code for r in warned.reasons] == ["report.mail_problem"]

    failed = [att(datetime(2026, 11, 30, 18, 30, tzinfo=ZH), "failed", 2, [Message("run.unexpected", "Boom.")])]
    worse = compute_status(cfg(), failed, now, StatusFacts(report_problem=problem))
    assert worse.state == "failed" and worse.message.id != "report.mail_problem"  # the failure speaks first
    codes = [r.code for r in worse.reasons]
    assert codes[0] == "run.unexpected" and "report.mail_problem" in codes
    overdue = compute_status(cfg(), good, now + timedelta(days=3), StatusFacts(report_problem=problem))
    assert overdue.state == "overdue"


def test_the_status_reads_the_report_problem_only_while_reports_are_set_up(tmp_path):
    memory = places().state_dir / report_memory.MEMORY_FILE
    memory.parent.mkdir(parents=True, exist_ok=True)
    memory.write_text(json.dumps({"problems": {"ping": {"reason": "timed out"}}}), encoding="utf-8")
    with_reports = cfg(reports={"ping_url": "http://127.0.0.1:9/p"})
    found = report_problem(with_reports)
    assert found is not None and found.id == "report.ping_problem" and "timed out" in found.english()
    assert report_problem(cfg()) is None  # reports removed: an old problem says nothing
    memory.write_text("{damaged", encoding="utf-8")
    assert report_problem(with_reports) is None


def test_status_json_shows_a_failed_mail(run_cli, tmp_path):
    source = tmp_path / "timeSensor DataFiles"
    source.mkdir()
    (source / "timeSensor.4DD").write_bytes(b"4DD" * 1000)
    drive = tmp_path / "drive"
    drive.mkdir()
    dead = closed_port()
    made = run_cli("setup", "--source", source, "--primary", drive, "--computer", "Kanzlei-PC",
                   "--smtp", f"127.0.0.1:{dead}", "--smtp-security", "none", "--mail-to", "it@partner.example")
    assert made.returncode == 0, made.stderr
    before = json.loads(run_cli("status", "--json").stdout)
    assert "report.mail_problem" not in [r["code"] for r in before["reasons"]]

    drive.rename(tmp_path / "drive-gone")
    assert run_cli("run").returncode == 4  # the failure mail cannot be sent: nobody listens there
    shown = run_cli("status", "--json")
    data = json.loads(shown.stdout)
    assert shown.returncode == 1 and data["state"] == "warning"
    problems = [r["message"] for r in data["reasons"] if r["code"] == "report.mail_problem"]
    assert len(problems) == 1 and problems[0].startswith("The last report e-mail could not be sent: ")
    assert problems[0].endswith("Check the mail settings (tsbackup setup --test-only).")
