"""The status window's boxes: the backup drive and the off-site copy side by side, 4D's own backup,
the reminders, and the history table. They only show what `core.overview` gathered."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QFormLayout, QGroupBox, QHeaderView, QLabel, QTableWidget, QTableWidgetItem, QWidget,
)

from tsbackup_gui.ui.status_format import duration_text, kind_text, outcome_text, size_text, when_text


def value_label(parent: QWidget, accessible: str) -> QLabel:
    label = QLabel("—", parent)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard)
    label.setAccessibleName(accessible)
    return label


class TargetPanel(QGroupBox):
    """One place where backups go: where, last success, size, how many, free space."""

    def __init__(self, title: str, count_caption: str, parent: QWidget | None = None):
        super().__init__(title, parent)
        form = QFormLayout(self)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.where = value_label(self, self.tr("Where"))
        self.last = value_label(self, self.tr("Last success"))
        self.size = value_label(self, self.tr("Size"))
        self.count = value_label(self, count_caption)
        self.free = value_label(self, self.tr("Free space"))
        for caption, widget in ((self.tr("Where:"), self.where), (self.tr("Last success:"), self.last),
                                (self.tr("Size:"), self.size), (count_caption + ":", self.count),
                                (self.tr("Free space:"), self.free)):
            form.addRow(caption, widget)

    def show_primary(self, facts) -> None:
        if facts is None:
            return self.clear(self.tr("not set up yet"))
        where = facts.where if facts.connected else self.tr("{0} (not connected)").format(facts.where)
        self.where.setText(where)
        self.last.setText(when_text(facts.last_success) if facts.last_success else self.tr("none yet"))
        self.size.setText(size_text(facts.size))
        self.count.setText(str(facts.generations))
        self.free.setText(self._free(facts.free, facts.total))

    def show_offsite(self, facts) -> None:
        if facts is None or not facts.configured:
            return self.clear(self.tr("not set up"))
        if facts.kind == "external":
            self.where.setText(self.tr("handled outside this program: {0}").format(facts.where))
            for label in (self.last, self.size, self.count, self.free):
                label.setText(self.tr("not visible from here"))
            return
        self.where.setText(facts.where or "—")
        self.last.setText(when_text(facts.last_success) if facts.last_success else self.tr("none yet"))
        self.size.setText(size_text(facts.size))
        if facts.snapshots is not None:
            self.count.setText(str(facts.snapshots))
        else:  # Restore… lists them once there is one (before that, the button is off)
            self.count.setText(self.tr("listed in Restore…") if facts.last_success or facts.snapshot else "0")
        self.free.setText(size_text(facts.free) if facts.free is not None else self.tr("not known for this kind of target"))

    def clear(self, where: str) -> None:
        self.where.setText(where)
        for label in (self.last, self.size, self.count, self.free):
            label.setText("—")

    def _free(self, free, total) -> str:
        if free is None:
            return "—"
        if not total:
            return size_text(free)
        return self.tr("{0} of {1}").format(size_text(free), size_text(total))


class FourdPanel(QGroupBox):
    """Server setups: 4D's newest archive, its age and whether it counts."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(self.tr("4D's own backup"), parent)
        form = QFormLayout(self)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.archive = value_label(self, self.tr("Newest 4D archive"))
        self.age = value_label(self, self.tr("Age of the newest 4D archive"))
        self.verdict = value_label(self, self.tr("Verdict on 4D's backup"))
        form.addRow(self.tr("Newest archive:"), self.archive)
        form.addRow(self.tr("Age:"), self.age)
        form.addRow(self.tr("Verdict:"), self.verdict)

    def show_facts(self, facts, translate) -> None:
        self.setVisible(facts is not None)
        if facts is None:
            return
        self.archive.setText(facts.newest or self.tr("no 4D archive found"))
        self.age.setText(self.tr("{0} hours").format(f"{facts.age_hours:.0f}") if facts.age_hours is not None else "—")
        verdict = self.tr("fresh and complete") if facts.ok else self.tr("too old or incomplete")
        details = [translate(m) for m in facts.reasons[:2]]
        self.verdict.setText("\n".join([verdict, *details]))


HISTORY_COLUMNS = 6


class HistoryTable(QTableWidget):
    """Every attempt, newest first: date, kind, outcome, reason, duration, size."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(0, HISTORY_COLUMNS, parent)
        self.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Kind"), self.tr("Outcome"), self.tr("Reason"),
                                        self.tr("Duration"), self.tr("Size")])
        header = self.horizontalHeader()
        for column in range(HISTORY_COLUMNS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().setVisible(False)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setWordWrap(False)
        self.setAccessibleName(self.tr("History of every backup attempt"))

    def show_rows(self, rows, translate) -> None:
        self.setRowCount(len(rows))
        for index, row in enumerate(rows):
            reason = translate(row.reason) if row.reason is not None else ""
            values = (when_text(row.started), kind_text(row.kind), outcome_text(row.outcome), reason,
                      duration_text(row.seconds), size_text(row.bytes) if row.bytes else "—")
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column == 3 and reason:
                    item.setToolTip(reason)
                self.setItem(index, column, item)
