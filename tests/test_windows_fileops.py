"""Windows' file semantics on the backup drive, with the OS facts injected (run on Linux).

Linux keeps a file's mode bits per inode, shared by all its hard links — just as
NTFS keeps the read-only attribute per file. `WindowsLike` adds what Linux does
not do: a read-only file cannot be deleted or replaced (winerror 5), so the code
must clear the flag first and must not leave the other links writable.
"""

from __future__ import annotations

import os
import stat
from datetime import datetime, timedelta, timezone

import pytest

from test_primary_helpers import at, gen, make_source, target_for, write

from tsbackup_gui.core.check.primary import mark_verified
from tsbackup_gui.core.primary.fileops import FileOps, long_path
from tsbackup_gui.core.primary.generations import list_generations
from tsbackup_gui.core.primary.manifest import MANIFEST_NAME, Manifest
from tsbackup_gui.core.primary.retention import RetentionPlan, apply_retention
from tsbackup_gui.core.primary.treeops import remove_generation_file


def denied(path: str, winerror: int = 5) -> PermissionError:
    exc = PermissionError(13, "Access is denied" if winerror == 5 else "in use by another process", path)
    exc.winerror = winerror
    return exc


class WindowsLike(FileOps):
    """FileOps told it runs on Windows, with Windows' refusal to delete or replace a read-only file."""

    def __init__(self):
        super().__init__(windows=True, sleep=self.pause)
        self.sleeps: list[float] = []
        self.cleared: list[str] = []

    def pause(self, seconds: float) -> None:
        self.sleeps.append(seconds)

    def os_unlink(self, path: str) -> None:
        if not os.lstat(path).st_mode & stat.S_IWRITE:
            raise denied(path)
        os.unlink(path)

    def os_replace(self, src: str, dst: str) -> None:
        if os.path.exists(dst) and not os.lstat(dst).st_mode & stat.S_IWRITE:
            raise denied(dst)
        os.replace(src, dst)

    def set_read_only(self, path: str, read_only: bool) -> None:
        if not read_only:
            self.cleared.append(path)
        super().set_read_only(path, read_only)


def writable(path) -> bool:
    return bool(os.lstat(path).st_mode & 0o222)


# -- extended-length paths ----------------------------------------------------------------


@pytest.mark.parametrize("path, windows, always, expected", [
    ("C:\\Daten\\kurz.txt", True, False, "C:\\Daten\\kurz.txt"),
    ("C:\\" + "a" * 256, True, False, "C:\\" + "a" * 256),  # 259 characters (+ NUL = MAX_PATH): still plain
    ("C:\\" + "a" * 257, True, False, "\\\\?\\C:\\" + "a" * 257),  # 260: needs the prefix
    ("E:/Backups/../timeSensor Backups/" + "x" * 250, True, False, "\\\\?\\E:\\timeSensor Backups\\" + "x" * 250),
    ("\\\\nas\\share\\Backups\\" + "y" * 250, True, False, "\\\\?\\UNC\\nas\\share\\Backups\\" + "y" * 250),
    ("\\\\?\\C:\\already\\" + "z" * 300, True, False, "\\\\?\\C:\\already\\" + "z" * 300),
    ("E:\\timeSensor Backups", True, True, "\\\\?\\E:\\timeSensor Backups"),
    ("relative\\" + "r" * 300, True, False, "relative\\" + "r" * 300),
    ("/Volumes/Backup/" + "m" * 300, False, True, "/Volumes/Backup/" + "m" * 300),
])
def test_long_path_prefixes_only_where_windows_needs_it(path, windows, always, expected):
    assert long_path(path, windows, always) == expected


