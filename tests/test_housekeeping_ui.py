"""The status window's "More" menu, driven as a person would: each dialog runs the real core
(config, markers, zip, restic, keyring) and the window shows the result."""

from __future__ import annotations

import hashlib
import os
import zipfile
from pathlib import Path

import pytest

from test_restic_support import PASSWORD, new_repo, raw_restic
from test_scheduler import MONDAY, at, drive_root, office  # noqa: F401 - shared fixtures: a configured office

from tsbackup_gui.core.store import config as config_mod
from tsbackup_gui.core.clock import FixedClock
from tsbackup_gui.core.places import places
from tsbackup_gui.core.primary.target import Target
from tsbackup_gui.core.offsite.upload import PASSWORD_SECRET
from tsbackup_gui.core.store.secrets import SecretStore
from tsbackup_gui.ui import status_more as more
from tsbackup_gui.ui.status_window import StatusWindow

WAIT = 30_000
NOW = at(27, 17, 5)  # Friday
NEW = "Neues-Kanzlei-Passwort-2027"


class Desk:
    """The file and print dialogs a person would answer, as plain answers."""

    def __init__(self):
        self.folders: list[str] = []
        self.save_as: list[str] = []
        self.asked: list[tuple] = []
        self.confirms: list[bool] = []

    def choose_folder(self, parent, title, start):
        self.asked.append(("folder", title, start))
        return self.folders.pop(0) if self.folders else None

    def choose_save_file(self, parent, title, start, filters):
        self.asked.append(("save", title, start, filters))
        return self.save_as.pop(0) if self.save_as else None

    def confirm(self, parent, text):
        self.asked.append(("confirm", text))
        return self.confirms.pop(0) if self.confirms else False


@pytest.fixture
def desk():
    return Desk()


def open_window(qtbot, desk: Desk, tmp_path: Path, language: str = "en") -> StatusWindow:
    hooks = more.Hooks(choose_folder=desk.choose_folder, choose_save_file=desk.choose_save_file,
                       confirm=desk.confirm, print_dialog=lambda parent, printer: False,
                       home=tmp_path / "home", os_name="linux")
    window = StatusWindow(language=language, clock=FixedClock(NOW), hooks=hooks)
    qtbot.addWidget(window)
    window.refresh()
    qtbot.waitUntil(lambda: window.loads >= 1, timeout=WAIT)
    return window


