"""What the history says about the drives in rotation: which was used when, and when to swap.

Split from `rotation` (which finds, adds and removes drives): this part only
reads attempts, so the status and the drives list can ask it without I/O
beyond the markers' presence.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Sequence

from tsbackup_gui.core.store.config import Config
from tsbackup_gui.core.store.history import Attempt
from tsbackup_gui.core.messages import QT_TRANSLATE_NOOP, Message, define
from tsbackup_gui.core.drives.rotation import our_marker, same_path, configured, identify

SWAP_AFTER = timedelta(days=14)

DRIVE_LINE = define(
    "rotation.line",
    QT_TRANSLATE_NOOP("core", "Drive {number}: {label} at {path} — {connected}, last used {last_used}."),
)
CONNECTED = define("rotation.connected", QT_TRANSLATE_NOOP("core", "connected"))
NOT_CONNECTED = define("rotation.not_connected", QT_TRANSLATE_NOOP("core", "not connected"))
NEVER = define("rotation.never", QT_TRANSLATE_NOOP("core", "never"))


SWAP_DRIVES = define(
    "rotation.swap",
    QT_TRANSLATE_NOOP("core", "The backup drive {label} was last used {day}. Swap the drives."),
)
SWAP_NEVER_USED = define(
    "rotation.swap_never",
    QT_TRANSLATE_NOOP("core", "The backup drive {label} has not been used since it was added {day}. Swap the drives."),
)


@dataclass(frozen=True)
class DriveState:
    path: str
    label: str
    connected: bool  # this setup's marker is on it
    last_used: datetime | None  # end of the newest backup made on it
    number: int = 1  # 1 is the configured primary
    added: datetime | None = None

    def to_json(self) -> dict[str, Any]:
        return {"number": self.number, "path": self.path, "label": self.label, "connected": self.connected,
                "last_used": self.last_used.isoformat(timespec="seconds") if self.last_used else None}


# -- what the history says ----------------------------------------------------------------


def drives(config: Config, attempts: Sequence[Attempt]) -> list[DriveState]:
    """Every drive with whether it is connected now and when a backup last went to it."""
    used = last_used(config, attempts)
    here = set()
    for place in configured(config):  # which drives are connected, told by their markers
        marker = our_marker(config, str(place["path"]))
        if marker is not None:
            here.add(int(identify(config, marker)["number"]))
    states = []
    for drive in configured(config):
        states.append(DriveState(
            path=str(drive["path"]), label=str(drive.get("label") or drive["path"]),
            connected=int(drive["number"]) in here, last_used=used.get(drive["number"]),
            number=int(drive["number"]), added=_parse(drive.get("added")),
        ))
    return states


def last_used(config: Config, attempts: Sequence[Attempt]) -> dict[int, datetime]:
    """Drive number → end of the newest successful backup on it. A backup recorded without a
    drive was made before rotation existed: on drive 1."""
    drives_ = configured(config)
    found: dict[int, datetime] = {}
    for attempt in attempts:
        if attempt.kind != "backup" or not attempt.succeeded:
            continue
        number = _drive_of(drives_, attempt.details or {})
        if number is None:
            continue
        end = attempt.ended or attempt.started
        if number not in found or _utc(end) > _utc(found[number]):
            found[number] = end
    return found


def _drive_of(drives_: list[dict[str, Any]], details: dict[str, Any]) -> int | None:
    path, label, drive_id = details.get("drive_path"), details.get("drive"), details.get("drive_id")
    if drive_id:
        for drive in drives_[1:]:
            if drive.get("drive_id") == drive_id:
                return int(drive["number"])
        return 1  # the run told it by its marker: an id no additional drive has is drive 1's
    if not path and not label:
        return 1
    if path:
        for drive in drives_:
            if same_path(str(path), str(drive["path"])):
                return int(drive["number"])
    for drive in drives_:
        if label and str(drive.get("label")) == str(label):
            return int(drive["number"])
    return None


def swap_reasons(config: Config, attempts: Sequence[Attempt], now: datetime) -> list[Message]:
    """With two or more drives: one sentence per drive not used for 14 days (never used: 14 days
    after it was added). Pure: no drive is looked at, only the history."""
    from tsbackup_gui.core.schedule.zone import zone_of
    from tsbackup_gui.core.schedule.moments import day_words

    drives_ = configured(config)
    if len(drives_) < 2:
        return []
    zone = zone_of(now)
    used = last_used(config, attempts)
    found = []
    for drive in drives_:
        label = str(drive.get("label") or drive["path"])
        last = used.get(drive["number"])
        if last is not None:
            if _utc(now) - _utc(last) > SWAP_AFTER:
                found.append(SWAP_DRIVES(label=label, day=day_words(last, now, zone)))
            continue
        added = _parse(drive.get("added"))
        if added is not None and _utc(now) - _utc(added) > SWAP_AFTER:
            found.append(SWAP_NEVER_USED(label=label, day=day_words(added, now, zone)))
    return found


def drive_line(state: DriveState, now: datetime) -> Message:
    from tsbackup_gui.core.schedule.zone import zone_of
    from tsbackup_gui.core.schedule.moments import moment_words

    last = moment_words(state.last_used, now, zone_of(now)) if state.last_used else NEVER()
    return DRIVE_LINE(number=state.number, label=state.label, path=state.path,
                      connected=CONNECTED() if state.connected else NOT_CONNECTED(), last_used=last)


def _parse(value: Any) -> datetime | None:
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(str(value))
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else moment.astimezone()


def _utc(moment: datetime) -> datetime:
    from tsbackup_gui.core.schedule.zone import to_utc

    return to_utc(moment if moment.tzinfo is not None else moment.astimezone())

