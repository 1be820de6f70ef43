"""`tsbackup task install|check|remove`: the OS task that runs `tsbackup run --scheduled` daily
as this user (servers where nobody is logged in). `install` starts it once and reports
whether it can read the settings and the password store."""

from __future__ import annotations

from pathlib import Path

from tsbackup_gui.core.store import config as config_mod
from tsbackup_gui.core.errors import Exit
from tsbackup_gui.core.platform import current_os, execute, ostask, user_name
from tsbackup_gui.core.platform import task_note as task_probe
from tsbackup_gui.core.platform.commands import cli_argv
from tsbackup_gui.core.places import places


def add_parser(sub):
    p = sub.add_parser("task", help="register the daily OS task (servers without a logged-in user)")
    p.add_argument("action", choices=("install", "check", "remove"))
    p.add_argument("--logon", choices=("password", "s4u", "interactive"), default="password",
                   help="Windows: how the task logs on (password keeps the keyring reachable)")
    p.add_argument("--wait", type=float, default=90.0, help="seconds to wait for the first run's report")
    p.set_defaults(handler=run)


def run(args, out) -> int:
    os_name = current_os()
    home = Path.home()
    if args.action == "check":
        ok, message = task_probe.verdict(task_probe.read())
        out.say(message)
        return Exit.OK if ok else Exit.WARNING
    if args.action == "remove":
        execute(ostask.remove_steps(os_name, home), os_name)
        return Exit.OK
    config = config_mod.require()
    task = ostask.spec(cli_argv(), config.time, user_name(), env=_env(), logon=args.logon)
    install = ostask.install_steps(os_name, task, home, folder=places().state_dir)
    ok, message = task_probe.install_and_check(install, ostask.run_now_steps(os_name), os_name,
                                               wait_seconds=args.wait)
    out.say(message)
    return Exit.OK if ok else Exit.WARNING


def _env() -> dict[str, str]:
    """The task must see the same TSBACKUP_HOME and keyring backend as the user who set it up."""
    import os

    return {k: os.environ[k] for k in ("TSBACKUP_HOME", "PYTHON_KEYRING_BACKEND") if os.environ.get(k)}
