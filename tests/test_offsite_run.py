"""`tsbackup run` with an off-site backup: setup + run through the real command and the real restic."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from test_offsite_setup_support import (DATA, config_of, files_containing, make_world, setup_cli, stored_password)
from test_restic_support import PASSWORD, raw_restic, tree_bytes

from tsbackup_gui.core.store.history import History
from tsbackup_gui.core.restic.json_output import parse_snapshots


def events_of(result) -> list[dict]:
    return [json.loads(line) for line in result.stdout.splitlines()]


def summary_of(result) -> dict:
    summary = events_of(result)[-1]
    assert summary["event"] == "summary"
    return summary


def run_watching_restic(cli_env: dict, *args: str) -> tuple[subprocess.CompletedProcess, list[list[str]], list[bytes]]:
    """Runs `tsbackup ARGS` and, while it runs, reads the argv and environment of every restic it starts."""
    proc = subprocess.Popen([sys.executable, "-m", "tsbackup_gui.cli", *args], env=cli_env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    argvs: list[list[str]] = []
    environs: list[bytes] = []
    seen: set[int] = set()
    parent = psutil.Process(proc.pid)
    deadline = time.monotonic() + 120
    while proc.poll() is None and time.monotonic() < deadline:
        try:
            children = parent.children(recursive=True)
        except psutil.NoSuchProcess:
            break
        for child in children:
            if child.pid in seen:
                continue
            try:
                argv = child.cmdline()
                environ = Path(f"/proc/{child.pid}/environ").read_bytes()
            except (psutil.Error, OSError):
                continue
            if argv and Path(argv[0]).name == "restic":
                seen.add(child.pid)
                argvs.append(argv)
                environs.append(environ)
        time.sleep(0.005)  # a tiny bounded poll: restic children live for a second or so
    stdout, stderr = proc.communicate(timeout=120)
    return subprocess.CompletedProcess(proc.args, proc.returncode, stdout, stderr), argvs, environs


@pytest.fixture
def world(tmp_path):
    return make_world(tmp_path)


def test_setup_and_two_runs_fill_both_and_restic_shows_parent_linked_snapshots(
        run_cli, cli_env, world, tmp_path, tsbackup_home, monkeypatch):
    source, drive = world
    repo = tmp_path / "nas" / "tsbackup"
    repo.parent.mkdir()
    password = "Kanzlei-Müller-2026-Passwort-7"  # a password typed by the IT partner, umlaut included
    setup = setup_cli(run_cli, source, drive, "--secondary", repo, "--password-stdin", input=password + "\n")
    assert setup.returncode == 0, setup.stderr
    assert setup.stdout.splitlines()[1] == (
        f"No off-site backup existed at {repo}, so a new, encrypted one was created there. "
        "If you meant an existing one, check the address: a typing error creates a new, empty backup.")

    first, argvs, environs = run_watching_restic(cli_env, "run", "--json")
    assert first.returncode == 0, first.stdout + first.stderr
    events = events_of(first)
    assert any(e["event"] == "offsite" for e in events)
    # progress names its stage, in the order the run goes: the copy, its check, the upload (restic's counts)
    stages = [e["stage"] for e in events if e["event"] == "progress"]
    assert stages[0] == "copying" and stages[-1] == "cleanup" and {"checking", "offsite"} <= set(stages)
    assert stages == sorted(stages, key=["copying", "checking", "offsite", "cleanup"].index)
    uploads = [e for e in events if e["event"] == "progress" and e["stage"] == "offsite" and e["phase"] == "status"]
    assert uploads and uploads[-1]["files_total"] == 6 and uploads[-1]["bytes_total"] > 0
    one = summary_of(first)
    assert (one["outcome"], one["exit_code"], one["reasons"]) == ("ok", 0, [])
    assert one["offsite"]["outcome"] == "ok" and one["offsite"]["files_new"] == 6 and one["offsite"]["bytes_added"] > 0
    assert set(one["offsite"]) >= {"snapshot", "files_new", "files_changed", "files_unmodified", "bytes_added", "outcome"}
    # The password reaches restic through its environment only, never its argv.
    assert any("backup" in argv for argv in argvs)
    assert all(password not in " ".join(argv) for argv in argvs)
    for argv, environ in zip(argvs, environs):
        on_repository = "--cache-dir" in argv  # `restic version` gets no password at all
        assert (f"RESTIC_PASSWORD={password}".encode() in environ.split(b"\0")) == on_repository, argv

    (source / "Neue Akte.txt").write_text("Mandat 2026-17\n", encoding="utf-8")
    second = run_cli("run")
    assert second.returncode == 0, second.stderr
    attempt = History().last()
    two = attempt.details["offsite"]
    assert two["files_unmodified"] > 0 and two["files_new"] == 1  # only the new file is read
    assert second.stdout.strip().endswith(
        f"off-site snapshot {two['snapshot'][:8]} ({two['bytes_added'] / 1000:.1f} KB uploaded).")

    listed = raw_restic(repo, tmp_path / "cache", "snapshots", "--json", password=password)
    assert listed.returncode == 0, listed.stderr
    snapshots = parse_snapshots(listed.stdout)
    assert len(snapshots) == 2 and snapshots[0].parent is None
    assert snapshots[1].parent == snapshots[0].id and snapshots[1].id.startswith(two["snapshot"])
    assert snapshots[1].id.startswith(attempt.details["offsite_last"]["snapshot"])

    restored = tmp_path / "restored"
    back = run_cli("restore", "--from", "secondary", "--to", restored)
    assert back.returncode == 0, back.stderr
    assert tree_bytes(restored / DATA) == tree_bytes(source)

    # The password in no config file, log, history row, cache file or message.
    setup_id = config_of(tsbackup_home)["setup_id"]
    assert stored_password(cli_env, setup_id, monkeypatch) == password
    assert files_containing(tsbackup_home, password.encode()) == []
    for result in (setup, first, second, back):
        assert password not in result.stdout + result.stderr


def test_an_unreachable_target_is_a_warning_and_the_primary_counts(run_cli, world, tmp_path, tsbackup_home):
    source, drive = world
    mount = tmp_path / "mnt" / "nas"
    mount.mkdir(parents=True)
    repo = mount / "tsbackup"
    assert setup_cli(run_cli, source, drive, "--secondary", repo, "--password-stdin",
                     input=PASSWORD + "\n").returncode == 0
    good = run_cli("run")
    assert good.returncode == 0, good.stderr
    mount.rename(tmp_path / "mnt" / "elsewhere")  # the share is no longer mounted

    result = run_cli("run", "--json")

    assert result.returncode == 1, result.stdout + result.stderr
    summary = summary_of(result)
    assert (summary["outcome"], summary["exit_code"]) == ("warning", 1)
    assert [r["code"] for r in summary["reasons"]] == ["offsite.unreachable"]
    assert summary["reasons"][0]["message"].startswith(f"The off-site backup at {repo} cannot be reached")
    assert summary["offsite"]["outcome"] == "warning" and summary["offsite"]["snapshot"] is None
    assert result.stderr.strip().splitlines()[-1] == summary["reasons"][0]["message"]
    generation = drive / "timeSensor Backups" / "Kanzlei-PC" / summary["generation"]
    assert tree_bytes(generation / DATA) == tree_bytes(source)  # the primary generation is made and whole
    attempt = History().last()
    assert attempt.reason_code == "offsite.unreachable" and attempt.outcome == "warning"
    assert attempt.details["offsite_last"]["snapshot"]  # the last good snapshot is still remembered
    assert not (tmp_path / "mnt" / "nas").exists()  # nothing created where the share was

    status = json.loads(run_cli("status", "--json").stdout)
    assert status["state"] == "warning"
    assert "offsite.unreachable" in [reason["code"] for reason in status["reasons"]]
    assert PASSWORD not in result.stdout + result.stderr
    assert History().attempts()[0].reasons[0].english() == summary["reasons"][0]["message"]
    assert all(PASSWORD not in json.dumps(a.details) for a in History().attempts())


def test_external_target_runs_no_restic(run_cli, world, tsbackup_home):
    source, drive = world
    assert setup_cli(run_cli, source, drive, "--secondary", "external:NAS-Kopie zum Partner").returncode == 0
    result = run_cli("run", "--json")
    assert result.returncode == 0, result.stderr
    summary = summary_of(result)
    assert summary["offsite"]["outcome"] == "skipped" and summary["offsite"]["snapshot"] is None
    assert not any(e["event"].startswith("offsite") for e in events_of(result)[:-1])
