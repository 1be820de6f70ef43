"""A diagnostics bundle for the IT partner: one zip with what is needed to help, and no secret.

Inside: the settings, the recent log, the history of attempts, the status as
`tsbackup status --json` gives it, the versions of everything involved, the
scheduled task's note and a README saying all that. The settings hold no
secret by design, but a log line may (a URL with a login, a mistake
somewhere), so every text that goes in is scrubbed: passwords inside URLs,
and every secret stored in the keyring for this setup, read at bundle time
and replaced by ``***``. The zip is written to a new file only: an existing
file is never overwritten.
"""

from __future__ import annotations

import io
import json
import logging
import os
import platform
import zipfile
from datetime import datetime
from pathlib import Path
from typing import Any, Callable

from tsbackup_gui.core.errors import Exit, UserError
from tsbackup_gui.core.messages import QT_TRANSLATE_NOOP, define
from tsbackup_gui.core.places import Places, places

log = logging.getLogger(__name__)

LOG_BUDGET = 2_000_000  # bytes of the newest log lines
HISTORY_LIMIT = 500

BUNDLE_EXISTS = define(
    "diagnostics.exists",
    QT_TRANSLATE_NOOP("core", "The file {path} already exists and was left as it is. Give a new file name."),
)
BUNDLE_WRITE_FAILED = define(
    "diagnostics.write_failed",
    QT_TRANSLATE_NOOP("core", "The diagnostics file {path} cannot be written ({reason}). Check that the folder exists and is writable."),
)
BUNDLE_WRITTEN = define(
    "diagnostics.written",
    QT_TRANSLATE_NOOP("core", "The diagnostics file {path} was written. It holds no passwords; send it to your IT partner."),
)

README = """tsbackup diagnostics bundle
===========================

Written {when} on computer "{computer}" for the firm's IT partner.
Passwords and keys are NOT in this file: every secret stored in the
password store for this setup, and every password inside a URL, was
replaced by *** before it was written.

config.json      the backup settings (source, backup drives, schedule, off-site target)
status.json      what `tsbackup status --json` said when this file was written
history.json     the last {history} recorded attempts (backups, checks, drills), newest first
logs/            the newest lines of the program's log files (about 2 MB at most)
versions.json    versions of tsbackup, Python, the operating system, restic and PySide6
task-probe.json  the note of the last scheduled run (only when the OS task ran)
README.txt       this file
"""


def write_bundle(dest: Path, *, status: Callable[[], dict[str, Any]], where: Places | None = None,
                 now: datetime | None = None, secrets=None) -> Path:
    """Writes the zip to `dest` (a new file); returns its path. ``status`` gives the status as
    `tsbackup status --json` does (`app.status`); ``secrets``: the setup's `SecretStore` (default:
    from the keyring) whose values are scrubbed from every text."""
    dest = Path(os.path.abspath(os.path.expanduser(str(dest))))
    here = where or places()
    moment = now or datetime.now().astimezone()
    config = _load_config(here)
    scrub = _scrubber(config, secrets)
    members = _members(config, here, moment, scrub, status)
    data = _zip(members)
    try:
        with open(dest, "xb") as handle:  # never overwrites
            try:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            except BaseException:
                handle.close()
                dest.unlink(missing_ok=True)
                raise
    except FileExistsError:
        raise UserError(BUNDLE_EXISTS(path=str(dest)), Exit.USAGE) from None
    except OSError as exc:
        raise UserError(BUNDLE_WRITE_FAILED(path=str(dest), reason=exc.strerror or str(exc)), Exit.USAGE) from None
    return dest


# -- what goes in ------------------------------------------------------------------------


def _members(config, here: Places, moment: datetime, scrub: Callable[[str], str],
             status: Callable[[], dict[str, Any]]) -> dict[str, str]:
    members: dict[str, str] = {}
    members["README.txt"] = README.format(
        when=moment.isoformat(timespec="seconds"), computer=getattr(config, "computer", "") or "?",
        history=HISTORY_LIMIT)
    members["config.json"] = _dump(_config_json(config))
    members["status.json"] = _dump(_guarded(status))
    members["history.json"] = _dump(_guarded(lambda: _history(here)))
    members["versions.json"] = _dump(versions())
    note = _guarded(lambda: _task_note(here))
    if note:
        members["task-probe.json"] = _dump(note)
    for name, text in _logs(here.log_dir):
        members[f"logs/{name}"] = text
    return {name: "\n".join(scrub(line) for line in text.split("\n")) for name, text in members.items()}


def _config_json(config) -> dict[str, Any]:
    """The settings; a monitoring ping URL keeps its host only (its path works like a password)."""
    if config is None:
        return {"configured": False}
    data = config.to_json()
    reports = data.get("reports")
    if isinstance(reports, dict) and reports.get("ping_url"):
        reports["ping_url"] = _masked_url(str(reports["ping_url"]))
    return data


