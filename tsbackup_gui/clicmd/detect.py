"""`tsbackup detect` (filled in by the detection work)."""


def add_parser(sub):
    p = sub.add_parser("detect", help="find the timeSensor LEGAL installation")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=lambda args, out: 0)
