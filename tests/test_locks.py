"""The run locks: exclusive, non-blocking, gone with the process that held them."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap

import pytest

from tsbackup_gui.core.store import locks
from tsbackup_gui.core.errors import Exit, UserError

HOLDER = textwrap.dedent(
    """
    import sys
    from tsbackup_gui.core.store.locks import FileLock
    lock = FileLock(sys.argv[1]); lock.acquire()
    print("locked", flush=True)
    sys.stdin.read()
    """
)


def hold_in_child(path):
    child = subprocess.Popen([sys.executable, "-c", HOLDER, str(path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert child.stdout.readline().strip() == "locked"
    return child


def test_second_lock_in_same_process_is_refused_at_once(tmp_path):
    path = tmp_path / "state" / "run.lock"
    first = locks.FileLock(path)
    first.acquire()
    with pytest.raises(locks.LockBusy):
        locks.FileLock(path).acquire()
    assert not locks.is_free(path)
    first.release()
    assert locks.is_free(path)
    with locks.FileLock(path) as again:
        assert again.held
    assert path.read_text().strip() == str(os.getpid())


def test_state_lock_held_by_another_process_gives_exit_6(tmp_path):
    path = tmp_path / "run.lock"
    child = hold_in_child(path)
    try:
        with pytest.raises(UserError) as caught:
            locks.state_lock(path)
        assert caught.value.exit_code == Exit.RUN_IN_PROGRESS
        assert caught.value.message.english() == "Another backup is running. Wait until it has finished, then try again."
    finally:
        child.kill()
        child.wait()
    locks.state_lock(path).release()  # kill -9 left no stale lock


def test_lock_vanishes_with_kill_9(tmp_path):
    path = tmp_path / "run.lock"
    child = hold_in_child(path)
    assert not locks.is_free(path)
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    assert path.exists()
    assert locks.is_free(path)


def test_target_lock_lives_in_the_computer_folder(tmp_path):
    folder = tmp_path / "timeSensor Backups" / "pc"
    folder.mkdir(parents=True)
    lock = locks.target_lock(folder)
    assert (folder / ".tsbackup-lock").exists()
    with pytest.raises(UserError) as caught:
        locks.target_lock(folder)
    assert caught.value.exit_code == Exit.RUN_IN_PROGRESS
    assert str(folder) in caught.value.message.english()
    lock.release()
    locks.target_lock(folder).release()


def test_missing_lock_file_is_free(tmp_path):
    assert locks.is_free(tmp_path / "nothing.lock")
    assert not (tmp_path / "nothing.lock").exists()
