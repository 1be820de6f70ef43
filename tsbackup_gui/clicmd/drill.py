"""`tsbackup drill [--json] [--to DIR]`: the yearly restore drill, with a dated PDF report.

Exit codes: 0 passed, 1 the off-site target cannot be reached (or the report
could not be written), 2 no off-site backup set up or DIR not empty,
5 restored files do not match the manifest.
"""

from __future__ import annotations

from pathlib import Path

from tsbackup_gui.app.check import require_drillable, restore_drill
from tsbackup_gui.core.clock import Clock


def add_parser(sub):
    p = sub.add_parser("drill", help="the yearly restore drill: restore the off-site copy and prove it")
    p.add_argument("--json", action="store_true", help="one JSON object on stdout")
    p.add_argument("--to", metavar="DIR", help="restore into this new or empty folder and keep the files "
                                               "(default: a scratch folder, removed afterwards)")
    p.set_defaults(handler=drill)


def drill(args, out) -> int:
    config = require_drillable()  # before Qt is loaded for the report: a missing target is one quick sentence
    from tsbackup_gui.render.drill_report import write_report
    from tsbackup_gui.render.translate import Translator

    translator = Translator(config.language) if config.language else out.translate
    result = restore_drill(clock=Clock(), to=Path(args.to) if args.to else None,
                           write_report=lambda drilled, path: write_report(drilled, path, translator))
    messages = result.messages()
    if args.json:
        out.emit(result.to_json(out.translate))
        for message in messages:
            out.say(message)
        return result.exit_code
    for message in messages:  # what went wrong to stderr, like every other error sentence
        (out.warn if message in result.reasons else out.say)(message)
    return result.exit_code
