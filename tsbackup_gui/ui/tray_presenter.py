"""The tray's decisions without a tray: state → icon, tooltip, menu entries.

Everything the tray shows is decided here from the status model, so it is
tested on machines without a system tray (CI). No Qt: the words the menu
shows are marked for lupdate with the context "TrayPresenter" and
translated by the `Translator` the caller hands in.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, Protocol

from tsbackup_gui.core.messages import QT_TRANSLATE_NOOP, Message
from tsbackup_gui.core.status.reasons import RUNNING, RUNNING_PROGRESS

CONTEXT = "TrayPresenter"

STATES = ("ok", "running", "waiting", "warning", "overdue", "failed", "not-configured")
TOOLTIP_LIMIT = 127  # Windows cuts tray tooltips at 128 characters

# Entry ids: what the tray glue wires to the app's callbacks.
STATUS = "status"
BACKUP_NOW = "backup_now"
CANCEL = "cancel"
OPEN_WINDOW = "open_window"
CHECK = "check"
DRILL = "drill"
SETTINGS = "settings"
SHEET = "recovery_sheet"
QUIT = "quit"
REMINDER = "reminder:"  # + reminder code
SNOOZE = "snooze:"  # + reminder code

T_CHECKING = QT_TRANSLATE_NOOP("TrayPresenter", "Looking at the backups …")
T_BACKUP_NOW = QT_TRANSLATE_NOOP("TrayPresenter", "Back up now")
T_CANCEL = QT_TRANSLATE_NOOP("TrayPresenter", "Cancel backup")
T_CANCEL_NOT_HERE = QT_TRANSLATE_NOOP("TrayPresenter", "This backup was not started here and cannot be stopped from here.")
T_OPEN = QT_TRANSLATE_NOOP("TrayPresenter", "Open status window")
T_CHECK = QT_TRANSLATE_NOOP("TrayPresenter", "Run monthly check")
T_DRILL = QT_TRANSLATE_NOOP("TrayPresenter", "Restore drill")
T_SETTINGS = QT_TRANSLATE_NOOP("TrayPresenter", "Settings…")
T_SHEET = QT_TRANSLATE_NOOP("TrayPresenter", "Print recovery sheet…")
T_QUIT = QT_TRANSLATE_NOOP("TrayPresenter", "Quit")
T_LATER = QT_TRANSLATE_NOOP("TrayPresenter", "Comes in a later version.")
T_SET_UP_FIRST = QT_TRANSLATE_NOOP("TrayPresenter", "Set up the backup first (Settings…).")
T_SNOOZE = QT_TRANSLATE_NOOP("TrayPresenter", "Remind me tomorrow")
T_WAITING_USER = QT_TRANSLATE_NOOP(
    "TrayPresenter", "timeSensor LEGAL is open. The backup starts by itself as soon as it is closed.")

#: Which action a reminder's entry starts (core/status_reasons.py ids).
REMINDER_ACTIONS = {"reminder.check": CHECK, "reminder.drill": DRILL, "reminder.recovery_sheet": SHEET}


class Translate(Protocol):
    def __call__(self, message: Message) -> str: ...
    def text(self, context: str, source: str) -> str: ...


@dataclass(frozen=True)
class MenuEntry:
    id: str
    text: str
    enabled: bool = True
    tooltip: str = ""
    separator_before: bool = False


@dataclass(frozen=True)
class TrayView:
    state: str
    icon: str  # file stem under resources/icons
    tooltip: str
    entries: tuple[MenuEntry, ...]

    def entry(self, entry_id: str) -> MenuEntry:
        return next(e for e in self.entries if e.id == entry_id)

    @property
    def ids(self) -> list[str]:
        return [e.id for e in self.entries]


def icon_name(state: str) -> str:
    return f"state-{state if state in STATES else 'warning'}"


def present(
    status: Any | None,
    translate: Translate,
    *,
    running: bool = False,
    own_run: bool = False,
    can_cancel: bool = False,
    percent: float | None = None,
    available: Iterable[str] = (),
    reminders: Iterable[Any] | None = None,
    waiting_user: bool = False,
) -> TrayView:
    """The view for a `status.Status` (None: not known yet).

    `running`/`own_run`: a run is going / this app started it; `percent` is its
    progress; `available` names the actions that exist (check, drill,
    settings) — the others stay visible, disabled, saying they come later;
    `reminders` are the due reminders not snoozed (default: all of the status's);
    `waiting_user`: "Back up now" found timeSensor LEGAL open and starts once it is closed (Cancel stops that).
    """
    t = lambda source: translate.text(CONTEXT, source)  # noqa: E731 - a local shorthand
    have = set(available)
    if status is None:
        state, sentence, configured = ("running" if running else "waiting"), t(T_CHECKING), True
    else:
        state, sentence, configured = status.state, translate(status.message), status.state != "not-configured"
    if running and state in ("ok", "waiting"):
        state = "running"  # a problem stays visible while the next run is going
    if state == "running":
        if isinstance(percent, (int, float)):
            sentence = translate(RUNNING_PROGRESS(percent=int(percent)))
        elif status is None or status.state != "running":
            sentence = translate(RUNNING())
    running = running or state == "running"
    waiting_user = waiting_user and not running
    if waiting_user:  # the user's own request comes first: it says why nothing happened yet
        state, sentence = ("waiting" if state in ("ok", "waiting") else state), t(T_WAITING_USER)

    entries = [MenuEntry(STATUS, sentence, enabled=False)]
    if waiting_user:
        entries.append(MenuEntry(CANCEL, t(T_CANCEL), separator_before=True))
    elif running:
        entries.append(MenuEntry(CANCEL, t(T_CANCEL), enabled=own_run and can_cancel,
                                 tooltip="" if own_run and can_cancel else (t(T_LATER) if own_run else t(T_CANCEL_NOT_HERE)),
                                 separator_before=True))
    else:
        entries.append(MenuEntry(BACKUP_NOW, t(T_BACKUP_NOW), enabled=configured,
                                 tooltip="" if configured else t(T_SET_UP_FIRST), separator_before=True))
    entries.append(MenuEntry(OPEN_WINDOW, t(T_OPEN)))
    due = list(reminders) if reminders is not None else list(getattr(status, "reminders", []) or [])
    first = True
    for reminder in due:
        action = REMINDER_ACTIONS.get(reminder.code)
        usable = action is None or action in have
        entries.append(MenuEntry(REMINDER + reminder.code, translate(reminder.message), enabled=usable,
                                 tooltip="" if usable else t(T_LATER), separator_before=first))
        entries.append(MenuEntry(SNOOZE + reminder.code, "    " + t(T_SNOOZE)))
        first = False
    fixed = [(CHECK, T_CHECK), (DRILL, T_DRILL), *([(SHEET, T_SHEET)] if SHEET in have else []), (SETTINGS, T_SETTINGS)]
    for entry_id, source in fixed:
        usable = entry_id in have and (configured or entry_id == SETTINGS)
        tip = "" if usable else (t(T_LATER) if entry_id not in have else t(T_SET_UP_FIRST))
        entries.append(MenuEntry(entry_id, t(source), enabled=usable, tooltip=tip, separator_before=entry_id == CHECK))
    entries.append(MenuEntry(QUIT, t(T_QUIT), separator_before=True))
    return TrayView(state, icon_name(state), tooltip(sentence), tuple(entries))


def tooltip(sentence: str) -> str:
    sentence = " ".join(sentence.split())
    if len(sentence) <= TOOLTIP_LIMIT:
        return sentence
    return sentence[: TOOLTIP_LIMIT - 1].rstrip() + "…"


def percent_of(event: dict) -> float | None:
    """Progress in percent from the engine's ``progress`` event (bytes, else files)."""
    for done, total in (("bytes_done", "bytes_total"), ("files_done", "files_total")):
        d, n = event.get(done), event.get(total)
        if isinstance(d, (int, float)) and isinstance(n, (int, float)) and n > 0:
            return max(0.0, min(100.0, 100.0 * d / n))
    return None
