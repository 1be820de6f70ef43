"""What every screen that shows the recovery sheet does with it: gather it, write its PDF, print it.

The wizard's sheet page, the status window's "Print recovery sheet…" and the
new sheet after a password change share these; the use cases are
`app.recovery_sheet`'s, the drawing is `render.recovery_sheet`'s. No words
here: each screen says its own (see `ui.wizard.common` on ``self.tr``).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path


def gather(config, now: datetime, secrets=None):
    """The sheet and its HTML preview are made on a worker: the keyring may take a moment."""
    from tsbackup_gui.app.recovery_sheet import gather_sheet

    return gather_sheet(config, now=now, secrets=secrets)


def write_pdf(sheet, path: Path, translator) -> Path:
    from tsbackup_gui.app.recovery_sheet import write_sheet_pdf
    from tsbackup_gui.render.recovery_sheet import write_sheet

    return write_sheet_pdf(sheet, path, lambda sheet, path: write_sheet(sheet, path, translator))


def pdf_path(chosen: str) -> Path:
    """The file the person chose, with ``.pdf`` added when they left it off."""
    path = Path(chosen)
    return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")


def print_html(html: str, printer) -> None:
    from PySide6.QtGui import QTextDocument

    document = QTextDocument()
    document.setHtml(html)
    document.print_(printer)


def new_printer(doc_name: str):
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(doc_name)
    return printer
