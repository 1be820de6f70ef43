"""Reports through the real `tsbackup` command: setup's options and their refusals, a failed run
mailing every recipient, a dead mail server and ping URL that never touch the backup, the test
mail of `setup --test-only`, and the SMTP password found in no file we write."""

from __future__ import annotations

import json
from datetime import datetime, time as dtime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from reports_servers import USER, closed_port, start_http, start_smtp

pytestmark = pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")

PASSWORD = "Sm7p-Geheim-4711"
ZH = ZoneInfo("Europe/Zurich")
TO = "it@partner.example,chef@kanzlei.example"


@pytest.fixture
def world(tmp_path):
    source = tmp_path / "timeSensor DataFiles"
    (source / "STUFF").mkdir(parents=True)
    (source / "timeSensor.4DD").write_bytes(b"4DD" * 1000)
    drive = tmp_path / "drive"
    drive.mkdir()
    return source, drive


@pytest.fixture
def smtp(tmp_path):
    started = []

    def start(security="none", password=None):
        controller, box, port, cert = start_smtp(tmp_path, security=security, password=password)
        started.append(controller)
        return box, port, cert

    yield start
    for controller in started:
        controller.stop()


@pytest.fixture
def http():
    server, url = start_http()
    yield server, url
    server.shutdown()
    server.server_close()


def setup(run_cli, world, *extra, env=None, input=None, at=None):
    source, drive = world
    return run_cli("setup", "--source", source, "--primary", drive, "--computer", "Kanzlei-PC", *extra, env=env,
                   input=input, at=at)


def next_working_day(hour: int, minute: int = 0) -> datetime:
    """A moment on the next working day in Zurich: near the real clock, so that a certificate made
    for today is still valid, and at an hour of our choosing (the daily slot is 18:30)."""
    day = datetime.now(ZH).date() + timedelta(days=1)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return datetime.combine(day, dtime(hour, minute), ZH)


def config_of(home: Path) -> dict:
    return json.loads((home / "config" / "config.json").read_text("utf-8"))


def one_sentence(result) -> str:
    lines = (result.stdout + result.stderr).strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in lines[0], lines
    return lines[0]


@pytest.mark.parametrize("extra, sentence", [
    (["--ping-url", "ftp://hc-ping.com/x"], "'ftp://hc-ping.com/x' is not a web address for the monitoring ping."),
    (["--smtp", "mail.example.com"], "'mail.example.com' is not a mail server."),
    (["--smtp", "mail.example.com:70000", "--mail-to", "a@b.ch"], "'mail.example.com:70000' is not a mail server."),
    (["--smtp", "m.example.com:587", "--mail-to", "it partner"], "'it partner' is not an e-mail address."),
    (["--smtp", "m.example.com:587", "--mail-to", "a@b.ch", "--mail-from", "x@"], "'x@' is not an e-mail address."),
    (["--smtp", "m.example.com:587", "--mail-to", "a@b.ch", "--smtp-security", "ssl"], "'ssl' is not a kind of"),
    (["--smtp", "m.example.com:587"], "--smtp needs --mail-to"),
    (["--mail-to", "a@b.ch"], "--mail-to belongs to the report e-mails; give the mail server with --smtp"),
    (["--smtp", "m.example.com:25", "--smtp-security", "none", "--mail-to", "a@b.ch", "--smtp-user", "u"],
     "With --smtp-security none the SMTP password would travel unencrypted."),
    (["--smtp", "m.example.com:587", "--mail-to", "a@b.ch", "--smtp-user", "u"],
     "The SMTP password for u is missing. Give it in the environment variable TSBACKUP_SMTP_PASSWORD"),
])
def test_bad_report_options_are_refused_in_one_sentence_and_nothing_is_written(run_cli, world, tsbackup_home,
                                                                              extra, sentence):
    result = setup(run_cli, world, *extra, input="")
    assert result.returncode == 2
    assert one_sentence(result).startswith(sentence)
    assert not (tsbackup_home / "config" / "config.json").exists()


