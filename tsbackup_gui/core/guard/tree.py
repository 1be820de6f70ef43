"""Did the source stay as it was copied? The last look before a generation counts.

A program that wrote while we copied (even one the name list does not know)
leaves a size, an mtime or a file list that differs from the manifest
entries, and then the copy is not consistent. Paths are compared NFC: macOS
file systems hand out decomposed names, manifests may hold composed ones.
"""

from __future__ import annotations

import os
import stat
import unicodedata
from pathlib import Path
from typing import Any, Callable, Iterable

from tsbackup_gui.core.guard.blockers import Blocker

#: Where a source-relative path lives in a generation (and in its manifest).
DEFAULT_PREFIX = "timeSensor DataFiles"

Ignore = Callable[[str], bool]


def nfc(path: str) -> str:
    return path if path.isascii() else unicodedata.normalize("NFC", path)


def is_nfc(path: str) -> bool:
    """Already in the form the comparison uses (every ASCII name is)."""
    return path.isascii() or unicodedata.is_normalized("NFC", path)


def name_keys(names: Iterable[str]) -> dict[str, str]:
    """Each name of one folder → the name compared: NFC, unless that NFC form is taken.

    Two names that differ only in how their accents are encoded keep the
    second one's own spelling, exactly as the copier stores them (scan.py),
    so such a pair is compared file by file instead of colliding.
    """
    ordered = sorted(set(names))
    taken = {name for name in ordered if nfc(name) == name}
    keys: dict[str, str] = {}
    for name in ordered:
        key = nfc(name)
        if key != name:
            if key in taken:
                key = name
            taken.add(key)
        keys[name] = key
    return keys


def expected_from_entries(entries: Iterable[Any], prefix: str = DEFAULT_PREFIX) -> dict[str, tuple]:
    """Source-relative path → (type, size, mtime_ns, link target) for the entries under ``prefix``.

    Entries are manifest entries (objects or dicts with ``path``, ``type``,
    ``size``, ``mtime_ns``, optionally ``target``); the prefix folder itself
    and entries outside it (``4D Backup/``, the manifest) are not part of the
    source.
    """
    head = nfc(prefix).strip("/").split("/")
    lead = "/".join(head) + "/"
    raw: dict[str, tuple] = {}
    for entry in entries:
        if isinstance(entry, dict):
            path = str(entry.get("path") or "")
            facts = (entry.get("type"), entry.get("size"), entry.get("mtime_ns"), entry.get("target"))
        else:  # a manifest `Entry`: read directly, 10,000 times per run
            path = str(entry.path or "")
            facts = (entry.type, entry.size, entry.mtime_ns, getattr(entry, "target", None))
        if path.startswith(lead) and "//" not in path and "\\" not in path and not path.endswith("/"):
            rel = path[len(lead):]  # the usual form, as `Manifest` writes it
        else:
            parts = [part for part in path.replace("\\", "/").split("/") if part]
            if [nfc(part) for part in parts[: len(head)]] != head:
                continue
            rel = "/".join(parts[len(head):])
        if rel:
            raw[rel] = facts
    if all(is_nfc(rel) for rel in raw):
        return raw  # every name is compared as it is: nothing to re-key
    children: dict[str, list[str]] = {}
    for rel in raw:
        parent, _, name = rel.rpartition("/")
        children.setdefault(parent, []).append(name)
    folder_keys = {parent: name_keys(names) for parent, names in children.items()}
    keyed: dict[str, str] = {"": ""}

    def key_of(rel: str) -> str:
        if rel not in keyed:
            parent, _, name = rel.rpartition("/")
            parent_key = key_of(parent)
            name_key = folder_keys.get(parent, {}).get(name, nfc(name))
            keyed[rel] = f"{parent_key}/{name_key}" if parent_key else name_key
        return keyed[rel]

    return {key_of(rel): facts for rel, facts in raw.items()}


def current_tree(root: Path, ignore: Ignore | None = None) -> dict[str, tuple]:
    """Source-relative path → (type, size, mtime_ns, link target) as the source is now.

    A folder that cannot be read contributes nothing, so what was copied from
    it counts as vanished: an unverifiable source is never called consistent.
    Sockets and other special files are not data and are left out.
    """
    found: dict[str, tuple] = {}
    pending: list[tuple[str, str]] = [(os.fspath(root), "")]
    while pending:
        folder, rel_folder = pending.pop()
        try:
            with os.scandir(folder) as listing:
                items = list(listing)
        except OSError:
            continue
        keys = name_keys(item.name for item in items)
        for item in items:
            key = keys[item.name]
            rel = f"{rel_folder}/{key}" if rel_folder else key
            if ignore is not None and ignore(rel):
                continue
            try:
                info = item.stat(follow_symlinks=False)
            except OSError:
                continue
            if stat.S_ISLNK(info.st_mode):
                try:
                    target = os.readlink(item.path)
                except OSError:
                    continue
                found[rel] = ("symlink", None, None, target)
            elif stat.S_ISDIR(info.st_mode):
                found[rel] = ("dir", None, None, None)
                pending.append((item.path, rel))
            elif stat.S_ISREG(info.st_mode):
                found[rel] = ("file", info.st_size, info.st_mtime_ns, None)
    return found


def compare_tree(
    entries: Iterable[Any],
    root: Path,
    prefix: str = DEFAULT_PREFIX,
    ignore: Ignore | None = None,
) -> list[Blocker]:
    """Every difference between what was copied and the source now, sorted by path.

    Files must keep size and mtime_ns, symlinks their target (where the entry
    recorded it), folders their type: a folder's own time moves with its
    content, which the file-by-file look already covers.
    """
    expected = expected_from_entries(entries, prefix)
    if ignore is not None:
        expected = {rel: facts for rel, facts in expected.items() if not ignore(rel)}
    now = current_tree(root, ignore)
    if now == {rel: _comparable(facts) for rel, facts in expected.items()}:
        return []  # the usual answer, found without looking at each path
    changes: list[Blocker] = []
    for rel in sorted(expected.keys() | now.keys()):
        was, is_ = expected.get(rel), now.get(rel)
        if is_ is None:
            changes.append(Blocker(0, "", "changed", rel, "vanished"))
        elif was is None:
            changes.append(Blocker(0, "", "changed", rel, "appeared"))
        elif was[0] != is_[0] or _differs(was, is_):
            changes.append(Blocker(0, "", "changed", rel, "modified"))
    return changes


def _comparable(was: tuple) -> tuple:
    """The facts as `current_tree` reports them when nothing changed (what `_differs` compares)."""
    kind, size, mtime_ns, target = was
    if kind == "file":
        return (kind, size, mtime_ns, None)
    if kind == "symlink":
        return (kind, None, None, target)
    return (kind, None, None, None)


def _differs(was: tuple, is_: tuple) -> bool:
    kind, size, mtime_ns, target = was
    if kind == "file":
        return (size is not None and int(size) != is_[1]) or (mtime_ns is not None and int(mtime_ns) != is_[2])
    if kind == "symlink":
        return target is not None and str(target) != is_[3]
    return False
