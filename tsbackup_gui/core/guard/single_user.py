"""The single-user guard: a copy counts only if timeSensor stayed closed throughout.

A 4D database copied while the app has it open can be useless, and a
single-user installation has no 4D archive to fall back on. So the guard looks
before the copy (`before`), between files while copying (`still_ok`, cheap:
it re-scans at most every ``poll_interval`` seconds) and after it (`after`:
processes again, then every source file against what was copied). Any doubt
ends the run with exit 3 and "Close timeSensor LEGAL to start today's
backup."; the engine then throws the new generation away.

The guard only looks. It never closes or kills timeSensor: the office closes
the app when it suits them and the scheduler starts the backup then.

Use::

    guard = SingleUserGuard(source)
    guard.before()                      # raises SourceBusyError (exit 3)
    for each file:
        if not guard.still_ok():
            raise guard.busy_error()
        copy it
    guard.after(manifest_entries)       # raises SourceBusyError (exit 3)
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

from tsbackup_gui.core.guard.blockers import (
    FILE_APPEARED, FILE_CHANGED, FILE_HELD_OPEN, FILE_VANISHED, FILES_CHANGED, PROGRAM_RUNNING, SOURCE_BUSY, Blocker,
    SourceBusyError, summary,
)
from tsbackup_gui.core.guard.processes import (
    DEFAULT_PROCESS_NAMES, find_holders, find_running, match_process, normalize_name, program_names,
)
from tsbackup_gui.core.messages import Message
from tsbackup_gui.core.guard.tree import DEFAULT_PREFIX, Ignore, compare_tree, current_tree

__all__ = [
    "DEFAULT_PROCESS_NAMES", "DEFAULT_PREFIX", "SOURCE_BUSY", "PROGRAM_RUNNING", "FILE_HELD_OPEN",
    "FILE_CHANGED", "FILE_APPEARED", "FILE_VANISHED", "FILES_CHANGED", "Blocker", "SourceBusyError",
    "SingleUserGuard", "find_running", "find_holders", "match_process", "normalize_name",
    "program_names", "compare_tree", "current_tree", "summary",
]


class SingleUserGuard:
    """Watches one single-user data folder across one copy.

    ``blockers`` holds why the source is (or became) busy; once `still_ok`
    has said False it keeps saying so without looking again, so a copy that
    was spoiled once cannot be waved through by a later quiet moment.
    ``ignore`` takes a source-relative, ``/``-separated NFC path and says
    whether the copier leaves it out on purpose (then `after` does too).
    """

    def __init__(
        self,
        source: Path,
        names: Sequence[str] | None = None,
        *,
        poll_interval: float = 2.0,
        monotonic: Callable[[], float] = time.monotonic,
        prefix: str = DEFAULT_PREFIX,
        ignore: Ignore | None = None,
    ):
        self.source = Path(source)
        self.names: tuple[str, ...] = tuple(names) if names is not None else DEFAULT_PROCESS_NAMES
        self.poll_interval = float(poll_interval)
        self.prefix = prefix
        self.ignore = ignore
        self.blockers: list[Blocker] = []
        self._monotonic = monotonic
        self._last_scan: float | None = None
        self._spoiled = False

    def scan(self) -> list[Blocker]:
        """Programs from the list that run, then programs holding a source file open."""
        return find_running(self.names) + find_holders(self.source)

    def before(self) -> None:
        """Raises `SourceBusyError` (exit 3) unless the source is free to copy now.

        Starts a new watch: a guard may be asked again when a waiting run retries.
        """
        self._spoiled = False
        self.blockers = []
        self._look()
        if self.blockers:
            raise self.busy_error()

    def still_ok(self) -> bool:
        """False once a blocker appeared; looks again only every ``poll_interval`` seconds."""
        if self._spoiled:
            return False
        if self._last_scan is not None and self._monotonic() - self._last_scan < self.poll_interval:
            return True
        self._look()
        return not self._spoiled

    def busy_error(self) -> SourceBusyError:
        """The exit-3 error to raise when `still_ok` said False; carries the reasons."""
        return SourceBusyError(self.blockers)

    @property
    def reason(self) -> Message:
        """The most specific single sentence for history and the run summary."""
        return summary(self.blockers)

    def after(self, entries: Iterable[Any]) -> None:
        """Raises `SourceBusyError` unless no program interfered and nothing changed.

        ``entries`` are the manifest entries of the copy (``path`` under
        ``prefix``, ``type``, ``size``, ``mtime_ns``); the first changed files
        are named in ``blockers`` (sorted by path).
        """
        if self._spoiled:
            raise self.busy_error()
        self._look()
        if not self._spoiled:
            changes = compare_tree(entries, self.source, self.prefix, self.ignore)
            if changes:
                self.blockers = changes
                self._spoiled = True
        if self._spoiled:
            raise self.busy_error()

    def _look(self) -> None:
        started = self._monotonic()
        found = self.scan()
        self._last_scan = started
        if found:
            self.blockers = found
            self._spoiled = True
        elif not self._spoiled:
            self.blockers = []
