"""Secrets never leak: the repository password, the S3 secret key, the SSH key passphrase and the SMTP
password are absent from every child's argv (all of /proc, sampled while restic and ssh run), the
settings, the logs, the history, error texts, `tsbackup status --json` and the diagnostics bundle.

Real servers: a local folder repository, moto's S3 server and OpenSSH's sshd on 127.0.0.1.
"""

from __future__ import annotations

import base64
import os
import subprocess
import sys
import threading
import urllib.parse
import zipfile
from pathlib import Path

import pytest

from conftest_remote import ACCESS_KEY, SECRET_KEY, closed_port, moto, sshd  # noqa: F401 - fixtures

from .conftest import mount_tmpfs, unmount
from .world import World, lines_of, summary_of

pytestmark = pytest.mark.xdist_group("servers-secrets")  # with -n: one worker starts this module's sshd and moto once

REPO_PASSWORD = "Repo-Geheimnis-Kanzlei-4711"
WRONG_PASSWORD = "Falsch-Geheimnis-0815"
SMTP_PASSWORD = "Smtp-Geheimnis-Bern-2026"


class ArgvWatch:
    """Reads the /proc/<pid>/cmdline of every process this test started (its descendants) over and
    over while a command runs. Only ours: another test run on the machine may hold the same test
    secrets in its own helpers' argv."""

    def __init__(self):
        self.seen: set[bytes] = set()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)

    def __enter__(self) -> "ArgvWatch":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join(timeout=10)

    def _loop(self) -> None:
        own = os.getpid()
        while not self._stop.is_set():
            parents: dict[int, int] = {}
            argvs: dict[int, bytes] = {}
            for pid in os.listdir("/proc"):
                if pid.isdigit():
                    try:
                        with open(f"/proc/{pid}/cmdline", "rb") as handle:
                            argvs[int(pid)] = handle.read()
                        with open(f"/proc/{pid}/stat", "rb") as handle:
                            parents[int(pid)] = int(handle.read().rsplit(b")", 1)[1].split()[1])
                    except (OSError, ValueError, IndexError):
                        pass
            for pid, argv in argvs.items():
                ancestor, hops = parents.get(pid), 0
                while ancestor not in (None, 0, 1, own) and hops < 64:
                    ancestor, hops = parents.get(ancestor), hops + 1
                if ancestor == own:
                    self.seen.add(argv)
            self._stop.wait(0.002)

    def programs(self) -> set[str]:
        return {Path(argv.split(b"\0")[0].decode(errors="replace")).name for argv in self.seen if argv}


def needles(secret: str) -> list[bytes]:
    """The secret as it is, base64 (as keyrings.alt and SMTP AUTH write it) and URL-quoted."""
    raw = secret.encode()
    return [raw, base64.b64encode(raw), urllib.parse.quote(secret, safe="").encode()]


def assert_nowhere(secrets: list[str], *, world: World, texts: list[str], watch: ArgvWatch | None = None) -> None:
    """Not in argv, nor any file under TSBACKUP_HOME (settings, logs, history, caches, known_hosts),
    nor the given outputs, nor `status --json`, nor the diagnostics bundle."""
    status = world.cli("status", "--json")
    bundle = world.root / f"diagnostics-{len(list(world.root.glob('diagnostics-*')))}.zip"
    made = world.cli("diagnostics", "--to", bundle)
    assert made.returncode == 0, made.stdout + made.stderr
    with zipfile.ZipFile(bundle) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    assert {"config.json", "status.json", "history.json"} <= set(members), sorted(members)
    files = {str(p): p.read_bytes() for p in world.home.rglob("*") if p.is_file()}
    assert any("tsbackup.log" in name for name in files)  # the log is among what is searched
    outputs = [t.encode() for t in [*texts, status.stdout, status.stderr, made.stdout, made.stderr]]
    for secret in secrets:
        for needle in needles(secret):
            assert [name for name, data in files.items() if needle in data] == [], secret
            assert [name for name, data in members.items() if needle in data] == [], secret
            assert not any(needle in text for text in outputs), secret
            if watch is not None:
                assert not any(needle in argv for argv in watch.seen), secret


@pytest.fixture
def drive_world(tmp_path):
    world = World(tmp_path)
    mount_tmpfs(world.drive, "32m")
    yield world
    unmount(world.drive)


def keyring_set(world: World, name: str, value: str) -> None:
    entry = f"{world.config()['setup_id']}:{name}"
    code = f"import keyring, sys; keyring.set_password('tsbackup', {entry!r}, sys.stdin.read())"
    subprocess.run([sys.executable, "-c", code], env=world.environment(), input=value, text=True, check=True)


