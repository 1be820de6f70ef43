"""The I/O half of the status: what the pure model needs from the disk, gathered in one place.

The tray calls this in a worker, the CLI directly; `status.compute_status`
then decides without touching anything.
"""

from __future__ import annotations

import os
from pathlib import Path

from . import locks
from .config import Config
from .history import Attempt, History
from .places import Places, places
from .status import StatusFacts

#: Enough recent attempts for any state (minute-by-minute waits are one record per slot).
RECENT = 500


def gather(config: Config, where: Places | None = None) -> StatusFacts:
    """Is a run going (the run lock is held), and does the primary live on the source's disk."""
    here = where or places()
    return StatusFacts(running=not locks.is_free(here.lock_file), same_disk=same_disk(config))


def same_disk(config: Config) -> bool:
    """True when source and primary are on one device; unknown (either missing) counts as not."""
    try:
        return os.stat(Path(config.source)).st_dev == os.stat(Path(config.primary)).st_dev
    except (OSError, ValueError):
        return False


def load_attempts(history: History | None = None) -> list[Attempt]:
    """The recent attempts plus the newest good check and drill, however old: the reminders
    need them and they may lie beyond the recent window."""
    history = history or History()
    recent = history.attempts(limit=RECENT)
    known = {a.id for a in recent}
    extra = [history.last_success(kind) for kind in ("backup", "check", "drill")]
    return recent + [a for a in extra if a is not None and a.id not in known]
