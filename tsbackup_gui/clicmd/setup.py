"""`tsbackup setup`: store a configuration without questions (IT partners, tests)."""

from __future__ import annotations

from ..core.setup import SETUP_DONE, SetupOptions, configure


def add_parser(sub):
    p = sub.add_parser("setup", help="store the backup configuration without questions")
    p.add_argument("--source", required=True, metavar="DIR", help="the timeSensor data folder")
    p.add_argument("--primary", required=True, metavar="DIR", help="the drive or folder for the primary backup")
    p.add_argument("--mode", choices=("single", "server"), help="single (default) or server")
    p.add_argument("--computer", metavar="NAME", help="folder name for this computer (default: the host name)")
    p.add_argument("--keep-daily", metavar="N")
    p.add_argument("--keep-weekly", metavar="N")
    p.add_argument("--keep-monthly", metavar="N")
    p.add_argument("--working-days", metavar="DAYS", help="e.g. mon-fri or mon,tue,thu")
    p.add_argument("--time", metavar="HH:MM", help="daily backup time")
    p.add_argument("--adopt", action="store_true", help="take over a backup folder of an earlier setup, keeping its backups")
    p.set_defaults(handler=run)


def run(args, out) -> int:
    result = configure(
        SetupOptions(
            source=args.source, primary=args.primary, mode=args.mode, computer=args.computer,
            keep_daily=args.keep_daily, keep_weekly=args.keep_weekly, keep_monthly=args.keep_monthly,
            working_days=args.working_days, time=args.time, adopt=args.adopt,
        )
    )
    for warning in result.warnings:
        out.warn(warning)
    out.say(SETUP_DONE(source=result.config.source, folder=str(result.folder)))
    return 0
