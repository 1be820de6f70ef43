"""Numbers and times as the status window and the restore dialog show them."""

from __future__ import annotations

from datetime import datetime, tzinfo
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from tsbackup_gui.core.clock import MINUTE_FORMAT, minute_text
from tsbackup_gui.core.messages import CONTEXT as MESSAGES_CONTEXT, QT_TRANSLATE_NOOP, fill
from tsbackup_gui.core.primary.rows import VERDICTS
from tsbackup_gui.core.primary.space import human_size
from tsbackup_gui.core.schedule.zone import system_zone, zone_of

_zone: tzinfo | None = None  # the zone every time is shown in (None: this computer's)


CONTEXT = "StatusFormat"
# Marked with QT_TRANSLATE_NOOP so lupdate files them under this context (a helper named `tr`
# called with a literal lands in an empty context that nothing ever looks up).
T_SECONDS = QT_TRANSLATE_NOOP("StatusFormat", "{0} s")
T_MINUTES = QT_TRANSLATE_NOOP("StatusFormat", "{0} min {1} s")
T_HOURS = QT_TRANSLATE_NOOP("StatusFormat", "{0} h {1} min")
OUTCOMES = {
    "ok": QT_TRANSLATE_NOOP("StatusFormat", "OK"),
    "warning": QT_TRANSLATE_NOOP("StatusFormat", "Warning"),
    "failed": QT_TRANSLATE_NOOP("StatusFormat", "Failed"),
    "skipped": QT_TRANSLATE_NOOP("StatusFormat", "Skipped"),
    "running": QT_TRANSLATE_NOOP("StatusFormat", "Running"),
}
KINDS = {
    "backup": QT_TRANSLATE_NOOP("StatusFormat", "Backup"),
    "check": QT_TRANSLATE_NOOP("StatusFormat", "Monthly check"),
    "drill": QT_TRANSLATE_NOOP("StatusFormat", "Restore drill"),
}


def tr(source: str) -> str:
    return QCoreApplication.translate(CONTEXT, source)


def size_text(n: int | None) -> str:
    return "—" if n is None else human_size(int(n))


def use_zone_of(now: datetime | None) -> None:
    """Shows every time in the zone of the window's clock (this computer's zone in real use,
    the test's or the screenshots' zone otherwise). Core hands out times in mixed offsets (the
    history keeps the offset of the run, manifests keep UTC); shown side by side they must agree."""
    global _zone
    _zone = zone_of(now) if now is not None and now.tzinfo is not None else None


def display_zone() -> tzinfo:
    return _zone or system_zone()


def local(moment: datetime) -> datetime:
    return moment.astimezone(display_zone()) if moment.tzinfo is not None else moment


def when_text(moment: datetime | None) -> str:
    """One format for every time the window and its dialogs show, in one zone (see `use_zone_of`)."""
    return "—" if moment is None else minute_text(local(moment))


def generation_text(generation_id: str | None) -> str:
    """A generation id ("2026-11-27_163500", local wall time when it was made) as the lists show times."""
    if not generation_id:
        return "—"
    try:
        return datetime.strptime(generation_id[:17], "%Y-%m-%d_%H%M%S").strftime(MINUTE_FORMAT)
    except ValueError:
        return generation_id


def duration_text(seconds: float | None) -> str:
    if seconds is None:
        return "—"
    seconds = int(round(seconds))
    if seconds < 60:
        return tr(T_SECONDS).format(seconds)
    minutes, secs = divmod(seconds, 60)
    if minutes < 60:
        return tr(T_MINUTES).format(minutes, secs)
    hours, minutes = divmod(minutes, 60)
    return tr(T_HOURS).format(hours, minutes)


def outcome_text(outcome: str) -> str:
    source = OUTCOMES.get(outcome)
    return tr(source) if source else outcome


def kind_text(kind: str) -> str:
    source = KINDS.get(kind)
    return tr(source) if source else kind


def verdict_text(verdict: str | None) -> str:
    """The verdict's one label, as `tsbackup generations` says it (`core.primary.rows.VERDICTS`)."""
    kind = VERDICTS.get(verdict or "")
    if kind is None:
        return verdict or "—"
    message = kind()
    return fill(QCoreApplication.translate(MESSAGES_CONTEXT, message.template), message.params)


def _installation(source: str) -> str:  # called with QT_TRANSLATE_NOOP-marked words only
    return QCoreApplication.translate("StatusWindow", source)


def mode_text(mode: str | None) -> str:
    """The kind of installation in the window's words (the "StatusWindow" context)."""
    source = {
        "single-user": QT_TRANSLATE_NOOP("StatusWindow", "Single-user (timeSensor LEGAL on this Mac)"),
        "server": QT_TRANSLATE_NOOP("StatusWindow", "Server (several users)"),
        "workstation": QT_TRANSLATE_NOOP("StatusWindow",
                                         "Workstation: the data lives on the server; install this assistant there"),
        "not-found": QT_TRANSLATE_NOOP("StatusWindow", "No timeSensor LEGAL data found"),
    }.get(mode or "not-found")
    return _installation(source) if source else (mode or "")


ARCHIVE_AGES = {  # (age known, one hour, fresh) -> words
    (False, False, True): QT_TRANSLATE_NOOP("StatusWindow", "{0} — age unknown, fresh"),
    (False, False, False): QT_TRANSLATE_NOOP("StatusWindow", "{0} — age unknown, too old"),
    (True, True, True): QT_TRANSLATE_NOOP("StatusWindow", "{0} — 1 hour old, fresh"),
    (True, True, False): QT_TRANSLATE_NOOP("StatusWindow", "{0} — 1 hour old, too old"),
    (True, False, True): QT_TRANSLATE_NOOP("StatusWindow", "{0} — {1} hours old, fresh"),
    (True, False, False): QT_TRANSLATE_NOOP("StatusWindow", "{0} — {1} hours old, too old"),
}


def archive_text(det: dict) -> str:
    """4D's newest archive and its age, as the installation box shows it."""
    newest = det.get("newest_archive")
    if not newest:
        return _installation(QT_TRANSLATE_NOOP("StatusWindow", "no 4D archive found"))
    name, hours, fresh = Path(newest).name, det.get("archive_age_hours"), bool(det.get("archive_fresh"))
    if not isinstance(hours, (int, float)):
        return _installation(ARCHIVE_AGES[(False, False, fresh)]).format(name)
    rounded = round(hours)
    return _installation(ARCHIVE_AGES[(True, rounded == 1, fresh)]).format(name, rounded)
