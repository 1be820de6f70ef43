"""The office user's journey (issue #22, items 1–5): every window finishes what it starts.

- the recovery sheet can always be printed and confirmed from the app (the window, its "More" menu,
  the tray), and the wizard asks before closing without it;
- the monthly check shows all of its findings and asks about what only a person can confirm;
- closing or quitting during a backup asks, and Yes records a cancelled run, never a crash;
- the app writes its log, "Show log" opens it (or says where it is), and diagnostics carry it.
(Put back after a refused restore: tests/test_restore_dialog.py.)
"""

from __future__ import annotations

import logging
import logging.handlers
import zipfile
from pathlib import Path

import pytest

from tsbackup_gui.core.clock import Clock, FixedClock
from tsbackup_gui.core.install.demo import create_demo
from tsbackup_gui.core.places import places
from tsbackup_gui.core.setup.configure import SetupOptions, configure
from tsbackup_gui.core.store import config as config_mod
from tsbackup_gui.core.store.history import History
from tsbackup_gui.ui import status_more as more
from tsbackup_gui.ui.status_window import StatusWindow

from journey_helpers import Desk, pdf_text, stand_in_inhibitor

WAIT = 60_000
PASSWORD = "Kanzlei-Offsite-Journey-2026"


def set_up(tmp_path: Path, names: list[str], *, secondary: str | None = None,
           password: str | None = None) -> config_mod.Config:
    """The demo installation set up with a drive (and an off-site backup when given), with this test's
    own program name for the guard."""
    layout = create_demo(tmp_path / "demo", "single-user")
    drive = tmp_path / "drive"
    drive.mkdir()
    configure(SetupOptions(source=layout.data_dir, primary=drive, computer="Kanzlei-PC", secondary=secondary,
                           password=password))
    config = config_mod.require()
    config.process_names = names
    config_mod.save(config)
    return config


def open_window(qtbot, desk: Desk, **kwargs) -> StatusWindow:
    hooks = more.Hooks(ask=desk.ask, choose_save_file=desk.choose_save_file, print_dialog=lambda *_a: False)
    window = StatusWindow(language="en", hooks=hooks, **kwargs)
    qtbot.addWidget(window)
    window.refresh()
    qtbot.waitUntil(lambda: window.loads >= 1, timeout=WAIT)
    return window


# -- 2. the recovery sheet ---------------------------------------------------------------------------


def test_the_recovery_sheet_is_printed_and_confirmed_from_the_status_window(qtbot, tmp_path):
    set_up(tmp_path, ["no-such-program-journey-sheet"], secondary=str(tmp_path / "offsite"), password=PASSWORD)
    pdf = tmp_path / "Notfallblatt.pdf"
    desk = Desk(save_to=pdf)
    window = open_window(qtbot, desk)
    assert "Print the recovery sheet, store it safely and confirm it." in window.reminders_label.text()
    followups = window.followups
    assert followups.row.isVisibleTo(window) and followups.print_button.isEnabled()
    assert followups.print_button.text() == "&Print recovery sheet…"
    assert window.actions_bar.more_actions[more.SHEET].isEnabled()

    followups.print_button.click()
    dialog = window.housekeeping.dialog
    qtbot.waitUntil(lambda: dialog.sheet is not None and not dialog.busy, timeout=WAIT)
    assert PASSWORD in dialog.preview.toPlainText().replace("\u2060", "")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.written is not None or not dialog.busy, timeout=WAIT)
    assert dialog.written == pdf and pdf.read_bytes().startswith(b"%PDF")
    assert PASSWORD in pdf_text(pdf).replace("\u2060", "")
    assert dialog.result.text().startswith(f"The recovery sheet is saved as {pdf}.")
    assert config_mod.load().recovery_sheet_confirmed is None  # saving is not storing

    dialog.stored_button.click()
    qtbot.waitUntil(lambda: dialog.confirmed, timeout=WAIT)
    today = Clock().now().date().isoformat()
    assert config_mod.load().recovery_sheet_confirmed == today
    assert dialog.result.text() == f"Recorded on {today} that the recovery sheet is stored safely."
    assert not dialog.stored_button.isEnabled()
    qtbot.waitUntil(lambda: window.loads >= 2, timeout=WAIT)  # the window shows the new state at once
    qtbot.waitUntil(lambda: not followups.row.isVisibleTo(window), timeout=WAIT)
    assert "recovery sheet" not in window.reminders_label.text()


