"""The diagnostics bundle: what is inside, and — scanned byte by byte — no secret of this setup,
even when a secret slipped into a log line, a history reason or a URL."""

from __future__ import annotations

import io
import json
import logging
import zipfile
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from zoneinfo import ZoneInfo

from tsbackup_gui.core.store import config as config_mod
from tsbackup_gui.core.store.config import Config
from tsbackup_gui.app.diagnostics import write_diagnostics
from tsbackup_gui.core.reports.diagnostics import LOG_BUDGET
from tsbackup_gui.core.errors import UserError
from tsbackup_gui.core.store.history import History
from tsbackup_gui.core.messages import Message
from tsbackup_gui.core.places import places
from tsbackup_gui.core.store.secrets import SecretStore

ZH = ZoneInfo("Europe/Zurich")
NOW = datetime(2026, 11, 27, 9, 0, tzinfo=ZH)

SECRETS = {
    "repo-password": "Kanzlei-Müller-Repo-Passwort-2026",
    "aws-secret-access-key": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    "rest-password": 'Rest"Pass\\wort-42',  # a quote and a backslash: JSON escapes them
    "smtp-password": "Mail-Geheimnis-77",
}
PING_TOKEN = "1f2e3d4c-aaaa-bbbb-cccc-1234567890ab"
URL_PASSWORD = "UrlGeheim99"


@pytest.fixture
def setup_with_secrets(tmp_path):
    config = Config(source=str(tmp_path / "src"), primary=str(tmp_path / "drive"), computer="Kanzlei-PC",
                    secondary={"kind": "rest", "repo": f"rest:https://kanzlei:{URL_PASSWORD}@backup.example.ch:8000/pc"},
                    reports={"ping_url": f"https://hc-ping.com/{PING_TOKEN}"})
    config_mod.save(config)
    store = SecretStore(config.setup_id)
    for name, value in SECRETS.items():
        store.set(name, value)
    log_dir = places().log_dir
    log_dir.mkdir(parents=True)
    # Mistakes somewhere: secrets in log lines, in the current and in a rotated file.
    (log_dir / "tsbackup.log.1").write_text(f"2026-11-26 old line password={SECRETS['repo-password']}\n", encoding="utf-8")
    (log_dir / "tsbackup.log").write_text(
        "2026-11-27 08:00:00 INFO tsbackup: run started\n"
        f"2026-11-27 08:00:01 WARNING restic: env AWS_SECRET_ACCESS_KEY={SECRETS['aws-secret-access-key']}\n"
        f"2026-11-27 08:00:02 WARNING restic: login {SECRETS['rest-password']} refused\n"
        f"2026-11-27 08:00:03 INFO restic: rest:https://kanzlei:{URL_PASSWORD}@backup.example.ch:8000/pc\n"
        f"2026-11-27 08:00:04 INFO reports: ping to https://hc-ping.com/{PING_TOKEN}/fail\n",
        encoding="utf-8")
    history = History()
    leaked = Message("offsite.failed", "restic failed: {detail}", {"detail": f"bad key {SECRETS['rest-password']}"})
    history.record("backup", NOW - timedelta(hours=1), NOW - timedelta(minutes=50), "warning", 1, [leaked], files=3)
    return config


def members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_bundle_holds_what_the_it_partner_needs_and_no_secret(setup_with_secrets, tmp_path):
    dest = write_diagnostics(tmp_path / "diagnose.zip", NOW)
    assert dest == tmp_path / "diagnose.zip"
    raw = dest.read_bytes()
    inside = members(dest)
    assert set(inside) == {"README.txt", "config.json", "status.json", "history.json", "versions.json",
                           "logs/tsbackup.log", "logs/tsbackup.log.1"}
    # The scan: raw zip bytes, every member decompressed, in UTF-8 and as JSON would escape it.
    for secret in [*SECRETS.values(), URL_PASSWORD, PING_TOKEN]:
        needles = {secret.encode("utf-8"), json.dumps(secret)[1:-1].encode("utf-8"), json.dumps(secret).encode("ascii")}
        assert not any(needle in raw for needle in needles), secret
        for name, data in inside.items():
            assert not any(needle in data for needle in needles), (secret, name)

    log_text = inside["logs/tsbackup.log"].decode("utf-8")
    assert "AWS_SECRET_ACCESS_KEY=***" in log_text and "login *** refused" in log_text
    assert "rest:https://kanzlei:***@backup.example.ch:8000/pc" in log_text
    assert inside["logs/tsbackup.log.1"].decode("utf-8") == "2026-11-26 old line password=***\n"

    config = json.loads(inside["config.json"])
    assert config["computer"] == "Kanzlei-PC" and config["setup_id"] == setup_with_secrets.setup_id
    assert config["secondary"]["repo"] == "rest:https://kanzlei:***@backup.example.ch:8000/pc"
    assert config["reports"]["ping_url"] == "https://hc-ping.com/***"
    (attempt,) = json.loads(inside["history.json"])
    assert (attempt["kind"], attempt["outcome"], attempt["files"]) == ("backup", "warning", 3)
    assert attempt["reasons"] == [{"code": "offsite.failed", "message": "restic failed: bad key ***"}]
    status = json.loads(inside["status.json"])
    assert set(status) >= {"state", "message", "reasons", "reminders", "last_success", "next_due"}
    versions = json.loads(inside["versions.json"])
    assert versions["restic"].count(".") == 2 and versions["python"].count(".") == 2
    assert versions["pyside6"][0].isdigit() and versions["tsbackup"]
    readme = inside["README.txt"].decode("utf-8")
    assert "Passwords and keys are NOT in this file" in readme and "Kanzlei-PC" in readme


