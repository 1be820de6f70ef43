"""Sending what `reports` decided, and retrying what could not be sent: the I/O half.

Every function takes the reports memory and gives back a new one, with the
problem of each channel (mail, ping) recorded or cleared and what failed
kept for a later retry (not more often than `RETRY_EVERY`, for at most
`KEEP_PENDING`). Nothing here raises into a backup; the SMTP password is
read from the keyring at the moment of sending and never stored elsewhere.
"""

from __future__ import annotations

import logging
import time
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

from tsbackup_gui.core.reports import mail as report_mail, ping as report_ping
from tsbackup_gui.core.reports.settings import configured, fingerprint
from tsbackup_gui.core.store.config import Config
from tsbackup_gui.core.schedule.zone import to_utc
from tsbackup_gui.core.store.secrets import SMTP_PASSWORD as SMTP_PASSWORD_SECRET

log = logging.getLogger(__name__)

RETRY_EVERY = timedelta(minutes=5)
KEEP_PENDING = timedelta(days=7)
MAX_PENDING_MAILS = 5
#: One pass (a due-check, the end of a run) never spends longer than this on the network: a dead
#: mail server or DNS must not hold the reports lock (and with it the next backup) for minutes.
PASS_BUDGET_S = 15.0
MIN_TIMEOUT_S = 0.5

Translate = Any


class Budget:
    """The time one pass may still spend sending; each try gets at most what is left."""

    def __init__(self, seconds: float | None = None, monotonic=time.monotonic):
        self._monotonic = monotonic
        self._deadline = monotonic() + (PASS_BUDGET_S if seconds is None else seconds)

    def timeout(self, default: float) -> float | None:
        """The timeout for the next try; None when the pass is out of time (do not try)."""
        left = self._deadline - self._monotonic()
        if left < MIN_TIMEOUT_S:
            return None
        return min(default, left)


def send_all(config: Config, sends: list, memory: Any, status, attempts, now: datetime,
              translate: Translate, budget: Budget | None = None) -> Any:
    from tsbackup_gui import __version__

    budget = budget or Budget()
    url, settings = configured(config)
    sentence = translate(status.message)
    stamp = now.isoformat(timespec="seconds")
    for send in sends:
        if send.channel == "ping" and url:
            lines = [translate(reason) for reason in send.reasons[:3]]
            body = "\n".join(dict.fromkeys([*lines, sentence])) if send.kind != report_ping.START else ""
            reason = ping_once(url, send.kind, body, budget)
            if reason is None:
                memory = _solved(memory, "ping", pending_ping=None)
            else:
                memory = _problem(memory, "ping", reason, stamp, config,
                                  pending_ping={"kind": send.kind, "body": body, "since": stamp, "tried": stamp})
        elif send.channel == "mail" and settings is not None:
            mail = _compose(send, config, status, attempts, now, settings, __version__)
            subject, body = mail.render(translate)
            memory = _mail(config, settings, memory, {"kind": send.kind, "subject": subject, "body": body,
                                                      "since": stamp}, stamp, budget)
    return memory


OUT_OF_TIME = "not tried: the reports ran out of time"


def ping_once(url: str, kind: str, body: str, budget: Budget) -> str | None:
    timeout = budget.timeout(report_ping.TIMEOUT)
    if timeout is None:
        return OUT_OF_TIME
    return report_ping.ping(url, kind, body, timeout=timeout)


def send_mail(config: Config, settings, subject: str, body: str, budget: Budget) -> str | None:
    timeout = budget.timeout(report_mail.TIMEOUT)
    if timeout is None:
        return OUT_OF_TIME
    return report_mail.send(settings, _password(config, settings), subject, body, timeout=timeout)


def _compose(send, config: Config, status, attempts, now: datetime, settings, version: str):
    if send.kind == "summary":
        from tsbackup_gui.core.reports.summary import summary_mail

        return summary_mail(config, status, attempts, now, version=version, recipients=settings.to)
    return report_mail.status_mail(send.kind, status, computer=config.computer, version=version,
                                   recipients=settings.to, failure=send.reasons, now=now)


