"""`tsbackup detect` as a real process: JSON on demo trees, sentences, errors without tracebacks."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from datetime import datetime, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from fourd_trees import DATA, mac_single_user
from tsbackup_gui.core.install.demo import create_demo

NOBODY = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]


#: The moment the demo is laid out for and `detect` runs at: 4D's newest archive is then 20 hours old
#: (the demo's 12:30 backup of the day before), whatever the real clock says.
MOMENT = datetime(2026, 11, 27, 9, 0, tzinfo=ZoneInfo("Europe/Zurich"))


def detect_json(run_cli, *args, at=None):
    result = run_cli("detect", "--json", *args, at=at)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return json.loads(result.stdout)


def test_detect_json_on_the_single_user_demo(tmp_path, run_cli):
    layout = create_demo(tmp_path / "demo", "single-user", now=MOMENT)
    found = detect_json(run_cli, "--root", layout.root, "--os", "macos", at=MOMENT)
    assert found["mode"] == "single-user"
    assert found["os"] == "macos"
    assert found["data_dir"] == str(layout.data_dir)
    assert found["backup_dir"] == str(layout.backup_dir)
    assert found["newest_archive"] == str(layout.newest_archive)
    assert found["newest_archive"].endswith("timeSensor[0093-0001].4BK")
    assert found["archive_fresh"] is True and found["archive_complete"] is True
    newest_end = datetime.fromtimestamp(layout.newest_archive.stat().st_mtime, timezone.utc)
    assert newest_end.astimezone(MOMENT.tzinfo).date().isoformat() == "2026-11-26"
    # the child's clock starts at MOMENT and runs on while Python starts: a few seconds at most
    assert found["archive_age_hours"] == pytest.approx((MOMENT - newest_end).total_seconds() / 3600, abs=0.02)
    assert found["server_program"] is None
    assert found["schedule"]["frequency"] == "daily" and found["schedule"]["hour"] == "12:30"
    taken = [c for c in found["candidates"] if c["taken"]]
    assert {(c["kind"], c["path"]) for c in taken} == {("data", str(layout.data_dir)), ("archive", str(layout.backup_dir))}
    assert all({"path", "exists", "taken", "reason"} <= set(c) for c in found["candidates"])


def test_detect_json_on_the_server_demo(tmp_path, run_cli):
    layout = create_demo(tmp_path / "demo", "server", now=MOMENT)
    found = detect_json(run_cli, "--root", layout.root, "--os", "macos", at=MOMENT)
    assert found["mode"] == "server"
    assert found["data_dir"] == str(layout.data_dir)
    assert found["server_program"] == str(layout.server_program)
    assert found["backup_dir"] == str(layout.backup_dir)
    assert found["newest_archive"] == str(layout.newest_archive)
    assert found["archive_fresh"] is True and found["archive_ok"] is True
    assert found["history"]["number"] == 93 and found["history"]["succeeded"] is True
    # 4D recorded the path on its own machine; here it lies under the root
    assert found["history"]["backup_path"] == "/Applications/timeSensor Server/timeSensor DataFiles/STUFF/BACKUP/timeSensor[0093-0001].4BK"
    assert found["history"]["backup_path_here"] == str(layout.newest_archive)
    assert found["warnings"] == []


def test_detect_sentences_for_people(tmp_path, run_cli):
    layout = create_demo(tmp_path / "demo", "server")
    result = run_cli("detect", "--root", layout.root)
    assert result.returncode == 0 and result.stderr == ""
    lines = result.stdout.splitlines()
    assert lines[0] == f"This computer is the timeSensor LEGAL server. Its data is in {layout.data_dir}."
    assert lines[2] == f"4D saves its own backups in {layout.backup_dir}."
    assert lines[3].startswith("The newest 4D backup, timeSensor[0093-0001].4BK, is from ")
    assert lines[3].endswith("hours ago) and complete.")


def test_detect_workstation_exits_0_with_the_sentence(tmp_path, run_cli):
    (tmp_path / "C" / "Users" / "empfang" / "AppData" / "Roaming" / "timeSensor").mkdir(parents=True)
    (tmp_path / "C" / "Users" / "empfang" / "AppData" / "Roaming" / "timeSensor" / "lastServer.xml").write_text("<x/>")
    result = run_cli("detect", "--root", tmp_path, "--os", "windows")
    assert result.returncode == 0
    assert "the backup assistant on the server" in result.stdout


def test_detect_not_found_exits_0(tmp_path, run_cli):
    result = run_cli("detect", "--root", tmp_path, "--os", "windows")
    assert result.returncode == 0
    assert result.stdout.startswith("No timeSensor LEGAL installation was found on this computer.")


@pytest.mark.parametrize("make", ["missing", "file"])
def test_bad_root_is_one_plain_sentence(tmp_path, run_cli, make):
    root = tmp_path / "root"
    if make == "file":
        root.write_text("x")
    result = run_cli("detect", "--json", "--root", root)
    assert result.returncode == 2
    (summary,) = [json.loads(line) for line in result.stdout.splitlines()]  # --json: the failure in JSON too
    assert (summary["outcome"], summary["exit_code"]) == ("failed", 2)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and str(root) in lines[0] and "Traceback" not in result.stderr


def test_bad_os_is_a_usage_error(tmp_path, run_cli):
    result = run_cli("detect", "--os", "beos")
    assert result.returncode == 2 and "Traceback" not in result.stderr


# -- permission denied, as a real unprivileged user -----------------------------------

@pytest.fixture
def shared_tmp(cli_env):
    """A folder an unprivileged user may enter (pytest's tmp_path is private to root)."""
    base = Path(tempfile.mkdtemp(prefix="tsbackup-perm-", dir="/tmp"))
    base.chmod(0o755)
    home = base / "home"
    home.mkdir()
    home.chmod(0o777)
    env = dict(cli_env, TSBACKUP_HOME=str(home), HOME=str(home))
    yield base, env
    for path in base.rglob("*"):
        if path.is_dir() and not path.is_symlink():
            path.chmod(0o755)
    base.chmod(0o755)
    shutil.rmtree(base)


def run_as_nobody(env, *args):
    return subprocess.run([*NOBODY, sys.executable, "-m", "tsbackup_gui.cli", *map(str, args)],
                          env=env, capture_output=True, text=True, timeout=60)


def test_unreadable_data_folder_is_a_reason_not_a_crash(shared_tmp):
    base, env = shared_tmp
    root = base / "root"
    data = mac_single_user(root)
    for path in [root, *root.rglob("*")]:
        if path.is_dir():
            path.chmod(0o755)
    data.chmod(0o000)
    result = run_as_nobody(env, "detect", "--json", "--root", root, "--os", "macos")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    found = json.loads(result.stdout)
    candidate = [c for c in found["candidates"] if c["path"] == str(data)][0]
    assert candidate["exists"] is True and candidate["readable"] is False
    assert "permission denied" in candidate["reason"]
    assert found["data_dir"] == str(data)  # the only place: proposed, with the warning
    assert found["newest_archive"] is None
    assert any(w["id"] == "install.place_unreadable" for w in found["warnings"])

    plain = run_as_nobody(env, "detect", "--root", root, "--os", "macos")
    assert plain.returncode == 0 and "Traceback" not in plain.stderr
    assert f"The folder {data} cannot be opened (permission denied)" in plain.stdout


def test_unreadable_parent_folder_is_a_reason_not_a_crash(shared_tmp):
    base, env = shared_tmp
    root = base / "root"
    data = mac_single_user(root)
    for path in [root, *root.rglob("*")]:
        if path.is_dir():
            path.chmod(0o755)
    (root / "Users" / "Shared").chmod(0o000)
    result = run_as_nobody(env, "detect", "--json", "--root", root, "--os", "macos")
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    assert found["mode"] == "not-found"
    candidate = [c for c in found["candidates"] if c["path"] == str(data)][0]
    assert "permission denied" in candidate["reason"]


def test_unreadable_root_exits_2_with_one_sentence(shared_tmp):
    base, env = shared_tmp
    root = base / "root"
    (root / "Users" / "Shared" / DATA).mkdir(parents=True)
    root.chmod(0o000)
    result = run_as_nobody(env, "detect", "--root", root)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.strip() == f"The folder {root} given as the root cannot be opened (permission denied). Check its permissions."
    assert os.access(base, os.R_OK)
