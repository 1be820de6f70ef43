"""The status window: what is installed, where the backups go, and what happened.

It only shows and asks; everything it shows comes from `core.overview`,
gathered on a worker thread.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QFont
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QHeaderView,
)

from ..core import overview
from ..render.translate import Translator
from . import worker


class StatusWindow(QMainWindow):
    def __init__(self, demo_root: Path | None = None, language: str = "en", parent: QWidget | None = None):
        super().__init__(parent)
        self.demo_root = demo_root
        self._tasks: list[worker.Task] = []
        self._translate = Translator(language)
        self.snapshot: overview.Overview | None = None
        self.loads = 0  # how many overviews were shown; lets tests and the tray wait for a fresh one
        self._demo_layout = None  # laid out on the first look only (see overview.gather)
        self.setWindowTitle(self.tr("tsbackup — backups for timeSensor LEGAL"))
        self.resize(820, 600)

        central = QWidget(self)
        layout = QVBoxLayout(central)

        self.headline = QLabel(self.tr("Looking for timeSensor LEGAL …"), central)
        font = QFont(self.headline.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.headline.setFont(font)
        self.headline.setWordWrap(True)
        self.headline.setAccessibleName(self.tr("Status"))
        layout.addWidget(self.headline)

        self.demo_note = QLabel(self.tr("Demo mode: this is a built-in example installation, not your real data."), central)
        self.demo_note.setStyleSheet("color: #7a5b00;")
        self.demo_note.setVisible(demo_root is not None)
        layout.addWidget(self.demo_note)

        row = QVBoxLayout()
        self.install_box = QGroupBox(self.tr("timeSensor LEGAL on this computer"), central)
        install_form = QFormLayout(self.install_box)
        install_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.mode_label = self._value_label(self.tr("Kind of installation"))
        self.data_label = self._value_label(self.tr("Data folder"))
        self.archive_label = self._value_label(self.tr("4D's own backup"))
        install_form.addRow(self.tr("Kind:"), self.mode_label)
        install_form.addRow(self.tr("Data folder:"), self.data_label)
        install_form.addRow(self.tr("4D's own backup:"), self.archive_label)
        row.addWidget(self.install_box, 1)

        self.backup_box = QGroupBox(self.tr("Backup drive"), central)
        backup_form = QFormLayout(self.backup_box)
        self.primary_label = self._value_label(self.tr("Backup drive"))
        self.last_label = self._value_label(self.tr("Last backup"))
        self.count_label = self._value_label(self.tr("Generations"))
        backup_form.addRow(self.tr("Where:"), self.primary_label)
        backup_form.addRow(self.tr("Last backup:"), self.last_label)
        backup_form.addRow(self.tr("Generations:"), self.count_label)
        row.addWidget(self.backup_box, 1)
        layout.addLayout(row)

        self.notes = QLabel("", central)
        self.notes.setWordWrap(True)
        self.notes.setAccessibleName(self.tr("Notes"))
        layout.addWidget(self.notes)

        self.table = QTableWidget(0, 4, central)
        self.table.setHorizontalHeaderLabels([self.tr("Generation"), self.tr("Verdict"), self.tr("Files"), self.tr("Size")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setAccessibleName(self.tr("Backup generations"))
        layout.addWidget(self.table, 1)

        buttons = QHBoxLayout()
        self.refresh_button = QPushButton(self.tr("&Check again"), central)
        self.refresh_button.setAccessibleName(self.tr("Check again"))
        self.refresh_button.clicked.connect(self.refresh)
        self.open_button = QPushButton(self.tr("&Open backup folder"), central)
        self.open_button.setAccessibleName(self.tr("Open backup folder"))
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(self.open_backup_folder)
        self.setup_demo_button = QPushButton(self.tr("&Set up the demo backup"), central)
        self.setup_demo_button.setAccessibleName(self.tr("Set up the demo backup"))
        self.setup_demo_button.setVisible(False)
        self.setup_demo_button.clicked.connect(self.set_up_demo)
        self.backup_button = QPushButton(self.tr("&Back up now"), central)
        self.backup_button.setAccessibleName(self.tr("Back up now"))
        self.backup_button.setEnabled(False)
        self.backup_button.clicked.connect(self.back_up_now)
        self.progress_label = QLabel("", central)
        self.progress_label.setAccessibleName(self.tr("Progress"))
        buttons.addWidget(self.setup_demo_button)
        buttons.addWidget(self.backup_button)
        buttons.addWidget(self.refresh_button)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.progress_label)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.setCentralWidget(central)

    def _value_label(self, accessible: str) -> QLabel:
        label = QLabel("—")
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setAccessibleName(accessible)
        return label

    # -- data -------------------------------------------------------------
    def refresh(self) -> None:
        self.refresh_button.setEnabled(False)
        demo_root, first = self.demo_root, self.loads == 0
        task = worker.start(
            lambda progress: overview.gather(demo_root=demo_root, refresh_demo=first),
            on_done=self.show_overview,
            on_error=self.show_error,
        )
        self._tasks.append(task)

    def set_up_demo(self) -> None:
        layout = self._demo_layout
        if layout is None:
            return
        self.setup_demo_button.setEnabled(False)
        self._tasks.append(worker.start(lambda progress: overview.setup_demo(layout),
                                        on_done=self._after_change, on_error=self.show_error))

    def back_up_now(self) -> None:
        from ..core import config as config_mod
        from ..core.clock import Clock
        from ..core.jobs import run_backup

        self.backup_button.setEnabled(False)
        self.progress_label.setText(self.tr("Backing up …"))

        def job(progress):
            return run_backup(config_mod.require(), clock=Clock(), events=progress)

        self._tasks.append(worker.start(job, on_done=self.backup_finished, on_error=self.show_error,
                                        on_progress=self.show_progress))

    def show_progress(self, event: dict) -> None:
        if event.get("event") == "progress" and event.get("files_total"):
            self.progress_label.setText(self.tr("Backing up: {0} of {1} files").format(
                event.get("files_done", 0), event["files_total"]))

    def backup_finished(self, result) -> None:
        self.progress_label.setText("")
        self.refresh()

    def _after_change(self, _result=None) -> None:
        self.refresh()

    def show_error(self, exc: BaseException) -> None:
        self.refresh_button.setEnabled(True)
        message = getattr(exc, "message", None)
        self.headline.setText(self._translate(message) if message is not None else self.tr("Something went wrong: {0}").format(type(exc).__name__))

    def show_overview(self, snapshot: "overview.Overview") -> None:
        self.snapshot = snapshot
        if snapshot.demo is not None:
            self._demo_layout = snapshot.demo
        self.loads += 1
        self.refresh_button.setEnabled(True)
        t = self._translate
        self.headline.setText(t(snapshot.headline))
        det = snapshot.detection
        self.mode_label.setText(self._mode_text(det.get("mode")))
        self.data_label.setText(det.get("data_dir") or self.tr("not found"))
        self.archive_label.setText(self._archive_text(det))
        self.notes.setText("\n".join(t(m) for m in snapshot.notes))
        self.primary_label.setText(snapshot.primary or self.tr("not set up yet"))
        self.open_button.setEnabled(bool(snapshot.primary_folder))
        self.backup_button.setEnabled(snapshot.configured)
        self.setup_demo_button.setVisible(self._demo_layout is not None and not snapshot.configured)
        self.setup_demo_button.setEnabled(True)
        gens = snapshot.generations
        self.count_label.setText(str(len(gens)) if snapshot.primary else "—")
        self.last_label.setText(gens[-1]["ended_local"] if gens else self.tr("none yet"))
        self.table.setRowCount(len(gens))
        for row, gen in enumerate(reversed(gens)):
            for col, value in enumerate((gen["id"], self._verdict_text(gen["verdict"]), str(gen["files"]), _size(gen["bytes"]))):
                self.table.setItem(row, col, QTableWidgetItem(value))

    def _mode_text(self, mode: str | None) -> str:
        return {
            "single-user": self.tr("Single-user (timeSensor LEGAL on this Mac)"),
            "server": self.tr("Server (several users)"),
            "workstation": self.tr("Workstation: the data lives on the server; install this assistant there"),
            "not-found": self.tr("No timeSensor LEGAL data found"),
        }.get(mode or "not-found", mode or "")

    def _verdict_text(self, verdict: str) -> str:
        return {
            "consistent": self.tr("consistent (timeSensor was closed)"),
            "archive-ok": self.tr("4D archive fresh"),
            "archive-stale": self.tr("4D archive too old"),
        }.get(verdict, verdict)

    def _archive_text(self, det: dict) -> str:
        newest = det.get("newest_archive")
        if not newest:
            return self.tr("no 4D archive found")
        hours = det.get("archive_age_hours")
        age = self.tr("{0} hours old").format(f"{hours:.0f}") if isinstance(hours, (int, float)) else ""
        state = self.tr("fresh") if det.get("archive_fresh") else self.tr("too old")
        return f"{Path(newest).name} — {age}, {state}"

    def open_backup_folder(self) -> None:
        if self.snapshot and self.snapshot.primary_folder:
            QDesktopServices.openUrl(QUrl.fromLocalFile(self.snapshot.primary_folder))


def _size(n: int) -> str:
    for unit in ("B", "KB", "MB", "GB", "TB"):
        if n < 1000 or unit == "TB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1000
    return str(n)
