"""Report e-mails through a real local SMTP server: STARTTLS/TLS with a login, one mail per
recipient list, overdue at most once a day, the monthly summary, retries of a failed mail."""

from __future__ import annotations

import json
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from tsbackup_gui.core.reports.settings import MailSettings
from tsbackup_gui.core.reports import memory as report_memory
from tsbackup_gui.core.reports import mail as report_mail, dispatch as reports
from tsbackup_gui.core.clock import FixedClock
from tsbackup_gui.core.store.config import Config
from tsbackup_gui.core.places import places
from tsbackup_gui.core.store.secrets import SMTP_PASSWORD, SecretStore
from tsbackup_gui.core.status.state import Reason, Status
from tsbackup_gui.core.status.reasons import MISSED_SLOT, NO_BACKUP_SINCE

from reports_servers import USER, closed_port, start_smtp

pytestmark = pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")

ZH = ZoneInfo("Europe/Zurich")
PASSWORD = "Sm7p-Geheim!ö"
TO = ["it@partner.example", "chef@kanzlei.example"]


@pytest.fixture
def smtp(tmp_path, monkeypatch):
    controllers = []

    def start(security="none", password=None):
        controller, box, port, cert = start_smtp(tmp_path, security=security, password=password)
        controllers.append(controller)
        if cert is not None:
            monkeypatch.setenv(report_mail.CAFILE_VAR, str(cert))
        return box, port

    yield start
    for controller in controllers:
        controller.stop()


def config_for(tmp_path, port, *, security="none", user=None, ping=None) -> Config:
    source, drive = tmp_path / "src", tmp_path / "drive"
    source.mkdir(exist_ok=True)
    drive.mkdir(exist_ok=True)
    reports_ = {"smtp": {"host": "127.0.0.1", "port": port, "security": security, "user": user, "to": TO,
                         "from": "backup@kanzlei.example"}}
    if ping:
        reports_["ping_url"] = ping
    return Config(source=str(source), primary=str(drive), computer="Kanzlei-PC", created="2026-11-01T12:00:00+01:00",
                  reports=reports_)


def overdue_status() -> Status:
    headline = NO_BACKUP_SINCE(day="Tuesday")
    reason = Reason(MISSED_SLOT.id, MISSED_SLOT(when="Wednesday 18:30"))
    return Status("overdue", 3, headline, [reason], last_success=datetime(2026, 11, 24, 18, 42, tzinfo=ZH),
                  next_due=datetime(2026, 11, 27, 18, 30, tzinfo=ZH))


def test_starttls_with_login_sends_one_mail_to_every_recipient(tmp_path, smtp):
    box, port = smtp("starttls", PASSWORD)
    settings = MailSettings("127.0.0.1", port, "starttls", USER, tuple(TO), "backup@kanzlei.example")
    mail = report_mail.status_mail("overdue", overdue_status(), computer="Kanzlei-PC", version="9.9",
                                   recipients=TO)
    subject, body = mail.render(lambda m: m.english())
    assert report_mail.send(settings, PASSWORD, subject, body) is None
    assert len(box.mails) == 1
    sender, rcpts, message = box.mails[0]
    assert sender == "backup@kanzlei.example" and rcpts == TO
    assert box.logins == [(USER.encode(), PASSWORD.encode())]
    assert message["Subject"] == "Kanzlei-PC: No backup since Tuesday."
    text = message.get_content().replace("\r\n", "\n")
    assert "Status: No backup since Tuesday." in text
    assert ("Details:\n– The backup planned for Wednesday 18:30 did not run. Start a backup now, and leave the "
            "computer switched on at the backup time.\n") in text
    assert "Last successful backup: 2026-11-24 18:42 (UTC+0100)" in text
    assert "Computer: Kanzlei-PC" in text and "tsbackup version: 9.9" in text
    assert PASSWORD not in text


def test_implicit_tls_and_a_refused_login(tmp_path, smtp):
    box, port = smtp("tls", PASSWORD)
    good = MailSettings("127.0.0.1", port, "tls", USER, (TO[0],), USER)
    assert report_mail.send(good, PASSWORD, "Betreff äöü", "Grüsse\n") is None
    assert box.mails[0][2]["Subject"] == "Betreff äöü" and "Grüsse" in box.mails[0][2].get_content()
    reason = report_mail.send(good, "wrong", "x", "y")
    assert reason is not None and "refused the login" in reason and "wrong" not in reason
    assert len(box.mails) == 1


def test_an_untrusted_certificate_is_refused(tmp_path, smtp, monkeypatch):
    box, port = smtp("starttls")
    monkeypatch.delenv(report_mail.CAFILE_VAR)
    settings = MailSettings("127.0.0.1", port, "starttls", None, (TO[0],), TO[0])
    reason = report_mail.send(settings, None, "x", "y")
    assert reason is not None and reason.startswith("TLS") and box.mails == []


def test_a_dead_server_is_a_short_reason_not_an_exception():
    settings = MailSettings("127.0.0.1", closed_port(), "none", None, (TO[0],), TO[0])
    assert report_mail.send(settings, None, "x", "y") == "Connection refused"


