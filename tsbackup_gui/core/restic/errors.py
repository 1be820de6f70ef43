"""restic's failures as plain sentences, and the scrubbing that keeps secrets out of them.

restic 0.14 exits 1 for a wrong password, a missing repository and an
unreachable host alike; only its last stderr lines tell them apart. 0.17 adds
exit codes 10 (no repository), 11 (locked) and 12 (wrong password) and, with
``--json``, prints fatal errors as ``{"message_type": "exit_error"}``. Both
are read here, so the rest of the program sees one `ResticError` with a stable
message id (``code``) whatever restic version ran.

Every text that leaves this module passes `scrub` first: restic echoes
repository URLs (which may carry credentials) and we never want a password in
an exception text, a log line or a history row.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from tsbackup_gui.core.errors import Exit, UserError
from tsbackup_gui.core.messages import QT_TRANSLATE_NOOP, Message, define

RESTIC_NOT_FOUND = define(
    "restic.not_found",
    QT_TRANSLATE_NOOP(
        "core",
        "The program restic, which makes the off-site backup, was not found. Install it (Debian/Ubuntu: "
        "'apt install restic', macOS: 'brew install restic', Windows: install tsbackup again, it includes restic) "
        "and try again.",
    ),
)
RESTIC_TOO_OLD = define(
    "restic.too_old",
    QT_TRANSLATE_NOOP("core", "restic {version} at {path} is too old; version {minimum} or newer is needed. Update restic and try again."),
)
RESTIC_UNUSABLE = define(
    "restic.unusable",
    QT_TRANSLATE_NOOP("core", "restic at {path} does not work ({detail}). Install restic again and try again."),
)
WRONG_PASSWORD = define(
    "offsite.wrong_password",
    QT_TRANSLATE_NOOP(
        "core",
        "The password for the off-site backup at {repo} is wrong. Enter the password from the recovery sheet and try again.",
    ),
)
NO_REPOSITORY = define(
    "offsite.no_repository",
    QT_TRANSLATE_NOOP(
        "core",
        "There is no off-site backup at {repo}. Check the address, or run the setup again to create the off-site backup.",
    ),
)
UNREACHABLE = define(
    "offsite.unreachable",
    QT_TRANSLATE_NOOP(
        "core",
        "The off-site backup at {repo} cannot be reached ({detail}). Check that the drive, network share or "
        "internet connection is available.",
    ),
)
LOCKED = define(
    "offsite.locked",
    QT_TRANSLATE_NOOP(
        "core",
        "The off-site backup at {repo} is in use by another restic process ({detail}). Try again later: a lock left by a process that stopped is cleared by itself after 30 minutes.",
    ),
)
FAILED = define(
    "offsite.failed",
    QT_TRANSLATE_NOOP("core", "restic reported an error with the off-site backup at {repo}: {detail}. The details are in the log."),
)
NO_SUMMARY = define(
    "offsite.no_summary",
    QT_TRANSLATE_NOOP(
        "core",
        "restic ended without confirming the off-site snapshot, so it does not count as a backup ({detail}).",
    ),
)
INCOMPLETE = define(
    "offsite.incomplete",
    QT_TRANSLATE_NOOP(
        "core",
        "The off-site snapshot {snapshot} is incomplete: restic could not read {count} item(s), for example {item}.",
    ),
)
CANCELLED = define(
    "offsite.cancelled",
    QT_TRANSLATE_NOOP("core", "The off-site backup was cancelled before it finished; no new snapshot was made."),
)

HOST_KEY_CHANGED = define(
    "offsite.host_key_changed",
    QT_TRANSLATE_NOOP(
        "core",
        "The off-site server's identity changed: the server of {repo} shows another SSH host key than the one confirmed "
        "at setup, so nothing was sent. This happens when the server was reinstalled, or when someone intercepts the "
        "connection; ask whoever runs the server (your IT partner) to confirm it, then run the setup again.",
    ),
)
HOST_KEY_UNKNOWN = define(
    "offsite.host_key_unknown",
    QT_TRANSLATE_NOOP(
        "core",
        "The identity (SSH host key) of the off-site server of {repo} is not confirmed on this computer, so nothing was "
        "sent. Run the setup again to confirm it.",
    ),
)
KEY_REFUSED = define(
    "offsite.key_refused",
    QT_TRANSLATE_NOOP(
        "core",
        "The off-site server of {repo} refused this computer's SSH key. Ask whoever runs the server (your IT partner) "
        "to allow the key, then try again.",
    ),
)
KEY_LOCKED = define(
    "offsite.key_passphrase",
    QT_TRANSLATE_NOOP(
        "core",
        "The SSH key for the off-site backup at {repo} could not be unlocked: its passphrase is missing or wrong. Run "
        "the setup again with the key's passphrase.",
    ),
)
ACCESS_DENIED = define(
    "offsite.access_denied",
    QT_TRANSLATE_NOOP(
        "core",
        "The storage at {repo} refused the access keys or the login ({detail}). Check them with the provider, then run "
        "the setup again with the right ones.",
    ),
)

# restic exit codes (0.14 knows 0, 1, 3, 130; 0.17 adds 10-12).
EXIT_INCOMPLETE = 3
EXIT_NO_REPOSITORY = 10
EXIT_LOCKED = 11
EXIT_WRONG_PASSWORD = 12
EXIT_INTERRUPTED = 130

_WRONG_PASSWORD = ("wrong password or no key found", "wrong password")
_LOCKED = ("repository is already locked", "unable to create lock", "failed to lock")
_NO_REPOSITORY = ("is there a repository at the following location", "repository does not exist", "config file does not exist")
_UNREACHABLE = (
    "connection refused", "no route to host", "network is unreachable", "no such host", "dial tcp",
    "i/o timeout", "connection reset", "connection timed out", "host is down", "unable to start the sftp session",
    "ssh: connect to host", "could not resolve", "tls handshake timeout", "temporary failure in name resolution",
    "input/output error", "stale file handle", "transport endpoint is not connected", "permission denied",
    "server misbehaving", "request timeout", "context deadline exceeded",
)
# What ssh says (restic 0.14 passes it on as "subprocess ssh: …"); checked before _UNREACHABLE,
# which holds "permission denied" for folders.
_HOST_KEY_CHANGED = ("remote host identification has changed", "host key for", "has changed and you have requested")
_HOST_KEY_UNKNOWN = ("host key verification failed", "no ed25519 host key is known", "host key is known for")
_KEY_LOCKED = ("incorrect passphrase", "bad passphrase")
_KEY_REFUSED = ("permission denied (publickey", "too many authentication failures", "no more authentication methods")
_ACCESS_DENIED = (
    "access denied", "invalidaccesskeyid", "signaturedoesnotmatch", "access key id you provided does not exist",
    "(401)", "401 unauthorized", "(403)", "403 forbidden", "invalid access key",
)
_SSH_PREFIX = "subprocess ssh:"
_ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
_URL_CREDENTIALS = re.compile(r"(?P<scheme>[a-zA-Z][a-zA-Z0-9+.-]*://)(?P<user>[^/:@\s]*):(?P<secret>[^@\s/]+)@")


class ResticError(UserError):
    """A restic failure in one sentence; ``code`` is the message id callers branch on."""

    def __init__(self, message: Message, exit_code: int = Exit.WARNING, *, returncode: int | None = None, detail: str = ""):
        super().__init__(message, exit_code)
        self.returncode = returncode
        self.detail = detail

    @property
    def code(self) -> str:
        return self.message.id


class ResticCancelled(ResticError):
    """The caller asked restic to stop; nothing restic made counts."""


def scrub(text: str, secrets: Iterable[str | None] = ()) -> str:
    """``text`` without the given secrets and without passwords inside URLs."""
    text = _ANSI.sub("", text)
    text = _URL_CREDENTIALS.sub(lambda m: f"{m['scheme']}{m['user']}:***@", text)
    for secret in sorted((s for s in secrets if s), key=len, reverse=True):
        text = text.replace(secret, "***")
    return text


def display_repo(repo: str) -> str:
    """The repository as people may see it: credentials in a URL are masked."""
    return scrub(repo)


@dataclass
class StderrDigest:
    """What restic said on stderr, reduced to what we need to explain a failure."""

    lines: list[str]
    errors: list[dict]  # restic's JSON error objects (message_type "error")
    exit_error: str | None = None  # 0.17+: the message of a JSON "exit_error"

    @property
    def last_line(self) -> str:
        """restic's last meaningful sentence: the exit_error text, else the last 'Fatal:' or plain line."""
        if self.exit_error:
            return _strip_fatal(self.exit_error.strip().splitlines()[-1] if self.exit_error.strip() else "")
        fatal = [line for line in self.lines if line.lower().startswith("fatal:")]
        if fatal:
            return _strip_fatal(fatal[-1])
        for line in reversed(self.lines):
            if line.strip() and not _is_noise(line):
                return line.strip()
        return ""

    def text(self) -> str:
        return "\n".join(self.lines + ([self.exit_error] if self.exit_error else [])).lower()


