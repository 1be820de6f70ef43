"""The status as its readers take it: the state, its sentence and reasons, the facts it was computed from.

`status.model.compute_status` makes a `Status`; the tray, the window, `tsbackup
status`, the reports and the diagnostics read it. The exit codes follow the
monitoring-plugin convention that RMM tools and Nagios-style checks read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Callable

from tsbackup_gui.core.messages import Message

SEVERITY = {"ok": 0, "running": 0, "waiting": 1, "not-configured": 2, "warning": 2, "overdue": 3, "failed": 4}
EXIT_CODES = {"ok": 0, "running": 0, "waiting": 1, "warning": 1, "overdue": 2, "failed": 2, "not-configured": 3}


@dataclass(frozen=True)
class StatusFacts:
    """What the caller found out with I/O just before asking (see `status_facts.gather`).

    `running_progress` may carry ``percent`` (0–100) for the running sentence.
    """

    running: bool = False
    running_progress: dict[str, Any] | None = None
    same_disk: bool = False
    report_problem: Message | None = None  # the last report mail or ping that could not be sent (core/reports.py)
    drive_connected: bool = False  # a drive of this setup carries its marker now (a wait for the drive is over)
    damaged: tuple[tuple[str, tuple[str, ...]], ...] = ()  # generations holding a file the check found damaged
    autostart_problem: Message | None = None  # start at login switched off, or impossible from where the app runs


@dataclass(frozen=True)
class Reason:
    code: str
    message: Message


@dataclass(frozen=True)
class Reminder:
    code: str
    message: Message
    due: datetime


@dataclass(frozen=True)
class Status:
    state: str
    severity: int
    message: Message
    reasons: list[Reason] = field(default_factory=list)
    last_success: datetime | None = None
    next_due: datetime | None = None
    reminders: list[Reminder] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        """`tsbackup status` in the monitoring-plugin convention RMM tools and Nagios-style checks read:
        0 OK (ok, running), 1 WARNING (warning, waiting), 2 CRITICAL (failed, overdue), 3 UNKNOWN."""
        return EXIT_CODES[self.state]

    def to_json(self, translate: Callable[[Message], str] | None = None) -> dict[str, Any]:
        """The contract's object; sentences translated when a translator is given, else English."""
        say = translate or (lambda message: message.english())
        return {
            "state": self.state,
            "message": say(self.message),
            "last_success": _iso(self.last_success),
            "next_due": _iso(self.next_due),
            "reasons": [{"code": r.code, "message": say(r.message)} for r in self.reasons],
            "reminders": [{"code": r.code, "message": say(r.message), "due": _iso(r.due)} for r in self.reminders],
        }


NO_FACTS = StatusFacts()

def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat(timespec="seconds") if moment is not None else None

