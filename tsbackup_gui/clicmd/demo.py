"""`tsbackup demo DIR`: lays out a demo installation to try everything without timeSensor."""

from __future__ import annotations

from pathlib import Path

from tsbackup_gui.core.install import demo


def add_parser(sub):
    p = sub.add_parser("demo", help="lay out a demo timeSensor LEGAL installation as a --root folder")
    p.add_argument("dir", metavar="DIR", help="a new or empty folder (or an earlier demo, which is refreshed)")
    p.add_argument("--variant", choices=demo.VARIANTS, default="single-user", help="single-user (default) or server")
    p.add_argument("--json", action="store_true", help="print where things are as one JSON object")
    p.set_defaults(handler=run)


def run(args, out) -> int:
    layout = demo.create_demo(Path(args.dir), args.variant)
    if out.json:
        out.emit(layout.to_json())
    else:
        for message in layout.messages():
            out.say(message)
    return 0
