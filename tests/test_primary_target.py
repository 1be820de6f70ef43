"""The drive marker, the restore notes, partial folders and the manifest file format."""

from __future__ import annotations

import json
import os
import stat
from datetime import datetime

import pytest

from test_primary_helpers import COMPUTER, SETUP, at, gen, listing, make_source, target_for, write
from tsbackup_gui.core.errors import Exit, UserError
from tsbackup_gui.core.primary.manifest import Entry, Manifest
from tsbackup_gui.core.primary.target import Target
from tsbackup_gui.core.primary.generations import list_generations, new_generation_id, remove_partials
from tsbackup_gui.core.primary.treeops import remove_tree


def test_paths_of_a_target(tmp_path):
    target = Target(tmp_path, "SERVER01")
    assert target.backups_root == tmp_path / "timeSensor Backups"
    assert target.computer_dir == tmp_path / "timeSensor Backups" / "SERVER01"
    assert target.marker_path == target.computer_dir / ".tsbackup-target"


@pytest.mark.parametrize("name", ["", "a/b", "..", ".hidden", "C:", " padded"])
def test_a_computer_name_that_is_no_folder_name_is_refused(tmp_path, name):
    with pytest.raises(UserError) as caught:
        Target(tmp_path, name)
    assert caught.value.exit_code == Exit.USAGE and "folder name" in caught.value.message.english()


def test_an_empty_mount_point_stays_empty(tmp_path):
    """An unplugged drive leaves its mount point: nothing may be written into it."""
    mount_point = tmp_path / "Volumes" / "Backup"
    mount_point.mkdir(parents=True)
    target = Target(mount_point, COMPUTER)
    with pytest.raises(UserError) as caught:
        target.require_marker(SETUP)
    assert caught.value.exit_code == Exit.TARGET_UNAVAILABLE
    assert caught.value.message.english().startswith("Connect the backup drive")
    source = make_source(tmp_path / "data")
    with pytest.raises(UserError) as caught:
        gen(source, target, at("2026-11-27"))
    assert caught.value.exit_code == Exit.TARGET_UNAVAILABLE
    assert "Connect the backup drive" in caught.value.message.english()
    assert os.listdir(mount_point) == []
    assert list_generations(target) == []


def test_a_drive_of_another_setup_is_not_used(tmp_path):
    other = target_for(tmp_path, setup_id="someone-else")
    source = make_source(tmp_path / "data")
    with pytest.raises(UserError) as caught:
        gen(source, other, at("2026-11-27"))
    assert caught.value.exit_code == Exit.TARGET_UNAVAILABLE
    assert "another setup" in caught.value.message.english()
    assert listing(other.computer_dir) == [".tsbackup-target"]


def test_marker_content_and_rewriting_by_the_same_setup(tmp_path):
    target = target_for(tmp_path)
    marker = target.read_marker()
    assert marker["setup_id"] == SETUP and marker["computer"] == COMPUTER
    assert datetime.fromisoformat(marker["created"]).utcoffset().total_seconds() == 0
    assert json.loads(target.marker_path.read_text(encoding="utf-8")) == marker
    assert stat.S_IMODE(target.marker_path.stat().st_mode) == 0o644
    target.write_marker(SETUP)  # a re-run of setup: same id, no complaint
    assert target.read_marker()["created"] == marker["created"]
    assert target.require_marker(SETUP)["setup_id"] == SETUP


def test_another_setups_folder_needs_adopt_and_keeps_its_generations(tmp_path):
    old = target_for(tmp_path, setup_id="old-setup")
    generation = gen(make_source(tmp_path / "data"), old, at("2026-11-26"), setup_id="old-setup").generation
    new = Target(tmp_path, COMPUTER)
    with pytest.raises(UserError) as caught:
        new.write_marker("new-setup")
    assert caught.value.exit_code == Exit.USAGE
    assert "--adopt" in caught.value.message.english()
    assert new.read_marker()["setup_id"] == "old-setup"
    new.write_marker("new-setup", adopt=True)
    assert new.read_marker()["setup_id"] == "new-setup" and new.read_marker()["adopted_from"] == "old-setup"
    assert [g.id for g in list_generations(new)] == [generation.id]


def test_a_damaged_marker_counts_as_someone_elses(tmp_path):
    target = Target(tmp_path, COMPUTER)
    write(target.marker_path, b"\x00garbage")
    assert target.read_marker() is None
    with pytest.raises(UserError) as caught:
        target.require_marker(SETUP)
    assert caught.value.exit_code == Exit.TARGET_UNAVAILABLE
    with pytest.raises(UserError):
        target.write_marker(SETUP)
    target.write_marker(SETUP, adopt=True)
    assert target.require_marker(SETUP)["setup_id"] == SETUP


def test_how_to_restore_is_written_in_english_and_german(tmp_path):
    target = target_for(tmp_path)
    path = target.write_how_to_restore()
    assert path == tmp_path / "timeSensor Backups" / "HOW-TO-RESTORE.txt"
    text = path.read_text(encoding="utf-8-sig")
    for words in ("timeSensor DataFiles", "newest", "Close timeSensor LEGAL", "read-only", "tsbackup-manifest.json",
                  ".partial-", "neueste", "Schliessen Sie timeSensor LEGAL", "schreibgeschützt", "Prüfsumme"):
        assert words in text, words
    assert stat.S_IMODE(path.stat().st_mode) == 0o644


