"""`tsbackup setup`: store a configuration without questions (IT partners, tests)."""

from __future__ import annotations

import sys

from tsbackup_gui.core.errors import Exit, UserError
from tsbackup_gui.clicmd.stdin import PASSWORD_PROMPT, read_secret_line
from tsbackup_gui.core.messages import QT_TRANSLATE_NOOP, define
from tsbackup_gui.app.setup import set_up
from tsbackup_gui.core.setup.configure import SETUP_DONE, SetupOptions
from tsbackup_gui.clicmd import reports_args

EMPTY_PASSWORD = define(
    "setup.empty_password",
    QT_TRANSLATE_NOOP(
        "core",
        "No password arrived on standard input. Pass the off-site password on one line, for example with: "
        "echo 'PASSWORD' | tsbackup setup … --password-stdin",
    ),
)

EMPTY_S3_KEYS = define(
    "setup.empty_s3_keys",
    QT_TRANSLATE_NOOP(
        "core",
        "--s3-keys-stdin needs two lines on standard input: the access key ID, then the secret key (after the "
        "password line when --password-stdin is given too).",
    ),
)


def add_parser(sub):
    p = sub.add_parser("setup", help="store the backup configuration without questions")
    p.add_argument("--source", metavar="DIR", help="the timeSensor data folder (required unless --test-only)")
    p.add_argument("--primary", metavar="DIR", help="the drive or folder for the primary backup (required unless --test-only)")
    p.add_argument("--mode", choices=("single", "server"), help="single (default) or server")
    p.add_argument("--computer", metavar="NAME", help="folder name for this computer (default: the host name)")
    p.add_argument("--keep-daily", metavar="N")
    p.add_argument("--keep-weekly", metavar="N")
    p.add_argument("--keep-monthly", metavar="N")
    p.add_argument("--working-days", metavar="DAYS", help="e.g. mon-fri or mon,tue,thu")
    p.add_argument("--time", metavar="HH:MM", help="daily backup time")
    p.add_argument("--adopt", action="store_true", help="take over a backup folder of an earlier setup, keeping its backups")
    p.add_argument("--secondary", metavar="TARGET",
                   help="off-site backup: a folder (NAS, share, drive), sftp://user@host:port//path, "
                        "s3:https://endpoint/bucket/folder, rest:https://host:port/path or external:TEXT")
    p.add_argument("--ssh-key", metavar="FILE",
                   help="SFTP: the private SSH key (its passphrase, if any, from TSBACKUP_SSH_PASSPHRASE)")
    p.add_argument("--s3-keys-stdin", action="store_true",
                   help="S3: read the access key ID and the secret key from two lines of stdin (after the password "
                        "line with --password-stdin); default: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY")
    p.add_argument("--append-only", action="store_true",
                   help="REST: the server is append-only, so old snapshots are never deleted from here")
    p.add_argument("--test-only", action="store_true",
                   help="only test the off-site target (or the configured one) and say whether it works; writes nothing")
    p.add_argument("--password-stdin", action="store_true",
                   help="read the off-site password from one line of stdin (default for a new one: generated)")
    p.add_argument("--limit-upload", metavar="KiB/s", help="limit the off-site upload (0: no limit)")
    reports_args.add_arguments(p)
    p.set_defaults(handler=run)


def run(args, out) -> int:
    password = read_secret_line(EMPTY_PASSWORD, out.sentence(PASSWORD_PROMPT())) if args.password_stdin else None
    s3_keys = _read_s3_keys() if args.s3_keys_stdin else None
    reports = reports_args.options(args, stdin_taken=bool(args.password_stdin or args.s3_keys_stdin))
    if args.test_only and reports is not None:  # the report ping and mail, and the off-site target when there is one
        return reports_args.test_only(args, out, reports, password, s3_keys)
    if args.test_only and args.secondary is None and reports_args.stored_reports():  # what the status asks for
        return reports_args.test_only(args, out, None, password, s3_keys)
    if args.test_only:
        from tsbackup_gui.core.setup.offsite_repo import SecondaryOptions
        from tsbackup_gui.core.setup.remote import test_target

        result = test_target(SecondaryOptions(args.secondary, password, None, ssh_key=args.ssh_key, s3_keys=s3_keys,
                                              append_only=args.append_only))
        (out.say if result.ok else out.warn)(result.message)
        return result.exit_code
    missing = [name for name, value in (("--source", args.source), ("--primary", args.primary)) if not value]
    if missing:
        from tsbackup_gui.clicmd.output import BAD_USAGE

        raise UserError(BAD_USAGE(detail="The following arguments are required: " + ", ".join(missing)), Exit.USAGE)
    result = set_up(
        SetupOptions(
            source=args.source, primary=args.primary, mode=args.mode, computer=args.computer,
            keep_daily=args.keep_daily, keep_weekly=args.keep_weekly, keep_monthly=args.keep_monthly,
            working_days=args.working_days, time=args.time, adopt=args.adopt,
            secondary=args.secondary, password=password, limit_upload=args.limit_upload,
            ssh_key=args.ssh_key, s3_keys=s3_keys, append_only=args.append_only, reports=reports,
        )
    )
    for warning in result.warnings:
        out.warn(warning)
    out.say(SETUP_DONE(source=result.config.source, folder=str(result.folder)))
    for note in result.notes:
        out.say(note)
    return Exit.OK


def _read_s3_keys() -> tuple[str, str]:
    """Two lines of stdin: the access key ID, then the secret key."""
    keys = tuple(sys.stdin.readline().rstrip("\r\n").strip() for _ in range(2))
    if not all(keys):
        raise UserError(EMPTY_S3_KEYS(), Exit.USAGE)
    return keys  # type: ignore[return-value]


