"""restic's ``--json`` output as plain objects, for 0.14 up to 0.17+.

Parsing lives apart from running so unit tests can feed recorded streams
(as Vorta does) while integration tests run the real binary. Unknown fields
are kept in ``raw``; missing ones (0.14 has no ``backup_start``, 0.17 has no
fewer) never break parsing.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, Iterable

from tsbackup_gui.core.restic.errors import error_item


@dataclass(frozen=True)
class ResticProgress:
    """One progress event of a running backup; ``phase`` is "started" (pid known) or "status"."""

    phase: str
    pid: int | None = None
    percent: float = 0.0
    files_done: int = 0
    total_files: int = 0
    bytes_done: int = 0
    total_bytes: int = 0
    seconds_elapsed: float = 0.0
    seconds_remaining: float | None = None
    current_files: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        """A run's ``progress`` event of the off-site stage, with the primary copy's field names, so
        every front-end shows the upload with the same code as the copy (``stage`` tells them apart)."""
        return {
            "event": "progress", "stage": "offsite", "phase": self.phase, "percent": round(self.percent * 100, 1),
            "files_done": self.files_done, "files_total": self.total_files, "bytes_done": self.bytes_done,
            "bytes_total": self.total_bytes, "seconds_elapsed": self.seconds_elapsed,
            "seconds_remaining": self.seconds_remaining,
        }


@dataclass
class BackupSummary:
    """restic's summary line; only a run that printed one counts as a snapshot."""

    snapshot_id: str | None
    files_new: int = 0
    files_changed: int = 0
    files_unmodified: int = 0
    dirs_new: int = 0
    dirs_changed: int = 0
    dirs_unmodified: int = 0
    data_added: int = 0
    total_files_processed: int = 0
    total_bytes_processed: int = 0
    total_duration: float = 0.0
    incomplete: bool = False  # restic exit code 3: some source items could not be read
    errors: list[tuple[str, str]] = field(default_factory=list)  # (item, reason)
    parent: str | None = None
    raw: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "snapshot_id": self.snapshot_id, "parent": self.parent, "files_new": self.files_new,
            "files_changed": self.files_changed, "files_unmodified": self.files_unmodified,
            "data_added": self.data_added, "total_files_processed": self.total_files_processed,
            "total_bytes_processed": self.total_bytes_processed, "total_duration": self.total_duration,
            "incomplete": self.incomplete, "errors": [{"item": i, "reason": r} for i, r in self.errors],
        }


@dataclass(frozen=True)
class Snapshot:
    id: str
    short_id: str
    time: datetime
    hostname: str
    tags: tuple[str, ...]
    paths: tuple[str, ...]
    parent: str | None = None
    tree: str | None = None

    def has_tags(self, tags: Iterable[str]) -> bool:
        return set(tags) <= set(self.tags)

    def tag_value(self, prefix: str) -> str | None:
        """The rest of the first tag that starts with ``prefix`` (e.g. the generation id)."""
        for tag in self.tags:
            if tag.startswith(prefix):
                return tag[len(prefix):]
        return None


@dataclass(frozen=True)
class ForgetResult:
    kept: tuple[str, ...]
    removed: tuple[str, ...]


_INT_FIELDS = ("files_new", "files_changed", "files_unmodified", "dirs_new", "dirs_changed", "dirs_unmodified",
               "data_added", "total_files_processed", "total_bytes_processed")


def parse_line(line: str) -> dict[str, Any] | None:
    """One JSON object of a ``--json`` stream, or None for text restic printed anyway."""
    line = line.strip()
    if not line.startswith("{"):
        return None
    try:
        obj = json.loads(line)
    except ValueError:
        return None
    return obj if isinstance(obj, dict) else None


