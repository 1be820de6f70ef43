"""A demo that shows the real product (issue #22): a newcomer presses Return through the demo's wizard and
reaches a green status; the demo's second drive can be tried; the demo's passwords stay in the demo."""

from __future__ import annotations

import dataclasses
import json
import os
from pathlib import Path

import keyring
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from tsbackup_gui.app.demo import enter_demo
from tsbackup_gui.core.drives import disks
from tsbackup_gui.core.install.demo import create_demo, demo_volume
from tsbackup_gui.core.store import config as config_mod
from tsbackup_gui.core.store.demo_keyring import FILE_NAME, DemoKeyring
from tsbackup_gui.core.store.secrets import SecretStore
from tsbackup_gui.ui.wizard import SetupWizard, demo_env
from tsbackup_gui.ui.wizard import ids

WAIT = 60_000


def press_return(qtbot, wizard) -> None:
    """Return where the keyboard focus is, as a person presses it."""
    target = QApplication.focusWidget() if wizard.isActiveWindow() and QApplication.focusWidget() else wizard
    QTest.keyClick(target, Qt.Key.Key_Return)


def return_until(qtbot, wizard, page_id: int) -> None:
    """Return, page after page, waiting for the wizard's workers; fails on a page Return cannot leave."""
    from wizard_helpers import why

    for _ in range(12):
        qtbot.waitUntil(lambda: not wizard.busy, timeout=WAIT)
        if wizard.currentId() == page_id:
            return
        before = wizard.currentId()
        qtbot.waitUntil(lambda: wizard.currentPage().isComplete(), timeout=WAIT)
        press_return(qtbot, wizard)
        qtbot.waitUntil(lambda: wizard.currentId() != before or not wizard.busy, timeout=WAIT)
        qtbot.waitUntil(lambda: wizard.currentId() != before, timeout=WAIT)
    assert wizard.currentId() == page_id, why(wizard)


