"""Change off-site password…: the new password twice (at least 12 characters), the change on a
worker (`core.password_change`, which never leaves a moment without a working stored password),
then the new recovery sheet to save or print — the old sheet's password no longer works.

The sheet is the wizard's: gathered by `core.recovery`, drawn by `render.recovery_sheet`,
written through `ui.sheet_output` (`app.recovery_sheet`), as the status window's "Print recovery sheet…" does.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtWidgets import QCheckBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from tsbackup_gui.core.offsite import password_change
from tsbackup_gui.core.clock import Clock
from tsbackup_gui.core.places import Places
from tsbackup_gui.ui import sheet_output
from tsbackup_gui.ui.housekeeping_common import (
    ChooseSaveFile, SheetDialog, sentence,
)

MIN = password_change.MIN_PASSWORD_LENGTH


def change_and_gather(config, password: str, secrets, where, now):
    """The change, then the new sheet (with the new password) — both on the worker."""
    from tsbackup_gui.app.password import change_and_new_sheet

    return change_and_new_sheet(config, password, secrets=secrets, where=where, now=now)


class PasswordDialog(SheetDialog):
    def __init__(self, config, *, language: str = "en", clock: Clock | None = None, where: Places | None = None,
                 parent: QWidget | None = None, secrets=None, choose_save_file: ChooseSaveFile | None = None,
                 print_dialog: Callable[[QWidget, object], bool] | None = None):
        super().__init__(config, language=language, clock=clock, where=where, parent=parent, secrets=secrets,
                         choose_save_file=choose_save_file, print_dialog=print_dialog)
        self.changed_ok = False
        self.sheet_written: Path | None = None
        self.setWindowTitle(self.tr("Change the off-site password"))
        layout = QVBoxLayout(self)
        layout.addWidget(sentence(self, self.tr("What changing the password does"), self.tr(
            "The off-site backups are locked with a password. After the change only the new password opens them, "
            "old backups included, so the old recovery sheet no longer works: print the new one afterwards.")))
        form = QFormLayout()
        self.first = QLineEdit(self)
        self.second = QLineEdit(self)
        for field, name in ((self.first, self.tr("New password")), (self.second, self.tr("New password again"))):
            field.setEchoMode(QLineEdit.EchoMode.Password)
            field.setAccessibleName(name)
            field.textChanged.connect(lambda _t: self.enable())
        first_label = QLabel(self.tr("&New password:"), self)
        first_label.setBuddy(self.first)
        second_label = QLabel(self.tr("&Again:"), self)
        second_label.setBuddy(self.second)
        form.addRow(first_label, self.first)
        form.addRow(second_label, self.second)
        layout.addLayout(form)
        self.hint = sentence(self, self.tr("What the password still needs"))
        layout.addWidget(self.hint)
        self.change_button = self.button(self.tr("&Change password"), self.tr("Change the off-site password"), self.change)
        self.add_buttons(layout, self.change_button)
        self.result = sentence(self, self.tr("Result"))
        layout.addWidget(self.result)
        self.save_button = self.button(self.tr("&Save new recovery sheet…"),
                                       self.tr("Save the new recovery sheet as a PDF"), self.save_sheet)
        self.print_button = self.button(self.tr("&Print new recovery sheet…"), self.tr("Print the new recovery sheet"),
                                        self.print_sheet)
        self.add_buttons(layout, self.save_button, self.print_button)
        self.sheet_result = sentence(self, self.tr("Saving or printing the recovery sheet"))
        layout.addWidget(self.sheet_result)
        self.stored = QCheckBox(self.tr("I have stored the new recovery sheet in a safe place and destroyed the "
                                        "&old one"), self)
        self.stored.setAccessibleName(self.tr("I have stored the new recovery sheet in a safe place"))
        self.stored.toggled.connect(self._stored_toggled)
        layout.addWidget(self.stored)
        layout.addStretch(1)
        self.add_close(layout)
        self.show_result("")
        self.resize(600, 0)
        self.enable()

    # -- the change -------------------------------------------------------------------------------
    def problem(self) -> str:
        """What keeps the Change button disabled, in one sentence ("" when nothing)."""
        first, second = self.first.text(), self.second.text()
        if len(first) < MIN:
            return self.tr("Use at least {0} characters ({1} so far).").format(MIN, len(first))
        if first != second:
            return self.tr("Type the same password in both fields.")
        return ""

    def change(self) -> None:
        if self.busy or self.changed_ok or self.problem():
            return
        config, password, secrets, where, now = self.config, self.first.text(), self.secrets, self.where, self.clock.now()
        self.show_result(self.tr("Changing the password … this takes a moment."))

        def done(sheet) -> None:
            from tsbackup_gui.render.recovery_sheet import render_html

            self.changed_ok = True
            self.sheet = sheet
            self.html = render_html(sheet, self.say)
            self.first.clear()
            self.second.clear()
            self.show_result(self.tr("The off-site password was changed. Save or print the new recovery sheet now, "
                                     "store it safely and destroy the old one."), "ok")
            self.changed.emit()
            self.enable()

        self.run(lambda: change_and_gather(config, password, secrets, where, now), done, long=True)

    # -- the new sheet ----------------------------------------------------------------------------
    def save_sheet(self) -> None:
        if self.sheet is None or self.busy:
            return
        name = self.tr("Recovery sheet {0}.pdf").format(self.sheet.computer)
        chosen = self.choose_save_file(self, self.tr("Save the recovery sheet"), str(Path.home() / name),
                                       self.tr("PDF files (*.pdf)"))
        if not chosen:
            return
        path = sheet_output.pdf_path(chosen)
        sheet, translator, config = self.sheet, self.say, self.config

        def done(written: Path) -> None:
            from tsbackup_gui.app.recovery_sheet import written_messages

            self.sheet_written = written
            self.sheet_result.setText(self.say(written_messages(config, sheet, written, confirming=True)[0]))
            self.enable()

        self.run(lambda: sheet_output.write_pdf(sheet, path, translator), done, self._sheet_failed)

    def print_sheet(self) -> None:
        if self.sheet is None or self.busy:
            return
        printer = sheet_output.new_printer(self.tr("Recovery sheet {0}").format(self.sheet.computer))
        if not self.print_dialog(self, printer):
            return
        sheet_output.print_html(self.html, printer)
        self.sheet_result.setText(self.tr("The recovery sheet was sent to the printer."))

    def _sheet_failed(self, exc: BaseException) -> None:
        self.sheet_result.setText(self.error_text(exc))

    def _stored_toggled(self, on: bool) -> None:
        if not on or self.busy:
            return
        from tsbackup_gui.app.recovery_sheet import confirm_stored

        config, clock, where = self.config, self.clock, self.where

        def done(message) -> None:
            self.sheet_result.setText(self.say(message))
            self.changed.emit()

        self.run(lambda: confirm_stored(config, clock=clock, where=where), done, self._sheet_failed)

    def enable(self) -> None:
        if not hasattr(self, "stored"):
            return
        idle = not self.busy
        problem = self.problem()
        self.hint.setText("" if self.changed_ok else problem)
        self.change_button.setEnabled(idle and not self.changed_ok and not problem)
        for field in (self.first, self.second):
            field.setEnabled(idle and not self.changed_ok)
        for button in (self.save_button, self.print_button):
            button.setVisible(self.changed_ok)
            button.setEnabled(idle and self.sheet is not None)
        self.sheet_result.setVisible(self.changed_ok)
        self.stored.setVisible(self.changed_ok)
        self.stored.setEnabled(idle and not self.stored.isChecked())
