"""The copy itself: a generation is the source, byte for byte, hashed, read-only, hard-linked."""

from __future__ import annotations

import json
import os
import stat
import unicodedata
from pathlib import Path

import pytest

from test_primary_helpers import (COMPUTER, SETUP, assert_same_tree, at, gen, listing, make_source, sha,  # noqa: F401 (tmpfs: fixture)
                                  source_tree, target_for, tmpfs, write)
from tsbackup_gui.core.errors import Exit, UserError
from tsbackup_gui.core.primary.manifest import MANIFEST_NAME, Manifest
from tsbackup_gui.core.primary.generations import list_generations


def test_first_generation_is_the_source_byte_for_byte_with_hashes_and_read_only(tmp_path):
    src = make_source(tmp_path / "data")
    target = target_for(tmp_path / "drive")
    events = []
    result = gen(src, target, at("2026-11-27"), progress=events.append)

    generation = result.generation
    assert generation.id == "2026-11-27_183000"
    assert generation.path == target.computer_dir / "2026-11-27_183000"
    assert listing(target.computer_dir) == [".tsbackup-target", "2026-11-27_183000"]
    assert listing(generation.path) == ["timeSensor DataFiles", MANIFEST_NAME]
    assert_same_tree(src, generation.path / "timeSensor DataFiles")

    manifest = Manifest.read(generation.path / MANIFEST_NAME)
    assert manifest.generation == generation.id and manifest.setup_id == SETUP and manifest.computer == COMPUTER
    assert manifest.verdict == "consistent" and manifest.source == str(src)
    assert manifest.started.endswith("+00:00") and manifest.ended >= manifest.started
    by_path = {e.path: e for e in manifest.entries}
    assert [e.path for e in manifest.entries] == sorted(by_path)
    tree = source_tree(src)
    assert set(by_path) == {"timeSensor DataFiles"} | {f"timeSensor DataFiles/{rel}" for rel in tree}
    for rel, (kind, content, mtime_ns) in tree.items():
        entry = by_path[f"timeSensor DataFiles/{rel}"]
        assert entry.type == kind and entry.mtime_ns == mtime_ns and entry.live is False
        if kind == "file":
            assert entry.sha256 == sha(content) and entry.size == len(content)
        else:
            assert entry.sha256 is None
    assert by_path["timeSensor DataFiles/leer.txt"].sha256 == sha(b"")
    files = [e for e in manifest.entries if e.type == "file"]
    assert (manifest.files, manifest.bytes) == (len(files), sum(e.size for e in files))
    assert (result.files, result.bytes, result.linked, result.copied) == (len(files), manifest.bytes, 0, len(files))
    assert result.warnings == [] and result.previous is None

    for folder, dirnames, filenames in os.walk(generation.path):
        assert stat.S_IMODE(os.stat(folder).st_mode) == 0o555, folder
        for name in filenames:
            assert stat.S_IMODE(os.lstat(Path(folder) / name).st_mode) == 0o444, name

    assert events[0] == {"event": "progress", "files_done": 0, "files_total": len(files), "bytes_done": 0,
                         "bytes_total": manifest.bytes, "current": ""}
    assert events[-1]["files_done"] == len(files) and events[-1]["bytes_done"] == manifest.bytes
    assert list_generations(target)[0].id == generation.id


