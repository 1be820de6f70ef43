"""Severity end to end: what a monitor is told when a run counted but what can be restored is too old
(a server's stale 4D archive), against a real local HTTP server and the real command."""

from __future__ import annotations

import json
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from reports_servers import start_http
from test_reports_ping import make_source

from tsbackup_gui.core.clock import FixedClock
from tsbackup_gui.core.messages import Message
from tsbackup_gui.core.reports import dispatch as reports
from tsbackup_gui.core.reports.decide import decide_run_end
from tsbackup_gui.core.reports.memory import Memory
from tsbackup_gui.core.status.state import SEVERITY, Reason, Status
from tsbackup_gui.core.store.config import Config

ZH = ZoneInfo("Europe/Zurich")
STALE = Message("consistency.archive_not_ok", "4D's own backup is out of date.")


@pytest.fixture
def http():
    server, url = start_http()
    yield server, url
    server.shutdown()
    server.server_close()


def own_names(home) -> None:
    path = home / "config" / "config.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["process_names"] = ["no-such-program-severity-test"]
    path.write_text(json.dumps(data), encoding="utf-8")


def test_a_server_without_a_fresh_4d_archive_pings_fail_and_status_is_critical(run_cli, tmp_path, http,
                                                                              tsbackup_home):
    server, url = http
    source = make_source(tmp_path)
    drive = tmp_path / "drive"
    drive.mkdir()
    done = run_cli("setup", "--source", source, "--primary", drive, "--computer", "Server", "--mode", "server",
                   "--ping-url", url)
    assert done.returncode == 0, done.stderr
    own_names(tsbackup_home)
    run = run_cli("run")
    assert run.returncode == 1, run.stdout + run.stderr  # the live files were copied: the run counted
    assert [(m, p) for m, p, _ in server.requests] == [("GET", "/ping/abc-123/start"), ("POST", "/ping/abc-123/fail")]
    body = server.requests[1][2].decode().splitlines()
    assert body[0].startswith("4D's own backup of the database is missing, incomplete or out of date")
    status = run_cli("status")
    assert status.returncode == 2  # CRITICAL for a monitoring check
    assert status.stdout.splitlines()[0] == body[0]  # the check's summary line is the reason itself


def test_a_warning_run_pings_success_with_its_reason_in_the_body():
    reason = Message("offsite.unreachable", "The off-site target cannot be reached.")
    sends, _ = decide_run_end("warning", 7, Memory(), ping=True, mail=True, reasons=[reason], state="warning")
    assert [(s.channel, s.kind, s.reasons) for s in sends] == [("ping", "success", (reason,))]


def test_a_run_that_leaves_the_status_failed_is_reported_as_a_failure_once():
    now = datetime(2026, 11, 30, 18, 45, tzinfo=ZH)
    sends, memory = decide_run_end("warning", 7, Memory(), ping=True, mail=True, reasons=[STALE], state="failed",
                                   started=now, now=now)
    assert [(s.channel, s.kind) for s in sends] == [("ping", "fail"), ("mail", "failure")]
    assert sends[0].reasons == (STALE,)
    assert (memory.overdue_ping_day, memory.overdue_mail_day) == ("2026-11-30", "2026-11-30")
    again, _ = decide_run_end("warning", 7, memory, ping=True, mail=True, reasons=[STALE], state="failed",
                              started=now, now=now)
    assert again == []  # the same attempt is reported once


def test_a_standing_failure_pings_fail_once_a_day_with_its_reason(tmp_path, http):
    server, url = http
    config = Config(source=str(tmp_path), primary=str(tmp_path), computer="PC", reports={"ping_url": url})
    failed = Status("failed", SEVERITY["failed"], STALE, [Reason(STALE.id, STALE)])
    clock = FixedClock(datetime(2026, 11, 27, 9, 0, tzinfo=ZH))
    reports.due_check(config, failed, now=clock.now(), attempts=[])
    assert [(m, p) for m, p, _ in server.requests] == [("POST", "/ping/abc-123/fail")]
    assert server.requests[0][2].decode().splitlines()[0] == STALE.english()
    reports.due_check(config, failed, now=clock.advance(hours=6), attempts=[])
    assert len(server.requests) == 1  # once a calendar day
    clock.set(datetime(2026, 11, 28, 7, 0, tzinfo=ZH))
    reports.due_check(config, failed, now=clock.now(), attempts=[])
    assert [p for _, p, _ in server.requests] == ["/ping/abc-123/fail", "/ping/abc-123/fail"]
