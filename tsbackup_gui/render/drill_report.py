"""The dated restore drill report (PDF): the evidence an auditor or an insurer asks for.

It says what was restored (repository, snapshot, the backup generation it
holds), when and on which computer, how long it took and how fast, which
files were compared with the manifest and how many, and the result — in
the user's language. The report's own words are marked for lupdate in the
context "DrillReport"; sentences from core (the result, mismatch problems,
verdicts) are message objects translated by the same `Translator`.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QLocale

from tsbackup_gui import __version__
from tsbackup_gui.core.check.drill import DrillResult
from tsbackup_gui.core.primary.rows import VERDICTS
from tsbackup_gui.core.messages import QT_TRANSLATE_NOOP, fill
from tsbackup_gui.render.pdf import escape, write_pdf
from tsbackup_gui.render.translate import Translator

CONTEXT = "DrillReport"
#: Files listed one by one; a bigger installation gets the count and the first ones.
MAX_LISTED = 2000

T_TITLE = QT_TRANSLATE_NOOP("DrillReport", "Restore drill report")
T_SUBTITLE = QT_TRANSLATE_NOOP("DrillReport", "{computer}, {date}")
T_RESULT = QT_TRANSLATE_NOOP("DrillReport", "Result")
T_PASSED = QT_TRANSLATE_NOOP("DrillReport", "Passed: every restored file matches the manifest of the backup.")
T_FAILED = QT_TRANSLATE_NOOP("DrillReport", "Failed: {count} restored items do not match the manifest of the backup.")
T_WHAT = QT_TRANSLATE_NOOP("DrillReport", "What was restored")
T_REPOSITORY = QT_TRANSLATE_NOOP("DrillReport", "Off-site repository")
T_SNAPSHOT = QT_TRANSLATE_NOOP("DrillReport", "Snapshot")
T_SNAPSHOT_TIME = QT_TRANSLATE_NOOP("DrillReport", "Snapshot taken")
T_GENERATION = QT_TRANSLATE_NOOP("DrillReport", "Backup generation")
T_BACKUP_TIME = QT_TRANSLATE_NOOP("DrillReport", "Backup finished")
T_VERDICT = QT_TRANSLATE_NOOP("DrillReport", "State of the backed-up data")
T_DRILL = QT_TRANSLATE_NOOP("DrillReport", "The drill")
T_STARTED = QT_TRANSLATE_NOOP("DrillReport", "Started")
T_ENDED = QT_TRANSLATE_NOOP("DrillReport", "Finished")
T_COMPUTER = QT_TRANSLATE_NOOP("DrillReport", "Computer")
T_PROGRAM = QT_TRANSLATE_NOOP("DrillReport", "Program")
T_RESTORED_TO = QT_TRANSLATE_NOOP("DrillReport", "Restored into")
T_REMOVED = QT_TRANSLATE_NOOP("DrillReport", "{path} (a scratch folder, removed after the drill)")
T_DURATION = QT_TRANSLATE_NOOP("DrillReport", "Duration of restore and comparison")
T_SECONDS = QT_TRANSLATE_NOOP("DrillReport", "{seconds} seconds")
T_THROUGHPUT = QT_TRANSLATE_NOOP("DrillReport", "Throughput")
T_PER_SECOND = QT_TRANSLATE_NOOP("DrillReport", "{size} per second")
T_COMPARISON = QT_TRANSLATE_NOOP("DrillReport", "Comparison with the manifest")
T_FILES_COMPARED = QT_TRANSLATE_NOOP("DrillReport", "Files compared")
T_DATA_COMPARED = QT_TRANSLATE_NOOP("DrillReport", "Data compared")
T_FOLDERS = QT_TRANSLATE_NOOP("DrillReport", "Folders and links checked")
T_MISMATCHES = QT_TRANSLATE_NOOP("DrillReport", "Items that do not match")
T_MISMATCH_LIST = QT_TRANSLATE_NOOP("DrillReport", "Items that do not match the manifest")
T_FILE_LIST = QT_TRANSLATE_NOOP("DrillReport", "Files compared, with their size")
T_PATH = QT_TRANSLATE_NOOP("DrillReport", "File")
T_SIZE = QT_TRANSLATE_NOOP("DrillReport", "Size")
T_PROBLEM = QT_TRANSLATE_NOOP("DrillReport", "Problem")
T_MORE = QT_TRANSLATE_NOOP("DrillReport", "… and {count} more files.")
T_METHOD = QT_TRANSLATE_NOOP(
    "DrillReport",
    "Method: the newest off-site snapshot of this computer was restored with restic into an empty folder. Every "
    "restored file was read and its SHA-256 hash compared with the manifest that travelled inside the snapshot; "
    "those hashes were taken when the backup read the original data. The duration covers the restore and the "
    "comparison together.",
)
T_SIGNATURE = QT_TRANSLATE_NOOP("DrillReport", "Checked by (name, date, signature)")

_STYLE = """
<style>
h1 { font-size: 18pt; margin-bottom: 2pt; }
h2 { font-size: 12pt; margin-top: 14pt; margin-bottom: 4pt; }
td, th { padding: 2pt 6pt 2pt 0; vertical-align: top; }
th { text-align: left; }
.label { color: #444444; }
.passed { color: #1b6e20; font-weight: bold; }
.failed { color: #b00020; font-weight: bold; }
.small { font-size: 8pt; color: #444444; }
</style>
"""


class _Words:
    """The report's words and numbers in one language."""

    def __init__(self, translator: Translator, zone=None):
        self.translator = translator
        self.zone = zone  # times are shown in the zone of the drill's clock
        self.locale = QLocale(QLocale.Language.German if translator.language == "de" else QLocale.Language.English,
                              QLocale.Country.Switzerland if translator.language == "de" else QLocale.Country.UnitedStates)
        self.german = translator.language == "de"

    def __call__(self, label: str, **params) -> str:
        return fill(self.translator.text(CONTEXT, label), params) if params else self.translator.text(CONTEXT, label)

    def message(self, message) -> str:
        return self.translator(message)

    def count(self, value: int) -> str:
        return self.locale.toString(int(value))

    def number(self, value: float, decimals: int = 1) -> str:
        return self.locale.toString(float(value), "f", decimals)

    def size(self, value: float) -> str:
        """Decimal units, as Finder and Explorer show them."""
        amount = float(value)
        for unit in ("bytes", "KB", "MB", "GB", "TB"):
            if amount < 1000 or unit == "TB":
                return f"{self.count(int(amount))} {unit}" if unit == "bytes" else f"{self.number(amount)} {unit}"
            amount /= 1000
        return f"{self.count(int(value))} bytes"

    def moment(self, moment: datetime | None) -> str:
        if moment is None:
            return "–"
        local = moment.astimezone(self.zone)
        offset = local.strftime("%z")
        zone = f"UTC{offset[:3]}:{offset[3:]}" if offset else "UTC"
        text = local.strftime("%d.%m.%Y %H:%M:%S") if self.german else local.strftime("%Y-%m-%d %H:%M:%S")
        return f"{text} ({zone})"

    def day(self, moment: datetime) -> str:
        local = moment.astimezone(self.zone)
        return local.strftime("%d.%m.%Y") if self.german else local.strftime("%Y-%m-%d")


def render_html(result: DrillResult, translator: Translator) -> str:
    """The report as Qt rich-text HTML (separate from the PDF so it can be shown in a window too)."""
    w = _Words(translator, result.started.tzinfo)
    parts = [f"<html><head>{_STYLE}</head><body>"]
    parts.append(f"<h1>{escape(w(T_TITLE))}</h1>")
    parts.append(f"<p>{escape(w(T_SUBTITLE, computer=result.computer, date=w.day(result.started)))}</p>")

    mismatches = result.mismatches
    if mismatches:
        verdict = f"<span class='failed'>{escape(w(T_FAILED, count=w.count(len(mismatches))))}</span>"
    else:
        verdict = f"<span class='passed'>{escape(w(T_PASSED))}</span>"
    parts.append(f"<h2>{escape(w(T_RESULT))}</h2><p>{verdict}</p>")

    verdict_message = VERDICTS.get(result.verdict or "")
    parts.append(_table(w(T_WHAT), [
        (w(T_REPOSITORY), result.repo),
        (w(T_SNAPSHOT), result.snapshot_id or "–"),
        (w(T_SNAPSHOT_TIME), w.moment(result.snapshot_time)),
        (w(T_GENERATION), result.generation or "–"),
        (w(T_BACKUP_TIME), w.moment(result.backup_time)),
        (w(T_VERDICT), w.message(verdict_message()) if verdict_message else (result.verdict or "–")),
    ]))

    to = str(result.to) if result.to is not None else "–"
    throughput = result.throughput
    parts.append(_table(w(T_DRILL), [
        (w(T_STARTED), w.moment(result.started)),
        (w(T_ENDED), w.moment(result.ended)),
        (w(T_COMPUTER), result.computer),
        (w(T_PROGRAM), f"tsbackup {__version__}"),
        (w(T_RESTORED_TO), to if result.kept else w(T_REMOVED, path=to)),
        (w(T_DURATION), w(T_SECONDS, seconds=w.number(result.seconds))),
        (w(T_THROUGHPUT), w(T_PER_SECOND, size=w.size(throughput)) if throughput is not None else "–"),
    ]))

    report = result.restore
    parts.append(_table(w(T_COMPARISON), [
        (w(T_FILES_COMPARED), w.count(result.files)),
        (w(T_DATA_COMPARED), w.size(result.bytes)),
        (w(T_FOLDERS), w.count((report.dirs + report.symlinks) if report is not None else 0)),
        (w(T_MISMATCHES), w.count(len(mismatches))),
    ]))

    if mismatches:
        rows = "".join(f"<tr><td>{escape(m.path)}</td><td>{escape(w.message(m.problem_message()))}</td></tr>"
                       for m in mismatches[:MAX_LISTED])
        parts.append(f"<h2>{escape(w(T_MISMATCH_LIST))}</h2><table><tr><th>{escape(w(T_PATH))}</th>"
                     f"<th>{escape(w(T_PROBLEM))}</th></tr>{rows}</table>")

    parts.append(f"<p class='small'>{escape(w(T_METHOD))}</p>")
    parts.append(f"<p><br/>{escape(w(T_SIGNATURE))}: ______________________________________</p>")

    listed = result.compared[:MAX_LISTED]
    rows = "".join(f"<tr><td>{escape(path)}</td><td align='right'>{escape(w.size(size))}</td></tr>"
                   for path, size in listed)
    parts.append(f"<h2>{escape(w(T_FILE_LIST))}</h2><table><tr><th>{escape(w(T_PATH))}</th>"
                 f"<th align='right'>{escape(w(T_SIZE))}</th></tr>{rows}</table>")
    if len(result.compared) > len(listed):
        parts.append(f"<p>{escape(w(T_MORE, count=w.count(len(result.compared) - len(listed))))}</p>")
    parts.append("</body></html>")
    return "".join(parts)


def _table(title: str, rows: list[tuple[str, str]]) -> str:
    body = "".join(f"<tr><td class='label' width='42%'>{escape(label)}</td><td>{escape(value)}</td></tr>"
                   for label, value in rows)
    return f"<h2>{escape(title)}</h2><table width='100%'>{body}</table>"


def write_report(result: DrillResult, path: Path, translator: Translator | None = None) -> Path:
    """Writes the report of `result` to `path` (a PDF), in the translator's language."""
    translator = translator or Translator()
    words = _Words(translator, result.started.tzinfo)
    title = f"{words(T_TITLE)} – {result.computer} – {words.day(result.started)}"
    return write_pdf(render_html(result, translator), Path(path), title=title)
