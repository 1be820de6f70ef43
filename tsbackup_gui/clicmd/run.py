"""`tsbackup run`: one primary backup now, with the exit codes of the contract.

`--scheduled` is what the OS task runs: it backs up only when a slot is due
(else exit 0, nothing recorded) and records a wait for timeSensor LEGAL or
the backup drive once per slot.
"""

from __future__ import annotations

import logging

from ..core import config as config_mod
from ..core import reports
from ..render.translate import Translator, system_language
from ..core.clock import Clock
from ..core.jobs import NOT_DUE, run_backup
from ..core.platform import task_probe


def add_parser(sub):
    p = sub.add_parser("run", help="make a backup now")
    p.add_argument("--json", action="store_true", help="JSON events on stdout, one per line")
    p.add_argument("--scheduled", action="store_true", help="run only when a backup is due (the OS task uses this)")
    p.set_defaults(handler=run)


def run(args, out) -> int:
    if args.scheduled:  # the OS task's note: can it read the settings and the keyring in its context?
        task_probe.record()
    config = config_mod.require()
    reports.use_translator(report_translator)  # report mails in the tray's language (core has no Qt)
    result = run_backup(config, clock=Clock(), events=out.emit if args.json else None, scheduled=args.scheduled)
    messages = result.messages()
    if result.generation is not None or result.outcome == NOT_DUE:  # the command's normal output
        out.say(messages.pop(0))
    for message in messages:  # warnings and errors: stderr, like every other error sentence
        out.warn(message)
    if args.scheduled:  # the OS task's hourly due-check: overdue, monthly summary, retries (never changes the exit)
        _report_due(config)
    return result.exit_code


def report_translator(language: str | None):
    """The configured language, else the system's — as the tray does (Windows has no LANG)."""
    return Translator(language or system_language())


def _report_due(config) -> None:
    from ..core.history import History
    from ..core.status import compute_status
    from ..core.status_facts import gather, load_attempts

    if not config.reports:
        return
    try:
        now = Clock().now()
        attempts = load_attempts(History())
        reports.due_check(config, compute_status(config, attempts, now, gather(config)), now=now, attempts=attempts)
    except Exception:  # a report must never turn a backup's exit code
        logging.getLogger(__name__).exception("report due-check failed")
