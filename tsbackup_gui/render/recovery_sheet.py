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
from tsbackup_gui.render.pdf import escape, page_count, write_pdf
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
T_ONE_LINE = QT_TRANSLATE_NOOP("RecoverySheet", "Type each command as one line: an indented line continues the line above it.")
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

def _style(scale: float) -> str:
    return f"""
<style>
h1 {{ font-size: {15 * scale:.2f}pt; margin-bottom: {0 * scale:.2f}pt; }}
h2 {{ font-size: {11.5 * scale:.2f}pt; margin-top: {8 * scale:.2f}pt; margin-bottom: {2 * scale:.2f}pt; }}
p {{ margin-top: {2 * scale:.2f}pt; margin-bottom: {2 * scale:.2f}pt; }}
td {{ padding: {1 * scale:.2f}pt {6 * scale:.2f}pt {1 * scale:.2f}pt 0; vertical-align: top; }}
.label {{ color: #444444; }}
.warning {{ color: #b00020; font-weight: bold; }}
.note {{ font-size: {9 * scale:.2f}pt; }}
.code {{ font-family: 'DejaVu Sans Mono', monospace; font-size: {9 * scale:.2f}pt; }}
.secret {{ font-family: 'DejaVu Sans Mono', monospace; font-size: {12 * scale:.2f}pt; font-weight: bold; }}
</style>
"""
SCALES = (1.0, 0.95, 0.9, 0.85, 0.8)  # type sizes tried, largest first, to keep the sheet on one page
WORD_JOINER = "\u2060"  # no line break here; drawn as nothing and left out of the PDF's text
COMMAND_POINTS = 9.0  # the size of a command's monospaced letters, shrunk when one word needs more room
LINE_CHARACTERS = 82  # monospaced letters of 9 pt that fit on one line of the sheet (A4, its margins, the indent)
SMALLEST_POINTS = 5.5  # smaller than this nobody reads a command off paper
CONTINUED = "    "  # a continued command line starts with this, as the sheet's hint explains


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


def render_html(sheet: RecoverySheet, translator: Translator, *, scale: float = 1.0) -> str:
    """The sheet as Qt rich-text HTML (apart from the PDF so a window could show it too); `scale`
    sets every type size smaller or larger together."""
    w = _Words(translator)
    parts = [f"<html><head>{_style(scale)}</head><body style='font-size: {9.5 * scale:.2f}pt'>"]
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
        if sheet.wizard_how is not None:  # the assistant first: no terminal needed
            parts.append(f"<p>{escape(w.message(sheet.wizard_how))}</p>")
        how = [w.message(sheet.new_computer_how)] if sheet.new_computer_how is not None else []
        commands = [sheet.new_computer_command, sheet.list_command or "", sheet.restore_command or ""]
        if any(len(command_lines(command)) > 1 for command in commands):
            how.append(w(T_ONE_LINE))
        if how:
            parts.append(f"<p class='note'>{escape(' '.join(how))}</p>")
        parts.append(_command(sheet.new_computer_command, scale))
    if sheet.list_command and sheet.restore_command:
        parts.append(f"<h2>{escape(w(T_RESTIC))}</h2>")
        if sheet.restic_how is not None:
            parts.append(f"<p class='note'>{escape(w.message(sheet.restic_how))}</p>")
        parts.append(_command(sheet.list_command, scale))
        parts.append(_command(sheet.restore_command, scale))

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


def _command(command: str, scale: float = 1.0) -> str:
    """A command laid out by hand, never by the page: lines break only between arguments (an option stays
    with its value), a continued line is indented, and a command with a word too long for one line is
    set smaller rather than split inside a path or a quoted string."""
    lines = command_lines(command)
    longest = max(len(line) for line in lines)
    size = COMMAND_POINTS * min(1.0, LINE_CHARACTERS / longest)
    if size < SMALLEST_POINTS:  # even small letters cannot hold it: break the word rather than lose its end
        size, fits = SMALLEST_POINTS, int(LINE_CHARACTERS * COMMAND_POINTS / SMALLEST_POINTS)
        lines = [piece for line in lines for piece in _pieces(line, fits)]
    body = "<br/>".join(escape(line).replace(" ", "&nbsp;") for line in lines)
    return (f"<p class='code' style='margin-left: 12pt; white-space: nowrap; font-size: {size * scale:.2f}pt'>"
            f"{body}</p>")


def _pieces(line: str, width: int) -> list[str]:
    pieces = [line[:width]]
    pieces.extend(CONTINUED + line[start:start + width - len(CONTINUED)]
                  for start in range(width, len(line), width - len(CONTINUED)))
    return pieces


def command_lines(command: str, width: int = LINE_CHARACTERS) -> list[str]:
    """The command's lines as printed: the arguments packed into lines of at most `width` characters,
    every line after the first indented by `CONTINUED`; a unit longer than that stands on its own line."""
    lines: list[str] = []
    for unit in _units(command):
        if lines and len(lines[-1]) + 1 + len(unit) <= width:
            lines[-1] += " " + unit
        else:
            lines.append(unit if not lines else CONTINUED + unit)
    return lines or [""]


def _units(command: str) -> list[str]:
    """The command's words (a double-quoted string is one word), an option joined to the value after it."""
    words: list[str] = []
    current, quoted, escaped = "", False, False
    for char in command:
        if escaped:
            current, escaped = current + char, False
        elif char == "\\" and quoted:
            current, escaped = current + char, True
        elif char == '"':
            current, quoted = current + char, not quoted
        elif char == " " and not quoted:
            if current:
                words.append(current)
            current = ""
        else:
            current += char
    if current:
        words.append(current)
    units: list[str] = []
    for word in words:
        if units and units[-1].startswith("-") and " " not in units[-1] and not word.startswith("-"):
            units[-1] += " " + word
        else:
            units.append(word)
    return units


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
    return write_pdf(render_html(sheet, translator, scale=one_page_scale(sheet, translator)), Path(path), title=title)


def one_page_scale(sheet: RecoverySheet, translator: Translator) -> float:
    """The largest type size (1.0 = as designed, down to 80 %) at which the sheet fits on one page:
    long paths and the German words make it longer, and a page that spills over gets separated."""
    for scale in SCALES:
        if page_count(render_html(sheet, translator, scale=scale)) <= 1:
            return scale
    return SCALES[-1]
