"""Putting a restored data folder in place: the old one is kept byte for byte, and nothing moves while
timeSensor LEGAL runs (a real process of that name)."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import tempfile
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tsbackup_gui.core.store import locks
from tsbackup_gui.core.errors import Exit, UserError
from tsbackup_gui.core.guard.single_user import SingleUserGuard
from tsbackup_gui.core.places import places
from tsbackup_gui.core.restore.put_back import aside_name, first_difference, put_back

NOW = datetime(2026, 11, 27, 9, 5, tzinfo=ZoneInfo("Europe/Zurich"))
SLEEP = shutil.which("sleep") or "/bin/sleep"


def tree_hashes(root: Path) -> dict[str, str]:
    found = {}
    for folder, _dirs, files in os.walk(root):
        for name in files:
            path = Path(folder) / name
            found[str(path.relative_to(root))] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def make_tree(root: Path, label: bytes) -> Path:
    (root / "Dokumente" / "Müller").mkdir(parents=True)
    (root / "timeSensor.4DD").write_bytes(label * 5000)
    (root / "Dokumente" / "Müller" / "Brief.docx").write_bytes(b"PK" + label)
    (root / "leer.txt").write_bytes(b"")
    return root


@pytest.fixture
def setup(tmp_path):
    live = make_tree(tmp_path / "Shared" / "timeSensor DataFiles", b"live")
    restore_dir = tmp_path / "restored"
    make_tree(restore_dir / "timeSensor DataFiles", b"restored")
    (restore_dir / "tsbackup-manifest.json").write_text("{}")
    return live, restore_dir


def test_swap_keeps_the_old_folder_and_moves_the_restored_one_in(setup):
    live, restore_dir = setup
    before_live = tree_hashes(live)
    before_restored = tree_hashes(restore_dir / "timeSensor DataFiles")
    inode = os.stat(restore_dir / "timeSensor DataFiles" / "timeSensor.4DD").st_ino
    result = put_back(restore_dir, live, guard=SingleUserGuard(live), now=NOW)
    aside = live.with_name("timeSensor DataFiles (before restore 2026-11-27 0905)")
    assert result.aside == aside and not result.copied
    assert tree_hashes(aside) == before_live  # the old data, exact bytes
    assert tree_hashes(live) == before_restored
    assert os.stat(live / "timeSensor.4DD").st_ino == inode  # a rename, not a copy
    assert not (restore_dir / "timeSensor DataFiles").exists()
    assert result.messages()[0].english() == (
        f"The restored data is now in place in {live}. The previous data was kept as {aside}.")


def test_a_second_swap_in_the_same_minute_gets_a_new_name(setup, tmp_path):
    live, restore_dir = setup
    taken = aside_name(live, NOW)
    taken.mkdir()
    (taken / "keep.txt").write_text("earlier")
    result = put_back(restore_dir, live, guard=SingleUserGuard(live), now=NOW)
    assert result.aside.name == "timeSensor DataFiles (before restore 2026-11-27 0905) 2"
    assert (taken / "keep.txt").read_text() == "earlier"


def test_refused_while_timesensor_legal_runs_and_nothing_moves(setup, tmp_path, spawn, guard_names):
    live, restore_dir = setup
    # the guard's list (built in, None in the settings) holds this test's own program name here
    # (conftest's guard_names): a timeSensor LEGAL that runs elsewhere on the machine changes nothing
    binary = tmp_path / "bin" / guard_names[0]
    binary.parent.mkdir()
    shutil.copy2(SLEEP, binary)
    proc = spawn([str(binary), "60"], ready=lambda p: p.cmdline()[:1] == [str(binary)])
    before_live, before_restored = tree_hashes(live), tree_hashes(restore_dir)
    with pytest.raises(UserError) as caught:
        put_back(restore_dir, live, guard=SingleUserGuard(live), now=NOW)
    assert caught.value.exit_code == Exit.SOURCE_BUSY
    assert caught.value.message.english() == (
        f"Close timeSensor LEGAL first: {guard_names[0]} (process {proc.pid}) is still using the data. Nothing was moved.")
    assert tree_hashes(live) == before_live and tree_hashes(restore_dir) == before_restored
    assert sorted(p.name for p in live.parent.iterdir()) == ["timeSensor DataFiles"]


@pytest.fixture
def other_disk(tmp_path):
    """A folder on another file system than tmp_path: /dev/shm when it is one, else a small tmpfs."""
    if os.stat("/dev/shm").st_dev != os.stat(tmp_path).st_dev:
        with tempfile.TemporaryDirectory(dir="/dev/shm") as other:
            yield Path(other)
        return
    mount = tmp_path / "other-disk"
    mount.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", str(mount)], check=True)
    try:
        yield mount
    finally:
        subprocess.run(["umount", str(mount)], check=True)


def far_restore(other: Path, label: bytes = b"from-another-disk") -> Path:
    restore_dir = other / "restored"
    make_tree(restore_dir / "timeSensor DataFiles", label)
    os.symlink("timeSensor.4DD", restore_dir / "timeSensor DataFiles" / "link")
    return restore_dir


def incoming_left(live: Path) -> list[str]:
    return [p.name for p in live.parent.iterdir() if p.name.startswith(".tsbackup-incoming")]


def test_across_file_systems_the_copy_is_checked_then_renamed(setup, other_disk):
    live, _ = setup
    restore_dir = far_restore(other_disk)
    assert os.stat(restore_dir).st_dev != os.stat(live).st_dev  # the cross-device path is really taken
    before_live = tree_hashes(live)
    seen = []

    def copy(src, dst):  # the live folder is untouched while the (long) copy runs
        seen.append((live.is_dir(), tree_hashes(live) == before_live, os.path.lexists(aside_name(live, NOW))))
        shutil.copytree(src, dst, symlinks=True)

    result = put_back(restore_dir, live, guard=SingleUserGuard(live), now=NOW, copy=copy)
    assert seen == [(True, True, False)]
    assert result.copied
    assert first_difference(restore_dir / "timeSensor DataFiles", live) is None
    assert os.readlink(live / "link") == "timeSensor.4DD"
    assert tree_hashes(result.aside) == before_live
    assert not incoming_left(live)


def test_a_copy_failing_midway_leaves_the_live_folder_in_place(setup, other_disk):
    live, _ = setup
    restore_dir = far_restore(other_disk)
    before_live = tree_hashes(live)
    inode = os.stat(live / "timeSensor.4DD").st_ino

    def copy(src, dst):  # half the files, then the disk goes away
        os.makedirs(dst)
        shutil.copy2(src / "timeSensor.4DD", dst / "timeSensor.4DD")
        raise OSError(5, "Input/output error", str(src / "Dokumente"))

    with pytest.raises(UserError) as caught:
        put_back(restore_dir, live, guard=SingleUserGuard(live), now=NOW, copy=copy)
    assert caught.value.message.english() == (
        f"The restored data could not be moved into place (Input/output error). The previous data is back in {live}; "
        "nothing was lost.")
    assert tree_hashes(live) == before_live and os.stat(live / "timeSensor.4DD").st_ino == inode
    assert sorted(p.name for p in live.parent.iterdir()) == ["timeSensor DataFiles"]  # no incoming, nothing aside
    assert (restore_dir / "timeSensor DataFiles" / "timeSensor.4DD").read_bytes() == b"from-another-disk" * 5000


def test_timesensor_started_during_the_copy_stops_the_swap(setup, other_disk, tmp_path, spawn, guard_names):
    live, _ = setup
    restore_dir = far_restore(other_disk)
    before_live = tree_hashes(live)
    binary = tmp_path / "bin" / guard_names[0]  # a timeSensor of this test's own (see above)
    binary.parent.mkdir()
    shutil.copy2(SLEEP, binary)
    started = []

    def copy(src, dst):  # someone opens timeSensor LEGAL while the copy runs
        shutil.copytree(src, dst, symlinks=True)
        started.append(spawn([str(binary), "60"], ready=lambda p: p.cmdline()[:1] == [str(binary)]))

    with pytest.raises(UserError) as caught:
        put_back(restore_dir, live, guard=SingleUserGuard(live), now=NOW, copy=copy)
    assert caught.value.exit_code == Exit.SOURCE_BUSY
    assert f"(process {started[0].pid})" in caught.value.message.english()
    assert tree_hashes(live) == before_live
    assert sorted(p.name for p in live.parent.iterdir()) == ["timeSensor DataFiles"]


def test_refused_while_a_backup_runs(setup):
    live, restore_dir = setup
    before_live = tree_hashes(live)
    with locks.state_lock(places().lock_file):  # what run_backup holds for its whole run
        with pytest.raises(UserError) as caught:
            put_back(restore_dir, live, guard=SingleUserGuard(live), now=NOW)
    assert caught.value.exit_code == Exit.RUN_IN_PROGRESS
    assert caught.value.message.english() == "Another backup is running. Wait until it has finished, then try again."
    assert tree_hashes(live) == before_live and (restore_dir / "timeSensor DataFiles").is_dir()


def test_a_backup_cannot_start_during_the_swap(setup, other_disk):
    live, _ = setup
    restore_dir = far_restore(other_disk)
    refused = []

    def copy(src, dst):
        with pytest.raises(UserError) as caught:
            locks.state_lock(places().lock_file)
        refused.append(caught.value.exit_code)
        shutil.copytree(src, dst, symlinks=True)

    put_back(restore_dir, live, guard=SingleUserGuard(live), now=NOW, copy=copy)
    assert refused == [Exit.RUN_IN_PROGRESS]
    locks.state_lock(places().lock_file).release()  # free again afterwards


def test_a_failed_move_renames_the_old_folder_back(setup, monkeypatch):
    live, restore_dir = setup
    before_live = tree_hashes(live)
    real_rename = os.rename

    def rename(src, dst):  # the second rename (restored → live) is refused by the "file system"
        if Path(src) == restore_dir / "timeSensor DataFiles":
            raise PermissionError(13, "Permission denied", str(src))
        return real_rename(src, dst)

    monkeypatch.setattr(os, "rename", rename)
    with pytest.raises(UserError) as caught:
        put_back(restore_dir, live, guard=SingleUserGuard(live), now=NOW)
    monkeypatch.undo()
    assert "The previous data is back in" in caught.value.message.english()
    assert tree_hashes(live) == before_live
    assert sorted(p.name for p in live.parent.iterdir()) == ["timeSensor DataFiles"]


def test_refuses_a_restore_folder_inside_the_live_one_and_a_missing_one(setup, tmp_path):
    live, _ = setup
    inner = make_tree(live / "restored" / "timeSensor DataFiles", b"x").parent
    with pytest.raises(UserError) as caught:
        put_back(inner, live, guard=SingleUserGuard(live), now=NOW)
    assert "lies inside the data folder" in caught.value.message.english()
    with pytest.raises(UserError) as caught:
        put_back(tmp_path / "nothing", live, guard=SingleUserGuard(live), now=NOW)
    assert "holds no restored" in caught.value.message.english()
    assert sorted(p.name for p in live.parent.iterdir()) == ["timeSensor DataFiles"]


def test_refuses_an_empty_restored_folder_and_a_restore_folder_without_one(setup, tmp_path):
    live, _ = setup
    empty = tmp_path / "empty-restore"
    (empty / "timeSensor DataFiles").mkdir(parents=True)
    with pytest.raises(UserError) as caught:
        put_back(empty, live, guard=SingleUserGuard(live), now=NOW)
    assert caught.value.message.english() == (
        f"The restored folder {empty / 'timeSensor DataFiles'} is empty. Restore a backup first; nothing was moved.")
    bare = make_tree(tmp_path / "bare", b"x")  # data files, but not in a restore folder: no guessing
    with pytest.raises(UserError) as caught:
        put_back(bare, live, guard=SingleUserGuard(live), now=NOW)
    assert "holds no restored" in caught.value.message.english()
    assert sorted(p.name for p in live.parent.iterdir()) == ["timeSensor DataFiles"]


def test_nesting_is_seen_through_a_symbolic_link(setup, tmp_path):
    live, _ = setup
    make_tree(live / "inner" / "timeSensor DataFiles", b"x")
    os.symlink(live / "inner", tmp_path / "shortcut")
    with pytest.raises(UserError) as caught:
        put_back(tmp_path / "shortcut", live, guard=SingleUserGuard(live), now=NOW)
    assert "lies inside the data folder" in caught.value.message.english()
