"""Restore…: a real generation restored into a new folder equals its manifest; putting it back keeps the
old data folder byte for byte; a server gets 4D Server's own restore as steps."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt

from tsbackup_gui.core.store import config as config_mod
from tsbackup_gui.core.clock import Clock
from tsbackup_gui.core.install.demo import create_demo
from tsbackup_gui.core.primary.manifest import Manifest
from tsbackup_gui.core.setup.configure import SetupOptions, configure
from tsbackup_gui.ui.restore_dialog import RestoreDialog

from journey_helpers import tree_hashes

WAIT = 60000


def backed_up_demo(tmp_path: Path) -> config_mod.Config:
    from tsbackup_gui.core.run.backup import run_backup

    layout = create_demo(tmp_path / "demo", "single-user")
    configure(SetupOptions(source=str(layout.data_dir), primary=str(layout.primary_target), computer="Demo-Mac"))
    config = config_mod.require()
    assert run_backup(config, clock=Clock()).generation is not None
    return config


def test_restore_a_generation_then_put_it_back_in_place(qtbot, tmp_path):
    config = backed_up_demo(tmp_path)
    live = Path(config.source)
    (live / "Dokumente" / "nach dem Backup.txt").write_text("changed after the backup")  # the live data moved on
    live_before = tree_hashes(live)
    to = tmp_path / "restored"
    asked = []
    dialog = RestoreDialog(config, language="en", choose_folder=lambda *_a: str(to),
                           confirm=lambda _parent, text: asked.append(text) or True)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.load()
    qtbot.waitUntil(lambda: dialog.primary_table.rowCount() == 1, timeout=WAIT)
    assert dialog.primary_table.item(0, 1).text() == "consistent"
    assert not dialog.put_back_button.isVisible() and not dialog.server_steps.isVisible()
    dialog.target_button.click()
    assert dialog.target.text() == str(to) and dialog.restore_button.isEnabled()
    dialog.restore_button.click()
    qtbot.waitUntil(lambda: dialog.report is not None or not dialog.busy, timeout=WAIT)
    assert dialog.report is not None, dialog.result.text()
    assert dialog.result.text().startswith("Files restored: ") and "every file matches the backup's manifest" in dialog.result.text()
    # restore equality: every restored file hashes to what the generation's manifest recorded
    manifest = Manifest.read(dialog.generations[0].path / "tsbackup-manifest.json")
    expected = {e.path: e.sha256 for e in manifest.entries if e.type == "file" and e.skipped_reason is None}
    restored = {f"timeSensor DataFiles/{k}": v for k, v in tree_hashes(to / "timeSensor DataFiles").items()}
    assert expected and restored == expected

    assert dialog.put_back_button.isVisible()
    dialog.put_back_button.click()
    qtbot.waitUntil(lambda: dialog.swap is not None or not dialog.busy, timeout=WAIT)
    assert dialog.swap is not None, dialog.result.text()
    assert asked and "Close timeSensor LEGAL first" in asked[0]
    aside = dialog.swap.aside
    assert aside.parent == live.parent and aside.name.startswith("timeSensor DataFiles (before restore ")
    assert tree_hashes(aside) == live_before  # the old data, with today's change, exact bytes
    assert {f"timeSensor DataFiles/{k}": v for k, v in tree_hashes(live).items()} == expected
    assert dialog.result.text().startswith(f"The restored data is now in place in {live}.")


def test_a_server_gets_4d_servers_own_restore_as_steps(qtbot, tmp_path):
    layout = create_demo(tmp_path / "server", "server")
    config = config_mod.Config(source=str(layout.data_dir), primary=str(layout.primary_target), computer="Server",
                               mode="server")
    dialog = RestoreDialog(config, language="en")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.server_steps.isVisible() and not dialog.put_back_button.isVisible()
    lines = dialog.server_steps.text().splitlines()
    assert lines[1] == "1. Ask everyone to close timeSensor LEGAL, then quit timeSensor Server on this server."
    assert lines[3] == "3. Start 4D Server without opening a database and choose Restore… in its File menu."
    assert len(lines) == 7 and lines[-1].startswith("6. Start timeSensor Server again")
    assert not dialog.list_button.isEnabled()


def test_server_steps_in_german(qtbot, tmp_path):
    layout = create_demo(tmp_path / "server", "server")
    config = config_mod.Config(source=str(layout.data_dir), primary=str(layout.primary_target), computer="Server",
                               mode="server")
    dialog = RestoreDialog(config, language="de")
    qtbot.addWidget(dialog)
    lines = dialog.server_steps.text().splitlines()
    assert len(lines) == 7
    assert lines[1] == ("1. Bitten Sie alle, timeSensor LEGAL zu schliessen, und beenden Sie dann timeSensor Server "
                        "auf diesem Server.")


def test_a_servers_steps_are_worked_out_on_the_worker_with_the_restore(qtbot, tmp_path, monkeypatch):
    import dataclasses
    import threading

    from tsbackup_gui.core.restore import choices as restore_choices

    config = dataclasses.replace(backed_up_demo(tmp_path), mode="server")  # its backup holds 4D's archives
    walked = []
    real = restore_choices.newest_archive_in
    monkeypatch.setattr(restore_choices, "newest_archive_in",
                        lambda restored: walked.append((restored, threading.current_thread())) or real(restored))
    dialog = RestoreDialog(config, language="en")
    qtbot.addWidget(dialog)
    dialog.load()
    qtbot.waitUntil(lambda: dialog.primary_table.rowCount() == 1, timeout=WAIT)
    dialog.target.setText(str(tmp_path / "restored"))
    dialog.restore()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=WAIT)
    assert dialog.report is not None, dialog.result.text()
    restored_archive = tmp_path / "restored" / "timeSensor DataFiles" / "STUFF" / "BACKUP" / "timeSensor[0093-0001].4BK"
    assert f"Select the archive {restored_archive} and restore it" in dialog.server_steps.text()
    walks = [thread for restored, thread in walked if restored is not None]
    assert walks and threading.main_thread() not in walks  # never the GUI thread


def test_close_becomes_cancel_while_restoring_and_the_cancelled_restore_leaves_nothing(qtbot, tmp_path, monkeypatch):
    """Close while a real restore copies: it is asked to stop, the dialog waits for it, and the
    outcome is the product's own: the unfinished copy removed, the live data untouched, nothing to put back."""
    import threading

    from tsbackup_gui.core.restore import into_folder

    config = backed_up_demo(tmp_path)
    live_before = tree_hashes(Path(config.source))
    copying, real_copy = threading.Event(), into_folder.copy_tree

    def copy_when_cancelled(src, dst, cancel=None):
        # the worker is inside the restore (its staging folder made) until the person has clicked
        copying.set()
        assert cancel is not None and cancel.wait(WAIT / 1000)
        return real_copy(src, dst, cancel)

    monkeypatch.setattr(into_folder, "copy_tree", copy_when_cancelled)
    to = tmp_path / "restored"
    dialog = RestoreDialog(config, language="en")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.load()
    qtbot.waitUntil(lambda: dialog.primary_table.rowCount() == 1, timeout=WAIT)
    dialog.target.setText(str(to))
    dialog.restore()
    qtbot.waitUntil(copying.is_set, timeout=WAIT)
    assert to.exists()  # the restore has begun
    assert dialog.close_button.text() == "Cancel" and dialog.close_button.accessibleName() == "Cancel the restore"
    dialog.close_button.click()  # asks the restore to stop; the dialog stays until it has
    assert dialog.isVisible() and dialog.result.text() == "Stopping the restore …"
    qtbot.waitUntil(lambda: not dialog.busy, timeout=WAIT)
    assert dialog.result.text() == ("The restore was cancelled. The unfinished copy was removed; your current data "
                                    "was not touched.")
    assert not to.exists() and sorted(p.name for p in tmp_path.iterdir()) == ["demo", "tsbackup-home"]
    assert tree_hashes(Path(config.source)) == live_before
    assert dialog.report is None and not dialog.put_back_button.isVisible()
    assert dialog.close_button.text().replace("&", "") == "Close" and dialog.isVisible()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_esc_and_the_close_box_are_refused_while_the_data_is_put_back(qtbot, tmp_path, monkeypatch):
    """A real put-back, held between its start and its renames: neither Esc nor close() ends the dialog;
    once it has run, the restored data is in place and Esc closes."""
    import threading

    from tsbackup_gui.core.restore import put_back as put_back_mod

    config = backed_up_demo(tmp_path)
    live = Path(config.source)
    started, release, real_put_back = threading.Event(), threading.Event(), put_back_mod.put_back

    def held_put_back(*args, **kwargs):
        started.set()
        assert release.wait(WAIT / 1000)
        return real_put_back(*args, **kwargs)

    monkeypatch.setattr(put_back_mod, "put_back", held_put_back)
    dialog = RestoreDialog(config, language="en", confirm=lambda *_a: True)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.load()
    qtbot.waitUntil(lambda: dialog.primary_table.rowCount() == 1, timeout=WAIT)
    dialog.target.setText(str(tmp_path / "restored"))
    dialog.restore()
    qtbot.waitUntil(lambda: dialog.report is not None or not dialog.busy, timeout=WAIT)
    assert dialog.report is not None, dialog.result.text()
    (live / "nach dem Restore.txt").write_text("changed after the restore")
    live_before = tree_hashes(live)
    dialog.put_back_button.click()
    qtbot.waitUntil(started.is_set, timeout=WAIT)
    try:
        assert dialog.result.text() == "Putting the restored data in place …"
        assert not dialog.close_button.isEnabled()
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        dialog.close()
        assert dialog.isVisible()  # neither Esc nor the close box cuts off the renames
    finally:
        release.set()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=WAIT)
    assert dialog.swap is not None, dialog.result.text()
    assert dialog.result.text().startswith(f"The restored data is now in place in {live}.")
    assert tree_hashes(dialog.swap.aside) == live_before  # the data of a moment ago, kept beside it
    assert not (live / "nach dem Restore.txt").exists()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_refuses_a_target_inside_the_data_or_the_backups_or_a_relative_one(qtbot, tmp_path):
    import pytest

    from tsbackup_gui.core.errors import Exit, UserError
    from tsbackup_gui.core.restore.choices import check_restore_target

    config = backed_up_demo(tmp_path)
    source, backups = Path(config.source), Path(config.primary) / "timeSensor Backups"
    cases = {
        source / "Wiederherstellung": f"{source / 'Wiederherstellung'} lies inside the timeSensor data folder {source}. "
                                      "Restore into a new folder elsewhere; nothing was changed.",
        backups / "neu": f"{backups / 'neu'} lies inside the backups folder {backups}. "
                         "Restore into a new folder elsewhere; nothing was changed.",
        Path("restored"): 'restored is not a full folder path. Choose the folder with "Choose folder…" or type its '
                          "whole path.",
    }
    for target, sentence in cases.items():
        with pytest.raises(UserError) as caught:
            check_restore_target(config, target)
        assert caught.value.exit_code == Exit.USAGE and caught.value.message.english() == sentence
        assert not (target.is_absolute() and target.exists())  # nothing created
    os.symlink(source, tmp_path / "link-to-data")  # resolved: a link does not hide the data folder
    with pytest.raises(UserError):
        check_restore_target(config, tmp_path / "link-to-data" / "neu")
    dialog = RestoreDialog(config, language="en")
    qtbot.addWidget(dialog)
    dialog.load()
    qtbot.waitUntil(lambda: dialog.primary_table.rowCount() == 1, timeout=WAIT)
    dialog.target.setText(str(backups / "neu"))
    dialog.restore()
    assert not dialog.busy and dialog.result.text() == cases[backups / "neu"]