def test_stdin_cannot_carry_both_passwords(run_cli, world, tmp_path):
    result = setup(run_cli, world, "--secondary", tmp_path / "offsite", "--password-stdin", "--smtp",
                   "m.example.com:587", "--mail-to", "a@b.ch", "--smtp-user", "u", input="repo-password\n")
    assert result.returncode == 2
    assert "cannot come from it too. Give it in the environment variable TSBACKUP_SMTP_PASSWORD." in one_sentence(result)


def test_setup_stores_reports_keeps_them_on_a_rerun_and_removes_a_part_with_none(run_cli, world, tsbackup_home):
    result = setup(run_cli, world, "--ping-url", "https://hc-ping.com/abc", "--smtp", "mail.example.com:465",
                   "--smtp-user", USER, "--mail-to", TO, input=PASSWORD + "\n")
    assert result.returncode == 0, result.stderr
    assert "Monitoring pings go to hc-ping.com." in result.stdout
    assert "Report e-mails go to it@partner.example, chef@kanzlei.example through the mail server mail.example.com:465." \
        in result.stdout
    stored = config_of(tsbackup_home)["reports"]
    assert stored == {"ping_url": "https://hc-ping.com/abc", "smtp": {
        "host": "mail.example.com", "port": 465, "security": "tls", "user": USER,
        "to": ["it@partner.example", "chef@kanzlei.example"], "from": USER}}
    assert setup(run_cli, world, "--time", "19:00").returncode == 0  # no report options: kept
    assert config_of(tsbackup_home)["reports"] == stored
    changed = setup(run_cli, world, "--mail-to", "neu@partner.example", "--ping-url", "none", input="")
    assert changed.returncode == 0, changed.stderr  # same server and login: the stored password serves
    assert config_of(tsbackup_home)["reports"] == {"smtp": {**stored["smtp"], "to": ["neu@partner.example"]}}
    assert setup(run_cli, world, "--smtp", "none").returncode == 0
    assert config_of(tsbackup_home)["reports"] is None


def test_a_failed_run_mails_every_recipient_once_and_the_password_is_nowhere(run_cli, world, tsbackup_home, smtp,
                                                                             http, tmp_path):
    box, port, cert = smtp("starttls", PASSWORD)
    server, url = http
    env = {"TSBACKUP_SMTP_CAFILE": str(cert)}
    morning = next_working_day(10)  # the daily slot (18:30) is hours away all along
    result = setup(run_cli, world, "--ping-url", url, "--smtp", f"127.0.0.1:{port}", "--smtp-user", USER,
                   "--mail-to", TO, "--mail-from", "backup@kanzlei.example",
                   env={**env, "TSBACKUP_SMTP_PASSWORD": PASSWORD}, at=morning)
    assert result.returncode == 0, result.stderr
    source, drive = world
    drive.rename(tmp_path / "drive-gone")
    run = run_cli("run", env=env, at=morning + timedelta(minutes=1))
    assert run.returncode == 4
    assert len(box.mails) == 1
    sender, rcpts, message = box.mails[0]
    assert rcpts == TO.split(",") and sender == "backup@kanzlei.example"
    assert message["Subject"].startswith("Kanzlei-PC: Connect the backup drive")
    text = message.get_content()
    assert "A backup on Kanzlei-PC did not succeed." in text and "What went wrong:" in text
    assert [p for _, p, _ in server.requests] == ["/ping/abc-123/start", "/ping/abc-123/fail"]
    # the OS task's due-check before the slot: nothing to run, and the failure is not mailed again
    assert run_cli("run", "--scheduled", env=env, at=morning + timedelta(minutes=5)).returncode == 0
    assert run_cli("status", env=env, at=morning + timedelta(minutes=6)).returncode == 1
    assert len(box.mails) == 1

    secret = PASSWORD.encode()
    assert all(secret not in raw for raw in box.raw)
    written = [p for p in tsbackup_home.rglob("*") if p.is_file()]
    assert any(p.name == "config.json" for p in written) and any(p.suffix == ".log" for p in written)
    assert [p for p in written if secret in p.read_bytes()] == []
    assert secret not in (run.stdout + run.stderr + result.stdout + result.stderr).encode()


