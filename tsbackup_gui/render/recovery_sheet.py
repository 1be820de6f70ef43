"""The recovery sheet (PDF): one printed page that gets the firm's data back when this computer is gone.

It is written for a stranger with nothing but the page: where the data
lived, where the backups are, the off-site repository with its password (the
only place the password is ever shown), the commands that restore it with
this program or with restic alone, and blank lines for the IT partner's
contact to be filled in by hand. Secrets and commands are set in a
monospaced font, so 0/O and 1/l/I can be told apart when typing them.

The sheet's own words are marked for lupdate in the context "RecoverySheet";
its sentences are `core.recovery` message objects translated by the same
`Translator`.
"""

from __future__ import annotations

from pathlib import Path

from tsbackup_gui.core.messages import QT_TRANSLATE_NOOP, Message, fill
from tsbackup_gui.core.check.recovery_sheet import RecoverySheet
from tsbackup_gui.render.pdf import escape, write_pdf
from tsbackup_gui.render.translate import Translator

CONTEXT = "RecoverySheet"

T_TITLE = QT_TRANSLATE_NOOP("RecoverySheet", "Recovery sheet")
T_SUBTITLE = QT_TRANSLATE_NOOP("RecoverySheet", "{computer}, created on {date}")
T_INTRO = QT_TRANSLATE_NOOP("RecoverySheet", "How to get the timeSensor LEGAL data back when this computer is gone.")
T_THIS_COMPUTER = QT_TRANSLATE_NOOP("RecoverySheet", "This computer")
T_COMPUTER = QT_TRANSLATE_NOOP("RecoverySheet", "Computer")
T_DATA_FOLDER = QT_TRANSLATE_NOOP("RecoverySheet", "Data folder")
T_MODE = QT_TRANSLATE_NOOP("RecoverySheet", "Kind of installation")
T_MODE_SINGLE = QT_TRANSLATE_NOOP("RecoverySheet", "single-user")
T_MODE_SERVER = QT_TRANSLATE_NOOP("RecoverySheet", "server (4D Server)")
T_PRIMARY_FOLDER = QT_TRANSLATE_NOOP("RecoverySheet", "Backups on the backup drive")
T_OFFSITE = QT_TRANSLATE_NOOP("RecoverySheet", "Off-site backup")
T_KIND = QT_TRANSLATE_NOOP("RecoverySheet", "Kind")
T_KIND_FOLDER = QT_TRANSLATE_NOOP("RecoverySheet", "a folder (network share or drive)")
T_KIND_SFTP = QT_TRANSLATE_NOOP("RecoverySheet", "an SFTP server")
T_KIND_S3 = QT_TRANSLATE_NOOP("RecoverySheet", "S3-compatible cloud storage")
T_KIND_REST = QT_TRANSLATE_NOOP("RecoverySheet", "a restic REST server")
T_KIND_EXTERNAL = QT_TRANSLATE_NOOP("RecoverySheet", "made outside this program")
T_KIND_OTHER = QT_TRANSLATE_NOOP("RecoverySheet", "a restic repository")
T_REPOSITORY = QT_TRANSLATE_NOOP("RecoverySheet", "Off-site repository")
T_PASSWORD = QT_TRANSLATE_NOOP("RecoverySheet", "Password")
T_ACCESS_KEY = QT_TRANSLATE_NOOP("RecoverySheet", "S3 access key ID")
T_SECRET_KEY = QT_TRANSLATE_NOOP("RecoverySheet", "S3 secret access key")
T_NEW_COMPUTER = QT_TRANSLATE_NOOP("RecoverySheet", "Restore on a new computer")
T_RESTIC = QT_TRANSLATE_NOOP("RecoverySheet", "Restore with restic alone")
T_CONTACT = QT_TRANSLATE_NOOP("RecoverySheet", "IT partner")
T_NAME = QT_TRANSLATE_NOOP("RecoverySheet", "Name and company")
T_PHONE = QT_TRANSLATE_NOOP("RecoverySheet", "Phone")
T_EMAIL = QT_TRANSLATE_NOOP("RecoverySheet", "E-mail")
T_KEPT = QT_TRANSLATE_NOOP("RecoverySheet", "Where this sheet is kept")
T_STORED_BY = QT_TRANSLATE_NOOP("RecoverySheet", "Stored by (name, date)")

_KINDS = {"folder": T_KIND_FOLDER, "sftp": T_KIND_SFTP, "s3": T_KIND_S3, "rest": T_KIND_REST,
          "external": T_KIND_EXTERNAL}
T_REST_USER = QT_TRANSLATE_NOOP("RecoverySheet", "REST server user name")
T_REST_PASSWORD = QT_TRANSLATE_NOOP("RecoverySheet", "REST server password")
_CREDENTIALS = {"repo-password": T_PASSWORD, "aws-access-key-id": T_ACCESS_KEY, "aws-secret-access-key": T_SECRET_KEY,
                "rest-username": T_REST_USER, "rest-password": T_REST_PASSWORD}
_BLANK = "_" * 44
_ROOM = "padding-top: 4px"  # room to write above each blank line

_STYLE = """
<style>
h1 { font-size: 15pt; margin-bottom: 0pt; }
h2 { font-size: 11.5pt; margin-top: 10pt; margin-bottom: 3pt; }
p { margin-top: 3pt; margin-bottom: 3pt; }
td { padding: 1pt 6pt 1pt 0; vertical-align: top; }
.label { color: #444444; }
.warning { color: #b00020; font-weight: bold; }
.note { font-size: 9pt; }
.code { font-family: 'DejaVu Sans Mono', monospace; font-size: 9pt; }
.secret { font-family: 'DejaVu Sans Mono', monospace; font-size: 12pt; font-weight: bold; }
</style>
"""
WORD_JOINER = "\u2060"  # no line break here; drawn as nothing and left out of the PDF's text


