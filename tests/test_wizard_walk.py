"""The whole wizard walked as an office manager would, on the demo installations (offscreen):
detection, the demo drive, an off-site folder repository with a typed password, the schedule,
the recovery sheet saved and confirmed, and a real first backup."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tsbackup_gui.core.store import config as config_mod
from tsbackup_gui.core.places import places
from tsbackup_gui.core.primary.target import Target
from tsbackup_gui.core.primary.generations import list_generations
from tsbackup_gui.core.offsite.upload import PASSWORD_SECRET
from tsbackup_gui.core.store.secrets import SecretStore
from tsbackup_gui.ui.wizard import ids

from wizard_helpers import NOW, idle, next_to, pick_folder_as_drive, to_installation, make_wizard

PASSWORD = "Kanzlei-Offsite-2026!"


@pytest.mark.parametrize("variant", ["single-user", "server"])
def test_walk_the_whole_wizard(qtbot, tmp_path, variant):
    root = tmp_path / "demo"
    wizard, dialogs = make_wizard(qtbot, root, demo=variant)
    assert wizard.currentId() == ids.WELCOME
    to_installation(qtbot, wizard)
    install = wizard.page_of(ids.INSTALLATION)
    data = root / ("Applications/timeSensor Server" if variant == "server" else "Users/Shared") / "timeSensor DataFiles"
    assert wizard.state.source == data
    if variant == "server":
        assert install.headline.text() == "This computer is the timeSensor server."
        hours = round(wizard.state.detection["newest_complete_age_hours"])  # the demo's 02:00 is in the system's zone
        assert 10 <= hours <= 20 and install.fourd_value.text() == f"4D's own backup ran {hours} hours ago."
        assert wizard.state.mode == "server" and install.server_choice.isChecked()
    else:
        assert install.headline.text() == "This Mac runs timeSensor LEGAL for one user."
        assert wizard.state.mode == "single" and install.single_choice.isChecked()
    assert install.size_value.text().startswith("The data folder holds 21 files")

    next_to(qtbot, wizard, ids.DRIVE)
    drive = root / "Volumes" / "Backup Drive"
    pick_folder_as_drive(qtbot, wizard, dialogs, drive)
    page = wizard.page_of(ids.DRIVE)
    page.computer_edit.setText("Kanzlei-Mac")
    assert page.destination.text() == str(drive / "timeSensor Backups" / "Kanzlei-Mac")
    next_to(qtbot, wizard, ids.OFFSITE)

    offsite = wizard.page_of(ids.OFFSITE)
    offsite.partner_choice.setChecked(True)
    offsite.partner.folder_choice.setChecked(True)
    repo = root / "Volumes" / "Offsite NAS" / "kanzlei-offsite"
    offsite.partner.folder.setText(str(repo))
    offsite.password.setText(PASSWORD)
    next_to(qtbot, wizard, ids.SCHEDULE)  # Next runs the connection test first
    assert offsite.result.text() == "The connection works. No off-site backup exists there yet: a new one will be created."
    assert not repo.exists()  # the test writes nothing

    schedule = wizard.page_of(ids.SCHEDULE)
    expected_time = "03:00" if variant == "server" else "18:30"
    assert schedule.time.text() == expected_time
    hint = ("4D's own backup runs at 02:00; this backup starts an hour later, at 03:00, and copies it."
            if variant == "server" else "The backup starts at this time as soon as timeSensor LEGAL is closed.")
    assert schedule.time_hint.text() == hint
    assert schedule.reminders.text() == ("The first monthly check is due on Sunday, December 27, 2026; "
                                         "the first restore drill on Saturday, November 27, 2027.")
    assert not places().config_file.exists()  # nothing is written before the schedule page is left
    schedule.day_boxes["sat"].setChecked(True)
    next_to(qtbot, wizard, ids.SHEET)

    stored = config_mod.load()
    assert stored.source == str(data) and stored.primary == str(drive) and stored.computer == "Kanzlei-Mac"
    assert stored.mode == ("server" if variant == "server" else "single")
    assert stored.time == expected_time and stored.working_days == ["mon", "tue", "wed", "thu", "fri", "sat"]
    assert stored.secondary["repo"] == str(repo) and (repo / "config").is_file()
    assert SecretStore(stored.setup_id).get(PASSWORD_SECRET) == PASSWORD
    assert PASSWORD not in places().config_file.read_text(encoding="utf-8")

    sheet = wizard.page_of(ids.SHEET)
    qtbot.waitUntil(lambda: sheet.sheet is not None, timeout=30_000)
    assert PASSWORD in sheet.preview.toPlainText().replace("\u2060", "")  # the sheet joins its characters
    pdf = tmp_path / "sheet.pdf"
    dialogs.save_files.append(str(pdf))
    sheet.save_button.click()
    idle(qtbot, wizard)
    assert pdf.read_bytes().startswith(b"%PDF")
    assert sheet.result.text().startswith(f"The recovery sheet is saved as {pdf}.")
    assert not sheet.isComplete()
    sheet.stored.setChecked(True)
    next_to(qtbot, wizard, ids.SUMMARY)
    assert config_mod.load().recovery_sheet_confirmed == NOW.date().isoformat()

    summary = wizard.page_of(ids.SUMMARY)
    assert summary.values["offsite"].text() == f"encrypted, to {repo}"
    summary.run_button.click()
    assert not summary.isComplete()  # no Finish while the backup runs
    qtbot.waitUntil(lambda: summary.result is not None, timeout=120_000)
    result = summary.result
    assert result.outcome == "ok", [m.english() for m in result.messages()]
    generations = list_generations(Target(drive, "Kanzlei-Mac"))
    assert [g.id for g in generations] == [result.generation]
    copied = generations[0].path / "timeSensor DataFiles" / "timeSensor.4DD"
    assert copied.read_bytes() == (data / "timeSensor.4DD").read_bytes()
    assert summary.headline.text().startswith("Backup finished")
    assert summary.progress.value() == 1000
    assert summary.isComplete() and wizard.button(wizard.WizardButton.FinishButton).isVisible()
    assert not wizard.button(wizard.WizardButton.BackButton).isEnabled()
    closed = []
    wizard.done_with.connect(closed.append)
    wizard.button(wizard.WizardButton.FinishButton).click()
    assert closed and closed[0].setup_id == stored.setup_id


def test_rerun_edits_the_current_settings(qtbot, tmp_path):
    """From the tray a second time: every page pre-filled; Next through keeps the setup and its secrets."""
    from tsbackup_gui.core.install.demo import create_demo
    from tsbackup_gui.core.setup.configure import SetupOptions, configure

    root = tmp_path / "demo"
    layout = create_demo(root, "single-user", now=NOW)
    configure(SetupOptions(source=str(layout.data_dir), primary=str(layout.primary_target), computer="Demo-Mac",
                           time="19:15", working_days="mon-thu", keep_daily=7, keep_weekly=4, keep_monthly=6,
                           secondary="external:NAS copy to the partner's office"))
    previous = config_mod.load()
    wizard, dialogs = make_wizard(qtbot, root, previous=previous)
    welcome = wizard.page_of(ids.WELCOME)
    assert welcome.setup_choice.text() == "&Change the backup settings"
    to_installation(qtbot, wizard)
    assert wizard.state.source == layout.data_dir
    next_to(qtbot, wizard, ids.DRIVE)
    drive = wizard.page_of(ids.DRIVE)
    assert drive.computer_edit.text() == "Demo-Mac" and wizard.state.primary == layout.primary_target
    drive.insist.setChecked(True)
    next_to(qtbot, wizard, ids.OFFSITE)
    offsite = wizard.page_of(ids.OFFSITE)
    assert offsite.later_choice.isChecked() and offsite.later_choice.text() == "&Keep the current off-site backup"
    assert offsite.outside_text.text() == "NAS copy to the partner's office"
    next_to(qtbot, wizard, ids.SCHEDULE)
    schedule = wizard.page_of(ids.SCHEDULE)
    assert schedule.time.text() == "19:15"
    assert [k for k, box in schedule.day_boxes.items() if box.isChecked()] == ["mon", "tue", "wed", "thu"]
    assert tuple(schedule.keep.currentData()) == (7, 4, 6)
    schedule.time.clear()
    qtbot.keyClicks(schedule.time, "19:30")
    next_to(qtbot, wizard, ids.SHEET)
    after = config_mod.load()
    assert after.setup_id == previous.setup_id and after.time == "19:30"
    assert after.secondary["text"] == "NAS copy to the partner's office"
    assert json.loads((layout.primary_target / "timeSensor Backups" / "Demo-Mac" / ".tsbackup-target")
                      .read_text())["setup_id"] == previous.setup_id


def test_restore_entry_from_the_off_site_backup_with_the_recovery_sheet(qtbot, tmp_path):
    """A new computer: nothing but the repository and the password from the sheet."""
    from tsbackup_gui.core.clock import FixedClock
    from tsbackup_gui.core.install.demo import create_demo
    from tsbackup_gui.core.run.backup import run_backup
    from tsbackup_gui.core.setup.configure import SetupOptions, configure

    layout = create_demo(tmp_path / "office", "single-user", now=NOW)
    repo = layout.secondary_target / "repo"
    config = configure(SetupOptions(source=str(layout.data_dir), primary=str(layout.primary_target),
                                    computer="Kanzlei-Mac", secondary=str(repo), password=PASSWORD)).config
    run = run_backup(config, clock=FixedClock(NOW))
    assert run.outcome == "ok" and run.offsite is not None
    wizard, dialogs = make_wizard(qtbot, tmp_path / "new-computer", demo=None)
    wizard.page_of(ids.WELCOME).restore_choice.setChecked(True)
    next_to(qtbot, wizard, ids.RESTORE)
    page = wizard.page_of(ids.RESTORE)
    page.offsite_choice.setChecked(True)
    page.repo.setText(str(repo))
    assert not page.key_id.isVisible()  # S3 keys only for s3: repositories
    page.host.setText("Kanzlei-Mac")
    target = tmp_path / "Wiederhergestellt"
    page.target.setText(str(target))
    page.password.setText("Falsches-Passwort-1")
    page.restore_button.click()
    idle(qtbot, wizard)
    assert page.report is None and not target.exists()
    assert "password" in page.result.text()
    page.password.setText(PASSWORD)
    page.restore_button.click()
    idle(qtbot, wizard)
    assert page.report is not None, page.result.text()
    restored = target / "timeSensor DataFiles" / "timeSensor.4DD"
    assert restored.read_bytes() == (layout.data_dir / "timeSensor.4DD").read_bytes()
    assert page.result.text().startswith("Files restored: 21 (")


def test_choices_become_setup_options():
    from tsbackup_gui.ui.wizard.common import Offsite, WizardState
    from tsbackup_gui.ui.wizard.saving import build_options

    state = WizardState(source=Path("/data"), primary=Path("/drive"), computer="Mac", mode="server", time="03:00",
                        days=["mon", "sat"], keep=(7, 4, 6))
    state.offsite = Offsite("s3", "s3:https://sos-ch-gva-2.exo.io/kanzlei", None, s3_keys=("AKID", "SECRET"))
    options = build_options(state)
    assert (options.source, options.primary, options.mode, options.time, options.working_days) == (
        "/data", "/drive", "server", "03:00", "mon,sat")
    assert (options.keep_daily, options.keep_weekly, options.keep_monthly) == (7, 4, 6)
    assert options.secondary == "s3:https://sos-ch-gva-2.exo.io/kanzlei" and options.s3_keys == ("AKID", "SECRET")
    assert options.password is None  # a new repository gets a generated password
    state.offsite = Offsite("sftp", "sftp://b@h:2222//srv/x", "pw", ssh_key=Path("/k/id"))
    options = build_options(state)
    assert (options.secondary, options.password, options.ssh_key, options.s3_keys) == (
        "sftp://b@h:2222//srv/x", "pw", "/k/id", None)
    state.offsite = Offsite("external", "external:NAS copy", "ignored")
    assert (build_options(state).secondary, build_options(state).password) == ("external:NAS copy", None)
    state.offsite = Offsite("keep")
    assert build_options(state).secondary is None
