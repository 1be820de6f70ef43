"""`tsbackup recovery-sheet --to FILE.pdf [--confirm]`: the printable sheet a stranger restores from.

Exit codes: 0 written (and, with --confirm, recorded as stored safely);
2 no configuration, a secret missing from the keyring, or FILE cannot be
written (its folder missing, FILE a folder). Nothing is confirmed unless
the PDF was written.
"""

from __future__ import annotations

import logging
from pathlib import Path

from tsbackup_gui.app import recovery_sheet as sheets
from tsbackup_gui.core.check import recovery_sheet as recovery
from tsbackup_gui.core.clock import Clock
from tsbackup_gui.core.store import config as config_mod

log = logging.getLogger(__name__)


def add_parser(sub):
    p = sub.add_parser("recovery-sheet", help="write the recovery sheet (PDF) with the off-site password")
    p.add_argument("--to", metavar="FILE.pdf", required=True, help="where to save the PDF (its folder must exist)")
    p.add_argument("--confirm", action="store_true",
                   help="also record that the printed sheet is stored safely (ends the status warning)")
    p.set_defaults(handler=recovery_sheet)


def recovery_sheet(args, out) -> int:
    config = config_mod.require()
    path = recovery.check_destination(Path(args.to))  # a wrong path is said before the keyring is read
    clock = Clock()
    sheet = sheets.gather_sheet(config, now=clock.now())
    from tsbackup_gui.render.recovery_sheet import write_sheet  # Qt only once there is something to write
    from tsbackup_gui.render.translate import Translator

    translator = Translator(config.language) if config.language else out.translate
    sheets.write_sheet_pdf(sheet, path, lambda sheet, path: write_sheet(sheet, path, translator))
    log.info("recovery sheet written to %s (off-site kind %s)", path, sheet.kind or "none")
    for message in sheets.written_messages(config, sheet, path, confirming=args.confirm):
        out.say(message)
    if args.confirm:
        out.say(sheets.confirm_stored(config, clock=clock))
        log.info("recovery sheet confirmed as stored safely")
    return 0
