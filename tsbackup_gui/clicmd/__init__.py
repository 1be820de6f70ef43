"""The subcommands of `tsbackup`, one module each; each has `add_parser(sub)` and sets `handler`."""

from . import check, demo, detect, drill, generations, restore, run, setup, status
from . import recovery_sheet, task

COMMANDS = [detect, demo, setup, run, generations, status, restore, check, drill, recovery_sheet, task]
