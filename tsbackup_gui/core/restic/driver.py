"""The restic driver: finds the binary, runs it, and reports in our terms.

Secrets reach restic only through the child's environment
(``RESTIC_REPOSITORY``, ``RESTIC_PASSWORD``, S3 keys via ``env_extra``): argv
is readable by every user of the machine (``ps``, ``/proc/<pid>/cmdline``),
the environment only by the same user. Nothing we log or raise contains the
password (see `restic_errors.scrub`).

A backup counts only when restic printed its JSON summary (Backrest's rule);
exit code 3 (some source items unreadable) is a summary with a warning.
Cancelling sends an interrupt first, so restic removes its lock, then
escalates to terminate and kill after bounded waits.
"""

from __future__ import annotations

import functools
import logging
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from datetime import datetime
from pathlib import Path
from typing import Callable, Iterable, Sequence

from tsbackup_gui.core import children
from tsbackup_gui.core.errors import Exit
from tsbackup_gui.core.places import places
from tsbackup_gui.core.restic.errors import (
    CANCELLED, EXIT_INCOMPLETE, EXIT_INTERRUPTED, LOCKED, NO_SUMMARY, RESTIC_NOT_FOUND, RESTIC_TOO_OLD, RESTIC_UNUSABLE,
    ResticCancelled, ResticError, classify, digest_stderr, display_repo, error_item, scrub,
)
from tsbackup_gui.core.restic.json_output import (
    BackupStream, BackupSummary, ForgetResult, ResticProgress, Snapshot, parse_forget, parse_snapshots,
)
from tsbackup_gui.core.restic.process import Completed, run_process

log = logging.getLogger(__name__)

MINIMUM_VERSION = (0, 14, 0)
ENV_OVERRIDE = "TSBACKUP_RESTIC"
INTERRUPT_GRACE = 15.0  # seconds restic gets to clean up its lock after an interrupt
# Inherited variables that would change which repository or password restic uses (RESTIC_PASSWORD_FILE,
# RESTIC_PASSWORD_COMMAND, RESTIC_REPOSITORY_FILE …). Backend credentials such as AWS_* stay: on a new
# computer they come from the environment, and a configured setup's env_extra overrides them.
_STRIPPED_PREFIXES = ("RESTIC_",)

ProgressFn = Callable[[ResticProgress], None]


def _exe_name() -> str:
    return "restic.exe" if os.name == "nt" else "restic"


def bundled_restic_candidates(frozen: bool | None = None, meipass: str | None = None,
                              executable: str | None = None) -> list[Path]:
    """Where a built app keeps restic: PyInstaller's data folder (``sys._MEIPASS``: ``_internal/`` next to
    the executables, ``Contents/Frameworks`` in a macOS .app), then next to the executable itself."""
    if not (getattr(sys, "frozen", False) if frozen is None else frozen):
        return []
    meipass = getattr(sys, "_MEIPASS", None) if meipass is None else meipass
    folders = [Path(meipass)] if meipass else []
    folders.append(Path(executable or sys.executable).parent)
    return [folder / _exe_name() for folder in folders]


def find_restic() -> Path:
    """The restic binary: ``TSBACKUP_RESTIC``, then the one bundled next to the app, then PATH."""
    candidates: list[Path] = []
    override = os.environ.get(ENV_OVERRIDE)
    if override:
        candidates.append(Path(override))
    candidates.extend(bundled_restic_candidates())
    for candidate in candidates:
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return candidate
    found = shutil.which("restic")
    if found:
        return Path(found)
    raise ResticError(RESTIC_NOT_FOUND(), Exit.USAGE)


def parse_version(text: str) -> tuple[int, int, int] | None:
    match = re.search(r"restic\s+v?(\d+)\.(\d+)(?:\.(\d+))?", text)
    if not match:
        return None
    return int(match.group(1)), int(match.group(2)), int(match.group(3) or 0)


