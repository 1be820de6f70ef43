"""When the tray speaks: failures always (once per run), waits once per slot, overdue once a day,
success only for the user's own run, reminders daily unless snoozed, withdrawn when resolved."""

from __future__ import annotations

import itertools
import json
from datetime import datetime, timedelta

from zoneinfo import ZoneInfo

from tsbackup_gui.core.store.config import Config
from tsbackup_gui.core.guard.blockers import PROGRAM_RUNNING, SOURCE_BUSY
from tsbackup_gui.core.store.history import Attempt
from tsbackup_gui.core.messages import Message
from tsbackup_gui.core.status.notify_rules import Memory, UserRun, active_reminders, decide, is_snoozed, snooze
from tsbackup_gui.core.status.model import compute_status

ZH = ZoneInfo("Europe/Zurich")
_ids = itertools.count(1)


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=ZH)


def cfg(**values) -> Config:
    values.setdefault("created", "2026-11-20T09:00:00+01:00")
    values.setdefault("secondary", {"kind": "folder", "path": "/offsite"})
    values.setdefault("recovery_sheet_confirmed", "2026-11-20")
    return Config(source="/src", primary="/dst", **values)


def att(started: str, outcome="ok", exit_code=0, reasons=(), minutes=12, kind="backup") -> Attempt:
    start = at(started)
    return Attempt(next(_ids), kind, start, start + timedelta(minutes=minutes), outcome, exit_code, list(reasons))


def busy(started: str) -> Attempt:
    return att(started, "skipped", 3, [SOURCE_BUSY(), PROGRAM_RUNNING(name="timeSensor LEGAL", pid=42)], minutes=0)


def drive_missing(started: str) -> Attempt:
    return att(started, "failed", 4, [Message("primary.drive_not_connected", "Connect the backup drive: /dst.")], minutes=0)


def failed(started: str) -> Attempt:
    return att(started, "failed", 2, [Message("primary.source_missing", "The data folder /src is gone.")])


class Tray:
    """Feeds the rules as the scheduler does: one call per tick, the memory carried along."""

    def __init__(self, config: Config | None = None, memory: Memory | None = None):
        self.config = config or cfg()
        self.memory = memory or Memory()
        self.attempts: list[Attempt] = []

    def tick(self, now: str, user_run: UserRun | None = None):
        moment = at(now)
        status = compute_status(self.config, self.attempts, moment)
        decision = decide(status, self.attempts, moment, self.memory, user_run)
        self.memory = decision.memory
        return [(n.kind, n.title.english(), [m.english() for m in n.lines]) for n in decision.notices], decision.withdrawn


def test_a_failure_is_said_once_per_failed_run():
    tray = Tray()
    tray.attempts = [att("2026-11-27 18:30"), failed("2026-11-30 18:30")]
    said, _ = tray.tick("2026-11-30 18:45")
    assert said == [("failed", "The backup failed", ["The last backup failed.", "The data folder /src is gone."])]
    assert tray.tick("2026-11-30 18:46") == ([], [])
    tray.attempts.append(failed("2026-11-30 19:00"))  # a new run (the OS task's, say) failed again
    assert [kind for kind, *_ in tray.tick("2026-11-30 19:20")[0]] == ["failed"]
    assert tray.tick("2026-11-30 19:21") == ([], [])


def test_a_wait_is_said_once_per_slot_and_withdrawn_when_over():
    tray = Tray()
    tray.attempts = [att("2026-11-27 18:30"), busy("2026-11-30 18:30")]
    said, _ = tray.tick("2026-11-30 18:31")
    assert said == [("waiting", "The backup is waiting", ["Close timeSensor LEGAL to start today's backup."])]
    for minute in range(32, 59):
        assert tray.tick(f"2026-11-30 18:{minute}") == ([], [])
    tray.attempts.append(att("2026-11-30 19:00"))  # closed: the run went through
    assert tray.tick("2026-11-30 19:15") == ([], ["wait:busy"])
    # The next day's wait is a new slot: said again, once.
    tray.attempts.append(busy("2026-12-01 18:30"))
    assert [kind for kind, *_ in tray.tick("2026-12-01 18:31")[0]] == ["waiting"]
    assert tray.tick("2026-12-01 18:32") == ([], [])


def test_a_missing_drive_waits_instead_of_failing_loudly():
    tray = Tray()
    tray.attempts = [att("2026-11-27 18:30"), drive_missing("2026-11-30 18:30")]
    said, _ = tray.tick("2026-11-30 18:31")
    assert said == [("waiting", "The backup is waiting", ["Connect the backup drive."])]
    tray.attempts.append(drive_missing("2026-11-30 19:30"))  # a retry that still found no drive
    assert tray.tick("2026-11-30 19:31") == ([], [])
    tray.attempts.append(att("2026-11-30 20:00"))
    assert tray.tick("2026-11-30 20:30") == ([], ["wait:drive"])


