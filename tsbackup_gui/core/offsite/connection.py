"""The connection test: can this computer reach the off-site target, write there, and open the repository?

Used by the setup wizard (before anything is stored) and by
``tsbackup setup … --test-only``. It writes nothing of ours: no
configuration, no keyring entry, not even our known_hosts file (an SFTP host
key seen for the first time goes into a scratch file; its fingerprint comes
back for the user to compare). A probe file or folder made to prove write
access is removed again.

Order of the steps, so the answer names the first thing that is wrong:
the address form (the caller parsed it), the network (name, port, answer),
for SFTP the host key and the login key, then restic itself (``cat config``,
which locks the repository and so proves write access for an existing one),
and for a new repository a write probe where one is possible without
creating the repository (folders and SFTP; S3 and REST servers only show
that at the first ``restic init``).

Answers are one plain sentence each; ``exit_code`` maps them to the CLI
contract: 0 works, 1 not reachable, 2 wrong form, wrong password or anything
else the user must change.
"""

from __future__ import annotations

import errno
import logging
import os
import secrets as secrets_mod
import socket
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping

from tsbackup_gui.core.errors import Exit, UserError
from tsbackup_gui.core.messages import QT_TRANSLATE_NOOP, Message, define
from tsbackup_gui.core.restic.driver import Restic
from tsbackup_gui.core.restic.errors import ResticError, display_repo
from tsbackup_gui.core.offsite.upload import PASSWORD_SECRET
from tsbackup_gui.core.offsite.targets import (SUBFOLDER_NAME, TOP_OF_DRIVE, endpoint, is_top_of_drive, kind_of_secondary,
                                              open_target, parse_secondary)
from tsbackup_gui.core.offsite import sftp as targets_sftp
from tsbackup_gui.core.offsite.s3 import NEED_KEYS
from tsbackup_gui.core.offsite.sftp_keys import check_key, default_key_path, generate_ssh_key
from tsbackup_gui.core.offsite.sftp_write_test import probe_write

log = logging.getLogger(__name__)

OK_OPENS = define("connection.ok", QT_TRANSLATE_NOOP("core", "The connection works and the repository opens."))
OK_NEW = define(
    "connection.ok_new",
    QT_TRANSLATE_NOOP("core", "The connection works. No off-site backup exists there yet: a new one will be created."),
)
NEW_BACKUP_QUESTION = define(
    "connection.new_backup_question",
    QT_TRANSLATE_NOOP(
        "core",
        "No off-site backup exists at {repo} yet. Create a new one there? If you meant an existing off-site backup, "
        "check the address: a typing error would create a new, empty one.",
    ),
)
OK_NEW_BUCKET = define(
    "connection.ok_new_bucket",
    QT_TRANSLATE_NOOP(
        "core",
        "The connection works. The bucket {bucket} does not exist yet: it will be created, with a new off-site "
        "backup in it.",
    ),
)
NEEDS_PASSWORD = define(
    "connection.needs_password",
    QT_TRANSLATE_NOOP(
        "core",
        "The connection works, and there is a repository there already: give its password (it is on the recovery "
        "sheet) to use it.",
    ),
)
WRONG_PASSWORD = define(
    "connection.wrong_password",
    QT_TRANSLATE_NOOP(
        "core",
        "The connection works, but the password does not open the repository at {repo}. Give the password from the "
        "recovery sheet.",
    ),
)
EXTERNAL = define(
    "connection.external",
    QT_TRANSLATE_NOOP("core", "Nothing to test: the off-site copy is made outside this program."),
)
HOST_UNKNOWN = define(
    "connection.host_unknown",
    QT_TRANSLATE_NOOP(
        "core",
        "The server name {host} cannot be found. Check its spelling, and that this computer is connected to the "
        "internet (or the VPN).",
    ),
)
PORT_CLOSED = define(
    "connection.port_closed",
    QT_TRANSLATE_NOOP(
        "core",
        "{host} refuses connections on port {port}: the port is closed. Check the port number and that the server "
        "program is running.",
    ),
)
NO_ANSWER = define(
    "connection.no_answer",
    QT_TRANSLATE_NOOP(
        "core",
        "The server {host} does not answer on port {port} ({detail}). Check the address, the VPN and the firewall.",
    ),
)
TIMEOUT = define(
    "connection.timeout",
    QT_TRANSLATE_NOOP(
        "core",
        "The off-site target at {repo} did not answer within {seconds} seconds. Check the network connection and try "
        "again.",
    ),
)
KEY_REFUSED = define(
    "connection.key_refused",
    QT_TRANSLATE_NOOP(
        "core",
        "The server {host} refused the SSH key {key}. Ask whoever runs it (your IT partner) to allow the public key "
        "{public} for the user {user}.",
    ),
)
HOST_KEY_CHANGED = define(
    "connection.host_key_changed",
    QT_TRANSLATE_NOOP(
        "core",
        "The off-site server's identity changed: {host} now shows the host key {fingerprint}, not the one confirmed "
        "before. Ask whoever runs the server whether it was reinstalled before you trust it.",
    ),
)
NOT_WRITABLE = define(
    "connection.not_writable",
    QT_TRANSLATE_NOOP(
        "core",
        "The connection works, but nothing can be written at {repo}. Ask whoever runs the server for write access "
        "there, or choose another folder.",
    ),
)
FOLDER_MISSING = define(
    "connection.folder_missing",
    QT_TRANSLATE_NOOP(
        "core",
        "The folder {parent} does not exist, so nothing can be stored at {repo}. Connect the drive or network share, "
        "or create the folder.",
    ),
)
FOLDER_NOT_WRITABLE = define(
    "connection.folder_not_writable",
    QT_TRANSLATE_NOOP("core", "This computer cannot write to {folder} ({reason}). Choose a folder you may write to."),
)
FOLDER_IS_FILE = define(
    "connection.folder_is_file",
    QT_TRANSLATE_NOOP("core", "{repo} is a file, not a folder. Name a folder for the off-site backup."),
)
FOLDER_NOT_EMPTY = define(
    "connection.folder_not_empty",
    QT_TRANSLATE_NOOP(
        "core",
        "The folder {repo} holds other files and no off-site backup. Name a new or empty folder for the off-site backup.",
    ),
)
FAILED = define("connection.failed", QT_TRANSLATE_NOOP("core", "The connection test failed: {reason}"))

