"""The reports' memory: ``reports.json`` in the state dir, under a file lock, and what it says to the status.

The tray and the OS task decide one at a time under the lock, so nothing is sent
twice; the status window and `tsbackup status` read the last problem from here
(a report that could not be sent is a warning, never red). Kept apart from
`reports.dispatch` so that reading the memory needs nothing of the sending.
"""

from __future__ import annotations

import json
import logging
import time
from dataclasses import dataclass, field, replace
from typing import Any, Sequence

from tsbackup_gui.core.messages import QT_TRANSLATE_NOOP, Message, define
from tsbackup_gui.core.places import Places, places
from tsbackup_gui.core.reports.settings import fingerprint
from tsbackup_gui.core.store.config import Config, write_atomic
from tsbackup_gui.core.store.locks import FileLock, LockBusy

log = logging.getLogger(__name__)

MEMORY_FILE = "reports.json"
LOCK_FILE = "reports.lock"
LOCK_WAIT_S = 20.0


@dataclass(frozen=True)
class Memory:
    """What was reported already, what waits for a retry, and the last problem per channel."""

    failure_id: int | None = None  # the newest failed backup attempt reported (its history row id) …
    failure_started: str | None = None  # … and its start: ids begin anew with a new history (after forget)
    setup_id: str | None = None  # the setup this memory belongs to: another setup starts afresh
    overdue_ping_day: str | None = None
    overdue_mail_day: str | None = None
    summary_month: str | None = None  # "2026-11": the month the last summary (or the first look) was in
    pending_ping: dict[str, str] | None = None  # {"kind", "body", "since", "tried"}
    pending_mails: tuple[dict[str, str], ...] = ()  # {"kind", "subject", "body", "since", "tried"}
    problems: dict[str, dict[str, str]] = field(default_factory=dict)  # "mail"/"ping" → {"reason", "when"}

    def to_json(self) -> dict[str, Any]:
        return {"failure_id": self.failure_id, "failure_started": self.failure_started,
                "setup_id": self.setup_id, "overdue_ping_day": self.overdue_ping_day,
                "overdue_mail_day": self.overdue_mail_day, "summary_month": self.summary_month,
                "pending_ping": self.pending_ping, "pending_mails": list(self.pending_mails),
                "problems": self.problems}

    @classmethod
    def from_json(cls, data: Any) -> "Memory":
        """Anything unreadable is forgotten: the worst case is one repeated report."""
        if not isinstance(data, dict):
            return cls()

        def text(name: str) -> str | None:
            value = data.get(name)
            return value if isinstance(value, str) else None

        def strings(value: Any) -> dict[str, str] | None:
            return {str(k): str(v) for k, v in value.items()} if isinstance(value, dict) else None

        failure = data.get("failure_id")
        mails = data.get("pending_mails")
        problems = data.get("problems") if isinstance(data.get("problems"), dict) else {}
        return cls(
            failure_id=failure if isinstance(failure, int) and not isinstance(failure, bool) else None,
            failure_started=text("failure_started"), setup_id=text("setup_id"),
            overdue_ping_day=text("overdue_ping_day"), overdue_mail_day=text("overdue_mail_day"),
            summary_month=text("summary_month"), pending_ping=strings(data.get("pending_ping")),
            pending_mails=tuple(m for m in (strings(x) for x in (mails if isinstance(mails, list) else [])) if m),
            problems={str(k): v for k, v in ((k, strings(v)) for k, v in problems.items()) if v},
        )


# -- the decisions (pure) --------------------------------------------------------------------


MAIL_PROBLEM = define(
    "report.mail_problem",
    QT_TRANSLATE_NOOP(
        "core",
        "The last report e-mail could not be sent: {reason}. Check the mail settings (tsbackup setup --test-only).",
    ),
)

PING_PROBLEM = define(
    "report.ping_problem",
    QT_TRANSLATE_NOOP(
        "core",
        "The last monitoring ping could not be sent: {reason}. Check the ping address (tsbackup setup --test-only).",
    ),
)


def last_report_problem(where: Places | None = None, config: Config | None = None) -> Message | None:
    """The newest report that could not be sent (mail first), as a warning sentence; None when all went out.
    A problem remembered for settings changed or removed since is over (the stored setup is read
    when ``config`` is not given)."""
    here = where or places()
    memory = load(here.state_dir / MEMORY_FILE)
    if config is None and memory.problems:
        config = stored_config(here)
    for channel, kind in (("mail", MAIL_PROBLEM), ("ping", PING_PROBLEM)):
        problem = memory.problems.get(channel)
        if problem and still_current(problem, config, channel):
            return kind(reason=problem.get("reason") or "?")
    return None


def clear_problems(channels: Sequence[str], *, where: Places | None = None, drop_pending: bool = False) -> None:
    """Forgets the remembered problem of these channels ("mail", "ping"): a test went through, or the
    settings were changed. ``drop_pending`` also drops what waits for a retry. Never raises."""
    try:
        here = where or places()
        lock = take_lock(here)
        if lock is None:
            return
        try:
            path = here.state_dir / MEMORY_FILE
            memory = load(path)
            changes: dict[str, Any] = {"problems": {k: v for k, v in memory.problems.items() if k not in channels}}
            if drop_pending and "ping" in channels:
                changes["pending_ping"] = None
            if drop_pending and "mail" in channels:
                changes["pending_mails"] = ()
            new = replace(memory, **changes)
            if new != memory:
                save(path, new)
        finally:
            lock.release()
    except Exception:
        log.exception("reports: could not clear a remembered problem")


def stored_config(where: Places) -> Config | None:
    from tsbackup_gui.core.store import config as config_mod

    try:
        return config_mod.load(where)
    except Exception:
        return None


def still_current(problem: dict[str, str], config: Config | None, channel: str) -> bool:
    """A problem recorded for other settings (changed or removed in the setup) is over."""
    if config is None:
        return True
    now = fingerprint(config, channel)
    if now is None:
        return False
    recorded = problem.get("settings")
    return recorded is None or recorded == now


def take_lock(where: Places) -> FileLock | None:
    lock = FileLock(where.state_dir / LOCK_FILE)
    deadline = time.monotonic() + LOCK_WAIT_S
    while True:
        try:
            lock.acquire()
            return lock
        except LockBusy:
            if time.monotonic() > deadline:
                log.warning("reports: another process keeps the reports lock; skipping this time")
                return None
            time.sleep(0.05)


def load(path) -> Memory:
    try:
        return Memory.from_json(json.loads(path.read_text("utf-8")))
    except (OSError, ValueError):
        return Memory()


def save(path, memory: Memory) -> None:
    try:
        write_atomic(path, json.dumps(memory.to_json(), indent=1, ensure_ascii=False).encode("utf-8"))
    except OSError as exc:  # at worst a report repeats
        log.warning("cannot save %s: %s", path, exc)
