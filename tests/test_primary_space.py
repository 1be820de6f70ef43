"""A full or vanishing drive on a real (small) tmpfs: exit 4, nothing half-written, nothing lost."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from test_primary_helpers import (assert_same_tree, at, gen, listing, make_source, target_for,  # noqa: F401
                                  tmpfs, write)
from tsbackup_gui.core.errors import Exit, UserError
from tsbackup_gui.core.primary.generations import list_generations
from tsbackup_gui.core.primary.space import (
    FAT_LIMIT, bytes_needed, check_file_size_limit, filesystem_type, human_size, links_work,
)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_source_too_big_for_the_drive_is_refused_before_copying(tmp_path, tmpfs):
    drive = tmpfs("2m")
    target = target_for(drive)
    source = make_source(tmp_path / "data")
    older = gen(source, target, at("2026-11-26")).generation
    before = snapshot(older.path)
    write(source / "STUFF" / "scan.pdf", os.urandom(2_500_000))

    with pytest.raises(UserError) as caught:
        gen(source, target, at("2026-11-27"))
    assert caught.value.exit_code == Exit.TARGET_UNAVAILABLE
    sentence = caught.value.message.english()
    assert sentence.startswith("The backup drive is full: this backup needs 2.") and "MB" in sentence
    assert str(drive) in sentence
    assert listing(target.computer_dir) == [".tsbackup-target", older.id]
    assert snapshot(older.path) == before
    assert [g.id for g in list_generations(target)] == [older.id]


def test_only_what_cannot_be_linked_counts(tmp_path, tmpfs):
    """1.2 MB of unchanged data on a 2 MiB drive: a second generation fits because it is linked."""
    drive = tmpfs("2m")
    target = target_for(drive)
    source = tmp_path / "timeSensor DataFiles"
    write(source / "big.4DD", os.urandom(1_200_000))
    write(source / "small.txt", b"v1")
    gen(source, target, at("2026-11-26"))
    write(source / "small.txt", b"v2")
    result = gen(source, target, at("2026-11-27"))
    assert (result.linked, result.copied) == (1, 1)
    assert len(list_generations(target)) == 2


def test_disk_full_during_the_copy_removes_the_partial_and_keeps_older_generations(tmp_path, tmpfs):
    drive = tmpfs("2m")
    target = target_for(drive)
    source = make_source(tmp_path / "data")
    older = gen(source, target, at("2026-11-26")).generation
    before = snapshot(older.path)
    write(source / "STUFF" / "scan.pdf", os.urandom(600_000))  # fits when the check runs
    filler = drive / "someone else's file"

    def fill_the_drive(event):
        if event["files_done"] == 0 and not filler.exists():
            with open(filler, "wb") as handle:
                try:
                    while True:
                        handle.write(b"\0" * 65536)
                        handle.flush()
                except OSError:
                    pass

    with pytest.raises(UserError) as caught:
        gen(source, target, at("2026-11-27"), progress=fill_the_drive)
    assert caught.value.exit_code == Exit.TARGET_UNAVAILABLE
    sentence = caught.value.message.english()
    assert sentence.startswith("The backup drive is full (") and "unfinished backup was removed" in sentence
    assert listing(target.computer_dir) == [".tsbackup-target", older.id]
    assert snapshot(older.path) == before
    assert [g.id for g in list_generations(target)] == [older.id]

    filler.unlink()
    result = gen(source, target, at("2026-11-28"))
    assert_same_tree(source, result.generation.path / "timeSensor DataFiles")


def test_a_drive_that_disappears_mid_copy_means_connect_the_drive(tmp_path, tmpfs):
    drive = tmpfs("4m")
    target = target_for(drive)
    source = make_source(tmp_path / "data")

    def pull_the_cable(event):
        if event["files_done"] == 0:
            subprocess.run(["umount", "-l", str(drive)], check=True)

    with pytest.raises(UserError) as caught:
        gen(source, target, at("2026-11-27"), progress=pull_the_cable)
    assert caught.value.exit_code == Exit.TARGET_UNAVAILABLE
    assert caught.value.message.english().startswith("Connect the backup drive")
    assert os.listdir(drive) == []  # the bare mount point got nothing


def test_file_system_type_and_link_probe_on_a_real_mount(tmpfs, tmp_path):
    drive = tmpfs("1m")
    assert filesystem_type(drive / "timeSensor Backups") == "tmpfs"
    assert links_work(drive) is True
    assert os.listdir(drive) == []  # the probe cleaned up
    assert links_work(tmp_path / "missing") is False


def test_fat_4gib_limit_is_named_plainly(tmp_path):
    check_file_size_limit("ext4", [("/data/big.4DD", FAT_LIMIT + 1)], tmp_path)
    check_file_size_limit("vfat", [("/data/ok.4DD", FAT_LIMIT)], tmp_path)
    check_file_size_limit("exfat", [("/data/big.4DD", 10 * FAT_LIMIT)], tmp_path)  # exFAT has no 4 GB limit
    with pytest.raises(UserError) as caught:
        check_file_size_limit("msdos", [("/data/small", 1), ("/data/big.4DD", 5_000_000_000)], tmp_path)
    assert caught.value.exit_code == Exit.TARGET_UNAVAILABLE
    sentence = caught.value.message.english()
    assert "FAT" in sentence and "/data/big.4DD is 5.0 GB" in sentence


def test_space_estimate_counts_whole_blocks_folders_and_the_manifest():
    assert bytes_needed([], 0, 4096) == 4096
    assert bytes_needed([1], 0, 4096) == 4096 + 320 + 4096 + 40
    assert bytes_needed([4097, 0], 3, 4096) >= 8192 + 3 * 4096
    assert human_size(999) == "999 bytes" and human_size(1_500_000) == "1.5 MB" and human_size(2 * 10**12) == "2.0 TB"
