"""What the housekeeping dialogs share: a worker runner, the result sentence, plain error text.

Each dialog only asks and shows; the work is a `core` function run on a
worker (keyring, restic, zip and file writes can all take a moment). A
dialog emits `changed` after it changed the setup, so the status window
shows the new state at once.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QLayout, QPushButton, QWidget

from tsbackup_gui.core.clock import Clock
from tsbackup_gui.render.translate import Translator
from tsbackup_gui.ui import worker

#: `choose_folder(parent, title, start) -> path or None` (QFileDialog.getExistingDirectory's shape)
ChooseFolder = Callable[[QWidget, str, str], "str | None"]
#: `choose_save_file(parent, title, start, filters) -> path or None`
ChooseSaveFile = Callable[[QWidget, str, str, str], "str | None"]


def default_choose_folder(parent: QWidget, title: str, start: str) -> str | None:
    from PySide6.QtWidgets import QFileDialog

    return QFileDialog.getExistingDirectory(parent, title, start) or None


def default_choose_save_file(parent: QWidget, title: str, start: str, filters: str) -> str | None:
    from PySide6.QtWidgets import QFileDialog

    return QFileDialog.getSaveFileName(parent, title, start, filters)[0] or None


def default_print_dialog(parent: QWidget, printer) -> bool:
    from PySide6.QtPrintSupport import QPrintDialog

    return QPrintDialog(printer, parent).exec() == QDialog.DialogCode.Accepted


def sentence(parent: QWidget, accessible: str, text: str = "") -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setAccessibleName(accessible)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


STYLES = {"ok": "color: #1f6f2b;", "error": "color: #a1260d;", "warn": "color: #7a5b00;", None: ""}


def fit_height(window: QWidget) -> None:
    """`window` as tall as its layout needs at its current width: Qt sizes a top-level window by its
    layout's minimum, which does not count the extra lines of a wrapped label."""
    layout = window.layout()
    if layout is None:
        return
    layout.activate()
    width = window.width()
    need = layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else layout.totalSizeHint().height()
    if need > window.height():
        window.resize(width, need)


class HousekeepingDialog(QDialog):
    changed = Signal()  # the setup changed: the window gathers its overview again
    busy_changed = Signal(bool)  # the window's "More" is off while a dialog works

    def __init__(self, *, language: str = "en", clock: Clock | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.say = Translator(language)
        self.clock = clock or Clock()
        self.busy = False
        self._tasks: list[worker.Task] = []
        self.result = None  # a QLabel the subclass places

    def button(self, text: str, accessible: str, clicked: Callable[[], None]) -> QPushButton:
        """A push button with its name for screen readers and its action."""
        button = QPushButton(text, self)
        button.setAccessibleName(accessible)
        button.clicked.connect(clicked)
        return button

    def add_buttons(self, layout: QLayout, *buttons: QPushButton) -> None:
        """``buttons`` side by side on one row, at its left."""
        row = QHBoxLayout()
        for button in buttons:
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)

    def add_close(self, layout: QLayout) -> None:
        """The Close button at the bottom; Esc and the window's close box do the same."""
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        close.button(QDialogButtonBox.StandardButton.Close).setAccessibleName(
            QCoreApplication.translate("HousekeepingDialog", "Close"))
        layout.addWidget(close)

    def run(self, job: Callable[[], object], on_done, on_error=None, *, long: bool = False) -> None:
        """`job()` on a worker; `on_done(result)` / `on_error(exc)` back on the GUI thread. A `long` job
        (restic, a zip of the logs) runs in the long pool, so the window's short jobs never wait behind it."""
        self._set_busy(True)

        def done(value) -> None:
            self._set_busy(False)
            on_done(value)

        def failed(exc: BaseException) -> None:
            self._set_busy(False)
            (on_error or self.show_error)(exc)

        worker.start_kept(self._tasks, lambda _progress: job(), on_done=done, on_error=failed, long=long, owner=self)

    def show_result(self, text: str, style: str | None = None) -> None:
        self.result.setText(text)
        self.result.setStyleSheet(STYLES.get(style, ""))
        self.result.setVisible(bool(text))
        self.fit_height()

    def fit_height(self) -> None:
        """Grows the dialog to the height its words need at its width (German, a long path, a result):
        a wrapped sentence is never cut mid-line."""
        fit_height(self)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self.fit_height()

    def show_error(self, exc: BaseException) -> None:
        self.show_result(self.error_text(exc), "error")

    def error_text(self, exc: BaseException) -> str:
        message = getattr(exc, "message", None)
        if message is not None:
            return self.say(message)
        return QCoreApplication.translate("HousekeepingDialog", "This stopped because of an unexpected error ({0}).").format(
            type(exc).__name__)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.enable()
        self.busy_changed.emit(busy)

    def enable(self) -> None:
        """Subclasses switch their buttons by `self.busy` and their inputs."""


class SheetDialog(HousekeepingDialog):
    """A housekeeping dialog that ends with a recovery sheet to save or print (the sheet dialog, the
    password change): the setup it works on and the save and print hooks tests replace."""

    def __init__(self, config, *, language: str = "en", clock: Clock | None = None, where=None,
                 parent: QWidget | None = None, secrets=None, choose_save_file: ChooseSaveFile | None = None,
                 print_dialog: Callable[[QWidget, object], bool] | None = None):
        super().__init__(language=language, clock=clock, parent=parent)
        self.config = config
        self.where = where
        self.secrets = secrets
        self.choose_save_file = choose_save_file or default_choose_save_file
        self.print_dialog = print_dialog or default_print_dialog
        self.sheet = None
        self.html = ""
