"""SFTP off-site targets: the address, the ssh command restic runs, the pinned host key.

restic 0.14 has no ``sftp.args``; a custom port or key needs the whole ssh
command in ``-o sftp.command=…``. That command line (key path, port, our
known_hosts file) is in restic's argv, which is fine: it holds no secret.
There is never a password: SFTP logins are by key only, and a key's
passphrase (if any) reaches ssh through the child's environment and our own
program as ``SSH_ASKPASS`` (`offsite.askpass`; no script on any OS).

The server's host key is pinned on first use: setup connects once with
``StrictHostKeyChecking=accept-new`` into a scratch known_hosts file, keeps the
key lines in the configuration (``host_keys``) and its fingerprint
(``host_key``), and every later connection checks strictly against our own
known_hosts file under the state folder, rebuilt from the configuration when
needed. ``-F none`` keeps the user's and the system's ssh settings out, so a
run behaves the same for the tray and the scheduled task.

restic prints ssh's complaints as ``subprocess ssh: …`` but may exit before
it has read them; `SftpRestic` then asks ssh itself once more (`connect`), so
a changed host key or a refused key is named, not just "EOF".

Keys (checking one, making one for the wizard) are `targets_sftp_keys`; the
write probe for a repository not made yet is `targets_sftp_probe`.
"""

from __future__ import annotations

import base64
import hashlib
import logging
import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping, Sequence
from urllib.parse import unquote

from tsbackup_gui.core import children
from tsbackup_gui.core.errors import Exit, UserError
from tsbackup_gui.core.messages import QT_TRANSLATE_NOOP, define
from tsbackup_gui.core.offsite import askpass
from tsbackup_gui.core.offsite.askpass import PASSPHRASE_VAR
from tsbackup_gui.core.places import places
from tsbackup_gui.core.restic.driver import Restic
from tsbackup_gui.core.restic.errors import ResticError, classify, digest_stderr

log = logging.getLogger(__name__)

DEFAULT_PORT = 22
PASSPHRASE_SECRET = "ssh-key-passphrase"  # keyring name
KNOWN_HOSTS_NAME = "known_hosts"
_SSH_PREFIX = "subprocess ssh: "

BAD_SFTP = define(
    "target.sftp_bad",
    QT_TRANSLATE_NOOP(
        "core",
        "'{value}' is not an SFTP address. Write it as sftp://user@server:port//absolute/path or sftp:user@server:/path.",
    ),
)
BAD_PORT = define(
    "target.bad_port",
    QT_TRANSLATE_NOOP("core", "'{value}' is not a port number. Give a number between 1 and 65535."),
)
NO_PASSWORD = define(
    "target.sftp_no_password",
    QT_TRANSLATE_NOOP(
        "core",
        "An SFTP server is reached with an SSH key, not a password: remove the password from the address and give the "
        "key with --ssh-key FILE; nothing was changed.",
    ),
)
NEED_KEY = define(
    "target.sftp_need_key",
    QT_TRANSLATE_NOOP(
        "core",
        "An SFTP server is reached with an SSH key: give the private key file with --ssh-key FILE (passwords are not "
        "supported).",
    ),
)
KEY_MISSING = define(
    "target.ssh_key_missing",
    QT_TRANSLATE_NOOP("core", "The SSH key file {path} does not exist. Give the private key file with --ssh-key."),
)
NO_SSH = define(
    "target.no_ssh",
    QT_TRANSLATE_NOOP(
        "core",
        "The program {program} (OpenSSH) was not found, and it is needed for an SFTP off-site backup. Install the "
        "OpenSSH client and try again.",
    ),
)
ODD_PATH = define(
    "target.ssh_odd_path",
    QT_TRANSLATE_NOOP("core", "The path {path} contains a double quote, which the SSH connection cannot pass on. Use another folder."),
)