def test_unchanged_files_share_inodes_changed_and_damaged_ones_are_fresh_copies(tmp_path):
    src = make_source(tmp_path / "data")
    target = target_for(tmp_path / "drive")
    first = gen(src, target, at("2026-11-26")).generation
    write(src / "timeSensor.4DD", b"new data", 1_700_009_000)  # changed
    (src / "Logs" / "Backup Journal[001].txt").unlink()  # gone
    write(src / "STUFF" / "neu.txt", b"added")  # new
    result = gen(src, target, at("2026-11-27"), damaged={"timeSensor DataFiles/STUFF/Dokumente/Brief 03.docx"})
    second = result.generation

    assert_same_tree(src, second.path / "timeSensor DataFiles")
    old, new = first.path / "timeSensor DataFiles", second.path / "timeSensor DataFiles"
    shared = ["timeSensor.4DIndx", "timeSensor.journal", "leer.txt", "Settings/Backup.4DSettings",
              "STUFF/Dokumente/Brief 00.docx", "STUFF/Dokumente/Brief 11.docx"]
    for rel in shared:
        a, b = os.stat(old / rel), os.stat(new / rel)
        assert a.st_ino == b.st_ino and b.st_nlink >= 2, rel
    for rel in ("timeSensor.4DD", "STUFF/Dokumente/Brief 03.docx"):
        assert os.stat(old / rel).st_ino != os.stat(new / rel).st_ino, rel
        assert os.stat(new / rel).st_nlink == 1
    assert (old / "timeSensor.4DD").read_bytes() != b"new data"  # the old generation kept its bytes
    assert (old / "Logs" / "Backup Journal[001].txt").exists()

    entries = {e.path: e for e in second.manifest.entries}
    assert entries["timeSensor DataFiles/timeSensor.4DD"].sha256 == sha(b"new data")
    assert entries["timeSensor DataFiles/STUFF/neu.txt"].sha256 == sha(b"added")
    brief = (src / "STUFF" / "Dokumente" / "Brief 03.docx").read_bytes()
    assert entries["timeSensor DataFiles/STUFF/Dokumente/Brief 03.docx"].sha256 == sha(brief)
    files = sum(1 for e in second.manifest.entries if e.type == "file")
    assert result.copied == 3 and result.linked == files - 3
    assert (second.manifest.linked, second.manifest.copied) == (result.linked, result.copied)
    assert result.previous.id == first.id
    # linking never made the shared files writable
    assert stat.S_IMODE(os.stat(new / "leer.txt").st_mode) == 0o444


def test_a_hard_link_that_fails_falls_back_to_a_copy(tmp_path, tmpfs):
    """The previous generation on another file system: os.link says EXDEV, the file is copied."""
    src = make_source(tmp_path / "data")
    other = gen(src, target_for(tmpfs("4m")), at("2026-11-26")).generation
    target = target_for(tmp_path / "drive")
    result = gen(src, target, at("2026-11-27"), previous=other)
    assert result.linked == 0 and result.copied == result.files
    assert_same_tree(src, result.generation.path / "timeSensor DataFiles")
    for entry in result.generation.manifest.entries:
        if entry.type == "file":
            assert entry.sha256 == sha((result.generation.path / entry.path).read_bytes())


def test_same_second_gets_a_suffix_and_order_follows_the_utc_end_time(tmp_path):
    src = make_source(tmp_path / "data")
    target = target_for(tmp_path / "drive")
    ids = [gen(src, target, at("2026-11-27", "18:30")).generation.id for _ in range(3)]
    assert ids == ["2026-11-27_183000", "2026-11-27_183000-2", "2026-11-27_183000-3"]
    # DST fall-back: 02:30 summer time is earlier in UTC than 02:15 winter time
    from datetime import timedelta, timezone
    summer = at("2026-10-25", "02:30", tz=timezone(timedelta(hours=2)))
    winter = at("2026-10-25", "02:15", tz=timezone(timedelta(hours=1)))
    gen(src, target, winter.replace(day=26))  # a later one to prove sorting is not by name alone
    first = gen(src, target, summer).generation.id
    second = gen(src, target, winter).generation.id
    assert (first, second) == ("2026-10-25_023000", "2026-10-25_021500")
    order = [g.id for g in list_generations(target)]
    assert order.index(first) < order.index(second)
    assert order[-1].startswith("2026-11-27_183000") and order[0] == first


