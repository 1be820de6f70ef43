"""The attempts journal as the status window shows it: one row per attempt, and the chart's points.

Rows come straight from `History` (every kind, skipped ones included), so
the table never disagrees with the status model that reads the same log.
Durations are the recorded start and end; a skip that was merged with later
identical skips spans the time it kept waiting.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Sequence

from tsbackup_gui.core.store.history import Attempt
from tsbackup_gui.core.messages import Message

#: How many rows the window lists (the journal keeps everything; older rows are in `tsbackup status`/the log).
ROWS = 300
CHART_DAYS = 60


@dataclass(frozen=True)
class HistoryRow:
    started: datetime
    kind: str  # backup / check / drill / …
    outcome: str  # ok / warning / failed / skipped / running
    reason: Message | None
    seconds: float | None
    bytes: int | None
    files: int | None = None
    generation: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"started": self.started.isoformat(timespec="seconds"), "kind": self.kind, "outcome": self.outcome,
                "reason": self.reason.english() if self.reason else None, "seconds": self.seconds,
                "bytes": self.bytes, "files": self.files, "generation": self.generation}


@dataclass(frozen=True)
class ChartPoint:
    """One good backup: when it ended, how big the generation was, how long the run took."""

    when: datetime
    bytes: int
    seconds: float


def rows(attempts: Sequence[Attempt], limit: int = ROWS) -> list[HistoryRow]:
    """Newest first, every kind."""
    ordered = sorted(attempts, key=lambda a: (a.started, a.id), reverse=True)[:limit]
    return [
        HistoryRow(a.started, a.kind, a.outcome, a.reason, _seconds(a), a.bytes, a.files, a.generation)
        for a in ordered
    ]


def chart_points(attempts: Sequence[Attempt], now: datetime, days: int = CHART_DAYS) -> list[ChartPoint]:
    """Backups that made a generation within the last ``days``, oldest first."""
    since = now - timedelta(days=days)
    points = []
    for a in attempts:
        if a.kind != "backup" or not a.succeeded or a.ended is None or a.bytes is None:
            continue
        if a.ended < since or a.ended > now:
            continue
        points.append(ChartPoint(a.ended, int(a.bytes), _seconds(a) or 0.0))
    return sorted(points, key=lambda p: p.when)


def _seconds(attempt: Attempt) -> float | None:
    if attempt.ended is None:
        return None
    return max(0.0, (attempt.ended - attempt.started).total_seconds())
