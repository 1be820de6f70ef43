"""Page 6: the recovery sheet — shown, "Save…" as a PDF, "Print…"; Next only once the person
ticks that it is stored in a safe place, which is recorded (the status stops warning).

The sheet is gathered from the saved setup and the keyring on a worker; the
PDF is written on a worker too; printing goes through Qt's print dialog.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QPushButton, QTextBrowser, QVBoxLayout, QWizardPage

from tsbackup_gui.ui import sheet_output
from tsbackup_gui.ui.wizard.common import Gate, error_message, sentence_label, show


def gather_sheet(config, now):
    return sheet_output.gather(config, now)


def write_pdf(sheet, path: Path, translator) -> Path:
    return sheet_output.write_pdf(sheet, path, translator)


def record_confirmation(config, clock, where):
    from tsbackup_gui.app.recovery_sheet import confirm_stored

    return confirm_stored(config, clock=clock, where=where)


class SheetPage(QWizardPage):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setTitle(self.tr("Recovery sheet"))
        self.setSubTitle(self.tr(
            "One page that gets the data back when this computer is gone. Print it and keep it locked away."))
        self.sheet = None
        self.html = ""
        self.busy = False
        self.gate: Gate | None = None
        layout = QVBoxLayout(self)
        self.saved_notes = sentence_label(self, self.tr("What the setup did"))
        layout.addWidget(self.saved_notes)
        self.preview = QTextBrowser(self)
        self.preview.setAccessibleName(self.tr("The recovery sheet"))
        self.preview.setMinimumHeight(180)
        layout.addWidget(self.preview, 1)
        row = QHBoxLayout()
        self.save_button = QPushButton(self.tr("&Save…"), self)
        self.save_button.setAccessibleName(self.tr("Save the recovery sheet as a PDF"))
        self.save_button.clicked.connect(self.save_pdf)
        self.print_button = QPushButton(self.tr("&Print…"), self)
        self.print_button.setAccessibleName(self.tr("Print the recovery sheet"))
        self.print_button.clicked.connect(self.print_sheet)
        row.addWidget(self.save_button)
        row.addWidget(self.print_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.result = sentence_label(self, self.tr("Saving or printing"))
        layout.addWidget(self.result)
        self.stored = QCheckBox(self.tr("&I have stored the recovery sheet in a safe place"), self)
        self.stored.setAccessibleName(self.tr("I have stored the recovery sheet in a safe place"))
        self.stored.toggled.connect(lambda _on: self.completeChanged.emit())
        layout.addWidget(self.stored)
        show(self.result, "")
        show(self.saved_notes, "")

    def initializePage(self) -> None:
        wizard = self.wizard()
        state = wizard.state
        if self.gate is None:
            self.gate = Gate(wizard.jobs, wizard.next, self.completeChanged.emit)
        result = state.result
        if result is not None:
            lines = [wizard.say(m) for m in [*result.warnings, *result.notes]]
            show(self.saved_notes, "\n".join(lines), "warn" if result.warnings else None)
        self.stored.setChecked(bool(state.config is not None and state.config.recovery_sheet_confirmed))
        self._set_busy(True)
        self.preview.setPlainText(self.tr("Preparing the recovery sheet …"))
        config, now = state.config, wizard.env.clock.now()
        wizard.jobs.run(lambda progress: gather_sheet(config, now), self._gathered, self._failed)

    def _gathered(self, sheet) -> None:
        from tsbackup_gui.render.recovery_sheet import render_html

        self.sheet = sheet
        self.html = render_html(sheet, self.wizard().translator)
        self._set_busy(False)
        self.preview.setHtml(self.html)

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        message = error_message(exc)
        show(self.result, self.wizard().say(message) if message is not None else self.tr(
            "This went wrong because of an unexpected error ({0}).").format(type(exc).__name__), "error")

    # -- save and print ---------------------------------------------------------------------------
    def save_pdf(self) -> None:
        if self.sheet is None or self.busy:
            return
        wizard = self.wizard()
        name = self.tr("Recovery sheet {0}.pdf").format(self.sheet.computer)
        start = str(Path.home() / name)
        chosen = wizard.env.choose_save_file(self, self.tr("Save the recovery sheet"), start, self.tr("PDF files (*.pdf)"))
        if not chosen:
            return
        path = sheet_output.pdf_path(chosen)
        sheet, translator, config = self.sheet, wizard.translator, wizard.state.config
        self._set_busy(True)

        def done(written: Path) -> None:
            from tsbackup_gui.app.recovery_sheet import written_messages

            self._set_busy(False)
            first = written_messages(config, sheet, written, confirming=True)[0]
            show(self.result, wizard.say(first), "ok")

        wizard.jobs.run(lambda progress: write_pdf(sheet, path, translator), done, self._failed)

    def print_sheet(self) -> None:
        if self.sheet is None or self.busy:
            return
        printer = sheet_output.new_printer(self.tr("Recovery sheet {0}").format(self.sheet.computer))
        if not self.wizard().env.print_dialog(self, printer):
            return
        sheet_output.print_html(self.html, printer)
        show(self.result, self.tr("The recovery sheet was sent to the printer."), "ok")

    # -- the gate ----------------------------------------------------------------------------------
    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.save_button.setEnabled(not busy and self.sheet is not None)
        self.print_button.setEnabled(not busy and self.sheet is not None)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        if self.busy or self.sheet is None or (self.gate is not None and self.gate.running):
            return False
        return self.stored.isChecked()

    def validatePage(self) -> bool:
        wizard = self.wizard()
        config = wizard.state.config
        if config.recovery_sheet_confirmed:
            return True
        clock, where = wizard.env.clock, wizard.env.where
        return self.gate.check("confirm", lambda: record_confirmation(config, clock, where), self._confirmed, self._failed)

    def _confirmed(self, message) -> None:
        show(self.result, self.wizard().say(message), "ok")
