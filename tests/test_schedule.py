"""The schedule over an injected clock in Europe/Zurich: slots, working days, DST, catch-up,
never twice, waits that keep a slot due, the hourly off-site retry, one record per repeated skip."""

from __future__ import annotations

import itertools
import os
import time
from datetime import date, datetime, timedelta, timezone

import pytest
from zoneinfo import ZoneInfo

from tsbackup_gui.core.schedule import slots as schedule, zone as schedule_zone
from tsbackup_gui.core.store.config import Config
from tsbackup_gui.core.guard.blockers import PROGRAM_RUNNING, SOURCE_BUSY
from tsbackup_gui.core.store.history import Attempt, History
from tsbackup_gui.core.messages import Message

ZH = ZoneInfo("Europe/Zurich")
_ids = itertools.count(1)


def at(text: str, fold: int = 0) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=ZH, fold=fold)


def cfg(**values) -> Config:
    values.setdefault("created", "2026-11-01T09:00:00+01:00")
    return Config(source="/src", primary="/dst", **values)


def attempt(started: str | datetime, outcome="ok", exit_code=0, reasons=(), minutes=12, kind="backup") -> Attempt:
    start = at(started) if isinstance(started, str) else started
    return Attempt(next(_ids), kind, start, start + timedelta(minutes=minutes), outcome, exit_code, list(reasons))


def busy(started: str) -> Attempt:
    return attempt(started, "skipped", 3, [SOURCE_BUSY()], minutes=0)


def reason(code: str) -> Message:
    return Message(code, "text for " + code)


EVERY_DAY = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]


# -- slots and working days ----------------------------------------------------------------


@pytest.mark.parametrize(
    "after, expected",
    [
        ("2026-11-30 10:00", "2026-11-30 18:30"),  # Monday morning → Monday evening
        ("2026-11-30 18:30", "2026-12-01 18:30"),  # strictly after
        ("2026-11-27 18:31", "2026-11-30 18:30"),  # Friday evening → Monday (no weekend slots)
        ("2026-11-28 12:00", "2026-11-30 18:30"),  # Saturday → Monday
    ],
)
def test_next_slot_on_working_days(after, expected):
    assert schedule.next_slot(cfg(), at(after)) == at(expected)


def test_working_days_and_time_are_configurable():
    config = cfg(time="07:15", working_days=["sat"])
    assert schedule.next_slot(config, at("2026-11-30 10:00")) == at("2026-12-05 07:15")
    assert schedule.previous_slot(config, at("2026-11-30 10:00")) == at("2026-11-28 07:15")


def test_slot_time_follows_the_zone_not_a_fixed_offset():
    summer = schedule.next_slot(cfg(), at("2026-07-01 10:00"))
    assert summer.utcoffset() == timedelta(hours=2) and summer.astimezone(timezone.utc).hour == 16


# -- due: once per slot --------------------------------------------------------------------


def test_slot_is_due_from_its_time_until_an_attempt_handles_it():
    config = cfg()
    friday = [attempt("2026-11-27 18:30")]
    assert schedule.due_slot(config, friday, at("2026-11-28 11:00")) is None  # weekend: nothing due
    assert schedule.due_slot(config, friday, at("2026-11-30 18:29")) is None
    assert schedule.due_slot(config, friday, at("2026-11-30 18:30")) == at("2026-11-30 18:30")
    ran = friday + [attempt("2026-11-30 18:30:20", "failed", 2, [reason("run.unexpected")])]
    assert schedule.due_slot(config, ran, at("2026-11-30 18:31")) is None  # any outcome: never twice
    assert not schedule.is_due(config, ran, at("2026-11-30 23:00"))


