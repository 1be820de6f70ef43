"""Page 3: the backup drive — the mounted drives and network shares with free space, kind and file
system, a recommendation, the space estimate, and "Choose folder…".

The disk that holds the data is refused unless the person ticks a clear
warning. Next checks the folder as setup will (writable, not inside the
data, not another setup's) on a worker before going on.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox, QFormLayout, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton, QTreeWidget, QTreeWidgetItem,
    QVBoxLayout, QWizardPage,
)

from tsbackup_gui.core.drives import listing as drives
from tsbackup_gui.core.setup import estimate
from tsbackup_gui.core.primary.space import human_size
from tsbackup_gui.ui.wizard.common import Gate, error_message, sentence_label, show


def needed_bytes(state) -> tuple[int | None, int | None]:
    if state.size is None:
        return None, None
    generations = estimate.generations_kept(*state.keep)
    return (estimate.space_needed(state.size, generations, full_copies=False),
            estimate.space_needed(state.size, generations, full_copies=True))


def load_drives(env, state, extra: list[tuple[str, Path]]) -> list[drives.Drive]:
    """On the worker: the drive list, with the offered folders (the demo's drive, one chosen by hand) first."""
    parts = env.partitions() if env.partitions is not None else drives.system_partitions()
    usage = env.usage or drives.disk_usage
    needed, needed_full = needed_bytes(state)
    found = drives.list_drives(state.source, parts, usage=usage, needed=needed, needed_full=needed_full)
    offered = []
    for name, folder in extra:
        same = False
        if state.source is not None and Path(folder).exists():
            from tsbackup_gui.core.drives.disks import same_disk

            same = same_disk(Path(state.source), Path(folder))
        offered.append(drives.folder_drive(Path(folder), parts, source=state.source, usage=usage, name=name,
                                           same_disk=same, needed=needed, needed_full=needed_full))
    return offered + found


def check_place(source: Path, primary: Path, computer: str, setup_id: str | None):
    """On the worker: what setup will check, before anything is written. Returns (warnings, other_setup)."""
    from tsbackup_gui.core.primary.target import Target
    from tsbackup_gui.core.setup.configure import check_apart, check_primary
    from tsbackup_gui.core.setup.values import parse_computer

    parse_computer(computer)
    check_primary(primary)
    warnings = check_apart(source, primary)
    target = Target(primary, computer)
    marker_there = target.marker_path.exists() or target.marker_path.is_symlink()
    other = False
    if marker_there:
        marker = target.read_marker()
        other = marker is None or marker.get("setup_id") != setup_id
    return warnings, other


class DrivePage(QWizardPage):
    COLUMNS = 6

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setTitle(self.tr("Backup drive"))
        self.setSubTitle(self.tr(
            "Where should the daily backup go? Best is an external drive or a network drive (NAS) that is not "
            "this computer's own disk."))
        self.drives: list[drives.Drive] = []
        self.chosen_by_hand: Path | None = None
        self.busy = False
        self.same_disk_found = False  # setup's own check found the data's disk (a folder chosen by hand)
        self.gate: Gate | None = None
        layout = QVBoxLayout(self)

        self.table = QTreeWidget(self)
        self.table.setRootIsDecorated(False)
        self.table.setColumnCount(self.COLUMNS)
        self.table.setHeaderLabels([self.tr("Drive"), self.tr("Free"), self.tr("Size"), self.tr("Kind"),
                                    self.tr("File system"), self.tr("Assessment")])
        self.table.setAccessibleName(self.tr("Drives and network shares"))
        header = self.table.header()
        header.setStretchLastSection(True)
        for column in range(self.COLUMNS - 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setMinimumHeight(130)
        self.table.currentItemChanged.connect(self._selected)
        layout.addWidget(self.table, 1)

        row = QHBoxLayout()
        self.choose_button = QPushButton(self.tr("C&hoose folder…"), self)
        self.choose_button.setAccessibleName(self.tr("Choose a folder for the backups"))
        self.choose_button.clicked.connect(self.choose_folder)
        self.refresh_button = QPushButton(self.tr("&Look again"), self)
        self.refresh_button.setAccessibleName(self.tr("Look for drives again"))
        self.refresh_button.clicked.connect(self.refresh)
        self.busy_label = QLabel(self.tr("Looking for drives …"), self)
        self.busy_label.setAccessibleName(self.tr("Looking for drives"))
        row.addWidget(self.choose_button)
        row.addWidget(self.refresh_button)
        row.addWidget(self.busy_label)
        row.addStretch(1)
        layout.addLayout(row)

        self.notes = sentence_label(self, self.tr("About the chosen drive"))
        layout.addWidget(self.notes)
        self.insist = QCheckBox(self.tr("Use this disk an&yway: I understand the risk"), self)
        self.insist.setAccessibleName(self.tr("Use the data's own disk anyway"))
        self.insist.toggled.connect(self._insist_changed)
        layout.addWidget(self.insist)

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.computer_edit = QLineEdit(self)
        self.computer_edit.setAccessibleName(self.tr("Name of this computer on the backup drive"))
        self.computer_edit.textChanged.connect(self._computer_changed)
        self.computer_caption = QLabel(self.tr("Name of this &computer:"), self)
        self.computer_caption.setBuddy(self.computer_edit)
        form.addRow(self.computer_caption, self.computer_edit)
        self.destination = sentence_label(self, self.tr("Where the backups go"))
        form.addRow(QLabel(self.tr("Backups go to:"), self), self.destination)
        self.estimate_label = sentence_label(self, self.tr("Space estimate"))
        form.addRow(QLabel(self.tr("Space:"), self), self.estimate_label)
        layout.addLayout(form)

        self.adopt = QCheckBox(self.tr("&Take over this backup folder (its backups are kept)"), self)
        self.adopt.setAccessibleName(self.tr("Take over the backup folder of an earlier setup"))
        self.adopt.setVisible(False)
        self.adopt.toggled.connect(lambda _on: self.completeChanged.emit())
        layout.addWidget(self.adopt)
        self.check_label = sentence_label(self, self.tr("Check of the backup folder"))
        layout.addWidget(self.check_label)
        show(self.check_label, "")
        show(self.notes, "")
        self.insist.setVisible(False)
        self.busy_label.setVisible(False)

    # -- filling ------------------------------------------------------------------------------
    def initializePage(self) -> None:
        wizard = self.wizard()
        state = wizard.state
        if self.gate is None:
            self.gate = Gate(wizard.jobs, wizard.next, self.completeChanged.emit)
        if not self.computer_edit.text():
            self.computer_edit.setText(state.computer or self._default_computer())
        if state.previous is not None:  # fixed at the first setup: a new name would start a new series
            self.computer_edit.setText(state.previous.computer)
            self.computer_edit.setReadOnly(True)
            self.computer_edit.setToolTip(self.tr(
                "The name stays as the first setup made it. To change it, use: tsbackup rename-computer NEW"))
        if state.previous is not None and state.primary is None:
            state.primary = Path(state.previous.primary)
            self.chosen_by_hand = state.primary
        self.refresh()

    def _default_computer(self) -> str:
        wizard = self.wizard()
        if wizard.state.previous is not None:
            return wizard.state.previous.computer
        if wizard.env.demo is not None:
            return "Demo-Mac"
        from tsbackup_gui.core.setup.values import default_computer_name

        return default_computer_name()

    def _offered(self) -> list[tuple[str, Path]]:
        extra = list(self.wizard().env.extra_places)
        if self.chosen_by_hand is not None and all(Path(folder) != self.chosen_by_hand for _, folder in extra):
            extra.insert(0, (self.tr("Chosen folder"), self.chosen_by_hand))
        return extra

    def refresh(self) -> None:
        wizard = self.wizard()
        self._set_busy(True)
        env, state, extra = wizard.env, wizard.state, self._offered()
        wizard.jobs.run(lambda progress: load_drives(env, state, extra), self._loaded, self._load_failed)

    def _loaded(self, found: list[drives.Drive]) -> None:
        self._set_busy(False)
        self.drives = found
        state = self.wizard().state
        self.table.blockSignals(True)
        self.table.clear()
        select = None
        for index, drive in enumerate(found):
            item = QTreeWidgetItem([self._name(drive), _size(drive.free), _size(drive.total), self._kind(drive),
                                    self._fs(drive), self._assessment(drive)])
            item.setData(0, Qt.ItemDataRole.UserRole, index)
            item.setToolTip(0, str(drive.mount_point))
            self.table.addTopLevelItem(item)
            if state.primary is not None and Path(drive.mount_point) == Path(state.primary):
                select = item
        if select is None and state.primary is None:  # the first suitable one: Return goes on with it
            first = next((index for index, drive in enumerate(found) if drive.suitable), None)
            if first is not None:
                select = self.table.topLevelItem(first)
        self.table.blockSignals(False)
        if select is not None:
            self.table.setCurrentItem(select)
        else:
            self._selected(None, None)

    def _load_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        message = error_message(exc)
        show(self.check_label, self.wizard().say(message) if message is not None else str(exc), "error")

    def _name(self, drive: drives.Drive) -> str:
        if drive.system:
            return self.tr("System disk ({0})").format(drive.mount_point)
        return drive.name

    def _kind(self, drive: drives.Drive) -> str:
        if drive.network:
            return self.tr("network share")
        if drive.removable:
            return self.tr("external drive")
        return self.tr("internal disk")

    def _fs(self, drive: drives.Drive) -> str:
        if drive.hard_links:
            return self.tr("{0}: unchanged files take no extra space").format(drive.fs_type)
        if drive.hard_links is False:
            return self.tr("{0}, full copies").format(drive.fs_type)
        return self.tr("{0}, likely full copies").format(drive.fs_type)

    def _assessment(self, drive: drives.Drive) -> str:
        return {
            drives.RECOMMENDED: self.tr("recommended"),
            drives.POSSIBLE: self.tr("possible"),
            drives.TOO_SMALL: self.tr("too small"),
            drives.SOURCE_DISK: self.tr("not suitable (data disk)"),
        }.get(drive.recommendation, drive.recommendation)

    # -- choosing -------------------------------------------------------------------------------
    def current_drive(self) -> drives.Drive | None:
        item = self.table.currentItem()
        if item is None:
            return None
        index = item.data(0, Qt.ItemDataRole.UserRole)
        return self.drives[index] if index is not None and 0 <= index < len(self.drives) else None

    def _selected(self, _current, _previous) -> None:
        wizard = self.wizard()
        state = wizard.state
        drive = self.current_drive()
        self.same_disk_found = False
        show(self.check_label, "")
        self.adopt.setVisible(False)
        self.adopt.setChecked(False)
        if drive is None:
            state.primary, state.drive = None, None
            show(self.notes, "")
            self.insist.setVisible(False)
        else:
            if state.drive is not None and Path(state.drive.mount_point) != Path(drive.mount_point):
                self.insist.setChecked(False)
            state.primary, state.drive = Path(drive.mount_point), drive
            tone = "ok" if drive.recommendation == drives.RECOMMENDED else (
                "error" if not drive.suitable else None)
            show(self.notes, "\n".join(wizard.say(note) for note in drive.notes), tone)
            self.insist.setVisible(drive.holds_source)
        self._update_destination()
        self.completeChanged.emit()

    def choose_folder(self) -> None:
        wizard = self.wizard()
        start = str(wizard.state.primary or Path.home())
        chosen = wizard.env.choose_folder(self, self.tr("Choose the folder for the backups"), start)
        if chosen:
            self.use_folder(Path(chosen))

    def use_folder(self, path: Path) -> None:
        state = self.wizard().state
        self.chosen_by_hand = Path(path)
        state.primary = Path(path)
        self.refresh()

    def _computer_changed(self, text: str) -> None:
        self.wizard() and setattr(self.wizard().state, "computer", text.strip())
        self._update_destination()
        self.completeChanged.emit()

    def _insist_changed(self, on: bool) -> None:
        wizard = self.wizard()
        if wizard is not None:
            wizard.state.insist_same_disk = on
        self.completeChanged.emit()

    def _update_destination(self) -> None:
        wizard = self.wizard()
        if wizard is None:
            return
        state = wizard.state
        if state.primary is None:
            self.destination.setText("—")
            self.estimate_label.setText("—")
            return
        from tsbackup_gui.core.primary.target import BACKUPS_DIR

        self.destination.setText(str(Path(state.primary) / BACKUPS_DIR / (state.computer or "…")))
        drive = state.drive
        if state.size is None or drive is None:
            show(self.estimate_label, self.tr("The size of the data is not known yet."))
            return
        guess = estimate.estimate(state.size, state.keep, drive.free, full_copies=drive.full_copies)
        tone = None if guess.fits is None else ("ok" if guess.fits else "error")
        show(self.estimate_label, wizard.say(guess.message()), tone)

    # -- going on -------------------------------------------------------------------------------
    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.busy_label.setVisible(busy)
        self.refresh_button.setEnabled(not busy)
        self.choose_button.setEnabled(not busy)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        wizard = self.wizard()
        if wizard is None or self.busy or (self.gate is not None and self.gate.running):
            return False
        state = wizard.state
        if state.primary is None or not state.computer:
            return False
        holds = (state.drive is not None and state.drive.holds_source) or self.same_disk_found
        if holds and not self.insist.isChecked():
            return False
        if self.adopt.isVisible() and not self.adopt.isChecked():
            return False
        return True

    def validatePage(self) -> bool:
        wizard = self.wizard()
        state = wizard.state
        setup_id = state.setup_id
        key = (str(state.source), str(state.primary), state.computer, self.insist.isChecked(), self.adopt.isChecked())
        source, primary, computer = Path(state.source), Path(state.primary), state.computer
        if key != self.gate.passed_key and not self.gate.running:
            show(self.check_label, self.tr("Checking the backup folder …"))
        return self.gate.check(key, lambda: check_place(source, primary, computer, setup_id),
                               self._checked, self._check_failed)

    def _checked(self, value) -> bool:
        warnings, other = value
        wizard = self.wizard()
        state = wizard.state
        show(self.check_label, "")
        if warnings and not self.insist.isChecked():
            self.same_disk_found = True
            self.insist.setVisible(True)
            show(self.check_label, "\n".join(wizard.say(w) for w in warnings), "error")
            self.completeChanged.emit()
            return False
        if other and not self.adopt.isChecked():
            self.adopt.setVisible(True)
            show(self.check_label, self.tr(
                "This folder already holds backups of another setup of this computer. Tick the box to take it over "
                "(its backups are kept), or choose another folder."), "error")
            self.completeChanged.emit()
            return False
        state.adopt = bool(other)
        return True

    def _check_failed(self, exc: BaseException) -> None:
        message = error_message(exc)
        show(self.check_label, self.wizard().say(message) if message is not None else str(exc), "error")


def _size(value: int | None) -> str:
    return human_size(value) if value is not None else "—"