def _strip_fatal(line: str) -> str:
    line = line.strip()
    return line[len("fatal:"):].strip() if line.lower().startswith("fatal:") else line


def _is_noise(line: str) -> bool:
    low = line.strip().lower()
    return low.startswith(("signal interrupt received", "repository ", "using parent snapshot")) and "fatal" not in low


def digest_stderr(raw_lines: Iterable[str]) -> StderrDigest:
    """Splits stderr into plain lines, restic's JSON error objects and a 0.17 exit_error."""
    lines: list[str] = []
    errors: list[dict] = []
    exit_error = None
    for raw in raw_lines:
        line = _ANSI.sub("", raw).rstrip("\r\n")
        if line.startswith("{"):
            try:
                obj = json.loads(line)
            except ValueError:
                obj = None
            if isinstance(obj, dict):
                kind = obj.get("message_type")
                if kind == "error":
                    errors.append(obj)
                    continue
                if kind == "exit_error":
                    exit_error = str(obj.get("message") or "")
                    continue
        if line.strip():
            lines.append(line)
    return StderrDigest(lines, errors, exit_error)


def error_item(obj: dict) -> tuple[str, str]:
    """(item, reason) of one JSON error object; 0.14 writes the reason as a Go struct, 0.16+ as a message."""
    item = str(obj.get("item") or "")
    err = obj.get("error")
    if isinstance(err, dict):
        if "message" in err:
            reason = str(err["message"])
        elif "Err" in err:
            code = err.get("Err")
            reason = f"{err.get('Op', '')} {err.get('Path', '')}: {os.strerror(code) if isinstance(code, int) else code}".strip()
        else:
            reason = json.dumps(err)
    else:
        reason = str(err or "")
    return item, reason


