"""The I/O half of the status: what the pure model needs from the disk, gathered in one place.

The tray calls this in a worker, the CLI directly; `status.compute_status`
then decides without touching anything.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from . import locks
from .config import Config
from .history import Attempt, History
from .messages import Message
from .places import Places, places
from .status import StatusFacts

log = logging.getLogger(__name__)

#: Enough recent attempts for any state (minute-by-minute waits are one record per slot).
RECENT = 500


def gather(config: Config, where: Places | None = None) -> StatusFacts:
    """Is a run going (the run lock is held), does the primary live on the source's disk, and
    could the last report (mail, ping) not be sent."""
    here = where or places()
    return StatusFacts(running=not locks.is_free(here.lock_file), same_disk=same_disk(config),
                       report_problem=report_problem(config, here))


def report_problem(config: Config, where: Places | None = None) -> Message | None:
    """Only while reports are set up: a problem remembered from reports since removed says nothing."""
    if not getattr(config, "reports", None):
        return None
    from .reports import last_report_problem

    try:
        return last_report_problem(where)
    except Exception:  # a damaged memory file must never hide the backups' status
        log.warning("the reports' memory could not be read", exc_info=True)
        return None


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
