"""The reports' memory and their pure decisions: what to send after a run and at a due-check.

Kept apart from `reports` (which does the I/O) so the rules can be read, and
tested, as plain functions of (outcome or status, history, now, memory).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import Sequence

from tsbackup_gui.core.reports import ping as report_ping
from tsbackup_gui.core.store.history import RUNNING, Attempt
from tsbackup_gui.core.messages import Message
from tsbackup_gui.core.reports.memory import Memory
from tsbackup_gui.core.schedule.zone import to_utc

# -- the memory ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Send:
    """One thing to send: a ping (``kind`` start/success/fail) or a mail (``kind`` failure/overdue/summary)."""

    channel: str  # "ping" or "mail"
    kind: str
    reasons: tuple[Message, ...] = ()  # a failure's own sentences: they lead, the status may speak of something else


def reported(memory: Memory, attempt_id: int | None, started: datetime | None) -> bool:
    """Was this failed attempt reported already? By its start first: a new history (after
    `forget` and a new setup) numbers its attempts from 1 again, so a lower id is no proof."""
    if attempt_id is None or memory.failure_id is None:
        return False
    known = _moment(memory.failure_started)
    if started is not None and known is not None:
        new, old = to_utc(started), to_utc(known)
        return new < old or (new == old and attempt_id <= memory.failure_id)
    return attempt_id <= memory.failure_id


def _moment(text: str | None) -> datetime | None:
    try:
        moment = datetime.fromisoformat(text) if text else None
    except ValueError:
        return None
    return moment if moment is not None and moment.tzinfo is not None else None


def decide_run_end(outcome: str, attempt_id: int | None, memory: Memory, *, ping: bool, mail: bool,
                   reasons: Sequence[Message] = (), started: datetime | None = None,
                   state: str | None = None, now: datetime | None = None) -> tuple[list[Send], Memory]:
    """After a run: success ping for ok/warning (a warning's reasons in its body); fail ping and failure
    mail for a failure (once per attempt) — and for a run that counted while the status after it is
    failed (``state``: a stale 4D archive, an off-site copy that stopped), which a monitor must see."""
    sends: list[Send] = []
    if outcome in ("ok", "warning") and state == "failed":
        sends, memory = decide_run_end("failed", attempt_id, memory, ping=ping, mail=mail, reasons=reasons,
                                       started=started)
        if now is not None:  # the day's alarm went out: the due-check does not repeat it today
            today = now.date().isoformat()
            memory = replace(memory, overdue_ping_day=today if ping else memory.overdue_ping_day,
                             overdue_mail_day=today if mail else memory.overdue_mail_day)
        return sends, memory
    if outcome in ("ok", "warning"):
        if ping:
            sends.append(Send("ping", report_ping.SUCCESS, tuple(reasons) if outcome == "warning" else ()))
        # a later success makes waiting failure and overdue mails stale: they would only confuse
        memory = replace(memory, pending_mails=tuple(m for m in memory.pending_mails if m.get("kind") == "summary"))
    elif outcome == "failed":
        if reported(memory, attempt_id, started):
            return [], memory
        if ping:
            sends.append(Send("ping", report_ping.FAIL, tuple(reasons)))
        if mail:
            sends.append(Send("mail", "failure", tuple(reasons)))
        if attempt_id is not None:
            memory = replace(memory, failure_id=attempt_id,
                             failure_started=started.isoformat() if started is not None else None)
    return sends, memory


def decide_due(status, attempts: Sequence[Attempt], now: datetime, memory: Memory, *, ping: bool, mail: bool
               ) -> tuple[list[Send], Memory]:
    """At a due-check: an unreported failure; overdue or failed (once a day per channel: a stale 4D
    archive or a stopped off-site copy stays an alarm until it is mended); the monthly summary."""
    sends: list[Send] = []
    newest = next((a for a in sorted(attempts, key=lambda a: to_utc(a.started), reverse=True)
                   if a.kind == "backup" and a.outcome != RUNNING), None)
    if newest is not None and newest.outcome == "failed" and not reported(memory, newest.id, newest.started):
        failed, memory = decide_run_end("failed", newest.id, memory, ping=ping, mail=mail, reasons=newest.reasons,
                                        started=newest.started)
        sends += failed
    today = now.date().isoformat()
    state = getattr(status, "state", None)
    if state in ("overdue", "failed"):
        why = tuple(reason.message for reason in getattr(status, "reasons", ())[:3]) if state == "failed" else ()
        if ping and memory.overdue_ping_day != today and not any(s.kind == report_ping.FAIL for s in sends):
            sends.append(Send("ping", report_ping.FAIL, why))
        failure_mailed = state == "failed" and any(s.channel == "mail" for s in sends)
        if mail and memory.overdue_mail_day != today and not failure_mailed:
            sends.append(Send("mail", "overdue" if state == "overdue" else "failure", why))
        memory = replace(memory, overdue_ping_day=today if ping else memory.overdue_ping_day,
                         overdue_mail_day=today if mail else memory.overdue_mail_day)
    month = now.strftime("%Y-%m")
    if memory.summary_month is None:
        memory = replace(memory, summary_month=month)  # the first look: the first summary comes next month
    elif mail and memory.summary_month != month:
        sends.append(Send("mail", "summary"))
        memory = replace(memory, summary_month=month)
    return sends, memory