def _masked_url(url: str) -> str:
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.hostname or '?'}/***" if parts.scheme else "***"


def _load_config(here: Places):
    from tsbackup_gui.core.store import config as config_mod

    try:
        return config_mod.load(here)
    except UserError as error:  # a damaged file: the bundle still helps, and says so
        log.warning("diagnostics: %s", error.message.english())
        return None


def _history(here: Places) -> list[dict[str, Any]]:
    from tsbackup_gui.core.store.history import History

    attempts = History(here.history_db, lock_path=here.lock_file).attempts(limit=HISTORY_LIMIT)
    return [{
        "id": a.id, "kind": a.kind, "started": _iso(a.started), "ended": _iso(a.ended), "outcome": a.outcome,
        "exit_code": a.exit_code, "reasons": [{"code": r.id, "message": r.english()} for r in a.reasons],
        "files": a.files, "bytes": a.bytes, "generation": a.generation, "details": a.details,
    } for a in attempts]


def _task_note(here: Places) -> dict[str, Any] | None:
    from tsbackup_gui.core.platform import task_note as task_probe

    return task_probe.read(here)


def versions() -> dict[str, str]:
    """Versions of what the backups depend on; PySide6 from its metadata, never imported (no GUI)."""
    from importlib import metadata

    from tsbackup_gui import __version__

    found = {"tsbackup": __version__, "python": platform.python_version(), "os": platform.platform(),
             "machine": platform.machine()}
    try:
        from tsbackup_gui.core.restic.driver import find_restic, restic_version

        binary = find_restic()
        found["restic"] = ".".join(map(str, restic_version(binary)))
        found["restic_path"] = str(binary)
    except UserError as error:
        found["restic"] = error.message.english()
    except OSError as exc:
        found["restic"] = f"unusable ({type(exc).__name__})"
    for key, names in (("pyside6", ("PySide6", "PySide6-Essentials")), ("keyring", ("keyring",))):
        found[key] = "not installed"
        for name in names:
            try:
                found[key] = metadata.version(name)
                break
            except metadata.PackageNotFoundError:
                continue
    if found["pyside6"] == "not installed":
        found["pyside6"] = _pyside_version()
    return found


def _pyside_version() -> str:
    """Without package metadata: whether the package is there at all, found without importing it
    (core never loads Qt, not even to read a version)."""
    from importlib.util import find_spec

    try:
        return "installed (version unknown)" if find_spec("PySide6") is not None else "not installed"
    except (ImportError, ValueError):
        return "not installed"


def _logs(folder: Path) -> list[tuple[str, str]]:
    """The newest ~2 MB of log text: the current file first, then the rotated ones, whole lines only."""
    try:
        files = sorted((p for p in folder.iterdir() if p.is_file() and ".log" in p.name), key=_log_age)
    except OSError:
        return []
    left = LOG_BUDGET
    found = []
    for path in files:
        if left <= 0:
            break
        try:
            size = path.stat().st_size
            with open(path, "rb") as handle:
                if size > left:
                    handle.seek(size - left)
                    raw = handle.read()
                    raw = raw.split(b"\n", 1)[1] if b"\n" in raw else b""
                else:
                    raw = handle.read()
        except OSError:
            continue
        if raw:
            found.append((path.name, raw.decode("utf-8", errors="replace")))
        if size > left:  # the budget ends inside this file: older files would only add a fragment
            break
        left -= len(raw)
    return found


def _log_age(path: Path) -> tuple[int, str]:
    """tsbackup.log (newest), then tsbackup.log.1, .2 … (older)."""
    suffix = path.name.rsplit(".", 1)[-1]
    return (int(suffix) if suffix.isdigit() else 0, path.name)


# -- scrubbing and packing -----------------------------------------------------------------


def _scrubber(config, secrets) -> Callable[[str], str]:
    from tsbackup_gui.core.restic.errors import scrub

    stored: list[str] = []
    if config is not None:
        stored += _ping_secret(config)  # in the settings, not the keyring: scrubbed without one too
        try:
            from tsbackup_gui.core.offsite.secret_names import stored_secrets
            from tsbackup_gui.core.store.secrets import SecretStore

            store = secrets if secrets is not None else SecretStore(config.setup_id)
            stored += list(stored_secrets(store).values())
        except UserError as error:  # no keyring here: nothing stored can leak from it either
            log.warning("diagnostics: %s", error.message.english())
    # Short values (a REST login "nas", a port) would garble every log line they appear in;
    # real secrets are long. Also as JSON writes them: a quote or backslash is escaped there.
    stored = [v for v in stored if isinstance(v, str) and len(v) >= MIN_SCRUB_LENGTH]
    values = list(dict.fromkeys([*stored, *(json.dumps(v, ensure_ascii=False)[1:-1] for v in stored)]))
    return lambda text: scrub(text, values)


#: Stored values shorter than this are not scrubbed (user names garble logs; passwords are long).
MIN_SCRUB_LENGTH = 6


def _ping_secret(config) -> list[str]:
    """The path of a ping URL (Healthchecks' uuid, Uptime Kuma's push token): scrubbed from logs too."""
    from urllib.parse import urlsplit

    url = str((getattr(config, "reports", None) or {}).get("ping_url") or "")
    path = urlsplit(url).path.strip("/") if url else ""
    return [url, path] if len(path) >= 8 else ([url] if url else [])


def _zip(members: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, text in members.items():
            archive.writestr(name, text.encode("utf-8"))
    return buffer.getvalue()


def _guarded(produce: Callable[[], Any]) -> Any:
    """A part that cannot be read says why instead of stopping the whole bundle."""
    try:
        return produce()
    except UserError as error:
        return {"unavailable": error.message.english()}
    except Exception as exc:  # the bundle is what helps find bugs: it must not die of one
        log.exception("diagnostics part failed")
        return {"unavailable": f"{type(exc).__name__}: {exc}"}


def _dump(value: Any) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False, default=str, sort_keys=True) + "\n"


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat(timespec="seconds") if moment is not None else None
