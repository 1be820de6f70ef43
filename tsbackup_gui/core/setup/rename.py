"""Renaming the computer: the backups' folder on every drive and the name new off-site snapshots carry.

Setup never changes the name (a re-run would otherwise start a new series as a
full copy, and the old generations would drop out of the listing, the check and
retention). This is the one place that does, on purpose: every drive of the
rotation is renamed while it is connected, under the run lock, and the recovery
sheet (which names the computer) must be printed and confirmed again.
"""

from __future__ import annotations

import dataclasses
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from tsbackup_gui.core.errors import Exit, UserError
from tsbackup_gui.core.messages import QT_TRANSLATE_NOOP, Message, define
from tsbackup_gui.core.places import Places, places
from tsbackup_gui.core.primary.target import Target
from tsbackup_gui.core.setup.values import parse_computer
from tsbackup_gui.core.store import config as config_mod, locks
from tsbackup_gui.core.store.config import Config, write_atomic

SAME_NAME = define(
    "rename.same_name",
    QT_TRANSLATE_NOOP("core", "This computer's backups are kept under the name {name} already; nothing was changed."),
)
DRIVE_MISSING = define(
    "rename.drive_missing",
    QT_TRANSLATE_NOOP(
        "core",
        "Connect every backup drive first ({drives}): the backups on each are renamed together. Nothing was changed.",
    ),
)
NAME_TAKEN = define(
    "rename.name_taken",
    QT_TRANSLATE_NOOP(
        "core",
        "{folder} exists already, so the backups cannot take that name. Choose another name; nothing was changed.",
    ),
)
RENAME_FAILED = define(
    "rename.failed",
    QT_TRANSLATE_NOOP("core", "{folder} could not be renamed ({reason}); nothing was changed."),
)
RENAMED = define(
    "rename.done",
    QT_TRANSLATE_NOOP(
        "core",
        "This computer's backups are now kept under the name {new} (was {old}); every backup made so far stays "
        "in the renamed folder.",
    ),
)
OFFSITE_KEPT = define(
    "rename.offsite",
    QT_TRANSLATE_NOOP(
        "core",
        "The off-site snapshots made so far stay under the name {old}; new ones carry {new}. Print the recovery "
        "sheet again (tsbackup recovery-sheet --to FILE.pdf) and confirm it: the old one names {old}.",
    ),
)


@dataclass
class RenameResult:
    config: Config
    old: str
    folders: list[Path] = field(default_factory=list)  # the renamed folders, one per drive

    def messages(self) -> list[Message]:
        said = [RENAMED(new=self.config.computer, old=self.old)]
        if self.config.secondary:
            said.append(OFFSITE_KEPT(old=self.old, new=self.config.computer))
        return said


def rename_computer(config: Config, new_name: str, *, where: Places | None = None) -> RenameResult:
    """Renames the computer's folder on every drive, then the setup; all or nothing."""
    from tsbackup_gui.core.drives.rotation import configured, is_connected

    new = parse_computer(new_name)
    old = config.computer
    if new == old:
        raise UserError(SAME_NAME(name=old), Exit.USAGE)
    here = where or places()
    lock = locks.state_lock(here.lock_file)  # no backup may write into the folder while it moves
    try:
        drives = configured(config)
        missing = [str(d.get("label") or d["path"]) for d in drives if not is_connected(config, str(d["path"]))]
        if missing:
            raise UserError(DRIVE_MISSING(drives=", ".join(missing)), Exit.TARGET_UNAVAILABLE)
        moves = [(Target(Path(d["path"]), old).computer_dir, Target(Path(d["path"]), new)) for d in drives]
        for _source, target in moves:
            if os.path.lexists(target.computer_dir):
                raise UserError(NAME_TAKEN(folder=str(target.computer_dir)), Exit.USAGE)
        done: list[tuple[Path, Path]] = []
        try:
            for source, target in moves:
                _move(source, target.computer_dir)
                done.append((source, target.computer_dir))
                _rename_in_marker(target, new)
        except UserError:
            for source, moved in reversed(done):
                os.rename(moved, source)
            raise
        saved = config_mod.update(
            lambda current: dataclasses.replace(current, computer=new, recovery_sheet_confirmed=None), here)
        return RenameResult(saved, old, [target.computer_dir for _source, target in moves])
    finally:
        lock.release()


def _move(source: Path, destination: Path) -> None:
    try:
        os.rename(source, destination)  # one folder on one drive: atomic
    except OSError as exc:
        raise UserError(RENAME_FAILED(folder=str(source), reason=exc.strerror or str(exc)), Exit.USAGE) from None


def _rename_in_marker(target: Target, new: str) -> None:
    """The marker says whose folder this is; its other keys (the drive's id) stay."""
    marker = target.read_marker()
    if marker is None:
        return
    marker["computer"] = new
    try:
        write_atomic(target.marker_path, (json.dumps(marker, indent=1, ensure_ascii=False) + "\n").encode("utf-8"))
    except OSError as exc:
        raise UserError(RENAME_FAILED(folder=str(target.computer_dir), reason=exc.strerror or str(exc)),
                        Exit.USAGE) from None
