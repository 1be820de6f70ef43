"""Ctrl-C in `tsbackup run` is the command's "Cancel backup": recorded as cancelled with its sentence,
exit 130, never as ok and never as a failure (so no failure mail) — during the copy and during the upload."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tsbackup_gui.core.store.history import History


def own_names(home: Path) -> None:
    path = home / "config" / "config.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["process_names"] = ["no-such-program-ctrl-c-test"]
    path.write_text(json.dumps(data), encoding="utf-8")


def make_source(root: Path, files: int, size: int) -> Path:
    source = root / "timeSensor DataFiles"
    (source / "Akten").mkdir(parents=True)
    blob = os.urandom(size)
    for index in range(files):
        (source / "Akten" / f"Akte {index:05d}.pdf").write_bytes(blob[index % 97:] + index.to_bytes(4, "big"))
    return source


def run_until(cli_env, event: str, stage: str | None = None) -> tuple[subprocess.CompletedProcess, list[dict]]:
    """`tsbackup run --json`, interrupted (SIGINT, as Ctrl-C sends) at the first event of this kind
    (and of this stage: copying, checking, offsite)."""
    child = subprocess.Popen([sys.executable, "-m", "tsbackup_gui.cli", "run", "--json"], env=cli_env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    events = []
    assert child.stdout is not None
    for line in child.stdout:
        events.append(json.loads(line))
        if events[-1].get("event") == event and stage in (None, events[-1].get("stage")):
            child.send_signal(signal.SIGINT)
            break
    out, err = child.communicate(timeout=120)
    events += [json.loads(line) for line in out.splitlines()]
    return subprocess.CompletedProcess(child.args, child.returncode, "", err), events


def test_ctrl_c_during_the_copy_is_a_cancel(run_cli, cli_env, tmp_path, tsbackup_home):
    source = make_source(tmp_path, 4000, 4096)
    drive = tmp_path / "drive"
    drive.mkdir()
    assert run_cli("setup", "--source", source, "--primary", drive, "--computer", "PC").returncode == 0
    own_names(tsbackup_home)
    done, events = run_until(cli_env, "progress")
    assert done.returncode == 130, done.stderr
    summary = events[-1]
    assert summary["event"] == "summary" and (summary["outcome"], summary["exit_code"]) == ("skipped", 130)
    assert [r["code"] for r in summary["reasons"]] == ["run.cancelled"]
    assert done.stderr.strip() == ("The backup was cancelled. Nothing was changed; the previous backups are "
                                   "untouched.")
    newest = History().attempts(limit=1)[0]
    assert (newest.outcome, newest.exit_code, newest.reason_code) == ("skipped", 130, "run.cancelled")
    assert [p.name for p in (drive / "timeSensor Backups" / "PC").iterdir() if not p.name.startswith(".")] == []


@pytest.mark.slow
def test_ctrl_c_during_the_upload_keeps_the_generation_and_records_the_cancel(run_cli, cli_env, tmp_path,
                                                                             tsbackup_home):
    source = make_source(tmp_path, 40, 256 * 1024)  # 10 MB at 512 KiB/s: the upload lasts
    drive = tmp_path / "drive"
    drive.mkdir()
    repo = tmp_path / "nas" / "offsite"
    repo.parent.mkdir()
    setup = run_cli("setup", "--source", source, "--primary", drive, "--computer", "PC", "--secondary", repo,
                    "--password-stdin", "--limit-upload", "512", input="Geheim-Passwort-1\n")
    assert setup.returncode == 0, setup.stderr
    own_names(tsbackup_home)
    done, events = run_until(cli_env, "progress", "offsite")
    assert done.returncode == 130, done.stderr
    summary = events[-1]
    assert (summary["outcome"], summary["exit_code"]) == ("warning", 130)  # the generation counts; never "ok"
    assert summary["generation"] and summary["offsite"]["outcome"] == "cancelled"
    assert "offsite.cancelled" in [r["code"] for r in summary["reasons"]]
    newest = History().attempts(limit=1)[0]
    assert (newest.outcome, newest.exit_code) == ("warning", 130)
    assert newest.details["offsite"]["outcome"] == "cancelled" and "offsite_last" not in newest.details
    generation = drive / "timeSensor Backups" / "PC" / summary["generation"]
    assert (generation / "tsbackup-manifest.json").is_file()
    status = json.loads(run_cli("status", "--json").stdout)
    assert status["state"] != "ok"