@dataclass(frozen=True)
class SftpAddress:
    """Where the repository lies: ``path`` absolute ("/srv/x") or relative to the login folder."""

    user: str | None
    host: str
    port: int
    path: str

    @property
    def repo(self) -> str:
        """The repository as restic (and a person restoring with restic alone) takes it."""
        login = f"{self.user}@" if self.user else ""
        host = f"[{self.host}]" if ":" in self.host else self.host
        if self.port == DEFAULT_PORT:
            return f"sftp:{login}{host}:{self.path}"
        path = self.path.replace("%", "%25").replace("?", "%3F").replace("#", "%23")  # the rest restic takes as it is
        return f"sftp://{login}{host}:{self.port}/{path}"

    @property
    def host_id(self) -> str:
        """The host's name in a known_hosts file."""
        return self.host if self.port == DEFAULT_PORT else f"[{self.host}]:{self.port}"


_URL = re.compile(r"^sftp://(?:(?P<user>[^@/:\s]+)@)?(?P<host>\[[0-9A-Fa-f:.]+\]|[^/:@\s\[\]]+)(?::(?P<port>[^/]*))?/(?P<path>.+)$")
_SCP = re.compile(r"^sftp:(?:(?P<user>[^@/:\s]+)@)?(?P<host>\[[0-9A-Fa-f:.]+\]|[^/:@\s\[\]]+):(?P<path>.+)$")


def parse_sftp(text: str) -> SftpAddress:
    """``sftp://user@host:port//abs/path``, ``sftp://user@host/rel``, ``sftp:user@host:/abs`` (restic's forms)."""
    value = text.strip()
    if re.match(r"^sftp:(?://)?[^@/]*:[^@]*@", value):  # user:password@ (a password may hold "/"): never repeated
        raise UserError(NO_PASSWORD(), Exit.USAGE)
    match = _URL.match(value)
    if match:
        port_text = match.group("port")
        path = unquote(match.group("path"))  # after the one slash that ends the host: "/abs" or "rel"
    else:
        match = _SCP.match(value)
        if not match or value.startswith("sftp://"):
            raise UserError(BAD_SFTP(value=text), Exit.USAGE)
        port_text, path = None, match.group("path")
    port = DEFAULT_PORT
    if port_text not in (None, ""):
        if not port_text.isdigit() or not 0 < int(port_text) < 65536:
            raise UserError(BAD_PORT(value=port_text), Exit.USAGE)
        port = int(port_text)
    host = match.group("host").strip("[]")
    path = path.rstrip("/") or "/"
    if not host or path in ("", "/") or "\x00" in path:
        raise UserError(BAD_SFTP(value=text), Exit.USAGE)
    return SftpAddress(match.group("user"), host, port, path)


# -- the ssh command ---------------------------------------------------------------------


def ssh_program(name: str = "ssh") -> str:
    found = shutil.which(name)
    if not found:
        raise UserError(NO_SSH(program=name), Exit.USAGE)
    return found


def known_hosts_file() -> Path:
    return places().state_dir / KNOWN_HOSTS_NAME


def _ssh_path(path: Path) -> str:
    """A path as ssh reads it in an option: forward slashes, ``%`` escaped (ssh expands %-tokens)."""
    text = Path(path).as_posix() if os.name == "nt" else str(path)
    if '"' in text:
        raise UserError(ODD_PATH(path=str(path)), Exit.USAGE)
    return text.replace("%", "%%")


def ssh_options(key: Path, known_hosts: Path, *, strict: str, passphrase: bool, timeout: float) -> list[str]:
    """The ssh options every connection uses (ssh, sftp and restic's ssh take the same ``-o`` list)."""
    hosts = _ssh_path(known_hosts)
    if re.search(r"\s", hosts):  # ssh splits this option's value at blanks; quotes keep it whole
        if "'" in hosts:
            raise UserError(ODD_PATH(path=str(known_hosts)), Exit.USAGE)
        hosts = f"'{hosts}'"
    return [
        "-F", "none", "-i", _ssh_path(key),
        "-o", "IdentitiesOnly=yes", "-o", "IdentityAgent=none",
        "-o", f"UserKnownHostsFile={hosts}",
        "-o", "GlobalKnownHostsFile=none", "-o", f"StrictHostKeyChecking={strict}", "-o", "HashKnownHosts=no",
        "-o", "PreferredAuthentications=publickey", "-o", f"BatchMode={'no' if passphrase else 'yes'}",
        "-o", f"ConnectTimeout={max(1, int(timeout))}", "-o", "ServerAliveInterval=15", "-o", "ServerAliveCountMax=4",
    ]