@functools.lru_cache(maxsize=8)
def _version_of(path: str, _mtime_ns: int) -> tuple[int, int, int]:
    try:
        result = children.run([path, "version"], timeout=30, env=_base_env())
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise ResticError(RESTIC_UNUSABLE(path=path, detail=type(exc).__name__), Exit.USAGE) from None
    version = parse_version(result.stdout)
    if result.returncode != 0 or version is None:
        detail = (result.stderr.strip().splitlines() or [f"exit code {result.returncode}"])[-1]
        raise ResticError(RESTIC_UNUSABLE(path=path, detail=detail), Exit.USAGE)
    return version


def restic_version(binary: Path | None = None) -> tuple[int, int, int]:
    """The version of ``binary`` (found if not given); too old a restic is a plain error."""
    binary = binary or find_restic()
    version = _version_of(str(binary), binary.stat().st_mtime_ns)
    if version < MINIMUM_VERSION:
        raise ResticError(
            RESTIC_TOO_OLD(version=".".join(map(str, version)), path=str(binary), minimum=".".join(map(str, MINIMUM_VERSION))),
            Exit.USAGE,
        )
    return version


def _flag_value(option: str) -> str:
    """restic reads ``-o`` values as CSV (pflag's string slice): quoted, a comma or quote in the value survives."""
    return '"' + option.replace('"', '""') + '"'


def _base_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(_STRIPPED_PREFIXES)}
    env.setdefault("LC_ALL", "C")
    return env