def test_overdue_mail_once_a_calendar_day(tmp_path, smtp):
    box, port = smtp()
    config = config_for(tmp_path, port)
    clock = FixedClock(datetime(2026, 11, 27, 9, 0, tzinfo=ZH))
    for _ in range(2):
        reports.due_check(config, overdue_status(), now=clock.now(), attempts=[])
        clock.advance(hours=3)
    assert len(box.mails) == 1 and box.mails[0][1] == TO
    assert box.mails[0][2]["Subject"] == "Kanzlei-PC: No backup since Tuesday."
    clock.set(datetime(2026, 11, 28, 8, 0, tzinfo=ZH))
    reports.due_check(config, overdue_status(), now=clock.now(), attempts=[])
    reports.due_check(config, overdue_status(), now=clock.now(), attempts=[])
    assert len(box.mails) == 2


def test_monthly_summary_once_a_month(tmp_path, smtp, run_cli):
    from tsbackup_gui.core.store import config as config_mod
    from tsbackup_gui.core.store.history import History
    from tsbackup_gui.core.status.model import compute_status
    from tsbackup_gui.core.status.facts import load_attempts
    from tsbackup_gui.core.run.backup import run_backup

    box, port = smtp()
    source = tmp_path / "timeSensor DataFiles"
    source.mkdir()
    (source / "timeSensor.4DD").write_bytes(b"x" * 5000)
    drive = tmp_path / "drive"
    drive.mkdir()
    assert run_cli("setup", "--source", source, "--primary", drive, "--computer", "Kanzlei-PC",
                   "--smtp", f"127.0.0.1:{port}", "--smtp-security", "none", "--mail-to", ",".join(TO)).returncode == 0
    config = config_mod.require()
    first = datetime(2026, 11, 12, 10, 0, tzinfo=ZH)  # the run's day, not the real clock's
    assert run_backup(config, clock=FixedClock(first)).outcome == "ok"
    attempts = load_attempts(History())
    status = compute_status(config, attempts, first)
    reports.due_check(config, status, now=first, attempts=attempts)  # the first look: no summary yet
    assert box.mails == []
    next_month = datetime(first.year + (first.month == 12), first.month % 12 + 1, 1, 9, tzinfo=ZH)
    for hours in (0, 5):
        later = next_month.replace(hour=9 + hours)
        reports.due_check(config, compute_status(config, attempts, later), now=later, attempts=attempts)
    summaries = [m for _, _, m in box.mails if m["Subject"].startswith("Monthly backup summary for Kanzlei-PC: ")]
    assert len(summaries) == 1  # (a month without backups is also overdue: that mail comes on its own)
    message = summaries[0]
    text = message.get_content()
    assert "Backups on the backup drive: 1, the oldest from " in text
    assert "The newest backup holds 1 files (" in text
    assert "Backups in the last 30 days: 1 successful, 0 with warnings, 0 failed." in text
    assert "Monthly checks done in the last 30 days: 0; none has succeeded yet." in text
    assert "The yearly restore drill is due on " in text
    assert "No off-site copy is set up." in text


def test_a_failed_mail_is_remembered_shown_and_retried(tmp_path, smtp):
    dead = closed_port()
    config = config_for(tmp_path, dead)
    clock = FixedClock(datetime(2026, 11, 27, 9, 0, tzinfo=ZH))
    reports.due_check(config, overdue_status(), now=clock.now(), attempts=[])
    problem = report_memory.last_report_problem()
    assert problem is not None and problem.english().startswith("The last report e-mail could not be sent: ")
    memory = json.loads((places().state_dir / report_memory.MEMORY_FILE).read_text("utf-8"))
    assert len(memory["pending_mails"]) == 1 and memory["overdue_mail_day"] == "2026-11-27"

    box, port = smtp()
    config.reports["smtp"]["port"] = port  # the server is back (on its new port)
    clock.advance(minutes=1)
    reports.due_check(config, overdue_status(), now=clock.now(), attempts=[])
    assert box.mails == []  # too soon for a retry
    clock.advance(minutes=10)
    reports.due_check(config, overdue_status(), now=clock.now(), attempts=[])
    assert len(box.mails) == 1 and box.mails[0][2]["Subject"] == "Kanzlei-PC: No backup since Tuesday."
    assert report_memory.last_report_problem() is None
    reports.due_check(config, overdue_status(), now=clock.advance(minutes=10), attempts=[])
    assert len(box.mails) == 1


def test_the_password_comes_from_the_keyring(tmp_path, smtp):
    box, port = smtp("starttls", PASSWORD)
    config = config_for(tmp_path, port, security="starttls", user=USER)
    SecretStore(config.setup_id).set(SMTP_PASSWORD, PASSWORD)
    reports.due_check(config, overdue_status(), now=datetime(2026, 11, 27, 9, tzinfo=ZH), attempts=[])
    assert len(box.mails) == 1 and box.logins == [(USER.encode(), PASSWORD.encode())]
    memory = (places().state_dir / report_memory.MEMORY_FILE).read_bytes()
    assert PASSWORD.encode() not in memory


def test_an_overdue_mail_says_the_backup_is_due_now_not_next_in_the_past():
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from tsbackup_gui.core.status.state import SEVERITY, Status
    from tsbackup_gui.core.status.reasons import NO_BACKUP_SINCE

    zh = ZoneInfo("Europe/Zurich")
    missed = datetime(2026, 12, 4, 18, 30, tzinfo=zh)
    status = Status("overdue", SEVERITY["overdue"], NO_BACKUP_SINCE(day="Monday"), next_due=missed)
    mail = report_mail.status_mail("overdue", status, computer="PC", version="1", recipients=["it@example.com"],
                                   now=datetime(2026, 12, 6, 20, 0, tzinfo=zh))
    _subject, body = mail.render(lambda m: m.english())
    assert "Next backup due" not in body
    assert f"A backup is due now: the one planned for {report_mail.when_text(missed)} did not run." in body
