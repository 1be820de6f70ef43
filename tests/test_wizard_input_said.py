"""Issue 22 item 10: input mistakes are said, never corrected silently — the schedule page says why
Next waits, a typed time that is not a time is refused in a sentence, a restore path with missing
parent folders asks first, and the top folder of a drive or share is not taken as the off-site folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from test_offsite_setup_support import make_world, setup_cli
from wizard_helpers import NOW, Dialogs, idle, make_wizard, next_to, pick_folder_as_drive, to_installation

from tsbackup_gui.core.clock import FixedClock
from tsbackup_gui.core.offsite import targets
from tsbackup_gui.core.places import places
from tsbackup_gui.ui.wizard import ids

MOUNT = "/dev/shm"  # a real mount point on every Linux machine (tmpfs)


class Answering(Dialogs):
    """Answers every question with `answer` and keeps (title, question)."""

    def __init__(self, answer: bool = False):
        super().__init__()
        self.answer, self.questions = answer, []

    def ask(self, parent, title, text):
        self.questions.append((title, text))
        return self.answer


def to_offsite(qtbot, tmp_path, dialogs=None):
    root = tmp_path / "demo"
    wizard, dialogs = make_wizard(qtbot, root, dialogs=dialogs)
    to_installation(qtbot, wizard)
    next_to(qtbot, wizard, ids.DRIVE)
    pick_folder_as_drive(qtbot, wizard, dialogs, root / "Volumes" / "Backup Drive")
    next_to(qtbot, wizard, ids.OFFSITE)
    return wizard, dialogs


def test_the_schedule_page_says_why_next_waits_and_refuses_a_time_that_is_not_one(qtbot, tmp_path):
    wizard, _dialogs = to_offsite(qtbot, tmp_path)
    wizard.page_of(ids.OFFSITE).later_choice.setChecked(True)
    next_to(qtbot, wizard, ids.SCHEDULE)
    page = wizard.page_of(ids.SCHEDULE)
    assert page.isComplete() and page.time.text() == "18:30"

    page.time.clear()
    qtbot.keyClicks(page.time, "99:99abc")
    assert not page.isComplete()
    assert page.time_hint.isVisibleTo(page) and page.time_hint.text() == (
        "'99:99abc' is not a time of day. Give the time as HH:MM between 00:00 and 23:59, for example 18:30.")
    assert wizard.state.time == "18:30"  # nothing was made of the typing error
    page.time.clear()
    qtbot.keyClicks(page.time, "7:05")
    assert page.isComplete() and wizard.state.time == "07:05"
    assert page.time_hint.text() == "The backup starts at this time as soon as timeSensor LEGAL is closed."

    for box in page.day_boxes.values():
        box.setChecked(False)
    assert not page.isComplete()
    assert page.days_hint.text() == "Tick at least one working day: Next stays unavailable until one is ticked."
    page.day_boxes["wed"].setChecked(True)
    assert page.isComplete() and wizard.state.days == ["wed"]
    assert page.days_hint.text().startswith("A backup missed on a working day is reported")


def demo_backup(tmp_path):
    from tsbackup_gui.core.install.demo import create_demo
    from tsbackup_gui.core.run.backup import run_backup
    from tsbackup_gui.core.setup.configure import SetupOptions, configure

    layout = create_demo(tmp_path / "demo", "single-user", now=NOW)
    result = configure(SetupOptions(source=str(layout.data_dir), primary=str(layout.primary_target),
                                    computer="Demo-Mac"))
    assert run_backup(result.config, clock=FixedClock(NOW)).outcome == "ok"
    return layout


@pytest.mark.parametrize("answer", [False, True])
def test_a_restore_path_with_missing_parents_asks_before_making_them(qtbot, tmp_path, answer):
    layout = demo_backup(tmp_path)
    wizard, dialogs = make_wizard(qtbot, tmp_path / "new-computer", demo=None, dialogs=Answering(answer))
    questions = dialogs.questions
    wizard.page_of(ids.WELCOME).restore_choice.setChecked(True)
    next_to(qtbot, wizard, ids.RESTORE)
    page = wizard.page_of(ids.RESTORE)
    page.drive_folder.setText(str(layout.primary_target))
    page.look_on_drive()
    idle(qtbot, wizard)
    target = tmp_path / "Typo" / "Kanzlei" / "Wiederhergestellt"
    page.target.setText(str(target))
    page.restore_button.click()
    idle(qtbot, wizard)
    assert questions == [("Create the folders?", f"The folder {target.parent} does not exist. Create it, and any "
                                                  f"missing folders above it, and restore into {target}?")]
    if answer:
        assert page.report is not None, page.result.text()
        assert (target / "timeSensor DataFiles" / "timeSensor.4DD").is_file()
    else:
        assert not (tmp_path / "Typo").exists()
        assert page.result.text() == "Nothing was restored. Choose an existing folder, or type a new folder inside one."
    questions.clear()
    fresh = tmp_path / "Neu"  # a new folder in an existing one is what the field asks for: no question
    page.target.setText(str(fresh))
    page.restore_button.click()
    idle(qtbot, wizard)
    assert questions == [] and (fresh / "timeSensor DataFiles").is_dir()


@pytest.mark.skipif(not os.path.ismount(MOUNT), reason="needs /dev/shm as a mount point")
@pytest.mark.parametrize("answer", [True, False])
def test_the_top_of_a_share_chosen_as_the_offsite_folder_asks_for_a_subfolder(qtbot, tmp_path, answer):
    wizard, dialogs = to_offsite(qtbot, tmp_path, Answering(answer))
    questions = dialogs.questions
    page = wizard.page_of(ids.OFFSITE)
    page.partner_choice.setChecked(True)
    page.partner.folder_choice.setChecked(True)
    dialogs.folders.append(MOUNT)
    page.partner.choose_button.click()
    assert questions == [("Use a subfolder?", f"{MOUNT} is the top folder of a drive or network share. Use the "
                                              f"subfolder {MOUNT}/timeSensor offsite for the off-site backup instead?")]
    if answer:
        assert page.partner.folder.text() == f"{MOUNT}/timeSensor offsite"
        return
    assert page.partner.folder.text() == MOUNT
    page.password.setText("Kanzlei-Offsite-2026!")
    page.test_connection()
    idle(qtbot, wizard)
    assert page.result.text().startswith(
        f"{MOUNT} is the top folder of a drive or network share. Use a subfolder on it for the off-site backup, for "
        f"example {MOUNT}/timeSensor offsite: while the share is not connected, its empty top folder looks like an "
        "empty backup folder.")


@pytest.mark.skipif(not os.path.ismount(MOUNT), reason="needs /dev/shm as a mount point")
def test_setup_refuses_the_top_of_a_share_as_the_offsite_folder(run_cli, tmp_path, tsbackup_home):
    source, drive = make_world(tmp_path)
    result = setup_cli(run_cli, source, drive, "--secondary", MOUNT)
    assert result.returncode == 2
    assert result.stderr.strip().endswith(
        f"{MOUNT} is the top folder of a drive or network share. Use a subfolder on it for the off-site backup, for "
        f"example {MOUNT}/timeSensor offsite: while the share is not connected, its empty top folder looks like an "
        "empty backup folder.")
    assert not (tsbackup_home / "config" / "config.json").exists()


def test_a_repository_already_at_the_top_of_a_share_stays_usable(tmp_path):
    share = tmp_path / "share"
    share.mkdir()
    mounted = lambda path: path == str(share)  # noqa: E731 - this folder stands for a mount point
    assert targets.is_top_of_drive(share, is_mount=mounted)
    assert not targets.is_top_of_drive(share / "kanzlei", is_mount=mounted)
    (share / "config").write_bytes(b"restic")  # a repository made there before this rule
    assert not targets.is_top_of_drive(share, is_mount=mounted)
    assert targets.is_top_of_drive(Path("/"))


@pytest.mark.parametrize("answer", [False, True])
def test_the_wizard_asks_before_it_creates_a_new_offsite_backup(qtbot, tmp_path, answer):
    """Issue 21: a typing error in an address must not silently become a new, empty off-site backup."""
    dialogs = Answering(answer)
    wizard, _ = to_offsite(qtbot, tmp_path, dialogs)
    page = wizard.page_of(ids.OFFSITE)
    page.partner_choice.setChecked(True)
    page.partner.folder_choice.setChecked(True)
    (tmp_path / "nas").mkdir()
    typo = tmp_path / "nas" / "kanzlei-ofsite"
    page.partner.folder.setText(str(typo))
    page.password.setText("Kanzlei-Offsite-2026!")
    wizard.next()  # Next tests the connection first, then asks
    qtbot.waitUntil(lambda: wizard.currentId() == ids.SCHEDULE or bool(dialogs.questions), timeout=60_000)
    idle(qtbot, wizard)
    assert dialogs.questions == [("Create a new off-site backup?",
                                  f"No off-site backup exists at {typo} yet. Create a new one there? If you meant an "
                                  "existing off-site backup, check the address: a typing error would create a new, "
                                  "empty one.")]
    if answer:
        assert wizard.currentId() == ids.SCHEDULE
    else:
        assert wizard.currentId() == ids.OFFSITE
        assert page.result.text() == ("Nothing was created. Check the address, or choose another place for the "
                                      "off-site backup.")
        wizard.next()  # asked again: nothing was agreed
        qtbot.waitUntil(lambda: len(dialogs.questions) == 2, timeout=60_000)
        assert wizard.currentId() == ids.OFFSITE
    assert not typo.exists() and not places().config_file.exists()  # nothing is made before the schedule page