def own_backups(tmp_path: Path, names: list[str]) -> config_mod.Config:
    """The demo backed up once, with this test's own program name for the guard."""
    from tsbackup_gui.core.run.backup import run_backup

    layout = create_demo(tmp_path / "demo", "single-user")
    configure(SetupOptions(source=str(layout.data_dir), primary=str(layout.primary_target), computer="Demo-Mac"))
    config = config_mod.require()
    config.process_names = names
    config_mod.save(config)
    assert run_backup(config, clock=Clock()).generation is not None
    return config


def restore_into(qtbot, dialog, folder: Path) -> None:
    dialog.target.setText(str(folder))
    dialog.restore_button.click()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=WAIT)


def test_put_back_is_only_for_the_restore_that_just_succeeded_into_the_folder_shown(qtbot, tmp_path):
    """A second restore that is refused (a non-empty folder) or a changed folder field leaves nothing to
    put back: Yes can never swap in an earlier restore than the one the person is looking at."""
    from tsbackup_gui.ui.status_format import when_text

    config = own_backups(tmp_path, ["no-such-program-put-back-1"])
    live = Path(config.source)
    (live / "Dokumente" / "heute.txt").write_text("written after the backup")
    asked = []
    dialog = RestoreDialog(config, language="en", confirm=lambda _parent, text: asked.append(text) or True)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.load()
    qtbot.waitUntil(lambda: dialog.primary_table.rowCount() == 1, timeout=WAIT)
    first = tmp_path / "A"
    restore_into(qtbot, dialog, first)
    assert dialog.report is not None, dialog.result.text()
    assert dialog.put_back_button.isVisible() and dialog.put_back_button.isEnabled()

    dialog.target.setText(str(tmp_path / "elsewhere"))  # the field no longer names the restored folder
    assert not dialog.put_back_button.isEnabled()
    dialog.target.setText(str(first))
    assert dialog.put_back_button.isEnabled()

    occupied = tmp_path / "B"
    occupied.mkdir()
    (occupied / "Brief.txt").write_text("someone's letter")
    restore_into(qtbot, dialog, occupied)  # refused at once: the folder is not empty
    assert "is not empty" in dialog.result.text() or "empty" in dialog.result.text(), dialog.result.text()
    assert not (dialog.put_back_button.isVisible() and dialog.put_back_button.isEnabled())
    dialog.put_back()  # even asked directly, nothing is put back
    dialog.target.setText(str(first))  # not even with the earlier folder typed again
    assert not dialog.put_back_button.isEnabled()
    dialog.put_back()
    assert asked == [] and dialog.swap is None and (live / "Dokumente" / "heute.txt").is_file()

    third = tmp_path / "C"
    restore_into(qtbot, dialog, third)
    assert dialog.report is not None and dialog.put_back_button.isEnabled()
    dialog.put_back_button.click()
    qtbot.waitUntil(lambda: dialog.swap is not None or not dialog.busy, timeout=WAIT)
    assert dialog.swap is not None, dialog.result.text()
    backup_date = when_text(dialog.generations[0].ended)
    aside = dialog.swap.aside
    assert asked == [f"Put the backup of {backup_date}, restored in {third / 'timeSensor DataFiles'}, in place of the "
                     f"current data in {live}? Close timeSensor LEGAL first. The current data is kept (not deleted) "
                     f"and renamed to {aside.name}."]
    assert (aside / "Dokumente" / "heute.txt").read_text() == "written after the backup"
    assert not (live / "Dokumente" / "heute.txt").exists()  # the restored backup (C) is what is in place
    assert not (third / "timeSensor DataFiles").exists() and (first / "timeSensor DataFiles").is_dir()
    assert not dialog.put_back_button.isVisible()
