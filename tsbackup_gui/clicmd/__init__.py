"""The subcommands of `tsbackup`, one module each; each has `add_parser(sub)` and sets `handler`."""

from tsbackup_gui.clicmd import check, demo, detect, drill, generations, restore, run, setup, status
from tsbackup_gui.clicmd import recovery_sheet, task
from tsbackup_gui.clicmd import diagnostics, drives, forget, password, pause  # housekeeping (issue 11)
from tsbackup_gui.clicmd import autostart  # start at login (issue 13)

COMMANDS = [detect, demo, setup, run, generations, status, restore, check, drill, recovery_sheet, task,
            pause, drives, diagnostics, password, forget, autostart]
