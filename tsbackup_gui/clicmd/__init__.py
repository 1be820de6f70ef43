"""The subcommands of `tsbackup`, one module each; each has `add_parser(sub)` and sets `handler`."""

from . import demo, detect

COMMANDS = [detect, demo]
