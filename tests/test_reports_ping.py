"""The monitoring ping against a real local HTTP server: what a good run, a failed run and an
overdue status send, retries of a ping that could not be sent, and a dead ping URL."""

from __future__ import annotations

import json
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from tsbackup_gui.core.reports import memory as report_memory
from tsbackup_gui.core.reports import ping as report_ping, dispatch as reports
from tsbackup_gui.core.clock import FixedClock
from tsbackup_gui.core.store.config import Config
from tsbackup_gui.core.places import places
from tsbackup_gui.core.status.state import Reason, Status
from tsbackup_gui.core.status.reasons import MISSED_SLOT, NO_BACKUP_SINCE

from reports_servers import closed_port, start_http

ZH = ZoneInfo("Europe/Zurich")


@pytest.fixture
def http():
    server, url = start_http()
    yield server, url
    server.shutdown()
    server.server_close()


def make_source(root):
    source = root / "timeSensor DataFiles"
    (source / "STUFF").mkdir(parents=True)
    (source / "timeSensor.4DD").write_bytes(b"4DD" * 1000)
    return source


def setup(run_cli, tmp_path, *extra):
    source = make_source(tmp_path)
    drive = tmp_path / "drive"
    drive.mkdir()
    result = run_cli("setup", "--source", source, "--primary", drive, "--computer", "Kanzlei-PC", *extra)
    assert result.returncode == 0, result.stderr
    return source, drive


def overdue() -> Status:
    return Status("overdue", 3, NO_BACKUP_SINCE(day="Tuesday"), [Reason(MISSED_SLOT.id, MISSED_SLOT(when="Wed"))])


def test_requests_of_each_kind():
    url = "https://hc-ping.com/abc?x=1"
    start = report_ping.request_for(url, report_ping.START)
    assert (start.get_method(), start.full_url) == ("GET", "https://hc-ping.com/abc/start?x=1")
    ok = report_ping.request_for(url + "", report_ping.SUCCESS, "Alles gut")
    assert (ok.get_method(), ok.full_url, ok.data) == ("POST", url, "Alles gut".encode())
    fail = report_ping.request_for("https://hc-ping.com/abc/", report_ping.FAIL, "kaputt")
    assert (fail.get_method(), fail.full_url) == ("POST", "https://hc-ping.com/abc/fail")
    kuma = "https://kuma.example/api/push/TOKEN?status=up&msg=OK&ping="
    assert report_ping.request_for(kuma, report_ping.START) is None
    down = report_ping.request_for(kuma, report_ping.FAIL, "Sicherung fehlgeschlagen")
    assert down.full_url == "https://kuma.example/api/push/TOKEN?ping=&status=down&msg=Sicherung+fehlgeschlagen"


def test_a_good_run_pings_start_then_success_with_the_status_sentence(run_cli, tmp_path, http):
    server, url = http
    setup(run_cli, tmp_path, "--ping-url", url)
    result = run_cli("run")
    assert result.returncode == 0, result.stderr
    assert [(m, p) for m, p, _ in server.requests] == [("GET", "/ping/abc-123/start"), ("POST", "/ping/abc-123")]
    status = json.loads(run_cli("status", "--json").stdout)
    assert server.requests[1][2].decode() == status["message"]  # (here: both folders on one test disk)


def test_a_failed_run_pings_fail(run_cli, tmp_path, http):
    server, url = http
    _, drive = setup(run_cli, tmp_path, "--ping-url", url)
    drive.rename(tmp_path / "drive-gone")
    result = run_cli("run")
    assert result.returncode == 4
    assert [(m, p) for m, p, _ in server.requests] == [("GET", "/ping/abc-123/start"), ("POST", "/ping/abc-123/fail")]
    body = server.requests[1][2].decode().splitlines()
    assert body[0].startswith("Connect the backup drive: ") and len(body) >= 2  # the failure first, then the status
    assert body[-1] == json.loads(run_cli("status", "--json").stdout)["message"]


def test_a_dead_ping_url_never_fails_or_slows_the_backup(run_cli, tmp_path):
    setup(run_cli, tmp_path, "--ping-url", f"http://127.0.0.1:{closed_port()}/ping/x")
    result = run_cli("run", "--json")
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout.splitlines()[-1])
    assert summary["outcome"] == "ok" and summary["reasons"] == []
    problem = report_memory.last_report_problem()
    assert problem is not None and problem.english().startswith("The last monitoring ping could not be sent: ")
    memory = json.loads((places().state_dir / report_memory.MEMORY_FILE).read_text("utf-8"))
    assert memory["pending_ping"]["kind"] == "success"


def test_overdue_fail_ping_once_a_day_and_a_retry_after_a_failure(tmp_path, http):
    server, url = http
    dead = f"http://127.0.0.1:{closed_port()}/ping/x"
    config = Config(source=str(tmp_path), primary=str(tmp_path), computer="PC", reports={"ping_url": dead})
    clock = FixedClock(datetime(2026, 11, 27, 9, 0, tzinfo=ZH))
    reports.due_check(config, overdue(), now=clock.now(), attempts=[])
    assert report_memory.last_report_problem() is not None
    config.reports["ping_url"] = url  # reachable again
    reports.due_check(config, overdue(), now=clock.advance(minutes=1), attempts=[])
    assert server.requests == []  # a retry waits a few minutes
    reports.due_check(config, overdue(), now=clock.advance(minutes=10), attempts=[])
    assert [(m, p, b) for m, p, b in server.requests] == [("POST", "/ping/abc-123/fail", b"No backup since Tuesday.")]
    assert report_memory.last_report_problem() is None
    reports.due_check(config, overdue(), now=clock.advance(hours=5), attempts=[])
    assert len(server.requests) == 1  # once a calendar day
    clock.set(datetime(2026, 11, 28, 7, 0, tzinfo=ZH))
    reports.due_check(config, overdue(), now=clock.now(), attempts=[])
    assert len(server.requests) == 2
