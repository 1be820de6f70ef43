"""`tsbackup check [--json] [--confirm-external]`: the monthly check.

Exit codes: 0 all in order, 1 warnings or items only a person can confirm
(`needs-confirmation`, confirmed with ``--confirm-external``), 4 the backup
drive is not connected, 5 damaged files or a damaged off-site repository.
"""

from __future__ import annotations

from tsbackup_gui.app.check import monthly_check
from tsbackup_gui.core.clock import Clock
from tsbackup_gui.core.messages import QT_TRANSLATE_NOOP, define

CONFIRM_HINT = define(
    "check.confirm_hint",
    QT_TRANSLATE_NOOP("core", "Once you have checked these items yourself, confirm them with: tsbackup check --confirm-external"),
)


def add_parser(sub):
    p = sub.add_parser("check", help="the monthly check: read the backups again and compare them")
    p.add_argument("--json", action="store_true", help="one JSON object on stdout")
    p.add_argument("--confirm-external", action="store_true",
                   help="confirm what only a person can check (an off-site copy handled outside, the recovery sheet)")
    p.set_defaults(handler=check)


def check(args, out) -> int:
    result = monthly_check(clock=Clock(), confirm_external=args.confirm_external)
    needs_person = any(f.severity == "needs-confirmation" for f in result.findings)
    if args.json:
        out.emit(result.to_json(out.translate))
        out.say(result.headline())
        return result.exit_code
    lines = [result.headline(), *(f.message for f in result.findings)]
    if needs_person:
        lines.append(CONFIRM_HINT())
    for message in lines:
        print(out.sentence(message), file=out.stdout, flush=True)
    return result.exit_code