def ssh_command(address: SftpAddress, key: Path, known_hosts: Path, *, strict: str = "yes", passphrase: bool = False,
                timeout: float = 20.0) -> list[str]:
    """The ssh command that opens the SFTP subsystem on the server."""
    command = [ssh_program(), *ssh_options(key, known_hosts, strict=strict, passphrase=passphrase, timeout=timeout),
               "-p", str(address.port)]
    if address.user:
        command += ["-l", address.user]
    return [*command, address.host, "-s", "sftp"]


def restic_command_line(argv: Sequence[str]) -> str:
    """``argv`` as restic 0.14 splits ``sftp.command``: double quotes group, a backslash outside them splits."""
    words = []
    for word in argv:
        if '"' in word:
            raise UserError(ODD_PATH(path=word), Exit.USAGE)
        if word == "" or re.search(r"[\s'\\]", word):
            word = f'"{word}"'
        words.append(word)
    return " ".join(words)


def askpass_env(passphrase: str | None) -> tuple[dict[str, str], dict[str, str]]:
    """(secret env, plain env) for ssh to unlock a key with ``passphrase``; both empty without one.

    ``SSH_ASKPASS`` names our own program (`askpass.program`), which answers because ``TSBACKUP_ASKPASS=1``.
    """
    if not passphrase:
        return {}, {}
    plain = {"SSH_ASKPASS": askpass.program(), "SSH_ASKPASS_REQUIRE": "force", askpass.MARK: "1",
             "DISPLAY": os.environ.get("DISPLAY") or ":0"}  # OpenSSH before 8.4 asks only with a DISPLAY
    return {PASSPHRASE_VAR: passphrase}, plain


def child_env(extra: Mapping[str, str] = (), plain: Mapping[str, str] = ()) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("RESTIC_", "SSH_ASKPASS", PASSPHRASE_VAR, askpass.MARK))}
    env.update(plain)
    env.update(extra)
    env.setdefault("LC_ALL", "C")
    return env


# -- host keys ---------------------------------------------------------------------------


def host_lines(text: str, host_id: str) -> list[str]:
    """The known_hosts lines (plain, not hashed) that name ``host_id``."""
    found = []
    for line in text.splitlines():
        fields = line.split()
        if len(fields) >= 3 and not line.startswith("#") and host_id in fields[0].split(","):
            found.append(" ".join(fields[:3]))
    return found


def fingerprint(lines: Sequence[str]) -> str | None:
    """``SHA256:… (ED25519)`` of the first key, as ``ssh-keygen -lf`` shows it."""
    for line in lines:
        fields = line.split()
        try:
            blob = base64.b64decode(fields[2], validate=True)
        except (IndexError, ValueError):
            continue
        digest = base64.b64encode(hashlib.sha256(blob).digest()).decode().rstrip("=")
        kind = fields[1].removeprefix("ssh-").split("-")[0].upper()
        return f"SHA256:{digest} ({kind})"
    return None


def pin(address: SftpAddress, lines: Sequence[str], known_hosts: Path | None = None) -> Path:
    """Our known_hosts file holds exactly ``lines`` for this host (other hosts stay)."""
    known_hosts = known_hosts or known_hosts_file()
    try:
        text = known_hosts.read_text(encoding="utf-8")
    except FileNotFoundError:
        text = ""
    kept = [line for line in text.splitlines() if line.strip() and not host_lines(line, address.host_id)]
    wanted = [*kept, *lines]
    if wanted != text.splitlines():
        known_hosts.parent.mkdir(parents=True, exist_ok=True)
        scratch = known_hosts.with_name(known_hosts.name + ".tmp")
        scratch.write_text("".join(f"{line}\n" for line in wanted), encoding="utf-8")
        os.replace(scratch, known_hosts)
    return known_hosts


@dataclass
class SshAnswer:
    """What one ssh connection said: its exit code and stderr lines (as restic would show them)."""

    returncode: int
    lines: list[str]

    def error(self, repo: str) -> ResticError | None:
        """The plain error for a failed connection (None when it worked)."""
        if self.returncode == 0:
            return None
        return classify(self.returncode, digest_stderr([_SSH_PREFIX + line for line in self.lines] or ["ssh failed"]),
                        repo=repo)