def test_the_copy_engine_hands_prefixed_paths_to_the_os_on_windows(tmp_path, monkeypatch):
    """The generation folder is prefixed once; every path below it, however long, carries the prefix."""
    from tsbackup_gui.core.primary import treecopy

    seen = []
    monkeypatch.setattr(treecopy, "NATIVE", FileOps(windows=True))
    monkeypatch.setattr(treecopy.os, "mkdir", lambda path, mode=0o777: seen.append(path) or (_ for _ in ()).throw(
        FileNotFoundError(2, "stop here", path)))
    run = treecopy.TreeCopy(tmp_path, [], {}, None, treecopy.Warnings(), None, None)
    assert run.previous_root is None
    from tsbackup_gui.core.primary.scan import Item

    run.items = [Item("timeSensor DataFiles", "C:\\src", "dir", 0, 0, 0, stored="timeSensor DataFiles")]
    run.partial = "E:\\timeSensor Backups\\PC\\.partial-2026-11-27_020000"
    with pytest.raises(FileNotFoundError):
        run.copy_all()
    assert seen == ["\\\\?\\E:\\timeSensor Backups\\PC\\.partial-2026-11-27_020000" + os.sep + "timeSensor DataFiles"]


# -- retry on sharing violations -----------------------------------------------------------


def test_renames_and_deletes_are_retried_while_a_scanner_holds_the_file(tmp_path):
    ops = WindowsLike()
    calls = []

    def busy_twice(src, dst):
        calls.append(src)
        if len(calls) <= 2:
            raise denied(src, 32)
        os.rename(src, dst)

    ops.os_rename = busy_twice
    (tmp_path / "a").write_bytes(b"x")
    ops.rename(tmp_path / "a", tmp_path / "b")
    assert (tmp_path / "b").read_bytes() == b"x" and len(calls) == 3
    assert ops.sleeps == [0.1, 0.2]


def test_the_retry_gives_up_after_five_pauses_and_raises_the_real_error(tmp_path):
    ops = WindowsLike()
    ops.os_unlink = lambda path: (_ for _ in ()).throw(denied(path, 33))
    with pytest.raises(PermissionError) as raised:
        ops.unlink(tmp_path / "held")
    assert raised.value.winerror == 33
    assert ops.sleeps == [0.1, 0.2, 0.4, 0.8, 1.6]


def test_no_retry_for_other_errors_or_off_windows(tmp_path):
    ops = WindowsLike()
    with pytest.raises(FileNotFoundError):
        ops.unlink(tmp_path / "missing")
    posix = FileOps(windows=False, sleep=ops.pause)
    posix.os_unlink = lambda path: (_ for _ in ()).throw(denied(path, 32))
    with pytest.raises(PermissionError):
        posix.unlink(tmp_path / "x")
    assert ops.sleeps == []


# -- read-only shared by hard links ---------------------------------------------------------


def two_generations(tmp_path):
    src = make_source(tmp_path / "data")
    target = target_for(tmp_path / "drive")
    gen(src, target, at("2026-11-01"))
    write(src / "neu.txt", b"new in the second")
    gen(src, target, at("2026-11-02"))
    old, new = list_generations(target)
    return old, new


def test_deleting_an_old_generation_leaves_every_surviving_link_read_only(tmp_path):
    old, new = two_generations(tmp_path)
    shared = new.data_dir / "timeSensor.4DD"
    assert os.stat(shared).st_ino == os.stat(old.data_dir / "timeSensor.4DD").st_ino and not writable(shared)
    ops = WindowsLike()
    outcome = apply_retention(RetentionPlan(keep=[new], delete=[old]), ops)
    assert outcome.warnings == [] and not os.path.exists(old.path)
    assert ops.cleared, "Windows needs the flag cleared to delete a read-only file"
    files = [os.path.join(d, n) for d, _, names in os.walk(new.path) for n in names]
    assert files and [f for f in files if writable(f)] == []
    assert os.stat(shared).st_nlink == 1 and new.manifest.entries  # the newer generation is whole


def test_a_link_that_lives_under_another_name_in_the_newer_generation_stays_read_only(tmp_path):
    """The case twin `akte.txt` is stored as `akte~2.txt` while `Akte.txt` is there; once that is
    gone, the next generation stores it as `akte.txt`, linked to the older `akte~2.txt`. Deleting
    the older generation must find that link (no file at the same path) and protect it again."""
    src = make_source(tmp_path / "data")
    write(src / "Akte.txt", b"upper")
    write(src / "akte.txt", b"lower")
    target = target_for(tmp_path / "drive")
    gen(src, target, at("2026-11-01"))
    (src / "Akte.txt").unlink()
    gen(src, target, at("2026-11-02"))
    old, new = list_generations(target)
    twin = new.data_dir / "akte.txt"
    assert os.stat(twin).st_ino == os.stat(old.data_dir / "akte~2.txt").st_ino and not writable(twin)
    assert not os.path.exists(new.data_dir / "akte~2.txt")
    ops = WindowsLike()
    outcome = apply_retention(RetentionPlan(keep=[new], delete=[old]), ops)
    assert outcome.warnings == [] and not os.path.exists(old.path)
    assert str(old.data_dir / "akte~2.txt").replace(old.id, f".partial-{old.id}.removing") in ops.cleared
    files = [os.path.join(d, n) for d, _, names in os.walk(new.path) for n in names]
    assert [f for f in files if writable(f)] == []
    assert twin.read_bytes() == b"lower"


