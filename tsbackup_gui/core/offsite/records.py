"""What the history says about the off-site copy: is one set up, and its newest snapshot.

Each run carries the newest good off-site snapshot forward in its attempt's
details (``offsite_last``: repository, snapshot id, time, last prune, count),
so the run, the status model and the monthly summary all read it from the
newest attempt that had an off-site step, however old the snapshot is.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from tsbackup_gui.core.messages import QT_TRANSLATE_NOOP, Message, define
from tsbackup_gui.core.store.config import Config

EXTERNAL_PREFIX = "external:"
#: An off-site copy older than this is a warning.
MAX_OFFSITE_AGE = timedelta(days=3)

NEVER = define(
    "offsite.never",
    QT_TRANSLATE_NOOP("core", "No off-site copy has been made yet."),
)

TOO_OLD = define(
    "offsite.too_old",
    QT_TRANSLATE_NOOP("core", "The newest off-site copy is {days} days old. Check that the off-site backup target is reachable."),
)

RETENTION_BY_SERVER = define(
    "offsite.retention_by_server",
    QT_TRANSLATE_NOOP(
        "core",
        "The off-site server is append-only: this program never deletes old off-site snapshots there; keeping their "
        "number in check is the job of whoever runs the server.",
    ),
)


#: How many recent backup attempts are searched for the carried-forward off-site record.
RECENT = 500
LAST_KEY = "offsite_last"
STEP_KEY = "offsite"


def offsite_configured(config: Config) -> bool:
    """An off-site target of any kind is set up (``external`` included: the step says it was skipped)."""
    return is_configured(config.secondary)


def last_offsite(attempts, repo: str | None) -> dict[str, Any] | None:
    """The newest carried-forward record of ``repo`` in these attempts (newest first), or None."""
    for attempt in attempts:
        record = (attempt.details or {}).get(LAST_KEY)
        if isinstance(record, dict):
            return record if repo and record.get("repo") == repo else None
    return None


def last_offsite_time(attempts, repo: str | None) -> datetime | None:
    """When the newest off-site snapshot of ``repo`` was made, from these attempts (newest first)."""
    record = last_offsite(attempts, repo)
    try:
        return datetime.fromisoformat(record["time"]) if record and record.get("time") else None
    except (TypeError, ValueError):
        return None


def readable_repo(secondary: dict[str, Any] | None) -> str | None:
    """The repository restic can open for this setup, or None (nothing set up, or handled outside)."""
    if not secondary or is_external(secondary):
        return None
    repo = secondary.get("repo")
    return str(repo) if repo else None


def is_external(secondary: dict[str, Any] | None) -> bool:
    if not secondary:
        return False
    return secondary.get("kind") == "external" or str(secondary.get("repo") or "").startswith(EXTERNAL_PREFIX)


def external_text(secondary: dict[str, Any]) -> str:
    """What the user wrote about the outside arrangement (``--secondary external:TEXT``)."""
    for key in ("text", "description"):
        if secondary.get(key):
            return str(secondary[key])
    repo = str(secondary.get("repo") or "")
    return repo[len(EXTERNAL_PREFIX):].strip() if repo.startswith(EXTERNAL_PREFIX) else repo


def is_configured(secondary: dict[str, Any] | None) -> bool:
    return bool(secondary) and (is_external(secondary) or bool(secondary.get("repo")))


def offsite_age_warning(last_snapshot_time: datetime | None, now: datetime) -> Message | None:
    if last_snapshot_time is None:
        return NEVER()
    age = now - last_snapshot_time
    if age > MAX_OFFSITE_AGE:
        return TOO_OLD(days=age.days)
    return None
