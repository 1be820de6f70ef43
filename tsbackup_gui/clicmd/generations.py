"""`tsbackup generations`: the finished primary generations, oldest first."""

from __future__ import annotations

from tsbackup_gui.core.store import config as config_mod
from tsbackup_gui.core.primary.rows import NO_GENERATIONS, generation_line, generation_rows
from tsbackup_gui.core.drives.rotation import connected_config


def add_parser(sub):
    p = sub.add_parser("generations", help="list the primary backups")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=run)


def run(args, out) -> int:
    rows = generation_rows(connected_config(config_mod.require()))  # rotation: the drive that is connected
    if args.json:
        out.emit(rows)
        return 0
    if not rows:
        out.say(NO_GENERATIONS())
    for row in rows:
        out.say(generation_line(row))
    return 0
