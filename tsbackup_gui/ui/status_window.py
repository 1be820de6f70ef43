"""The status window: every question an office manager has about the backups, on one screen.

It only shows and asks; everything it shows comes from `core.overview`,
gathered on a worker thread, and every action (back up, check, drill,
restore) runs `core` on a worker too. The boxes live in `status_panels`,
the chart in `chart`, the buttons in `status_actions`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtCore import QSize, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QFont, QIcon
from PySide6.QtWidgets import (
    QFormLayout, QGroupBox, QHBoxLayout, QLabel, QMainWindow, QVBoxLayout, QWidget,
)

from tsbackup_gui.app import overview
from tsbackup_gui.core.clock import Clock
from tsbackup_gui.render.translate import Translator, resources_dir
from tsbackup_gui.ui import status_actions as acts
from tsbackup_gui.ui import status_buttons
from tsbackup_gui.ui.status_backup import WindowBackup
from tsbackup_gui.ui import worker
from tsbackup_gui.ui.chart import SizeDurationChart
from tsbackup_gui.ui.status_followups import Followups
from tsbackup_gui.ui.status_format import archive_text, mode_text, use_zone_of
from tsbackup_gui.ui.status_more import Hooks, Housekeeping
from tsbackup_gui.ui.status_panels import FourdPanel, HistoryTable, TargetPanel, value_label


class StatusWindow(QMainWindow):
    #: Closing the window ends the app (no tray). The tray's app sets False: the window only hides then.
    closing_ends_app = True

    def __init__(self, demo_root: Path | None = None, language: str = "en", parent: QWidget | None = None, *,
                 clock: Clock | None = None, open_url: Callable[[QUrl], object] | None = None,
                 hooks: "Hooks | None" = None):
        super().__init__(parent)
        self.demo_root = demo_root
        self.language = language
        self.clock = clock or Clock()
        self.open_url = open_url or QDesktopServices.openUrl
        self._tasks: list[worker.Task] = []
        self._translate = Translator(language)
        self.snapshot: overview.Overview | None = None
        self.loads = 0  # how many overviews were shown; lets tests and the tray wait for a fresh one
        self.refreshes = 0  # how many were asked for: only the newest one's answer is shown
        self.busy: str | None = None  # the action running from this window (backup, check, drill, restore)
        self.backup = WindowBackup(self)  # "Back up now": progress by stage, Cancel, the wait for timeSensor
        self.last_result: list[str] = []  # the sentences of the last check or drill
        self.restore_dialog = None
        self._demo_layout = None  # laid out on the first look only (see overview.gather)
        self.hooks = hooks
        self.followups = Followups(self, hooks.ask if hooks is not None else None)
        self.setWindowTitle(self.tr("tsbackup — backups for timeSensor LEGAL"))
        self.resize(1000, 780)

        central = QWidget(self)
        layout = QVBoxLayout(central)

        top = QHBoxLayout()
        self.state_icon = QLabel(central)
        self.state_icon.setFixedSize(QSize(44, 44))
        self.state_icon.setAccessibleName(self.tr("State"))
        self.headline = QLabel(self.tr("Looking for timeSensor LEGAL …"), central)
        font = QFont(self.headline.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.headline.setFont(font)
        self.headline.setWordWrap(True)
        self.headline.setAccessibleName(self.tr("Status"))
        self.headline.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        top.addWidget(self.state_icon, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.headline, 1)
        layout.addLayout(top)

        self.demo_note = QLabel(self.tr("Demo mode: this is a built-in example installation, not your real data."), central)
        self.demo_note.setStyleSheet("color: #7a5b00;")
        self.demo_note.setVisible(demo_root is not None)
        layout.addWidget(self.demo_note)

        targets = QHBoxLayout()
        self.primary_panel = TargetPanel(self.tr("Backup drive"), self.tr("Generations"), central)
        self.offsite_panel = TargetPanel(self.tr("Off-site copy"), self.tr("Snapshots"), central)
        targets.addWidget(self.primary_panel, 1)
        targets.addWidget(self.offsite_panel, 1)
        layout.addLayout(targets)

        middle = QHBoxLayout()
        self.install_box = QGroupBox(self.tr("timeSensor LEGAL on this computer"), central)
        install_form = QFormLayout(self.install_box)
        install_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.mode_label = value_label(self.install_box, self.tr("Kind of installation"))
        self.data_label = value_label(self.install_box, self.tr("Data folder"))
        self.archive_label = value_label(self.install_box, self.tr("4D's own backup"))
        install_form.addRow(self.tr("Kind:"), self.mode_label)
        install_form.addRow(self.tr("Data folder:"), self.data_label)
        install_form.addRow(self.tr("4D's own backup:"), self.archive_label)
        middle.addWidget(self.install_box, 1)
        self.fourd_panel = FourdPanel(central)
        self.fourd_panel.setVisible(False)
        middle.addWidget(self.fourd_panel, 1)
        layout.addLayout(middle)

        notes_row = QHBoxLayout()
        self.texts = QWidget(central)
        texts = QVBoxLayout(self.texts)
        texts.setContentsMargins(0, 0, 0, 0)
        self.reminders_label = QLabel("", central)
        self.reminders_label.setWordWrap(True)
        self.reminders_label.setAccessibleName(self.tr("Reminders"))
        self.reminders_label.setStyleSheet("color: #7a5b00;")
        self.notes = QLabel("", central)
        self.notes.setWordWrap(True)
        self.notes.setAccessibleName(self.tr("Notes"))
        self.notes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        texts.addWidget(self.reminders_label)
        texts.addWidget(self.followups.row)
        texts.addWidget(self.notes)
        texts.addStretch(1)
        notes_row.addWidget(self.texts, 1)
        self.chart = SizeDurationChart(central)
        notes_row.addWidget(self.chart, 1)
        layout.addLayout(notes_row)

        self.table = HistoryTable(central)
        layout.addWidget(self.table, 1)

        self.actions_bar = acts.ActionBar(central)
        bar = self.actions_bar
        self.setup_demo_button = bar.add(acts.SETUP_DEMO, self.tr("&Set up the demo backup"),
                                         self.tr("Set up the demo backup"), self.set_up_demo)
        self.backup_button = bar.add(acts.BACKUP, self.tr("&Back up now"), self.tr("Back up now"), self.back_up_now)
        self.cancel_button = bar.add(acts.CANCEL, self.tr("Ca&ncel backup"), self.tr("Cancel backup"),
                                     self.cancel_backup)
        self.open_button = bar.add(acts.OPEN_FOLDER, self.tr("&Open backup folder"), self.tr("Open backup folder"),
                                   self.open_backup_folder)
        self.restore_button = bar.add(acts.RESTORE, self.tr("&Restore…"), self.tr("Restore"), self.open_restore)
        self.check_button = bar.add(acts.CHECK, self.tr("Run monthly &check"), self.tr("Run monthly check"), self.run_check)
        self.drill_button = bar.add(acts.DRILL, self.tr("Restore &drill"), self.tr("Restore drill"), self.run_drill)
        self.log_button = bar.add(acts.LOG, self.tr("Show &log"), self.tr("Show log"), self.show_log)
        self.refresh_button = bar.add(acts.REFRESH, self.tr("Check &again"), self.tr("Check again"), self.refresh)
        bar.finish()
        self.housekeeping = Housekeeping(self, hooks)
        self.setup_demo_button.setVisible(False)
        self.cancel_button.setVisible(False)
        for button in (self.backup_button, self.open_button, self.restore_button, self.check_button, self.drill_button):
            button.setEnabled(False)
        layout.addWidget(bar)
        self.progress_label = QLabel("", central)
        self.progress_label.setWordWrap(True)
        self.progress_label.setAccessibleName(self.tr("Progress"))
        layout.addWidget(self.progress_label)
        self.setCentralWidget(central)

    # -- data -------------------------------------------------------------
    def refresh(self) -> None:
        """Gathers the overview again; an older refresh that answers late is dropped (its view is stale)."""
        self.refresh_button.setEnabled(False)
        self.refreshes += 1
        number = self.refreshes
        demo_root, first, clock = self.demo_root, self.loads == 0, self.clock

        def done(snapshot) -> None:
            if number == self.refreshes:
                self.show_overview(snapshot)

        def failed(exc: BaseException) -> None:
            if number == self.refreshes:
                self.show_error(exc)

        worker.start_kept(self._tasks, lambda progress: overview.gather(demo_root=demo_root, clock=clock,
                                                                        refresh_demo=first), done, failed, owner=self)

    def _start(self, job, on_done, on_progress=None, *, long: bool = False) -> None:
        worker.start_kept(self._tasks, job, on_done=on_done, on_error=self.show_error, on_progress=on_progress,
                          long=long, owner=self)

    def set_up_demo(self) -> None:
        layout = self._demo_layout
        if layout is None:
            return
        self.setup_demo_button.setEnabled(False)
        self._start(lambda progress: overview.setup_demo(layout), self._after_change)

    def back_up_now(self) -> None:
        """The same run as the tray's: kept awake, and cancelled by "Cancel backup" (`status_backup`)."""
        self.backup.start()

    def cancel_backup(self) -> None:
        """Stops this window's backup between files (nothing half-made stays), or its wait for timeSensor;
        else the tray's run (as the tray's own "Cancel backup")."""
        if self.busy is None and not self.backup.waiting and self.tray_run_going():
            self.hooks.cancel_tray_run()
            self.cancel_button.setEnabled(False)
            self.progress_label.setText(self.tr("Stopping the backup …"))
            return
        self.backup.cancel()

    def tray_run_going(self) -> bool:
        hooks = self.hooks
        return bool(hooks is not None and hooks.tray_run is not None and hooks.cancel_tray_run is not None
                    and hooks.tray_run())

    def run_check(self) -> None:
        from tsbackup_gui.app.check import monthly_check

        clock = self.clock
        self._set_busy("check", self.tr("Running the monthly check … this can take a while."))
        self._start(lambda progress: monthly_check(clock=clock), self._check_finished, long=True)

    def run_drill(self) -> None:
        from tsbackup_gui.app.check import restore_drill
        from tsbackup_gui.render.drill_report import write_report

        clock, translate = self.clock, self._translate
        self._set_busy("drill", self.tr("Running the restore drill … this can take a while."))
        self._start(lambda progress: restore_drill(clock=clock,
                                                   write_report=lambda result, path: write_report(result, path, translate)),
                    self._drill_finished, long=True)

    def show_progress(self, event: dict) -> None:
        self.backup.show_progress(event)

    def _set_busy(self, what: str | None, text: str = "") -> None:
        self.busy = what
        self.progress_label.setText(text)
        self._enable()

    def _action_finished(self, _result=None) -> None:
        self._set_busy(None)
        self.refresh()
        self.followups.close_if_asked()

    def _check_finished(self, result) -> None:
        """Every finding of the check, worst first; then the question about what only a person can confirm."""
        self.last_result = [self._translate(result.headline())] + [self._translate(f.message) for f in result.findings]
        self._set_busy(None, "\n".join(self.last_result))
        self.refresh()
        self.followups.after_check(result)

    def _drill_finished(self, result) -> None:
        self.last_result = [self._translate(m) for m in result.messages()]
        self._set_busy(None, "\n".join(self.last_result))
        self.refresh()

    def _after_change(self, _result=None) -> None:
        self.refresh()

    def show_error(self, exc: BaseException) -> None:
        self.refresh_button.setEnabled(True)
        message = getattr(exc, "message", None)
        text = self._translate(message) if message is not None else self.tr("Something went wrong: {0}").format(
            type(exc).__name__)
        if self.busy not in (None, "restore"):  # an action failed: the window's status stays, the sentence says why
            self._set_busy(None, text)
            self.refresh()
            self.followups.close_if_asked()
        else:
            self.headline.setText(text)

    def show_overview(self, snapshot: "overview.Overview") -> None:
        self.snapshot = snapshot
        if snapshot.demo is not None:
            self._demo_layout = snapshot.demo
        self.loads += 1
        use_zone_of(snapshot.now)
        t = self._translate
        waiting = self.backup.headline()  # "Back up now" waits for timeSensor LEGAL to close: say so first
        self.headline.setText(waiting or t(snapshot.headline))
        self._show_icon("waiting" if waiting else snapshot.state)
        det = snapshot.detection
        cfg = snapshot.config
        if cfg is not None:  # the setup says what is backed up; detection only guesses
            self.mode_label.setText(mode_text("server" if cfg.mode == "server" else "single-user"))
            self.data_label.setText(cfg.source)
            same = det.get("data_dir") and Path(det["data_dir"]) == Path(cfg.source)
            self.archive_label.setText(archive_text(det) if same else "—")
        else:
            self.mode_label.setText(mode_text(det.get("mode")))
            self.data_label.setText(det.get("data_dir") or self.tr("not found"))
            self.archive_label.setText(archive_text(det))
        self.primary_panel.show_primary(snapshot.primary_facts)
        self.offsite_panel.show_offsite(snapshot.offsite)
        self.fourd_panel.show_facts(snapshot.fourd, t)
        self.install_box.setVisible(snapshot.fourd is None or not snapshot.configured)
        self.reminders_label.setText("\n".join("• " + t(m) for m in snapshot.reminders))
        self.reminders_label.setVisible(bool(snapshot.reminders))
        headline = t(snapshot.headline)
        self.notes.setText("\n".join(text for text in (t(m) for m in snapshot.notes) if text != headline))
        self.notes.setVisible(bool(self.notes.text()))
        self.table.show_rows(snapshot.history, t)
        self.chart.set_points(snapshot.chart, snapshot.now)
        self.setup_demo_button.setVisible(self._demo_layout is not None and not snapshot.configured)
        self.setup_demo_button.setEnabled(True)
        self._enable()

    def _enable(self) -> None:
        snap = self.snapshot
        configured = bool(snap and snap.configured)
        idle = self.busy is None
        self.refresh_button.setEnabled(True)
        self.backup_button.setEnabled(configured and idle and (snap.state != "running"))
        waiting = self.backup.waiting and idle
        tray_run = self.tray_run_going()  # a run the tray started: Cancel here as there
        self.cancel_button.setVisible(self.busy == "backup" or waiting or tray_run)
        self.cancel_button.setEnabled(waiting or tray_run
                                      or (self.busy == "backup" and not self.backup.cancel_event.is_set()))
        # "restore" while the restore dialog works: the button brings it to the front
        for action_id, state in status_buttons.states(snap, idle=idle, busy=self.busy, translate=self._translate).items():
            button = self.actions_bar[action_id]
            button.setEnabled(state.enabled)
            button.setToolTip(state.why_not)
        self.log_button.setEnabled(bool(snap and snap.log_file))
        self.housekeeping.enable(snap, idle=idle)
        self.followups.show(snap, idle=idle)
        self._lay_out_notes()

    def _lay_out_notes(self) -> None:
        """Reminders and notes to the left of the chart; with none, the chart takes the whole row
        (a calm, wide picture rather than an empty area)."""
        has_text = any(not w.isHidden() for w in (self.reminders_label, self.notes, self.followups.row))  # own flags
        self.texts.setVisible(has_text)
        if has_text:
            self.chart.setFixedWidth(380)
        else:
            self.chart.setMinimumWidth(0)
            self.chart.setMaximumWidth(16777215)

    def _show_icon(self, state: str) -> None:
        from tsbackup_gui.ui.tray_presenter import icon_name

        path = resources_dir() / "icons" / f"{icon_name(state)}.svg"
        self.state_icon.setPixmap(QIcon(str(path)).pixmap(QSize(40, 40)) if path.exists() else QIcon().pixmap(1, 1))
        self.state_icon.setAccessibleDescription(state)

    _mode_text = staticmethod(mode_text)
    _archive_text = staticmethod(archive_text)

    # -- places -----------------------------------------------------------
    def open_backup_folder(self) -> None:
        if self.snapshot and self.snapshot.primary_folder:
            self.open_url(QUrl.fromLocalFile(self.snapshot.primary_folder))

    def show_log(self) -> None:
        """Opens the log in the desktop's viewer; where that cannot be done, says where the file is."""
        if not (self.snapshot and self.snapshot.log_file):
            return
        log_file = Path(self.snapshot.log_file)
        shown = log_file if log_file.is_file() else log_file.parent  # no log yet: the folder it goes to
        if not shown.exists():
            self.progress_label.setText(self.tr("There is no log yet. It will be written to {0}.").format(log_file))
        elif self.open_url(QUrl.fromLocalFile(str(shown))) is False:
            self.progress_label.setText(self.tr("The log could not be opened here. It is the file {0}.").format(log_file))

    def open_recovery_sheet(self) -> None:
        """"Print recovery sheet…" (the "More" menu, the reminder row, the tray)."""
        from tsbackup_gui.ui.status_more import SHEET

        self.housekeeping.open(SHEET)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if self.followups.may_close(event):
            super().closeEvent(event)

    def open_restore(self) -> None:
        if not (self.snapshot and self.snapshot.config is not None):
            return
        from tsbackup_gui.ui.restore_dialog import RestoreDialog

        if self.restore_dialog is not None and self.restore_dialog.isVisible():  # one at a time: to the front
            self.restore_dialog.raise_()
            self.restore_dialog.activateWindow()
            return
        if self.busy is not None:
            return
        hooks = self.hooks or Hooks()  # the desktop's folder picker and questions, as for the "More" dialogs
        dialog = self.restore_dialog = RestoreDialog(self.snapshot.config, language=self.language, clock=self.clock,
                                                     parent=self, choose_folder=hooks.choose_folder,
                                                     confirm=hooks.confirm, secrets=hooks.secrets)
        dialog.finished.connect(lambda _code: self.refresh())
        dialog.busy_changed.connect(self._restore_busy)
        dialog.show()
        dialog.load()

    def _restore_busy(self, busy: bool) -> None:
        """While the restore dialog works, the window starts no backup, check, drill or forget."""
        if busy and self.busy is None:
            self.busy = "restore"
        elif not busy and self.busy == "restore":
            self.busy = None
        self._enable()