class _Words:
    def __init__(self, translator: Translator):
        self.translator = translator
        self.german = translator.language == "de"

    def __call__(self, label: str, **params) -> str:
        text = self.translator.text(CONTEXT, label)
        return fill(text, params) if params else text

    def message(self, message: Message) -> str:
        return self.translator(message)

    def day(self, sheet: RecoverySheet) -> str:
        return sheet.created.strftime("%d.%m.%Y") if self.german else sheet.created.strftime("%Y-%m-%d")


def render_html(sheet: RecoverySheet, translator: Translator) -> str:
    """The sheet as Qt rich-text HTML (apart from the PDF so a window could show it too)."""
    w = _Words(translator)
    parts = [f"<html><head>{_STYLE}</head><body style='font-size: 9.5pt'>"]
    parts.append(f"<h1>{escape(w(T_TITLE))}</h1>")
    parts.append(f"<p>{escape(w(T_SUBTITLE, computer=sheet.computer, date=w.day(sheet)))}. {escape(w(T_INTRO))}</p>")
    parts.append(f"<p class='warning'>{escape(w.message(sheet.warning))}</p>")

    mode = {"single": w(T_MODE_SINGLE), "server": w(T_MODE_SERVER)}.get(sheet.mode, sheet.mode)
    parts.append(_table(w(T_THIS_COMPUTER), [
        (w(T_COMPUTER), escape(sheet.computer)),
        (w(T_DATA_FOLDER), escape(sheet.source)),
        (w(T_MODE), escape(mode)),
        (w(T_PRIMARY_FOLDER), escape(sheet.primary_folder)),
    ]))
    if sheet.primary_how is not None:
        parts.append(f"<p class='note'>{escape(w.message(sheet.primary_how))}</p>")

    rows: list[tuple[str, str]] = []
    if sheet.kind is not None:
        rows.append((w(T_KIND), escape(w(_KINDS.get(sheet.kind, T_KIND_OTHER)))))
    if sheet.repo is not None:
        rows.append((w(T_REPOSITORY), f"<span class='code'>{_code(sheet.repo)}</span>"))
    parts.append(_table(w(T_OFFSITE), rows))
    for credential in sheet.credentials:
        label = w(_CREDENTIALS[credential.name]) if credential.name in _CREDENTIALS else credential.name
        if credential.name != "repo-password":
            label = f"{label} ({credential.variable})"
        parts.append(f"<p class='label'>{escape(label)}</p><p class='secret' style='margin-left: 12pt'>"
                     f"{_secret(credential.value)}</p>")
    parts.extend(f"<p class='note'>{escape(w.message(note))}</p>" for note in sheet.notes)

    if sheet.new_computer_command:
        parts.append(f"<h2>{escape(w(T_NEW_COMPUTER))}</h2>")
        if sheet.new_computer_how is not None:
            parts.append(f"<p class='note'>{escape(w.message(sheet.new_computer_how))}</p>")
        parts.append(_command(sheet.new_computer_command))
    if sheet.list_command and sheet.restore_command:
        parts.append(f"<h2>{escape(w(T_RESTIC))}</h2>")
        if sheet.restic_how is not None:
            parts.append(f"<p class='note'>{escape(w.message(sheet.restic_how))}</p>")
        parts.append(_command(sheet.list_command))
        parts.append(_command(sheet.restore_command))

    parts.append(_blanks(w(T_CONTACT), [[w(T_NAME)], [w(T_PHONE), w(T_EMAIL)], [w(T_KEPT)], [w(T_STORED_BY)]]))
    parts.append("</body></html>")
    return "".join(parts)


def _table(title: str, rows: list[tuple[str, str]]) -> str:
    """Rows of (label, value already escaped as HTML)."""
    body = "".join(f"<tr><td class='label' width='35%'>{escape(label)}</td><td>{value}</td></tr>"
                   for label, value in rows)
    return f"<h2>{escape(title)}</h2><table width='100%'>{body}</table>"


def _blanks(title: str, rows: list[list[str]]) -> str:
    """Labels with lines to fill in by hand; a row of two shares the width."""
    body = []
    for labels in rows:
        if len(labels) == 1:
            body.append(f"<tr><td class='label' width='35%' style='{_ROOM}'>{escape(labels[0])}</td>"
                        f"<td colspan='3' style='{_ROOM}'>{_BLANK}</td></tr>")
        else:
            half = _BLANK[:len(_BLANK) // 2 - 6]
            cells = (f"<td class='label' style='{_ROOM}'>{escape(label)}</td><td style='{_ROOM}'>{half}</td>"
                     for label in labels)
            body.append(f"<tr>{''.join(cells)}</tr>")
    return f"<h2>{escape(title)}</h2><table width='100%'>{''.join(body)}</table>"


def _command(command: str) -> str:
    return f"<p class='code' style='margin-left: 12pt'>{_code(command)}</p>"


def _code(text: str) -> str:
    """A path or command: it may wrap at spaces and after slashes, never after a hyphen, where a reader
    could not tell "offsite-repo" or "--host" from a word the line break split."""
    return escape(text).replace("-", "-" + WORD_JOINER)


def _secret(text: str) -> str:
    """A password or key: no line break inside it at all, unless it is wider than the page."""
    return WORD_JOINER.join(escape(char) for char in text)


def write_sheet(sheet: RecoverySheet, path: Path, translator: Translator | None = None) -> Path:
    """Writes the sheet to `path` (a PDF, replaced whole or not at all), in the translator's language."""
    translator = translator or Translator()
    words = _Words(translator)
    title = f"{words(T_TITLE)} – {sheet.computer}"
    return write_pdf(render_html(sheet, translator), Path(path), title=title)