def test_a_failure_found_by_the_os_task_is_mailed_once(run_cli, world, smtp, tmp_path):
    box, port, _ = smtp()
    morning = next_working_day(10)
    assert setup(run_cli, world, at=morning).returncode == 0
    source, drive = world
    drive.rename(tmp_path / "drive-gone")
    assert run_cli("run", at=morning + timedelta(minutes=1)).returncode == 4  # no reports set up yet
    (tmp_path / "drive-gone").rename(drive)
    assert setup(run_cli, world, "--smtp", f"127.0.0.1:{port}", "--smtp-security", "none", "--mail-to", TO,
                 at=morning + timedelta(minutes=2)).returncode == 0
    drive.rename(tmp_path / "drive-gone")
    slot = morning.replace(hour=19)  # the 18:30 slot is due: the OS task runs, and the drive is missing
    codes = [run_cli("run", "--scheduled", at=slot + timedelta(minutes=minute)).returncode for minute in (0, 1)]
    assert codes == [4, 4]
    assert len(box.mails) == 1 and box.mails[0][2]["Subject"].startswith("Kanzlei-PC: ")


def test_dead_mail_server_and_ping_url_never_fail_or_slow_the_backup(run_cli, world):
    dead = closed_port()
    morning = next_working_day(10)
    assert setup(run_cli, world, "--ping-url", f"http://127.0.0.1:{dead}/p", "--smtp", f"127.0.0.1:{dead}",
                 "--smtp-security", "none", "--mail-to", TO, at=morning).returncode == 0
    result = run_cli("run", "--json", at=morning + timedelta(minutes=1))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.splitlines()[-1])["outcome"] == "ok"
    # the OS task's due-check retries the reports (5 minutes later), and its exit code stays the backup's
    assert run_cli("run", "--scheduled", at=morning + timedelta(minutes=7)).returncode == 0
    status = json.loads(run_cli("status", "--json", at=morning + timedelta(minutes=8)).stdout)
    assert status["last_success"].startswith((morning + timedelta(minutes=1)).isoformat()[:16])  # the run counted
    assert {"code": "report.ping_problem", "message": "The last monitoring ping could not be sent: Connection "
            "refused. Check the ping address (tsbackup setup --test-only)."} in status["reasons"]


def test_test_only_sends_a_test_mail_and_a_test_ping(run_cli, world, smtp, http):
    box, port, cert = smtp("starttls", PASSWORD)
    server, url = http
    env = {"TSBACKUP_SMTP_CAFILE": str(cert), "TSBACKUP_SMTP_PASSWORD": PASSWORD}
    result = run_cli("setup", "--test-only", "--ping-url", url, "--smtp", f"127.0.0.1:{port}", "--smtp-user", USER,
                     "--mail-to", TO, env=env)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert lines == ["The test ping reached 127.0.0.1.",
                     "A test e-mail was sent to it@partner.example, chef@kanzlei.example; check that it arrived."]
    assert len(box.mails) == 1 and box.mails[0][2]["Subject"].startswith("Test e-mail from the backup on ")
    assert [(m, p) for m, p, _ in server.requests] == [("POST", "/ping/abc-123")]
    failed = run_cli("setup", "--test-only", "--smtp", f"127.0.0.1:{closed_port()}", "--smtp-security", "none",
                     "--mail-to", TO)
    assert failed.returncode == 2
    assert one_sentence(failed).startswith("The test e-mail could not be sent through 127.0.0.1:")