def test_only_the_newest_two_megabytes_of_log_whole_lines(setup_with_secrets, tmp_path):
    log_dir = places().log_dir
    line = "2026-11-27 07:00:00 INFO filler: " + "x" * 60 + "\n"
    (log_dir / "tsbackup.log").write_text(line * (3_000_000 // len(line)) + "the newest line\n", encoding="utf-8")
    inside = members(write_diagnostics(tmp_path / "d.zip", NOW))
    text = inside["logs/tsbackup.log"].decode("utf-8")
    assert LOG_BUDGET - len(line) <= len(text.encode("utf-8")) <= LOG_BUDGET
    assert text.endswith("the newest line\n") and text.startswith("2026-11-27 07:00:00 INFO filler: ")
    assert "logs/tsbackup.log.1" not in inside  # the budget went to the newest file


def test_a_real_log_line_through_logging_is_scrubbed(setup_with_secrets, tmp_path):
    from tsbackup_gui.core.store.logfile import setup_logging

    (places().log_dir / "tsbackup.log").unlink()
    path = setup_logging()
    logging.getLogger("tsbackup.test").warning("oops, printed %s by mistake", SECRETS["repo-password"])
    for handler in logging.getLogger().handlers:
        handler.flush()
    assert SECRETS["repo-password"] in path.read_text(encoding="utf-8")
    inside = members(write_diagnostics(tmp_path / "d.zip", NOW))
    assert "oops, printed *** by mistake" in inside["logs/tsbackup.log"].decode("utf-8")
    for handler in list(logging.getLogger().handlers):
        if getattr(handler, "baseFilename", None) == str(path):
            logging.getLogger().removeHandler(handler)
            handler.close()


def test_refuses_to_overwrite_and_works_without_a_setup(tmp_path, run_cli):
    existing = tmp_path / "there.zip"
    existing.write_bytes(b"keep me")
    with pytest.raises(UserError) as caught:
        write_diagnostics(existing, NOW)
    assert caught.value.message.english() == f"The file {existing} already exists and was left as it is. Give a new file name."
    assert existing.read_bytes() == b"keep me"

    done = run_cli("diagnostics", "--to", tmp_path / "new.zip")  # not configured: still a useful bundle
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == (f"The diagnostics file {tmp_path / 'new.zip'} was written. "
                                   "It holds no passwords; send it to your IT partner.")
    inside = members(tmp_path / "new.zip")
    assert json.loads(inside["config.json"]) == {"configured": False}
    assert json.loads(inside["status.json"])["state"] == "not-configured"
    again = run_cli("diagnostics", "--to", tmp_path / "new.zip")
    assert again.returncode == 2 and "already exists" in again.stderr
    with zipfile.ZipFile(io.BytesIO((tmp_path / "new.zip").read_bytes())) as archive:
        assert archive.testzip() is None


class RefusingKeyring:
    """A keyring this computer does not have (a server without a session keyring)."""

    def get(self, name):
        from tsbackup_gui.core.messages import Message as Msg

        raise UserError(Msg("secrets.unavailable", "No keyring."), 2)


def test_the_ping_token_is_scrubbed_without_a_keyring_and_short_values_are_not(tmp_path):
    from tsbackup_gui.core.reports.diagnostics import _scrubber

    config = Config(source=str(tmp_path), primary=str(tmp_path), computer="PC",
                    reports={"ping_url": f"https://hc-ping.com/{PING_TOKEN}"})
    scrub = _scrubber(config, RefusingKeyring())
    assert PING_TOKEN not in scrub(f"ping to https://hc-ping.com/{PING_TOKEN}/fail")
    store = SecretStore(config.setup_id)
    store.set("rest-password", "nas")  # too short to be a secret worth garbling every log line for
    store.set("repo-password", "Lang-genug-2026")
    scrub = _scrubber(config, store)
    assert scrub("user nas logged in") == "user nas logged in"
    assert "Lang-genug-2026" not in scrub("password Lang-genug-2026")


def test_versions_never_import_qt():
    import subprocess
    import sys

    code = ("import sys; from tsbackup_gui.core.reports import diagnostics; diagnostics._pyside_version(); "
            "diagnostics.versions(); print('PySide6' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "False", done.stderr
