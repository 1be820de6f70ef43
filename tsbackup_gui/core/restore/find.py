"""Finding the backup to restore in a folder a person pointed at.

On a new computer there is no configuration: the wizard's restore entry asks
for "the backup drive" and the person may point at the drive, its folder
`timeSensor Backups`, one computer's folder in it, or one dated backup. All
of them lead to one generation — the newest with a trustworthy verdict,
as `tsbackup restore --from primary` picks it — or to one plain sentence
saying what to choose instead.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from tsbackup_gui.core.clock import minute_text
from tsbackup_gui.core.errors import Exit, UserError
from tsbackup_gui.core.messages import QT_TRANSLATE_NOOP, Message, define
from tsbackup_gui.core.primary.generations import Generation, list_generations, read_generation
from tsbackup_gui.core.primary.manifest import MANIFEST_NAME
from tsbackup_gui.core.primary.target import BACKUPS_DIR, MARKER_NAME, Target

NOTHING_FOUND = define(
    "restore_find.nothing",
    QT_TRANSLATE_NOOP(
        "core",
        "No backups made by this program were found in {path}. Choose the backup drive, its folder "
        "'timeSensor Backups', or one dated backup folder in it.",
    ),
)
SEVERAL_COMPUTERS = define(
    "restore_find.several",
    QT_TRANSLATE_NOOP(
        "core",
        "{path} holds the backups of several computers ({names}). Choose the folder of the computer to restore.",
    ),
)
FOUND = define(
    "restore_find.found",
    QT_TRANSLATE_NOOP("core", "The backup {generation} of {computer}, made on {when}, will be restored."),
)


@dataclass(frozen=True)
class FoundBackup:
    generation: Generation
    computer: str
    warning: Message | None = None  # the newest is not a consistent copy

    @property
    def path(self) -> Path:
        return self.generation.path

    def message(self) -> Message:
        when = minute_text(self.generation.ended.astimezone())
        return FOUND(generation=self.generation.id, computer=self.computer, when=when)


def find_backup(folder: Path) -> FoundBackup:
    """The generation to restore from ``folder`` (see the module's doc); `UserError` when there is none."""
    from tsbackup_gui.core.offsite.upload import pick_generation

    folder = Path(folder).expanduser().absolute()
    generation = _generation_at(folder)
    if generation is not None:
        return FoundBackup(generation, generation.path.parent.name)
    computers = _computer_folders(folder)
    if len(computers) > 1:
        names = ", ".join(sorted(path.name for path in computers))
        raise UserError(SEVERAL_COMPUTERS(path=str(folder), names=names), Exit.USAGE)
    if computers:
        computer_dir = computers[0]
        generations = list_generations(Target(computer_dir.parent.parent, computer_dir.name))
        if generations:
            chosen, warning = pick_generation(generations)
            return FoundBackup(chosen, computer_dir.name, warning)
    raise UserError(NOTHING_FOUND(path=str(folder)), Exit.USAGE)


def _generation_at(folder: Path) -> Generation | None:
    """A dated backup folder itself, or a folder inside one (its `timeSensor DataFiles`)."""
    for candidate in (folder, folder.parent):
        if (candidate / MANIFEST_NAME).is_file():
            return read_generation(candidate)
    return None


def _computer_folders(folder: Path) -> list[Path]:
    """Computer folders (with a drive marker) at, in or under the `timeSensor Backups` of ``folder``."""
    if (folder / MARKER_NAME).is_file():
        return [folder]
    for root in (folder / BACKUPS_DIR, folder):
        if not root.is_dir():
            continue
        try:
            with os.scandir(root) as listing:
                found = [Path(entry.path) for entry in listing
                         if entry.is_dir(follow_symlinks=False) and (Path(entry.path) / MARKER_NAME).is_file()]
        except OSError:
            continue
        if found:
            return found
    return []