def test_i_have_stored_it_in_the_window_asks_then_records(qtbot, tmp_path):
    set_up(tmp_path, ["no-such-program-journey-stored"], secondary="external:NAS copy to the partner's office")
    desk = Desk(answers=[False, True])
    window = open_window(qtbot, desk)
    assert window.followups.stored_button.isVisibleTo(window)
    window.followups.stored_button.click()  # No: nothing recorded
    assert config_mod.load().recovery_sheet_confirmed is None
    window.followups.stored_button.click()  # Yes
    qtbot.waitUntil(lambda: config_mod.load().recovery_sheet_confirmed is not None, timeout=WAIT)
    assert [title for title, _text in desk.questions] == ["Recovery sheet", "Recovery sheet"]
    assert desk.questions[0][1].startswith("Is the printed recovery sheet stored in a safe place")
    qtbot.waitUntil(lambda: not window.followups.row.isVisibleTo(window), timeout=WAIT)
    assert window.progress_label.text().startswith("Recorded on ")


def test_the_trays_reminder_and_entry_open_the_recovery_sheet(qtbot, tmp_path):
    from tsbackup_gui.app.status import current_status
    from tsbackup_gui.render.translate import Translator
    from tsbackup_gui.ui import tray_presenter as tp
    from tsbackup_gui.ui.app import AppShell
    from tsbackup_gui.ui.recovery_sheet_dialog import RecoverySheetDialog

    set_up(tmp_path, ["no-such-program-journey-tray"], secondary="external:NAS copy to the partner's office")
    status = current_status(Clock().now())
    view = tp.present(status, Translator("en"), available={tp.CHECK, tp.DRILL, tp.SHEET, tp.SETTINGS})
    reminder = view.entry(tp.REMINDER + "reminder.recovery_sheet")
    assert reminder.enabled and reminder.text == "Print the recovery sheet, store it safely and confirm it."
    assert tp.REMINDER_ACTIONS["reminder.recovery_sheet"] == tp.SHEET  # not the setup wizard
    assert view.entry(tp.SHEET).text == "Print recovery sheet…" and view.entry(tp.SHEET).enabled

    shell = AppShell(language="en", use_tray=False, quit_app=lambda: None)
    qtbot.addWidget(shell.window)
    shell.add_window_actions()
    qtbot.waitUntil(lambda: shell.window.loads >= 1, timeout=WAIT)
    shell.on_entry(tp.REMINDER + "reminder.recovery_sheet")
    dialog = shell.window.housekeeping.dialog
    assert isinstance(dialog, RecoverySheetDialog) and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.sheet is not None or not dialog.busy, timeout=WAIT)
    assert dialog.sheet is not None and dialog.sheet.kind == "external"
    dialog.close()


def test_cancel_in_the_wizard_after_saving_asks_and_offers_the_sheet(qtbot, tmp_path):
    from tsbackup_gui.ui.wizard import ids
    from wizard_helpers import idle, make_wizard, next_to, pick_folder_as_drive, to_installation

    root = tmp_path / "demo"
    wizard, dialogs = make_wizard(qtbot, root)
    desk = Desk(answers=[True, True, False])  # Yes to the new off-site backup, then the questions on Cancel
    wizard.env.ask = desk.ask
    to_installation(qtbot, wizard)
    next_to(qtbot, wizard, ids.DRIVE)
    pick_folder_as_drive(qtbot, wizard, dialogs, root / "Volumes" / "Backup Drive")
    next_to(qtbot, wizard, ids.OFFSITE)
    offsite = wizard.page_of(ids.OFFSITE)
    offsite.partner_choice.setChecked(True)
    offsite.partner.folder_choice.setChecked(True)
    offsite.partner.folder.setText(str(root / "Volumes" / "Offsite NAS" / "kanzlei-offsite"))
    offsite.password.setText(PASSWORD)
    next_to(qtbot, wizard, ids.SCHEDULE)
    next_to(qtbot, wizard, ids.SHEET)  # the setup is saved now
    assert config_mod.load().secondary
    closed = []
    wizard.done_with.connect(closed.append)

    wizard.button(wizard.WizardButton.CancelButton).click()  # Yes: stay and print it
    assert wizard.isVisible() and wizard.currentId() == ids.SHEET and closed == []
    assert desk.questions[0][0] == "Create a new off-site backup?"
    title, text = desk.questions[1]
    assert title == "Print the recovery sheet first?"
    assert "only in this computer's password store" in text and "Print or save the recovery sheet now?" in text
    sheet = wizard.page_of(ids.SHEET)
    qtbot.waitUntil(lambda: sheet.sheet is not None, timeout=WAIT)
    pdf = tmp_path / "sheet.pdf"
    dialogs.save_files.append(str(pdf))
    sheet.save_button.click()
    idle(qtbot, wizard)
    assert pdf.read_bytes().startswith(b"%PDF")

    wizard.reject()  # No: closes; the status keeps reminding
    assert not wizard.isVisible() and len(desk.questions) == 3 and closed
    assert config_mod.load().recovery_sheet_confirmed is None


