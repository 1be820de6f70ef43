"""Walking a source tree once, before anything is copied.

The scan fixes the list of entries, their sizes and mtimes (stat *before*
the copy, which is what the manifest records and what the guard compares
afterwards), and what the free-space check must count. Symlinks are never
followed; files that are neither regular files, folders nor links (sockets,
pipes, devices) are left out with a warning.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from tsbackup_gui.core.messages import Message, QT_TRANSLATE_NOOP, define
from tsbackup_gui.core.primary.safenames import safe_names

FOLDER_UNREADABLE = define(
    "primary.folder_unreadable",
    QT_TRANSLATE_NOOP("core", "The folder {path} could not be read ({reason}); its contents are missing from this backup."),
)
NOT_A_FILE = define(
    "primary.not_a_file",
    QT_TRANSLATE_NOOP("core", "{path} is neither a file, a folder nor a link and was not backed up."),
)
LINK_OUTSIDE = define(
    "primary.link_outside",
    QT_TRANSLATE_NOOP("core", "{path} is a link to {target}, outside the backed-up folder: the link is kept, but what it points to is not backed up."),
)


@dataclass(slots=True)
class Item:
    rel: str  # path in the manifest: the source's names, byte for byte
    src: str  # absolute source path as the OS spells it
    kind: str  # "file" | "dir" | "symlink"
    size: int
    mtime_ns: int
    atime_ns: int
    link_target: str | None = None
    live: bool = False
    skipped_reason: str | None = None
    stored: str = ""  # path in the generation: `rel` with safe names (see safenames)


def scan_tree(root: Path, label: str, warn: Callable[[Message], None],
              live_predicate: Callable[[Path], bool] | None = None) -> list[Item]:
    """Every entry under `root` in pre-order (a folder before its contents), named `label/…`.

    Raises OSError when `root` itself is missing or unreadable.
    """
    root_str = os.path.abspath(root)
    st = os.stat(root_str)  # the root may itself be reached through a link
    if not stat.S_ISDIR(st.st_mode):
        raise NotADirectoryError(20, "not a folder", root_str)
    items = [Item(label, root_str, "dir", 0, st.st_mtime_ns, st.st_atime_ns, stored=label)]
    _list_dir(root_str, items[0], root_str, items, warn, live_predicate, top=True)
    return items


def _list_dir(src_dir: str, dir_item: Item, root: str, items: list[Item], warn, live_predicate, top=False) -> None:
    stack = [(src_dir, dir_item, top)]
    while stack:
        folder, parent, is_top = stack.pop()
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError as exc:
            if is_top:
                raise
            parent.skipped_reason = "unreadable"
            warn(FOLDER_UNREADABLE(path=folder, reason=exc.strerror or str(exc)))
            continue
        subdirs = []
        stored_names = safe_names(e.name for e in entries)
        for entry in entries:
            rel = f"{parent.rel}/{entry.name}"
            stored = f"{parent.stored}/{stored_names[entry.name]}"
            try:
                st = entry.stat(follow_symlinks=False)
            except FileNotFoundError:
                continue  # gone between listing and stat: it is not part of this backup
            except OSError as exc:
                warn(FOLDER_UNREADABLE(path=entry.path, reason=exc.strerror or str(exc)))
                continue
            mode = st.st_mode
            if stat.S_ISREG(mode):
                live = bool(live_predicate and live_predicate(Path(entry.path)))
                items.append(Item(rel, entry.path, "file", st.st_size, st.st_mtime_ns, st.st_atime_ns, live=live,
                                  stored=stored))
            elif stat.S_ISDIR(mode):
                item = Item(rel, entry.path, "dir", 0, st.st_mtime_ns, st.st_atime_ns, stored=stored)
                items.append(item)
                subdirs.append((entry.path, item, False))
            elif stat.S_ISLNK(mode):
                try:
                    target = os.readlink(entry.path)
                except OSError as exc:
                    warn(FOLDER_UNREADABLE(path=entry.path, reason=exc.strerror or str(exc)))
                    continue
                if points_outside(entry.path, target, root):
                    warn(LINK_OUTSIDE(path=entry.path, target=target))
                items.append(Item(rel, entry.path, "symlink", st.st_size, st.st_mtime_ns, st.st_atime_ns,
                                  link_target=target, stored=stored))
            else:
                warn(NOT_A_FILE(path=entry.path))
        # reversed, so that popping visits folders in name order
        stack.extend(reversed(subdirs))


def points_outside(link_path: str, target: str, root: str) -> bool:
    """True when the link's target (resolved by name, without following) leaves `root`."""
    if os.path.isabs(target):
        resolved = os.path.normpath(target)
    else:
        resolved = os.path.normpath(os.path.join(os.path.dirname(link_path), target))
    root = os.path.normpath(root)
    try:
        return os.path.commonpath([resolved, root]) != root
    except ValueError:  # different drives on Windows
        return True
