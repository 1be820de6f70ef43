"""`tsbackup run`: one primary backup now, with the exit codes of the contract."""

from __future__ import annotations

from ..core import config as config_mod
from ..core.clock import Clock
from ..core.jobs import run_backup


def add_parser(sub):
    p = sub.add_parser("run", help="make a backup now")
    p.add_argument("--json", action="store_true", help="JSON events on stdout, one per line")
    p.add_argument("--scheduled", action="store_true", help="run only when a backup is due (the OS task uses this)")
    p.set_defaults(handler=run)


def run(args, out) -> int:
    config = config_mod.require()
    # --scheduled: until the schedule exists, every call is due (the status issue narrows this).
    result = run_backup(config, clock=Clock(), events=out.emit if args.json else None)
    messages = result.messages()
    if result.generation is not None:  # a backup was made: the headline is the command's output
        out.say(messages.pop(0))
    for message in messages:  # warnings and errors: stderr, like every other error sentence
        out.warn(message)
    return result.exit_code
