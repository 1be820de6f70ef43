"""The reviewer's findings on reports (issue 12): failures reported again after `forget` and a new
setup, a hand-edited `reports` section, a bare `setup --test-only`, a stale "could not be sent"
warning, a dead mail server holding up a backup, and a mail counted failed after the server took it."""

from __future__ import annotations

import json
import logging
import socket
import threading
import time
from dataclasses import replace
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from tsbackup_gui.core.reports.settings import MailSettings
from tsbackup_gui.core.reports import memory as report_memory
from tsbackup_gui.core.store import config as config_mod
from tsbackup_gui.core.reports import mail as report_mail, ping as report_ping, dispatch as reports, send as reports_send
from tsbackup_gui.core.store.config import Config
from tsbackup_gui.core.errors import UserError
from tsbackup_gui.core.store.history import Attempt
from tsbackup_gui.core.run.result import RunResult
from tsbackup_gui.core.places import places
from tsbackup_gui.core.primary.target import BACKUPS_DIR, MARKER_NAME
from tsbackup_gui.core.reports.decide import decide_due, decide_run_end
from tsbackup_gui.core.reports.memory import Memory
from tsbackup_gui.core.status.state import Reason, Status
from tsbackup_gui.core.status.reasons import MISSED_SLOT, NO_BACKUP_SINCE

from processes import wait_until
from reports_servers import closed_port, start_http

ZH = ZoneInfo("Europe/Zurich")
NOW = datetime(2026, 11, 27, 9, 0, tzinfo=ZH)
TO = ["it@partner.example"]


@pytest.fixture
def http():
    server, url = start_http()
    yield server, url
    server.shutdown()
    server.server_close()


def overdue() -> Status:
    return Status("overdue", 3, NO_BACKUP_SINCE(day="Tuesday"), [Reason(MISSED_SLOT.id, MISSED_SLOT(when="Wed"))])


def failed(attempt_id: int, started: datetime) -> Attempt:
    return Attempt(id=attempt_id, kind="backup", started=started, ended=started + timedelta(minutes=1),
                   outcome="failed", exit_code=4, reasons=[NO_BACKUP_SINCE(day="Tuesday")])


def memory_file():
    return places().state_dir / report_memory.MEMORY_FILE


def config_with(tmp_path, **reports_) -> Config:
    return Config(source=str(tmp_path), primary=str(tmp_path), computer="PC", reports=reports_)


# -- 1: a new history after forget --------------------------------------------------------------


def test_a_failure_of_a_new_history_with_a_lower_id_is_reported():
    reported_before = Memory(failure_id=57, failure_started=(NOW - timedelta(days=40)).isoformat())
    sends, memory = decide_due(overdue(), [failed(1, NOW - timedelta(hours=1))], NOW, reported_before,
                               ping=True, mail=True)
    assert [(s.channel, s.kind) for s in sends][:2] == [("ping", "fail"), ("mail", "failure")]
    assert memory.failure_id == 1 and memory.failure_started.startswith("2026-11-27T08:00")
    again, _ = decide_due(overdue(), [failed(1, NOW - timedelta(hours=1))], NOW, memory, ping=True, mail=True)
    assert again == []  # the failure once only (and overdue once a day)
    older, _ = decide_run_end("failed", 56, memory, ping=True, mail=True, started=NOW - timedelta(days=41))
    assert older == []


def test_another_setups_memory_is_not_used(tmp_path, http):
    server, url = http
    memory_file().parent.mkdir(parents=True, exist_ok=True)
    memory_file().write_text(json.dumps({"failure_id": 99, "setup_id": "forgotten-setup",
                                         "overdue_ping_day": NOW.date().isoformat()}))
    config = config_with(tmp_path, ping_url=url)
    reports.due_check(config, overdue(), now=NOW, attempts=[failed(3, NOW - timedelta(hours=2))])
    assert [p for _, p, _ in server.requests] == ["/ping/abc-123/fail"]
    stored = json.loads(memory_file().read_text())
    assert stored["setup_id"] == config.setup_id and stored["failure_id"] == 3