def test_umlauts_long_paths_empty_files_and_folders_are_kept(tmp_path):
    src = tmp_path / "data" / "timeSensor DataFiles"
    nfd = unicodedata.normalize("NFD", "Müller Änderungen Gebühren.txt")
    write(src / "Mandanten" / nfd, "Grüsse".encode(), 1_700_000_000)
    long_rel = Path("a" * 60) / ("b" * 60) / ("c" * 60) / ("d" * 60 + ".txt")
    write(src / long_rel, b"deep", 1_700_000_001)
    write(src / "null.bin", b"")
    (src / "leer" / "auch leer").mkdir(parents=True)
    target = target_for(tmp_path / "drive")
    result = gen(src, target, at("2026-11-27"))
    generation = result.generation

    nfd_path = "timeSensor DataFiles/Mandanten/" + nfd
    paths = {e.path: e for e in generation.manifest.entries}
    # the source's own spelling, byte for byte: an NFD name stays NFD (a restore gives it back as it was)
    assert nfd_path in paths and not any(unicodedata.normalize("NFC", "ü") in p for p in paths)
    assert paths[nfd_path].stored is None
    assert (generation.path / nfd_path).read_bytes() == "Grüsse".encode()  # the name on disk is the manifest's
    long_path = "timeSensor DataFiles/" + long_rel.as_posix()
    assert len(long_path) > 200 and paths[long_path].sha256 == sha(b"deep")
    assert (generation.path / long_path).read_bytes() == b"deep"
    assert paths["timeSensor DataFiles/null.bin"].size == 0
    assert paths["timeSensor DataFiles/leer/auch leer"].type == "dir"
    assert os.listdir(generation.path / "timeSensor DataFiles" / "leer" / "auch leer") == []
    assert_same_tree(src, generation.path / "timeSensor DataFiles")
    # the raw manifest file holds the NFD bytes too
    raw = json.loads((generation.path / MANIFEST_NAME).read_text(encoding="utf-8"))
    assert nfd_path in {e["path"] for e in raw["entries"]}


def test_two_names_that_differ_only_in_accent_encoding_are_both_kept(tmp_path):
    src = tmp_path / "timeSensor DataFiles"
    write(src / unicodedata.normalize("NFC", "Zürich.txt"), b"nfc")
    write(src / unicodedata.normalize("NFD", "Zürich.txt"), b"nfd")
    result = gen(src, target_for(tmp_path / "drive"), at("2026-11-27"))
    files = [e for e in result.generation.manifest.entries if e.type == "file"]
    stored = {e.path: (result.generation.path / e.on_disk).read_bytes() for e in files}
    # both originals are in the manifest; a drive that normalises names (HFS+, APFS) would see one name,
    # so the second (in code-point order: the NFC one) is stored under a numbered safe name
    assert stored == {"timeSensor DataFiles/" + unicodedata.normalize("NFC", "Zürich.txt"): b"nfc",
                      "timeSensor DataFiles/" + unicodedata.normalize("NFD", "Zürich.txt"): b"nfd"}
    assert sorted(e.stored for e in files if e.stored) == ["timeSensor DataFiles/" + unicodedata.normalize("NFC", "Zürich~2.txt")]
    assert [w.id for w in result.warnings] == ["primary.safe_names"]


def test_symlinks_are_stored_as_links_and_never_followed(tmp_path):
    outside = write(tmp_path / "elsewhere" / "secret.txt", b"not part of the data folder")
    src = make_source(tmp_path / "data")
    os.symlink("Settings/Backup.4DSettings", src / "inside-link")
    os.symlink(outside, src / "outside-link")
    os.symlink("../../elsewhere", src / "STUFF" / "up-and-out")
    os.symlink("nowhere", src / "dangling")
    result = gen(src, target_for(tmp_path / "drive"), at("2026-11-27"))
    data = result.generation.path / "timeSensor DataFiles"
    assert_same_tree(src, data)
    for name in ("inside-link", "outside-link", "STUFF/up-and-out", "dangling"):
        assert (data / name).is_symlink()
    entries = {e.path: e for e in result.generation.manifest.entries}
    assert entries["timeSensor DataFiles/inside-link"].type == "symlink"
    assert entries["timeSensor DataFiles/inside-link"].target == "Settings/Backup.4DSettings"
    assert entries["timeSensor DataFiles/outside-link"].target == str(outside)
    assert not any(e.path.endswith("secret.txt") for e in entries.values())
    outside_warnings = sorted(w.params["path"] for w in result.warnings if w.id == "primary.link_outside")
    assert outside_warnings == sorted([str(src / "outside-link"), str(src / "STUFF" / "up-and-out")])
    assert "not backed up" in result.warnings[0].english()
    assert result.generation.manifest.warnings[0]["id"] == "primary.link_outside"


