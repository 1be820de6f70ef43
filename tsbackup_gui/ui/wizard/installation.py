"""Page 2: what was found — single-user, server or workstation — the data folder and its size,
4D's own backup on a server; "Choose another folder…" when detection is wrong or found nothing.

Detection and measuring run on a worker with a busy indicator; on a
workstation the page stops with guidance (Next stays off) unless a data
folder is chosen by hand.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QProgressBar, QPushButton, QRadioButton, QVBoxLayout,
    QWizardPage,
)

from tsbackup_gui.core.setup import guide as setup_guide
from tsbackup_gui.ui.wizard.common import error_message, headline_label, sentence_label, show


def detect_and_measure(env, state):
    """On the worker: (demo laid out,) detection, and the size of the folder to back up."""
    from tsbackup_gui.core.install import detect as install
    from tsbackup_gui.core.setup.estimate import measure_folder

    now = env.clock.now()
    if env.demo is not None and env.root is not None:
        from tsbackup_gui.core.install.demo import create_demo

        create_demo(env.root, env.demo, now=now)
    detection = install.detect(root=env.root, os_name=env.os_name, now=now)
    folder = Path(state.previous.source) if state.previous is not None else detection.data_dir
    size = measure_folder(folder, now) if folder is not None and folder.is_dir() else None
    return detection, size


def check_folder(path: Path, now):
    """On the worker: a folder chosen by hand — setup's own check, its size, 4D's backups in it."""
    from tsbackup_gui.core.fourd import freshness as fourd
    from tsbackup_gui.core.setup.estimate import measure_folder
    from tsbackup_gui.core.errors import Exit, UserError
    from tsbackup_gui.core.setup.configure import check_source

    if not path.exists():
        raise UserError(setup_guide.CHOSEN_MISSING(path=str(path)), Exit.USAGE)
    if not path.is_dir():
        raise UserError(setup_guide.CHOSEN_NOT_FOLDER(path=str(path)), Exit.USAGE)
    warnings = check_source(path)
    size = measure_folder(path, now)
    archive = fourd.judge(path, now=now).to_json()
    return warnings, size, archive


class InstallationPage(QWizardPage):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setTitle(self.tr("Your installation"))
        self.setSubTitle(self.tr("Where timeSensor LEGAL keeps its data, and what kind of installation this is."))
        self.detection = None
        self.busy = False
        self.by_hand = False
        self.folder_warnings: list = []
        layout = QVBoxLayout(self)

        busy_row = QHBoxLayout()
        self.busy_bar = QProgressBar(self)
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setMaximumWidth(160)
        self.busy_bar.setAccessibleName(self.tr("Searching"))
        self.busy_label = QLabel(self.tr("Looking for timeSensor LEGAL …"), self)
        self.busy_label.setAccessibleName(self.tr("Searching"))
        busy_row.addWidget(self.busy_bar)
        busy_row.addWidget(self.busy_label, 1)
        layout.addLayout(busy_row)

        self.headline = headline_label(self, self.tr("What was found"))
        layout.addWidget(self.headline)

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.folder_value = sentence_label(self, self.tr("Data folder"))
        self.size_value = sentence_label(self, self.tr("Size of the data"))
        self.fourd_value = sentence_label(self, self.tr("4D's own backup"))
        self.folder_caption = QLabel(self.tr("Data folder:"), self)
        self.size_caption = QLabel(self.tr("Size:"), self)
        form.addRow(self.folder_caption, self.folder_value)
        form.addRow(self.size_caption, self.size_value)
        form.addRow(self.fourd_value)
        layout.addLayout(form)

        self.guidance = sentence_label(self, self.tr("What to do"))
        layout.addWidget(self.guidance)
        self.notes = sentence_label(self, self.tr("Notes on the installation"))
        layout.addWidget(self.notes)

        self.mode_box = QGroupBox(self.tr("Kind of installation"), self)
        mode_layout = QVBoxLayout(self.mode_box)
        self.single_choice = QRadioButton(self.tr("&One computer: the backup waits until timeSensor LEGAL is closed"), self.mode_box)
        self.single_choice.setAccessibleName(self.tr("One computer (single-user)"))
        self.server_choice = QRadioButton(self.tr("Se&rver: 4D Server keeps running; its own backups are copied"), self.mode_box)
        self.server_choice.setAccessibleName(self.tr("Server (several users)"))
        group = QButtonGroup(self)
        group.addButton(self.single_choice)
        group.addButton(self.server_choice)
        mode_layout.addWidget(self.single_choice)
        mode_layout.addWidget(self.server_choice)
        self.single_choice.toggled.connect(self._mode_changed)
        layout.addWidget(self.mode_box)

        row = QHBoxLayout()
        self.choose_button = QPushButton(self.tr("C&hoose another folder…"), self)
        self.choose_button.setAccessibleName(self.tr("Choose another data folder"))
        self.choose_button.clicked.connect(self.choose_folder)
        row.addWidget(self.choose_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.check_label = sentence_label(self, self.tr("Check of the chosen folder"))
        layout.addWidget(self.check_label)
        layout.addStretch(1)
        self._set_busy(False)
        show(self.check_label, "")

    # -- detection ----------------------------------------------------------------------------
    def initializePage(self) -> None:
        if self.detection is None and not self.busy:
            self.start_detection()

    def start_detection(self) -> None:
        wizard = self.wizard()
        self._set_busy(True)
        self.headline.setText("")
        env, state = wizard.env, wizard.state
        wizard.jobs.run(lambda progress: detect_and_measure(env, state), self._detected, self._failed)

    def _detected(self, value) -> None:
        detection, size = value
        wizard = self.wizard()
        state = wizard.state
        self.detection = detection
        state.detection = detection.to_json()
        state.detected_mode = detection.mode
        self._set_busy(False)
        if state.previous is not None:
            state.source = Path(state.previous.source)
            state.mode = state.previous.mode
            self.by_hand = detection.data_dir is None or Path(detection.data_dir) != state.source
        else:
            state.source = detection.data_dir if detection.mode in ("single-user", "server") else None
            state.mode = setup_guide.setup_mode(detection.mode)
        state.size = size if state.source is not None else None
        self._show()

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        message = error_message(exc)
        text = self.wizard().say(message) if message is not None else self.tr(
            "The search stopped because of an unexpected error ({0}).").format(type(exc).__name__)
        show(self.headline, text, "error")
        self.completeChanged.emit()

    def _show(self) -> None:
        wizard = self.wizard()
        state, say = wizard.state, wizard.say
        det = state.detection or {}
        mode = det.get("mode", "not-found")
        self.headline.setText(say(setup_guide.headline(mode, det.get("os"), by_hand=self.by_hand)))
        self.headline.setStyleSheet("")
        have = state.source is not None
        for widget in (self.folder_caption, self.folder_value, self.size_caption, self.size_value):
            widget.setVisible(have)
        self.folder_value.setText(str(state.source) if have else "")
        self.size_value.setText(say(state.size.message()) if have and state.size is not None else "—")
        server = have and state.mode == "server"
        self.fourd_value.setVisible(server)
        if server:
            self.fourd_value.setText(say(setup_guide.fourd_backup_words(det)))
        if not have and mode == "workstation":
            show(self.guidance, say(setup_guide.WORKSTATION_HOW()), "warn")
        elif not have:
            show(self.guidance, say(setup_guide.NOT_FOUND_HOW()), "warn")
        else:
            show(self.guidance, "")
        notes = [say(m) for m in (self.detection.all_warnings() if self.detection is not None and not self.by_hand else [])]
        notes += [say(m) for m in self.folder_warnings]
        show(self.notes, "\n".join(notes), "warn" if notes else None)
        self.mode_box.setVisible(have)
        (self.server_choice if state.mode == "server" else self.single_choice).setChecked(True)
        self.completeChanged.emit()

    def _mode_changed(self, _checked: bool) -> None:
        wizard = self.wizard()
        if wizard is None or self.busy:
            return
        wizard.state.mode = "single" if self.single_choice.isChecked() else "server"
        server = wizard.state.source is not None and wizard.state.mode == "server"
        self.fourd_value.setVisible(server)
        if server:
            self.fourd_value.setText(wizard.say(setup_guide.fourd_backup_words(wizard.state.detection or {})))

    # -- a folder chosen by hand --------------------------------------------------------------
    def choose_folder(self) -> None:
        wizard = self.wizard()
        start = str(wizard.state.source or wizard.env.root or Path.home())
        chosen = wizard.env.choose_folder(self, self.tr("Choose the folder 'timeSensor DataFiles'"), start)
        if chosen:
            self.use_folder(Path(chosen))

    def use_folder(self, path: Path) -> None:
        wizard = self.wizard()
        self._set_busy(True, self.tr("Checking the folder …"))
        now = wizard.env.clock.now()
        wizard.jobs.run(lambda progress: check_folder(path, now),
                        lambda value: self._folder_checked(path, value), self._folder_failed)

    def _folder_checked(self, path: Path, value) -> None:
        warnings, size, archive = value
        state = self.wizard().state
        self._set_busy(False)
        self.by_hand = True
        self.folder_warnings = list(warnings)
        state.source, state.size = path, size
        if archive.get("newest_archive"):
            state.detection = {**(state.detection or {}), **archive}
        show(self.check_label, self.tr("The folder can be backed up."), "ok")
        self._show()

    def _folder_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        message = error_message(exc)
        text = self.wizard().say(message) if message is not None else str(exc)
        show(self.check_label, text, "error")
        self.completeChanged.emit()

    # -- state ----------------------------------------------------------------------------------
    def _set_busy(self, busy: bool, text: str | None = None) -> None:
        self.busy = busy
        self.busy_bar.setVisible(busy)
        self.busy_label.setVisible(busy)
        if text:
            self.busy_label.setText(text)
        elif busy:
            self.busy_label.setText(self.tr("Looking for timeSensor LEGAL …"))
        self.choose_button.setEnabled(not busy)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        wizard = self.wizard()
        return not self.busy and wizard is not None and wizard.state.source is not None
