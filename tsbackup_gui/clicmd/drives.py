"""`tsbackup drives list|add DIR --label TEXT|remove DIR`: backup drives in rotation."""

from __future__ import annotations

from tsbackup_gui.core.store import config as config_mod
from tsbackup_gui.core.clock import Clock
from tsbackup_gui.core.errors import Exit, UserError
from tsbackup_gui.core.store.history import History
from tsbackup_gui.core.messages import QT_TRANSLATE_NOOP, define
from tsbackup_gui.core.drives.rotation import DRIVE_ADDED, DRIVE_REMOVED, add_drive, remove_drive, removed_label
from tsbackup_gui.core.status.rotation_history import drive_line, drives
from tsbackup_gui.core.status.facts import load_attempts

NEED_DIR = define(
    "rotation.need_dir",
    QT_TRANSLATE_NOOP("core", "Say which folder: tsbackup drives {action} DIR."),
)
NEED_LABEL = define(
    "rotation.need_label",
    QT_TRANSLATE_NOOP("core", "Give the drive a name with --label, for example --label \"Drive B\"."),
)


def add_parser(sub):
    p = sub.add_parser("drives", help="list, add or remove backup drives used in rotation")
    p.add_argument("action", choices=("list", "add", "remove"))
    p.add_argument("dir", nargs="?", metavar="DIR", help="the folder on the drive (as for setup --primary)")
    p.add_argument("--label", help="a short name for the drive (add)")
    p.add_argument("--json", action="store_true", help="list: one JSON array on stdout")
    p.set_defaults(handler=run)


def run(args, out) -> int:
    config = config_mod.require()
    if args.action == "list":
        now = Clock().now()
        states = drives(config, load_attempts(History()))
        if args.json:
            out.emit([state.to_json() for state in states])
        else:
            for state in states:
                out.say(drive_line(state, now))
        return Exit.OK
    if not args.dir:
        raise UserError(NEED_DIR(action=args.action), Exit.USAGE)
    if args.action == "add":
        if not args.label:
            raise UserError(NEED_LABEL(), Exit.USAGE)
        new = add_drive(config, args.dir, args.label, now=Clock().now())
        added = new.extra_drives[-1]
        out.say(DRIVE_ADDED(label=added["label"], path=added["path"]))
        return Exit.OK
    label = removed_label(config, args.dir)
    remove_drive(config, args.dir)
    out.say(DRIVE_REMOVED(label=label))
    return Exit.OK
