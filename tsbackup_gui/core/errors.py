"""The one exception type that reaches people: a message and an exit code.

Every failure a user can cause or fix is raised as `UserError`; the CLI and
the GUI print its translated message as one sentence, never a traceback.
The exit codes are the contract of DESIGN.md.
"""

from __future__ import annotations

from enum import IntEnum

from tsbackup_gui.core.messages import Message


class Exit(IntEnum):
    OK = 0
    WARNING = 1
    USAGE = 2
    SOURCE_BUSY = 3
    TARGET_UNAVAILABLE = 4
    VERIFY_FAILED = 5
    RUN_IN_PROGRESS = 6
    CANCELLED = 130  # as for Ctrl-C (128 + SIGINT): the user stopped it


class UserError(Exception):
    """A failure explained in one plain sentence, with the exit code it maps to."""

    def __init__(self, message: Message, exit_code: int = Exit.USAGE):
        super().__init__(message.english())
        self.message = message
        self.exit_code = int(exit_code)