def test_extra_sources_and_live_files(tmp_path):
    src = make_source(tmp_path / "data")
    archives = tmp_path / "4D-Sicherungen"
    write(archives / "timeSensor[0093].4BK", b"archive 93")
    write(archives / "timeSensor[0092].4BL", b"log 92")
    result = gen(src, target_for(tmp_path / "drive"), at("2026-11-27"), verdict="archive-ok",
                 extra_sources=[(archives, "4D Backup")],
                 live_predicate=lambda p: p.suffix in (".4DD", ".4DIndx", ".journal"))
    generation = result.generation
    assert listing(generation.path) == ["4D Backup", "timeSensor DataFiles", MANIFEST_NAME]
    assert_same_tree(archives, generation.path / "4D Backup")
    entries = {e.path: e for e in generation.manifest.entries}
    assert entries["4D Backup/timeSensor[0093].4BK"].sha256 == sha(b"archive 93")
    live = sorted(p for p, e in entries.items() if e.live)
    assert live == ["timeSensor DataFiles/timeSensor.4DD", "timeSensor DataFiles/timeSensor.4DIndx",
                    "timeSensor DataFiles/timeSensor.journal"]
    assert generation.verdict == "archive-ok"
    again = gen(src, target_for(tmp_path / "drive"), at("2026-11-28"), verdict="archive-ok",
                extra_sources=[(archives, "4D Backup")],
                live_predicate=lambda p: p.suffix in (".4DD", ".4DIndx", ".journal"))
    assert again.copied == 3 and again.linked == again.files - 3  # live files are never linked
    for rel in live:
        assert os.stat(again.generation.path / rel).st_ino != os.stat(generation.path / rel).st_ino


def test_a_missing_extra_source_is_a_warning_a_missing_source_is_exit_2(tmp_path):
    src = make_source(tmp_path / "data")
    target = target_for(tmp_path / "drive")
    result = gen(src, target, at("2026-11-27"), extra_sources=[(tmp_path / "gone", "4D Backup")])
    assert [w.id for w in result.warnings] == ["primary.extra_missing"]
    with pytest.raises(UserError) as caught:
        gen(tmp_path / "no such folder", target, at("2026-11-28"))
    assert caught.value.exit_code == Exit.USAGE
    assert "cannot be found" in caught.value.message.english()
    assert [g.id for g in list_generations(target)] == ["2026-11-27_183000"]
    assert listing(target.computer_dir) == [".tsbackup-target", "2026-11-27_183000"]


class HookGuard:
    """A guard whose first still_ok() runs a hook: the source changing under the copier."""

    def __init__(self, hook=None, ok=True, after_error=None):
        self.hook, self.ok, self.after_error = hook, ok, after_error
        self.calls: list[str] = []
        self.entries = None

    def before(self):
        self.calls.append("before")

    def still_ok(self):
        self.calls.append("still_ok")
        if self.hook:
            self.hook()
            self.hook = None
        return self.ok

    def after(self, entries):
        self.calls.append("after")
        self.entries = entries
        if self.after_error:
            raise self.after_error

    def busy_error(self):
        return UserError(_busy(), Exit.SOURCE_BUSY)


def _busy():
    from tsbackup_gui.core.messages import Message
    return Message("test.busy", "timeSensor LEGAL is open.")


def test_guard_before_stops_everything_before_a_single_write(tmp_path):
    src = make_source(tmp_path / "data")
    target = target_for(tmp_path / "drive")
    (target.computer_dir / ".partial-2026-01-01_000000").mkdir()

    class Busy(HookGuard):
        def before(self):
            raise UserError(_busy(), Exit.SOURCE_BUSY)

    with pytest.raises(UserError) as caught:
        gen(src, target, at("2026-11-27"), guard=Busy())
    assert caught.value.exit_code == Exit.SOURCE_BUSY
    assert listing(target.computer_dir) == [".partial-2026-01-01_000000", ".tsbackup-target"]


@pytest.mark.parametrize("case", ["still_ok", "after"])
def test_a_guard_that_objects_throws_the_copy_away(tmp_path, case):
    src = make_source(tmp_path / "data")
    target = target_for(tmp_path / "drive")
    earlier = gen(src, target, at("2026-11-26")).generation
    guard = HookGuard(ok=False) if case == "still_ok" else HookGuard(after_error=UserError(_busy(), Exit.SOURCE_BUSY))
    with pytest.raises(UserError) as caught:
        gen(src, target, at("2026-11-27"), guard=guard)
    assert caught.value.exit_code == Exit.SOURCE_BUSY
    assert listing(target.computer_dir) == [".tsbackup-target", earlier.id]
    assert [g.id for g in list_generations(target)] == [earlier.id]
    assert_same_tree(src, earlier.path / "timeSensor DataFiles")
    if case == "after":
        assert guard.calls[0] == "before" and guard.calls[-1] == "after"
        assert {e.path for e in guard.entries} >= {"timeSensor DataFiles/timeSensor.4DD"}
        assert all(e.mtime_ns for e in guard.entries)


