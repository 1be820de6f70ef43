"""The attempts journal: every start and end, readable by a second process, kills visible."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import textwrap
from datetime import datetime, timedelta, timezone

from tsbackup_gui.core.store import locks
from tsbackup_gui.core.store.history import INTERRUPTED, History
from tsbackup_gui.core.run.result import RUN_FINISHED
from tsbackup_gui.core.messages import Message

ZURICH = timezone(timedelta(hours=1))
T0 = datetime(2026, 11, 27, 18, 30, tzinfo=ZURICH)


def make(tmp_path):
    return History(tmp_path / "state" / "history.sqlite3", lock_path=tmp_path / "state" / "run.lock")


def test_start_and_finish_round_trip(tmp_path):
    history = make(tmp_path)
    assert history.attempts() == []
    assert history.last_success() is None
    first = history.start("backup", T0)
    reason = RUN_FINISHED(files="3", size="1 KB", generation="g1")
    history.finish(first, T0 + timedelta(minutes=2), "warning", 1, [reason, INTERRUPTED()], files=3, bytes=1000, generation="g1")
    (attempt,) = history.attempts()
    assert attempt.id == first and attempt.kind == "backup"
    assert attempt.started == T0 and attempt.ended == T0 + timedelta(minutes=2)
    assert attempt.started.utcoffset() == timedelta(hours=1)
    assert (attempt.outcome, attempt.exit_code, attempt.files, attempt.bytes, attempt.generation) == ("warning", 1, 3, 1000, "g1")
    assert attempt.reasons == [reason, INTERRUPTED()]
    assert attempt.reason_code == "run.finished"
    assert history.last_success().id == first

    with sqlite3.connect(history.path) as db:
        row = db.execute("SELECT started, ended, reason_code, reason FROM attempts").fetchone()
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert row[0] == "2026-11-27T18:30:00+01:00" and row[1] == "2026-11-27T18:32:00+01:00"
    assert row[2] == "run.finished"
    assert Message.from_json(json.loads(row[3])) == reason


def test_newest_first_and_last_success_skips_failures(tmp_path):
    history = make(tmp_path)
    ok = history.record("backup", T0, T0, "ok", 0, files=1, bytes=1, generation="a")
    history.record("backup", T0 + timedelta(days=1), T0 + timedelta(days=1), "skipped", 3, [INTERRUPTED()])
    history.record("backup", T0 + timedelta(days=2), T0 + timedelta(days=2), "failed", 4)
    assert [a.outcome for a in history.attempts()] == ["failed", "skipped", "ok"]
    assert [a.outcome for a in history.attempts(limit=1)] == ["failed"]
    assert history.last_success().id == ok
    assert history.last().outcome == "failed"


def test_unfinished_attempt_is_running_while_the_lock_is_held_and_interrupted_after(tmp_path):
    history = make(tmp_path)
    lock = locks.FileLock(history.lock_path)
    lock.acquire()
    attempt_id = history.start("backup", T0)
    assert history.attempts()[0].outcome == "running"
    lock.release()
    (seen,) = history.attempts()
    assert seen.id == attempt_id and seen.outcome == "failed" and seen.interrupted
    assert seen.reason.english().startswith("The backup was interrupted")
    assert history.close_interrupted(T0 + timedelta(hours=1)) == 1
    (stored,) = history.attempts()
    assert stored.outcome == "failed" and stored.interrupted and stored.ended == T0 + timedelta(hours=1)


def test_two_processes_write_to_one_journal(tmp_path):
    history = make(tmp_path)
    script = textwrap.dedent(
        f"""
        from datetime import datetime, timedelta, timezone
        from tsbackup_gui.core.store.history import History
        h = History({str(history.path)!r}, lock_path={str(history.lock_path)!r})
        t = datetime(2026, 1, 1, tzinfo=timezone.utc)
        for i in range(40):
            h.finish(h.start("backup", t), t, "ok", 0, files=i)
        """
    )
    children = [subprocess.Popen([sys.executable, "-c", script]) for _ in range(2)]
    for i in range(40):
        history.finish(history.start("backup", T0), T0, "skipped", 3)
    assert [child.wait(timeout=60) for child in children] == [0, 0]
    outcomes = [a.outcome for a in history.attempts()]
    assert len(outcomes) == 120 and outcomes.count("ok") == 80 and outcomes.count("skipped") == 40
