"""`tsbackup detect`: where timeSensor LEGAL is, which mode, and how 4D's own backups look."""

from __future__ import annotations

from pathlib import Path

from tsbackup_gui.core.install import detect as install
from tsbackup_gui.core.rootmap import OS_NAMES


def add_parser(sub):
    p = sub.add_parser("detect", help="find the timeSensor LEGAL installation and judge 4D's own backups")
    p.add_argument("--json", action="store_true", help="print one JSON object instead of sentences")
    p.add_argument("--root", metavar="DIR", help="treat DIR as the file-system root (a copied installation, tests)")
    p.add_argument("--os", dest="os_name", choices=OS_NAMES, help="the installation's operating system (default: this one)")
    p.set_defaults(handler=run)


def run(args, out) -> int:
    detection = install.detect(root=Path(args.root) if args.root else None, os_name=args.os_name)
    if out.json:
        out.emit(detection.to_json())
    else:
        for message in detection.messages():
            out.say(message)
    return 0
