"""What the history says about the off-site copy: is one set up, and its newest snapshot.

Each run carries the newest good off-site snapshot forward in its attempt's
details (``offsite_last``: repository, snapshot id, time, last prune, count),
so the run, the status model and the monthly summary all read it from the
newest attempt that had an off-site step, however old the snapshot is.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from tsbackup_gui.core.store.config import Config

#: How many recent backup attempts are searched for the carried-forward off-site record.
RECENT = 500
LAST_KEY = "offsite_last"
STEP_KEY = "offsite"


def offsite_configured(config: Config) -> bool:
    """An off-site target of any kind is set up (``external`` included: the step says it was skipped)."""
    secondary = config.secondary or {}
    return bool(secondary.get("repo")) or secondary.get("kind") == "external"


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