def test_a_wait_keeps_the_slot_due_so_the_run_starts_when_the_obstacle_is_gone():
    config = cfg()
    waits = [busy("2026-11-30 18:30"), busy("2026-11-30 18:31")]
    assert schedule.due_slot(config, waits, at("2026-11-30 18:45")) == at("2026-11-30 18:30")
    drive = [attempt("2026-11-30 18:30", "failed", 4, [reason("primary.drive_not_connected")], minutes=0)]
    assert schedule.due_slot(config, drive, at("2026-11-30 19:00")) == at("2026-11-30 18:30")
    full = [attempt("2026-11-30 18:30", "failed", 4, [reason("primary.no_space")], minutes=0)]
    assert schedule.due_slot(config, full, at("2026-11-30 19:00")) is None  # a full drive is no wait
    closed = waits + [attempt("2026-11-30 18:52")]
    assert schedule.due_slot(config, closed, at("2026-11-30 19:10")) is None


def test_a_drive_lost_mid_copy_is_retried_twice_per_slot_then_the_slot_is_done():
    from tsbackup_gui.core.schedule import tick

    config = cfg()

    def gone(started: str) -> Attempt:
        return attempt(started, "failed", 4, [reason("primary.target_gone")], minutes=3)

    runs = [attempt("2026-11-27 18:30"), gone("2026-11-30 18:30")]
    # the first loss and the first retry's loss are waits: the slot stays due, the tick retries
    assert schedule.due_slot(config, runs, at("2026-11-30 18:40")) == at("2026-11-30 18:30")
    assert tick.plan(config, runs, at("2026-11-30 18:40"), False).action == tick.RETRY
    runs.append(gone("2026-11-30 18:41"))
    assert tick.plan(config, runs, at("2026-11-30 18:50"), False).action == tick.RETRY
    # the second retry's loss ends the slot: no run a minute later, none until the next slot
    runs.append(gone("2026-11-30 18:51"))
    assert schedule.due_slot(config, runs, at("2026-11-30 18:55")) is None
    assert tick.plan(config, runs, at("2026-11-30 18:55"), False).action == tick.IDLE
    assert not schedule.gave_up_on_drive(config, runs, runs[1]) and schedule.gave_up_on_drive(config, runs, runs[-1])
    # the next slot starts counting afresh
    assert schedule.due_slot(config, runs, at("2026-12-01 18:30")) == at("2026-12-01 18:30")
    runs.append(gone("2026-12-01 18:30"))
    assert schedule.due_slot(config, runs, at("2026-12-01 18:40")) == at("2026-12-01 18:30")
    # a missing drive at the start (no copy begun) is not counted: it costs nothing to look again
    absent = [attempt("2026-11-30 18:30", "failed", 4, [reason("primary.drive_not_connected")], minutes=0)] * 5
    assert schedule.due_slot(config, absent, at("2026-11-30 19:00")) == at("2026-11-30 18:30")


def test_a_running_attempt_handles_its_slot():
    running = [Attempt(next(_ids), "backup", at("2026-11-30 18:30"), None, "running", None)]
    assert schedule.due_slot(cfg(), running, at("2026-11-30 18:40")) is None


def test_other_kinds_do_not_handle_a_backup_slot():
    check = [attempt("2026-11-30 18:30", kind="check")]
    assert schedule.due_slot(cfg(), check, at("2026-11-30 18:40")) == at("2026-11-30 18:30")


def test_slots_before_the_setup_are_never_due():
    config = cfg(created="2026-11-30T20:00:00+01:00")
    assert schedule.due_slot(config, [], at("2026-11-30 21:00")) is None
    assert schedule.due_slot(config, [], at("2026-12-01 18:30")) == at("2026-12-01 18:30")


def test_sleep_for_two_days_gives_one_catch_up_then_the_evening_slot_still_runs():
    config = cfg()
    history = [attempt("2026-11-30 18:30")]  # Monday; Tuesday and Wednesday slept through
    wake = at("2026-12-03 08:05")  # Thursday morning
    assert schedule.due_slot(config, history, wake) == at("2026-12-02 18:30")  # only the newest missed slot
    history.append(attempt(wake))
    for minute in range(1, 600, 7):  # the rest of the day until the evening slot: nothing
        assert schedule.due_slot(config, history, wake + timedelta(minutes=minute)) is None
    assert schedule.due_slot(config, history, at("2026-12-03 18:30")) == at("2026-12-03 18:30")
    history.append(attempt("2026-12-03 18:30:04"))
    assert schedule.due_slot(config, history, at("2026-12-03 23:59")) is None


