"""What stands between a single-user data folder and a consistent copy.

A copy of an open 4D database can be useless, so the guard's answer is always
the same plain instruction ("Close timeSensor LEGAL ...") that the status
model, the tray and the CLI show. The specific reasons (which program, which
file) follow that sentence: the exit sentence stays first so an office user
reads what to do before why.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Sequence

from tsbackup_gui.core.errors import Exit, UserError
from tsbackup_gui.core.messages import QT_TRANSLATE_NOOP, Message, define

SOURCE_BUSY = define(
    "guard.source_busy",
    QT_TRANSLATE_NOOP("core", "Close timeSensor LEGAL to start today's backup."),
)
PROGRAM_RUNNING = define(
    "guard.program_running",
    QT_TRANSLATE_NOOP(
        "core",
        "Close timeSensor LEGAL to start today's backup. The program {name} (process {pid}) is running.",
    ),
)
FILE_HELD_OPEN = define(
    "guard.file_held_open",
    QT_TRANSLATE_NOOP(
        "core",
        "Close timeSensor LEGAL to start today's backup. "
        "The program {name} (process {pid}) has the file {path} open.",
    ),
)
FILE_CHANGED = define(
    "guard.file_changed",
    QT_TRANSLATE_NOOP(
        "core",
        "Close timeSensor LEGAL to start today's backup. The file {path} changed during the copy.",
    ),
)
FILE_APPEARED = define(
    "guard.file_appeared",
    QT_TRANSLATE_NOOP(
        "core",
        "Close timeSensor LEGAL to start today's backup. The file {path} appeared during the copy.",
    ),
)
FILE_VANISHED = define(
    "guard.file_vanished",
    QT_TRANSLATE_NOOP(
        "core",
        "Close timeSensor LEGAL to start today's backup. The file {path} disappeared during the copy.",
    ),
)
FILES_CHANGED = define(
    "guard.files_changed",
    QT_TRANSLATE_NOOP(
        "core",
        "Close timeSensor LEGAL to start today's backup. "
        "The file {path} and {count} other files changed during the copy.",
    ),
)

BlockerKind = Literal["running", "holds-file", "changed"]
ChangeDetail = Literal["modified", "appeared", "vanished"]


@dataclass(frozen=True)
class Blocker:
    """One reason the source is not safe to copy.

    ``pid``/``name`` describe the program for "running" and "holds-file";
    for "changed" they are 0 and "" and ``path`` is the source-relative path
    (``/``-separated, NFC) with ``detail`` saying how it changed.
    """

    pid: int
    name: str
    kind: BlockerKind
    path: str | None = None
    detail: ChangeDetail | None = None

    def message(self) -> Message:
        if self.kind == "running":
            return PROGRAM_RUNNING(name=self.name, pid=self.pid)
        if self.kind == "holds-file":
            return FILE_HELD_OPEN(name=self.name, pid=self.pid, path=self.path or "")
        if self.detail == "appeared":
            return FILE_APPEARED(path=self.path or "")
        if self.detail == "vanished":
            return FILE_VANISHED(path=self.path or "")
        return FILE_CHANGED(path=self.path or "")


def summary(blockers: Sequence[Blocker]) -> Message:
    """The one specific reason to record: the first blocker, or a count of changed files."""
    if not blockers:
        return SOURCE_BUSY()
    first = blockers[0]
    changed = [b for b in blockers if b.kind == "changed"]
    if first.kind == "changed" and len(changed) > 1:
        return FILES_CHANGED(path=first.path or "", count=len(changed) - 1)
    return first.message()


class SourceBusyError(UserError):
    """Exit 3 with the plain sentence; the specific reasons ride along for history and --json.

    The message itself stays plain so the status model, the tray and the
    history show one stable sentence; ``reason`` and ``reasons`` say why.
    """

    def __init__(self, blockers: Sequence[Blocker] = ()):
        super().__init__(SOURCE_BUSY(), Exit.SOURCE_BUSY)
        self.blockers: list[Blocker] = list(blockers)

    @property
    def reason(self) -> Message:
        return summary(self.blockers)

    @property
    def reasons(self) -> list[Message]:
        return [b.message() for b in self.blockers]


__all__ = [
    "SOURCE_BUSY", "PROGRAM_RUNNING", "FILE_HELD_OPEN", "FILE_CHANGED", "FILE_APPEARED",
    "FILE_VANISHED", "FILES_CHANGED", "Blocker", "SourceBusyError", "summary",
]
