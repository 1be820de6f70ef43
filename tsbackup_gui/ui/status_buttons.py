"""Which of the status window's buttons can do something now, and, for the others, why not.

A button that can only fail is off, and its tooltip says in one sentence what
is missing and what to do: no backup yet (restore, the monthly check), no
off-site copy yet (the drill), the backup drive not connected (open the
backup folder). The window asks `states` after every overview and action.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from tsbackup_gui.app.check import drill_blocked

@dataclass(frozen=True)
class ButtonState:
    enabled: bool
    why_not: str = ""  # the tooltip of a button that is off for a reason the user can change


def has_backup(snap) -> bool:
    """A backup exists to restore or check: a generation on the drive, or a recorded good run, or an
    off-site snapshot (the drive may be away)."""
    primary, offsite = snap.primary_facts, snap.offsite
    return bool((primary is not None and (primary.generations or primary.last_success is not None))
                or (offsite is not None and (offsite.snapshot or offsite.last_success is not None)))


def has_offsite_copy(snap) -> bool:
    offsite = snap.offsite
    return offsite is not None and bool(offsite.snapshot or offsite.last_success is not None)


def states(snap, *, idle: bool, busy: str | None, translate) -> dict[str, ButtonState]:
    """The state of "Open backup folder", "Restore…", "Run monthly check" and "Restore drill"
    (ids of `status_actions`). ``translate`` puts a core message into words."""
    from tsbackup_gui.ui import status_actions as acts

    configured = bool(snap and snap.configured)
    if not configured:
        off = ButtonState(False, QCoreApplication.translate("StatusButtons", "Set up the backup first."))
        return {acts.OPEN_FOLDER: off, acts.RESTORE: off, acts.CHECK: off, acts.DRILL: off}
    no_backup = QCoreApplication.translate("StatusButtons", 'There is no backup yet. Press "Back up now" first.')
    backed_up = has_backup(snap)
    result = {
        acts.OPEN_FOLDER: _folder_state(snap),
        acts.RESTORE: ButtonState(backed_up and (idle or busy == "restore"), "" if backed_up else no_backup),
        acts.CHECK: ButtonState(backed_up and idle, "" if backed_up else no_backup),
    }
    blocked = drill_blocked(snap.config) if snap.config is not None else None
    if blocked is not None:
        result[acts.DRILL] = ButtonState(False, translate(blocked))
    elif not has_offsite_copy(snap):
        result[acts.DRILL] = ButtonState(False, QCoreApplication.translate(
            "StatusButtons",
            'There is no off-site copy to practise with yet. It is made by the next backup ("Back up now").'))
    else:
        result[acts.DRILL] = ButtonState(idle)
    return result


def _folder_state(snap) -> ButtonState:
    primary = snap.primary_facts
    if primary is not None and not primary.connected:
        return ButtonState(False, QCoreApplication.translate(
            "StatusButtons", 'The backup drive is not connected. Connect it, then press "Check again".'))
    if not snap.primary_folder:
        return ButtonState(False, QCoreApplication.translate("StatusButtons",
                                                             "The backup folder is made by the first backup."))
    return ButtonState(True)