def test_a_missed_day_is_caught_up_at_the_next_start():
    config = cfg()
    history = [attempt("2026-11-30 18:30")]
    assert schedule.due_slot(config, history, at("2026-12-02 07:30")) == at("2026-12-01 18:30")


# -- DST in Europe/Zurich ------------------------------------------------------------------


def test_spring_forward_slot_runs_at_the_next_valid_minute():
    config = cfg(time="02:30", working_days=EVERY_DAY, created="2026-03-01T00:00:00+01:00")
    slot = schedule.next_slot(config, at("2026-03-29 00:10"))
    assert (slot.hour, slot.minute, slot.utcoffset()) == (3, 0, timedelta(hours=2))
    assert slot.astimezone(timezone.utc) == datetime(2026, 3, 29, 1, 0, tzinfo=timezone.utc)
    before = [attempt("2026-03-28 02:30")]
    just_before = datetime(2026, 3, 29, 0, 59, tzinfo=timezone.utc).astimezone(ZH)  # 01:59 CET
    assert schedule.due_slot(config, before, just_before) is None
    assert schedule.due_slot(config, before, at("2026-03-29 03:00")) == slot
    after = before + [attempt(at("2026-03-29 03:00"))]
    assert schedule.due_slot(config, after, at("2026-03-29 12:00")) is None
    assert schedule.next_slot(config, slot) == at("2026-03-30 02:30")


def test_autumn_repeated_slot_runs_once():
    config = cfg(time="02:30", working_days=EVERY_DAY, created="2026-10-01T00:00:00+02:00")
    first = at("2026-10-25 02:30", fold=0)
    second = at("2026-10-25 02:30", fold=1)
    assert first.utcoffset() == timedelta(hours=2) and second.utcoffset() == timedelta(hours=1)
    before = [attempt("2026-10-24 02:30")]
    assert schedule.due_slot(config, before, first) == first
    ran = before + [attempt(first)]
    assert schedule.due_slot(config, ran, second) is None  # the same wall time an hour later
    assert schedule.due_slot(config, ran, at("2026-10-25 02:59", fold=1)) is None
    assert schedule.next_slot(config, second) == at("2026-10-26 02:30")
    # Asleep through the first 02:30 and woken in the repeated hour: one run, not two.
    late = before + [attempt(at("2026-10-25 02:40", fold=1))]
    assert schedule.due_slot(config, before, at("2026-10-25 02:40", fold=1)) == first
    assert schedule.due_slot(config, late, at("2026-10-25 05:00")) is None


def test_system_zone_without_a_name_follows_the_same_rules():
    """The C library's rules (as on Windows, where there is no IANA name) give the same slots."""
    original = os.environ.get("TZ")
    os.environ["TZ"] = "Europe/Zurich"
    time.tzset()
    schedule_zone.system_zone.cache_clear()
    try:
        local = schedule_zone.SystemZone()
        config = cfg(time="02:30", working_days=EVERY_DAY)
        for day in (date(2026, 3, 28), date(2026, 3, 29), date(2026, 3, 30), date(2026, 10, 25), date(2026, 12, 3)):
            mine, named = schedule.slot_on(config, day, local), schedule.slot_on(config, day, ZH)
            # In UTC: PEP 495 makes an ambiguous time unequal to everything in another zone.
            assert mine.astimezone(timezone.utc) == named.astimezone(timezone.utc)
            assert mine.replace(tzinfo=None) == named.replace(tzinfo=None)
        repeated = datetime(2026, 10, 25, 0, 45, tzinfo=timezone.utc).astimezone(local)  # 02:45 CEST
        again = datetime(2026, 10, 25, 1, 45, tzinfo=timezone.utc).astimezone(local)  # 02:45 CET
        assert (repeated.fold, again.fold) == (0, 1) and repeated.utcoffset() != again.utcoffset()
        fixed = datetime(2026, 12, 3, 10, 0).astimezone()  # what Clock().now() hands out
        assert isinstance(fixed.tzinfo, timezone)
        assert schedule_zone.zone_of(fixed) == ZH
        assert schedule.next_slot(cfg(), fixed.replace(month=3, day=20)) == at("2026-03-20 18:30")
    finally:
        if original is None:
            del os.environ["TZ"]
        else:
            os.environ["TZ"] = original
        time.tzset()
        schedule_zone.system_zone.cache_clear()


