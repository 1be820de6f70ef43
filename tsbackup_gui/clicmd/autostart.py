"""`tsbackup autostart on|off|status`: start the app at login, or not — scriptable for an IT partner.

The same entry and the same remembered choice as the app's own first start
(core/platform/autostart_first_run.py), so `off` stays off after updates and restarts.
"""

from __future__ import annotations

from tsbackup_gui.core.errors import Exit
from tsbackup_gui.core.platform import autostart_first_run as first_run


def add_parser(sub):
    p = sub.add_parser("autostart", help="start the app when this user logs in (on), stop that (off), or show it")
    p.add_argument("action", choices=("on", "off", "status"))
    p.add_argument("--json", action="store_true", help="status: one JSON object on stdout")
    p.set_defaults(handler=run)


def run(args, out) -> int:
    if args.action == "status":
        state = first_run.status_here()
        if args.json:
            out.emit({**state.to_json(), "message": out.sentence(state.message())})
        else:
            out.say(state.message())
        return Exit.OK
    first_run.set_here(args.action == "on")
    state = first_run.status_here()
    out.say(first_run.ENABLED(where=state.where) if args.action == "on" else first_run.DISABLED())
    return Exit.OK