def menu(window: StatusWindow, action_id: str):
    action = window.actions_bar.more_actions[action_id]
    assert action.isEnabled(), action.text()
    action.trigger()
    dialog = window.housekeeping.dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def files_of(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_the_more_menu_lists_the_housekeeping(qtbot, office, tmp_path, desk):
    window = open_window(qtbot, desk, tmp_path)
    assert window.actions_bar.more_button.isVisibleTo(window)
    texts = [a.text() for a in window.actions_bar.more_menu.actions()]
    assert texts == ["&Pause backups…", "Backup &drives…", "Print &recovery sheet…", "Save d&iagnostics for your IT partner…",
                     "Change off-site pass&word…", "&Forget this setup…"]
    # the off-site copy is handled outside this program: there is no password here to change
    assert not window.actions_bar.more_actions[more.PASSWORD].isEnabled()


def test_pause_shows_in_the_status_and_resume_ends_it(qtbot, office, tmp_path, desk):
    window = open_window(qtbot, desk, tmp_path)
    dialog = menu(window, more.PAUSE)
    assert dialog.state.text() == "Backups run as scheduled."
    assert not dialog.resume_button.isVisibleTo(dialog)
    dialog.days.setValue(3)
    assert dialog.ends.text() == "Scheduled backups resume on 2026-11-30."
    dialog.pause_button.click()
    qtbot.waitUntil(lambda: window.loads >= 2 and not dialog.busy, timeout=WAIT)
    assert config_mod.require().paused_until == "2026-11-30T00:00:00+01:00"
    assert dialog.result.text() == ("Backups are paused until 2026-11-30. They resume by themselves; "
                                    "'Back up now' still works.")
    assert window.headline.text() == "Backups are paused until 2026-11-30. They resume by themselves."
    assert dialog.resume_button.isVisibleTo(dialog)
    dialog.resume_button.click()
    qtbot.waitUntil(lambda: window.loads >= 3 and not dialog.busy, timeout=WAIT)
    assert config_mod.require().paused_until is None
    assert dialog.result.text() == "Backups are no longer paused. The next backup runs at the usual time."
    assert "paused" not in window.headline.text()


def test_a_second_drive_is_marked_listed_and_removed(qtbot, office, tmp_path, desk, drive_root):
    second = drive_root / "Drive B"
    second.mkdir()
    window = open_window(qtbot, desk, tmp_path)
    dialog = menu(window, more.DRIVES)
    qtbot.waitUntil(lambda: dialog.loaded >= 1, timeout=WAIT)
    assert dialog.table.rowCount() == 1
    assert [dialog.table.item(0, c).text() for c in range(4)] == ["1. drive", office.primary, "connected", "never"]
    assert not dialog.add_button.isEnabled()
    desk.folders.append(str(second))
    dialog.folder_button.click()
    dialog.label.setText("Drive B")
    dialog.add_button.click()
    qtbot.waitUntil(lambda: dialog.loaded >= 2, timeout=WAIT)
    marker = Target(second, office.computer).read_marker()
    assert marker["setup_id"] == office.setup_id and marker["label"] == "Drive B"
    assert [d["label"] for d in config_mod.require().extra_drives] == ["Drive B"]
    assert dialog.result.text() == (f"The backup drive Drive B at {second} was added. "
                                    "Backups go to whichever backup drive is connected.")
    assert [dialog.table.item(1, c).text() for c in range(3)] == ["2. Drive B", str(second), "connected"]
    dialog.table.selectRow(0)
    assert not dialog.remove_button.isEnabled()  # the main drive is changed in the setup
    dialog.table.selectRow(1)
    desk.confirms.append(True)
    dialog.remove_button.click()
    qtbot.waitUntil(lambda: dialog.loaded >= 3, timeout=WAIT)
    assert desk.asked[-1][0] == "confirm" and "The backups on it are kept" in desk.asked[-1][1]
    assert config_mod.require().extra_drives == []
    assert dialog.table.rowCount() == 1
    assert Target(second, office.computer).read_marker()["setup_id"] == office.setup_id  # the drive keeps its marker


def test_diagnostics_are_saved_where_asked(qtbot, office, tmp_path, desk):
    window = open_window(qtbot, desk, tmp_path)
    dialog = menu(window, more.DIAGNOSTICS)
    target = tmp_path / "for-it" / "bundle"
    target.parent.mkdir()
    desk.save_as.append(str(target))
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.written is not None, timeout=WAIT)
    assert desk.asked[-1][2].endswith("tsbackup-diagnostics-2026-11-27.zip")
    written = target.with_name("bundle.zip")
    assert dialog.written == written
    with zipfile.ZipFile(written) as archive:
        names = set(archive.namelist())
        assert {"README.txt", "config.json", "status.json", "history.json", "versions.json"} <= names
        assert office.setup_id in archive.read("config.json").decode()
    assert dialog.result.text() == (f"The diagnostics file {written} was written. It holds no passwords; "
                                    "send it to your IT partner.")


@pytest.mark.slow  # restic derives keys several times (about 10 s here)
def test_change_password_opens_the_repository_and_offers_the_new_sheet(qtbot, office, tmp_path, desk):
    repo = new_repo(tmp_path / "repo")
    office.secondary = {"kind": "folder", "repo": str(repo)}
    config_mod.save(office)
    SecretStore(office.setup_id).set(PASSWORD_SECRET, PASSWORD)
    window = open_window(qtbot, desk, tmp_path)
    dialog = menu(window, more.PASSWORD)
    dialog.first.setText("kurz")
    assert not dialog.change_button.isEnabled()
    assert dialog.hint.text() == "Use at least 12 characters (4 so far)."
    dialog.first.setText(NEW)
    dialog.second.setText(NEW + "x")
    assert not dialog.change_button.isEnabled() and dialog.hint.text() == "Type the same password in both fields."
    dialog.second.setText(NEW)
    assert dialog.change_button.isEnabled() and dialog.hint.text() == ""
    assert not dialog.save_button.isVisibleTo(dialog)
    dialog.change_button.click()
    qtbot.waitUntil(lambda: dialog.changed_ok or (not dialog.busy and "not changed" in dialog.result.text()),
                    timeout=60_000)
    assert dialog.changed_ok, dialog.result.text()
    cache = tmp_path / "cache"
    assert raw_restic(repo, cache, "cat", "config", password=NEW).returncode == 0
    assert raw_restic(repo, cache, "cat", "config", password=PASSWORD).returncode != 0
    assert SecretStore(office.setup_id).get(PASSWORD_SECRET) == NEW
    assert config_mod.require().recovery_sheet_confirmed is None
    assert dialog.sheet.password == NEW and dialog.html  # the new sheet carries the new password
    assert dialog.save_button.isVisibleTo(dialog) and dialog.print_button.isVisibleTo(dialog)
    desk.save_as.append(str(tmp_path / "new sheet"))
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.sheet_written is not None, timeout=WAIT)
    assert dialog.sheet_written == tmp_path / "new sheet.pdf"
    assert dialog.sheet_written.read_bytes().startswith(b"%PDF")
    dialog.stored.setChecked(True)
    qtbot.waitUntil(lambda: config_mod.require().recovery_sheet_confirmed == "2026-11-27", timeout=WAIT)


