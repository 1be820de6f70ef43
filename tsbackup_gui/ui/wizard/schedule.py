"""Page 5: when — the daily time, working days, how many backups to keep, and the reminders as
dates. Leaving it saves the settings and secrets through core's setup (on a worker): the
recovery sheet and the first backup need them. Cancel before this leaves nothing behind.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QFormLayout, QFrame, QHBoxLayout, QLabel, QLineEdit, QScrollArea, QVBoxLayout, QWidget,
    QWizardPage,
)

from tsbackup_gui.core.errors import UserError
from tsbackup_gui.core.setup import estimate, guide as setup_guide, values
from tsbackup_gui.core.store.config import WEEKDAYS
from tsbackup_gui.ui.wizard import saving
from tsbackup_gui.ui.wizard.common import Gate, error_message, sentence_label, show
from tsbackup_gui.ui.wizard.reports import ReportsBox


class SchedulePage(QWizardPage):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setTitle(self.tr("Schedule"))
        self.setSubTitle(self.tr("When the daily backup runs and how long backups are kept."))
        self.gate: Gate | None = None
        self.time_touched = False
        self.filled = False
        outer = QVBoxLayout(self)  # the page scrolls when the reports group opens on a small window:
        outer.setContentsMargins(0, 0, 0, 0)  # its fields keep their height instead of being squashed
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        inner = QWidget(scroll)
        scroll.setWidget(inner)
        outer.addWidget(scroll)
        layout = QVBoxLayout(inner)
        layout.setContentsMargins(0, 0, 0, 0)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setVerticalSpacing(14)

        self.time = QLineEdit(self)  # typed as HH:MM; a typing error is said, never corrected silently
        self.time.setPlaceholderText(self.tr("HH:MM"))
        self.time.setMaximumWidth(110)
        self.time.setAccessibleName(self.tr("Daily backup time"))
        self.time.textEdited.connect(self._time_changed)
        self.time_error = None  # the sentence while the typed time is not a time
        time_label = QLabel(self.tr("Daily at &time:"), self)
        time_label.setBuddy(self.time)
        self.time_hint = sentence_label(self, self.tr("About the time"))
        form.addRow(time_label, _stacked(self, self.time, self.time_hint))

        days = QWidget(self)
        days_row = QHBoxLayout(days)
        days_row.setContentsMargins(0, 0, 0, 0)
        short = [self.tr("Mon"), self.tr("Tue"), self.tr("Wed"), self.tr("Thu"), self.tr("Fri"), self.tr("Sat"),
                 self.tr("Sun")]
        full = [self.tr("Monday"), self.tr("Tuesday"), self.tr("Wednesday"), self.tr("Thursday"), self.tr("Friday"),
                self.tr("Saturday"), self.tr("Sunday")]
        self.day_boxes: dict[str, QCheckBox] = {}
        for key, text, name in zip(WEEKDAYS, short, full):
            box = QCheckBox(text, days)
            box.setAccessibleName(name)
            box.toggled.connect(self._changed)
            days_row.addWidget(box)
            self.day_boxes[key] = box
        days_row.addStretch(1)
        days_label = QLabel(self.tr("Working days:"), self)
        days_label.setBuddy(self.day_boxes["mon"])
        self.days_hint = sentence_label(self, self.tr("About working days"))
        self.days_words = self.tr(
            "A backup missed on a working day is reported; on other days the assistant stays quiet.")
        self.days_hint.setText(self.days_words)
        form.addRow(days_label, _stacked(self, days, self.days_hint))

        self.keep = QComboBox(self)
        self.keep.setAccessibleName(self.tr("How many backups are kept"))
        self.keep.currentIndexChanged.connect(self._changed)
        keep_label = QLabel(self.tr("&Keep:"), self)
        keep_label.setBuddy(self.keep)
        self.estimate_label = sentence_label(self, self.tr("Space estimate"))
        form.addRow(keep_label, _stacked(self, self.keep, self.estimate_label))

        self.reminders = sentence_label(self, self.tr("Reminders"))
        form.addRow(QLabel(self.tr("Reminders:"), self), self.reminders)
        layout.addLayout(form)
        self.reports = ReportsBox(self, self)  # ui/wizard/reports.py: ping URL and report e-mails (optional)
        layout.addWidget(self.reports)
        self.save_label = sentence_label(self, self.tr("Saving the settings"))
        layout.addWidget(self.save_label)
        layout.addStretch(1)
        show(self.save_label, "")

    def _presets(self) -> list[tuple[str, tuple[int, int, int]]]:
        names = {
            "standard": self.tr("Standard: {0} daily, {1} weekly and {2} monthly backups (about a year)"),
            "compact": self.tr("Fewer: {0} daily, {1} weekly and {2} monthly backups (half a year)"),
            "long": self.tr("More: {0} daily, {1} weekly and {2} monthly backups (two years)"),
        }
        return [(names[p.id].format(*p.values), p.values) for p in setup_guide.KEEP_PRESETS]

    # -- filling --------------------------------------------------------------------------------
    def initializePage(self) -> None:
        wizard = self.wizard()
        state = wizard.state
        if self.gate is None:
            self.gate = Gate(wizard.jobs, wizard.next, self.completeChanged.emit)
        if not self.filled:
            self.filled = True
            previous = state.previous
            self.keep.blockSignals(True)
            for text, values in self._presets():
                self.keep.addItem(text, values)
            if previous is not None:
                values = (previous.keep_daily, previous.keep_weekly, previous.keep_monthly)
                if setup_guide.preset_for(values) is None:
                    self.keep.addItem(self.tr("As now: {0} daily, {1} weekly and {2} monthly backups").format(*values), values)
                state.keep, state.days, state.time = values, list(previous.working_days), previous.time
                self.time_touched = True
            index = next((i for i in range(self.keep.count()) if tuple(self.keep.itemData(i)) == tuple(state.keep)), 0)
            self.keep.setCurrentIndex(index)
            self.keep.blockSignals(False)
            self.reports.fill(previous)
            for key, box in self.day_boxes.items():
                box.blockSignals(True)
                box.setChecked(key in state.days)
                box.blockSignals(False)
        if not self.time_touched:
            state.time = setup_guide.default_time(state.mode, state.detection)
        self.time.setText(state.time)
        self._changed()

    def _time_changed(self, _text: str) -> None:
        self.time_touched = True
        self._changed()

    def _changed(self, *_args) -> None:
        wizard = self.wizard()
        if wizard is None or not self.filled:
            return
        state, say = wizard.state, wizard.say
        try:
            state.time = values.parse_time(self.time.text())
            self.time_error = None
            show(self.time_hint, say(setup_guide.time_words(state.mode, state.time, state.detection)))
        except UserError as error:  # "99:99abc": said, and Next waits for a real time
            self.time_error = error.message
            show(self.time_hint, say(error.message), "error")
        state.days = [key for key, box in self.day_boxes.items() if box.isChecked()]
        if state.days:
            show(self.days_hint, self.days_words)
        else:
            show(self.days_hint, self.tr("Tick at least one working day: Next stays unavailable until one is ticked."),
                 "error")
        data = self.keep.currentData()
        if data is not None:
            state.keep = tuple(data)
        drive = state.drive
        if state.size is not None and drive is not None:
            guess = estimate.estimate(state.size, state.keep, drive.free, full_copies=drive.full_copies)
            show(self.estimate_label, say(guess.message()), None if guess.fits is not False else "error")
        else:
            show(self.estimate_label, "")
        check, drill = setup_guide.reminder_dates(wizard.env.clock.now())
        self.reminders.setText(self.tr("The first monthly check is due on {0}; the first restore drill on {1}.").format(
            self._date(check), self._date(drill)))
        show(self.save_label, "")
        self.completeChanged.emit()

    def _date(self, day: date) -> str:
        locale = QLocale(self.wizard().language)
        return locale.toString(QDate(day.year, day.month, day.day), QLocale.FormatType.LongFormat)

    # -- saving ---------------------------------------------------------------------------------
    def isComplete(self) -> bool:
        wizard = self.wizard()
        if wizard is None or (self.gate is not None and self.gate.running):
            return False
        return bool(wizard.state.days) and self.time_error is None

    def validatePage(self) -> bool:
        wizard = self.wizard()
        state = wizard.state
        key = saving.signature(state)
        if key != self.gate.passed_key and not self.gate.running:
            show(self.save_label, self.tr("Saving the settings …"))
        where, clock = wizard.env.where, wizard.env.clock
        return self.gate.check(key, lambda: saving.save(state, where=where, clock=clock), self._saved, self._failed)

    def _saved(self, result) -> None:
        state = self.wizard().state
        state.result = result
        state.config = result.config
        if state.offsite.ssh_key is not None:  # setup uses the key now: a later Cancel must not delete it
            state.generated_keys = [key for key in state.generated_keys if key != state.offsite.ssh_key]
        show(self.save_label, self.tr("The settings are saved."), "ok")

    def _failed(self, exc: BaseException) -> None:
        message = error_message(exc)
        show(self.save_label, self.wizard().say(message) if message is not None else self.tr(
            "The settings could not be saved because of an unexpected error ({0}).").format(type(exc).__name__), "error")


def _stacked(parent: QWidget, control: QWidget, hint: QWidget) -> QWidget:
    """A control with its explaining sentence right under it, as one field of the form."""
    box = QWidget(parent)
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(4)
    column.addWidget(control)
    column.addWidget(hint)
    return box
