"""Small pieces every wizard page uses: what the wizard is given from outside (`WizardEnv`),
what the pages decide together (`WizardState`), labels for sentences, and the
"check on a worker, then go on" gate for Next.

Nothing here calls ``self.tr``: PySide looks a string up in the context of the
object's *runtime* class, so a shared helper that translated would be looked
up under each page's name and never found. Strings live in the page classes.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFileDialog, QLabel, QWidget

from tsbackup_gui.core.clock import Clock
from tsbackup_gui.core.places import Places
from tsbackup_gui.ui import worker

OK_COLOUR = "#1b6e20"
WARN_COLOUR = "#8a5a00"
ERROR_COLOUR = "#b00020"


def native_choose_folder(parent: QWidget, title: str, start: str) -> str | None:
    path = QFileDialog.getExistingDirectory(parent, title, start)
    return path or None


def native_save_file(parent: QWidget, title: str, start: str, filters: str) -> str | None:
    path, _ = QFileDialog.getSaveFileName(parent, title, start, filters)
    return path or None


def native_ask(parent: QWidget, title: str, text: str) -> bool:
    from PySide6.QtWidgets import QMessageBox

    return QMessageBox.question(parent, title, text) == QMessageBox.StandardButton.Yes


def native_print_dialog(parent: QWidget, printer) -> bool:
    from PySide6.QtPrintSupport import QPrintDialog

    dialog = QPrintDialog(printer, parent)
    return dialog.exec() == QPrintDialog.DialogCode.Accepted


@dataclass
class WizardEnv:
    """What the wizard takes from the world; tests replace each part.

    ``root``/``os_name``: detection as if ``root`` were `/` (demo trees, tests);
    ``demo``: lay out that demo variant under ``root`` before detecting;
    ``partitions``: the mounted file systems (psutil's when None); ``usage``:
    (total, free) of a mount point; ``extra_places``: (name, folder) offered as
    drives (the demo's backup drive); file and print dialogs as callables.
    """

    root: Path | None = None
    os_name: str | None = None
    demo: str | None = None
    clock: Clock = field(default_factory=Clock)
    language: str | None = None
    where: Places | None = None
    partitions: Callable[[], list] | None = None
    usage: Callable[[str], Any] | None = None
    extra_places: list[tuple[str, Path]] = field(default_factory=list)
    offsite_suggestion: Path | None = None
    choose_folder: Callable[[QWidget, str, str], str | None] = native_choose_folder
    choose_save_file: Callable[[QWidget, str, str, str], str | None] = native_save_file
    choose_file: Callable[[QWidget, str, str], str | None] = None  # an existing file (the SSH key); None: Qt's dialog
    print_dialog: Callable[[QWidget, Any], bool] = native_print_dialog
    ask: Callable[[QWidget, str, str], bool] = native_ask  # (parent, title, question) -> Yes?
    monotonic: Callable[[], float] = time.monotonic
    ssh_key_dir: Path | None = None  # where a generated SSH key is kept (default: the state folder)


@dataclass
class Offsite:
    """The off-site choice as setup takes it."""

    kind: str = "later"  # s3 / sftp / folder / external / later / keep
    target: str | None = None  # setup's --secondary text
    password: str | None = field(default=None, repr=False)  # secrets never in a repr
    ssh_key: Path | None = None
    s3_keys: tuple[str, str] | None = field(default=None, repr=False)

    def signature(self) -> tuple:
        return (self.kind, self.target, self.password, str(self.ssh_key) if self.ssh_key else None, self.s3_keys)


@dataclass
class WizardState:
    """What the pages decide together, read by the later pages and by setup."""

    previous: Any = None  # the stored Config when the wizard edits a setup
    detection: dict | None = None
    detected_mode: str = "not-found"
    source: Path | None = None
    mode: str = "single"
    size: Any = None  # estimate.FolderSize
    primary: Path | None = None
    drive: Any = None  # drives.Drive holding the primary
    computer: str = ""
    insist_same_disk: bool = False
    adopt: bool = False
    offsite: Offsite = field(default_factory=Offsite)
    time: str = "18:30"
    days: list[str] = field(default_factory=lambda: ["mon", "tue", "wed", "thu", "fri"])
    keep: tuple[int, int, int] = (14, 8, 12)
    result: Any = None  # core.setup.SetupResult once saved
    config: Any = None  # the saved Config
    generated_keys: list[Path] = field(default_factory=list)  # removed again when the wizard is cancelled
    reports: Any = None  # setup_reports.ReportOptions from the schedule page's reports group; None: untouched

    @property
    def setup_id(self) -> str | None:
        """The setup being edited: the one saved by this wizard, else the stored one."""
        for config in (self.config, self.previous):
            if config is not None:
                return config.setup_id
        return None


def sentence_label(parent: QWidget, accessible: str, *, selectable: bool = True) -> QLabel:
    label = QLabel("", parent)
    label.setWordWrap(True)
    label.setAccessibleName(accessible)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def headline_label(parent: QWidget, accessible: str) -> QLabel:
    label = sentence_label(parent, accessible)
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * 1.25)
    font.setBold(True)
    label.setFont(font)
    return label


def show(label: QLabel, text: str, tone: str | None = None) -> None:
    """Sets a sentence with its tone (ok, warn, error or plain); empty text hides the label."""
    colour = {"ok": OK_COLOUR, "warn": WARN_COLOUR, "error": ERROR_COLOUR}.get(tone or "")
    label.setStyleSheet(f"color: {colour};" if colour else "")
    label.setText(text)
    label.setVisible(bool(text))


def error_message(exc: BaseException):
    """The `Message` of a `UserError` (or anything carrying one), else None."""
    return getattr(exc, "message", None)


class Jobs(QObject):
    """Runs core calls on the worker pool and keeps their tasks alive; `idle` when none is left."""

    idle = Signal()

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._tasks: set[worker.Task] = set()

    @property
    def busy(self) -> bool:
        return bool(self._tasks)

    def run(self, fn: Callable[[Callable[[Any], None]], Any], on_done: Callable[[Any], None],
            on_error: Callable[[BaseException], None], on_progress: Callable[[Any], None] | None = None) -> worker.Task:
        holder: list[worker.Task] = []

        def finish(callback, value):
            if holder:
                self._tasks.discard(holder[0])
            try:
                callback(value)
            finally:
                if not self._tasks:
                    self.idle.emit()

        task = worker.start(fn, on_done=lambda value: finish(on_done, value),
                            on_error=lambda exc: finish(on_error, exc), on_progress=on_progress)
        holder.append(task)
        self._tasks.add(task)
        return task


class Gate:
    """Next after a check that needs the disk: the first press starts `work` on a worker and says
    no; when it succeeds, the wizard goes on by itself. The same inputs (``key``) pass at once."""

    def __init__(self, jobs: Jobs, advance: Callable[[], None], changed: Callable[[], None]):
        self.jobs = jobs
        self.advance = advance
        self.changed = changed
        self.passed_key: Any = None
        self.running = False

    def check(self, key: Any, work: Callable[[], Any], on_ok: Callable[[Any], None],
              on_error: Callable[[BaseException], None]) -> bool:
        if self.running:
            return False
        if key is not None and key == self.passed_key:
            return True
        self.running = True
        self.changed()

        def done(value):
            self.running = False
            passed = on_ok(value) is not False
            if passed:
                self.passed_key = key
            self.changed()
            if passed:
                self.advance()

        def failed(exc):
            self.running = False
            self.changed()
            on_error(exc)

        self.jobs.run(lambda progress: work(), done, failed)
        return False

    def reset(self) -> None:
        self.passed_key = None
