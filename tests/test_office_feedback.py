"""Every action gives feedback at once (issue #22): "Back up now" while timeSensor LEGAL is open says so in
the headline and starts by itself once it is closed; progress names its stage (copying, checking, the
off-site upload with restic's own counts), in the window and in the wizard, whose bar never sits full
while the upload goes on; Cancel is in the window as in the tray."""

from __future__ import annotations

import os

from PySide6.QtWidgets import QProgressBar

from journey_helpers import Desk, stand_in_inhibitor
from test_office_journey import WAIT, open_window, set_up
from tsbackup_gui.core.store.history import History

PASSWORD = "Kanzlei-Offsite-Feedback-2026"


def test_back_up_now_while_timesensor_is_open_waits_visibly_and_starts_when_it_is_closed(
        qtbot, tmp_path, guard_names, monkeypatch, spawn):
    from test_guard import argv0_is

    stand_in_inhibitor(tmp_path, monkeypatch)
    set_up(tmp_path, guard_names)
    timesensor = spawn(["bash", "-c", f'exec -a "{guard_names[0]}" sleep 300'], ready=argv0_is(guard_names[0]))
    window = open_window(qtbot, Desk())
    window.backup.timer.setInterval(100)  # the window looks every 5 s; the test needs no waiting
    loads = window.loads
    window.backup_button.click()
    qtbot.waitUntil(lambda: window.busy is None and window.loads > loads, timeout=WAIT)
    assert window.headline.text() == ("timeSensor LEGAL is open. The backup starts by itself as soon as it is "
                                      "closed.")
    assert window.state_icon.accessibleDescription() == "waiting"
    assert window.cancel_button.isVisibleTo(window) and window.cancel_button.isEnabled()
    skipped = History().attempts(limit=1, kind="backup")[0]
    assert (skipped.outcome, skipped.reason_code) == ("skipped", "guard.source_busy")
    looks = window.backup.looks
    qtbot.waitUntil(lambda: window.backup.looks >= looks + 2, timeout=WAIT)
    assert History().attempts(limit=1, kind="backup")[0].id == skipped.id  # still open: looks, records nothing

    timesensor.kill()
    timesensor.wait()
    qtbot.waitUntil(lambda: History().last_success("backup") is not None, timeout=WAIT)
    qtbot.waitUntil(lambda: window.busy is None and not window.backup.waiting, timeout=WAIT)
    qtbot.waitUntil(lambda: window.snapshot.primary_facts.generations == 1, timeout=WAIT)
    assert not window.headline.text().startswith("timeSensor LEGAL is open")
    assert not window.cancel_button.isVisibleTo(window)


def test_cancel_stops_the_wait_for_timesensor(qtbot, tmp_path, guard_names, monkeypatch, spawn):
    from test_guard import argv0_is

    stand_in_inhibitor(tmp_path, monkeypatch)
    set_up(tmp_path, guard_names)
    timesensor = spawn(["bash", "-c", f'exec -a "{guard_names[0]}" sleep 300'], ready=argv0_is(guard_names[0]))
    window = open_window(qtbot, Desk())
    window.backup.timer.setInterval(100)
    window.backup_button.click()
    qtbot.waitUntil(lambda: window.backup.waiting and window.busy is None, timeout=WAIT)
    window.cancel_button.click()
    assert not window.backup.waiting and not window.backup.timer.isActive()
    assert window.progress_label.text() == "The backup will not start by itself any more."
    timesensor.kill()
    timesensor.wait()
    qtbot.waitUntil(lambda: not window.headline.text().startswith("timeSensor LEGAL is open"), timeout=WAIT)
    assert History().last_success("backup") is None


def test_the_window_names_each_stage_and_the_upload_shows_restics_counts(qtbot, tmp_path, guard_names, monkeypatch):
    stand_in_inhibitor(tmp_path, monkeypatch)
    set_up(tmp_path, guard_names, secondary=str(tmp_path / "offsite"), password=PASSWORD)
    window = open_window(qtbot, Desk())
    seen: list[str] = []
    shown = window.backup.show_progress

    def record(event):
        shown(event)
        if not seen or seen[-1] != window.progress_label.text():
            seen.append(window.progress_label.text())

    window.backup.show_progress = record
    window.backup_button.click()
    assert window.cancel_button.isVisibleTo(window) and window.cancel_button.isEnabled()  # as in the tray
    qtbot.waitUntil(lambda: window.busy is None, timeout=WAIT)
    assert History().last_success("backup") is not None
    copying = [t for t in seen if t.startswith("Copying to the backup drive: ")]
    assert copying and copying[-1].endswith(" files") and " of " in copying[-1]
    assert "Checking the new backup …" in seen
    uploads = [t for t in seen if t.startswith("Off-site copy: ")]
    assert uploads[0] == "Off-site copy: starting the upload …"
    assert any(t.endswith(" files)") and " done (" in t for t in uploads), uploads
    order = [0 if t.startswith("Copying") else 1 if t.startswith("Checking") else 2 for t in seen
             if t.startswith(("Copying", "Checking", "Off-site"))]
    assert order == sorted(order)