# -- off-site retry ------------------------------------------------------------------------


def test_unreachable_offsite_target_is_retried_hourly():
    config = cfg()
    unreachable = [reason("offsite.unreachable")]
    history = [attempt("2026-11-30 18:30", "warning", 1, unreachable)]
    assert not schedule.offsite_retry_due(history, at("2026-11-30 19:29"))
    assert schedule.offsite_retry_due(history, at("2026-11-30 19:30"))
    assert schedule.is_due(config, history, at("2026-11-30 19:30"))
    history.append(attempt("2026-11-30 19:30", "warning", 1, unreachable))
    assert not schedule.offsite_retry_due(history, at("2026-11-30 20:29"))
    assert schedule.offsite_retry_due(history, at("2026-11-30 20:30"))
    history.append(attempt("2026-11-30 20:30", "ok", 0))
    assert not schedule.offsite_retry_due(history, at("2026-11-30 23:00"))
    assert not schedule.is_due(config, history, at("2026-11-30 23:00"))


def test_a_skip_does_not_end_the_offsite_retry():
    history = [attempt("2026-11-30 18:30", "warning", 1, [reason("offsite.unreachable")]), busy("2026-11-30 19:00")]
    assert schedule.offsite_retry_due(history, at("2026-11-30 19:31"))


# -- one record for repeated skips -----------------------------------------------------------


def test_repeated_identical_skips_of_one_slot_are_one_record(tsbackup_home):
    config = cfg()
    history = History(tsbackup_home / "history.sqlite3", lock_path=tsbackup_home / "run.lock")
    history.record("backup", at("2026-11-27 18:30"), at("2026-11-27 18:41"), "ok", 0)
    open_app = [PROGRAM_RUNNING(name="timeSensor LEGAL", pid=4242)]
    for minute in range(30, 36):
        now = at(f"2026-11-30 18:{minute:02d}")
        slot = schedule.due_slot(config, history.attempts(), now)
        assert slot == at("2026-11-30 18:30")
        schedule.record_skip(history, history.attempts(), slot, now, now, 3, open_app)
    records = history.attempts()
    assert len(records) == 2
    assert (records[0].started, records[0].ended, records[0].outcome) == (at("2026-11-30 18:30"), at("2026-11-30 18:35"), "skipped")
    # Another reason, or the next slot, is a new record.
    other = [PROGRAM_RUNNING(name="4D", pid=7)]
    assert not schedule.should_record_skip(history.attempts(), at("2026-11-30 18:30"), "guard.program_running")
    schedule.record_skip(history, history.attempts(), at("2026-11-30 18:30"), at("2026-11-30 18:40"),
                         at("2026-11-30 18:40"), 3, [SOURCE_BUSY()])
    assert len(history.attempts()) == 3
    assert schedule.should_record_skip(history.attempts(), at("2026-12-01 18:30"), "guard.source_busy")
    schedule.record_skip(history, history.attempts(), at("2026-12-01 18:30"), at("2026-12-01 18:30"),
                         at("2026-12-01 18:30"), 3, other)
    assert len(history.attempts()) == 4
    assert schedule.should_record_skip(history.attempts(), None, "guard.program_running")
