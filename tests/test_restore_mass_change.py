"""After a mass-change warning (ransomware? a wiped database?), the restore list marks that backup and
pre-selects the one before it (issue #22): real generations, the newest made after most files changed."""

from __future__ import annotations

from pathlib import Path

from tsbackup_gui.core.clock import Clock
from tsbackup_gui.core.install.demo import create_demo
from tsbackup_gui.core.restore.choices import preselected, primary_choices
from tsbackup_gui.core.run.backup import run_backup
from tsbackup_gui.core.setup.configure import SetupOptions, configure
from tsbackup_gui.core.store import config as config_mod
from tsbackup_gui.ui.restore_dialog import RestoreDialog

WAIT = 60000
MARK = "⚠ many files changed — check before restoring"


def three_backups_the_newest_after_mass_change(tmp_path: Path, guard_names) -> config_mod.Config:
    layout = create_demo(tmp_path / "demo", "single-user")
    letters = Path(layout.data_dir) / "Briefe"
    letters.mkdir()
    for n in range(30):
        (letters / f"Brief {n:02d}.txt").write_text(f"Sehr geehrte Damen und Herren, Brief {n}\n", encoding="utf-8")
    configure(SetupOptions(source=str(layout.data_dir), primary=str(layout.primary_target), computer="Demo-Mac"))
    config = config_mod.require()
    config.process_names = guard_names
    config_mod.save(config)
    for _ in range(2):
        result = run_backup(config, clock=Clock())
        assert result.outcome == "ok", [m.english() for m in result.reasons]
    for path in letters.iterdir():  # what ransomware leaves: every letter rewritten, unreadable
        path.write_bytes(b"\x8f\x13ENCRYPTED" * 40)
    result = run_backup(config, clock=Clock())
    assert result.outcome == "warning" and result.reasons[0].id == "primary.mass_change"
    return config


def test_the_backup_after_a_mass_change_is_marked_and_the_one_before_is_preselected(qtbot, tmp_path, guard_names):
    config = three_backups_the_newest_after_mass_change(tmp_path, guard_names)
    found = primary_choices(config)
    assert [choice.mass_change for choice in found] == [True, False, False]
    assert preselected(found) == 1

    dialog = RestoreDialog(config, language="en")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.load()
    qtbot.waitUntil(lambda: dialog.primary_table.rowCount() == 3, timeout=WAIT)
    table = dialog.primary_table
    assert table.item(0, 1).text() == MARK + "\nconsistent"
    assert table.item(0, 0).toolTip() == "many files changed — check before restoring"
    assert [table.item(row, 1).text() for row in (1, 2)] == ["consistent", "consistent"]
    assert [index.row() for index in table.selectionModel().selectedRows()] == [1]
    assert dialog.selected().id == found[1].id  # Restore takes the one before the change


def test_german_marks_it_too(qtbot, tmp_path, guard_names):
    from PySide6.QtCore import QTranslator
    from PySide6.QtWidgets import QApplication

    from tsbackup_gui.ui.app import install_translator

    config = three_backups_the_newest_after_mass_change(tmp_path, guard_names)
    app = QApplication.instance()
    installed_before = set(app.findChildren(QTranslator))
    install_translator(app, "de")
    try:
        dialog = RestoreDialog(config, language="de")
        qtbot.addWidget(dialog)
        dialog.load()
        qtbot.waitUntil(lambda: dialog.primary_table.rowCount() == 3, timeout=WAIT)
        assert dialog.primary_table.item(0, 1).text() == (
            "⚠ viele Dateien verändert — vor dem Wiederherstellen prüfen\nkonsistent")
    finally:
        for translator in set(app.findChildren(QTranslator)) - installed_before:
            app.removeTranslator(translator)
            translator.deleteLater()


def test_without_a_warning_the_newest_is_preselected(tmp_path, guard_names):
    layout = create_demo(tmp_path / "demo", "single-user")
    configure(SetupOptions(source=str(layout.data_dir), primary=str(layout.primary_target), computer="Demo-Mac"))
    config = config_mod.require()
    config.process_names = guard_names
    config_mod.save(config)
    for _ in range(2):
        assert run_backup(config, clock=Clock()).outcome == "ok"
    found = primary_choices(config)
    assert [choice.mass_change for choice in found] == [False, False] and preselected(found) == 0