def test_forget_removes_the_reports_and_notifications_memory(tmp_path):
    from tsbackup_gui.core.setup.forget import forget_setup

    config_mod.save(Config(source=str(tmp_path), primary=str(tmp_path), computer="PC"))
    state = places().state_dir
    state.mkdir(parents=True, exist_ok=True)
    for name in ("reports.json", "notifications.json", "reports.lock"):
        (state / name).write_text("{}")
    result = forget_setup(now=NOW, home=tmp_path / "home", os_name="linux", runner=lambda argv: None)
    assert result.forgotten
    assert [name for name in ("reports.json", "notifications.json", "reports.lock") if (state / name).exists()] == []


# -- 2: a hand-edited reports section ------------------------------------------------------------


@pytest.mark.parametrize("section, detail", [
    ({"smtp": "mail.example.com:587"}, "'reports.smtp' must be an object"),
    ({"smtp": {"host": "mail.example.com", "port": 587, "to": "it@x.de"}}, "'reports.smtp.to' must be a list"),
    ({"ping_url": 5}, "'reports.ping_url' must be a text"),
    ("on", "'reports' must be an object"),
])
def test_a_bad_reports_section_is_a_damaged_settings_file(tmp_path, run_cli, section, detail):
    config_mod.save(Config(source=str(tmp_path), primary=str(tmp_path), computer="PC"))
    data = json.loads(places().config_file.read_text())
    data["reports"] = section
    places().config_file.write_text(json.dumps(data))
    with pytest.raises(UserError) as caught:
        config_mod.load()
    assert caught.value.exit_code == 2 and detail in caught.value.message.english()
    result = run_cli("run")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "is damaged" in result.stderr


def test_reports_code_treats_a_bad_shape_as_no_reports(tmp_path, caplog):
    """The report entry points swallow and log any exception (a report must never break a run), so
    "did not raise" proves nothing: a bad shape must read as "no reports", with nothing logged as an
    unexpected failure and nothing remembered to send."""
    caplog.set_level("DEBUG", logger="tsbackup_gui")
    for section in ({"smtp": "mail.example.com:587"}, {"smtp": {"host": "m", "to": "it@x.de"}},
                    {"smtp": {"host": "m", "to": [1, 2]}}, {"ping_url": ["x"]}):
        config = Config(source=str(tmp_path), primary=str(tmp_path), computer="PC", reports=section)
        assert reports_send.configured(config) == (None, None)
        reports.due_check(config, overdue(), now=NOW, attempts=[])
        reports.after_run(config, RunResult("failed", 4), where=None, now=NOW)
        reports.on_run_end(config, RunResult("failed", 4), overdue(), now=NOW, attempts=[])
    bad = Config(source=str(tmp_path), primary=str(tmp_path), computer="PC")
    bad.reports = "mail.example.com"  # type: ignore[assignment]
    reports.due_check(bad, overdue(), now=NOW, attempts=[])
    assert MailSettings.from_config("mail.example.com:587") is None
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING] == []
    assert not memory_file().exists()


# -- 3 and 4: bare --test-only, and problems that are over --------------------------------------


def test_bare_test_only_tests_the_stored_reports_and_clears_the_problem(tmp_path, run_cli, http):
    server, url = http
    source, drive = tmp_path / "data", tmp_path / "drive"
    source.mkdir()
    (source / "timeSensor.4DD").write_bytes(b"4DD")
    drive.mkdir()
    assert run_cli("setup", "--source", source, "--primary", drive, "--computer", "PC",
                   "--ping-url", url).returncode == 0
    config = config_mod.require()
    digest = reports_send.fingerprint(config, "ping")
    memory_file().parent.mkdir(parents=True, exist_ok=True)
    memory_file().write_text(json.dumps({"setup_id": config.setup_id, "problems": {
        "ping": {"reason": "timed out", "when": NOW.isoformat(), "settings": digest}},
        "pending_ping": {"kind": "fail", "body": "x", "since": NOW.isoformat(), "tried": NOW.isoformat()}}))
    assert report_memory.last_report_problem() is not None
    result = run_cli("setup", "--test-only")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines() == ["The test ping reached 127.0.0.1."]  # no off-site: no failure
    assert [(m, p) for m, p, _ in server.requests] == [("POST", "/ping/abc-123")]
    assert report_memory.last_report_problem() is None
    assert "ping" not in json.loads(memory_file().read_text())["problems"]