# -- 3. the monthly check ----------------------------------------------------------------------------


def test_the_monthly_check_shows_every_finding_and_its_question_confirms(qtbot, tmp_path):
    from tsbackup_gui.app.backup import back_up_now

    set_up(tmp_path, ["no-such-program-journey-check"], secondary="external:NAS copy to the partner's office")
    config_mod.update(lambda c: __import__("dataclasses").replace(c, recovery_sheet_confirmed="2026-01-05"))
    assert back_up_now(clock=Clock(), keep_awake=_no_keep_awake).exit_code == 0
    desk = Desk(answers=[True])
    window = open_window(qtbot, desk)
    window.run_check()
    qtbot.waitUntil(lambda: window.busy is None and len(History().attempts(kind="check")) >= 2, timeout=WAIT)
    first, confirmed = reversed(History().attempts(kind="check")[:2])
    assert first.outcome == "warning" and first.details["outcome"] == "needs-confirmation"
    title, text = desk.questions[0]
    assert title == "Monthly check" and text.startswith("Have you checked these yourself?")
    assert ("• The off-site copy is handled outside this program (NAS copy to the partner's office), so it cannot be "
            "checked from here. Check that it ran in the last few days and that its copies can be restored, then "
            "confirm it.") in text
    assert text.endswith("Yes confirms them and records the monthly check as done.")
    assert confirmed.outcome == "ok" and confirmed.exit_code == 0 and confirmed.details["confirmed"] is True
    lines = window.progress_label.text().splitlines()
    assert lines[0].startswith("The monthly check found everything in order.")
    assert ("You confirmed that the off-site copy handled outside this program (NAS copy to the partner's office) "
            "is in order.") in lines
    assert len(lines) == 1 + len(confirmed.details["findings"]) > 4  # every finding, not the first three
    qtbot.waitUntil(lambda: window.busy is None and window.check_button.isEnabled(), timeout=WAIT)


def test_no_to_the_checks_question_leaves_it_unconfirmed(qtbot, tmp_path):
    set_up(tmp_path, ["no-such-program-journey-check-no"], secondary="external:NAS copy to the partner's office")
    desk = Desk(answers=[False])
    window = open_window(qtbot, desk)
    window.run_check()
    qtbot.waitUntil(lambda: window.busy is None and bool(desk.questions), timeout=WAIT)
    checks = History().attempts(kind="check")
    assert len(checks) == 1 and checks[0].details["confirmed"] is False
    assert window.progress_label.text().startswith("The monthly check")


def _no_keep_awake():
    import contextlib

    return contextlib.nullcontext()


# -- 4. closing and quitting during a backup ---------------------------------------------------------


def test_closing_the_window_during_a_backup_asks_and_records_a_cancelled_run(qtbot, tmp_path, monkeypatch):
    from tsbackup_gui.app.status import current_status

    stand_in_inhibitor(tmp_path, monkeypatch)
    config = set_up(tmp_path, ["no-such-program-journey-close"])
    desk = Desk(answers=[False, True])
    window = open_window(qtbot, desk)
    window.show()
    qtbot.waitUntil(lambda: window.backup_button.isEnabled(), timeout=WAIT)
    window.back_up_now()
    window.close()  # No: the window stays, the backup goes on
    assert window.isVisible() and window.busy == "backup"
    assert desk.questions[0] == ("Close", "A backup is running. Stop it and close?")
    window.close()  # Yes: stops the run, closes once it has ended
    assert window.isVisible() and window.progress_label.text() == "Stopping the backup …"
    qtbot.waitUntil(lambda: not window.isVisible() and not window._tasks, timeout=WAIT)  # its last refresh too
    attempt = History().attempts(limit=1, kind="backup")[0]
    assert attempt.exit_code == 130 and attempt.outcome == "skipped"
    assert attempt.reason.english() == "The backup was cancelled. Nothing was changed; the previous backups are untouched."
    status = current_status(Clock().now(), config=config)
    assert status.state != "failed" and "RuntimeError" not in status.message.english()


