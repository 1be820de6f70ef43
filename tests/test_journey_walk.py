"""The office user's whole journey (issue #22, item 13), in English and German, with real widgets, real
restic and real files in the test's folder, on the injectable clock:

- the wizard on the demo installation → the first backup → the status window green → "Back up now" →
  Restore… the older backup into a new folder → "Put this back in place" → the monthly check with its
  question → the restore drill → "Print recovery sheet…";
- the hurried user: Cancel in the wizard before and after the setup is saved, a nonsense time, and
  closing the window during a backup.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from tsbackup_gui.core.clock import FixedClock
from tsbackup_gui.core.places import places
from tsbackup_gui.core.primary.generations import list_generations
from tsbackup_gui.core.primary.target import Target
from tsbackup_gui.core.store import config as config_mod
from tsbackup_gui.core.store.history import History
from tsbackup_gui.render.translate import Translator
from tsbackup_gui.ui import status_more as more
from tsbackup_gui.ui.status_window import StatusWindow
from tsbackup_gui.ui.wizard import ids

from journey_helpers import Desk, pdf_text, stand_in_inhibitor, tree_hashes
from wizard_helpers import NOW, make_wizard, next_to, pick_folder_as_drive, to_installation

WAIT = 60_000
PASSWORD = "Kanzlei-Reise-2026!"
LANGUAGES = ["en", "de"]

#: What the person reads at the key steps, in each language (literal: a lost or wrong translation shows here).
SAYS = {
    "en": {
        "all good": " — all good.",
        "offsite created": "The connection works. No off-site backup exists there yet: a new one will be created.",
        "new offsite": "Create a new off-site backup?",
        "sheet first": "Print the recovery sheet first?",
        "close": ("Close", "A backup is running. Stop it and close?"),
        "check": ("Monthly check", "Have you checked these yourself?"),
        "sheet item": ("Check that the recovery sheet is still stored in its safe place away from this computer, "
                       "then confirm it."),
        "sheet confirmed": "You confirmed that the recovery sheet is still in its safe place.",
        "check done": "The monthly check found everything in order.",
        "drill ok": "Restore drill passed: ",
        "put back": ("Put the backup of {backup}, restored in {restored}, in place of the current data in {live}? "
                     "Close timeSensor LEGAL first. The current data is kept (not deleted) and renamed to {aside}."),
        "cancelled": "The backup was cancelled. Nothing was changed; the previous backups are untouched.",
        "buttons": ["&Back up now", "&Restore…", "Run monthly &check", "Restore &drill"],
        "put back button": "&Put this back in place",
        "sheet entry": "Print &recovery sheet…",
        "first backup": ("&Run the first backup now", "Backup finished"),
        "no day": "Tick at least one working day: Next stays unavailable until one is ticked.",
        "no backup": 'There is no backup yet. Press "Back up now" first.',
        "no offsite copy": 'There is no off-site copy to practise with yet. It is made by the next backup ("Back up now").',
        "copying": "Copying to the backup drive: ",
        "wizard first": ('The easiest way: install tsbackup on the new computer, start it and choose "Restore from an '
                         'existing backup" in its setup assistant'),
    },
    "de": {
        "all good": " — alles in Ordnung.",
        "offsite created": "Die Verbindung funktioniert. Dort gibt es noch keine Kopie ausser Haus: Eine neue wird angelegt.",
        "new offsite": "Eine neue Kopie ausser Haus anlegen?",
        "sheet first": "Zuerst das Wiederherstellungsblatt drucken?",
        "close": ("Schliessen", "Eine Sicherung läuft. Anhalten und schliessen?"),
        "check": ("Monatliche Prüfung", "Haben Sie diese Punkte selbst geprüft?"),
        "sheet item": ("Prüfen Sie, ob das Wiederherstellungsblatt noch an seinem sicheren Ort ausserhalb dieses "
                       "Computers aufbewahrt ist, und bestätigen Sie es dann."),
        "sheet confirmed": "Sie haben bestätigt, dass das Wiederherstellungsblatt noch an seinem sicheren Ort liegt.",
        "check done": "Die monatliche Prüfung hat alles in Ordnung gefunden.",
        "drill ok": "Wiederherstellungsprobe bestanden: ",
        "put back": ("Die Sicherung vom {backup}, wiederhergestellt in {restored}, an die Stelle der aktuellen Daten in "
                     "{live} setzen? Schliessen Sie zuerst timeSensor LEGAL. Die aktuellen Daten bleiben erhalten "
                     "(nicht gelöscht) und werden in {aside} umbenannt."),
        "cancelled": "Die Sicherung wurde abgebrochen. Es wurde nichts verändert; die bisherigen Sicherungen sind unberührt.",
        "buttons": ["Jetzt &sichern", "&Wiederherstellen…", "Monatliche P&rüfung", "Wieder&herstellungsprobe"],
        "put back button": "An den ursprünglichen Ort &zurücklegen",
        "sheet entry": "Wiederherstellungs&blatt drucken…",
        "first backup": ("Die erste Sicherung jetzt &starten", "Sicherung abgeschlossen"),
        "no day": "Kreuzen Sie mindestens einen Arbeitstag an: «Weiter» bleibt gesperrt, bis einer angekreuzt ist.",
        "no backup": "Es gibt noch keine Sicherung. Drücken Sie zuerst «Jetzt sichern».",
        "no offsite copy": ("Es gibt noch keine Kopie ausser Haus, mit der geübt werden kann. Sie entsteht mit der nächsten "
                            "Sicherung («Jetzt sichern»)."),
        "copying": "Kopieren auf das Sicherungslaufwerk: ",
        "wizard first": ("Am einfachsten: Installieren Sie tsbackup auf dem neuen Computer, starten Sie es und wählen Sie "
                         "im Einrichtungsassistenten «Aus einer bestehenden Sicherung wiederherstellen»"),
    },
}


def says(language: str, key: str):
    return SAYS[language][key]


def status_window(qtbot, desk: Desk, language: str, clock: FixedClock, choose_folder=None) -> StatusWindow:
    hooks = more.Hooks(ask=desk.ask, confirm=lambda _parent, text: desk.ask(_parent, "confirm", text),
                       choose_save_file=desk.choose_save_file, choose_folder=choose_folder,
                       print_dialog=lambda *_a: False)
    window = StatusWindow(language=language, clock=clock, hooks=hooks)
    qtbot.addWidget(window)
    window.show()
    window.refresh()
    qtbot.waitUntil(lambda: window.loads >= 1, timeout=WAIT)
    return window


def settle(qtbot, window, loads: int) -> None:
    """Waits until the window is idle and has shown an overview gathered after ``loads``."""
    qtbot.waitUntil(lambda: window.busy is None and window.loads > loads and not window._tasks, timeout=WAIT)


def wizard_to_schedule(qtbot, root: Path, language: str, clock: FixedClock, desk: Desk):
    """The wizard from its first page to the schedule page: the demo's data, its backup drive, and a new
    off-site backup in a folder with a typed password (nothing is saved yet)."""
    wizard, dialogs = make_wizard(qtbot, root, language=language, clock=clock)
    wizard.env.ask = desk.ask
    to_installation(qtbot, wizard)
    next_to(qtbot, wizard, ids.DRIVE)
    drive = root / "Volumes" / "Backup Drive"
    pick_folder_as_drive(qtbot, wizard, dialogs, drive)
    wizard.page_of(ids.DRIVE).computer_edit.setText("Kanzlei-Mac")
    next_to(qtbot, wizard, ids.OFFSITE)
    offsite = wizard.page_of(ids.OFFSITE)
    offsite.partner_choice.setChecked(True)
    offsite.partner.folder_choice.setChecked(True)
    repo = root / "Volumes" / "Offsite NAS" / "kanzlei-offsite"
    offsite.partner.folder.setText(str(repo))
    offsite.password.setText(PASSWORD)
    next_to(qtbot, wizard, ids.SCHEDULE)
    assert offsite.result.text() == says(language, "offsite created")
    return wizard, dialogs, drive, repo


@pytest.mark.slow
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_whole_journey(qtbot, tmp_path, monkeypatch, language, speaking):
    from tsbackup_gui.ui.status_format import when_text

    speaking(language)
    stand_in_inhibitor(tmp_path, monkeypatch)
    say = Translator(language)
    clock = FixedClock(NOW)
    root = tmp_path / "demo"
    desk = Desk(answers=[True])  # Yes: create the new off-site backup
    wizard, dialogs, drive, repo = wizard_to_schedule(qtbot, root, language, clock, desk)
    assert desk.questions[0][0] == says(language, "new offsite")
    next_to(qtbot, wizard, ids.SHEET)  # the setup is saved now
    config = config_mod.load()
    live = Path(config.source)
    sheet = wizard.page_of(ids.SHEET)
    qtbot.waitUntil(lambda: sheet.sheet is not None, timeout=WAIT)
    sheet.stored.setChecked(True)
    next_to(qtbot, wizard, ids.SUMMARY)
    first_bytes = tree_hashes(live)
    summary = wizard.page_of(ids.SUMMARY)
    run_words, finished_words = says(language, "first backup")
    assert summary.run_button.text() == run_words
    summary.run_button.click()
    qtbot.waitUntil(lambda: summary.result is not None, timeout=120_000)
    assert summary.result.outcome == "ok", [say(m) for m in summary.result.messages()]
    assert summary.headline.text().startswith(finished_words), summary.headline.text()
    finish = wizard.button(wizard.WizardButton.FinishButton)
    assert finish.isVisible() and finish.isEnabled()
    finish.click()
    assert not wizard.isVisible()
    target = Target(drive, "Kanzlei-Mac")
    assert [g.id for g in list_generations(target)] == [summary.result.generation]

    # the status window, in the same language: green, its headline the catalogue's
    restored_to = tmp_path / "Zurueck"
    window = status_window(qtbot, desk, language, clock, choose_folder=lambda *_a: str(restored_to))
    assert window.snapshot.state == "ok", window.headline.text() + " | " + window.notes.text()
    assert window.headline.text() == say(window.snapshot.headline)
    assert window.headline.text().endswith(says(language, "all good")), window.headline.text()
    assert window.state_icon.accessibleDescription() == "ok"
    buttons = (window.backup_button, window.restore_button, window.check_button, window.drill_button)
    assert [b.text() for b in buttons] == says(language, "buttons") and all(b.isEnabled() for b in buttons)

    # a day's work in timeSensor LEGAL, then "Back up now" an hour later
    (live / "Dokumente").mkdir(exist_ok=True)
    (live / "Dokumente" / "Mandat 4711.txt").write_text("Vollmacht erhalten", encoding="utf-8")
    second_bytes = tree_hashes(live)
    assert second_bytes != first_bytes
    clock.advance(hours=1)
    loads = window.loads
    window.backup_button.click()
    assert window.busy == "backup" and not window.backup_button.isEnabled() and window.cancel_button.isVisible()
    settle(qtbot, window, loads)
    generations = list_generations(target)
    assert len(generations) == 2
    newest = max(generations, key=lambda g: g.id)
    assert (newest.path / "timeSensor DataFiles" / "Dokumente" / "Mandat 4711.txt").read_text(
        encoding="utf-8") == "Vollmacht erhalten"
    assert window.table.item(0, 0).text() == when_text(clock.now())  # the history shows it, newest first
    assert window.table.item(0, 2).text() == window.table.item(1, 2).text() == say.text("StatusFormat", "OK")
    assert window.headline.text().endswith(says(language, "all good")) and window.backup_button.isEnabled()

    # Restore… the older backup into a new folder
    window.restore_button.click()
    dialog = window.restore_dialog
    qtbot.waitUntil(lambda: dialog.primary_table.rowCount() == 2, timeout=WAIT)
    older = min(range(2), key=lambda row: dialog.generations[row].ended)
    assert dialog.primary_table.item(older, 0).text() == when_text(NOW)
    dialog.primary_table.selectRow(older)
    assert dialog.selected() is dialog.generations[older]
    dialog.target_button.click()
    assert dialog.target.text() == str(restored_to) and dialog.restore_button.isEnabled()
    dialog.restore_button.click()
    qtbot.waitUntil(lambda: dialog.report is not None or not dialog.busy, timeout=WAIT)
    assert dialog.report is not None, dialog.result.text()
    assert when_text(NOW) in dialog.result.text() and str(restored_to) in dialog.result.text()
    assert tree_hashes(restored_to / "timeSensor DataFiles") == first_bytes  # the bytes of that evening

    # "Put this back in place": the question names the backup's date, the restored folder, where the live data goes
    assert dialog.put_back_button.isVisible() and dialog.put_back_button.isEnabled()
    assert dialog.put_back_button.text() == says(language, "put back button")
    desk.answers = [True]
    asked = len(desk.questions)
    dialog.put_back_button.click()
    qtbot.waitUntil(lambda: dialog.swap is not None or not dialog.busy, timeout=WAIT)
    assert dialog.swap is not None, dialog.result.text()
    aside = dialog.swap.aside
    assert aside.parent == live.parent and aside.name == f"{live.name} (before restore {clock.now():%Y-%m-%d %H%M})"
    assert desk.questions[asked:] == [("confirm", says(language, "put back").format(
        backup=when_text(NOW), restored=restored_to / "timeSensor DataFiles", live=live, aside=aside.name))]
    assert tree_hashes(live) == first_bytes  # the restored backup is what is in place
    assert tree_hashes(aside) == second_bytes  # the data of a moment ago, kept beside it
    assert not dialog.put_back_button.isVisible()
    dialog.close()

    # a month later: "Back up now", then the monthly check; its question about the recovery sheet answered Yes
    clock.set(NOW + timedelta(days=31))
    loads = window.loads
    window.backup_button.click()
    settle(qtbot, window, loads)
    # a new generation of today; the day's older one gave way to the keep rules (one a day)
    assert [g.id for g in list_generations(target)] == [f"{NOW + timedelta(hours=1):%Y-%m-%d_%H%M%S}",
                                                        f"{clock.now():%Y-%m-%d_%H%M%S}"]
    desk.answers = [True]
    asked = len(desk.questions)
    loads = window.loads
    window.check_button.click()
    assert not window.check_button.isEnabled()
    qtbot.waitUntil(lambda: len(History().attempts(kind="check")) >= 2, timeout=120_000)
    settle(qtbot, window, loads)
    title, text = desk.questions[asked]
    question, item = says(language, "check")
    assert title == question and text.startswith(item)
    assert "• " + says(language, "sheet item") in text
    first, confirmed = reversed(History().attempts(kind="check")[:2])
    assert first.details["outcome"] == "needs-confirmation" and confirmed.outcome == "ok", window.progress_label.text()
    lines = window.progress_label.text().splitlines()
    assert lines[0].startswith(says(language, "check done")), lines
    assert says(language, "sheet confirmed") in lines
    assert len(lines) == 1 + len(confirmed.details["findings"]) > 4  # every finding, the off-site one too
    assert str(repo) in window.progress_label.text()
    assert config_mod.load().recovery_sheet_confirmed is not None
    assert window.reminders_label.text() == "" and not window.followups.row.isVisibleTo(window)  # nothing to confirm
    assert window.snapshot.state == "ok" and window.headline.text().endswith(says(language, "all good")), (
        window.headline.text() + " | " + window.notes.text())

    # the restore drill, from the off-site backup: passed, recorded, its report written
    loads = window.loads
    window.drill_button.click()
    settle(qtbot, window, loads)
    drill = History().attempts(limit=1, kind="drill")[0]
    assert drill.outcome == "ok", window.progress_label.text()
    assert window.progress_label.text().startswith(says(language, "drill ok")), window.progress_label.text()
    reports = list((places().state_dir / "reports").glob("drill-*.pdf"))
    assert [r.name for r in reports] == [f"drill-{clock.now():%Y-%m-%d}.pdf"]

    # "Print recovery sheet…" from the "More" menu: a PDF with the password, the assistant's way first
    pdf = tmp_path / "Wiederherstellungsblatt.pdf"
    desk.save_to = pdf
    more_entry = window.actions_bar.more_actions[more.SHEET]
    assert more_entry.isEnabled() and more_entry.text() == says(language, "sheet entry")
    more_entry.trigger()
    sheet_dialog = window.housekeeping.dialog
    qtbot.waitUntil(lambda: sheet_dialog.sheet is not None and not sheet_dialog.busy, timeout=WAIT)
    sheet_dialog.save_button.click()
    qtbot.waitUntil(lambda: sheet_dialog.written is not None or not sheet_dialog.busy, timeout=WAIT)
    assert sheet_dialog.written == pdf and pdf.read_bytes().startswith(b"%PDF")
    text = " ".join(pdf_text(pdf).replace("\u2060", "").split())
    assert PASSWORD in text
    wizard_way = says(language, "wizard first")
    assert wizard_way in text, text
    assert text.index(wizard_way) < text.index("tsbackup restore") < text.index("restic -r")
    sheet_dialog.close()


@pytest.mark.slow
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_hurried_journey(qtbot, tmp_path, monkeypatch, language, speaking, test_keyring):
    speaking(language)
    stand_in_inhibitor(tmp_path, monkeypatch)
    clock = FixedClock(NOW)
    root = tmp_path / "demo"

    # the wizard to its schedule page; a nonsense time is said, not corrected; Cancel before anything is saved
    desk = Desk(answers=[True])  # Yes: a new off-site backup
    wizard, dialogs, drive, repo = wizard_to_schedule(qtbot, root, language, clock, desk)
    schedule = wizard.page_of(ids.SCHEDULE)
    schedule.time.selectAll()
    qtbot.keyClicks(schedule.time, "99:99abc")
    bad_time = {"en": "'99:99abc' is not a time of day. Give the time as HH:MM between 00:00 and 23:59, for example 18:30.",
                "de": "«99:99abc» ist keine Uhrzeit. Geben Sie die Zeit als HH:MM zwischen 00:00 und 23:59 an, zum "
                      "Beispiel 18:30."}[language]
    assert schedule.time.text() == "99:99abc" and schedule.time_hint.text() == bad_time  # said, left as typed
    assert not schedule.isComplete() and not wizard.button(wizard.WizardButton.NextButton).isEnabled()
    for box in schedule.day_boxes.values():  # no working day: Next stays off, and the page says why
        box.setChecked(False)
    assert schedule.days_hint.text() == says(language, "no day")
    wizard.button(wizard.WizardButton.CancelButton).click()
    assert not wizard.isVisible() and len(desk.questions) == 1  # nothing saved: nothing to ask
    assert not places().config_file.exists() and not (places().state_dir / "history.sqlite3").exists()
    assert not repo.exists() and list(drive.iterdir()) == [] and test_keyring.store == {}  # nothing written

    # again, this time past the schedule page (the setup is saved); Cancel asks and offers the sheet
    desk = Desk(answers=[True, True, False])  # a new off-site backup: Yes; print the sheet first: Yes, then No
    wizard, dialogs, drive, repo = wizard_to_schedule(qtbot, root, language, clock, desk)
    schedule = wizard.page_of(ids.SCHEDULE)
    schedule.time.selectAll()
    qtbot.keyClicks(schedule.time, "19:15")
    assert schedule.time_hint.text() != bad_time and schedule.isComplete()
    next_to(qtbot, wizard, ids.SHEET)
    assert config_mod.load().time == "19:15" and (repo / "config").is_file()
    wizard.button(wizard.WizardButton.CancelButton).click()  # Yes: stays on the sheet's page
    assert wizard.isVisible() and wizard.currentId() == ids.SHEET
    assert desk.questions[1][0] == says(language, "sheet first")
    wizard.button(wizard.WizardButton.CancelButton).click()  # No: closes, the status keeps reminding
    assert not wizard.isVisible() and len(desk.questions) == 3
    assert config_mod.load().recovery_sheet_confirmed is None

    # the status window: the sheet is still to be printed; "Back up now", then the window is closed during it
    desk = Desk(answers=[True])
    window = status_window(qtbot, desk, language, clock)
    assert window.followups.row.isVisibleTo(window) and window.followups.print_button.isEnabled()
    assert not window.check_button.isEnabled() and window.check_button.toolTip() == says(language, "no backup")
    assert not window.drill_button.isEnabled() and window.drill_button.toolTip() == says(language, "no offsite copy")
    headline = window.headline.text()
    assert window.snapshot.state == "warning" and headline == Translator(language)(window.snapshot.headline)
    files = Path(config_mod.load().source) / "Dokumente" / "Akten 2026"  # a year of letters: the copy takes a while
    files.mkdir(parents=True)
    for n in range(3000):
        (files / f"Brief {n:04d}.txt").write_bytes(b"Sehr geehrte Damen und Herren, %d\n" % n * 40)
    folder = drive / "timeSensor Backups" / "Kanzlei-Mac"
    window.backup_button.click()
    assert window.busy == "backup" and window.cancel_button.isVisible() and window.cancel_button.isEnabled()
    qtbot.waitUntil(lambda: folder.is_dir() and any(p.name.startswith(".partial-") for p in folder.iterdir()),
                    timeout=WAIT)  # copying now, and the line under the buttons says so
    qtbot.waitUntil(lambda: window.progress_label.text().startswith(says(language, "copying")), timeout=WAIT)
    window.close()  # asks; Yes stops the run, and the window closes once it has ended
    assert desk.questions == [says(language, "close")]
    assert window.isVisible() and window.progress_label.text() == say_stopping(language)
    qtbot.waitUntil(lambda: not window.isVisible() and not window._tasks, timeout=WAIT)
    attempt = History().attempts(limit=1, kind="backup")[0]
    assert attempt.exit_code == 130 and attempt.outcome == "skipped"
    assert Translator(language)(attempt.reason) == says(language, "cancelled")
    target = Target(drive, "Kanzlei-Mac")
    assert list_generations(target) == []
    assert not [p for p in drive.rglob("*") if "partial" in p.name.lower()]  # nothing half-made stays
    assert sorted(p.name for p in folder.iterdir()) == [".tsbackup-lock", ".tsbackup-target"]

    # the app started again: the cancelled run in plain words, then "Back up now" succeeds
    window = status_window(qtbot, desk, language, clock)
    # the history says it in plain words; the headline is as before the run: a cancel is neither a failure
    # nor a backup (never "The last backup failed. (RuntimeError …)")
    assert window.table.item(0, 3).text() == says(language, "cancelled")
    assert window.table.item(0, 2).text() == Translator(language).text("StatusFormat", "Skipped")
    assert window.snapshot.state == "warning" and window.headline.text() == headline
    clock.advance(minutes=5)
    loads = window.loads
    window.backup_button.click()
    settle(qtbot, window, loads)
    assert [g.id for g in list_generations(target)] == [f"{clock.now():%Y-%m-%d_%H%M%S}"]
    assert History().attempts(limit=1, kind="backup")[0].outcome == "ok"
    generation = list_generations(target)[0].path / "timeSensor DataFiles" / "Dokumente" / "Akten 2026"
    assert tree_hashes(generation) == tree_hashes(files)
    assert window.snapshot.state == "warning" and window.headline.text() == headline  # only the sheet is open
    assert window.followups.row.isVisibleTo(window)


def say_stopping(language: str) -> str:
    return {"en": "Stopping the backup …", "de": "Die Sicherung wird angehalten …"}[language]
