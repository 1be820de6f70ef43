"""Single pages of the wizard: the workstation stop, an invalid folder, the drive list from a given
partition list, the connection test, the recovery-sheet gate, Cancel, the restore entry, and
keyboard and screen-reader basics."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton, QAbstractSpinBox, QComboBox, QLineEdit, QPlainTextEdit, QRadioButton, QTextBrowser, QTreeWidget,
)

from tsbackup_gui.core.store import config as config_mod
from tsbackup_gui.core.clock import FixedClock
from tsbackup_gui.core.places import places
from tsbackup_gui.ui.wizard import ids

from fourd_trees import mac_workstation
from ports import closed_port
from wizard_helpers import (
    NOW, example_partitions, example_usage, idle, make_wizard, next_to, pick_folder_as_drive, to_installation,
)


def test_workstation_stops_with_guidance(qtbot, tmp_path):
    root = tmp_path / "station"
    mac_workstation(root)
    wizard, dialogs = make_wizard(qtbot, root, demo=None)
    to_installation(qtbot, wizard)
    page = wizard.page_of(ids.INSTALLATION)
    assert page.headline.text() == "This is a workstation: install the assistant on the server."
    assert page.guidance.text().startswith("Only the timeSensor LEGAL client is installed here")
    assert not page.isComplete() and not wizard.button(wizard.WizardButton.NextButton).isEnabled()
    assert not page.mode_box.isVisible()


def test_an_invalid_folder_is_refused_in_one_sentence(qtbot, tmp_path):
    root = tmp_path / "station"
    mac_workstation(root)
    wizard, dialogs = make_wizard(qtbot, root, demo=None)
    to_installation(qtbot, wizard)
    page = wizard.page_of(ids.INSTALLATION)
    missing = tmp_path / "nowhere" / "timeSensor DataFiles"
    dialogs.folders.append(str(missing))
    page.choose_button.click()
    idle(qtbot, wizard)
    assert page.check_label.text() == (
        f"The folder {missing} does not exist. Choose the folder 'timeSensor DataFiles' of your installation.")
    assert not page.isComplete()
    a_file = tmp_path / "notes.txt"
    a_file.write_text("x")
    dialogs.folders.append(str(a_file))
    page.choose_button.click()
    idle(qtbot, wizard)
    assert page.check_label.text().startswith(f"{a_file} is a file, not a folder.")
    # a real folder chosen by hand un-stops the workstation, with a warning when it does not look like timeSensor's
    other = tmp_path / "Firmendaten"
    (other / "sub").mkdir(parents=True)
    (other / "sub" / "a.txt").write_bytes(b"12345")
    dialogs.folders.append(str(other))
    page.choose_button.click()
    idle(qtbot, wizard)
    assert page.isComplete() and wizard.state.source == other
    assert page.headline.text() == "You chose the data folder yourself."
    assert "does not look like a timeSensor data folder" in page.notes.text()
    assert page.size_value.text() == "The data folder holds 1 files, 5 bytes in all."


def test_drive_list_from_a_given_partition_list(qtbot, tmp_path):
    wizard, dialogs = make_wizard(qtbot, tmp_path / "demo", partitions=example_partitions(), usage=example_usage)
    to_installation(qtbot, wizard)
    wizard.state.source = Path("/Users/Shared/timeSensor DataFiles")  # as on the Mac these partitions describe
    next_to(qtbot, wizard, ids.DRIVE)
    page = wizard.page_of(ids.DRIVE)
    rows = [[page.table.topLevelItem(i).text(c) for c in range(6)] for i in range(page.table.topLevelItemCount())]
    assert rows == [
        ["backup", "2.8 TB", "4.3 TB", "network share", "smbfs, likely full copies", "recommended"],
        ["Backup SSD", "935.2 GB", "1.1 TB", "external drive", "apfs: unchanged files take no extra space", "recommended"],
        ["USB STICK", "16.1 GB", "17.2 GB", "external drive", "msdos, full copies", "recommended"],
        ["System disk (/)", "227.6 GB", "530.4 GB", "internal disk", "apfs: unchanged files take no extra space", "not suitable (data disk)"],
    ]  # not listed: /proc, tmpfs, the read-only CD, macOS's own /System/Volumes/Data
    assert page.current_drive().name == "backup"  # the best one is proposed
    assert page.isComplete()
    page.table.setCurrentItem(page.table.topLevelItem(3))
    assert page.notes.text().startswith("Not suitable: the timeSensor data is on this disk")
    assert page.insist.isVisible() and not page.isComplete()  # refused unless the user insists
    page.insist.setChecked(True)
    assert page.isComplete()
    page.table.setCurrentItem(page.table.topLevelItem(2))
    assert not page.insist.isVisible() and not page.insist.isChecked()
    assert "FAT cannot store files larger than 4 GB" in page.notes.text()
    assert page.estimate_label.text().startswith("Every backup is a full copy there, so keeping up to 34 backups")


def test_connection_test_success_on_a_local_folder(qtbot, tmp_path):
    wizard, dialogs = make_wizard(qtbot, tmp_path / "demo")
    to_installation(qtbot, wizard)
    next_to(qtbot, wizard, ids.DRIVE)
    pick_folder_as_drive(qtbot, wizard, dialogs, tmp_path / "demo" / "Volumes" / "Backup Drive")
    next_to(qtbot, wizard, ids.OFFSITE)
    page = wizard.page_of(ids.OFFSITE)
    page.partner_choice.setChecked(True)
    page.partner.folder_choice.setChecked(True)
    dialogs.folders.append(str(tmp_path / "nas"))
    (tmp_path / "nas").mkdir()
    page.partner.choose_button.click()
    assert page.partner.folder.text() == str(tmp_path / "nas")
    page.test_button.click()
    idle(qtbot, wizard)
    assert page.result.text() == "The connection works. No off-site backup exists there yet: a new one will be created."
    assert list((tmp_path / "nas").iterdir()) == []


def test_connection_test_failure_on_a_closed_port(qtbot, tmp_path):
    port = closed_port()  # bound, never listening: refused at once
    wizard, dialogs = make_wizard(qtbot, tmp_path / "demo", ssh_key_dir=tmp_path / "keys")
    to_installation(qtbot, wizard)
    next_to(qtbot, wizard, ids.DRIVE)
    pick_folder_as_drive(qtbot, wizard, dialogs, tmp_path / "demo" / "Volumes" / "Backup Drive")
    next_to(qtbot, wizard, ids.OFFSITE)
    page = wizard.page_of(ids.OFFSITE)
    page.partner_choice.setChecked(True)
    page.partner.sftp_choice.setChecked(True)
    page.partner.key_button.click()
    idle(qtbot, wizard)
    public = page.partner.public_key.toPlainText()
    assert public.startswith("ssh-ed25519 ") and public.endswith("tsbackup@Demo-Mac")
    assert (tmp_path / "keys" / "tsbackup_ed25519").is_file()
    page.partner.host.setText("127.0.0.1")
    page.partner.port.setValue(port)
    page.partner.user.setText("backup")
    page.partner.path.setText("/srv/backup/kanzlei")
    page.test_button.click()
    idle(qtbot, wizard)
    assert "127.0.0.1" in page.result.text() and str(port) in page.result.text()
    assert page.result.styleSheet() == "color: #b00020;"
    # Next runs the same test and stays on the page with the sentence
    wizard.next()
    idle(qtbot, wizard)
    assert wizard.currentId() == ids.OFFSITE and str(port) in page.result.text()
    # Cancel before the settings are saved: the key this wizard made is gone again, nothing else was written
    wizard.reject()
    assert not (tmp_path / "keys" / "tsbackup_ed25519").exists()
    assert not (tmp_path / "keys" / "tsbackup_ed25519.pub").exists()
    assert not places().config_file.exists()
    assert not (tmp_path / "demo" / "Volumes" / "Backup Drive" / "timeSensor Backups").exists()


def test_recovery_sheet_gate_and_print(qtbot, tmp_path, test_keyring):
    wizard, dialogs = make_wizard(qtbot, tmp_path / "demo")
    to_installation(qtbot, wizard)
    next_to(qtbot, wizard, ids.DRIVE)
    pick_folder_as_drive(qtbot, wizard, dialogs, tmp_path / "demo" / "Volumes" / "Backup Drive")
    next_to(qtbot, wizard, ids.OFFSITE)
    page = wizard.page_of(ids.OFFSITE)
    page.outside_choice.setChecked(True)
    assert not page.isComplete()
    page.outside_text.setText("NAS copy to the partner's office")
    next_to(qtbot, wizard, ids.SCHEDULE)
    next_to(qtbot, wizard, ids.SHEET)
    sheet = wizard.page_of(ids.SHEET)
    qtbot.waitUntil(lambda: sheet.sheet is not None, timeout=20_000)
    commit = wizard.button(wizard.WizardButton.CommitButton)
    assert commit.isVisible() and not commit.isEnabled()  # Next stays off until the tick
    assert config_mod.load().recovery_sheet_confirmed is None
    dialogs.print_to = tmp_path / "printed.pdf"
    sheet.print_button.click()
    assert dialogs.printers and (tmp_path / "printed.pdf").read_bytes().startswith(b"%PDF")
    assert sheet.result.text() == "The recovery sheet was sent to the printer."
    sheet.stored.setChecked(True)
    assert commit.isEnabled()
    next_to(qtbot, wizard, ids.SUMMARY)
    assert config_mod.load().recovery_sheet_confirmed == "2026-11-27"


def test_restore_entry_restores_a_demo_backup_into_a_new_folder(qtbot, tmp_path):
    from tsbackup_gui.core.install.demo import create_demo
    from tsbackup_gui.core.run.backup import run_backup
    from tsbackup_gui.core.setup.configure import SetupOptions, configure

    layout = create_demo(tmp_path / "demo", "single-user", now=NOW)
    result = configure(SetupOptions(source=str(layout.data_dir), primary=str(layout.primary_target),
                                    computer="Demo-Mac"))
    run = run_backup(result.config, clock=FixedClock(NOW))
    assert run.outcome == "ok"
    settings = places().config_file.read_bytes()
    wizard, dialogs = make_wizard(qtbot, tmp_path / "new-computer", demo=None)
    wizard.page_of(ids.WELCOME).restore_choice.setChecked(True)
    next_to(qtbot, wizard, ids.RESTORE)
    page = wizard.page_of(ids.RESTORE)
    assert not page.restore_button.isEnabled()
    dialogs.folders.append(str(layout.primary_target))  # the whole drive: the newest good backup is found
    page.drive_button.click()
    idle(qtbot, wizard)
    assert page.found.text().startswith(f"The backup {run.generation} of Demo-Mac, made on ")
    target = tmp_path / "Wiederhergestellt"
    dialogs.folders.append(str(target))
    page.target_button.click()
    assert page.restore_button.isEnabled()
    page.restore_button.click()
    assert not wizard.button(wizard.WizardButton.FinishButton).isEnabled()
    idle(qtbot, wizard)
    assert page.report is not None, page.result.text()
    restored = target / "timeSensor DataFiles"
    for relative in ("timeSensor.4DD", "Dokumente/Müller & Söhne/Honorarnote 2026-11.pdf"):
        assert (restored / relative).read_bytes() == (layout.data_dir / relative).read_bytes()
    assert page.result.text().startswith("Files restored: 21 (")
    assert wizard.button(wizard.WizardButton.FinishButton).isEnabled()
    # a second restore into the same (now full) folder is refused in one sentence, nothing touched
    page.restore_button.click()
    idle(qtbot, wizard)
    assert page.result.text() == f"The folder {target} is not empty. Restore into a new or empty folder; nothing was changed."
    assert places().config_file.read_bytes() == settings  # restoring changes no setup


def takes_the_keyboard(widget) -> bool:
    """Tab reaches it; in a group of radio buttons Tab reaches the group's checked one and the arrow
    keys the others (Qt takes Tab focus from the unchecked ones on purpose)."""
    if widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
        return True
    if isinstance(widget, QRadioButton) and widget.focusPolicy() & Qt.FocusPolicy.ClickFocus:
        group = widget.group()
        mates = group.buttons() if group is not None else [
            w for w in widget.parent().findChildren(QRadioButton) if w.parent() is widget.parent()]
        return any(mate.focusPolicy() & Qt.FocusPolicy.TabFocus for mate in mates if mate is not widget)
    return False


def test_every_control_has_an_accessible_name_and_takes_the_keyboard(qtbot, tmp_path):
    wizard, dialogs = make_wizard(qtbot, tmp_path / "demo")
    kinds = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QTreeWidget, QTextBrowser, QPlainTextEdit)
    unnamed, no_keyboard, seen = [], [], {}
    for page_id, page in wizard.pages.items():
        for kind in kinds:
            for widget in page.findChildren(kind):
                if isinstance(widget.parent(), QAbstractSpinBox):
                    continue  # the spin box's own editor: the box carries the name
                shown = f"{type(page).__name__}: {type(widget).__name__} {getattr(widget, 'text', lambda: '')()}"
                seen.setdefault(type(page).__name__, set()).add(kind.__name__)
                if not widget.accessibleName().strip():
                    unnamed.append(shown)
                if not takes_the_keyboard(widget):
                    no_keyboard.append(shown)
    for which in (wizard.WizardButton.BackButton, wizard.WizardButton.NextButton, wizard.WizardButton.CancelButton,
                  wizard.WizardButton.FinishButton):
        assert wizard.button(which).accessibleName()
        assert wizard.button(which).focusPolicy() & Qt.FocusPolicy.TabFocus
    # the walk found the controls: every page has some, and every kind of control occurs somewhere
    assert set(seen) == {type(page).__name__ for page in wizard.pages.values()}, seen
    assert set().union(*seen.values()) == {kind.__name__ for kind in kinds}, seen
    assert unnamed == []
    assert no_keyboard == []
    # Enter is Next: the welcome page moves on without the mouse
    qtbot.keyClick(wizard, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: wizard.currentId() == ids.INSTALLATION, timeout=5000)
    idle(qtbot, wizard)


def test_the_app_opens_the_wizard_on_first_start_and_from_settings(qtbot, tmp_path):
    from tsbackup_gui.core.setup.configure import SetupOptions, configure
    from tsbackup_gui.ui.wizard import WizardLauncher

    finished = []
    launcher = WizardLauncher(language="en", demo_root=tmp_path / "demo", on_finished=finished.append)
    launcher.open_if_not_configured()
    qtbot.waitUntil(lambda: launcher.wizard is not None and launcher.wizard.isVisible(), timeout=10_000)
    wizard = launcher.wizard
    assert wizard.state.previous is None and wizard.env.demo == "single-user"
    assert wizard.env.extra_places == [("Backup Drive (demo)", tmp_path / "demo" / "Volumes" / "Backup Drive")]
    wizard.reject()
    assert finished == [None] and launcher.wizard is None
    # once set up: no wizard at start, and "Settings…" opens it pre-filled
    (tmp_path / "data").mkdir()
    (tmp_path / "drive").mkdir()
    configure(SetupOptions(source=str(tmp_path / "data"), primary=str(tmp_path / "drive"), computer="Mac"))
    launcher.open_if_not_configured()
    qtbot.waitUntil(lambda: launcher.loads == 2, timeout=10_000)
    assert launcher.wizard is None
    launcher.open()
    qtbot.waitUntil(lambda: launcher.wizard is not None, timeout=10_000)
    assert launcher.wizard.state.previous.computer == "Mac"
    assert launcher.wizard.windowTitle() == "Backup settings — tsbackup"
    launcher.wizard.reject()