def test_source_files_that_vanish_or_cannot_be_read_are_recorded_not_fatal(tmp_path):
    src = make_source(tmp_path / "data")
    secret = write(tmp_path / "elsewhere" / "secret.txt", b"must never be copied")

    def change_under_the_copier():
        (src / "STUFF" / "Dokumente" / "Brief 01.docx").unlink()  # deleted meanwhile
        victim = src / "STUFF" / "Dokumente" / "Brief 02.docx"
        victim.unlink()
        os.symlink(secret, victim)  # swapped for a link: opening must not follow it
        directory = src / "Settings" / "Backup.4DSettings"
        directory.unlink()
        directory.mkdir()  # a folder where a file was: reading it fails

    guard = HookGuard(hook=change_under_the_copier)
    result = gen(src, target_for(tmp_path / "drive"), at("2026-11-27"), guard=guard)
    entries = {e.path: e for e in result.generation.manifest.entries}
    base = "timeSensor DataFiles/"
    assert entries[base + "STUFF/Dokumente/Brief 01.docx"].skipped_reason == "vanished"
    assert entries[base + "STUFF/Dokumente/Brief 02.docx"].skipped_reason == "unreadable"
    assert entries[base + "Settings/Backup.4DSettings"].skipped_reason == "unreadable"
    data = result.generation.path / "timeSensor DataFiles"
    assert not (data / "STUFF" / "Dokumente" / "Brief 02.docx").exists()
    assert b"must never" not in b"".join(p.read_bytes() for p in data.rglob("*") if p.is_file())
    unreadable = sorted(w.params["path"] for w in result.warnings if w.id == "primary.file_unreadable")
    assert unreadable == sorted([str(src / "STUFF/Dokumente/Brief 02.docx"), str(src / "Settings/Backup.4DSettings")])
    assert "missing from this backup" in result.warnings[0].english()
    assert result.files == sum(1 for e in entries.values() if e.type == "file" and not e.skipped_reason)


def test_a_locked_live_file_is_reported_as_covered_by_the_archive(tmp_path):
    src = make_source(tmp_path / "data")

    def lock():
        path = src / "timeSensor.4DD"
        path.unlink()
        path.mkdir()  # stands in for a file 4D keeps locked: opening works, reading fails

    result = gen(src, target_for(tmp_path / "drive"), at("2026-11-27"), guard=HookGuard(hook=lock),
                 live_predicate=lambda p: p.suffix == ".4DD")
    entry = {e.path: e for e in result.generation.manifest.entries}["timeSensor DataFiles/timeSensor.4DD"]
    assert (entry.live, entry.skipped_reason, entry.sha256) == (True, "locked", None)
    assert [w.id for w in result.warnings] == ["primary.live_file_locked"]


def test_a_large_file_is_hashed_in_the_same_pass_as_it_is_copied(tmp_path):
    """Over PIPELINE_MIN the hash runs beside the writes; over WRITEBACK_STEP writeback starts early."""
    from tsbackup_gui.core.primary.filecopy import WRITEBACK_STEP
    src = tmp_path / "timeSensor DataFiles"
    block = os.urandom(1 << 20)
    data = block * (WRITEBACK_STEP // len(block) + 3) + b"tail"
    write(src / "timeSensor.4DD", data, 1_700_000_000)
    write(src / "small.txt", b"small")
    result = gen(src, target_for(tmp_path / "drive"), at("2026-11-27"))
    entry = {e.path: e for e in result.generation.manifest.entries}["timeSensor DataFiles/timeSensor.4DD"]
    assert (entry.size, entry.sha256) == (len(data), sha(data))
    assert (result.generation.path / entry.path).read_bytes() == data
    assert_same_tree(src, result.generation.path / "timeSensor DataFiles")


def test_a_backup_folder_inside_the_data_folder_is_refused(tmp_path):
    src = make_source(tmp_path / "data")
    target = target_for(src / "STUFF")
    before = source_tree(src)
    with pytest.raises(UserError) as caught:
        gen(src, target, at("2026-11-27"))
    assert caught.value.exit_code == Exit.USAGE and "inside the data folder" in caught.value.message.english()
    assert source_tree(src) == before