def test_new_generation_ids():
    now = at("2026-03-05", "07:04")
    assert new_generation_id(now, set()) == "2026-03-05_070400"
    assert new_generation_id(now, {"2026-03-05_070400"}) == "2026-03-05_070400-2"
    assert new_generation_id(now, {"2026-03-05_070400", "2026-03-05_070400-2"}) == "2026-03-05_070400-3"


def test_partials_and_folders_without_manifest_are_never_listed_and_partials_are_removed(tmp_path):
    target = target_for(tmp_path / "drive")
    source = make_source(tmp_path / "data")
    done = gen(source, target, at("2026-11-26")).generation
    partial = target.computer_dir / ".partial-2026-11-27_183000"
    write(partial / "timeSensor DataFiles" / "half.4DD", b"half")
    write(partial / "tsbackup-manifest.json", (done.path / "tsbackup-manifest.json").read_bytes())
    os.link(done.path / "timeSensor DataFiles" / "leer.txt", partial / "timeSensor DataFiles" / "leer.txt")
    for folder in (partial / "timeSensor DataFiles", partial):
        os.chmod(folder, 0o555)
    (target.computer_dir / "not-a-generation").mkdir()
    write(target.computer_dir / "broken" / "tsbackup-manifest.json", b"{not json")

    assert [g.id for g in list_generations(target)] == [done.id]
    assert remove_partials(target) == [partial]
    assert not partial.exists()
    assert listing(target.computer_dir) == [".tsbackup-target", done.id, "broken", "not-a-generation"]
    # the file shared with the partial kept its protection
    assert stat.S_IMODE(os.stat(done.path / "timeSensor DataFiles" / "leer.txt").st_mode) == 0o444
    # the next run clears a leftover by itself
    os.mkdir(partial)
    result = gen(source, target, at("2026-11-27"))
    assert result.removed_partials == [partial] and not partial.exists()
    remove_tree(done.path)
    assert not done.path.exists()


def test_manifest_round_trip_keeps_unknown_keys(tmp_path):
    manifest = Manifest(
        generation="2026-11-27_183000", setup_id=SETUP, computer=COMPUTER, source="/data", verdict="consistent",
        started="2026-11-27T17:30:00+00:00", ended="2026-11-27T17:31:00+00:00",
        entries=[Entry("timeSensor DataFiles", "dir", 0, 5, None),
                 Entry("timeSensor DataFiles/ä.txt", "file", 3, 7, "ab" * 32, live=True),
                 Entry("timeSensor DataFiles/l", "symlink", 3, 9, None, target="ä.txt"),
                 Entry("timeSensor DataFiles/x", "file", 1, 9, None, skipped_reason="locked")],
        files=1, bytes=3, linked=0, copied=1, warnings=[{"id": "x", "template": "y", "params": {}}],
    )
    path = tmp_path / "tsbackup-manifest.json"
    manifest.write(path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == 1 and "verified" not in data
    assert data["entries"][1] == {"path": "timeSensor DataFiles/ä.txt", "type": "file", "size": 3, "mtime_ns": 7,
                                  "sha256": "ab" * 32, "live": True}
    assert Manifest.read(path) == manifest
    data["from_the_future"] = {"kept": True}
    data["verified"] = "2026-12-01T10:00:00+00:00"
    again = Manifest.from_json(data)
    assert again.extra == {"from_the_future": {"kept": True}} and again.verified == "2026-12-01T10:00:00+00:00"
    assert again.to_json()["from_the_future"] == {"kept": True}
    data["format"] = 2
    with pytest.raises(ValueError):
        Manifest.from_json(data)


def test_listing_reads_only_the_head_of_a_manifest_and_entries_on_demand(tmp_path):
    manifest = Manifest(
        generation="g", setup_id=SETUP, computer=COMPUTER, source="/data", verdict="archive-ok",
        started="2026-11-27T17:30:00+00:00", ended="2026-11-27T17:31:00+00:00",
        entries=[Entry(f"timeSensor DataFiles/{i}", "file", i, i, "0" * 64) for i in range(3)],
        files=3, bytes=3, linked=0, copied=3,
        warnings=[{"id": "x", "template": "{p}", "params": {"p": '\n "entries": [ tricky'}}],
    )
    path = tmp_path / "tsbackup-manifest.json"
    manifest.write(path)
    head = Manifest.read_head(path)
    assert "entries" not in vars(head)
    assert (head.verdict, head.ended, head.warnings) == ("archive-ok", manifest.ended, manifest.warnings)
    assert head.entries == manifest.entries and head == manifest
    # a manifest laid out differently (compact JSON) is read in full
    path.write_text(json.dumps(manifest.to_json()), encoding="utf-8")
    assert Manifest.read_head(path) == manifest
    manifest.entries = []
    manifest.write(path)
    assert Manifest.read_head(path).entries == []
