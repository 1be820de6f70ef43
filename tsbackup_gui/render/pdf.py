"""A small PDF writer: an HTML page laid out by QTextDocument and printed by QPdfWriter.

Works in the CLI, on a server without a display and in the GUI alike: a
`QGuiApplication` is created on demand when none exists (fonts and layout
need one), on the ``offscreen`` platform when there is no display to talk
to. The file is written next to its final name and renamed into place, so
a report is either complete or absent, never half a PDF.
"""

from __future__ import annotations

import html
import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF
from PySide6.QtGui import QFont, QGuiApplication, QPageLayout, QPageSize, QPdfWriter, QTextDocument

_APP: QGuiApplication | None = None  # kept alive for the process once we made it

RESOLUTION = 300  # dots per inch of the PDF's layout
MARGIN_MM = 18.0


def ensure_gui_application() -> QCoreApplication:
    """The running application, or a new QGuiApplication (offscreen when there is no display)."""
    global _APP
    app = QCoreApplication.instance()
    if app is not None:
        return app
    if _no_display():
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _APP = QGuiApplication([sys.argv[0] if sys.argv and sys.argv[0] else "tsbackup"])
    return _APP


def _no_display() -> bool:
    if sys.platform in ("win32", "darwin"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _plain_font() -> QFont:
    """The default font without ligatures: with them "file" is stored as "ﬁle", and a PDF an
    auditor searches or copies from must say what it shows."""
    font = QFont("DejaVu Sans")
    font.setStyleHint(QFont.StyleHint.SansSerif)
    font.setPointSizeF(10)
    if hasattr(font, "setFeature"):  # Qt 6.7+
        for tag in ("liga", "clig", "dlig"):
            font.setFeature(QFont.Tag(tag), 0)
    return font


def escape(text: object) -> str:
    """Text for the HTML of a page: every value that came from outside goes through this."""
    return html.escape(str(text), quote=True)


def _writer(target) -> QPdfWriter:
    writer = QPdfWriter(target)
    writer.setResolution(RESOLUTION)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
                                     QPageLayout.Unit.Millimeter))
    return writer


def _document(body_html: str, title: str = "") -> QTextDocument:
    document = QTextDocument()
    document.setDocumentMargin(0)
    document.setDefaultFont(_plain_font())
    document.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, title)
    document.setHtml(body_html)
    return document


def page_count(body_html: str) -> int:
    """How many A4 pages `write_pdf` prints this HTML on: printed the same way into memory, and the
    PDF's page objects counted."""
    import re

    from PySide6.QtCore import QBuffer

    ensure_gui_application()
    buffer = QBuffer()
    buffer.open(QBuffer.OpenModeFlag.WriteOnly)
    writer = _writer(buffer)
    _document(body_html).print_(writer)
    del writer  # flushes the PDF into the buffer
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", bytes(buffer.data())))


def write_pdf(body_html: str, path: Path, *, title: str = "", author: str = "tsbackup") -> Path:
    """Lays out `body_html` (Qt's rich-text subset of HTML 4) on A4 pages and writes the PDF to `path`."""
    ensure_gui_application()
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=".pdf.tmp", dir=path.parent)
    os.close(fd)
    try:
        writer = _writer(tmp)
        writer.setTitle(title)
        writer.setCreator(author)
        document = _document(body_html, title)
        document.print_(writer)
        del writer  # flushes and closes the file
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path
