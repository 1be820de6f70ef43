"""The SSH key's passphrase reaches ssh through tsbackup itself as SSH_ASKPASS (issue 20, item 5): no
shell script on any OS; the passphrase only in the environment, never in argv or a file.

The real proof runs restic over a real ssh to the suite's sshd with a passphrase-protected key, with
the askpass program laid out as a built app has it (the ``tsbackup`` executable next to the running
one, started as PyInstaller starts it: ``from tsbackup_gui.cli import main``).
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

from conftest_remote import sshd  # noqa: F401 - fixture
from test_children import WindowsFacts, stand_in
from test_restic_support import PASSWORD, new_repo

from tsbackup_gui.core.errors import UserError
from tsbackup_gui.core.restic.errors import ResticError
from tsbackup_gui.core.offsite import askpass, sftp

pytestmark = pytest.mark.xdist_group("sshd-askpass")  # with -n: one worker starts this module's sshd once

WORKTREE = Path(__file__).resolve().parents[1]


def built_app(folder: Path, calls: Path, windows: bool = False) -> Path:
    """A built app's folder: the running GUI executable and the ``tsbackup`` one beside it (which notes its calls)."""
    folder.mkdir(parents=True)
    suffix = ".exe" if windows else ""
    (folder / f"tsbackup-gui{suffix}").write_bytes(b"")
    cli = folder / f"tsbackup{suffix}"
    cli.write_text(
        f"#!{sys.executable}\nimport json, os, sys\n"
        f"open({str(calls)!r}, 'a').write(json.dumps([sys.argv[1:], os.environ.get('TSBACKUP_ASKPASS')]) + '\\n')\n"
        f"sys.path.insert(0, {str(WORKTREE)!r})\nfrom tsbackup_gui.cli import main\nsys.exit(main())\n",
        encoding="utf-8")
    cli.chmod(0o755)
    return folder / f"tsbackup-gui{suffix}"


def test_the_answer_is_the_passphrase_only_for_a_passphrase_prompt():
    env = {askpass.MARK: "1", askpass.PASSPHRASE_VAR: "Schloss Laupen 1324 ü"}
    assert askpass.reply(env) == ("Schloss Laupen 1324 ü\n".encode("utf-8"), 0)
    assert askpass.reply({**env, "SSH_ASKPASS_PROMPT": "confirm"}) == (b"", 1)  # a yes/no question: refused
    assert askpass.reply({askpass.MARK: "1"}) == (b"", 1)
    assert askpass.called_as_askpass(env) and not askpass.called_as_askpass({})


def test_which_program_ssh_starts(tmp_path):
    gui = built_app(tmp_path / "win", tmp_path / "calls", windows=True)
    assert askpass.program("windows", frozen=True, executable=str(gui), env={}) == str(gui.with_name("tsbackup.exe"))
    mac = built_app(tmp_path / "tsbackup.app" / "Contents" / "MacOS", tmp_path / "calls")
    assert askpass.program("posix", frozen=True, executable=str(mac), env={}) == str(mac.with_name("tsbackup"))
    assert askpass.program("posix", frozen=True, executable=str(mac), env={"APPIMAGE": "/opt/tsbackup.AppImage"}) \
        == "/opt/tsbackup.AppImage"
    python = tmp_path / "venv" / "python.exe"
    python.parent.mkdir()
    with pytest.raises(UserError) as missing:  # Windows, no pip launcher: no program, and no script instead
        askpass.program("windows", frozen=False, executable=str(python), env={})
    assert missing.value.message.english() == (
        f"The SSH key's passphrase cannot be handed to ssh: the program {python.parent / 'tsbackup.exe'} was not "
        "found. Install tsbackup with its installer (or pip), or use a key without a passphrase.")
    (python.parent / "Scripts").mkdir()
    (python.parent / "Scripts" / "tsbackup.exe").write_bytes(b"MZ")
    assert askpass.program("windows", frozen=False, executable=str(python), env={}) == \
        str(python.parent / "Scripts" / "tsbackup.exe")
    wrapper = Path(askpass.program("posix", frozen=False, executable=sys.executable, env={}, folder=tmp_path))
    assert wrapper.read_text().startswith(f"#!{sys.executable}\n") and "/bin/sh" not in wrapper.read_text()


