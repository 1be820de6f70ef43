"""Buttons that can only fail are off, with a tooltip saying why (issue #22, "buttons that can only fail");
and the wizard's advice after a failed connection test names only choices and menu entries that exist."""

from __future__ import annotations

import shutil
from pathlib import Path

from journey_helpers import Desk, stand_in_inhibitor
from test_office_journey import WAIT, open_window, set_up
from tsbackup_gui.ui import status_actions as acts
from tsbackup_gui.ui import status_more as more

PASSWORD = "Kanzlei-Offsite-Buttons-2026"
NO_BACKUP = 'There is no backup yet. Press "Back up now" first.'


def states(window) -> dict[str, tuple[bool, str]]:
    bar = window.actions_bar
    return {which: (bar[which].isEnabled(), bar[which].toolTip())
            for which in (acts.RESTORE, acts.CHECK, acts.DRILL, acts.OPEN_FOLDER)}


def test_before_the_first_backup_the_buttons_say_why_they_are_off_and_after_it_they_work(
        qtbot, tmp_path, guard_names, monkeypatch):
    stand_in_inhibitor(tmp_path, monkeypatch)
    set_up(tmp_path, guard_names, secondary=str(tmp_path / "offsite"), password=PASSWORD)
    window = open_window(qtbot, Desk())
    assert window.backup_button.isEnabled()
    assert states(window) == {
        acts.RESTORE: (False, NO_BACKUP),
        acts.CHECK: (False, NO_BACKUP),
        acts.DRILL: (False, 'There is no off-site copy to practise with yet. It is made by the next backup '
                            '("Back up now").'),
        acts.OPEN_FOLDER: (True, ""),  # the setup made the folder: it opens, empty
    }

    window.backup_button.click()
    qtbot.waitUntil(lambda: window.busy is None and window.loads >= 2, timeout=WAIT)
    assert window.snapshot.primary_facts.generations == 1 and window.snapshot.offsite.snapshot
    assert states(window) == {which: (True, "") for which in (acts.RESTORE, acts.CHECK, acts.DRILL, acts.OPEN_FOLDER)}


def test_open_backup_folder_is_off_while_the_drive_is_away(qtbot, tmp_path, guard_names, monkeypatch):
    stand_in_inhibitor(tmp_path, monkeypatch)
    set_up(tmp_path, guard_names)
    window = open_window(qtbot, Desk())
    window.backup_button.click()
    qtbot.waitUntil(lambda: window.busy is None and window.loads >= 2, timeout=WAIT)
    assert window.open_button.isEnabled()
    shutil.rmtree(tmp_path / "drive")  # unplugged
    window.refresh()
    qtbot.waitUntil(lambda: window.loads >= 3, timeout=WAIT)
    assert not window.open_button.isEnabled()
    assert window.open_button.toolTip() == 'The backup drive is not connected. Connect it, then press "Check again".'
    assert window.restore_button.isEnabled()  # the history knows a backup: the dialog says where it is


def test_more_has_settings_when_the_app_can_open_the_assistant(qtbot, tmp_path):
    from tsbackup_gui.ui.status_window import StatusWindow

    set_up(tmp_path, ["no-such-program-buttons-settings"])
    opened = []
    window = StatusWindow(language="en", hooks=more.Hooks(settings=lambda: opened.append(True)))
    qtbot.addWidget(window)
    entry = window.actions_bar.more_actions[more.SETTINGS]
    assert entry.text() == "&Settings…"
    entry.trigger()
    assert opened == [True]
    bare = StatusWindow(language="en")
    qtbot.addWidget(bare)
    assert more.SETTINGS not in bare.actions_bar.more_actions


def test_a_missing_offsite_folder_names_the_choice_and_the_menu_entry_that_exist(qtbot, tmp_path):
    from tsbackup_gui.ui.wizard import ids
    from wizard_helpers import make_wizard, next_to, pick_folder_as_drive, to_installation

    root = tmp_path / "demo"
    wizard, dialogs = make_wizard(qtbot, root)
    to_installation(qtbot, wizard)
    next_to(qtbot, wizard, ids.DRIVE)
    pick_folder_as_drive(qtbot, wizard, dialogs, root / "Volumes" / "Backup Drive")
    next_to(qtbot, wizard, ids.OFFSITE)
    page = wizard.page_of(ids.OFFSITE)
    page.partner_choice.setChecked(True)
    page.partner.folder_choice.setChecked(True)
    page.partner.folder.setText(str(tmp_path / "no-such-share" / "kanzlei-offsite"))
    page.password.setText(PASSWORD)
    page.test_button.click()
    qtbot.waitUntil(lambda: not page.busy, timeout=WAIT)
    text = page.result.text()
    assert "does not exist" in text
    assert "key" not in text and "IT partner" not in text
    assert text.endswith('If it cannot be reached yet, choose "Not now" and set up the off-site copy later with '
                         '"Settings…" (in the backup icon\'s menu, or under "More" in the status window).')
    assert page.later_choice.text().replace("&", "").startswith("Not now")  # the choice the sentence names