def demo_wizard(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("TSBACKUP_HOME", os.environ["TSBACKUP_HOME"])  # enter_demo changes it: undone after
    root = enter_demo(tmp_path / "tsbackup-demo")
    sheets, questions = [], []
    # Return on a question presses its default button, Yes (QMessageBox.question's accept role)
    env = dataclasses.replace(demo_env(root, "en", "Backup Drive (demo)"),
                              ask=lambda _parent, title, _text: questions.append(title) or True,
                              choose_save_file=lambda *_a: None, print_dialog=lambda *_a: sheets.append(1) or False)
    wizard = SetupWizard(env, language="en")
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.activateWindow()
    wizard.questions_asked = questions  # what the stand-in was asked, in order
    return root, wizard


def test_return_through_the_demo_wizard_then_a_backup_is_green(qtbot, tmp_path, monkeypatch):
    from tsbackup_gui.ui import status_more as more
    from tsbackup_gui.ui.status_window import StatusWindow

    root, wizard = demo_wizard(qtbot, tmp_path, monkeypatch)
    return_until(qtbot, wizard, ids.DRIVE)
    drive_page = wizard.page_of(ids.DRIVE)
    first = drive_page.table.topLevelItem(0)
    assert [first.text(c) for c in (0, 3, 5)] == ["Backup Drive (demo)", "external drive", "recommended"]
    assert drive_page.current_drive().name == "Backup Drive (demo)"  # pre-selected: Return goes on
    return_until(qtbot, wizard, ids.SCHEDULE)
    assert wizard.questions_asked == ["Create a new off-site backup?"]  # Return answered it: Yes
    assert wizard.page_of(ids.OFFSITE).result.text() == "The connection works. No off-site backup exists there yet: a new one will be created."
    return_until(qtbot, wizard, ids.SHEET)  # the setup is saved now
    stored = config_mod.load()
    assert stored.primary == str(root / "Volumes" / "Backup Drive")
    assert stored.secondary["repo"] == str(root / "Volumes" / "Offsite NAS" / "timeSensor offsite")
    sheet = wizard.page_of(ids.SHEET)
    qtbot.waitUntil(lambda: sheet.sheet is not None, timeout=WAIT)
    sheet.stored.setFocus()
    QTest.keyClick(sheet.stored, Qt.Key.Key_Space)  # "I have stored it": a person ticks it after printing
    assert sheet.stored.isChecked()
    return_until(qtbot, wizard, ids.SUMMARY)
    summary = wizard.page_of(ids.SUMMARY)
    summary.run_button.click()
    qtbot.waitUntil(lambda: summary.result is not None, timeout=120_000)
    assert summary.result.outcome == "ok", [m.english() for m in summary.result.messages()]
    finish = wizard.button(wizard.WizardButton.FinishButton)
    assert finish.isVisible() and finish.isEnabled()
    press_return(qtbot, wizard)
    qtbot.waitUntil(lambda: not wizard.isVisible(), timeout=WAIT)

    window = StatusWindow(demo_root=root, language="en", hooks=more.Hooks(ask=lambda *_a: False))
    qtbot.addWidget(window)
    window.refresh()
    qtbot.waitUntil(lambda: window.loads >= 1, timeout=WAIT)
    assert window.snapshot.state == "ok", window.headline.text() + " | " + window.notes.text()
    assert window.headline.text().endswith("— all good.")
    assert window.state_icon.accessibleDescription() == "ok"


def test_the_demos_second_drive_can_be_tried(qtbot, tmp_path, monkeypatch):
    """The demo window's quick setup, then More → "Backup drives…" with the demo's second drive."""
    from tsbackup_gui.ui import status_more as more
    from tsbackup_gui.ui.status_window import StatusWindow

    monkeypatch.setenv("TSBACKUP_HOME", os.environ["TSBACKUP_HOME"])
    root = enter_demo(tmp_path / "tsbackup-demo")
    second = root / "Volumes" / "Second Drive"
    window = StatusWindow(demo_root=root, language="en", hooks=more.Hooks(
        ask=lambda *_a: True, choose_folder=lambda *_a: str(second)))
    qtbot.addWidget(window)
    window.refresh()
    qtbot.waitUntil(lambda: window.loads >= 1, timeout=WAIT)
    window.setup_demo_button.click()
    qtbot.waitUntil(lambda: window.loads >= 2 and window.snapshot.configured, timeout=WAIT)
    assert second.is_dir() and not disks.same_disk(Path(config_mod.require().source), second)
    dialog = window.housekeeping.open(more.DRIVES)
    qtbot.waitUntil(lambda: dialog.loaded >= 1, timeout=WAIT)
    dialog.folder_button.click()
    dialog.label.setText("Zweites Laufwerk")
    dialog.add_button.click()
    qtbot.waitUntil(lambda: dialog.loaded >= 2, timeout=WAIT)
    assert dialog.result.text() == (f"The backup drive Zweites Laufwerk at {second} was added. "
                                    "Backups go to whichever backup drive is connected.")
    assert [d["path"] for d in config_mod.require().extra_drives] == [str(second)]
    dialog.close()


def test_demo_volumes_are_only_the_demos(tmp_path):
    layout = create_demo(tmp_path / "demo", "single-user")
    assert demo_volume(layout.primary_target) and demo_volume(layout.second_target / "timeSensor Backups" / "x")
    assert not demo_volume(layout.data_dir) and not demo_volume(layout.root / "Volumes")
    foreign = tmp_path / "elsewhere" / "Volumes" / "Backup Drive"  # a Volumes folder without the demo's marker
    foreign.mkdir(parents=True)
    assert not demo_volume(foreign)
    assert disks.same_disk(tmp_path / "elsewhere", foreign)  # outside a demo the rule is unchanged


def test_demo_mode_keeps_its_passwords_in_the_demo_home(tmp_path, monkeypatch):
    monkeypatch.setenv("TSBACKUP_HOME", os.environ["TSBACKUP_HOME"])
    real_store = keyring.get_keyring()  # the test's stand-in for the user's keyring
    home = tmp_path / "tsbackup-demo"
    enter_demo(home)
    ring = keyring.get_keyring()
    assert isinstance(ring, DemoKeyring)
    assert Path(ring.file_path) == home / "home" / FILE_NAME
    assert os.environ["TSBACKUP_HOME"] == str(home / "home")
    SecretStore("demo-setup").set("repo-password", "demo-secret-4711")
    assert list(json.loads(ring.file_path.read_text(encoding="utf-8")).values()) == ["demo-secret-4711"]
    assert oct(ring.file_path.stat().st_mode & 0o777) == "0o600"
    assert SecretStore("demo-setup").get("repo-password") == "demo-secret-4711"
    assert "demo-secret-4711" not in str(real_store.store.values())  # nothing reached the user's store