def test_on_windows_ssh_is_handed_the_program_itself_and_no_script_is_written(tmp_path, monkeypatch):
    facts = WindowsFacts(monkeypatch)
    scratch = tmp_path / "temp"
    scratch.mkdir()
    monkeypatch.setattr("tempfile.tempdir", str(scratch))
    calls = tmp_path / "askpass-calls.txt"
    gui = built_app(tmp_path / "Programme" / "tsbackup", calls, windows=True)
    monkeypatch.setattr(askpass, "running", lambda: (True, str(gui)))
    # A stand-in ssh: records what it was handed, then asks $SSH_ASKPASS as OpenSSH does (the prompt as argv[1]).
    bin_dir = tmp_path / "bin"
    stand_in(bin_dir, "ssh", (
        "import subprocess\n"
        "try:\n"
        "    os.close(os.open('/dev/tty', os.O_RDWR))\n"
        "    sys.exit('ssh would prompt on a terminal nobody sees')\n"
        "except OSError:\n"
        "    pass\n"
        "said = subprocess.run([os.environ['SSH_ASKPASS'], \"Enter passphrase for key 'id_locked': \"],\n"
        "                      capture_output=True).stdout\n"
        f"open({str(tmp_path / 'ssh-got')!r}, 'wb').write(said)\n"
        "sys.exit(0)\n"))
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    address = sftp.parse_sftp("sftp://kanzlei@nas.example:2222//srv/backup")
    answer = sftp.connect(address, tmp_path / "id_locked", tmp_path / "known_hosts", strict="yes",
                          passphrase="Geheim 2024 ä", timeout=5)
    assert answer.returncode == 0
    handed = json.loads((bin_dir / "ssh.json").read_text())
    assert handed["env"]["SSH_ASKPASS"] == str(gui.with_name("tsbackup.exe"))
    assert (handed["env"]["SSH_ASKPASS_REQUIRE"], handed["env"]["TSBACKUP_ASKPASS"]) == ("force", "1")
    assert handed["env"]["TSBACKUP_SSH_PASSPHRASE"] == "Geheim 2024 ä"
    assert not any("Geheim" in arg for arg in handed["argv"])
    assert (tmp_path / "ssh-got").read_bytes() == "Geheim 2024 ä\n".encode("utf-8")
    assert [json.loads(line) for line in calls.read_text().splitlines()] == [
        [["Enter passphrase for key 'id_locked': "], "1"]]
    assert facts.started[0]["flags"] & 0x08000000  # ssh itself started hidden
    written = [p for p in scratch.rglob("*")]
    assert written == []  # nothing written: no script, no file with the passphrase
    assert not [p for p in tmp_path.rglob("*.sh")]
    assert not [p for p in tmp_path.rglob("*") if p.is_file() and p.read_bytes().startswith(b"#!/bin/sh")]


def test_a_passphrase_key_backs_up_over_sftp_with_the_built_app_as_askpass(sshd, tmp_path, monkeypatch):
    calls = tmp_path / "askpass-calls.txt"
    gui = built_app(tmp_path / "app", calls)
    monkeypatch.setattr(askpass, "running", lambda: (True, str(gui)))
    repo = new_repo(tmp_path / "server" / "repo")
    address = sftp.parse_sftp(sshd.url(repo))
    learned, lines = sftp.learn_host_key(address, sshd.passphrase_key, passphrase=sshd.passphrase, timeout=20)
    assert learned.returncode == 0, learned.lines
    known = sftp.pin(address, lines, tmp_path / "known_hosts")
    data = tmp_path / "Daten"
    data.mkdir()
    (data / "Akte Müller.txt").write_bytes(b"Vertrag " * 1000)
    restic = sftp.SftpRestic(address.repo, PASSWORD, address=address, key=sshd.passphrase_key, known_hosts=known,
                             passphrase=sshd.passphrase, cache_dir=tmp_path / "cache")
    summary = restic.backup(data, ["."], host="kanzlei")
    assert summary.snapshot_id and summary.files_new == 1
    assert [s.id[:8] for s in restic.snapshots()] == [summary.snapshot_id[:8]]
    asked = [json.loads(line) for line in calls.read_text().splitlines()]
    assert asked and all(marked == "1" and "passphrase" in prompt[0].lower() for prompt, marked in asked)
    # a wrong passphrase in the environment: ssh gets it from the same program and the login fails
    wrong = sftp.SftpRestic(address.repo, PASSWORD, address=address, key=sshd.passphrase_key, known_hosts=known,
                            passphrase="falsch", cache_dir=tmp_path / "cache")
    with pytest.raises(ResticError) as refused:
        wrong.snapshots()
    assert refused.value.code == "offsite.key_refused"


@pytest.mark.parametrize("module", ["tsbackup_gui.cli", "tsbackup_gui"])
def test_both_entry_points_answer_as_askpass_before_anything_else(module, cli_env, tsbackup_home):
    import subprocess

    env = {**cli_env, "PYTHONPATH": str(WORKTREE), askpass.MARK: "1", askpass.PASSPHRASE_VAR: "Schloss Laupen 1324"}
    prompt = "Enter passphrase for key '/home/kanzlei/.ssh/id_ed25519': "
    said = subprocess.run([sys.executable, "-m", module, prompt], env=env, capture_output=True, timeout=120)
    assert (said.returncode, said.stdout, said.stderr) == (0, b"Schloss Laupen 1324\n", b"")
    env.pop(askpass.PASSPHRASE_VAR)
    refused = subprocess.run([sys.executable, "-m", module, prompt], env=env, capture_output=True, timeout=120)
    assert (refused.returncode, refused.stdout) == (1, b"")
    assert not tsbackup_home.exists()  # no log, no state: it only answered
