"""`tsbackup diagnostics --to FILE.zip`: a bundle for the IT partner, without any secret."""

from __future__ import annotations

from pathlib import Path

from tsbackup_gui.core.clock import Clock
from tsbackup_gui.app.diagnostics import write_diagnostics
from tsbackup_gui.core.reports.diagnostics import BUNDLE_WRITTEN
from tsbackup_gui.core.errors import Exit


def add_parser(sub):
    p = sub.add_parser("diagnostics", help="write a zip with settings, log, history and versions (no passwords)")
    p.add_argument("--to", required=True, metavar="FILE.zip", help="a new file; an existing one is never overwritten")
    p.set_defaults(handler=run)


def run(args, out) -> int:
    path = write_diagnostics(Path(args.to), Clock().now())
    out.say(BUNDLE_WRITTEN(path=str(path)))
    return Exit.OK
