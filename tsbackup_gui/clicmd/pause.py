"""`tsbackup pause --days N | --resume`: scheduled backups skip until the pause ends by itself."""

from __future__ import annotations

from tsbackup_gui.core.store import config as config_mod
from tsbackup_gui.core.clock import Clock
from tsbackup_gui.core.errors import Exit
from tsbackup_gui.app.pause import pause_for, resume_now
from tsbackup_gui.core.schedule.pause import NOT_PAUSED, PAUSED, RESUMED, paused_until, until_words


def add_parser(sub):
    p = sub.add_parser("pause", help="pause the scheduled backups for 1 to 30 days, or resume them")
    group = p.add_mutually_exclusive_group(required=True)
    group.add_argument("--days", type=int, metavar="N", help="pause for N days (1–30); ends by itself")
    group.add_argument("--resume", action="store_true", help="end the pause now")
    p.set_defaults(handler=run)


def run(args, out) -> int:
    config = config_mod.require()
    now = Clock().now()
    if args.resume:
        was_paused = paused_until(config, now) is not None
        resume_now()  # on the settings as they are on disk now (the tray may have changed them)
        out.say(RESUMED() if was_paused else NOT_PAUSED())
        return Exit.OK
    new = pause_for(args.days, now)  # also tells the IT partner, when reports are set up
    out.say(PAUSED(day=until_words(paused_until(new, now), now)))
    return Exit.OK
