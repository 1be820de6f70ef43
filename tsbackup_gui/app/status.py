"""The current status: the one place that reads the settings, the history and the facts and asks the model.

The tray's due-check, the status window, `tsbackup status`, `tsbackup run
--scheduled`'s reports and the diagnostics bundle all come here, so they can
never disagree about what the status is.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from tsbackup_gui.core.messages import Message
from tsbackup_gui.core.places import Places, places
from tsbackup_gui.core.reports.memory import last_report_problem
from tsbackup_gui.core.status.facts import gather, load_attempts
from tsbackup_gui.core.status.model import compute_status
from tsbackup_gui.core.status.state import NO_FACTS, Status, StatusFacts
from tsbackup_gui.core.store import config as config_mod
from tsbackup_gui.core.store.config import Config
from tsbackup_gui.core.store.history import Attempt, History

log = logging.getLogger(__name__)


@dataclass
class StatusLook:
    """The status and what it was computed from (the tick plans with the same attempts)."""

    config: Config | None
    attempts: list[Attempt]
    facts: StatusFacts
    status: Status


def look(now: datetime, where: Places | None = None, config: Config | None = None) -> StatusLook:
    """Reads the stored setup (unless given), the attempts and the facts; a damaged settings file
    raises its `UserError` (the caller says it, never goes quiet)."""
    here = where or places()
    if config is None:
        config = config_mod.load(here)
    if config is None:
        return StatusLook(None, [], NO_FACTS, compute_status(None, [], now, NO_FACTS))
    attempts = load_attempts(History(here.history_db, lock_path=here.lock_file))
    facts = gather(config, here, report_problem=report_problem(config, here))
    return StatusLook(config, attempts, facts, compute_status(config, attempts, now, facts))


def current_status(now: datetime, where: Places | None = None, config: Config | None = None) -> Status:
    """The status at ``now``: what the tray, the window and `tsbackup status` show."""
    return look(now, where, config).status


def report_problem(config: Config, where: Places | None = None) -> Message | None:
    """Only while reports are set up: a problem remembered from reports since removed says nothing."""
    if not getattr(config, "reports", None):
        return None
    try:
        return last_report_problem(where)
    except Exception:  # a damaged memory file must never hide the backups' status
        log.warning("the reports' memory could not be read", exc_info=True)
        return None
