"""Real servers for the remote off-site tests: OpenSSH's sshd and moto's S3 server on 127.0.0.1.

Not a conftest pytest loads by itself: test modules import the fixtures they
need (``from conftest_remote import sshd, moto``), so each module starts its
server once and stops it at its end. Both run as child processes of the test
run on a free high port; nothing listens beyond 127.0.0.1.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

SSHD = "/usr/sbin/sshd"


from ports import closed_port, held_port  # noqa: E402,F401 - closed_port for the test modules


def wait_for_port(port: int, proc: subprocess.Popen, log: Path | None = None, limit: float = 20.0) -> None:
    """A tiny bounded poll until the server accepts connections."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server ended with {proc.returncode}: {log.read_text() if log and log.exists() else ''}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"server on port {port} did not start")


def keygen(path: Path, comment: str, passphrase: str = "") -> Path:
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", passphrase, "-f", str(path), "-C", comment],
                   check=True, stdin=subprocess.DEVNULL, capture_output=True)
    return path


def ssh_keygen_fingerprint(public_key: Path) -> str:
    """``SHA256:… (ED25519)`` as ``ssh-keygen -lf`` prints it."""
    out = subprocess.run(["ssh-keygen", "-lf", str(public_key)], check=True, capture_output=True, text=True).stdout.split()
    return f"{out[1]} {out[-1]}"


@dataclass
class Sshd:
    """One sshd on 127.0.0.1:port that lets root in with ``user_key`` or ``passphrase_key``."""

    root: Path
    port: int
    host_key: Path
    user_key: Path
    passphrase_key: Path
    stranger_key: Path  # not authorized
    passphrase: str = "Schloss Laupen 1324"
    proc: subprocess.Popen | None = None
    config: Path = field(init=False)

    def __post_init__(self):
        self.config = self.root / "sshd_config"

    @property
    def log(self) -> Path:
        return self.root / "sshd.log"

    def write_config(self, host_key: Path) -> None:
        self.config.write_text(
            f"Port {self.port}\nListenAddress 127.0.0.1\nHostKey {host_key}\n"
            f"AuthorizedKeysFile {self.root / 'authorized_keys'}\nPidFile {self.root / 'sshd.pid'}\n"
            "UsePAM no\nStrictModes no\nPermitRootLogin prohibit-password\nPasswordAuthentication no\n"
            "KbdInteractiveAuthentication no\nSubsystem sftp internal-sftp\nMaxStartups 50\n",
            encoding="utf-8",
        )

    def start(self, host_key: Path | None = None) -> None:
        self.write_config(host_key or self.host_key)
        Path("/run/sshd").mkdir(parents=True, exist_ok=True)
        self.proc = subprocess.Popen([SSHD, "-D", "-f", str(self.config), "-E", str(self.log)],
                                     stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_for_port(self.port, self.proc, self.log)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(timeout=10)
        self.proc = None

    def restart(self, host_key: Path | None = None) -> None:
        self.stop()
        holder = socket.socket()  # the port stays ours between the old sshd's end and the new one's start
        holder.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        holder.bind(("127.0.0.1", self.port))
        try:
            self.start(host_key)
        finally:
            holder.close()

    def url(self, path: Path | str) -> str:
        return f"sftp://root@127.0.0.1:{self.port}/{path}"


@pytest.fixture(scope="module")
def sshd(tmp_path_factory):
    if not os.path.exists(SSHD):
        raise RuntimeError("openssh-server is not installed (apt-get install openssh-server)")
    root = tmp_path_factory.mktemp("sshd")
    with held_port() as port:  # ours until sshd listens on it
        server = Sshd(
            root=root, port=port, host_key=keygen(root / "host_key", "host"),
            user_key=keygen(root / "id_kanzlei", "kanzlei"), passphrase_key=Path(), stranger_key=keygen(root / "id_other", "other"),
        )
        server.passphrase_key = keygen(root / "id_locked", "locked", server.passphrase)
        (root / "authorized_keys").write_text(
            (root / "id_kanzlei.pub").read_text() + (root / "id_locked.pub").read_text(), encoding="utf-8")
        server.start()
    yield server
    server.stop()


@dataclass
class Moto:
    port: int
    proc: subprocess.Popen

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def client(self):
        import boto3

        return boto3.client("s3", endpoint_url=self.endpoint, aws_access_key_id=ACCESS_KEY,
                            aws_secret_access_key=SECRET_KEY, region_name="us-east-1")

    def upload_folder(self, folder: Path, bucket: str, prefix: str) -> None:
        """Puts a local restic repository into the bucket (a copy of the test template: no slow init)."""
        client = self.client()
        try:
            client.create_bucket(Bucket=bucket)
        except client.exceptions.BucketAlreadyOwnedByYou:
            pass
        for path in folder.rglob("*"):
            if path.is_file():
                client.put_object(Bucket=bucket, Key=f"{prefix}/{path.relative_to(folder).as_posix()}",
                                  Body=path.read_bytes())

    def keys(self, bucket: str) -> list[str]:
        found = self.client().list_objects_v2(Bucket=bucket).get("Contents") or []
        return [item["Key"] for item in found]


ACCESS_KEY = "AKIAKANZLEIMUELLER01"
SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYKANZLEI42"


@pytest.fixture(scope="module")
def moto(tmp_path_factory):
    log = tmp_path_factory.mktemp("moto") / "moto.log"
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    with held_port() as port, open(log, "wb") as sink:  # the port stays ours until moto listens on it
        proc = subprocess.Popen([sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)], env=env,
                                stdin=subprocess.DEVNULL, stdout=sink, stderr=subprocess.STDOUT)
        try:
            wait_for_port(port, proc, log, limit=60)
        except BaseException:
            proc.kill()
            raise
    try:
        yield Moto(port, proc)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


def recording_restic(folder: Path) -> tuple[Path, Path]:
    """A restic wrapper that writes each call's /proc/self/cmdline and environment, then runs the real restic.

    Returns (wrapper, record folder); point ``TSBACKUP_RESTIC`` at the wrapper.
    """
    real = shutil.which("restic")
    records = folder / "calls"
    records.mkdir(parents=True)
    wrapper = folder / "restic"
    wrapper.write_text(
        "#!/bin/sh\n"
        f'n="{records}/$$"\n'
        'cat /proc/$$/cmdline > "$n.argv"\n'
        'cat /proc/$$/environ > "$n.env"\n'
        f'exec "{real}" "$@"\n',
        encoding="utf-8",
    )
    wrapper.chmod(0o755)
    return wrapper, records


def recorded(records: Path) -> tuple[list[list[str]], list[dict[str, str]]]:
    """(argv of each call, environment of each call), from `recording_restic`."""
    argvs, envs = [], []
    for argv_file in sorted(records.glob("*.argv")):
        argvs.append([part.decode() for part in argv_file.read_bytes().split(b"\0") if part])
        env = {}
        for item in argv_file.with_suffix(".env").read_bytes().split(b"\0"):
            if b"=" in item:
                key, _, value = item.partition(b"=")
                env[key.decode()] = value.decode(errors="replace")
        envs.append(env)
    return argvs, envs