def local_path(repo: str) -> Path | None:
    """The folder of a local repository (plain path or ``local:``), None for remote backends."""
    if repo.startswith("local:"):
        return Path(repo[len("local:"):])
    if re.match(r"^(sftp|s3|rest|b2|azure|gs|swift|rclone):", repo):
        return None
    if re.match(r"^[A-Za-z]:[\\/]", repo) or repo.startswith(("/", "\\\\", ".", "~")) or ":" not in repo:
        return Path(repo).expanduser()
    return None


def classify(returncode: int, digest: StderrDigest, *, repo: str, secrets: Iterable[str | None] = ()) -> ResticError:
    """Turns a failed restic run into the one sentence that explains it.

    The order matters: an unreachable REST server also prints "Is there a
    repository…", and a local repository whose folder is gone (a missing
    mount, an unplugged drive) is unreachable rather than absent.
    """
    secrets = list(secrets)
    shown = display_repo(repo)
    text = digest.text()  # matched as restic wrote it: a password like "wrong" must not hide the pattern;
    detail = scrub(digest.last_line, secrets) or f"exit code {returncode}"  # only what is shown is scrubbed
    folder = local_path(repo)
    folder_gone = folder is not None and not folder.exists()

    if returncode == EXIT_WRONG_PASSWORD or any(p in text for p in _WRONG_PASSWORD):
        return ResticError(WRONG_PASSWORD(repo=shown), Exit.USAGE, returncode=returncode, detail=detail)
    if returncode == EXIT_LOCKED or any(p in text for p in _LOCKED):
        return ResticError(LOCKED(repo=shown, detail=_lock_detail(digest, secrets) or detail), Exit.WARNING,
                           returncode=returncode, detail=detail)
    ssh_said = _ssh_lines(digest)
    if ssh_said:
        detail = scrub(next((line for line in reversed(ssh_said) if not line.startswith("@")), ssh_said[-1]), secrets)
        said = "\n".join(ssh_said).lower()
        for patterns, kind in ((_HOST_KEY_CHANGED, HOST_KEY_CHANGED), (_HOST_KEY_UNKNOWN, HOST_KEY_UNKNOWN),
                               (_KEY_LOCKED, KEY_LOCKED), (_KEY_REFUSED, KEY_REFUSED)):
            if any(p in said for p in patterns):
                return ResticError(kind(repo=shown), Exit.WARNING, returncode=returncode, detail=detail)
    if folder is None and any(p in text for p in _ACCESS_DENIED):
        return ResticError(ACCESS_DENIED(repo=shown, detail=detail), Exit.WARNING, returncode=returncode, detail=detail)
    if folder_gone:
        reason = _missing_folder_reason(folder)
        return ResticError(UNREACHABLE(repo=shown, detail=reason), Exit.WARNING, returncode=returncode, detail=detail)
    if folder is None and any(p in text for p in _UNREACHABLE):
        return ResticError(UNREACHABLE(repo=shown, detail=detail), Exit.WARNING, returncode=returncode, detail=detail)
    if returncode == EXIT_NO_REPOSITORY or any(p in text for p in _NO_REPOSITORY):
        return ResticError(NO_REPOSITORY(repo=shown), Exit.USAGE, returncode=returncode, detail=detail)
    if folder is not None and any(p in text for p in ("input/output error", "stale file handle", "transport endpoint")):
        return ResticError(UNREACHABLE(repo=shown, detail=detail), Exit.WARNING, returncode=returncode, detail=detail)
    return ResticError(FAILED(repo=shown, detail=detail), Exit.WARNING, returncode=returncode, detail=detail)


def _ssh_lines(digest: StderrDigest) -> list[str]:
    """ssh's own sentences, without restic's prefix (and without the lines of at-signs around its warnings)."""
    said = []
    for line in digest.lines:
        if line.lower().startswith(_SSH_PREFIX):
            text = line[len(_SSH_PREFIX):].strip()
            if text.strip("@ "):
                said.append(text)
    return said


def _lock_detail(digest: StderrDigest, secrets) -> str:
    for line in digest.lines + ([digest.exit_error] if digest.exit_error else []):
        match = re.search(r"locked(?: exclusively| non-exclusively)? by (PID \d+ on [^\s]+)", line)
        if match:
            return scrub(match.group(1), secrets)
    return ""


def _missing_folder_reason(folder: Path) -> str:
    """Names the first missing folder on the way: a missing mount point reads differently from a missing leaf."""
    existing = folder
    while not existing.exists() and existing.parent != existing:
        existing = existing.parent
    missing = folder
    while missing.parent != existing and missing.parent != missing:
        missing = missing.parent
    return f"{missing}: {os.strerror(2)}"
