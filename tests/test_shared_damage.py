"""Damage shared through hard links is reported honestly: one flipped byte in the newest generation is
the same damage in every generation that links the file, in the check's register, `generations`, the
status and the run, and the restore advice names a generation that does not share it."""

from __future__ import annotations


from pathlib import Path

from test_verify_support import DATA, NOW, flip_byte_keeping_size_and_time, set_up

from tsbackup_gui.app.restore import restore_generation
from tsbackup_gui.app.status import current_status
from tsbackup_gui.core.check.monthly import run_check
from tsbackup_gui.core.clock import FixedClock
from tsbackup_gui.core.errors import UserError
from tsbackup_gui.core.guard.single_user import SingleUserGuard
from tsbackup_gui.core.primary.rows import generation_line, generation_rows
from tsbackup_gui.core.run.backup import run_backup

DAMAGED = f"{DATA}/timeSensor.4DD"


def own_guard(config):
    return SingleUserGuard(Path(config.source), names=["no-such-program-shared-damage"])


def backups(tmp_path, count: int):
    config, source = set_up(tmp_path)
    clock = FixedClock(NOW)
    made = []
    for _ in range(count):
        result = run_backup(config, clock=clock, guard_factory=own_guard)
        assert result.exit_code == 0, [m.english() for m in result.reasons]
        made.append(result.generation)
        clock.advance(days=1)
    return config, source, clock, made


def test_the_check_marks_every_generation_that_shares_the_damaged_file(tmp_path):
    config, _source, clock, (first, second) = backups(tmp_path, 2)
    folder = tmp_path / "drive" / "timeSensor Backups" / config.computer
    shared = folder / second / DAMAGED
    assert shared.stat().st_ino == (folder / first / DAMAGED).stat().st_ino  # a hard link: one file
    flip_byte_keeping_size_and_time(shared)

    checked = run_check(config, clock=clock)
    assert checked.exit_code == 5 and checked.damaged == [DAMAGED]
    rows = {row["id"]: row for row in generation_rows(config)}
    assert rows[first]["damaged"] == [DAMAGED] and rows[second]["damaged"] == [DAMAGED]
    assert generation_line(rows[first]).english().endswith(f"— holds a damaged copy of {DAMAGED}")
    reasons = {r.code: r.message.english() for r in current_status(clock.now()).reasons}
    assert reasons["status.damaged_copies"].startswith(f"The backups {first}, {second} hold a damaged copy of {DAMAGED}")

    # before any fresh copy exists, every backup shares the damage: the advice says so
    try:
        restore_generation(config, first, tmp_path / "zurueck-1")
    except UserError as error:
        assert error.exit_code == 5
        assert "Every backup on the drive holds this same damaged file" in error.message.english()
    else:
        raise AssertionError("a restore of the damaged file must fail its verification")

    clock.advance(days=1)
    third = run_backup(config, clock=clock, guard_factory=own_guard)
    assert third.exit_code == 1
    said = [m.english() for m in third.reasons]
    assert f"{DAMAGED} was copied afresh into {third.generation}; the older backups {first}, {second} still hold the damaged copy." in said
    assert (folder / third.generation / DAMAGED).stat().st_ino != shared.stat().st_ino
    rows = {row["id"]: row for row in generation_rows(config)}
    assert rows[third.generation]["damaged"] == [] and rows[first]["damaged"] == [DAMAGED]

    try:
        restore_generation(config, second, tmp_path / "zurueck-2")
    except UserError as error:
        assert error.exit_code == 5
        assert error.message.english().endswith(
            f"The backup {third.generation} does not share this damage: restore that one instead.")
    else:
        raise AssertionError("a restore of the damaged file must fail its verification")
    good = restore_generation(config, third.generation, tmp_path / "zurueck-3")
    assert good.verified
