"""Where a data folder's 4D archives are: DestinationFolder, `STUFF/BACKUP`, or a search.

4D writes its archives where its backup settings say (any path form, mapped
through the `RootMap`), by default into `STUFF/BACKUP` of the data folder.
When neither holds them, the folder is searched a little; every folder
considered becomes a `Candidate` with its reason, for `detect --json`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from tsbackup_gui.core.fourd.archives import has_archives
from tsbackup_gui.core.fourd.settings import BackupSettings, read_backup_settings
from tsbackup_gui.core.messages import QT_TRANSLATE_NOOP, Message, define
from tsbackup_gui.core.folder_look import Candidate, look
from tsbackup_gui.core.rootmap import RootMap, is_dir

DEFAULT_ARCHIVE_DIR = ("STUFF", "BACKUP")
_SEARCH_DEPTH = 3
_SEARCH_LIMIT = 2000

# reasons on archive-folder candidates
DEST_TAKEN = define("fourd.dest_taken", QT_TRANSLATE_NOOP("core", "Taken: 4D's backup settings name this folder."))
DEST_MISSING = define("fourd.dest_missing", QT_TRANSLATE_NOOP("core", "Named in 4D's backup settings, but not usable: {problem}"))
DEST_UNMAPPABLE = define("fourd.dest_unmappable", QT_TRANSLATE_NOOP("core", "4D's backup settings name '{text}', a place that cannot be reached from here."))
DEFAULT_TAKEN = define("fourd.default_taken", QT_TRANSLATE_NOOP("core", "Taken: 4D's usual backup folder in the data folder."))
LAST_PATH_TAKEN = define("fourd.last_path_taken", QT_TRANSLATE_NOOP("core", "Taken: 4D wrote its last backup here."))
SEARCH_TAKEN = define("fourd.search_taken", QT_TRANSLATE_NOOP("core", "Taken: 4D backups were found in it."))
NOT_NEEDED = define("fourd.not_needed", QT_TRANSLATE_NOOP("core", "Not taken: another folder was used."))
NO_ARCHIVES_HERE = define("fourd.no_archives_here", QT_TRANSLATE_NOOP("core", "Not taken: it holds no 4D backups."))

DEST_MISSING_WARNING = define(
    "fourd.dest_missing_warning",
    QT_TRANSLATE_NOOP("core", "4D's backup settings say backups go to {path}, but that folder is not there or cannot be opened. Connect the drive or check the setting in timeSensor Server."),
)


@dataclass
class ArchiveDir:
    """Where a data folder's 4D archives are, and every folder considered on the way."""

    path: Path | None
    source: str | None  # "settings" | "default" | "last-backup" | "search"
    candidates: list[Candidate] = field(default_factory=list)
    warnings: list[Message] = field(default_factory=list)
    settings: BackupSettings = field(default_factory=BackupSettings)


def find_archive_dir(data_dir: Path, mapper: RootMap | None = None, settings: BackupSettings | None = None) -> ArchiveDir:
    """4D's backup folder for a data folder: DestinationFolder, else `STUFF/BACKUP`, else a folder with archives."""
    mapper = mapper or RootMap()
    settings = settings if settings is not None else read_backup_settings(data_dir)
    result = ArchiveDir(None, None, settings=settings)
    chosen: Candidate | None = None

    def consider(path: Path, source: str, taken_reason: Message, *, need_archives: bool = False) -> Candidate:
        state = look(path)
        candidate = Candidate(path, "archive", source, exists=state.exists, readable=state.readable)
        if any(existing.path == path for existing in result.candidates):
            return candidate
        result.candidates.append(candidate)
        if chosen is not None:
            candidate.reason = state.problem or NOT_NEEDED()
        elif state.problem is not None:
            candidate.reason = state.problem
        elif need_archives and not has_archives(path):
            candidate.reason = NO_ARCHIVES_HERE()
        else:
            candidate.taken = True
            candidate.reason = taken_reason
        return candidate

    if settings.destination:
        destination = settings.destination_path(data_dir, mapper)
        if destination is None:
            result.warnings.append(DEST_UNMAPPABLE(text=settings.destination))
        else:
            destination = _archive_subfolder(destination)
            candidate = consider(destination, "settings", DEST_TAKEN())
            if candidate.taken:
                chosen = candidate
            else:
                candidate.reason = DEST_MISSING(problem=candidate.reason)
                result.warnings.append(DEST_MISSING_WARNING(path=str(destination)))

    default = RootMap.join(data_dir, list(DEFAULT_ARCHIVE_DIR))
    default_candidate = consider(default, "default", DEFAULT_TAKEN(), need_archives=True)
    if default_candidate.taken and chosen is None:
        chosen = default_candidate

    if chosen is None and settings.last_backup_path:
        last = mapper.from_text(settings.last_backup_path, base=data_dir)
        if last is not None:
            candidate = consider(last.parent, "last-backup", LAST_PATH_TAKEN(), need_archives=True)
            chosen = candidate if candidate.taken else None

    if chosen is None:
        for folder in _folders_with_archives(data_dir):
            candidate = consider(folder, "search", SEARCH_TAKEN())
            if candidate.taken:
                chosen = candidate
                break

    if chosen is None and default_candidate.readable:
        # 4D's usual folder, still empty: the right place to report "no backups yet"
        default_candidate.taken, default_candidate.reason = True, DEFAULT_TAKEN()
        chosen = default_candidate

    if chosen is not None:
        result.path, result.source = chosen.path, chosen.source
    return result


def _archive_subfolder(folder: Path) -> Path:
    """4D may keep archives one level below the destination; prefer the folder that holds them."""
    if has_archives(folder) or not is_dir(folder):
        return folder
    try:
        subfolders = sorted(p for p in folder.iterdir() if is_dir(p))
    except OSError:
        return folder
    holding = [p for p in subfolders if has_archives(p)]
    return holding[0] if len(holding) == 1 else folder


def _folders_with_archives(data_dir: Path) -> list[Path]:
    found: list[Path] = []
    level = [data_dir]
    visited = 0
    for _ in range(_SEARCH_DEPTH + 1):
        next_level: list[Path] = []
        for folder in level:
            visited += 1
            if visited > _SEARCH_LIMIT:  # a data folder full of documents: stop looking, say "not found"
                return found
            if has_archives(folder):
                found.append(folder)
            try:
                next_level.extend(sorted(p for p in folder.iterdir() if is_dir(p) and not p.is_symlink()))
            except OSError:
                continue
        level = next_level
    return found
