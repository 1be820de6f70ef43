"""The guard's last look: every source file against the entries that were copied."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
import unicodedata
import uuid
from dataclasses import dataclass
from pathlib import Path

import psutil
import pytest

from tsbackup_gui.core.errors import UserError
from tsbackup_gui.core.guard.single_user import SingleUserGuard

PLAIN = "Close timeSensor LEGAL to start today's backup."


@dataclass
class Entry:
    """Shaped like a manifest entry: path relative to the generation folder."""

    path: str
    type: str
    size: int | None
    mtime_ns: int | None
    target: str | None = None


def copied_entries(source: Path, prefix: str = "timeSensor DataFiles") -> list[Entry]:
    """What a copier records: the prefix folder itself, then every entry below it."""
    entries = [Entry(prefix, "dir", None, None)]
    for folder, dirs, files in os.walk(source):
        for name in dirs + files:
            full = Path(folder) / name
            info = full.lstat()
            kind = "symlink" if full.is_symlink() else "dir" if full.is_dir() else "file"
            rel = full.relative_to(source).as_posix()
            size = info.st_size if kind == "file" else None
            target = os.readlink(full) if kind == "symlink" else None
            entries.append(Entry(f"{prefix}/{rel}", kind, size, info.st_mtime_ns, target))
    return sorted(entries, key=lambda e: e.path)


@pytest.fixture
def source(tmp_path) -> Path:
    data = tmp_path / "timeSensor DataFiles"
    (data / "STUFF" / "BACKUP").mkdir(parents=True)
    (data / "timeSensor.4DD").write_bytes(b"D" * 4096)
    (data / "timeSensor.4DIndx").write_bytes(b"I" * 1024)
    (data / "STUFF" / "Logo.png").write_bytes(b"\x89PNG")
    (data / "link").symlink_to("timeSensor.4DD")
    return data


def guard_for(source: Path) -> SingleUserGuard:
    # A name nobody runs: these tests are about files, not programs.
    return SingleUserGuard(source, names=[f"tsguard {uuid.uuid4().hex[:8]}"])


def changes_after(source: Path, entries) -> list[tuple[str | None, str | None]]:
    guard = guard_for(source)
    with pytest.raises(UserError) as caught:
        guard.after(entries)
    assert (caught.value.exit_code, caught.value.message.english()) == (3, PLAIN)
    assert caught.value.blockers == guard.blockers
    return [(b.path, b.detail) for b in guard.blockers]


def test_unchanged_source_passes(source):
    guard = guard_for(source)
    guard.after(copied_entries(source))
    assert guard.blockers == []


def test_a_changed_size_is_caught_even_with_the_old_mtime(source):
    entries = copied_entries(source)
    data = source / "timeSensor.4DD"
    before = data.stat()
    with open(data, "ab") as f:
        f.write(b"x")
    os.utime(data, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert changes_after(source, entries) == [("timeSensor.4DD", "modified")]


def test_a_changed_mtime_with_the_same_size_is_caught(source):
    entries = copied_entries(source)
    index = source / "timeSensor.4DIndx"
    mtime = index.stat().st_mtime_ns
    os.utime(index, ns=(mtime, mtime + 1))
    guard = guard_for(source)
    with pytest.raises(UserError):
        guard.after(entries)
    assert guard.reason.english() == f"{PLAIN} The file timeSensor.4DIndx changed during the copy."


def test_a_new_file_is_caught(source):
    entries = copied_entries(source)
    (source / "STUFF" / "BACKUP" / "new.journal").write_bytes(b"j")
    guard = guard_for(source)
    with pytest.raises(UserError):
        guard.after(entries)
    assert [(b.path, b.detail) for b in guard.blockers] == [("STUFF/BACKUP/new.journal", "appeared")]
    assert guard.reason.english() == (
        f"{PLAIN} The file STUFF/BACKUP/new.journal appeared during the copy."
    )


def test_a_vanished_file_is_caught(source):
    entries = copied_entries(source)
    (source / "STUFF" / "Logo.png").unlink()
    guard = guard_for(source)
    with pytest.raises(UserError):
        guard.after(entries)
    assert guard.reason.english() == f"{PLAIN} The file STUFF/Logo.png disappeared during the copy."


def test_a_vanished_folder_names_the_folder_first(source):
    entries = copied_entries(source)
    shutil.rmtree(source / "STUFF")
    assert changes_after(source, entries) == [
        ("STUFF", "vanished"), ("STUFF/BACKUP", "vanished"), ("STUFF/Logo.png", "vanished"),
    ]


def test_a_file_replaced_by_a_folder_is_a_change(source):
    entries = copied_entries(source)
    (source / "link").unlink()
    (source / "link").mkdir()
    assert changes_after(source, entries) == [("link", "modified")]


def test_several_changes_name_the_first_and_count_the_rest(source):
    entries = copied_entries(source)
    (source / "a-new.txt").write_text("new")
    (source / "timeSensor.4DD").write_bytes(b"shorter")
    guard = guard_for(source)
    with pytest.raises(UserError):
        guard.after(entries)
    assert [b.path for b in guard.blockers] == ["a-new.txt", "timeSensor.4DD"]
    assert guard.reason.english() == (
        f"{PLAIN} The file a-new.txt and 1 other files changed during the copy."
    )


def test_entries_outside_the_prefix_are_not_source_files(source):
    entries = copied_entries(source) + [
        Entry("4D Backup/timeSensor[0001].4BK", "file", 1, 1),
        Entry("tsbackup-manifest.json", "file", 10, 10),
    ]
    guard = guard_for(source)
    guard.after(entries)  # raises when anything counted as a change
    assert guard.blockers == []
    # the same entries put under the prefix are source files, and the source has none of them
    inside = entries + [Entry("timeSensor DataFiles/tsbackup-manifest.json", "file", 10, 10)]
    assert changes_after(source, sorted(inside, key=lambda e: e.path)) == [("tsbackup-manifest.json", "vanished")]


def test_dict_entries_and_a_custom_prefix_work(source):
    entries = [vars(e) for e in copied_entries(source, prefix="Daten")]
    custom = SingleUserGuard(source, names=["nobody-runs-this"], prefix="Daten")
    custom.after(entries)
    assert custom.blockers == []
    with pytest.raises(UserError):
        SingleUserGuard(source, names=["nobody-runs-this"]).after(entries)


def test_a_symlink_pointing_elsewhere_is_a_change(source):
    entries = copied_entries(source)
    (source / "link").unlink()
    (source / "link").symlink_to("timeSensor.4DIndx")
    assert changes_after(source, entries) == [("link", "modified")]


def test_decomposed_names_on_disk_match_composed_entries(tmp_path):
    source = tmp_path / "timeSensor DataFiles"
    source.mkdir()
    nfd = unicodedata.normalize("NFD", "Gebühren Übersicht.txt")
    (source / nfd).write_text("x")
    entries = copied_entries(source)
    for entry in entries:
        entry.path = unicodedata.normalize("NFC", entry.path)
    assert unicodedata.normalize("NFD", entries[-1].path) != entries[-1].path
    guard = guard_for(source)
    guard.after(entries)  # raises when the spellings were not paired
    assert guard.blockers == []


def test_files_the_copier_leaves_out_are_ignored_on_purpose(source):
    entries = copied_entries(source)
    (source / ".DS_Store").write_bytes(b"finder")
    guard = SingleUserGuard(source, names=["nobody-runs-this"], ignore=lambda rel: rel.endswith(".DS_Store"))
    guard.after(entries)  # raises when .DS_Store counted as "appeared"
    assert guard.blockers == []
    # without the rule the same file is a change: the rule is what let it through
    assert changes_after(source, entries) == [(".DS_Store", "appeared")]


def test_after_looks_at_processes_again(source, tmp_path):
    name = f"tsguard {uuid.uuid4().hex[:8]} probe"
    binary = tmp_path / name
    shutil.copy2(shutil.which("sleep") or "/bin/sleep", binary)
    proc = subprocess.Popen([str(binary), "60"], stdin=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 5
        while psutil.Process(proc.pid).cmdline()[:1] != [str(binary)]:
            assert time.monotonic() < deadline, "child did not start"
            time.sleep(0.01)
        guard = SingleUserGuard(source, names=[name])
        with pytest.raises(UserError) as caught:
            guard.after(copied_entries(source))
        assert caught.value.exit_code == 3
        assert [(b.pid, b.kind) for b in guard.blockers] == [(proc.pid, "running")]
    finally:
        proc.kill()
        proc.wait(timeout=10)


def test_after_refuses_when_still_ok_already_said_no(source, tmp_path):
    guard = guard_for(source)
    guard.before()
    (source / "timeSensor.4DD").write_bytes(b"changed")
    with pytest.raises(UserError):
        guard.after([])  # nothing copied yet, everything "appeared"
    with pytest.raises(UserError):
        guard.after(copied_entries(source))  # spoiled stays spoiled


def test_decomposed_entries_match_decomposed_names_on_disk(tmp_path):
    """A manifest written elsewhere may keep macOS's decomposed names: compared NFC."""
    source = tmp_path / "timeSensor DataFiles"
    nfd_dir = unicodedata.normalize("NFD", "Spesen März")
    (source / nfd_dir).mkdir(parents=True)
    (source / nfd_dir / "Übersicht.txt").write_text("x")
    entries = copied_entries(source)
    for entry in entries:
        entry.path = unicodedata.normalize("NFD", entry.path)
    guard = guard_for(source)
    guard.after(entries)  # raises when the decomposed entries were not matched
    assert guard.blockers == []
    (source / nfd_dir / "Übersicht.txt").write_text("changed")
    assert changes_after(source, entries) == [(unicodedata.normalize("NFC", "Spesen März/Übersicht.txt"), "modified")]


def test_two_spellings_of_one_name_are_compared_one_by_one(tmp_path):
    """'Gebühr' composed and decomposed side by side: the copier keeps the second
    under its own spelling, and the guard pairs each with its own copy."""
    source = tmp_path / "timeSensor DataFiles"
    source.mkdir()
    composed = unicodedata.normalize("NFC", "Gebühr.txt")
    decomposed = unicodedata.normalize("NFD", "Gebühr.txt")
    (source / composed).write_bytes(b"short")
    (source / decomposed).write_bytes(b"a longer file")
    entries = copied_entries(source)
    assert len({e.path for e in entries}) == 3
    guard_for(source).after(entries)

    (source / decomposed).write_bytes(b"changed, now longer")
    assert changes_after(source, entries) == [(decomposed, "modified")]
