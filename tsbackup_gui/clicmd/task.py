"""`tsbackup task install|check|remove`: the OS task that runs `tsbackup run --scheduled` daily
as this user (servers where nobody is logged in). `install` starts it once and reports
whether it can read the settings and the password store; `check` asks the OS scheduler
whether the task exists, is switched on and how its last run ended."""

from __future__ import annotations

from tsbackup_gui.app.task import check_task, install_task, remove_task
from tsbackup_gui.core.errors import Exit
from tsbackup_gui.core.platform import current_os


def add_parser(sub):
    p = sub.add_parser("task", help="register the daily OS task (servers without a logged-in user)")
    p.add_argument("action", choices=("install", "check", "remove"))
    p.add_argument("--logon", choices=("password", "s4u", "interactive"), default="password",
                   help="Windows: password (runs with nobody logged on, with the user's credentials; the password "
                        "is read from stdin), s4u (with nobody logged on, without credentials: no Credential "
                        "Manager, no network shares), interactive (only while the user is logged on)")
    p.add_argument("--wait", type=float, default=90.0, help="seconds to wait for the first run's report")
    p.set_defaults(handler=run)


def run(args, out) -> int:
    os_name = current_os()
    if args.action == "check":
        ok, messages = check_task(os_name=os_name)
        for message in messages:
            out.say(message)
        return Exit.OK if ok else Exit.WARNING
    if args.action == "remove":
        out.say(remove_task(os_name=os_name))
        return Exit.OK
    password = None
    if os_name == "windows" and args.logon == "password":
        from tsbackup_gui.app.task import NEED_WINDOWS_PASSWORD
        from tsbackup_gui.clicmd.stdin import read_secret_line
        from tsbackup_gui.core.platform import user_name

        password = read_secret_line(lambda: NEED_WINDOWS_PASSWORD(user=user_name()))
    ok, message = install_task(os_name=os_name, logon=args.logon, password=password, wait_seconds=args.wait)
    out.say(message)
    return Exit.OK if ok else Exit.WARNING
