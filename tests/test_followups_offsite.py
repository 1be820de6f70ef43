"""Round-2 follow-ups of the off-site part with the real restic: the number of snapshots kept
after retention is recorded with the upload (what the status window shows), and the driver's
public key commands that the password change uses, with the new password never in argv."""

from __future__ import annotations

import json
import stat
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from test_offsite_setup_support import COMPUTER, make_world
from test_restic_support import PASSWORD, new_repo, raw_restic

from tsbackup_gui.core.store import config as config_mod
from tsbackup_gui.core.clock import FixedClock
from tsbackup_gui.core.store.history import History
from tsbackup_gui.core.run.backup import run_backup
from tsbackup_gui.app.overview_targets import offsite_facts
from tsbackup_gui.core.restic.driver import Restic
from tsbackup_gui.core.restic.errors import ResticError
from tsbackup_gui.core.setup.configure import SetupOptions, configure
from tsbackup_gui.core.status.facts import load_attempts

ZURICH = timezone(timedelta(hours=1))
MONDAY = datetime(2026, 11, 2, 18, 30, tzinfo=ZURICH)
NEW = "Neues-Kanzlei-Passwort-2027"


def snapshot_count(repo: Path, cache: Path) -> int:
    done = raw_restic(repo, cache, "snapshots", "--json")
    assert done.returncode == 0, done.stderr
    return len(json.loads(done.stdout))


def test_the_snapshot_count_after_retention_is_recorded(tmp_path):
    source, drive = make_world(tmp_path)
    repo = new_repo(tmp_path / "nas" / "tsbackup")
    config = configure(SetupOptions(str(source), str(drive), computer=COMPUTER, secondary=str(repo), password=PASSWORD),
                       clock=FixedClock(MONDAY - timedelta(hours=1))).config
    clock = FixedClock(MONDAY)
    counts = []
    for day in range(2):
        (source / f"Akte {day}.txt").write_bytes(b"Mandat %d" % day)
        result = run_backup(config, clock=clock)
        assert result.outcome == "ok", result.reasons
        details = History().last().details
        assert details["offsite"]["snapshots"] == details["offsite_last"]["snapshots"]
        counts.append(details["offsite_last"]["snapshots"])
        clock.advance(days=1)
    assert counts == [1, 2]  # restic stamps the real time: all within the last day, all kept
    assert offsite_facts(config, [], load_attempts(History())).snapshots == 2  # the status window's number

    config.secondary["keep"] = {"daily": 1, "weekly": 0, "monthly": 0, "yearly": 0, "within": ""}
    config_mod.save(config)
    assert run_backup(config, clock=clock).outcome == "ok"
    assert History().last().details["offsite_last"]["snapshots"] == 1  # counted after retention, not before
    assert snapshot_count(repo, tmp_path / "cache") == 1  # what restic itself lists
    assert offsite_facts(config, [], load_attempts(History())).snapshots == 1

    config.secondary["append_only"] = True  # no forget: no count, and the old one would be wrong now
    config_mod.save(config)
    assert run_backup(config, clock=clock).outcome == "ok"
    details = History().last().details
    assert "snapshots" not in details["offsite_last"] and "snapshots" not in details["offsite"]
    assert offsite_facts(config, [], load_attempts(History())).snapshots is None


def logging_restic(tmp_path: Path) -> tuple[Path, Path]:
    """A restic that writes its argv to a log, then runs the real one."""
    script, log = tmp_path / "restic-logging", tmp_path / "argv.log"
    real = raw_restic.__globals__["RESTIC"]
    script.write_text(f'#!/bin/sh\necho "$@" >> "{log}"\nexec "{real}" "$@"\n')
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return script, log


def test_public_key_commands_of_the_driver(tmp_path):
    repo = new_repo(tmp_path / "repo")
    binary, log = logging_restic(tmp_path)
    old = Restic(str(repo), PASSWORD, cache_dir=tmp_path / "cache", binary=binary)
    before = old.key_list()
    assert len(before) == 1 and before[0]["current"] is True

    password_file = tmp_path / "new-password"
    password_file.write_text(NEW, encoding="utf-8")
    old.key_add(password_file)
    new = Restic(str(repo), NEW, cache_dir=tmp_path / "cache", binary=binary)
    keys = new.key_list()
    assert len(keys) == 2
    new_id = next(k["id"] for k in keys if k["current"])
    assert new_id != before[0]["id"]
    with pytest.raises(ResticError):
        new.key_remove(new_id)  # restic refuses to remove the key in use
    new.key_remove(before[0]["id"])
    assert [k["id"] for k in new.key_list()] == [new_id]
    assert raw_restic(repo, tmp_path / "cache", "cat", "config").returncode != 0  # the old password is gone
    argv = log.read_text(encoding="utf-8")
    assert "key add --new-password-file" in argv and NEW not in argv and PASSWORD not in argv
