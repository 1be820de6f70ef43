"""The subcommands of `tsbackup`, one module each; each has `add_parser(sub)` and sets `handler`."""

from . import demo, detect, generations, restore, run, setup, status

COMMANDS = [detect, demo, setup, run, generations, status, restore]
