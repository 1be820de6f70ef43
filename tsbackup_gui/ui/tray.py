"""The tray icon itself: shows a `TrayView`, reports which entry was chosen. Nothing else.

All decisions are in `tray_presenter`; this only turns a view into a
QSystemTrayIcon, its tooltip and its menu, and notifications into balloons.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from tsbackup_gui.render.translate import resources_dir
from tsbackup_gui.ui.tray_presenter import OPEN_WINDOW, TrayView

LEVELS = {
    "critical": QSystemTrayIcon.MessageIcon.Critical,
    "warning": QSystemTrayIcon.MessageIcon.Warning,
    "information": QSystemTrayIcon.MessageIcon.Information,
}


class Tray(QObject):
    triggered = Signal(str)  # a menu entry's id
    message_clicked = Signal()

    def __init__(self, icons_dir: Path | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.icons_dir = icons_dir or resources_dir() / "icons"
        self._icons: dict[str, QIcon] = {}
        self.view: TrayView | None = None
        self.menu = QMenu()
        self.menu.setToolTipsVisible(True)
        self.actions: dict[str, QAction] = {}
        self.icon = QSystemTrayIcon(self)
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._activated)
        self.icon.messageClicked.connect(self.message_clicked)

    def show(self) -> None:
        self.icon.show()

    def hide(self) -> None:
        self.icon.hide()

    def show_view(self, view: TrayView) -> None:
        if view == self.view:
            return
        previous, self.view = self.view, view
        if previous is None or previous.icon != view.icon:
            self.icon.setIcon(self._icon(view.icon))
        self.icon.setToolTip(view.tooltip)
        if previous is None or previous.entries != view.entries:
            self._build_menu(view)

    def show_message(self, title: str, text: str, level: str = "information", msecs: int = 15000) -> None:
        if QSystemTrayIcon.supportsMessages():
            self.icon.showMessage(title, text, LEVELS.get(level, LEVELS["information"]), msecs)

    def _build_menu(self, view: TrayView) -> None:
        self.menu.clear()
        self.actions = {}
        for entry in view.entries:
            if entry.separator_before:
                self.menu.addSeparator()
            action = self.menu.addAction(entry.text)
            action.setEnabled(entry.enabled)
            if entry.tooltip:
                action.setToolTip(entry.tooltip)
            action.triggered.connect(lambda checked=False, entry_id=entry.id: self.triggered.emit(entry_id))
            self.actions[entry.id] = action

    def _icon(self, name: str) -> QIcon:
        if name not in self._icons:
            self._icons[name] = QIcon(str(self.icons_dir / f"{name}.svg"))
        return self._icons[name]

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if sys.platform == "darwin":  # a click opens the menu there; the window is one entry away
            return
        if reason in (QSystemTrayIcon.ActivationReason.Trigger, QSystemTrayIcon.ActivationReason.DoubleClick):
            self.triggered.emit(OPEN_WINDOW)