def test_repository_and_smtp_passwords_stay_secret_even_in_errors(drive_world):
    world = drive_world
    repo = world.root / "nas" / "tsbackup"
    repo.parent.mkdir()
    smtp = ("--smtp", f"127.0.0.1:{closed_port()}", "--smtp-security", "starttls", "--smtp-user", "kanzlei",
            "--mail-to", "it@example.ch")
    setup = world.setup("--secondary", repo, "--password-stdin", *smtp, input=REPO_PASSWORD + "\n",
                        env={"TSBACKUP_SMTP_PASSWORD": SMTP_PASSWORD})
    assert "smtp-password" in keyring_names(world)

    with ArgvWatch() as watch:
        good = world.cli("run", "--json")
    assert good.returncode in (0, 1), good.stdout + good.stderr
    assert summary_of(good)["offsite"]["snapshot"]
    assert "restic" in watch.programs()  # the watch saw restic while it ran

    keyring_set(world, "repo-password", WRONG_PASSWORD)  # an error that is about the password itself
    with ArgvWatch() as wrong_watch:
        wrong = world.cli("run", "--json")
    assert wrong.returncode == 1 and "offsite.wrong_password" in good.stdout + wrong.stdout
    assert any("is wrong" in line for line in lines_of(wrong))
    watch.seen |= wrong_watch.seen

    # a failed run (the drive's marker is gone): the failure report goes out by mail to a server that is down
    marker = world.folder / ".tsbackup-target"
    saved = marker.read_bytes()
    marker.unlink()
    with ArgvWatch() as failed_watch:
        failed = world.cli("run", "--json")
    marker.write_bytes(saved)
    assert failed.returncode == 4, failed.stdout + failed.stderr
    watch.seen |= failed_watch.seen
    # the SMTP login tested against a server that is down: the error names the server, never the password
    tested = world.cli("setup", "--source", world.source, "--primary", world.drive, "--computer", world.computer,
                       "--test-only", *smtp, env={"TSBACKUP_SMTP_PASSWORD": SMTP_PASSWORD})
    assert tested.returncode != 0 and tested.stderr.strip(), tested.stdout + tested.stderr
    assert "Traceback" not in tested.stderr

    assert_nowhere([REPO_PASSWORD, WRONG_PASSWORD, SMTP_PASSWORD], world=world, watch=watch,
                   texts=[setup.stdout, setup.stderr, good.stdout, good.stderr, wrong.stdout, wrong.stderr,
                          failed.stdout, failed.stderr, tested.stdout, tested.stderr])


def keyring_names(world: World) -> list[str]:
    code = ("import keyring, sys; b = keyring.get_keyring(); "
            "print('\\n'.join(n for n in ('repo-password', 'smtp-password') "
            f"if b.get_password('tsbackup', '{world.config()['setup_id']}:' + n)))")
    return subprocess.run([sys.executable, "-c", code], env=world.environment(), capture_output=True, text=True,
                          check=True).stdout.split()


def test_the_s3_secret_key_stays_secret(drive_world, moto):
    world = drive_world
    repo = f"s3:{moto.endpoint}/kanzlei-geheim/tsbackup"
    keys = {"AWS_ACCESS_KEY_ID": ACCESS_KEY, "AWS_SECRET_ACCESS_KEY": SECRET_KEY}
    setup = world.setup("--secondary", repo, "--password-stdin", input=REPO_PASSWORD + "\n", env=keys)

    with ArgvWatch() as watch:
        run = world.cli("run", "--json")  # the keys come from the keyring now
    assert run.returncode == 0, run.stdout + run.stderr
    assert summary_of(run)["offsite"]["snapshot"] and "restic" in watch.programs()

    assert_nowhere([REPO_PASSWORD, SECRET_KEY], world=world, watch=watch,
                   texts=[setup.stdout, setup.stderr, run.stdout, run.stderr])


def test_the_ssh_key_passphrase_stays_secret(drive_world, sshd):
    world = drive_world
    repo = world.root / "server" / "tsbackup"
    setup = world.setup("--secondary", sshd.url(repo), "--ssh-key", sshd.passphrase_key, "--password-stdin",
                        input=REPO_PASSWORD + "\n", env={"TSBACKUP_SSH_PASSPHRASE": sshd.passphrase})

    with ArgvWatch() as watch:
        run = world.cli("run", "--json")  # the passphrase comes from the keyring now
    assert run.returncode == 0, run.stdout + run.stderr
    assert summary_of(run)["offsite"]["snapshot"]
    assert {"restic", "ssh"} <= watch.programs(), watch.programs()

    assert_nowhere([REPO_PASSWORD, sshd.passphrase], world=world, watch=watch,
                   texts=[setup.stdout, setup.stderr, run.stdout, run.stderr])
