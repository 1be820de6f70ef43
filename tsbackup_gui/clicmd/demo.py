"""`tsbackup demo DIR` (filled in by the detection work)."""


def add_parser(sub):
    p = sub.add_parser("demo", help="lay out a demo installation")
    p.add_argument("dir")
    p.set_defaults(handler=lambda args, out: 0)
