"""`tsbackup forget --yes`: remove this computer's setup (settings, passwords, task), never backups."""

from __future__ import annotations

from tsbackup_gui.core.clock import Clock
from tsbackup_gui.core.errors import Exit
from tsbackup_gui.app.setup import forget
from tsbackup_gui.core.setup.forget import WOULD_FORGET


def add_parser(sub):
    p = sub.add_parser("forget", help="remove this setup's settings and stored passwords (backups stay)")
    p.add_argument("--yes", action="store_true", help="really do it")
    p.add_argument("--i-have-the-password", dest="have_password", action="store_true",
                   help="forget even though the recovery sheet with the off-site password was never confirmed")
    p.add_argument("--json", action="store_true", help="one JSON object on stdout")
    p.set_defaults(handler=run)


def run(args, out) -> int:
    if not args.yes:
        out.warn(WOULD_FORGET())
        return Exit.USAGE
    result = forget(now=Clock().now(), i_have_the_password=args.have_password)
    if args.json:
        out.emit(result.to_json())
    messages = result.messages()
    for message in messages:
        out.say(message)
    return Exit.WARNING if result.problems else Exit.OK
