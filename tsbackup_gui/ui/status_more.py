"""The status window's "More" menu: settings (the setup assistant), pause, backup drives, the recovery sheet, diagnostics, new off-site
password, forget.

Each entry opens its small dialog (ui/housekeeping_*.py) with the setup the
window shows; when a dialog changes the setup, the window gathers its
overview again. The file and print dialogs come in as callables (`Hooks`),
so tests drive every dialog without a modal loop.

One dialog at a time: opening another entry closes an idle one, but a
dialog that is working (a password change, whose new recovery sheet must
still be shown) is brought to the front instead, and "More" stays off
until it has finished.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QObject

from tsbackup_gui.core.places import Places

PAUSE = "pause"
DRIVES = "drives"
DIAGNOSTICS = "diagnostics"
PASSWORD = "password"
FORGET = "forget"
SHEET = "recovery_sheet"
SETTINGS = "settings"


@dataclass
class Hooks:
    """What the dialogs ask the desktop for; None: Qt's own dialogs."""
    choose_folder: Callable | None = None
    choose_save_file: Callable | None = None
    print_dialog: Callable | None = None
    confirm: Callable | None = None
    ask: Callable | None = None  # ask(parent, title, text) -> Yes? (the window's own questions)
    secrets: object = None  # a SecretStore-like object (tests); None: the keyring
    where: Places | None = None
    home: Path | None = None  # where forget looks for the OS task and login entry
    os_name: str | None = None
    settings: Callable | None = None  # opens the setup assistant (the tray's "Settings…"); None: no entry
    tray_run: Callable | None = None  # True while the tray's own run goes (its Cancel is the window's too)
    cancel_tray_run: Callable | None = None


class Housekeeping(QObject):
    def __init__(self, window, hooks: Hooks | None = None):
        super().__init__(window)
        self.window = window
        self.hooks = hooks or Hooks()
        self.dialog = None  # the one open now (tests reach it here)
        bar = window.actions_bar
        if self.hooks.settings is not None:  # the same assistant as the tray's "Settings…"
            bar.add_more(SETTINGS, self.tr("&Settings…"), self.hooks.settings)
        bar.add_more(PAUSE, self.tr("&Pause backups…"), lambda: self.open(PAUSE))
        bar.add_more(DRIVES, self.tr("Backup &drives…"), lambda: self.open(DRIVES))
        bar.add_more(SHEET, self.tr("Print &recovery sheet…"), lambda: self.open(SHEET))
        bar.add_more(DIAGNOSTICS, self.tr("Save d&iagnostics for your IT partner…"), lambda: self.open(DIAGNOSTICS))
        bar.add_more(PASSWORD, self.tr("Change off-site pass&word…"), lambda: self.open(PASSWORD))
        bar.add_more(FORGET, self.tr("&Forget this setup…"), lambda: self.open(FORGET))
        self.enable(None, idle=True)

    def enable(self, snapshot, *, idle: bool) -> None:
        from tsbackup_gui.app.password import password_change_possible

        config = snapshot.config if snapshot is not None else None
        actions = self.window.actions_bar.more_actions
        for action_id in (PAUSE, DRIVES, FORGET, SHEET):
            actions[action_id].setEnabled(idle and config is not None)
        actions[DIAGNOSTICS].setEnabled(True)
        actions[PASSWORD].setEnabled(idle and password_change_possible(config))

    def dialog_busy(self) -> bool:
        dialog = self.dialog
        return dialog is not None and bool(getattr(dialog, "busy", False)) and dialog.isVisible()

    def open(self, which: str):
        """Opens the dialog (non-modal) and returns it; while one is working, that one comes to the front
        and is returned instead."""
        if self.dialog_busy():
            self.dialog.raise_()
            self.dialog.activateWindow()
            return self.dialog
        window, hooks = self.window, self.hooks
        snapshot = window.snapshot
        config = snapshot.config if snapshot is not None else None
        common = {"language": window.language, "clock": window.clock, "where": hooks.where, "parent": window}
        if which == DIAGNOSTICS:
            from tsbackup_gui.ui.housekeeping_diagnostics import DiagnosticsDialog

            dialog = DiagnosticsDialog(choose_save_file=hooks.choose_save_file, secrets=hooks.secrets, **common)
        elif config is None:
            return None
        elif which == PAUSE:
            from tsbackup_gui.ui.housekeeping_pause import PauseDialog

            dialog = PauseDialog(config, **common)
        elif which == DRIVES:
            from tsbackup_gui.ui.housekeeping_drives import DrivesDialog

            dialog = DrivesDialog(config, choose_folder=hooks.choose_folder, confirm=hooks.confirm, **common)
        elif which == PASSWORD:
            from tsbackup_gui.ui.housekeeping_password import PasswordDialog

            dialog = PasswordDialog(config, secrets=hooks.secrets, choose_save_file=hooks.choose_save_file,
                                    print_dialog=hooks.print_dialog, **common)
        elif which == SHEET:
            from tsbackup_gui.ui.recovery_sheet_dialog import RecoverySheetDialog

            dialog = RecoverySheetDialog(config, secrets=hooks.secrets, choose_save_file=hooks.choose_save_file,
                                         print_dialog=hooks.print_dialog, **common)
        elif which == FORGET:
            from tsbackup_gui.ui.housekeeping_forget import ForgetDialog

            dialog = ForgetDialog(config, secrets=hooks.secrets, home=hooks.home, os_name=hooks.os_name, **common)
        else:
            raise ValueError(which)
        if self.dialog is not None:
            self.dialog.close()
        self.dialog = dialog
        self._watch_busy(dialog)
        dialog.changed.connect(window.refresh)
        dialog.show()
        if which in (DRIVES, SHEET):
            dialog.load()
        return dialog

    def _watch_busy(self, dialog) -> None:
        """"More" is off while the dialog works (its `busy_changed`, housekeeping_common)."""

        def set_busy(busy: bool) -> None:
            if dialog is self.dialog:
                self.window.actions_bar.more_button.setEnabled(not busy)

        dialog.busy_changed.connect(set_busy)
        dialog.finished.connect(lambda _code: self._closed(dialog))

    def _closed(self, dialog) -> None:
        if dialog is self.dialog:
            self.window.actions_bar.more_button.setEnabled(True)