def drive_lost_mid_copy(started: str) -> Attempt:
    return att(started, "failed", 4, [Message("primary.target_gone", "The backup drive /dst disappeared.")], minutes=3)


def test_a_drive_lost_mid_copy_waits_twice_then_fails_loudly():
    """A loose cable: the first two losses in a slot are waits; the third is a failure, said once."""
    tray = Tray()
    tray.attempts = [att("2026-11-27 18:30"), drive_lost_mid_copy("2026-11-30 18:30")]
    assert [kind for kind, *_ in tray.tick("2026-11-30 18:34")[0]] == ["waiting"]
    tray.attempts.append(drive_lost_mid_copy("2026-11-30 18:35"))
    assert tray.tick("2026-11-30 18:39")[0] == []
    tray.attempts.append(drive_lost_mid_copy("2026-11-30 18:40"))
    said, withdrawn = tray.tick("2026-11-30 18:44")
    assert said == [("failed", "The backup failed", ["The last backup failed.", "The backup drive /dst disappeared."])]
    assert withdrawn == ["wait:drive"]
    assert tray.tick("2026-11-30 18:45") == ([], [])


def test_overdue_at_most_once_a_day_until_resolved():
    tray = Tray()
    tray.attempts = [att("2026-11-27 18:30")]
    said, _ = tray.tick("2026-12-01 07:00")
    assert said == [("overdue", "The backup is overdue", [
        "No backup since Friday.",
        "The backup planned for yesterday 18:30 did not run. Start a backup now, and leave the computer switched on at the backup time.",
    ])]
    assert tray.tick("2026-12-01 12:00") == ([], [])
    assert tray.tick("2026-12-01 23:59") == ([], [])
    assert [kind for kind, *_ in tray.tick("2026-12-02 07:00")[0]] == ["overdue"]
    tray.attempts.append(att("2026-12-02 08:00"))
    assert tray.tick("2026-12-02 09:00") == ([], [])


def test_success_only_for_a_run_the_user_started():
    tray = Tray()
    tray.attempts = [att("2026-11-30 18:30")]
    assert tray.tick("2026-11-30 18:45") == ([], [])  # the scheduled run: quiet
    tray.attempts.append(att("2026-11-30 20:00"))
    said, _ = tray.tick("2026-11-30 20:15", user_run=UserRun("ok", 0))
    assert said == [("done", "Backup finished", ["Last backup today 20:12 — all good."])]
    # A "Back up now" while timeSensor is open says why nothing happened.
    tray.attempts.append(busy("2026-11-30 21:00"))
    said, _ = tray.tick("2026-11-30 21:00", user_run=UserRun("skipped", 3, (SOURCE_BUSY(),)))
    assert said == [("not-started", "The backup did not start", ["Close timeSensor LEGAL to start today's backup."])]


def test_reminders_daily_unless_snoozed_and_withdrawn_when_done():
    tray = Tray(cfg(created="2026-10-01T09:00:00+02:00"))
    tray.attempts = [att("2026-11-30 18:30")]
    said, _ = tray.tick("2026-11-30 19:00")
    assert said == [("reminder", "Reminder", ["The monthly check is due. Run the monthly check."])]
    assert tray.tick("2026-11-30 22:00") == ([], [])
    now = at("2026-11-30 22:00")
    tray.memory = snooze(tray.memory, "reminder.check", now)
    status = compute_status(tray.config, tray.attempts, now)
    assert active_reminders(status, tray.memory, now) == []
    assert tray.tick("2026-12-01 09:00") == ([], [])  # snoozed until 22:00 tomorrow
    assert is_snoozed(tray.memory, "reminder.check", at("2026-12-01 21:59"))
    assert [kind for kind, *_ in tray.tick("2026-12-01 22:01")[0]] == ["reminder"]
    tray.attempts += [att("2026-12-01 18:30"), att("2026-12-02 10:00", kind="check")]
    assert tray.tick("2026-12-02 11:00") == ([], ["reminder:reminder.check"])
    assert tray.memory.reminders == {} and tray.memory.snoozed == {}


def test_memory_survives_json_and_forgets_garbage():
    tray = Tray()
    tray.attempts = [att("2026-11-27 18:30"), failed("2026-11-30 18:30")]
    tray.tick("2026-11-30 18:45")
    again = Memory.from_json(json.loads(json.dumps(tray.memory.to_json())))
    assert again == tray.memory
    assert Memory.from_json("nonsense") == Memory()
    assert Memory.from_json({"failure_id": "x", "waits": [1]}) == Memory()
    restarted = Tray(memory=again)
    restarted.attempts = tray.attempts
    assert restarted.tick("2026-11-30 18:50") == ([], [])  # a restart does not repeat the failure
