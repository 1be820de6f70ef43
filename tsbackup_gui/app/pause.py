"""Pause and resume the scheduled backups: the setting on disk, and a note to the IT partner."""

from __future__ import annotations

from datetime import datetime

from tsbackup_gui.core.places import Places
from tsbackup_gui.core.reports import dispatch as reports
from tsbackup_gui.core.schedule.pause import PAUSE_ACTIVE, PAUSE_NOTE_SUBJECT, pause, paused_until, resume, until_words
from tsbackup_gui.core.store import config as config_mod
from tsbackup_gui.core.store.config import Config


def pause_for(days: int, now: datetime, where: Places | None = None) -> Config:
    """Pauses the stored setup (as it is on disk now, see `config.update`) and tells the IT partner
    when reports are set up; a report that cannot be sent never undoes the pause."""
    saved = config_mod.update(lambda current: pause(current, days, now), where)
    end = paused_until(saved, now)
    if end is not None:
        day = until_words(end, now)
        reports.send_note(saved, PAUSE_NOTE_SUBJECT(computer=saved.computer, day=day), [PAUSE_ACTIVE(day=day)],
                          where=where)
    return saved


def resume_now(where: Places | None = None) -> Config:
    """Ends the pause of the stored setup."""
    return config_mod.update(resume, where)
