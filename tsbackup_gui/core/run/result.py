"""What one backup run tells its caller: `RunResult`, its summary event and its sentences.

The CLI prints it, the tray notifies from it, the reports send it, the history
keeps it; `run.backup` makes it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from tsbackup_gui.core.messages import QT_TRANSLATE_NOOP, Message, define
from tsbackup_gui.core.primary.space import format_count, human_size
from tsbackup_gui.core.run.offsite_step import headline as offsite_headline

#: The outcome of `run --scheduled` when nothing is due (exit 0, nothing recorded).
NOT_DUE = "not-due"

RUN_FINISHED = define(
    "run.finished",
    QT_TRANSLATE_NOOP("core", "Backup finished: {files} files, {size}, generation {generation}."),
)

RUN_FINISHED_WARNINGS = define(
    "run.finished_warnings",
    QT_TRANSLATE_NOOP("core", "Backup finished with warnings: {files} files, {size}, generation {generation}."),
)

RUN_NOT_DONE = define(
    "run.not_done",
    QT_TRANSLATE_NOOP("core", "No backup was made."),
)


@dataclass
class RunResult:
    outcome: str  # ok / warning / failed / skipped; not-due (run --scheduled, nothing recorded)
    exit_code: int
    generation: str | None = None
    files: int | None = None
    bytes: int | None = None
    reasons: list[Message] = field(default_factory=list)
    offsite: dict[str, Any] | None = None  # the off-site step (jobs_offsite); None: it did not run
    details: dict[str, Any] = field(default_factory=dict)  # kept in the history with the attempt
    generations: list = field(default_factory=list, repr=False)  # the primary's, for the off-site step

    def summary_event(self) -> dict[str, Any]:
        event = {
            "event": "summary",
            "outcome": self.outcome,
            "exit_code": self.exit_code,
            "generation": self.generation,
            "files": self.files,
            "bytes": self.bytes,
            "reasons": [{"code": reason.id, "message": reason.english()} for reason in self.reasons],
        }
        if self.offsite is not None:
            event["offsite"] = self.offsite
        return event

    def messages(self) -> list[Message]:
        """What a person reads at the end: the headline, then the reasons."""
        if self.generation is not None and self.outcome in ("ok", "warning"):
            kind = RUN_FINISHED if self.outcome == "ok" else RUN_FINISHED_WARNINGS
            head = offsite_headline(self) or kind(
                files=format_count(self.files or 0), size=human_size(self.bytes or 0), generation=self.generation)
            return [head, *self.reasons]
        return list(self.reasons) or [RUN_NOT_DONE()]
