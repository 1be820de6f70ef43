"""Issue 22 item 11: every window, dialog and wizard page shows its words whole, in English and German —
no label cut mid-line or elided, no field narrower than what it holds. The windows are laid out
offscreen at the size they open with, as a person first sees them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QLabel, QLineEdit, QWidget

from test_housekeeping_ui import NOW, Desk, open_window
from test_scheduler import drive_root, office  # noqa: F401 - shared fixtures: a configured office
from wizard_helpers import make_wizard, next_to, pick_folder_as_drive, to_installation

from tsbackup_gui.ui import status_more as more
from tsbackup_gui.ui.wizard import ids


def clipped(root: QWidget) -> list[str]:
    """What a person would see cut off in `root`: labels whose text does not fit, fields narrower than their content."""
    QCoreApplication.processEvents()
    found = []
    for label in root.findChildren(QLabel):
        if not label.isVisibleTo(root) or not label.text().strip():
            continue
        name = f"{type(root).__name__}: {label.text()[:60]!r}"
        if label.wordWrap():
            need = label.heightForWidth(label.width())
            if need > label.height() + 1:
                found.append(f"{name} needs {need} px of height, has {label.height()}")
        elif label.sizeHint().width() > label.width() + 1 or label.minimumSizeHint().height() > label.height() + 1:
            found.append(f"{name} needs {label.sizeHint().width()}x{label.minimumSizeHint().height()} px, has "
                         f"{label.width()}x{label.height()}")
    for field in root.findChildren(QLineEdit) + root.findChildren(QComboBox):
        if not field.isVisibleTo(root) or isinstance(field.parent(), (QComboBox, QAbstractSpinBox)):
            continue
        least = field.minimumSizeHint().width()
        if isinstance(field, QComboBox):
            least = max(least, min(field.sizeHint().width(), 260))  # its longest entry, up to a sensible width
        if field.width() < least or field.height() < field.minimumSizeHint().height():
            found.append(f"{type(root).__name__}: field {field.accessibleName()!r} is {field.width()}x{field.height()} "
                         f"px, needs {least}x{field.minimumSizeHint().height()}")
    return found


@pytest.mark.parametrize("language", ["en", "de"])
def test_the_more_dialogs_show_their_words_whole(qtbot, office, tmp_path, language, speaking):  # noqa: F811
    speaking(language)
    window = open_window(qtbot, Desk(), tmp_path, language=language)
    window.show()
    qtbot.waitExposed(window)
    found = clipped(window)
    for which in (more.PAUSE, more.DRIVES, more.DIAGNOSTICS, more.FORGET, more.SHEET):
        dialog = window.housekeeping.open(which)
        qtbot.waitUntil(lambda: not getattr(dialog, "busy", False), timeout=30_000)
        found += clipped(dialog)
        dialog.close()
    from tsbackup_gui.core.clock import FixedClock
    from tsbackup_gui.ui.housekeeping_password import PasswordDialog
    from tsbackup_gui.ui.restore_dialog import RestoreDialog

    password = PasswordDialog(office, language=language, clock=FixedClock(NOW), parent=window)
    password.show()
    found += clipped(password)
    password.close()
    restore = RestoreDialog(office, language=language, clock=FixedClock(NOW), choose_folder=lambda *_a: None)
    qtbot.addWidget(restore)
    restore.show()
    found += clipped(restore)
    assert found == [], "\n".join(found)


@pytest.mark.parametrize("language", ["en", "de"])
def test_the_wizard_pages_show_their_words_whole(qtbot, tmp_path, language, speaking):
    speaking(language)
    root = tmp_path / "demo"
    wizard, dialogs = make_wizard(qtbot, root, language=language)
    found = clipped(wizard.currentPage())
    to_installation(qtbot, wizard)
    found += clipped(wizard.currentPage())
    next_to(qtbot, wizard, ids.DRIVE)
    pick_folder_as_drive(qtbot, wizard, dialogs, root / "Volumes" / "Backup Drive")
    found += clipped(wizard.currentPage())
    next_to(qtbot, wizard, ids.OFFSITE)
    page = wizard.page_of(ids.OFFSITE)
    for choice in (page.cloud_choice, page.outside_choice, page.partner_choice):
        choice.setChecked(True)
        found += clipped(page)
    page.later_choice.setChecked(True)
    next_to(qtbot, wizard, ids.SCHEDULE)
    found += clipped(wizard.currentPage())
    schedule = wizard.page_of(ids.SCHEDULE)
    schedule.reports.setChecked(True)  # the reports group opens its fields
    found += clipped(wizard.currentPage())
    assert found == [], "\n".join(found)


@pytest.mark.parametrize("language", ["en", "de"])
def test_the_restore_dialogs_buttons_stay_where_they_are_after_a_result(qtbot, office, tmp_path,  # noqa: F811
                                                                        language, speaking):
    from tsbackup_gui.core.clock import FixedClock
    from tsbackup_gui.ui.restore_dialog import RestoreDialog

    speaking(language)
    dialog = RestoreDialog(office, language=language, clock=FixedClock(NOW), choose_folder=lambda *_a: None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    buttons = (dialog.restore_button, dialog.target_button, dialog.close_button)

    def places():
        QCoreApplication.processEvents()
        return [button.mapTo(dialog, button.rect().topLeft()) for button in buttons]

    before = places()
    dialog.result.setText(dialog.tr("Restoring and checking … this can take a while."))
    assert places() == before
    dialog.result.setText("Files restored: 21 (1.2 MB) from the backup of 27.11.2026 17:05 into "  # three lines
                          f"{tmp_path / 'Wiederhergestellt' / 'timeSensor DataFiles'}; every file matches the "
                          "backup's manifest. Nothing of the current data was touched.")
    dialog.put_back_button.setVisible(True)
    assert places() == before
    assert clipped(dialog) == []


def doubled_shortcuts(root: QWidget) -> dict[str, list[str]]:
    """Shortcut letters (&x) taken twice among the shown buttons, buddied labels, group boxes and tabs of `root`."""
    from PySide6.QtWidgets import QAbstractButton, QGroupBox, QTabWidget

    from test_german_terms import mnemonic

    QCoreApplication.processEvents()
    texts = []
    for widget in root.findChildren(QAbstractButton) + root.findChildren(QLabel) + root.findChildren(QGroupBox):
        if not widget.isVisibleTo(root) or isinstance(widget, QLabel) and widget.buddy() is None:
            continue
        texts.append(widget.title() if isinstance(widget, QGroupBox) else widget.text())
    for tabs in root.findChildren(QTabWidget):
        if tabs.isVisibleTo(root):
            texts.extend(tabs.tabText(index) for index in range(tabs.count()))
    letters: dict[str, list[str]] = {}
    for text in texts:
        letter = mnemonic(text)
        if letter:
            letters.setdefault(letter, []).append(text)
    return {letter: found for letter, found in letters.items() if len(found) > 1}


@pytest.mark.parametrize("language", ["en", "de"])
def test_no_shortcut_letter_is_taken_twice_in_a_window_or_dialog(qtbot, office, tmp_path, language,  # noqa: F811
                                                                 speaking):
    from tsbackup_gui.core.clock import FixedClock
    from tsbackup_gui.ui.housekeeping_password import PasswordDialog
    from tsbackup_gui.ui.restore_dialog import RestoreDialog

    speaking(language)
    window = open_window(qtbot, Desk(), tmp_path, language=language)
    window.show()
    doubled = {"StatusWindow": doubled_shortcuts(window)}
    for which in (more.PAUSE, more.DRIVES, more.DIAGNOSTICS, more.FORGET, more.SHEET):
        dialog = window.housekeeping.open(which)
        doubled[type(dialog).__name__] = doubled_shortcuts(dialog)
        dialog.close()
    password = PasswordDialog(office, language=language, clock=FixedClock(NOW), parent=window)
    password.show()
    doubled["PasswordDialog"] = doubled_shortcuts(password)
    password.close()
    restore = RestoreDialog(office, language=language, clock=FixedClock(NOW), choose_folder=lambda *_a: None)
    qtbot.addWidget(restore)
    restore.show()
    restore.put_back_button.setVisible(True)
    doubled["RestoreDialog"] = doubled_shortcuts(restore)
    found = {name: letters for name, letters in doubled.items() if letters}
    assert found == {}, "\n".join(f"{name}: {letters}" for name, letters in found.items())
