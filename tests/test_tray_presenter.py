"""The tray's decisions without a tray (CI has none): icon, tooltip and menu for every state."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from tsbackup_gui.core.store.config import NOT_CONFIGURED
from tsbackup_gui.core.guard.blockers import SOURCE_BUSY
from tsbackup_gui.core.status.state import SEVERITY, Reminder, Status
from tsbackup_gui.core.status.reasons import (
    CHECK_DUE, CONNECT_DRIVE, DRILL_DUE, LAST_FAILED, LAST_OK, LAST_WARNED, NO_BACKUP_SINCE, RUNNING,
)
from tsbackup_gui.core.schedule.moments import TODAY, WEEKDAY_NAMES
from tsbackup_gui.render.translate import Translator, resources_dir
from tsbackup_gui.ui import tray_presenter as tp

NOW = datetime(2026, 11, 30, 19, 0, tzinfo=timezone(timedelta(hours=1)))
EN = Translator("en")
DE = Translator("de")

CASES = {
    "ok": (LAST_OK(when=TODAY()), "Last backup today — all good."),
    "running": (RUNNING(), "A backup is running."),
    "waiting": (SOURCE_BUSY(), "Close timeSensor LEGAL to start today's backup."),
    "warning": (LAST_WARNED(when=TODAY()), "Last backup today — with warnings."),
    "overdue": (NO_BACKUP_SINCE(day=WEEKDAY_NAMES[4]()), "No backup since Friday."),
    "failed": (LAST_FAILED(), "The last backup failed."),
    "not-configured": (NOT_CONFIGURED(), "The backup is not set up yet. Run the setup first."),
}


def status(state: str, reminders=()) -> Status:
    return Status(state, SEVERITY[state], CASES[state][0], reminders=list(reminders))


def enabled(view: tp.TrayView) -> dict[str, bool]:
    return {e.id: e.enabled for e in view.entries}


@pytest.mark.parametrize("state", list(CASES))
def test_every_state_has_its_icon_tooltip_and_menu(state):
    view = tp.present(status(state), EN, available=())
    assert view.state == state
    assert view.icon == f"state-{state}"
    assert (resources_dir() / "icons" / f"{view.icon}.svg").is_file()
    assert view.tooltip == CASES[state][1]
    assert view.entries[0] == tp.MenuEntry("status", CASES[state][1], enabled=False)
    first_action = "cancel" if state == "running" else "backup_now"
    assert view.ids == ["status", first_action, "open_window", "check", "drill", "settings", "quit"]
    assert [e.text for e in view.entries[1:]] == [
        "Cancel backup" if state == "running" else "Back up now",
        "Open status window", "Run monthly check", "Restore drill", "Settings…", "Quit",
    ]
    assert enabled(view)["open_window"] and enabled(view)["quit"]


def test_icons_are_distinct_files():
    contents = {(resources_dir() / "icons" / f"state-{s}.svg").read_bytes() for s in tp.STATES}
    assert len(contents) == len(tp.STATES)


def test_back_up_now_needs_a_setup():
    view = tp.present(status("not-configured"), EN, available={"settings"})
    entry = view.entry("backup_now")
    assert not entry.enabled and entry.tooltip == "Set up the backup first (Settings…)."
    assert view.entry("settings").enabled
    assert not view.entry("check").enabled
    assert tp.present(status("failed"), EN).entry("backup_now").enabled


def test_features_that_do_not_exist_yet_are_shown_disabled_with_a_word():
    view = tp.present(status("ok"), EN, available=())
    for entry_id in ("check", "drill", "settings"):
        assert not view.entry(entry_id).enabled
        assert view.entry(entry_id).tooltip == "Comes in a later version."
    view = tp.present(status("ok"), EN, available={"check", "drill", "settings"})
    assert all(view.entry(e).enabled and view.entry(e).tooltip == "" for e in ("check", "drill", "settings"))


def test_our_run_shows_progress_and_can_be_cancelled_when_the_engine_allows():
    view = tp.present(status("ok"), EN, running=True, own_run=True, can_cancel=True, percent=42.7)
    assert (view.state, view.icon, view.tooltip) == ("running", "state-running", "A backup is running (42 %).")
    assert view.entry("cancel").enabled and "backup_now" not in view.ids
    cannot = tp.present(status("ok"), EN, running=True, own_run=True, can_cancel=False)
    assert not cannot.entry("cancel").enabled and cannot.entry("cancel").tooltip == "Comes in a later version."
    assert cannot.tooltip == "A backup is running."


def test_a_run_of_the_os_task_shows_as_running_but_cannot_be_cancelled_here():
    view = tp.present(status("running"), EN, running=False)
    assert view.state == "running"
    entry = view.entry("cancel")
    assert not entry.enabled and entry.tooltip == "This backup was not started here and cannot be stopped from here."


def test_a_problem_stays_visible_while_a_run_goes():
    view = tp.present(status("failed"), EN, running=True, own_run=True, percent=10)
    assert (view.state, view.tooltip) == ("failed", "The last backup failed.")
    assert "cancel" in view.ids


def test_reminders_become_entries_with_remind_me_tomorrow():
    due = [Reminder(CHECK_DUE.id, CHECK_DUE(), NOW), Reminder(DRILL_DUE.id, DRILL_DUE(), NOW)]
    view = tp.present(status("ok", due), EN, available={"check"})
    assert view.ids == ["status", "backup_now", "open_window", "reminder:reminder.check", "snooze:reminder.check",
                        "reminder:reminder.drill", "snooze:reminder.drill", "check", "drill", "settings", "quit"]
    assert view.entry("reminder:reminder.check").text == "The monthly check is due. Run the monthly check."
    assert view.entry("reminder:reminder.check").enabled
    assert not view.entry("reminder:reminder.drill").enabled  # the drill comes later
    assert view.entry("snooze:reminder.drill").text.strip() == "Remind me tomorrow"
    snoozed = tp.present(status("ok", due), EN, reminders=due[1:])
    assert "reminder:reminder.check" not in snoozed.ids and "reminder:reminder.drill" in snoozed.ids


def test_before_the_first_check():
    view = tp.present(None, EN)
    assert (view.state, view.tooltip) == ("waiting", "Looking at the backups …")
    assert view.entry("backup_now").enabled


def test_long_sentences_fit_a_windows_tooltip():
    long = Status("failed", SEVERITY["failed"], CONNECT_DRIVE())
    assert tp.tooltip("x " * 200).endswith("…") and len(tp.tooltip("x " * 200)) <= 127
    assert tp.present(long, EN).tooltip == "Connect the backup drive."


def test_progress_from_engine_events():
    assert tp.percent_of({"bytes_done": 50, "bytes_total": 200, "files_done": 1, "files_total": 2}) == 25.0
    assert tp.percent_of({"bytes_done": 0, "bytes_total": 0, "files_done": 1, "files_total": 4}) == 25.0
    assert tp.percent_of({"event": "start"}) is None


def test_the_tooltip_speaks_german():
    view = tp.present(status("not-configured"), DE)
    assert view.tooltip == "Die Datensicherung ist noch nicht eingerichtet. Führen Sie zuerst die Einrichtung aus."
    assert view.entries[0].text == view.tooltip