def test_quitting_from_the_tray_during_a_backup_asks_and_waits_for_the_cancelled_run(qtbot, tmp_path, monkeypatch):
    from tsbackup_gui.ui.app import AppShell

    stand_in_inhibitor(tmp_path, monkeypatch)
    set_up(tmp_path, ["no-such-program-journey-quit"])
    desk = Desk(answers=[True])
    quits = []
    shell = AppShell(language="en", use_tray=False, quit_app=lambda: quits.append(True), ask=desk.ask)
    qtbot.addWidget(shell.window)
    qtbot.waitUntil(lambda: shell.window.backup_button.isEnabled(), timeout=WAIT)
    shell.window.back_up_now()
    shell.request_quit()
    assert desk.questions == [(desk.questions[0][0], "A backup is running. Stop it and quit?")]
    qtbot.waitUntil(lambda: bool(quits), timeout=WAIT)
    attempt = History().attempts(limit=1, kind="backup")[0]
    assert attempt.exit_code == 130 and attempt.ended is not None


def test_the_apps_end_cancels_a_running_backup_and_waits_for_it(qtbot, tmp_path, monkeypatch):
    """However the app ends (logout, a signal), the run is cancelled and has ended before Python shuts down:
    never "cannot schedule new futures after shutdown"."""
    from tsbackup_gui.ui.app import AppShell

    stand_in_inhibitor(tmp_path, monkeypatch)
    set_up(tmp_path, ["no-such-program-journey-end"])
    shell = AppShell(language="en", use_tray=False, quit_app=lambda: None)
    qtbot.addWidget(shell.window)
    qtbot.waitUntil(lambda: shell.window.backup_button.isEnabled(), timeout=WAIT)
    shell.window.back_up_now()
    shell.shutdown()  # returns only once the run has ended
    attempt = History().attempts(limit=1, kind="backup")[0]
    assert attempt.exit_code == 130 and attempt.ended is not None
    qtbot.waitUntil(lambda: shell.window.busy is None, timeout=WAIT)


# -- 5. the log ---------------------------------------------------------------------------------------


@pytest.fixture
def app_log():
    """The app's log set up as at start-up; the handler is removed again afterwards."""
    before = list(logging.getLogger().handlers)
    yield
    for handler in logging.getLogger().handlers:
        if handler not in before:
            logging.getLogger().removeHandler(handler)
            handler.close()


def test_the_app_writes_its_log_and_diagnostics_carry_it_scrubbed(qtbot, tmp_path, app_log):
    from tsbackup_gui.app.diagnostics import write_diagnostics
    from tsbackup_gui.core.offsite.upload import PASSWORD_SECRET
    from tsbackup_gui.core.store.secrets import SecretStore
    from tsbackup_gui.ui.app import start_logging

    config = set_up(tmp_path, ["no-such-program-journey-log"])
    SecretStore(config.setup_id).set(PASSWORD_SECRET, PASSWORD)
    log_file = places().log_file
    assert not log_file.exists()
    task = start_logging()
    qtbot.waitUntil(lambda: log_file.is_file() and "started" in log_file.read_text(encoding="utf-8"), timeout=WAIT)
    del task
    logging.getLogger("tsbackup_gui.test").warning("a careless line with %s in it", PASSWORD)
    for handler in logging.getLogger().handlers:
        handler.flush()
    assert "tsbackup-gui" in log_file.read_text(encoding="utf-8")

    bundle = write_diagnostics(tmp_path / "diagnostics.zip", Clock().now())
    with zipfile.ZipFile(bundle) as archive:
        text = archive.read("logs/tsbackup.log").decode("utf-8")
    assert "tsbackup-gui" in text and "started" in text and "a careless line with" in text
    assert PASSWORD not in text


def test_show_log_opens_the_file_or_says_where_it_is(qtbot, tmp_path, app_log):
    from tsbackup_gui.core.store.logfile import setup_logging

    set_up(tmp_path, ["no-such-program-journey-show-log"])
    log_file = setup_logging()
    logging.getLogger("tsbackup_gui.test").info("a line")
    opened = []
    window = open_window(qtbot, Desk(), open_url=lambda url: opened.append(url) or True)
    window.log_button.click()
    assert [Path(url.toLocalFile()) for url in opened] == [log_file]  # the file itself
    assert window.progress_label.text() == ""

    cannot = open_window(qtbot, Desk(), open_url=lambda url: False)  # no viewer for it here
    cannot.log_button.click()
    assert cannot.progress_label.text() == f"The log could not be opened here. It is the file {log_file}."