def test_other_generations_are_walked_only_for_a_link_not_found_at_its_own_path(tmp_path):
    from tsbackup_gui.core.primary.treeops import LinkIndex

    old, newer, newest = (tmp_path / name for name in ("old", "newer", "newest"))
    for folder in (old, newer, newest):
        folder.mkdir()
    write(old / "same.txt", b"same")
    os.link(old / "same.txt", newer / "same.txt")
    write(old / "akte~2.txt", b"twin")
    os.link(old / "akte~2.txt", newest / "akte.txt")
    index = LinkIndex([str(newer), str(newest)], FileOps(windows=True))
    first = next(index.candidates(str(old / "same.txt"), [str(newer / "same.txt"), str(newest / "same.txt")]))
    assert first == str(newer / "same.txt") and index.pending == [str(newer), str(newest)]  # nothing walked
    assert index.links_of(str(old / "akte~2.txt")) == [str(newest / "akte.txt")]
    assert index.pending == []  # walked, each once
    write(old / "alone.txt", b"one link")
    assert index.links_of(str(old / "alone.txt")) == []


def test_remove_generation_file_without_a_known_survivor_still_deletes(tmp_path):
    one = tmp_path / "one.txt"
    one.write_bytes(b"x")
    os.link(one, tmp_path / "elsewhere.txt")
    os.chmod(one, 0o444)
    ops = WindowsLike()
    remove_generation_file(one, [tmp_path / "not-there.txt"], ops)
    assert not one.exists()
    remove_generation_file(one, (), ops)  # already gone: nothing to do


def test_a_surviving_link_is_made_read_only_again_even_when_the_unlink_fails(tmp_path):
    one = tmp_path / "one.txt"
    one.write_bytes(b"x")
    os.link(one, tmp_path / "two.txt")
    os.chmod(one, 0o444)
    ops = WindowsLike()
    ops.os_unlink = lambda path: (_ for _ in ()).throw(denied(path, 2))
    with pytest.raises(PermissionError):
        remove_generation_file(one, [tmp_path / "two.txt"], ops)
    assert not writable(tmp_path / "two.txt")


def test_on_posix_a_file_is_unlinked_without_touching_its_mode(tmp_path):
    old, new = two_generations(tmp_path)
    ops = FileOps(windows=False)
    apply_retention(RetentionPlan(keep=[new], delete=[old]), ops)
    assert not writable(new.data_dir / "timeSensor.4DD")


# -- the verified mark on a read-only manifest ---------------------------------------------


def test_the_verified_mark_is_saved_into_a_read_only_manifest(tmp_path):
    _old, new = two_generations(tmp_path)
    manifest = new.path / MANIFEST_NAME
    assert not writable(manifest)
    ops = WindowsLike()
    when = datetime(2026, 12, 1, 3, 0, tzinfo=timezone(timedelta(hours=1)))
    assert mark_verified(new, when, ops) is True
    assert Manifest.read(manifest).verified == "2026-12-01T02:00:00+00:00"
    assert not writable(manifest) and ops.sleeps == []
    assert ops.cleared == [str(manifest)]


def test_without_clearing_the_flag_windows_refuses_the_replace(tmp_path):
    """The model is right: this is what failed before (os.replace onto a read-only manifest)."""
    _old, new = two_generations(tmp_path)
    os.chmod(new.path, 0o755)
    (new.path / "tmp").write_bytes(b"{}")
    ops = WindowsLike()
    with pytest.raises(PermissionError):
        ops.replace(new.path / "tmp", new.path / MANIFEST_NAME)
    os.chmod(new.path, 0o555)
