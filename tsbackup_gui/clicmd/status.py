"""`tsbackup status [--json]`: the one status sentence, its reasons and the reminders due."""

from __future__ import annotations

from ..core import config as config_mod
from ..core.clock import Clock
from ..core.history import History
from ..core.status import NO_FACTS, compute_status
from ..core.status_facts import gather, load_attempts


def add_parser(sub):
    p = sub.add_parser("status", help="say whether the backups are in order")
    p.add_argument("--json", action="store_true", help="one JSON object on stdout")
    p.set_defaults(handler=status)


def status(args, out) -> int:
    config = config_mod.load()
    now = Clock().now()
    if config is None:
        result = compute_status(None, [], now, NO_FACTS)
    else:
        result = compute_status(config, load_attempts(History()), now, gather(config))
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