def connect(address: SftpAddress, key: Path, known_hosts: Path, *, strict: str, passphrase: str | None,
            timeout: float) -> SshAnswer:
    """Opens the SFTP subsystem once and closes it (stdin is empty): proves host key, login and subsystem."""
    secret, plain = askpass_env(passphrase)
    argv = ssh_command(address, key, known_hosts, strict=strict, passphrase=bool(passphrase), timeout=timeout)
    try:
        done = children.run(argv, env=child_env(secret, plain), timeout=timeout + 10, start_new_session=True)
    except subprocess.TimeoutExpired:
        return SshAnswer(255, [f"ssh: connect to host {address.host} port {address.port}: Connection timed out"])
    return SshAnswer(done.returncode, [line for line in done.stderr.splitlines() if line.strip()])


def learn_host_key(address: SftpAddress, key: Path, *, passphrase: str | None, timeout: float,
                   pinned: Sequence[str] = ()) -> tuple[SshAnswer, list[str]]:
    """Connects with ``pinned`` as the only known key (none: accept what the server shows) in a scratch file.

    Returns ssh's answer and the host's key lines; nothing of ours is written.
    """
    with tempfile.TemporaryDirectory(prefix="tsbackup-ssh-") as scratch:
        hosts = Path(scratch) / KNOWN_HOSTS_NAME
        hosts.write_text("".join(f"{line}\n" for line in pinned), encoding="utf-8")
        answer = connect(address, key, hosts, strict="yes" if pinned else "accept-new", passphrase=passphrase,
                         timeout=timeout)
        lines = host_lines(hosts.read_text(encoding="utf-8"), address.host_id)
    return answer, lines


# -- restic --------------------------------------------------------------------------------


class SftpRestic(Restic):
    """restic over our ssh command; when restic only says "EOF", ssh is asked once what went wrong."""

    def __init__(self, repo: str, password: str, *, address: SftpAddress, key: Path, known_hosts: Path,
                 passphrase: str | None = None, timeout: float = 30.0, **kwargs: Any):
        self.address, self.key, self.known_hosts = address, Path(key), known_hosts
        self._passphrase = passphrase
        self._timeout = timeout
        secret, plain = askpass_env(passphrase)
        command = ssh_command(address, self.key, known_hosts, strict="yes", passphrase=bool(passphrase), timeout=timeout)
        super().__init__(repo, password, env_extra={**kwargs.pop("env_extra", {}), **secret},
                         env_plain={**kwargs.pop("env_plain", {}), **plain},
                         options=[*kwargs.pop("options", ()), "sftp.command=" + restic_command_line(command)], **kwargs)

    def _error(self, done):
        error = super()._error(done)
        if error.code in ("offsite.failed", "offsite.unreachable") and "sftp session" in (error.detail or "").lower():
            answer = connect(self.address, self.key, self.known_hosts, strict="yes", passphrase=self._passphrase,
                             timeout=self._timeout)
            better = answer.error(self.repo)
            if better is not None:
                log.info("ssh says: %s", better.detail)
                return better
        return error


def open_sftp(secondary: Mapping[str, Any], password: str, secrets: Mapping[str, str] | None, *,
              timeout: float = 30.0) -> SftpRestic:
    """The configured SFTP repository; the pinned host key from the configuration is put into our known_hosts."""
    address = parse_sftp(str(secondary["repo"]))
    key = secondary.get("ssh_key")
    if not key:
        raise UserError(NEED_KEY(), Exit.USAGE)
    if not Path(key).is_file():
        raise UserError(KEY_MISSING(path=str(key)), Exit.USAGE)
    known_hosts = known_hosts_file()
    lines = [str(line) for line in secondary.get("host_keys") or ()]
    if lines:
        pin(address, lines, known_hosts)
    passphrase = secrets.get(PASSPHRASE_SECRET) if secrets is not None else None
    return SftpRestic(str(secondary["repo"]), password, address=address, key=Path(key), known_hosts=known_hosts,
                      passphrase=passphrase, timeout=timeout)