def progress_from(obj: dict[str, Any]) -> ResticProgress:
    return ResticProgress(
        phase="status",
        percent=float(obj.get("percent_done") or 0.0),
        files_done=int(obj.get("files_done") or 0),
        total_files=int(obj.get("total_files") or 0),
        bytes_done=int(obj.get("bytes_done") or 0),
        total_bytes=int(obj.get("total_bytes") or 0),
        seconds_elapsed=float(obj.get("seconds_elapsed") or 0),
        seconds_remaining=float(obj["seconds_remaining"]) if obj.get("seconds_remaining") is not None else None,
        current_files=tuple(obj.get("current_files") or ()),
    )


def finished_from(summary: "BackupSummary") -> ResticProgress:
    """The last progress of an upload, from its summary: everything counted, everything done."""
    return ResticProgress(
        phase="status", percent=1.0,
        files_done=summary.total_files_processed, total_files=summary.total_files_processed,
        bytes_done=summary.total_bytes_processed, total_bytes=summary.total_bytes_processed,
        seconds_elapsed=summary.total_duration,
    )


def summary_from(obj: dict[str, Any]) -> BackupSummary:
    values = {name: int(obj.get(name) or 0) for name in _INT_FIELDS}
    return BackupSummary(
        snapshot_id=obj.get("snapshot_id") or None,
        total_duration=float(obj.get("total_duration") or 0.0),
        raw=dict(obj),
        **values,
    )


class BackupStream:
    """Collects a backup's ``--json`` stdout line by line: progress out, the summary kept."""

    def __init__(self, on_progress=None):
        self.on_progress = on_progress
        self.summary: BackupSummary | None = None
        self.errors: list[dict[str, Any]] = []
        self.other: list[str] = []

    def feed(self, line: str) -> None:
        obj = parse_line(line)
        if obj is None:
            if line.strip():
                self.other.append(line.rstrip())
            return
        kind = obj.get("message_type")
        if kind == "status":
            if self.on_progress is not None:
                self.on_progress(progress_from(obj))
        elif kind == "summary":
            self.summary = summary_from(obj)
            if self.on_progress is not None:  # a short upload may end before restic's first count
                self.on_progress(finished_from(self.summary))
        elif kind == "error":
            self.errors.append(obj)


def parse_backup_stream(lines: Iterable[str], stderr_errors: Iterable[dict] = ()) -> BackupSummary | None:
    """The summary of a recorded backup stream (tests, replays), with the error items attached."""
    stream = BackupStream()
    for line in lines:
        stream.feed(line)
    if stream.summary is not None:
        stream.summary.errors = [error_item(e) for e in [*stream.errors, *stderr_errors]]
    return stream.summary


def parse_time(text: str) -> datetime:
    """restic's RFC 3339 times carry nanoseconds; Python reads at most microseconds."""
    text = text.strip().replace("Z", "+00:00")
    match = re.match(r"^(.*?T\d{2}:\d{2}:\d{2})(\.\d+)?(.*)$", text)
    if match:
        frac = (match.group(2) or "")[:7]
        text = match.group(1) + frac + match.group(3)
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def snapshot_from(obj: dict[str, Any]) -> Snapshot:
    full = str(obj.get("id") or "")
    return Snapshot(
        id=full,
        short_id=str(obj.get("short_id") or full[:8]),
        time=parse_time(str(obj["time"])),
        hostname=str(obj.get("hostname") or ""),
        tags=tuple(obj.get("tags") or ()),
        paths=tuple(obj.get("paths") or ()),
        parent=obj.get("parent") or None,
        tree=obj.get("tree") or None,
    )


def parse_snapshots(text: str) -> list[Snapshot]:
    data = json.loads(text or "[]")
    if data is None:
        return []
    return sorted((snapshot_from(obj) for obj in data), key=lambda s: s.time)


def parse_forget(text: str) -> ForgetResult:
    """``forget --json``: one object per group with ``keep`` and ``remove`` lists."""
    kept: list[str] = []
    removed: list[str] = []
    start = text.find("[")
    groups = json.loads(text[start:]) if start >= 0 else []
    for group in groups or []:
        kept += [str(s.get("id")) for s in group.get("keep") or []]
        removed += [str(s.get("id")) for s in group.get("remove") or []]
    return ForgetResult(tuple(kept), tuple(removed))