def test_the_wizards_bar_is_not_full_while_the_upload_goes_on(qtbot, tmp_path):
    from tsbackup_gui.ui.wizard import ids
    from wizard_helpers import make_wizard, next_to, pick_folder_as_drive, to_installation

    root = tmp_path / "demo"
    wizard, dialogs = make_wizard(qtbot, root)
    to_installation(qtbot, wizard)
    next_to(qtbot, wizard, ids.DRIVE)
    pick_folder_as_drive(qtbot, wizard, dialogs, root / "Volumes" / "Backup Drive")
    next_to(qtbot, wizard, ids.OFFSITE)
    offsite = wizard.page_of(ids.OFFSITE)
    offsite.partner_choice.setChecked(True)
    offsite.partner.folder_choice.setChecked(True)
    offsite.partner.folder.setText(str(root / "Volumes" / "Offsite NAS" / "kanzlei"))
    offsite.password.setText(PASSWORD)
    next_to(qtbot, wizard, ids.SCHEDULE)
    next_to(qtbot, wizard, ids.SHEET)
    wizard.page_of(ids.SHEET).stored.setChecked(True)
    next_to(qtbot, wizard, ids.SUMMARY)
    summary = wizard.page_of(ids.SUMMARY)
    bar: QProgressBar = summary.progress
    during: list[tuple[str, int, int, str]] = []
    handle = summary._progress

    def record(event):
        handle(event)
        during.append((event.get("stage"), bar.maximum(), bar.value(), summary.detail.text()))

    summary._progress = record
    summary.run_button.click()
    qtbot.waitUntil(lambda: summary.result is not None, timeout=120_000)
    assert summary.result.outcome == "ok", [m.english() for m in summary.result.messages()]
    uploads = [d for d in during if d[0] == "offsite"]
    assert uploads, during
    for _stage, maximum, value, detail in uploads:
        assert maximum == 0 or value < 1000, (maximum, value, detail)  # busy, or counting up: never full
    assert all(detail.startswith("Off-site copy: ") for *_rest, detail in uploads)
    after = during[during.index(uploads[-1]) + 1:]  # then the clean-up of old snapshots: busy, not full
    assert after and after[0][0] == "cleanup" and after[0][1] == 0
    assert after[0][3] == "Off-site copy: uploaded; cleaning up old snapshots …"
    checking = [d for d in during if d[0] == "checking"]
    assert checking and all(maximum == 0 and detail == "Checking the new backup …"
                            for _s, maximum, _v, detail in checking)
    assert (bar.maximum(), bar.value()) == (1000, 1000)  # full once everything is done
    # restic may count every byte read before the last file and the snapshot are written: still not full
    handle({"event": "progress", "stage": "offsite", "phase": "status", "files_done": 21, "files_total": 22,
            "bytes_done": 8_000_000, "bytes_total": 8_000_000})
    assert (bar.maximum(), bar.value()) == (1000, 990)
    assert os.path.isdir(root / "Volumes" / "Offsite NAS" / "kanzlei")


def test_the_windows_cancel_stops_a_run_the_tray_started(qtbot, tmp_path, guard_names):
    """The tray's "Back up now" is running; the open window offers the same Cancel, which reaches that run."""
    from tsbackup_gui.core.clock import Clock
    from tsbackup_gui.core.run.result import RunResult
    from tsbackup_gui.ui.app import AppShell
    from tsbackup_gui.ui.scheduler import Scheduler

    set_up(tmp_path, guard_names)
    stopped = []

    def long_run(config, *, cancel=None, **_kwargs):  # a run that goes on until it is cancelled
        assert cancel is not None and cancel.wait(60)
        stopped.append(True)
        return RunResult("skipped", 130)

    scheduler = Scheduler(clock=Clock(), run_fn=long_run, can_cancel=True, keep_awake=_no_keep_awake)
    with qtbot.waitSignal(scheduler.settled, timeout=WAIT):
        shell = AppShell(language="en", use_tray=True, scheduler=scheduler, quit_app=lambda: None)
    try:
        shell.open_window()
        window = shell.window
        qtbot.waitUntil(lambda: window.loads >= 1, timeout=WAIT)
        assert not window.cancel_button.isVisibleTo(window)
        shell.on_entry("backup_now")
        qtbot.waitUntil(lambda: scheduler.running and window.cancel_button.isVisibleTo(window), timeout=WAIT)
        assert window.cancel_button.isEnabled()
        window.cancel_button.click()
        qtbot.waitUntil(lambda: bool(stopped) and not scheduler.running, timeout=WAIT)
        qtbot.waitUntil(lambda: not window.cancel_button.isVisibleTo(window), timeout=WAIT)
    finally:
        shell.shutdown()
        if shell.window is not None:
            shell.window.close()


class _no_keep_awake:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False