#: Codes that mean "not reachable" (exit 1); every other failure is something to change (exit 2).
UNREACHABLE_CODES = frozenset({
    HOST_UNKNOWN.id, PORT_CLOSED.id, NO_ANSWER.id, TIMEOUT.id, FOLDER_MISSING.id, "offsite.unreachable",
    "offsite.locked",
})
_PROXY_VARS = ("HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy")


@dataclass(frozen=True)
class ConnectionResult:
    ok: bool
    message: Message
    code: str
    fingerprint: str | None = None  # SFTP: the server's host key as the user may compare it
    repository_exists: bool | None = None  # None: not known (not reached, or nothing to open)

    @property
    def exit_code(self) -> int:
        """`tsbackup setup --test-only`: 0 works, 1 not reachable, 2 something to change."""
        if self.ok:
            return Exit.OK
        return Exit.WARNING if self.code in UNREACHABLE_CODES else Exit.USAGE


def new_backup_question(target: str) -> Message:
    """What the wizard asks before setup creates a new off-site backup at `target` (shown without secrets)."""
    return NEW_BACKUP_QUESTION(repo=display_repo(target))


def _result(ok: bool, message: Message, **kwargs: Any) -> ConnectionResult:
    return ConnectionResult(ok, message, message.id, **kwargs)


def test_connection(secondary: dict, secrets: Mapping[str, str] | None = None, *, password: str | None = None,
                    timeout: float = 20.0) -> ConnectionResult:
    """Reaches the target, checks write access and, for an existing repository, the password.

    ``secondary`` is a ``config.secondary`` dict (`targets.parse_secondary`);
    ``secrets`` the backend's secrets by keyring name (S3 keys, REST login,
    SSH key passphrase) and optionally the repository password, which
    ``password`` overrides. Raises only `UserError` for a dict that is not a
    valid target; everything about the target itself is the answer.
    """
    secrets = dict(secrets or {})
    password = password if password is not None else secrets.get(PASSWORD_SECRET)
    kind = kind_of_secondary(secondary)
    if kind == "external":
        return _result(True, EXTERNAL())
    with tempfile.TemporaryDirectory(prefix="tsbackup-test-") as scratch:  # restic's cache, ssh's known_hosts
        if kind == "folder":
            return _test_folder(secondary, password, timeout, Path(scratch))
        if kind == "sftp":  # the key is this computer's business: named before the network is asked
            try:
                check_key(Path(str(secondary.get("ssh_key") or "")), secrets.get(targets_sftp.PASSPHRASE_SECRET))
            except UserError as error:
                return _result(False, error.message)
        where = endpoint(secondary)
        if where is not None and not (kind in ("s3", "rest") and any(os.environ.get(v) for v in _PROXY_VARS)):
            problem = _reach(*where, timeout=timeout)
            if problem is not None:
                return problem
        if kind == "sftp":
            return _test_sftp(secondary, secrets, password, timeout, Path(scratch))
        if kind == "s3" and not _has_s3_keys(secrets):
            return _result(False, NEED_KEYS())
        restic = open_target(secondary, password or _dummy(), secrets, cache_dir=Path(scratch) / "cache")
        return _open(restic, secondary, password, timeout)


