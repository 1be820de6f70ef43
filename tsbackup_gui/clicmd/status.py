"""`tsbackup status [--json]`: the one status sentence, its reasons and the reminders due."""

from __future__ import annotations

from tsbackup_gui.app.status import current_status
from tsbackup_gui.core.clock import Clock


def add_parser(sub):
    p = sub.add_parser("status", help="say whether the backups are in order")
    p.add_argument("--json", action="store_true", help="one JSON object on stdout")
    p.set_defaults(handler=status)


def status(args, out) -> int:
    result = current_status(Clock().now())
    if args.json:
        out.emit(result.to_json(out.translate))
    else:
        lines = [out.sentence(result.message)]
        for message in [*(r.message for r in result.reasons), *(r.message for r in result.reminders)]:
            line = out.sentence(message)
            if line not in lines:  # the headline often is the first reason too
                lines.append(line)
        for line in lines:
            print(line, file=out.stdout, flush=True)
    return result.exit_code