def test_forget_keeps_the_drive_and_the_window_shows_not_configured(qtbot, office, tmp_path, desk):
    from tsbackup_gui.core.run.backup import run_backup

    run_backup(office, clock=FixedClock(at(26, 18, 30)))
    drive = Path(office.primary)
    before = files_of(drive)
    assert any(name.endswith("tsbackup-manifest.json") for name in before)
    window = open_window(qtbot, desk, tmp_path)
    assert window.snapshot.configured
    dialog = menu(window, more.FORGET)
    text = dialog.explanation.text()
    assert "Kept: every backup, on the backup drive and off-site" in text and office.primary in text
    assert "Removed: the backup settings, the stored passwords and the scheduled task." in text
    loads = window.loads
    dialog.forget_button.click()
    qtbot.waitUntil(lambda: dialog.outcome is not None and window.loads > loads, timeout=WAIT)
    assert not places().config_file.exists()
    assert dialog.result.text().startswith("This setup was forgotten: the settings and stored passwords were removed.")
    assert window.snapshot.state == "not-configured" and not window.snapshot.configured
    assert not window.backup_button.isEnabled()
    assert not window.actions_bar.more_actions[more.FORGET].isEnabled()
    assert files_of(drive) == before


def test_the_tray_runs_check_and_drill_in_the_window(qtbot, office):
    from tsbackup_gui.ui.app import AppShell
    from tsbackup_gui.ui.scheduler import Scheduler

    clock = FixedClock(at(30, 10, 15))
    scheduler = Scheduler(clock=clock, monotonic=lambda: clock.now().timestamp())
    with qtbot.waitSignal(scheduler.settled, timeout=WAIT):
        shell = AppShell(language="en", use_tray=True, scheduler=scheduler, actions={"settings": lambda: None},
                         quit_app=lambda: None, ask=lambda *_a: False)  # No to the check's question
    try:
        assert not shell.tray.actions["check"].isEnabled()  # before the window's actions are wired
        shell.add_window_actions()
        assert shell.tray.actions["check"].isEnabled() and shell.tray.actions["drill"].isEnabled()
        shell.tray.actions["check"].trigger()
        window = shell.window
        assert window is not None and window.isVisible()
        qtbot.waitUntil(lambda: window.busy is None and bool(window.last_result), timeout=60_000)
        assert window.last_result[0] == "The monthly check finished with warnings."
        assert window.progress_label.text() == "\n".join(window.last_result)
        shell.tray.actions["drill"].trigger()
        qtbot.waitUntil(lambda: window.busy is None and "outside this program" in window.progress_label.text(),
                        timeout=WAIT)
        assert window.progress_label.text() == ("The off-site copy is handled outside this program (NAS to NAS); "
                                                "do the restore drill with that service's own tools.")
    finally:
        shell.shutdown()
        if shell.window is not None:
            shell.window.close()


def test_forget_refuses_without_the_tick_while_the_password_exists_only_here(qtbot, office, tmp_path):
    from tsbackup_gui.ui.housekeeping_forget import ForgetDialog

    office.secondary = {"kind": "folder", "repo": str(tmp_path / "offsite")}
    office.recovery_sheet_confirmed = None
    config_mod.save(office)
    SecretStore(office.setup_id).set(PASSWORD_SECRET, "generated-password-43")
    dialog = ForgetDialog(office, language="en", clock=FixedClock(NOW), home=tmp_path / "home", os_name="linux")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.have_password.isVisible() and not dialog.have_password.isChecked()
    dialog.forget_button.click()
    qtbot.waitUntil(lambda: not dialog.busy and dialog.result.text() != "", timeout=WAIT)
    assert dialog.result.text().startswith("The password of the off-site backups is stored only on this computer")
    assert dialog.outcome is None and places().config_file.exists()
    dialog.have_password.setChecked(True)
    dialog.forget_button.click()
    qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=WAIT)
    assert not places().config_file.exists()