test_connection.__test__ = False  # type: ignore[attr-defined]  # not a pytest test, whatever its name


# -- the steps -------------------------------------------------------------------------------


def _reach(host: str, port: int, *, timeout: float) -> ConnectionResult | None:
    """None when something accepts a TCP connection at host:port; else the sentence why not."""
    try:
        with socket.create_connection((host, port), timeout=min(timeout, 15.0)):
            return None
    except socket.gaierror:
        return _result(False, HOST_UNKNOWN(host=host))
    except ConnectionRefusedError:
        return _result(False, PORT_CLOSED(host=host, port=port))
    except socket.timeout:
        return _result(False, NO_ANSWER(host=host, port=port, detail=os.strerror(errno.ETIMEDOUT)))
    except OSError as exc:
        detail = os.strerror(exc.errno) if exc.errno else type(exc).__name__
        if exc.errno == errno.ECONNREFUSED:
            return _result(False, PORT_CLOSED(host=host, port=port))
        return _result(False, NO_ANSWER(host=host, port=port, detail=detail))


def _open(restic: Restic, secondary: Mapping[str, Any], password: str | None, timeout: float, *,
          fingerprint: str | None = None, on_new=None) -> ConnectionResult:
    """``cat config`` with the password (or a random one, when none is known) and what its outcome means."""
    repo = display_repo(str(secondary["repo"]))
    cancel = threading.Event()
    timer = threading.Timer(timeout, cancel.set)
    timer.daemon = True
    timer.start()
    try:
        restic.check_access(cancel=cancel)
    except ResticError as error:
        if cancel.is_set():
            return _result(False, TIMEOUT(repo=repo, seconds=int(timeout)), fingerprint=fingerprint)
        if error.code == "offsite.wrong_password":
            if password:
                return _result(False, WRONG_PASSWORD(repo=repo), fingerprint=fingerprint, repository_exists=True)
            return _result(True, NEEDS_PASSWORD(), fingerprint=fingerprint, repository_exists=True)
        if error.code == "offsite.no_repository":
            if on_new is not None:
                problem = on_new()
                if problem is not None:
                    return problem
            if "bucket does not exist" in (error.detail or "").lower():
                from tsbackup_gui.core.offsite.s3 import parse_s3

                bucket = parse_s3(str(secondary["repo"])).bucket
                return _result(True, OK_NEW_BUCKET(bucket=bucket), fingerprint=fingerprint, repository_exists=False)
            return _result(True, OK_NEW(), fingerprint=fingerprint, repository_exists=False)
        return _explain(error, secondary, fingerprint)
    finally:
        timer.cancel()
    if not password:  # a random password opened it: cannot happen, but never call that "opens"
        return _result(True, NEEDS_PASSWORD(), fingerprint=fingerprint, repository_exists=True)
    return _result(True, OK_OPENS(), fingerprint=fingerprint, repository_exists=True)


def _explain(error: ResticError, secondary: Mapping[str, Any], fingerprint: str | None) -> ConnectionResult:
    """restic's or ssh's failure as the connection test's sentence (its own where it says more)."""
    if error.code == "offsite.key_refused" and kind_of_secondary(secondary) == "sftp":
        return _key_refused(secondary, fingerprint)
    if error.code in ("offsite.unreachable", "offsite.locked", "offsite.failed", "offsite.access_denied",
                      "offsite.host_key_changed", "offsite.host_key_unknown", "offsite.key_passphrase"):
        return ConnectionResult(False, error.message, error.code, fingerprint=fingerprint)
    return _result(False, FAILED(reason=error.message), fingerprint=fingerprint)


