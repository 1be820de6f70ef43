"""One status model: a pure function of (config, history, now, facts) → one state, one sentence.

The tray icon, its tooltip, the status window, `tsbackup status`, e-mails and
pings all read this, so they never disagree. It does no I/O: the caller
gathers the few facts that need the file system (`status_facts.gather`).

Severity: failed > overdue > warning > waiting > ok. "running" is shown over
ok and waiting only: a problem stays visible while the next run is going.
The newest decisive backup attempt speaks for the backups (a failure counts
until a later run succeeds; a wait only while its slot is still due); overdue
counts *expected* slots missed by more than the grace period, so a quiet
weekend is no alarm and a missed Monday is.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from typing import Any, Sequence

from tsbackup_gui.core.offsite.records import is_external, readable_repo
from tsbackup_gui.core.store.config import NOT_CONFIGURED, Config
from tsbackup_gui.core.guard.blockers import SOURCE_BUSY
from tsbackup_gui.core.store.history import RUNNING as RUNNING_OUTCOME
from tsbackup_gui.core.store.history import Attempt
from tsbackup_gui.core.messages import Message
from tsbackup_gui.core.status.state import NO_FACTS, SEVERITY, Reason, Reminder, Status, StatusFacts
from tsbackup_gui.core.schedule.slots import (
    created_at, due_slot, gave_up_on_drive, is_busy_skip, is_drive_missing, newest_first, next_slot, previous_slot,
)
from tsbackup_gui.core.schedule.zone import to_utc, zone_of
from tsbackup_gui.core.status.reasons import (
    BUSY_EARLIER_SLOT, CHECK_DUE, CHECK_FAILED, CHECK_WARNED, CONNECT_DRIVE, DAMAGED_COPIES, DRILL_DUE, DRIVE_BACK,
    DRILL_FAILED, DRILL_LONG_OVERDUE, DRIVE_MOVED, DRIVE_UNPROTECTED, FAILED_NO_REASON, FIRST_BACKUP,
    FIRST_BACKUP_SOON, LAST_FAILED, LAST_OK, LAST_WARNED, MISSED_SLOT, NO_BACKUP_EVER, NO_BACKUP_SINCE, NO_OFFSITE,
    RETENTION_PAUSED, RUNNING, RUNNING_PROGRESS, SAME_DISK, SHEET_DUE, SHEET_NOT_CONFIRMED,
)
from tsbackup_gui.core.schedule.moments import day_words, moment_words

log = logging.getLogger(__name__)

#: Reasons that mean the newest restorable copy is older than expected, or that the off-site copy
#: stopped until someone acts: a failure (red, CRITICAL for monitoring) however the run itself ended.
CRITICAL_CODES = frozenset({
    "consistency.archive_not_ok",  # a server's own 4D archive is stale, missing or incomplete
    "offsite.host_key_changed",  # the off-site server's key changed: copies stop (maybe an interception)
    "offsite.no_repository",  # the off-site repository is gone
    "offsite.wrong_password",  # the stored password no longer opens it
})

#: Reasons of a run whose retention paused because it looked like mass change
#: (core/primary/retention.py; ids, not imports, so status stays free of the engine).
MASS_CHANGE_CODES = frozenset({"primary.mass_change", "primary.data_file_shrank", "primary.data_file_gone"})

CHECK_EVERY = timedelta(days=30)
DRILL_EVERY = timedelta(days=365)
DRILL_GRACE = timedelta(days=30)  # a drill this long past due turns the status to warning


@dataclass
class _Finding:
    state: str
    headline: Message | None
    reasons: list[Reason]


def compute_status(
    config: Config | None, attempts: Sequence[Attempt], now: datetime, facts: StatusFacts = NO_FACTS
) -> Status:
    """The status at `now` for this setup and these attempts (any order, any kinds)."""
    if now.tzinfo is None:
        raise ValueError("status needs an aware datetime")
    if config is None:
        return Status("not-configured", SEVERITY["not-configured"], NOT_CONFIGURED())
    zone = zone_of(now)
    now = now.astimezone(zone)
    backups = newest_first(attempts, "backup")
    finished = [a for a in backups if a.outcome != RUNNING_OUTCOME]
    running = facts.running or len(finished) < len(backups)
    last_success = next((a for a in finished if a.succeeded), None)
    success_time = _local(_end(last_success), zone) if last_success else None
    due = due_slot(config, attempts, now)
    next_due = (due if due is not None else next_slot(config, now)).astimezone(zone)
    paused = _paused_until(config, now)
    if paused is not None:  # core/pause.py: the next run is the first slot after the pause
        next_due = next_slot(config, (paused - timedelta(microseconds=1)).astimezone(zone)).astimezone(zone)

    findings: list[_Finding] = []
    if paused is not None:  # first: among the waits, the pause is the headline
        headline = _pause_headline(paused, now)
        findings.append(_Finding("waiting", headline, [Reason(headline.id, headline)]))
    decisive = _decisive(finished, due)
    if (decisive is not None and decisive.outcome == "failed" and is_drive_missing(decisive)
            and not gave_up_on_drive(config, attempts, decisive)):
        # A drive that is not connected is a wait, not a failure: the run starts when it appears,
        # and the overdue rule raises the alarm if it stays away past the grace period.
        if facts.drive_connected:  # plugged in again since: the wait is over, the next look starts the run
            findings.append(_Finding("waiting", DRIVE_BACK(), [Reason(DRIVE_BACK.id, DRIVE_BACK())]))
        else:
            findings.append(_Finding("waiting", CONNECT_DRIVE(), _reasons(decisive.reasons)))
    elif decisive is not None and decisive.outcome == "failed":
        findings.append(_Finding("failed", LAST_FAILED(), _reasons(decisive.reasons) or _reasons([FAILED_NO_REASON()])))
    elif decisive is not None and is_busy_skip(decisive):
        today = due is not None and due.astimezone(zone).date() == now.date()
        headline = SOURCE_BUSY() if today else BUSY_EARLIER_SLOT()
        findings.append(_Finding("waiting", headline, _reasons(decisive.reasons)))
    findings += _overdue(config, last_success, success_time, now, zone)
    if last_success is not None and last_success.outcome == "warning" and not _failing(decisive):
        critical = [reason for reason in last_success.reasons if reason.id in CRITICAL_CODES]
        if critical:  # the run counted, but what can be restored is older than it should be
            findings.append(_Finding("failed", critical[0], _reasons(last_success.reasons)))
        else:
            when = moment_words(success_time, now, zone)
            findings.append(_Finding("warning", LAST_WARNED(when=when), _reasons(last_success.reasons)))
    findings += _setup_warnings(config, last_success, facts)
    findings += _offsite_age(config, backups, now)
    findings += _offsite_notes(config)
    findings += _drive_notes(last_success)
    findings += _rotation_warnings(config, attempts, now)
    findings += _verification_warnings(config, attempts)
    findings += _shared_damage(facts)
    reminders = _reminders(config, attempts, now, zone)
    findings += _drill_long_overdue(reminders, now, zone)
    if last_success is None and due is not None:
        findings.append(_Finding("waiting", FIRST_BACKUP_SOON(), []))
    elif last_success is None:
        findings.append(_Finding("waiting", FIRST_BACKUP(when=moment_words(next_due, now, zone)), []))
    else:
        findings.append(_Finding("ok", LAST_OK(when=moment_words(success_time, now, zone)), []))

    state = max((f.state for f in findings), key=lambda s: SEVERITY[s])
    ordered = sorted(findings, key=lambda f: -SEVERITY[f.state])  # stable: decisive findings first
    headline = next((f.headline for f in ordered if f.state == state and f.headline is not None), None)
    if running and state in ("ok", "waiting"):
        state = "running"
        percent = (facts.running_progress or {}).get("percent")
        headline = RUNNING_PROGRESS(percent=int(percent)) if isinstance(percent, (int, float)) else RUNNING()
        ordered = [f for f in ordered if f.state != "waiting"]
    reasons = [reason for f in ordered for reason in f.reasons]
    if headline is None:  # standing warnings of the setup only: today's wait (connect the drive,
        # close timeSensor LEGAL) is what someone can act on now, so it speaks; the state stays warning
        waiting = next((f.headline for f in ordered if f.state == "waiting" and f.headline is not None
                        and f.reasons), None)
        headline = waiting if waiting is not None else reasons[0].message
    reasons = _unique(reasons)
    return Status(state, SEVERITY[state], headline, reasons, success_time, next_due, reminders)


# -- the parts ---------------------------------------------------------------------------


def _decisive(finished: list[Attempt], due: datetime | None) -> Attempt | None:
    """The newest attempt that says something about the backups: a result, or a wait for the
    slot that is still due. Other skips (another run was going) and stale waits say nothing."""
    for attempt in finished:
        if attempt.outcome in ("ok", "warning", "failed"):
            return attempt
        if is_busy_skip(attempt) and due is not None and to_utc(attempt.started) >= to_utc(due):
            return attempt
    return None


def _failing(decisive: Attempt | None) -> bool:
    return decisive is not None and decisive.outcome == "failed"


def _overdue(config: Config, last_success: Attempt | None, success_time: datetime | None,
             now: datetime, zone: tzinfo) -> list[_Finding]:
    """Overdue when an expected slot after the last success (or the setup) is older than the grace."""
    anchor = last_success.started.astimezone(zone) if last_success else created_at(config, zone)
    anchor, paused = _after_pause(config, anchor, now, zone)
    if anchor is None or paused:
        return []
    try:
        grace = timedelta(hours=float(config.grace_hours))
    except (TypeError, ValueError):
        grace = timedelta(hours=12)
    cutoff = (to_utc(now) - grace).astimezone(zone)
    if to_utc(next_slot(config, anchor.astimezone(zone))) > to_utc(cutoff):
        return []
    missed = previous_slot(config, cutoff)
    if success_time is not None:
        headline = NO_BACKUP_SINCE(day=day_words(success_time, now, zone))
    else:
        headline = NO_BACKUP_EVER()
    return [_Finding("overdue", headline, [Reason(MISSED_SLOT.id, MISSED_SLOT(when=moment_words(missed, now, zone)))])]


def _paused_until(config: Config, now: datetime) -> datetime | None:
    from tsbackup_gui.core.schedule.pause import paused_until

    return paused_until(config, now)


def _pause_headline(paused: datetime, now: datetime) -> Message:
    from tsbackup_gui.core.schedule.pause import active_message

    return active_message(paused, now)


def _after_pause(config: Config, anchor: datetime | None, now: datetime, zone: tzinfo) -> tuple[datetime | None, bool]:
    """No overdue while paused; after a pause the overdue rule counts from its end.

    "Paused" is what `pause.paused_until` says: an end far ahead (a bad clock, a hand edit) is no
    pause, and must neither silence the alarm nor serve as an anchor in the future."""
    from tsbackup_gui.core.schedule.pause import pause_end, paused_until

    if paused_until(config, now) is not None:
        return anchor, True
    end = pause_end(config)
    if end is None or to_utc(end) > to_utc(now):
        return anchor, False
    if anchor is None or to_utc(end) > to_utc(anchor):
        return end.astimezone(zone), False
    return anchor, False


def _rotation_warnings(config: Config, attempts: Sequence[Attempt], now: datetime) -> list[_Finding]:
    """Two drives in rotation: a drive unused for 14 days asks for a swap (core/rotation.py)."""
    if not getattr(config, "extra_drives", None):
        return []
    from tsbackup_gui.core.status.rotation_history import swap_reasons

    try:
        reasons = swap_reasons(config, attempts, now)
    except (TypeError, ValueError, AttributeError, KeyError) as exc:  # a hand-edited drive list
        log.warning("rotation status skipped: %s", exc)
        return []
    return [_Finding("warning", None, _reasons(reasons))] if reasons else []


def _setup_warnings(config: Config, last_success: Attempt | None, facts: StatusFacts) -> list[_Finding]:
    reasons = []
    if facts.same_disk:
        reasons.append(SAME_DISK())
    if not config.secondary:
        reasons.append(NO_OFFSITE())
    if last_success is not None and any(r.id in MASS_CHANGE_CODES for r in last_success.reasons):
        reasons.append(RETENTION_PAUSED())
    if config.secondary and not config.recovery_sheet_confirmed:
        reasons.append(SHEET_NOT_CONFIRMED())
    if facts.report_problem is not None:  # the IT partner may be hearing nothing: a warning, never worse
        reasons.append(facts.report_problem)
    if facts.autostart_problem is not None:  # the tray will not be there after the next restart
        reasons.append(facts.autostart_problem)
    return [_Finding("warning", None, _reasons(reasons))] if reasons else []


def _offsite_notes(config: Config) -> list[_Finding]:
    """What the user should know about the off-site setup without it being a problem (state stays ok)."""
    from tsbackup_gui.core.offsite.records import RETENTION_BY_SERVER

    secondary = config.secondary or {}
    if secondary.get("append_only") and not is_external(secondary):
        return [_Finding("ok", None, _reasons([RETENTION_BY_SERVER()]))]
    return []


def _drive_notes(last_success: Attempt | None) -> list[_Finding]:
    """The drive of the newest good backup cannot hold read-only files (FAT32, exFAT): said once,
    the state stays as it is (the backups can be restored; they are only less protected)."""
    if last_success is None:
        return []
    notes = []
    if last_success.details.get("read_only") is False:
        notes.append(DRIVE_UNPROTECTED())
    if last_success.details.get("drive_moved_from"):  # found by its marker under another letter or name
        notes.append(DRIVE_MOVED(now=str(last_success.details.get("drive_path") or ""),
                                 before=str(last_success.details["drive_moved_from"])))
    return [_Finding("ok", None, _reasons(notes))] if notes else []


def _offsite_age(config: Config, backups: list[Attempt], now: datetime) -> list[_Finding]:
    """An off-site copy older than three days is a failure of its own (a target that stays
    unreachable, runs that keep failing: the newest copy off the premises is older than it should
    be); before the first copy, three days after its setup."""
    from tsbackup_gui.core.offsite.records import last_offsite_time
    from tsbackup_gui.core.offsite.records import MAX_OFFSITE_AGE, offsite_age_warning

    secondary = config.secondary or {}
    repo = secondary.get("repo")
    if readable_repo(secondary) is None:
        return []
    newest = last_offsite_time(backups, str(repo))
    if newest is None:
        since = _parse_time(secondary.get("since")) or created_at(config, now.tzinfo)
        if since is None or to_utc(now) - to_utc(since) <= MAX_OFFSITE_AGE:
            return []
    warning = offsite_age_warning(newest, now)
    return [_Finding("failed", warning, _reasons([warning]))] if warning is not None else []


def _parse_time(value: Any) -> datetime | None:
    try:
        moment = datetime.fromisoformat(str(value)) if value else None
    except ValueError:
        return None
    return moment if moment is None or moment.tzinfo is not None else None


def _verification_warnings(config: Config, attempts: Sequence[Attempt]) -> list[_Finding]:
    """A failed monthly check or drill stays a warning until one of its kind succeeds; so does a
    check that ended with warnings or needs a person's confirmation (never "all good" over it) —
    except what was settled since: the recovery sheet confirmed after the check."""
    found = []
    for kind, sentence in (("check", CHECK_FAILED), ("drill", DRILL_FAILED)):
        newest = next((a for a in newest_first(attempts, kind) if a.outcome != RUNNING_OUTCOME), None)
        if newest is not None and newest.outcome == "failed":
            found.append(_Finding("warning", None, _reasons([sentence(), *newest.reasons[:1]])))
        elif newest is not None and kind == "check" and newest.outcome == "warning":
            open_ = [r for r in newest.reasons if not (r.id in SHEET_CODES and _sheet_confirmed_since(config, newest))]
            if open_:
                found.append(_Finding("warning", None, _reasons([CHECK_WARNED(), *open_[:3]])))
    return found


def _shared_damage(facts: StatusFacts) -> list[_Finding]:
    """Generations that still hold a damaged file (shared through hard links): a warning until they age out."""
    if not facts.damaged:
        return []
    generations = ", ".join(generation for generation, _paths in facts.damaged)
    path = facts.damaged[0][1][0]
    return [_Finding("warning", None, _reasons([DAMAGED_COPIES(generations=generations, path=path)]))]


#: The check's findings about the recovery sheet: settled by confirming the sheet after the check.
SHEET_CODES = frozenset({"status.recovery_sheet", "check.sheet_confirm"})


def _sheet_confirmed_since(config: Config, attempt: Attempt) -> bool:
    confirmed = config.recovery_sheet_confirmed
    if not confirmed:
        return False
    try:
        return date.fromisoformat(str(confirmed)[:10]) >= attempt.started.date()
    except ValueError:
        return False


def _reminders(config: Config, attempts: Sequence[Attempt], now: datetime, zone: tzinfo) -> list[Reminder]:
    """Due reminders: the monthly check 30 days after the last good one (or the setup), the
    drill 365 days after, and the recovery sheet while an off-site backup exists unconfirmed."""
    created = created_at(config, zone)
    oldest = min((a.started for a in attempts), key=to_utc, default=None)
    start = created if created is not None else oldest
    found = []
    for kind, every, sentence in (("check", CHECK_EVERY, CHECK_DUE), ("drill", DRILL_EVERY, DRILL_DUE)):
        done = next((a for a in newest_first(attempts, kind) if a.succeeded), None)
        anchor = _end(done) if done is not None else start
        if anchor is None:
            continue
        due = anchor.astimezone(zone) + every  # wall-clock days: the same time of day
        if to_utc(due) <= to_utc(now):
            found.append(Reminder(sentence.id, sentence(), due))
    if config.secondary and not config.recovery_sheet_confirmed:
        found.append(Reminder(SHEET_DUE.id, SHEET_DUE(), (created or now).astimezone(zone)))
    return found


def _drill_long_overdue(reminders: list[Reminder], now: datetime, zone: tzinfo) -> list[_Finding]:
    drill = next((r for r in reminders if r.code == DRILL_DUE.id), None)
    if drill is None or to_utc(drill.due) + DRILL_GRACE > to_utc(now):
        return []
    return [_Finding("warning", None, _reasons([DRILL_LONG_OVERDUE(day=day_words(drill.due, now, zone))]))]


# -- small helpers -----------------------------------------------------------------------


def _reasons(messages: Sequence[Message]) -> list[Reason]:
    return [Reason(m.id, m) for m in messages]


def _unique(reasons: list[Reason]) -> list[Reason]:
    seen: set[tuple[str, str]] = set()
    out = []
    for reason in reasons:
        key = (reason.code, reason.message.english())
        if key not in seen:
            seen.add(key)
            out.append(reason)
    return out


def _end(attempt: Attempt) -> datetime:
    return attempt.ended or attempt.started


def _local(moment: datetime, zone: tzinfo) -> datetime:
    return moment.astimezone(zone)