class Restic:
    """One repository, opened with one password. Thread-compatible, not thread-safe: one command at a time."""

    def __init__(self, repo: str, password: str, env_extra: dict[str, str] | None = None, cache_dir: Path | None = None,
                 binary: Path | None = None, *, options: Sequence[str] = (), env_plain: dict[str, str] | None = None):
        """``env_extra`` holds secrets (scrubbed from every text); ``env_plain`` harmless variables (an askpass
        program's path); ``options`` are backend options (``sftp.command=…``) passed as ``-o``: they are in
        argv, so they must never carry a secret."""
        if not repo:
            raise ValueError("repository required")
        self.repo = repo
        self._password = password
        self._env_extra = dict(env_extra or {})
        self._env_plain = dict(env_plain or {})
        self._options = [arg for option in options for arg in ("-o", _flag_value(option))]
        self.cache_dir = Path(cache_dir) if cache_dir is not None else places().cache_dir / "restic"
        self.binary = binary or find_restic()
        self.interrupt_grace = INTERRUPT_GRACE
        self.pid: int | None = None  # of the running child, for progress displays and tests
        restic_version(self.binary)

    def __repr__(self) -> str:  # never shows the password
        return f"Restic(repo={display_repo(self.repo)!r})"

    # -- public commands -------------------------------------------------

    def version(self) -> tuple[int, int, int]:
        return restic_version(self.binary)

    def init(self) -> None:
        """Creates the repository; its folder may not exist yet."""
        self._checked(["init"])

    def check_access(self, cancel: threading.Event | None = None) -> None:
        """Opens the repository with the password (``cat config``); raises the plain error otherwise.

        restic locks the repository for this, so success also proves that it can write there.
        """
        self._checked(["cat", "config"], cancel=cancel)

    def is_repository(self) -> bool:
        """True when a repository opens here; False when there is none (also when its folder is missing)."""
        try:
            self.check_access()
        except ResticError as error:
            if error.code == "offsite.no_repository":
                return False
            if error.code == "offsite.unreachable" and self._local_folder_missing():
                return False
            raise
        return True

    def backup(self, cwd: Path, targets: Sequence[str], host: str, tags: Iterable[str] = (), parent: str | None = None,
               progress: ProgressFn | None = None, limit_upload_kib: int | None = None,
               cancel: threading.Event | None = None, *, ignore_ctime: bool = False,
               snapshot_time: datetime | None = None) -> BackupSummary:
        """Backs up ``targets`` (relative to ``cwd``) and returns restic's summary.

        No summary means no snapshot, whatever the exit code said. Exit 3 is
        returned (not raised) with ``incomplete`` set and the unreadable items
        listed, so the caller can record the snapshot and warn.
        """
        args = ["backup", "--json", "--host", host]
        for tag in tags:
            args += ["--tag", tag]
        if parent:
            args += ["--parent", parent]
        if ignore_ctime:
            args.append("--ignore-ctime")
        if limit_upload_kib:
            args += ["--limit-upload", str(int(limit_upload_kib))]
        if snapshot_time is not None:
            args += ["--time", snapshot_time.astimezone().strftime("%Y-%m-%d %H:%M:%S")]
        args += ["--", *targets]
        stream = BackupStream(progress)

        def started(pid: int) -> None:
            if progress is not None:
                progress(ResticProgress(phase="started", pid=pid))

        done = self._run_unlocking(args, cwd=cwd, on_line=stream.feed, cancel=cancel, on_start=started)
        digest = digest_stderr(done.stderr_lines)
        if done.returncode not in (0, EXIT_INCOMPLETE) and done.returncode != EXIT_INTERRUPTED:
            raise self._error(done)
        summary = stream.summary
        if summary is None:
            detail = scrub(digest.last_line, self._secrets()) or f"exit code {done.returncode}"
            raise ResticError(NO_SUMMARY(detail=detail), Exit.WARNING, returncode=done.returncode, detail=detail)
        summary.parent = parent
        summary.errors = [error_item(e) for e in [*stream.errors, *digest.errors]]
        summary.errors = [(scrub(i, self._secrets()), scrub(r, self._secrets())) for i, r in summary.errors]
        summary.incomplete = done.returncode == EXIT_INCOMPLETE
        return summary

    def snapshots(self, host: str | None = None, tags: Iterable[str] | None = None) -> list[Snapshot]:
        """Snapshots oldest first; ``tags`` must all be present on a snapshot."""
        args = ["snapshots", "--json"]
        if host:
            args += ["--host", host]
        tags = list(tags or ())
        if tags:
            args += ["--tag", ",".join(tags)]
        return parse_snapshots(self._checked(args).stdout)

    def forget(self, *, keep_daily: int = 0, keep_weekly: int = 0, keep_monthly: int = 0, keep_yearly: int = 0,
               keep_last: int = 0, keep_within: str | None = None, group_by: str = "host,tags",
               tags: Iterable[str] | None = None, host: str | None = None) -> ForgetResult:
        args = ["forget", "--json", "--group-by", group_by]
        for flag, value in (("--keep-last", keep_last), ("--keep-daily", keep_daily), ("--keep-weekly", keep_weekly),
                            ("--keep-monthly", keep_monthly), ("--keep-yearly", keep_yearly)):
            if value:
                args += [flag, str(int(value))]
        if keep_within:
            args += ["--keep-within", keep_within]
        if len(args) == 4:
            raise ValueError("forget without a keep rule would remove every snapshot")
        if host:
            args += ["--host", host]
        tags = list(tags or ())
        if tags:
            args += ["--tag", ",".join(tags)]
        return parse_forget(self._checked(args, unlock=True).stdout)

    def prune(self) -> None:
        self._checked(["prune"], unlock=True)

    def check(self, read_data_subset: str | None = None) -> tuple[bool, str]:
        """(ok, restic's last line). A damaged repository is ``False``; not reaching it raises."""
        args = ["check"]
        if read_data_subset:
            args.append(f"--read-data-subset={read_data_subset}")
        done = self._run_unlocking(args)
        digest = digest_stderr(done.stderr_lines)
        lines = [*done.stdout.splitlines(), *digest.lines]
        damaged = any("repository contains errors" in line or line.lower().startswith(("error", "pack ", "tree "))
                      for line in lines)
        if done.returncode == 0:
            return True, scrub(done.stdout.strip().splitlines()[-1] if done.stdout.strip() else "", self._secrets())
        if damaged:
            return False, scrub(digest.last_line or (lines[-1] if lines else ""), self._secrets())
        raise self._error(done)

    def restore(self, snapshot_id: str, target_dir: Path, include: Iterable[str] | None = None,
                cancel: threading.Event | None = None, *, host: str | None = None,
                tags: Iterable[str] | None = None) -> str | None:
        """Restores ``snapshot_id`` (or ``latest`` of ``host``/``tags``); returns the id restic names, if it does.

        restic resolves ``latest`` and id prefixes itself, so no separate
        listing (another key derivation, half a second or more) is needed.
        """
        args = ["restore", snapshot_id, "--target", str(target_dir)]
        if host:
            args += ["--host", host]
        tags = list(tags or ())
        if tags:
            args += ["--tag", ",".join(tags)]
        for pattern in include or ():
            args += ["--include", pattern]
        done = self._checked(args, cancel=cancel, unlock=True)
        match = re.search(r"[Ss]napshot ([0-9a-f]{8,64})\b", done.stdout)
        return match.group(1) if match else None

    def unlock(self) -> None:
        """Removes stale locks only; a live process's lock stays (never ``--remove-all``)."""
        self._checked(["unlock"])

    def key_list(self) -> list[dict]:
        """The repository's keys as restic lists them (``id``, ``current`` for the one this password opens, …)."""
        import json

        done = self._checked(["key", "list", "--json"])
        try:
            keys = json.loads(done.stdout or "[]")
        except ValueError:
            keys = []
        return [k for k in keys if isinstance(k, dict) and isinstance(k.get("id"), str)] if isinstance(keys, list) else []

    def key_add(self, new_password_file: Path) -> None:
        """Adds a key for the password in ``new_password_file``: a file, so the new password never enters argv."""
        self._checked(["key", "add", "--new-password-file", str(new_password_file)])

    def key_remove(self, key_id: str) -> None:
        """Removes the key ``key_id`` (restic refuses the key this password opens the repository with)."""
        self._checked(["key", "remove", str(key_id)])

    # -- running -----------------------------------------------------------

    def _secrets(self) -> list[str]:
        return [self._password, *self._env_extra.values()]

    def _env(self) -> dict[str, str]:
        env = _base_env()
        env.update(self._env_plain)
        env.update(self._env_extra)
        env["RESTIC_REPOSITORY"] = self.repo
        env["RESTIC_PASSWORD"] = self._password
        return env

    def _local_folder_missing(self) -> bool:
        from tsbackup_gui.core.restic.errors import local_path

        folder = local_path(self.repo)
        return folder is not None and not folder.exists()

    def _error(self, done: Completed) -> ResticError:
        error = classify(done.returncode, digest_stderr(done.stderr_lines), repo=self.repo, secrets=self._secrets())
        log.warning("restic failed (exit %s): %s", done.returncode, error.detail)
        return error

    def _checked(self, args: list[str], *, cancel: threading.Event | None = None, unlock: bool = False) -> Completed:
        done = self._run_unlocking(args, cancel=cancel) if unlock else self._run(args, cancel=cancel)
        if done.returncode != 0:
            raise self._error(done)
        return done

    def _run_unlocking(self, args: list[str], **kwargs) -> Completed:
        """Runs once; when the repository is locked, removes stale locks and tries exactly once more."""
        done = self._run(args, **kwargs)
        if done.returncode == 0 or kwargs.get("cancel") is not None and kwargs["cancel"].is_set():
            return done
        error = classify(done.returncode, digest_stderr(done.stderr_lines), repo=self.repo, secrets=self._secrets())
        if error.code != LOCKED.id:
            return done
        if kwargs.get("cancel") is not None and kwargs["cancel"].is_set():
            return done
        log.info("restic repository locked; removing stale locks and trying once more")
        try:
            self.unlock()
        except ResticError:
            return done
        return self._run(args, **kwargs)

    def _run(self, args: list[str], *, cwd: Path | None = None, on_line: Callable[[str], None] | None = None,
             cancel: threading.Event | None = None, on_start: Callable[[int], None] | None = None) -> Completed:
        argv = [str(self.binary), "--cache-dir", str(self.cache_dir), *self._options, *args]
        self.cache_dir.mkdir(parents=True, exist_ok=True)
        log.info("restic %s", args[0])
        started = time.monotonic()

        def begun(pid: int) -> None:
            self.pid = pid
            if on_start is not None:
                on_start(pid)

        try:
            done = run_process(argv, env=self._env(), cwd=cwd, on_line=on_line, cancel=cancel, on_start=begun,
                               grace=self.interrupt_grace)
        finally:
            self.pid = None
        log.info("restic %s exit %s after %.1fs", args[0], done.returncode, time.monotonic() - started)
        if cancel is not None and cancel.is_set():
            raise ResticCancelled(CANCELLED(), Exit.WARNING, returncode=done.returncode)
        return done
