"""`tsbackup rename-computer NEW`: the one way to change the name the backups are kept under."""

from __future__ import annotations

from tsbackup_gui.app.setup import rename
from tsbackup_gui.core.errors import Exit


def add_parser(sub):
    p = sub.add_parser("rename-computer", help="give this computer's backups a new name, on every drive")
    p.add_argument("name", metavar="NEW", help="the new name (a folder name on the backup drives)")
    p.set_defaults(handler=run)


def run(args, out) -> int:
    for message in rename(args.name).messages():
        out.say(message)
    return Exit.OK
