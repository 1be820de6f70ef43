"""The status window as a person would see it (offscreen): the demo, the controls, times and words of a
real setup, refreshes and the restore dialog it opens. Its states: test_ui_status_window_states.py."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from tsbackup_gui.core.store import config as config_mod
from tsbackup_gui.core.clock import FixedClock
from tsbackup_gui.core.errors import Exit
from tsbackup_gui.core.guard.blockers import SOURCE_BUSY
from tsbackup_gui.core.store.history import History
from tsbackup_gui.core.places import places
from tsbackup_gui.ui.status_window import StatusWindow

from status_window_helpers import WORKDAYS, at, backups, configure, drive, open_window  # noqa: F401 - drive: fixture
from status_window_helpers import wait_loaded as _wait_loaded


def test_demo_window_shows_the_installation(qtbot, tmp_path):
    window = StatusWindow(demo_root=tmp_path / "demo-root", language="en")
    qtbot.addWidget(window)
    window.show()
    window.refresh()
    _wait_loaded(qtbot, window)
    assert window.mode_label.text() == "Single-user (timeSensor LEGAL on this Mac)"
    assert window.data_label.text() == str(tmp_path / "demo-root" / "Users" / "Shared" / "timeSensor DataFiles")
    assert "fresh" in window.archive_label.text() and "timeSensor[0093" in window.archive_label.text()
    assert window.headline.text() == "timeSensor LEGAL was found. The backup is not set up yet."
    assert window.demo_note.isVisible()
    assert window.table.rowCount() == 0 and window.chart.point_count == 0
    assert not window.backup_button.isEnabled() and not window.restore_button.isEnabled()
    shot = window.grab()
    assert not shot.isNull() and shot.width() >= 600


def test_window_speaks_german(qtbot, tmp_path):
    window = StatusWindow(demo_root=tmp_path / "demo-root", language="de")
    qtbot.addWidget(window)
    window.refresh()
    _wait_loaded(qtbot, window)
    assert window.headline.text() == "timeSensor LEGAL wurde gefunden. Die Datensicherung ist noch nicht eingerichtet."


def test_demo_flow_set_up_then_back_up(qtbot, tmp_path):
    """A newcomer's whole flow: demo found → set up → back up now → the run is in the history and the chart."""
    from tsbackup_gui.ui.status_more import Hooks

    window = StatusWindow(demo_root=tmp_path / "demo-root", language="en", hooks=Hooks(ask=lambda *_a: True))
    qtbot.addWidget(window)
    window.refresh()
    _wait_loaded(qtbot, window)
    assert window.setup_demo_button.isVisibleTo(window) and not window.backup_button.isEnabled()
    window.setup_demo_button.click()
    _wait_loaded(qtbot, window, 2)
    assert window.snapshot.configured
    assert window.backup_button.isEnabled() and window.table.rowCount() == 0
    window.backup_button.click()
    _wait_loaded(qtbot, window, 3)
    assert window.table.rowCount() == 1
    assert [window.table.item(0, c).text() for c in (1, 2)] == ["Backup", "OK"]
    assert window.chart.point_count == 1
    assert window.primary_panel.count.text() == "1"
    # the demo's drive stands for an external drive, and the demo has its off-site copy (#22): what is
    # left is what the real product asks too, the recovery sheet; once it is stored, all is good
    assert window.snapshot.offsite.snapshot
    assert window.headline.text().startswith("The recovery sheet has not been confirmed yet.")
    window.followups.stored_button.click()
    qtbot.waitUntil(lambda: window.snapshot.state == "ok", timeout=20000)
    assert window.headline.text().endswith("— all good.")
    generations = list((tmp_path / "demo-root" / "Volumes" / "Backup Drive" / "timeSensor Backups" / "Demo-Mac").iterdir())
    assert any((g / "tsbackup-manifest.json").is_file() for g in generations)


# -- a real setup (its states: test_ui_status_window_states.py) -------------------------------------


def test_show_log_and_open_folder_open_the_right_places(qtbot, tmp_path, drive):
    configure(tmp_path, drive)
    opened = []
    window = StatusWindow(language="en", clock=FixedClock(at(27, 17, 5)), open_url=opened.append)
    qtbot.addWidget(window)
    window.refresh()
    _wait_loaded(qtbot, window)
    window.log_button.click()  # no log written in this home yet: the window says where it will be
    assert opened == [] and window.progress_label.text() == (
        f"There is no log yet. It will be written to {places().log_file}.")
    assert window.open_button.isEnabled()
    window.open_button.click()
    assert Path(opened[-1].toLocalFile()) == drive / "timeSensor Backups"