def _mail(config: Config, settings, memory: Any, item: dict[str, str], stamp: str, budget: Budget) -> Any:
    """Sends one composed mail; a failure keeps it for a retry (the newest few only)."""
    reason = send_mail(config, settings, item["subject"], item["body"], budget)
    if reason is None:
        return _solved(memory)
    pending = [m for m in memory.pending_mails if m is not item][-(MAX_PENDING_MAILS - 1):]
    return _problem(memory, "mail", reason, stamp, config, pending_mails=tuple([*pending, {**item, "tried": stamp}]))


def retry(config: Config, memory: Any, now: datetime, budget: Budget | None = None) -> Any:
    """Sends what failed before, when it last failed long enough ago; drops what is too old to matter.

    The first failure of a channel ends that channel's pass (a server that did not answer one
    mail will not answer the next), and the whole pass stays within ``budget``."""
    budget = budget or Budget()
    url, settings = configured(config)
    stamp = now.isoformat(timespec="seconds")
    ping = memory.pending_ping
    if ping is not None and (not url or _older(ping.get("since"), now, KEEP_PENDING)):
        memory = replace(memory, pending_ping=None)
    elif ping is not None and _older(ping.get("tried"), now, RETRY_EVERY):
        reason = ping_once(url, ping.get("kind") or report_ping.FAIL, ping.get("body") or "", budget)
        memory = _solved(memory, "ping", pending_ping=None) if reason is None else \
            _problem(memory, "ping", reason, stamp, config, pending_ping={**ping, "tried": stamp})
    if memory.pending_mails:
        memory = _retry_mails(config, settings, memory, now, stamp, budget)
    return settle(memory)


def _retry_mails(config: Config, settings, memory: Any, now: datetime, stamp: str, budget: Budget) -> Any:
    if settings is None:
        return replace(memory, pending_mails=())
    kept: list[dict[str, str]] = []
    failed = False
    for item in memory.pending_mails:
        if _older(item.get("since"), now, KEEP_PENDING):
            continue
        if failed or not _older(item.get("tried"), now, RETRY_EVERY):
            kept.append(item)
            continue
        reason = send_mail(config, settings, item.get("subject") or "", item.get("body") or "", budget)
        if reason is None:
            memory = _solved(memory)
        else:
            failed = True
            memory = _problem(memory, "mail", reason, stamp, config)
            kept.append({**item, "tried": stamp})
    return replace(memory, pending_mails=tuple(kept))


def settle(memory: Any) -> Any:
    """A channel with nothing waiting any more has no problem to show: its items went out,
    expired or became stale (a later success), and a warning about them would only linger."""
    problems = {channel: problem for channel, problem in memory.problems.items()
                if (channel == "ping" and memory.pending_ping is not None)
                or (channel == "mail" and memory.pending_mails)}
    return memory if problems == memory.problems else replace(memory, problems=problems)


def _password(config: Config, settings) -> str | None:
    if not settings.user:
        return None
    from tsbackup_gui.core.errors import UserError
    from tsbackup_gui.core.store.secrets import SecretStore

    try:
        return SecretStore(config.setup_id).get(SMTP_PASSWORD_SECRET)
    except UserError as error:
        log.warning("reports: the SMTP password cannot be read: %s", error.message.english())
        return None


def _solved(memory: Any, channel: str = "mail", **changes) -> Any:
    problems = {k: v for k, v in memory.problems.items() if k != channel}
    return replace(memory, problems=problems, **changes)


def _problem(memory: Any, channel: str, reason: str, stamp: str, config: Config | None = None, **changes) -> Any:
    problem = {"reason": reason, "when": stamp}
    digest = fingerprint(config, channel)
    if digest:
        problem["settings"] = digest
    return replace(memory, problems={**memory.problems, channel: problem}, **changes)


def _older(stamp: str | None, now: datetime, age: timedelta) -> bool:
    try:
        moment = datetime.fromisoformat(stamp) if stamp else None
    except ValueError:
        moment = None
    if moment is None or moment.tzinfo is None:
        return True
    return to_utc(now) - to_utc(moment) >= age
