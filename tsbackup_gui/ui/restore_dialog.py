"""Restore…: choose a backup, restore it into a new folder, check it, then (single-user) put it in place.

The drive's generations are listed at once; off-site snapshots only when
asked (restic on a worker). The restore and the check against the manifest
are `app.restore.restore_chosen`; "Put this back in place" is
`app.restore.put_back_restored`, refused while timeSensor LEGAL runs and never
deleting the old folder. It is offered only for the restore that just
succeeded while the folder field still names its folder, and its question
names the backup, the restored folder and where the current data goes. A server gets 4D Server's own restore as steps
(worked out on the worker with the restore: finding the archive walks the
restored tree).

While it works the dialog stays open: Close becomes Cancel during a restore
(restic stops between files), and nothing closes it while the data is being
put back. `busy_changed` lets the status window hold its own actions meanwhile.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QMessageBox, QPushButton, QTableWidget, QTableWidgetItem, QTabWidget, QVBoxLayout, QWidget,
)

from tsbackup_gui.app.restore import put_back_question, put_back_restored, restore_chosen
from tsbackup_gui.core.restore import choices
from tsbackup_gui.core.clock import Clock
from tsbackup_gui.render.translate import Translator
from tsbackup_gui.ui import worker
from tsbackup_gui.ui.restore_rows import folder_row, restore_row
from tsbackup_gui.ui.status_format import generation_text, size_text, use_zone_of, verdict_text, when_text


def _table(parent: QWidget, headers: list[str], accessible: str, wide: int) -> QTableWidget:
    """A list of backups; column ``wide`` takes the room (a mass-change warning is shown there)."""
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(headers)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(wide, QHeaderView.ResizeMode.Stretch)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAccessibleName(accessible)
    return table


def _item(value: str, warning: str | None) -> QTableWidgetItem:
    """A cell; a backup whose run warned of mass change stands out (amber) and says why on hover."""
    item = QTableWidgetItem(value)
    if warning is not None:
        item.setBackground(QColor("#fff3c4"))
        item.setForeground(QColor("#5a4300"))
        item.setToolTip(warning)
    return item


def _sentence(parent: QWidget, accessible: str) -> QLabel:
    label = QLabel("", parent)
    label.setWordWrap(True)
    label.setAccessibleName(accessible)
    return label


RESTORING = "restore"
PUTTING_BACK = "put_back"


class RestoreDialog(QDialog):
    busy_changed = Signal(bool)

    def __init__(self, config, *, language: str = "en", clock: Clock | None = None, parent: QWidget | None = None,
                 choose_folder: Callable[[QWidget, str, str], str | None] | None = None,
                 confirm: Callable[[QWidget, str], bool] | None = None, secrets=None):
        super().__init__(parent)
        self.config = config
        self.clock = clock or Clock()
        use_zone_of(self.clock.now())  # the same zone as the status window's times
        self.secrets = secrets
        self.say = Translator(language)
        self.choose_folder = choose_folder or (lambda p, title, start: QFileDialog.getExistingDirectory(p, title, start))
        self.confirm = confirm or (lambda p, text: QMessageBox.question(p, self.tr("Put this back in place"), text)
                                   == QMessageBox.StandardButton.Yes)
        self.ask = confirm or (lambda p, text: QMessageBox.question(p, self.tr("Create the folders?"), text)
                               == QMessageBox.StandardButton.Yes)  # an injected confirm answers every question
        self.generations: list = []
        self.snapshots: list = []
        self.report = None  # the last successful restore; None again once a later restore is tried
        self.restored_backup = ""  # that restore's backup as the list names it (its date and time)
        self.swap = None  # the SwapResult of "Put this back in place"
        self.busy = False
        self.working: str | None = None  # RESTORING or PUTTING_BACK while busy
        self._cancel: threading.Event | None = None
        self._tasks: list = []
        self.setWindowTitle(self.tr("Restore a backup"))
        self.resize(760, 620)
        layout = QVBoxLayout(self)
        intro = _sentence(self, self.tr("What this dialog does"))
        intro.setText(self.tr("Choose a backup and a new, empty folder. The backup is restored there and checked file "
                              "by file; your current data is not touched."))
        layout.addWidget(intro)

        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(self.tr("Where to restore from"))
        self.primary_table = _table(self.tabs, [self.tr("Date"), self.tr("Verdict"), self.tr("Files"), self.tr("Size")],
                                    self.tr("Backups on the backup drive"), 1)
        self.tabs.addTab(self.primary_table, self.tr("Backup &drive"))
        offsite = QWidget(self.tabs)
        offsite_layout = QVBoxLayout(offsite)
        row = QHBoxLayout()
        self.list_button = QPushButton(self.tr("&List off-site snapshots"), offsite)
        self.list_button.setAccessibleName(self.tr("List off-site snapshots"))
        self.list_button.clicked.connect(self.list_snapshots)
        self.list_button.setEnabled(choices.offsite_readable(config))
        row.addWidget(self.list_button)
        row.addStretch(1)
        offsite_layout.addLayout(row)
        self.snapshot_table = _table(offsite, [self.tr("Date"), self.tr("Snapshot"), self.tr("Backup it holds")],
                                     self.tr("Off-site snapshots"), 2)
        offsite_layout.addWidget(self.snapshot_table)
        self.offsite_note = _sentence(offsite, self.tr("About the off-site snapshots"))
        if not choices.offsite_readable(config):
            self.offsite_note.setText(self.say(choices.NO_OFFSITE()))
        offsite_layout.addWidget(self.offsite_note)
        self.tabs.addTab(offsite, self.tr("&Off-site copy"))
        layout.addWidget(self.tabs, 1)

        self.target = QLineEdit(self)
        self.target.setAccessibleName(self.tr("New, empty folder to restore into"))
        self.target.textChanged.connect(lambda _t: self._enable())
        target_row, self.target_button = folder_row(
            self, self.target, self.tr("Restore &into:"), self.tr("Choose &folder…"),
            self.tr("Choose the folder to restore into"), self.choose_target)
        layout.addLayout(target_row)

        action_row, self.restore_button, self.progress = restore_row(
            self, self.tr("&Restore"), self.tr("Restore"), self.restore, self.tr("Restoring"))
        layout.addLayout(action_row)
        self.result = _sentence(self, self.tr("Result of the restore"))
        self.result.setMinimumHeight(4 * self.result.fontMetrics().lineSpacing())  # room for a result: nothing jumps
        self.result.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.result)

        self.put_back_button = QPushButton(self.tr("&Put this back in place"), self)
        self.put_back_button.setAccessibleName(self.tr("Put this back in place"))
        self.put_back_button.clicked.connect(self.put_back)
        keep_room = self.put_back_button.sizePolicy()
        keep_room.setRetainSizeWhenHidden(True)  # appearing after a restore moves no other button
        self.put_back_button.setSizePolicy(keep_room)
        self.put_back_button.setVisible(False)
        layout.addWidget(self.put_back_button)
        self.server_steps = _sentence(self, self.tr("How to restore 4D Server's archive"))
        self.server_steps.setVisible(False)
        layout.addWidget(self.server_steps)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setAccessibleName(self.tr("Close"))
        self._close_text = self.close_button.text()
        layout.addWidget(buttons)
        self.tabs.currentChanged.connect(lambda _i: self._enable())
        for table in (self.primary_table, self.snapshot_table):
            table.itemSelectionChanged.connect(self._enable)
        self._show_server_steps()
        self._enable()

    # -- lists ---------------------------------------------------------------------------------------
    def load(self) -> None:
        config = self.config
        self._run(lambda progress: choices.primary_choices(config), self._show_generations)

    def _show_generations(self, found: list) -> None:
        self.generations = found
        self.primary_table.setRowCount(len(found))
        warning = self.tr("many files changed — check before restoring")
        for row, gen in enumerate(found):
            verdict = verdict_text(gen.verdict)
            if gen.mass_change:  # ransomware or a wiped database would look like this: never the quiet default
                verdict = "⚠ " + warning + "\n" + verdict
            for column, value in enumerate((when_text(gen.ended), verdict, str(gen.files), size_text(gen.bytes))):
                self.primary_table.setItem(row, column, _item(value, warning if gen.mass_change else None))
        self.primary_table.resizeRowsToContents()  # a verdict may wrap onto a second line
        first = choices.preselected(found)
        if first is not None:
            self.primary_table.selectRow(first)
        self._enable()

    def list_snapshots(self) -> None:
        config, secrets = self.config, self.secrets
        self.offsite_note.setText(self.tr("Asking the off-site backup for its snapshots …"))
        self.list_button.setEnabled(False)
        self._run(lambda progress: choices.offsite_choices(config, secrets), self._show_snapshots, self._list_failed)

    def _show_snapshots(self, found: list) -> None:
        self.snapshots = found
        self.offsite_note.setText("")
        self.list_button.setEnabled(True)
        self.snapshot_table.setRowCount(len(found))
        alarms = {gen.id for gen in self.generations if gen.mass_change}  # the snapshot holds that generation
        warning = self.tr("many files changed — check before restoring")
        for row, snap in enumerate(found):
            held = generation_text(snap.generation)
            marked = snap.generation in alarms
            for column, value in enumerate((when_text(snap.time), snap.short_id,
                                            "⚠ " + warning + "\n" + held if marked else held)):
                self.snapshot_table.setItem(row, column, _item(value, warning if marked else None))
        self.snapshot_table.resizeRowsToContents()
        marks = [snap.generation in alarms for snap in found]
        if found:
            self.snapshot_table.selectRow(0 if not marks[0] else next((n for n, m in enumerate(marks) if not m), 0))
        self._enable()

    def _list_failed(self, exc: BaseException) -> None:
        self.list_button.setEnabled(True)
        self.offsite_note.setText(self._error_text(exc))

    def selected(self):
        if self.tabs.currentIndex() == 0:
            rows, items = self.primary_table.selectionModel().selectedRows(), self.generations
        else:
            rows, items = self.snapshot_table.selectionModel().selectedRows(), self.snapshots
        return items[rows[0].row()] if rows and rows[0].row() < len(items) else None

    # -- restoring -----------------------------------------------------------------------------------
    def choose_target(self) -> None:
        chosen = self.choose_folder(self, self.tr("Choose a new, empty folder to restore into"),
                                    self.target.text() or str(Path.home()))
        if chosen:
            self.target.setText(chosen)

    def restore(self) -> None:
        choice, text = self.selected(), self.target.text().strip()
        if self.busy or choice is None or not text:
            return
        self.report = None  # a new restore is tried: the earlier one can no longer be put back
        self.put_back_button.setVisible(False)
        self._enable()
        config, secrets, clock = self.config, self.secrets, self.clock
        try:  # cheap (no tree walk): a wrong folder gets its sentence at once, before anything starts
            to = choices.check_restore_target(config, text)
        except Exception as exc:  # noqa: BLE001 - a UserError's sentence, or the unexpected error's name
            self.result.setText(self._error_text(exc))
            return
        question = choices.missing_parents_question(to)  # a typing error must not become a chain of folders
        if question is not None and not self.ask(self, self.say(question)):
            self.result.setText(self.tr("Nothing was restored. Choose an existing folder, or type a new folder inside "
                                        "one."))
            return
        cancel = self._cancel = threading.Event()
        self._set_busy(RESTORING)
        self.restored_choice = choice
        self.result.setText(self.tr("Restoring and checking … this can take a while."))

        def job(progress):
            report = restore_chosen(config, choice, to, secrets=secrets, cancel=cancel)
            steps = None if choices.can_put_back(config) else choices.server_restore_steps(config, report.to, clock.now())
            return report, steps

        self._run(job, self._restored, self._failed, long=True)

    def _restored(self, done) -> None:
        from tsbackup_gui.core.restore.into_folder import restored_message

        report, steps = done
        self._set_busy(None)
        self.report = report
        shown = self._shown_backup(report)
        self.restored_backup = shown.backup
        self.result.setText(self.say(restored_message(shown)))
        self.put_back_button.setVisible(choices.can_put_back(self.config))
        self._show_server_steps(steps)
        self._enable()

    def _shown_backup(self, report):
        """The report with the backup named as the list names it (its date and time), not by its id."""
        import dataclasses

        choice = getattr(self, "restored_choice", None)
        if isinstance(choice, choices.GenerationChoice):
            return dataclasses.replace(report, backup=when_text(choice.ended))
        if isinstance(choice, choices.SnapshotChoice):
            return dataclasses.replace(report, backup=f"{when_text(choice.time)} ({choice.short_id})")
        return report

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(None)
        self.result.setText(self._error_text(exc))

    def cancel(self) -> None:
        """Close while restoring: asks the restore to stop; the dialog closes only when it has."""
        if self.working != RESTORING or self._cancel is None:
            return
        self._cancel.set()
        self.close_button.setEnabled(False)
        self.result.setText(self.tr("Stopping the restore …"))

    def reject(self) -> None:
        """Close, Esc and the window's close box: never while working (a restore is cancelled instead)."""
        if self.working == RESTORING:
            self.cancel()
            return
        if self.working is not None:  # putting the data back: two renames that must not be cut off
            return
        super().reject()

    def put_back(self) -> None:
        if self.busy or not self._put_back_allowed():
            return
        config, restored, now = self.config, self.report.to, self.clock.now()
        if not self.confirm(self, self.say(put_back_question(config, restored, self.restored_backup, now))):
            return
        self._set_busy(PUTTING_BACK)
        self.result.setText(self.tr("Putting the restored data in place …"))
        self._run(lambda progress: put_back_restored(config, restored, now=now),  # the aside name it asked about
                  self._put_back_done, self._failed, long=True)

    def _put_back_allowed(self) -> bool:
        restored = self.report.to if self.report is not None else None
        return choices.put_back_allowed(self.config, restored, self.target.text())

    def _put_back_done(self, swap) -> None:
        self.report = None  # the restored folder has moved: nothing more to put back
        self._set_busy(None)
        self.swap = swap
        self.put_back_button.setVisible(False)
        self.result.setText(" ".join(self.say(m) for m in swap.messages()))

    def _show_server_steps(self, steps: list | None = None) -> None:
        """``steps``: worked out on the worker after a restore; None: before one (no archive to look for)."""
        if choices.can_put_back(self.config):
            return
        if steps is None:
            steps = choices.server_restore_steps(self.config, None, self.clock.now())
        lines = [self.tr("This is a server: 4D Server restores its own archive. Do this when nobody works:")]
        lines += [f"{n}. {self.say(step)}" for n, step in enumerate(steps, 1)]
        self.server_steps.setText("\n".join(lines))
        self.server_steps.setVisible(True)

    # -- plumbing ------------------------------------------------------------------------------------
    def _run(self, job, on_done, on_error=None, *, long: bool = False) -> None:
        worker.start_kept(self._tasks, job, on_done=on_done, on_error=on_error or self._failed, long=long,
                          owner=self)

    def _set_busy(self, working: str | None) -> None:
        was = self.busy
        self.working = working
        self.busy = working is not None
        if not self.busy:
            self._cancel = None
        self.progress.setVisible(self.busy)
        restoring = working == RESTORING
        self.close_button.setText(self.tr("Cancel") if restoring else self._close_text)
        self.close_button.setAccessibleName(self.tr("Cancel the restore") if restoring else self.tr("Close"))
        self.close_button.setEnabled(working != PUTTING_BACK)
        self._enable()
        if was != self.busy:
            self.busy_changed.emit(self.busy)

    def _enable(self) -> None:
        idle = not self.busy
        self.restore_button.setEnabled(idle and self.selected() is not None and bool(self.target.text().strip()))
        self.put_back_button.setEnabled(idle and self._put_back_allowed())
        for widget in (self.target_button, self.tabs):
            widget.setEnabled(idle)
        self.list_button.setEnabled(idle and choices.offsite_readable(self.config))

    def _error_text(self, exc: BaseException) -> str:
        message = getattr(exc, "message", None)
        if message is not None:
            return self.say(message)
        return self.tr("The restore stopped because of an unexpected error ({0}).").format(type(exc).__name__)
