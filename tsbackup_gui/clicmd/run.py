"""`tsbackup run`: one primary backup now, with the exit codes of the contract.

`--scheduled` is what the OS task runs: it backs up only when a slot is due
(else exit 0, nothing recorded) and records a wait for timeSensor LEGAL or
the backup drive once per slot.
"""

from __future__ import annotations


import argparse
import contextlib
import signal
import threading

from tsbackup_gui.app.backup import back_up_now, scheduled_run, use_report_language
from tsbackup_gui.core.clock import Clock
from tsbackup_gui.core.run.result import NOT_DUE
from tsbackup_gui.render.translate import Translator, system_language


def add_parser(sub):
    p = sub.add_parser("run", help="make a backup now")
    p.add_argument("--json", action="store_true", help="JSON events on stdout, one per line")
    p.add_argument("--scheduled", action="store_true", help="run only when a backup is due (the OS task uses this)")
    p.add_argument("--os-task", action="store_true", help=argparse.SUPPRESS)  # started by the OS scheduler
    p.set_defaults(handler=run)


def run(args, out) -> int:
    use_report_language(report_translator)  # report mails in the tray's language (core has no Qt)
    events = out.emit if args.json else None
    cancel = threading.Event()
    with ctrl_c_cancels(cancel):
        if args.scheduled:
            result = scheduled_run(clock=Clock(), events=events, cancel=cancel, by_task=args.os_task)
        else:
            result = back_up_now(clock=Clock(), events=events, cancel=cancel)
    messages = result.messages()
    if result.generation is not None or result.outcome == NOT_DUE:  # the command's normal output
        out.say(messages.pop(0))
    for message in messages:  # warnings and errors: stderr, like every other error sentence
        out.warn(message)
    return result.exit_code


@contextlib.contextmanager
def ctrl_c_cancels(cancel: threading.Event):
    """The first Ctrl-C stops the run as the tray's "Cancel backup" does (between files, the upload
    interrupted, recorded as cancelled with its sentence and exit 130); a second one interrupts at once."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.getsignal(signal.SIGINT)

    def first_ctrl_c(_signum, _frame):
        cancel.set()
        signal.signal(signal.SIGINT, previous)

    signal.signal(signal.SIGINT, first_ctrl_c)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def report_translator(language: str | None):
    """The configured language, else the system's — as the tray does (Windows has no LANG)."""
    return Translator(language or system_language())
