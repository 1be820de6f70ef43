"""The demo installation: its layout, that detection reads it right, and that it never overwrites foreign folders."""

from __future__ import annotations

import hashlib
import json
import os
from datetime import timedelta

import pytest

from fourd_trees import NOW, write
from tsbackup_gui.core.fourd import freshness as fourd
from tsbackup_gui.core.install import detect as install
from tsbackup_gui.core.install.demo import MARKER, create_demo
from tsbackup_gui.core.errors import UserError
from tsbackup_gui.core.rootmap import RootMap


def sha(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_single_user_layout(tmp_path):
    layout = create_demo(tmp_path / "demo", "single-user", now=NOW)
    root = tmp_path / "demo"
    data = root / "Users" / "Shared" / "timeSensor DataFiles"
    assert layout.root == root and layout.data_dir == data and layout.os_name == "macos"
    assert layout.backup_dir == data / "STUFF" / "BACKUP"
    assert layout.server_program is None
    assert layout.primary_target == root / "Volumes" / "Backup Drive" and layout.primary_target.is_dir()
    assert layout.secondary_target == root / "Volumes" / "Offsite NAS" and layout.secondary_target.is_dir()

    assert 2 * 1024 * 1024 < (data / "timeSensor.4DD").stat().st_size < 8 * 1024 * 1024
    for name in ("timeSensor.4DIndx", "timeSensor.journal", "Settings/Backup.4DSettings", "Logs/Backup Journal[001].txt"):
        assert (data / name).is_file() and (data / name).stat().st_size > 0
    assert (data / "Dokumente" / "Müller & Söhne" / "Honorarnote 2026-11.pdf").read_bytes().startswith(b"%PDF")
    assert (data / "Dokumente" / "Leerer Ordner").is_dir() and not any((data / "Dokumente" / "Leerer Ordner").iterdir())
    assert (data / "Dokumente" / "Notizen" / "leer.txt").stat().st_size == 0
    assert fourd.is_live_database_file((data / "External Data").relative_to(data) / "Blob_0001.4DBlob")

    names = sorted(p.name for p in layout.backup_dir.iterdir())
    assert names == [
        "backupHistory.json", "timeSensor[0090].4BL", "timeSensor[0091].4BK", "timeSensor[0091].4BL", "timeSensor[0092].4BK",
        "timeSensor[0092].4BL", "timeSensor[0093-0001].4BK", "timeSensor[0093-0002].4BK",
    ]
    assert layout.newest_archive == layout.backup_dir / "timeSensor[0093-0001].4BK"
    entries = next(iter(json.loads((layout.backup_dir / "backupHistory.json").read_text()).values()))
    assert [e["backupNumber"] for e in entries] == [91, 92, 93]
    assert entries[-1]["backupPath"].endswith("/Users/Shared/timeSensor DataFiles/STUFF/BACKUP/timeSensor[0093-0001].4BK")
    assert (layout.user_support_dir / "lastDataPath.xml").is_file()


def test_the_newest_archive_is_fresh_and_whole_relative_to_now(tmp_path):
    layout = create_demo(tmp_path / "demo", "single-user", now=NOW)
    status = fourd.judge(layout.data_dir, now=NOW, mapper=RootMap(layout.root, "macos"))
    assert status.newest.first == layout.newest_archive
    assert status.complete and status.fresh and status.ok
    assert timedelta(hours=1) <= status.age < timedelta(hours=25)
    assert status.schedule.frequency == "daily"
    assert status.history is not None and status.history.succeeded


@pytest.mark.parametrize("variant", ["single-user", "server"])
def test_detection_reads_the_demo(tmp_path, variant):
    layout = create_demo(tmp_path / "demo", variant, now=NOW)
    found = install.detect(layout.root, "macos", NOW)
    assert found.mode == variant
    assert found.data_dir == layout.data_dir
    assert found.backup_dir == layout.backup_dir
    assert found.to_json()["newest_archive"] == str(layout.newest_archive)
    assert found.archive.fresh and found.archive.ok
    assert found.all_warnings() == []
    if variant == "server":
        assert found.server_program == layout.server_program
        assert layout.data_dir.parent == layout.server_program.parent
        assert layout.data_dir == tmp_path / "demo" / "Applications" / "timeSensor Server" / "timeSensor DataFiles"


def test_the_demo_is_the_same_every_time(tmp_path):
    first = create_demo(tmp_path / "a", "server", now=NOW)
    second = create_demo(tmp_path / "b", "server", now=NOW)
    assert sha(first.data_dir / "timeSensor.4DD") == sha(second.data_dir / "timeSensor.4DD")
    assert sha(first.newest_archive) == sha(second.newest_archive)


def test_refreshing_a_demo_moves_its_times_and_keeps_foreign_files(tmp_path):
    layout = create_demo(tmp_path / "demo", "single-user", now=NOW)
    own = write(layout.primary_target / "timeSensor Backups" / "note.txt", b"made by a backup run")
    later = NOW + timedelta(days=10)
    again = create_demo(tmp_path / "demo", "single-user", now=later)
    assert again == layout
    assert own.read_bytes() == b"made by a backup run"
    assert fourd.judge(layout.data_dir, now=later).ok


def test_refuses_a_folder_that_is_not_a_demo(tmp_path):
    target = tmp_path / "office"
    write(target / "Wichtig.docx", b"keep me")
    before = sorted(p.name for p in target.rglob("*"))
    with pytest.raises(UserError) as caught:
        create_demo(target, "single-user", now=NOW)
    assert caught.value.exit_code == 2
    assert caught.value.message.english() == (
        f"The folder {target} is not empty and holds no demo. Choose a new or empty folder for the demo.")
    assert sorted(p.name for p in target.rglob("*")) == before


def test_refuses_a_demo_of_the_other_kind_and_a_file(tmp_path):
    create_demo(tmp_path / "demo", "single-user", now=NOW)
    with pytest.raises(UserError) as caught:
        create_demo(tmp_path / "demo", "server", now=NOW)
    assert caught.value.message.id == "demo.other_variant"
    assert not (tmp_path / "demo" / "Applications" / "timeSensor Server").exists()
    with pytest.raises(UserError) as caught:
        create_demo(write(tmp_path / "file"), "server", now=NOW)
    assert caught.value.message.id == "demo.not_folder"


def test_an_empty_existing_folder_is_fine(tmp_path):
    (tmp_path / "empty").mkdir()
    assert create_demo(tmp_path / "empty", now=NOW).variant == "single-user"
    assert (tmp_path / "empty" / MARKER).is_file()


def test_cli_demo_prints_where_things_are(tmp_path, run_cli):
    result = run_cli("demo", tmp_path / "demo", "--variant", "server")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    data = tmp_path / "demo" / "Applications" / "timeSensor Server" / "timeSensor DataFiles"
    assert lines[0] == f"A demo timeSensor LEGAL server installation is ready in {tmp_path / 'demo'}."
    assert f"Its data folder: {data}" in lines
    assert f"Demo backup drive (for the primary backup): {tmp_path / 'demo' / 'Volumes' / 'Backup Drive'}" in lines
    assert f"Demo off-site folder (for the secondary backup): {tmp_path / 'demo' / 'Volumes' / 'Offsite NAS'}" in lines

    as_json = run_cli("demo", tmp_path / "demo", "--variant", "server", "--json")
    assert as_json.returncode == 0
    assert json.loads(as_json.stdout)["data_dir"] == str(data)


def test_cli_demo_refuses_a_foreign_folder(tmp_path, run_cli):
    write(tmp_path / "busy" / "x.txt")
    result = run_cli("demo", tmp_path / "busy")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.strip() == f"The folder {tmp_path / 'busy'} is not empty and holds no demo. Choose a new or empty folder for the demo."
    assert os.listdir(tmp_path / "busy") == ["x.txt"]
