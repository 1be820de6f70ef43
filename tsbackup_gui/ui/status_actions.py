"""The status window's buttons, built from a list, and a "More" menu for housekeeping.

Later features (pause, second drive, diagnostics, new password, forget this
setup) add entries with `add_more` instead of another button each, so the
row stays short enough for a small laptop screen.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtWidgets import QHBoxLayout, QMenu, QPushButton, QToolButton, QWidget

# action ids (also what tests and the tray's reminders use)
BACKUP = "backup"
CANCEL = "cancel"
OPEN_FOLDER = "open_folder"
RESTORE = "restore"
CHECK = "check"
DRILL = "drill"
LOG = "log"
REFRESH = "refresh"
SETUP_DEMO = "setup_demo"


class ActionBar(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(0, 0, 0, 0)
        self.buttons: dict[str, QPushButton] = {}
        self.more_button = QToolButton(self)
        self.more_button.setText(self.tr("&More"))
        self.more_button.setAccessibleName(self.tr("More actions"))
        self.more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.more_menu = QMenu(self.more_button)
        self.more_button.setMenu(self.more_menu)
        self.more_button.setVisible(False)
        self.more_actions: dict[str, object] = {}

    def add(self, action_id: str, text: str, accessible: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text, self)
        button.setAccessibleName(accessible)
        button.clicked.connect(lambda _checked=False: slot())
        self.row.addWidget(button)
        self.buttons[action_id] = button
        return button

    def finish(self) -> None:
        """Ends the row: the "More" menu and a stretch after the buttons."""
        self.row.addWidget(self.more_button)
        self.row.addStretch(1)

    def add_more(self, action_id: str, text: str, slot: Callable[[], None]) -> None:
        action = self.more_menu.addAction(text)
        action.triggered.connect(lambda _checked=False: slot())
        self.more_actions[action_id] = action
        self.more_button.setVisible(True)

    def __getitem__(self, action_id: str) -> QPushButton:
        return self.buttons[action_id]