def test_every_control_has_a_name_and_a_key(qtbot, tmp_path, drive):
    """Every widget that takes focus (buttons, the history table, the chart, selectable texts) has an
    accessible name; every button has a mnemonic (Alt+key) and Tab reaches it, and Tab reaches the
    table and the chart; selectable texts are read with the mouse or a screen reader."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

    configure(tmp_path, drive)
    window = open_window(qtbot, at(27, 17, 5))
    controls = [w for w in window.findChildren(QWidget)
                if w.focusPolicy() != Qt.FocusPolicy.NoFocus and not w.objectName().startswith("qt_")]
    kinds = {type(w).__name__ for w in controls}
    assert {"QPushButton", "QToolButton", "HistoryTable", "SizeDurationChart", "QLabel"} <= kinds, kinds
    unnamed = [f"{type(w).__name__} {getattr(w, 'text', lambda: '')()!r}" for w in controls if not w.accessibleName().strip()]
    assert unnamed == []
    no_key = [w.text() for w in controls if isinstance(w, QAbstractButton) and "&" not in w.text()]
    assert no_key == []
    no_tab = [type(w).__name__ for w in controls
              if not isinstance(w, QLabel) and not w.focusPolicy() & Qt.FocusPolicy.TabFocus]
    assert no_tab == []
    mnemonics = [w.text().split("&")[1][0].casefold() for w in controls
                 if isinstance(w, QAbstractButton) and w.isVisibleTo(window)]
    assert len(mnemonics) == len(set(mnemonics)), mnemonics  # one Alt+key, one button


# -- round 2: one time zone, German words, the drill's tooltip, the chart's row ----------------------


def test_every_time_is_shown_in_the_windows_zone(qtbot, tmp_path, drive):
    """The machine runs in UTC, the window's clock in Zurich: the drive's last success (a manifest
    time in UTC), the history row and the restore list must all say 16:35, as the generation id does."""
    from tsbackup_gui.core.run.backup import run_backup
    from tsbackup_gui.ui.restore_dialog import RestoreDialog
    from tsbackup_gui.ui.status_format import when_text

    config = configure(tmp_path, drive)
    (Path(config.source) / "timeSensor.4DD").write_bytes(b"x" * 4000)
    config_mod.save(config)
    run_backup(config, clock=FixedClock(at(27, 16, 35)))
    window = open_window(qtbot, at(27, 17, 5))
    assert window.table.item(0, 0).text() == "2026-11-27 16:35"
    assert window.primary_panel.last.text() == "2026-11-27 16:35"
    assert when_text(datetime(2026, 11, 27, 15, 35, tzinfo=ZoneInfo("UTC"))) == "2026-11-27 16:35"
    dialog = RestoreDialog(config_mod.require(), language="en", clock=FixedClock(at(27, 17, 5)))
    qtbot.addWidget(dialog)
    dialog.load()
    qtbot.waitUntil(lambda: dialog.primary_table.rowCount() == 1, timeout=20000)
    assert dialog.primary_table.item(0, 0).text() == "2026-11-27 16:35"
    dialog.target.setText(str(tmp_path / "restored"))
    dialog.restore()
    qtbot.waitUntil(lambda: dialog.report is not None or not dialog.busy, timeout=20000)
    assert dialog.result.text().startswith("Files restored: 1 (4.0 KB), from 2026-11-27 16:35 into "), dialog.result.text()


def test_german_window_translates_outcomes_and_qt_buttons(qtbot, tmp_path, drive):
    from PySide6.QtWidgets import QApplication, QDialogButtonBox

    from tsbackup_gui.ui.app import install_translator

    configure(tmp_path, drive)
    history = History()
    backups(history, WORKDAYS)
    history.record("backup", at(27, 18, 30), at(27, 18, 45), "skipped", Exit.SOURCE_BUSY, [SOURCE_BUSY()])
    from PySide6.QtCore import QTranslator

    app = QApplication.instance()

    installed_before = set(app.findChildren(QTranslator))
    install_translator(app, "de")
    try:
        window = StatusWindow(language="de", clock=FixedClock(at(27, 18, 50)))
        qtbot.addWidget(window)
        window.refresh()
        _wait_loaded(qtbot, window)
        assert [window.table.item(0, c).text() for c in (1, 2)] == ["Sicherung", "Ausgelassen"]
        assert window.table.item(1, 2).text() == "OK"
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        qtbot.addWidget(box)
        assert box.button(QDialogButtonBox.StandardButton.Close).text() == "Schließen"  # Qt's own qtbase_de
    finally:
        for translator in set(app.findChildren(QTranslator)) - installed_before:
            app.removeTranslator(translator)
            translator.deleteLater()


def test_the_drill_button_says_why_it_is_disabled(qtbot, tmp_path, drive):
    configure(tmp_path, drive)
    backups(History(), WORKDAYS)
    window = open_window(qtbot, at(27, 17, 5))
    assert not window.drill_button.isEnabled()
    assert window.drill_button.toolTip() == ("The off-site copy is handled outside this program (NAS copy to the "
                                             "partner's office); do the restore drill with that service's own tools.")


def test_without_reminders_the_chart_takes_the_row(qtbot, tmp_path, drive):
    configure(tmp_path, drive)
    backups(History(), WORKDAYS)
    window = open_window(qtbot, at(27, 17, 5))
    window.show()
    qtbot.waitExposed(window)
    assert window.texts.isHidden()
    assert window.chart.width() > 600


# -- issue 11 review: refresh order, one restore dialog, a busy window, the archive's age ----------


def test_only_the_newest_refresh_is_shown_and_finished_tasks_are_dropped(qtbot, tmp_path, drive):
    configure(tmp_path, drive)
    window = open_window(qtbot, at(27, 9))
    shown = window.loads
    window.refresh()
    window.refresh()  # whichever answers first, only the second one's overview is shown
    qtbot.waitUntil(lambda: not window._tasks, timeout=20000)
    assert window.loads == shown + 1 and window.refreshes == 3


def test_restore_opens_once_and_holds_the_window_while_it_works(qtbot, tmp_path, drive, monkeypatch):
    """A real restore from the status window's dialog, held while it copies: the window's own work
    waits, the dialog is only raised again; when the restore has done its work the window is free."""
    import threading

    from tsbackup_gui.core.restore import into_folder
    from tsbackup_gui.core.run.backup import run_backup

    config = configure(tmp_path, drive)
    (Path(config.source) / "timeSensor.4DD").write_bytes(b"x" * 4000)
    assert run_backup(config, clock=FixedClock(at(26, 18, 30))).outcome == "ok"
    copying, release, real_copy = threading.Event(), threading.Event(), into_folder.copy_tree

    def held_copy(src, dst, cancel=None):
        copying.set()
        assert release.wait(20)
        return real_copy(src, dst, cancel)

    monkeypatch.setattr(into_folder, "copy_tree", held_copy)
    window = open_window(qtbot, at(27, 9))
    window.show()
    assert window.backup_button.isEnabled() and window.check_button.isEnabled()
    window.restore_button.click()
    first = window.restore_dialog
    assert first is not None and first.isVisible()
    window.restore_button.click()  # a second press brings the open one to the front
    assert window.restore_dialog is first
    qtbot.waitUntil(lambda: first.primary_table.rowCount() == 1, timeout=20000)
    to = tmp_path / "restored"
    first.target.setText(str(to))
    first.restore()
    qtbot.waitUntil(copying.is_set, timeout=20000)
    try:
        more = window.actions_bar.more_actions
        assert window.busy == "restore"
        assert not any(b.isEnabled() for b in (window.backup_button, window.check_button, window.drill_button))
        assert not more["forget"].isEnabled() and not more["pause"].isEnabled()
        assert window.restore_button.isEnabled()  # still reachable: it only raises the dialog
        window.restore_button.click()
        assert window.restore_dialog is first and first.busy
    finally:
        release.set()
    qtbot.waitUntil(lambda: not first.busy, timeout=20000)
    assert first.report is not None, first.result.text()
    assert (to / "timeSensor DataFiles" / "timeSensor.4DD").read_bytes() == b"x" * 4000
    assert window.busy is None and window.backup_button.isEnabled() and more["forget"].isEnabled()
    first.close()
    window.restore_button.click()
    assert window.restore_dialog is not first  # closed: a fresh one


def test_the_archive_age_reads_well_for_any_hour_count(qtbot, tmp_path):
    window = StatusWindow(language="en")
    qtbot.addWidget(window)
    text = window._archive_text
    assert text({"newest_archive": "/x/timeSensor[0093].4BK", "archive_fresh": True}) == (
        "timeSensor[0093].4BK — age unknown, fresh")
    assert text({"newest_archive": "/x/a.4BK", "archive_age_hours": 1.2, "archive_fresh": True}) == "a.4BK — 1 hour old, fresh"
    assert text({"newest_archive": "/x/a.4BK", "archive_age_hours": 30.4, "archive_fresh": False}) == (
        "a.4BK — 30 hours old, too old")


def test_no_free_space_for_an_offsite_folder_that_is_not_there(tmp_path):
    from tsbackup_gui.app.overview_targets import free_space, offsite_facts

    missing = tmp_path / "Volumes" / "NAS" / "tsbackup"  # the share is not mounted
    assert free_space(missing) == (None, None)
    config = config_mod.Config(source=str(tmp_path), primary=str(tmp_path), computer="Mac",
                               secondary={"kind": "folder", "repo": str(missing)})
    assert offsite_facts(config, [], []).free is None
    missing.mkdir(parents=True)
    assert offsite_facts(config, [], []).free is not None


def test_more_does_not_close_a_dialog_that_is_working(qtbot, tmp_path, drive):
    import threading

    from tsbackup_gui.ui import status_more as more

    configure(tmp_path, drive)
    window = open_window(qtbot, at(27, 9))
    pause = window.housekeeping.open(more.PAUSE)
    release, results = threading.Event(), []
    pause.run(lambda: release.wait(20), results.append)  # a job that takes a while (a password change)
    assert pause.busy and not window.actions_bar.more_button.isEnabled()
    assert window.housekeeping.open(more.DRIVES) is pause  # to the front, not closed
    assert pause.isVisible() and window.housekeeping.dialog is pause
    release.set()
    qtbot.waitUntil(lambda: results == [True], timeout=20000)
    assert window.actions_bar.more_button.isEnabled()
    drives = window.housekeeping.open(more.DRIVES)
    assert drives is not pause and not pause.isVisible()
