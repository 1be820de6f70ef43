"""The I/O half of the status: what the pure model needs from the disk, gathered in one place.

`tsbackup_gui.app.status.current_status` calls this (the tray in a worker, the
CLI directly); `status.model.compute_status` then decides without touching anything.
"""

from __future__ import annotations

import logging
from pathlib import Path

from tsbackup_gui.core.drives import disks
from tsbackup_gui.core.store import locks
from tsbackup_gui.core.store.config import Config
from tsbackup_gui.core.store.history import Attempt, History
from tsbackup_gui.core.messages import Message
from tsbackup_gui.core.places import Places, places
from tsbackup_gui.core.status.state import StatusFacts

log = logging.getLogger(__name__)

#: Enough recent attempts for any state (minute-by-minute waits are one record per slot).
RECENT = 500


def gather(config: Config, where: Places | None = None, report_problem: Message | None = None) -> StatusFacts:
    """Is a run going (the run lock is held) and does the primary live on the source's disk.
    ``report_problem`` is what the reports' memory says (`reports.memory`); the caller reads it,
    since the reports sit above the status in the layer order."""
    here = where or places()
    return StatusFacts(running=not locks.is_free(here.lock_file), same_disk=same_disk(config),
                       report_problem=report_problem, drive_connected=drive_connected(config),
                       damaged=damaged(config, here), autostart_problem=autostart_problem(here))


def autostart_problem(where: Places) -> Message | None:
    """What the app's last start found about start at login (read back from the OS then, kept in a
    small file: asking `reg` or `launchctl` at every status would cost a process each time)."""
    from tsbackup_gui.core.platform import autostart_first_run

    return autostart_first_run.problem(where.state_dir / autostart_first_run.MEMORY_NAME)


def damaged(config: Config, where: Places) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The generations on the drive in use that still hold a file the check found damaged."""
    from tsbackup_gui.core.drives.rotation import connected_generations
    from tsbackup_gui.core.primary.damage import damaged_generations, read_records

    try:
        if not read_records(config, where):  # the usual case: nothing to look at on the drive
            return ()
        found = damaged_generations(config, connected_generations(config), where)
    except (OSError, ValueError) as exc:
        log.warning("damaged generations not looked at: %s", exc)
        return ()
    return tuple((generation, tuple(paths)) for generation, paths in sorted(found.items()))


def drive_connected(config: Config) -> bool:
    """A drive of the setup (any of the rotation) carries this setup's marker now."""
    from tsbackup_gui.core.drives.rotation import configured, found_elsewhere, is_connected

    try:
        return (any(is_connected(config, str(drive["path"])) for drive in configured(config))
                or found_elsewhere(config) is not None)  # another drive letter or volume name
    except (OSError, ValueError, KeyError, TypeError):
        return False


def same_disk(config: Config) -> bool:
    """The one same-disk rule (`drives.disks.same_disk`), as setup warns with it; unknown (either
    folder missing) counts as not."""
    try:
        return disks.same_disk(Path(config.source).resolve(), Path(config.primary).resolve())
    except (OSError, ValueError, RuntimeError):
        return False


def load_attempts(history: History | None = None) -> list[Attempt]:
    """The recent attempts plus the newest good check and drill, however old: the reminders
    need them and they may lie beyond the recent window."""
    history = history or History()
    recent = history.attempts(limit=RECENT)
    known = {a.id for a in recent}
    extra = [history.last_success(kind) for kind in ("backup", "check", "drill")]
    return recent + [a for a in extra if a is not None and a.id not in known]
