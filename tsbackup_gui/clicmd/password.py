"""`tsbackup password --new-password-stdin`: a new off-site password; the old one stops working."""

from __future__ import annotations

from tsbackup_gui.core.store import config as config_mod
from tsbackup_gui.core.errors import Exit, UserError
from tsbackup_gui.core.messages import QT_TRANSLATE_NOOP, define
from tsbackup_gui.app.password import change_offsite_password
from tsbackup_gui.core.offsite.password_change import CHANGED
from tsbackup_gui.clicmd.stdin import PASSWORD_PROMPT, read_secret_line

EMPTY_NEW_PASSWORD = define(
    "password.empty",
    QT_TRANSLATE_NOOP("core", "No new password was given on standard input. Pipe it in, for example: tsbackup password --new-password-stdin < file."),
)
NEED_STDIN = define(
    "password.need_stdin",
    QT_TRANSLATE_NOOP("core", "Give the new password on standard input with --new-password-stdin; it is never taken from the command line."),
)


def add_parser(sub):
    p = sub.add_parser("password", help="change the password of the off-site backup")
    p.add_argument("--new-password-stdin", action="store_true", help="read the new password (one line) from stdin")
    p.set_defaults(handler=run)


def run(args, out) -> int:
    if not args.new_password_stdin:
        raise UserError(NEED_STDIN(), Exit.USAGE)
    config = config_mod.require()
    change_offsite_password(config, read_secret_line(EMPTY_NEW_PASSWORD, out.sentence(PASSWORD_PROMPT())))
    out.say(CHANGED())
    return Exit.OK
