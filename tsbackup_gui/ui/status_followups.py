"""What the status window asks: about the recovery sheet, the check's items, and closing during a backup.

- While an off-site backup's recovery sheet is not confirmed, a row under the
  reminders offers "Print recovery sheet…" (the dialog of the "More" menu)
  and "I have stored it" (a question, then `app.recovery_sheet.confirm_stored`).
- After a monthly check with items only a person can confirm (an off-site
  copy made outside this program, the sheet's safe place), the window asks
  about them; Yes records the confirmed check (`app.check.confirm_check`).

- Closing the window while its backup runs (where closing ends the app)
  asks "A backup is running. Stop it and close?"; Yes cancels the run and
  the window closes once it has ended, so the run is recorded as cancelled
  (exit 130) instead of being cut off by the app's end.

The rules (when the sheet counts as unconfirmed, what needs a person) are the
application layer's; this only asks and shows.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QHBoxLayout, QMessageBox, QPushButton, QWidget

Ask = Callable[[QWidget, str, str], bool]


def default_ask(parent: QWidget, title: str, text: str) -> bool:
    return QMessageBox.question(parent, title, text) == QMessageBox.StandardButton.Yes


class Followups(QObject):
    def __init__(self, window, ask: Ask | None = None):
        super().__init__(window)
        self.window = window
        self.ask = ask or default_ask
        self.row = QWidget(window)
        layout = QHBoxLayout(self.row)
        layout.setContentsMargins(0, 0, 0, 0)
        self.print_button = QPushButton(self.tr("&Print recovery sheet…"), self.row)
        self.print_button.setAccessibleName(self.tr("Print recovery sheet"))
        self.print_button.clicked.connect(self.print_sheet)
        self.stored_button = QPushButton(self.tr("I have s&tored it"), self.row)
        self.stored_button.setAccessibleName(self.tr("I have stored the recovery sheet in a safe place"))
        self.stored_button.clicked.connect(self.sheet_stored)
        layout.addWidget(self.print_button)
        layout.addWidget(self.stored_button)
        layout.addStretch(1)
        self.row.setVisible(False)
        self.close_after_run = False  # "Stop it and close": the window closes once the cancelled run ended

    # -- the recovery sheet ---------------------------------------------------------------------
    def show(self, snapshot, *, idle: bool) -> None:
        from tsbackup_gui.app.recovery_sheet import sheet_unconfirmed

        config = snapshot.config if snapshot is not None else None
        self.row.setVisible(sheet_unconfirmed(config))
        self.print_button.setEnabled(config is not None)
        self.stored_button.setEnabled(idle and config is not None)

    def print_sheet(self) -> None:
        from tsbackup_gui.ui.status_more import SHEET

        self.window.housekeeping.open(SHEET)

    def sheet_stored(self) -> None:
        window = self.window
        config = window.snapshot.config if window.snapshot is not None else None
        if config is None or window.busy is not None:
            return
        if not self.ask(window, self.tr("Recovery sheet"), self.tr(
                "Is the printed recovery sheet stored in a safe place, away from this computer and the backup "
                "drive? Yes records it, and the status stops reminding you.")):
            return
        from tsbackup_gui.app.recovery_sheet import confirm_stored

        clock, where = window.clock, window.housekeeping.hooks.where
        window._set_busy("confirm", "")
        window._start(lambda progress: confirm_stored(config, clock=clock, where=where), self._said)

    def _said(self, message) -> None:
        self.window._set_busy(None, self.window._translate(message))
        self.window.refresh()

    # -- the monthly check ------------------------------------------------------------------------
    def after_check(self, result) -> bool:
        """Asks about the check's items only a person can confirm; True when a confirmation started."""
        from tsbackup_gui.app.check import confirm_check, to_confirm

        items = to_confirm(result)
        if not items:
            return False
        window = self.window
        t = window._translate
        question = "\n\n".join([
            self.tr("Have you checked these yourself?"),
            "\n".join("• " + t(item) for item in items),
            self.tr("Yes confirms them and records the monthly check as done."),
        ])
        if not self.ask(window, self.tr("Monthly check"), question):
            return False
        clock, where = window.clock, window.housekeeping.hooks.where
        window._set_busy("check", self.tr("Recording your confirmation …"))
        window._start(lambda progress: confirm_check(result, clock=clock, where=where), window._check_finished)
        return True

    # -- closing ------------------------------------------------------------------------------------
    def may_close(self, event) -> bool:
        """False (the event ignored) while this window's backup runs and closing would end the app."""
        window = self.window
        if window.busy != "backup" or not window.closing_ends_app:
            return True
        event.ignore()
        if self.close_after_run:  # already stopping: it closes by itself
            return False
        if self.ask(window, self.tr("Close"), self.tr("A backup is running. Stop it and close?")):
            self.close_after_run = True
            window.cancel_backup()
        return False

    def close_if_asked(self) -> None:
        if self.close_after_run and self.window.busy is None:
            self.close_after_run = False
            self.window.close()
