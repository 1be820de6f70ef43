"""`tsbackup restore`: from the backup drive, from the off-site backup, or on a new computer.

    tsbackup restore --from primary|secondary [--generation ID | --snapshot ID] --to DIR
    tsbackup restore --repo URL --password-stdin --to DIR      (no configuration needed)
"""

from __future__ import annotations

from pathlib import Path

import os

from tsbackup_gui.app import restore as restore_app
from tsbackup_gui.clicmd.stdin import PASSWORD_PROMPT, read_secret_line
from tsbackup_gui.core.errors import Exit, UserError
from tsbackup_gui.core.messages import QT_TRANSLATE_NOOP, define
from tsbackup_gui.core.restore.into_folder import RestoreReport, RestoreVerifyError, restored_message
from tsbackup_gui.core.store import config as config_mod

NEED_SOURCE = define(
    "restore.need_source",
    QT_TRANSLATE_NOOP("core", "Say where to restore from: --from primary, --from secondary, or --repo URL with --password-stdin."),
)
BAD_COMBINATION = define(
    "restore.bad_combination",
    QT_TRANSLATE_NOOP("core", "{option} cannot be used here: {hint}"),
)
HINT_GENERATION = define(
    "restore.hint_generation",
    QT_TRANSLATE_NOOP("core", "--generation is for --from primary, --snapshot for the off-site backup."),
)
HINT_REPO = define(
    "restore.hint_repo",
    QT_TRANSLATE_NOOP("core", "--repo restores without a configuration and replaces --from."),
)
NEED_PASSWORD_STDIN = define(
    "restore.need_password_stdin",
    QT_TRANSLATE_NOOP("core", "--repo needs --password-stdin: pass the password from the recovery sheet on standard input."),
)
EMPTY_PASSWORD = define(
    "restore.empty_password",
    QT_TRANSLATE_NOOP("core", "No password arrived on standard input. Pass the password from the recovery sheet, for example with: echo 'PASSWORD' | tsbackup restore …"),
)


CONFIRM_HOST_KEY = define(
    "restore.confirm_host_key",
    QT_TRANSLATE_NOOP(
        "core",
        "The SFTP server shows the host key {fingerprint}. Is it the one on the recovery sheet? Type yes to go on:",
    ),
)


def add_parser(sub):
    p = sub.add_parser("restore", help="restore a backup into an empty folder and check it")
    p.add_argument("--from", dest="source", choices=("primary", "secondary"), help="the backup drive or the off-site backup")
    p.add_argument("--generation", metavar="ID", help="a generation on the backup drive (default: the newest good one)")
    p.add_argument("--snapshot", metavar="ID", help="an off-site snapshot (default: the newest)")
    p.add_argument("--repo", metavar="URL", help="an off-site repository, without any configuration (new computer)")
    p.add_argument("--host", metavar="NAME", help="with --repo: the newest snapshot of this computer")
    p.add_argument("--password-stdin", action="store_true", help="read the repository password from one line of stdin")
    p.add_argument("--ssh-key", metavar="FILE", help="with an sftp: --repo: the private SSH key that logs in")
    p.add_argument("--host-key", metavar="SHA256:…",
                   help="with an sftp: --repo: the server's host key fingerprint from the recovery sheet")
    p.add_argument("--to", metavar="DIR", required=True, help="a new or empty folder")
    p.add_argument("--json", action="store_true", help="one JSON summary object on stdout")
    p.set_defaults(handler=run)


def _refuse(option: str, hint) -> UserError:
    return UserError(BAD_COMBINATION(option=option, hint=hint()), Exit.USAGE)


def run(args, out) -> int:
    to = Path(os.path.abspath(os.path.expanduser(args.to)))  # a relative --to is relative to here
    if args.repo:
        if args.source:
            raise _refuse("--from", HINT_REPO)
        if args.generation:
            raise _refuse("--generation", HINT_GENERATION)
        if not args.password_stdin:
            raise UserError(NEED_PASSWORD_STDIN(), Exit.USAGE)
    elif not args.source:
        raise UserError(NEED_SOURCE(), Exit.USAGE)
    elif args.source == "primary" and args.snapshot:
        raise _refuse("--snapshot", HINT_GENERATION)
    elif args.source == "secondary" and args.generation:
        raise _refuse("--generation", HINT_GENERATION)
    elif args.host:
        raise _refuse("--host", HINT_REPO)
    elif args.ssh_key or args.host_key:
        raise _refuse("--ssh-key" if args.ssh_key else "--host-key", HINT_REPO)
    restore_app.check_target(to, None if args.repo else config_mod.require())
    try:
        report = _restore(args, to, out)
    except RestoreVerifyError as error:
        if args.json:
            out.emit(_summary(out, error.report, "failed", error.exit_code, [error.message]))
        raise
    except UserError as error:
        if args.json:
            out.emit({"event": "summary", "outcome": "failed", "exit_code": error.exit_code, "to": str(to),
                      "reasons": [{"code": error.message.id, "message": out.sentence(error.message)}]})
        raise
    message = restored_message(report)
    code = Exit.WARNING if report.kept_names else Exit.OK  # restored and checked, but not every original name
    if args.json:
        out.emit(_summary(out, report, "warning" if report.kept_names else "ok", code,
                          [message] if report.kept_names else []))
    out.say(message)
    return code


def _restore(args, to: Path, out) -> RestoreReport:
    if args.repo:
        password = read_secret_line(EMPTY_PASSWORD, out.sentence(PASSWORD_PROMPT()))
        return restore_app.restore_on_new_computer(
            args.repo, password, to, host=args.host, snapshot=args.snapshot,
            ssh_key=Path(args.ssh_key) if args.ssh_key else None, host_key=args.host_key,
            confirm_host_key=lambda shown: _ask_on_terminal(out.sentence(CONFIRM_HOST_KEY(fingerprint=shown))))
    config = config_mod.require()
    if args.source == "primary":
        return restore_app.restore_generation(config, args.generation, to)
    return restore_app.restore_snapshot(config, args.snapshot, to)


def _ask_on_terminal(question: str) -> bool:
    """A yes from the person at the terminal (the password may have come through a pipe, so the
    terminal itself is asked); no terminal: no (the caller then asks for --host-key)."""
    try:
        with open("/dev/tty", "r+", encoding="utf-8", errors="replace") as tty:
            tty.write(question + " ")
            tty.flush()
            return tty.readline().strip().lower() in YES_WORDS
    except OSError:
        return False


YES_WORDS = {"y", "yes", "j", "ja"}


def _summary(out, report: RestoreReport, outcome: str, exit_code: int, reasons) -> dict:
    return {"event": "summary", "outcome": outcome, "exit_code": int(exit_code), **report.to_json(),
            "reasons": [{"code": m.id, "message": out.sentence(m)} for m in reasons]}
