"""The finished primary generations as people and scripts read them."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from tsbackup_gui.core.clock import minute_text
from tsbackup_gui.core.store.config import Config
from tsbackup_gui.core.messages import QT_TRANSLATE_NOOP, Message, define

NO_GENERATIONS = define(
    "generations.none",
    QT_TRANSLATE_NOOP("core", "There are no backups on the backup drive yet."),
)
GENERATION_LINE = define(
    "generations.line",
    QT_TRANSLATE_NOOP("core", "{id}  {verdict}  {ended}  {files} files  {size}  ({linked} linked, {copied} copied)"),
)
GENERATION_DAMAGED = define(
    "generations.damaged",
    QT_TRANSLATE_NOOP("core", "{line}  — holds a damaged copy of {path}"),
)
VERDICTS = {
    "consistent": define("verdict.consistent", QT_TRANSLATE_NOOP("core", "consistent")),
    "archive-ok": define("verdict.archive_ok", QT_TRANSLATE_NOOP("core", "4D archive fresh")),
    "archive-stale": define("verdict.archive_stale", QT_TRANSLATE_NOOP("core", "4D archive stale")),
}


def generation_rows(config: Config) -> list[dict[str, Any]]:
    """Oldest first, each with the damaged files it still holds (`primary.damage`); raises
    `UserError` (exit 4) when the drive's marker is missing."""
    from tsbackup_gui.core.primary.damage import damaged_generations
    from tsbackup_gui.core.primary.generations import list_generations
    from tsbackup_gui.core.primary.target import Target

    target = Target(Path(config.primary), config.computer)
    target.require_marker(config.setup_id)
    rows = []
    generations = list_generations(target)
    damaged = damaged_generations(config, generations)
    for generation in generations:
        manifest = generation.manifest
        rows.append({
            "id": generation.id,
            "verdict": generation.verdict,
            "started": _local_iso(getattr(manifest, "started", None)),
            "ended": _local_iso(generation.ended),
            "files": generation.files,
            "bytes": generation.bytes,
            "linked": getattr(manifest, "linked", None),
            "copied": getattr(manifest, "copied", None),
            "path": str(generation.path),
            "damaged": sorted(damaged.get(generation.id, [])),
        })
    return rows


def generation_line(row: dict[str, Any]) -> Message:
    from tsbackup_gui.core.primary.space import format_count, human_size

    verdict = VERDICTS.get(row["verdict"])
    ended = _parse(row["ended"])
    line = GENERATION_LINE(
        id=row["id"],
        verdict=verdict() if verdict else str(row["verdict"]),
        ended=minute_text(ended) if ended else "?",
        files=format_count(row["files"] or 0),
        size=human_size(row["bytes"] or 0),
        linked=format_count(row["linked"] or 0),
        copied=format_count(row["copied"] or 0),
    )
    damaged = row.get("damaged") or []
    return GENERATION_DAMAGED(line=line, path=damaged[0]) if damaged else line


def _parse(value: Any) -> datetime | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value
    try:
        return datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return None


def _local_iso(value: Any) -> str | None:
    moment = _parse(value)
    if moment is None:
        return None
    if moment.tzinfo is None:
        return moment.isoformat(timespec="seconds")
    return moment.astimezone().isoformat(timespec="seconds")
