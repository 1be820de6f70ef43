"""Backup drives…: the drives in rotation (name, connected, last used), adding a second one
(folder + name), removing one. Marking and remembering are `core.rotation`'s; removing a drive
only forgets it here, its backups stay on it."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtWidgets import (
    QAbstractItemView, QFormLayout, QGroupBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QMessageBox, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from tsbackup_gui.core.drives import rotation
from tsbackup_gui.core.status import rotation_history
from tsbackup_gui.core.clock import Clock
from tsbackup_gui.core.places import Places
from tsbackup_gui.ui.housekeeping_common import ChooseFolder, HousekeepingDialog, default_choose_folder, sentence
from tsbackup_gui.ui.status_format import when_text

COLUMNS = 4


def gather_drives(config) -> list:
    from tsbackup_gui.core.store.history import History
    from tsbackup_gui.core.status.facts import load_attempts

    return rotation_history.drives(config, load_attempts(History()))


class DrivesDialog(HousekeepingDialog):
    def __init__(self, config, *, language: str = "en", clock: Clock | None = None, where: Places | None = None,
                 parent: QWidget | None = None, choose_folder: ChooseFolder | None = None,
                 confirm: Callable[[QWidget, str], bool] | None = None):
        super().__init__(language=language, clock=clock, parent=parent)
        self.config = config
        self.where = where
        self.choose_folder = choose_folder or default_choose_folder
        self.confirm = confirm or (lambda p, text: QMessageBox.question(p, self.tr("Remove backup drive"), text)
                                   == QMessageBox.StandardButton.Yes)
        self.states: list = []
        self.loaded = 0  # how many times the list was shown (tests wait for it)
        self.setWindowTitle(self.tr("Backup drives"))
        layout = QVBoxLayout(self)
        layout.addWidget(sentence(self, self.tr("What rotation is"), self.tr(
            "With two backup drives, one can stay at the office and one be taken home. Each backup goes to "
            "whichever drive is connected; swap them at least every two weeks.")))
        self.table = QTableWidget(0, COLUMNS, self)
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Where"), self.tr("Connected"), self.tr("Last used")])
        header = self.table.horizontalHeader()
        for column in range(COLUMNS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAccessibleName(self.tr("Backup drives of this setup"))
        self.table.itemSelectionChanged.connect(self.enable)
        layout.addWidget(self.table, 1)
        self.remove_button = self.button(self.tr("&Remove selected drive"), self.tr("Remove the selected backup drive"),
                                         self.remove)
        self.add_buttons(layout, self.remove_button)

        box = QGroupBox(self.tr("Add a backup drive"), self)
        form = QFormLayout(box)
        folder_row = QHBoxLayout()
        self.folder = QLineEdit(box)
        self.folder.setAccessibleName(self.tr("Folder on the new drive"))
        self.folder.textChanged.connect(lambda _t: self.enable())
        self.folder_button = QPushButton(self.tr("Choose &folder…"), box)
        self.folder_button.setAccessibleName(self.tr("Choose the folder on the new drive"))
        self.folder_button.clicked.connect(self.choose)
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.folder_button)
        folder_label = QLabel(self.tr("F&older:"), box)
        folder_label.setBuddy(self.folder)
        form.addRow(folder_label, folder_row)
        self.label = QLineEdit(box)
        self.label.setMaxLength(rotation.MAX_LABEL)
        self.label.setPlaceholderText(self.tr("for example: Drive B (at home)"))
        self.label.setAccessibleName(self.tr("Name of the new drive"))
        self.label.textChanged.connect(lambda _t: self.enable())
        name_label = QLabel(self.tr("&Name:"), box)
        name_label.setBuddy(self.label)
        form.addRow(name_label, self.label)
        self.add_button = QPushButton(self.tr("&Add drive"), box)
        self.add_button.setAccessibleName(self.tr("Add the backup drive"))
        self.add_button.clicked.connect(self.add)
        form.addRow("", self.add_button)
        layout.addWidget(box)
        self.result = sentence(self, self.tr("Result"))
        layout.addWidget(self.result)
        self.add_close(layout)
        self.show_result("")
        self.resize(720, 480)
        self.enable()

    # -- the list -------------------------------------------------------------------------------
    def load(self) -> None:
        config = self.config
        self.run(lambda: gather_drives(config), self._show)

    def _show(self, states: list) -> None:
        self.states = states
        self.table.setRowCount(len(states))
        for index, state in enumerate(states):
            last = when_text(state.last_used) if state.last_used else self.say(rotation_history.NEVER())
            connected = self.say(rotation_history.CONNECTED() if state.connected else rotation_history.NOT_CONNECTED())
            for column, value in enumerate((f"{state.number}. {state.label}", state.path, connected, last)):
                self.table.setItem(index, column, QTableWidgetItem(value))
        self.loaded += 1
        self.enable()

    def selected(self):
        rows = self.table.selectionModel().selectedRows()
        return self.states[rows[0].row()] if rows and rows[0].row() < len(self.states) else None

    # -- adding and removing --------------------------------------------------------------------
    def choose(self) -> None:
        chosen = self.choose_folder(self, self.tr("Choose a folder on the other backup drive"),
                                    self.folder.text() or str(Path.home()))
        if chosen:
            self.folder.setText(chosen)

    def add(self) -> None:
        path, label = self.folder.text().strip(), self.label.text().strip()
        if self.busy or not path or not label:
            return
        config, where, now = self.config, self.where, self.clock.now()

        def done(new) -> None:
            self.config = new
            added = new.extra_drives[-1]
            self.show_result(self.say(rotation.DRIVE_ADDED(label=added["label"], path=added["path"])), "ok")
            self.folder.clear()
            self.label.clear()
            self.changed.emit()
            self.load()

        self.run(lambda: rotation.add_drive(config, path, label, where=where, now=now), done)

    def remove(self) -> None:
        state = self.selected()
        if self.busy or state is None or state.number == 1:
            return
        if not self.confirm(self, self.tr(
                "Remove the backup drive {0} from this setup? The backups on it are kept; backups just no longer "
                "go to it.").format(state.label)):
            return
        config, where = self.config, self.where

        def done(new) -> None:
            self.config = new
            self.show_result(self.say(rotation.DRIVE_REMOVED(label=state.label)), "ok")
            self.changed.emit()
            self.load()

        self.run(lambda: rotation.remove_drive(config, state.path, where=where), done)

    def enable(self) -> None:
        if not hasattr(self, "add_button"):
            return
        idle = not self.busy
        state = self.selected()
        self.remove_button.setEnabled(idle and state is not None and state.number != 1)
        self.remove_button.setToolTip(self.tr("The main backup drive is changed in the setup, not here.")
                                      if state is not None and state.number == 1 else "")
        self.add_button.setEnabled(idle and bool(self.folder.text().strip()) and bool(self.label.text().strip()))
        for widget in (self.folder, self.label, self.folder_button):
            widget.setEnabled(idle)