def test_a_problem_ends_when_its_items_expire_or_the_settings_change(tmp_path):
    dead = f"http://127.0.0.1:{closed_port()}/ping/x"
    config = config_with(tmp_path, ping_url=dead)
    reports.due_check(config, overdue(), now=NOW, attempts=[])
    assert report_memory.last_report_problem() is not None
    config_mod.save(replace(config, reports={"ping_url": "http://127.0.0.1:1/other"}))
    assert report_memory.last_report_problem() is None  # the setup changed the ping address since
    config_mod.save(config)
    assert report_memory.last_report_problem() is not None
    reports.due_check(config, Status("ok", 0, NO_BACKUP_SINCE(day="x")), now=NOW + timedelta(days=8), attempts=[])
    stored = json.loads(memory_file().read_text())
    assert stored["pending_ping"] is None and stored["problems"] == {}  # expired: nothing left to warn about
    assert report_memory.last_report_problem() is None


# -- 5: a mail server that accepts and never answers ---------------------------------------------


class SilentServer:
    """A real socket on 127.0.0.1 that accepts connections and never says a word."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(20)
        self.port = self.sock.getsockname()[1]
        self.accepted: list[socket.socket] = []
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self):
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.accepted.append(conn)

    def connections(self) -> int:
        """How many connections others made so far: a last one of our own is queued behind theirs,
        and once it is accepted every earlier one is counted (no waiting for a quiet moment)."""
        probe = socket.create_connection(("127.0.0.1", self.port), timeout=5)
        mine = probe.getsockname()
        try:
            wait_until(lambda: any(c.getpeername() == mine for c in list(self.accepted)), timeout=10,
                       what="the silent server did not accept the probe")
            return len(self.accepted) - 1
        finally:
            probe.close()
            self.accepted = [c for c in self.accepted if c.getpeername() != mine]

    def close(self):
        self.sock.close()
        for conn in self.accepted:
            conn.close()


@pytest.fixture
def silent():
    server = SilentServer()
    yield server
    server.close()


def silent_reports(tmp_path, silent) -> Config:
    """Five mails and a ping waiting for a retry, all due, at a server that never answers."""
    config = config_with(tmp_path, ping_url=f"http://127.0.0.1:{silent.port}/ping/x",
                         smtp={"host": "127.0.0.1", "port": silent.port, "security": "none", "to": TO})
    old = (NOW - timedelta(hours=1)).isoformat()
    pending = [{"kind": "overdue", "subject": f"s{i}", "body": "b", "since": old, "tried": old} for i in range(5)]
    memory_file().parent.mkdir(parents=True, exist_ok=True)
    memory_file().write_text(json.dumps({"setup_id": config.setup_id, "summary_month": "2026-11",
                                         "overdue_ping_day": NOW.date().isoformat(),
                                         "overdue_mail_day": NOW.date().isoformat(), "pending_mails": pending,
                                         "pending_ping": {"kind": "fail", "body": "x", "since": old, "tried": old}}))
    return config


def test_a_silent_mail_server_stops_the_retry_pass_at_the_first_mail(tmp_path, silent, monkeypatch):
    monkeypatch.setattr(reports_send, "PASS_BUDGET_S", 60.0)  # time enough for all six tries
    monkeypatch.setattr(report_ping, "TIMEOUT", 0.5)
    monkeypatch.setattr(report_mail, "TIMEOUT", 0.5)
    config = silent_reports(tmp_path, silent)
    reports.due_check(config, overdue(), now=NOW, attempts=[])
    assert silent.connections() == 2  # the ping and the first mail; the first failure ends the mail pass
    stored = json.loads(memory_file().read_text())
    assert [m["subject"] for m in stored["pending_mails"]] == [f"s{i}" for i in range(5)]  # kept for later
    assert stored["problems"]["mail"]["reason"] != reports_send.OUT_OF_TIME  # it was tried, and failed


def test_a_silent_server_ends_the_retry_pass_when_its_budget_is_spent(tmp_path, silent, monkeypatch):
    """The ping's own timeout (5 s) is cut to the pass's budget (2 s), which it then uses up: the mails
    are not tried at all (without the budget: 5 mails x 10 s + the ping's 5 s)."""
    monkeypatch.setattr(reports_send, "PASS_BUDGET_S", 2.0)
    config = silent_reports(tmp_path, silent)
    reports.due_check(config, overdue(), now=NOW, attempts=[])
    assert silent.connections() == 1  # the ping alone
    stored = json.loads(memory_file().read_text())
    assert [m["subject"] for m in stored["pending_mails"]] == [f"s{i}" for i in range(5)]
    assert stored["problems"]["mail"]["reason"] == reports_send.OUT_OF_TIME == "not tried: the reports ran out of time"
    assert stored["pending_ping"]["kind"] == "fail"


def test_a_run_is_not_held_up_by_a_silent_ping_and_mail_server(tmp_path, silent, monkeypatch):
    """The start ping has its own short timeout; the end of the run sends within one pass's budget,
    which the fail ping uses up: the failure mail waits for a later due-check instead of the run."""
    from tsbackup_gui.core.clock import FixedClock
    from tsbackup_gui.core.run.backup import run_backup

    monkeypatch.setattr(reports_send, "PASS_BUDGET_S", 2.0)
    monkeypatch.setattr(reports, "START_TIMEOUT_S", 1.0)
    source, drive = tmp_path / "data", tmp_path / "drive"
    source.mkdir()
    (source / "timeSensor.4DD").write_bytes(b"4DD")
    drive.mkdir()
    from tsbackup_gui.core.setup.configure import SetupOptions, configure

    config = configure(SetupOptions(str(source), str(drive), computer="PC")).config
    config.reports = {"ping_url": f"http://127.0.0.1:{silent.port}/p",
                      "smtp": {"host": "127.0.0.1", "port": silent.port, "security": "none", "to": TO}}
    config_mod.save(config)
    (drive / BACKUPS_DIR / "PC" / MARKER_NAME).unlink()  # the drive "is not connected"
    result = run_backup(config, clock=FixedClock(NOW))
    assert result.outcome == "failed"
    assert silent.connections() == 2  # the start ping and the fail ping, nothing more
    stored = json.loads(memory_file().read_text())
    assert stored["problems"]["mail"]["reason"] == reports_send.OUT_OF_TIME
    assert [m["kind"] for m in stored["pending_mails"]] == ["failure"]  # sent at a later due-check


# -- 12: accepted, then no answer to QUIT --------------------------------------------------------


def test_a_mail_the_server_took_is_not_failed_by_a_silent_quit():
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(1)
    received: list[bytes] = []

    def serve():
        conn, _ = sock.accept()
        with conn:
            reader = conn.makefile("rb")
            conn.sendall(b"220 hello\r\n")
            in_data = False
            for line in reader:
                if in_data:
                    received.append(line)
                    if line == b".\r\n":
                        in_data = False
                        conn.sendall(b"250 queued\r\n")
                    continue
                verb = line[:4].upper()
                if verb == b"QUIT":
                    reader.read()  # never answers the goodbye; returns when the client hangs up
                    return
                if verb == b"DATA":
                    in_data = True
                    conn.sendall(b"354 go on\r\n")
                else:
                    conn.sendall(b"250 ok\r\n")

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    settings = MailSettings("127.0.0.1", sock.getsockname()[1], "none", None, tuple(TO), TO[0])
    try:
        assert report_mail.send(settings, None, "Betreff", "Text", timeout=0.5) is None
    finally:
        sock.close()
    assert b".\r\n" in received
