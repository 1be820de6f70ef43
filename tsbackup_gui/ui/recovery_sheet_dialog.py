"""Print recovery sheet…: the sheet shown, saved as a PDF or printed, and "I have stored it" recorded.

The status window's "More" menu, its reminder row and the tray's entry open
it, so a sheet skipped in the wizard (or lost) can always be printed again
from the app. Gathering (keyring), writing and the confirmation are
`app.recovery_sheet`'s use cases, run on a worker.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from tsbackup_gui.core.clock import Clock
from tsbackup_gui.core.places import Places
from tsbackup_gui.ui import sheet_output
from tsbackup_gui.ui.housekeeping_common import (
    ChooseSaveFile, SheetDialog, sentence,
)


class RecoverySheetDialog(SheetDialog):
    def __init__(self, config, *, language: str = "en", clock: Clock | None = None, where: Places | None = None,
                 parent: QWidget | None = None, secrets=None, choose_save_file: ChooseSaveFile | None = None,
                 print_dialog: Callable[[QWidget, object], bool] | None = None):
        super().__init__(config, language=language, clock=clock, where=where, parent=parent, secrets=secrets,
                         choose_save_file=choose_save_file, print_dialog=print_dialog)
        self.written: Path | None = None
        self.confirmed = False
        self.setWindowTitle(self.tr("Recovery sheet"))
        layout = QVBoxLayout(self)
        layout.addWidget(sentence(self, self.tr("What the recovery sheet is for"), self.tr(
            "One page that gets the data back when this computer is gone. Print it, keep it locked away from this "
            "computer and the backup drive, then confirm that it is stored.")))
        self.preview = QTextBrowser(self)
        self.preview.setAccessibleName(self.tr("The recovery sheet"))
        self.preview.setMinimumHeight(260)
        layout.addWidget(self.preview, 1)
        self.save_button = self.button(self.tr("&Save as PDF…"), self.tr("Save the recovery sheet as a PDF"),
                                       self.save_sheet)
        self.print_button = self.button(self.tr("&Print…"), self.tr("Print the recovery sheet"), self.print_sheet)
        self.stored_button = self.button(self.tr("I have s&tored it in a safe place"),
                                         self.tr("I have stored the recovery sheet in a safe place"), self.confirm)
        self.add_buttons(layout, self.save_button, self.print_button, self.stored_button)
        self.result = sentence(self, self.tr("Saving, printing or confirming the recovery sheet"))
        layout.addWidget(self.result)
        self.add_close(layout)
        self.show_result("")
        self.resize(720, 620)
        self.enable()

    def load(self) -> None:
        """Gathers the sheet (the keyring) on a worker; the preview shows it when it is there."""
        config, secrets, now = self.config, self.secrets, self.clock.now()
        self.preview.setPlainText(self.tr("Preparing the recovery sheet …"))

        def done(sheet) -> None:
            from tsbackup_gui.render.recovery_sheet import render_html

            self.sheet = sheet
            self.html = render_html(sheet, self.say)
            self.preview.setHtml(self.html)
            self.enable()

        def failed(exc: BaseException) -> None:
            self.preview.setPlainText("")
            self.show_error(exc)

        self.run(lambda: sheet_output.gather(config, now, secrets), done, failed)

    def save_sheet(self) -> None:
        if self.sheet is None or self.busy:
            return
        name = self.tr("Recovery sheet {0}.pdf").format(self.sheet.computer)
        chosen = self.choose_save_file(self, self.tr("Save the recovery sheet"), str(Path.home() / name),
                                       self.tr("PDF files (*.pdf)"))
        if not chosen:
            return
        path, sheet, translator, config = sheet_output.pdf_path(chosen), self.sheet, self.say, self.config

        def done(written: Path) -> None:
            from tsbackup_gui.app.recovery_sheet import written_messages

            self.written = written
            self.show_result(self.say(written_messages(config, sheet, written, confirming=True)[0]), "ok")

        self.run(lambda: sheet_output.write_pdf(sheet, path, translator), done)

    def print_sheet(self) -> None:
        if self.sheet is None or self.busy:
            return
        printer = sheet_output.new_printer(self.tr("Recovery sheet {0}").format(self.sheet.computer))
        if not self.print_dialog(self, printer):
            return
        sheet_output.print_html(self.html, printer)
        self.show_result(self.tr("The recovery sheet was sent to the printer."), "ok")

    def confirm(self) -> None:
        """"I have stored it in a safe place": recorded today; the status stops warning."""
        if self.busy or self.confirmed:
            return
        from tsbackup_gui.app.recovery_sheet import confirm_stored

        config, clock, where = self.config, self.clock, self.where

        def done(message) -> None:
            self.confirmed = True
            self.show_result(self.say(message), "ok")
            self.changed.emit()
            self.enable()

        self.run(lambda: confirm_stored(config, clock=clock, where=where), done)

    def enable(self) -> None:
        if not hasattr(self, "stored_button"):
            return
        idle = not self.busy
        for button in (self.save_button, self.print_button):
            button.setEnabled(idle and self.sheet is not None)
        self.stored_button.setEnabled(idle and not self.confirmed)
