"""Cancelling a run from the tray: the copy stops between files, nothing half-made stays.

The copier already stops cleanly when its guard says "not ok" (the partial
generation is removed and older generations are untouched), so a cancel is a
guard that also listens to an event. A cancelled run is recorded as skipped
with its own reason: the user chose it, so it is no failure, and the slot
still counts as missed for the overdue rule until a backup succeeds.
"""

from __future__ import annotations

import threading
from typing import Any

from tsbackup_gui.core.errors import Exit, UserError
from tsbackup_gui.core.messages import QT_TRANSLATE_NOOP, define

#: Exit code of a cancelled run, as for Ctrl-C in the command (128 + SIGINT).
CANCELLED_EXIT = Exit.CANCELLED

RUN_CANCELLED = define(
    "run.cancelled",
    QT_TRANSLATE_NOOP("core", "The backup was cancelled. Nothing was changed; the previous backups are untouched."),
)


class CancelledError(UserError):
    def __init__(self):
        super().__init__(RUN_CANCELLED(), CANCELLED_EXIT)


class CancellableGuard:
    """Wraps the mode's guard (or none) so that a set ``cancel`` event stops the copy."""

    def __init__(self, inner: Any | None, cancel: threading.Event):
        self.inner = inner
        self.cancel = cancel

    def before(self) -> None:
        if self.cancel.is_set():
            raise CancelledError()
        if self.inner is not None:
            self.inner.before()

    def still_ok(self) -> bool:
        if self.cancel.is_set():
            return False
        return self.inner.still_ok() if self.inner is not None else True

    def busy_error(self) -> UserError:
        if self.cancel.is_set() or self.inner is None:
            return CancelledError()
        return self.inner.busy_error()

    def after(self, entries) -> None:
        if self.cancel.is_set():
            raise CancelledError()
        if self.inner is not None:
            self.inner.after(entries)


def with_cancel(guard: Any | None, cancel: threading.Event | None) -> Any | None:
    return guard if cancel is None else CancellableGuard(guard, cancel)
