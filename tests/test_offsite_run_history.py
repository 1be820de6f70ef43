"""The off-site step in-process: parent and weekly prune from the history, append-only, a lost
password, a failed primary run, and the status model's off-site age warning."""

from __future__ import annotations

import subprocess
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from test_offsite_setup_support import COMPUTER, make_world
from test_restic_support import PASSWORD, new_repo

from tsbackup_gui.core.store import config as config_mod
from tsbackup_gui.core.clock import FixedClock
from tsbackup_gui.core.store.config import Config
from tsbackup_gui.core.guard.single_user import SingleUserGuard
from tsbackup_gui.core.store.history import History
from tsbackup_gui.core.run.backup import run_backup
from tsbackup_gui.core.restic.driver import Restic
from tsbackup_gui.core.store.secrets import SecretStore
from tsbackup_gui.core.setup.configure import SetupOptions, configure
from tsbackup_gui.core.status.model import compute_status
from tsbackup_gui.core.status.facts import load_attempts

ZURICH = timezone(timedelta(hours=1))
MONDAY = datetime(2026, 11, 2, 18, 30, tzinfo=ZURICH)


@pytest.fixture
def configured(tmp_path):
    source, drive = make_world(tmp_path)
    repo = new_repo(tmp_path / "nas" / "tsbackup")
    result = configure(SetupOptions(str(source), str(drive), computer=COMPUTER, secondary=str(repo), password=PASSWORD),
                       clock=FixedClock(MONDAY - timedelta(hours=1)))
    return result.config, source, repo


def test_parent_and_weekly_prune_come_from_the_history(configured, monkeypatch):
    config, source, repo = configured
    clock = FixedClock(MONDAY)
    first = run_backup(config, clock=clock)
    assert (first.outcome, first.exit_code) == ("ok", 0), first.reasons
    record = History().last().details["offsite_last"]
    assert record["repo"] == str(repo) and record["snapshot"] == first.offsite["snapshot"]
    assert "pruned" not in record  # a repository set up an hour ago has nothing to prune

    def no_listing(*_args, **_kwargs):
        raise AssertionError("the parent must come from the history, not from listing the repository")

    monkeypatch.setattr(Restic, "snapshots", no_listing)
    clock.advance(days=1)
    (source / "Neue Akte.txt").write_bytes(b"Mandat")
    second = run_backup(config, clock=clock)
    assert second.exit_code == 0, second.reasons
    step = History().last().details["offsite"]
    assert step["parent"] == first.offsite["snapshot"] and step["files_new"] == 1 and step["pruned"] is False

    clock.advance(days=7)  # a week after the setup: prune
    third = run_backup(config, clock=clock)
    assert third.exit_code == 0 and History().last().details["offsite"]["pruned"] is True
    assert History().last().details["offsite_last"]["pruned"] == clock.now().isoformat(timespec="seconds")
    clock.advance(days=1)
    assert run_backup(config, clock=clock).exit_code == 0
    assert History().last().details["offsite"]["pruned"] is False  # the next prune is a week later

    config.secondary["append_only"] = True  # restic's REST server in append-only mode: no forget, no prune
    config_mod.save(config)
    clock.advance(days=30)
    append_only = run_backup(config, clock=clock)
    assert append_only.exit_code == 0
    assert History().last().details["offsite"]["pruned"] is False
    assert History().last().details["offsite"]["forgotten"] == 0


def test_a_lost_password_is_a_warning_and_the_primary_counts(configured):
    config, source, repo = configured
    SecretStore(config.setup_id).delete("repo-password")
    result = run_backup(config, clock=FixedClock(MONDAY))
    assert (result.outcome, result.exit_code) == ("warning", 1)
    assert [r.id for r in result.reasons] == ["offsite.no_password"]
    assert result.generation and result.offsite["outcome"] == "warning"
    assert result.messages()[0].id == "run.finished_warnings"  # no snapshot: the plain headline


def test_no_off_site_step_after_a_failed_primary_run(configured):
    config, source, repo = configured
    sleeper = subprocess.Popen(["sleep", "60"])
    events = []
    try:
        result = run_backup(config, clock=FixedClock(MONDAY), events=events.append,
                            guard_factory=lambda cfg: SingleUserGuard(Path(cfg.source), names=["sleep"]))
    finally:
        sleeper.kill()
        sleeper.wait()
    assert result.exit_code == 3 and result.offsite is None
    assert "offsite" not in events[-1] and [e["event"] for e in events] == ["start", "summary"]


# -- the status model: an off-site copy older than three days --------------------------------


def _config(tmp_path, **secondary) -> Config:
    return Config(source=str(tmp_path / "src"), primary=str(tmp_path / "drive"), computer=COMPUTER,
                  created=(MONDAY - timedelta(days=60)).isoformat(), recovery_sheet_confirmed="2026-09-01",
                  secondary=secondary or None)


def _status_codes(config: Config, now: datetime) -> list[str]:
    return [reason.code for reason in compute_status(config, load_attempts(History()), now).reasons]


def _record_run(started: datetime, details: dict | None = None) -> None:
    History().record("backup", started, started + timedelta(minutes=5), "ok", 0, [], details=details or {})


def test_status_fails_when_the_newest_off_site_copy_is_older_than_three_days(tmp_path):
    repo = str(tmp_path / "nas" / "tsbackup")
    config = _config(tmp_path, kind="folder", repo=repo, since=(MONDAY - timedelta(days=30)).isoformat())
    copied = MONDAY - timedelta(days=4, hours=2)
    _record_run(copied, {"offsite_last": {"repo": repo, "snapshot": "abc", "time": copied.isoformat()}})
    for day in range(1, 4):  # later runs whose off-site step failed carry the record forward unchanged
        _record_run(copied + timedelta(days=day), {"offsite_last": {"repo": repo, "snapshot": "abc",
                                                                    "time": copied.isoformat()}})
    status = compute_status(config, load_attempts(History()), MONDAY)
    too_old = [r for r in status.reasons if r.code == "offsite.too_old"]
    assert status.state == "failed" and too_old  # the newest copy off the premises is too old: red
    assert status.message == too_old[0].message
    assert too_old[0].message.english() == (
        "The newest off-site copy is 4 days old. Check that the off-site backup target is reachable.")
    assert "offsite.too_old" not in _status_codes(config, copied + timedelta(days=2, hours=23))


def test_status_before_any_off_site_copy_counts_from_its_setup(tmp_path):
    repo = str(tmp_path / "nas" / "tsbackup")
    _record_run(MONDAY - timedelta(days=1))  # a primary run without an off-site record
    recent = _config(tmp_path, kind="folder", repo=repo, since=(MONDAY - timedelta(days=1)).isoformat())
    assert "offsite.never" not in _status_codes(recent, MONDAY)
    old = _config(tmp_path, kind="folder", repo=repo, since=(MONDAY - timedelta(days=5)).isoformat())
    assert "offsite.never" in _status_codes(old, MONDAY)
    other = MONDAY - timedelta(hours=3)  # a copy to the previous target says nothing about this one
    _record_run(other, {"offsite_last": {"repo": "/elsewhere", "snapshot": "abc", "time": other.isoformat()}})
    assert "offsite.never" in _status_codes(old, MONDAY)
    assert not {"offsite.never", "offsite.too_old"} & set(_status_codes(_config(tmp_path, kind="external", text="NAS"), MONDAY))
    assert "status.no_offsite" in _status_codes(_config(tmp_path), MONDAY)