def _key_refused(secondary: Mapping[str, Any], fingerprint: str | None) -> ConnectionResult:
    address = targets_sftp.parse_sftp(str(secondary["repo"]))
    key = str(secondary.get("ssh_key") or "")
    return _result(False, KEY_REFUSED(host=address.host, key=key, public=key + ".pub", user=address.user or "?"),
                   fingerprint=fingerprint)


def _test_folder(secondary: Mapping[str, Any], password: str | None, timeout: float, scratch: Path) -> ConnectionResult:
    path = Path(str(secondary["repo"]))
    repo = display_repo(str(path))
    if path.exists() and not path.is_dir():
        return _result(False, FOLDER_IS_FILE(repo=repo))
    if not path.parent.is_dir():
        return _result(False, FOLDER_MISSING(parent=str(path.parent), repo=repo))
    if is_top_of_drive(path):
        return _result(False, TOP_OF_DRIVE(repo=str(path), example=str(path / SUBFOLDER_NAME)))
    probe_in = path if path.is_dir() else path.parent
    try:
        fd, probe = tempfile.mkstemp(prefix=".tsbackup-write-test-", dir=probe_in)
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        return _result(False, FOLDER_NOT_WRITABLE(folder=str(probe_in), reason=exc.strerror or type(exc).__name__))

    def new_folder() -> ConnectionResult | None:
        if path.is_dir() and any(path.iterdir()):
            return _result(False, FOLDER_NOT_EMPTY(repo=repo), repository_exists=False)
        return None

    if not path.exists():
        return _result(True, OK_NEW(), repository_exists=False)
    restic = open_target(secondary, password or _dummy(), cache_dir=scratch / "cache")
    return _open(restic, secondary, password, timeout, on_new=new_folder)


def _test_sftp(secondary: Mapping[str, Any], secrets: Mapping[str, str], password: str | None, timeout: float,
               scratch: Path) -> ConnectionResult:
    """Host key (against the pinned one, or learned into a scratch file), login key, then restic over the same."""
    address = targets_sftp.parse_sftp(str(secondary["repo"]))
    key = Path(str(secondary.get("ssh_key") or ""))
    passphrase = secrets.get(targets_sftp.PASSPHRASE_SECRET)
    pinned = [str(line) for line in secondary.get("host_keys") or ()] or _pinned_here(address)
    answer, lines = targets_sftp.learn_host_key(address, key, passphrase=passphrase, timeout=timeout, pinned=pinned)
    seen = lines or pinned
    fingerprint = targets_sftp.fingerprint(seen)
    error = answer.error(address.repo)
    if error is not None and error.code == "offsite.host_key_changed":
        _answer, now_shown = targets_sftp.learn_host_key(address, key, passphrase=passphrase, timeout=timeout)
        shown = targets_sftp.fingerprint(now_shown) or "?"
        return _result(False, HOST_KEY_CHANGED(host=address.host, fingerprint=shown), fingerprint=shown)
    if error is not None:
        return _explain(error, secondary, fingerprint)
    hosts = scratch / targets_sftp.KNOWN_HOSTS_NAME
    hosts.write_text("".join(f"{line}\n" for line in seen), encoding="utf-8")
    restic = targets_sftp.SftpRestic(str(secondary["repo"]), password or _dummy(), address=address, key=key,
                                     known_hosts=hosts, passphrase=passphrase, timeout=timeout,
                                     cache_dir=scratch / "cache")

    def new_repository() -> ConnectionResult | None:
        if probe_write(address, key, hosts, passphrase=passphrase, timeout=timeout):
            return None
        return _result(False, NOT_WRITABLE(repo=display_repo(address.repo)), fingerprint=fingerprint,
                       repository_exists=False)

    return _open(restic, secondary, password, timeout, fingerprint=fingerprint, on_new=new_repository)


def _has_s3_keys(secrets: Mapping[str, str]) -> bool:
    from tsbackup_gui.core.offsite.s3 import KEY_VARIABLES

    return all(secrets.get(name) for name, _variable in KEY_VARIABLES)


def _pinned_here(address: targets_sftp.SftpAddress) -> list[str]:
    try:
        text = targets_sftp.known_hosts_file().read_text(encoding="utf-8")
    except OSError:
        return []
    return targets_sftp.host_lines(text, address.host_id)


def _dummy() -> str:
    """A password nobody has: tells "a repository is there" from "none is there" without knowing its password."""
    return "tsbackup-connection-test-" + secrets_mod.token_urlsafe(24)


__all__ = ["ConnectionResult", "test_connection", "parse_secondary", "generate_ssh_key", "default_key_path"]
