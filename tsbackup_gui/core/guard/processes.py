"""Which programs run, and which hold files under the data folder.

The single-user app's process name is not documented (4d-facts.md), so two
independent looks are taken: a configurable list of names, and whoever has a
file under the data folder open. A name is matched whole (case-insensitively,
without ``.exe``/``.app``), never as a prefix: "timeSensorHelper" is not
"timeSensor". Matching prefixes would keep an unrelated helper from ever
letting a backup run; a real timeSensor helper that touches the data is caught
by the open-files look instead.
"""

from __future__ import annotations

import os
import re
import sys
import unicodedata
from pathlib import Path
from typing import Iterable, Mapping, Sequence

import psutil

from tsbackup_gui.core.guard.blockers import Blocker

DEFAULT_PROCESS_NAMES: tuple[str, ...] = (
    "timeSensor LEGAL",
    "timeSensor",
    "timeSensor Server",
    "timeSensor Client",
    "4D",
    "4D Server",
)

_SUFFIXES = (".exe", ".app")
# Linux keeps 15 characters of a program name in `comm`, macOS 16 in `p_comm`.
_SHORT_COMM = 15
_GONE = (psutil.NoSuchProcess, psutil.AccessDenied, psutil.ZombieProcess)
_CASE_BLIND_PATHS = sys.platform in ("darwin", "win32")


def normalize_name(name: str) -> str:
    """A program name as compared: NFC, case-folded, without ``.exe``/``.app``."""
    folded = unicodedata.normalize("NFC", name).strip().casefold()
    for suffix in _SUFFIXES:
        if folded.endswith(suffix) and len(folded) > len(suffix):
            return folded[: -len(suffix)]
    return folded


def program_names(value: str) -> dict[str, str]:
    """Compared name → shown name for a process name, argv[0] or executable path.

    Gives the last path part, and for ``X.app/Contents/MacOS/Y`` also ``X``:
    a 4D merged app's executable need not carry the app's name.
    """
    parts = [part for part in re.split(r"[\\/]", value) if part]
    if not parts:
        return {}
    found = {normalize_name(parts[-1]): _shown(parts[-1])}
    if (
        len(parts) >= 4
        and parts[-2].casefold() == "macos"
        and parts[-3].casefold() == "contents"
        and parts[-4].casefold().endswith(".app")
    ):
        found[normalize_name(parts[-4])] = _shown(parts[-4])
    found.pop("", None)
    return found


def _shown(part: str) -> str:
    for suffix in _SUFFIXES:
        if part.casefold().endswith(suffix) and len(part) > len(suffix):
            return part[: -len(suffix)]
    return part


def match_process(wanted: Iterable[str], info: Mapping[str, object]) -> str | None:
    """The shown name under which a process (psutil ``info`` dict) matches ``wanted``, or None.

    ``info`` holds psutil's ``name``, ``cmdline`` and ``exe`` (None where the
    OS refused). psutil restores a name that ``comm`` cut at 15 characters
    from argv[0]; when argv[0] and the executable are hidden too, a cut name
    that begins a longer wanted name counts as that name: a false "busy" only
    postpones a backup, a missed app spoils one.
    """
    wanted_norm = {normalize_name(n) for n in wanted if normalize_name(n)}
    name = str(info.get("name") or "")
    candidates: dict[str, str] = {}
    if name:
        candidates.update(program_names(name))
    cmdline = info.get("cmdline") or []
    if isinstance(cmdline, (list, tuple)) and cmdline and cmdline[0]:
        candidates.update(program_names(str(cmdline[0])))
    exe = info.get("exe")
    if exe:
        candidates.update(program_names(str(exe)))
    for norm, shown in candidates.items():
        if norm in wanted_norm:
            return shown
    cut = name.casefold()
    if os.name == "posix" and len(name) >= _SHORT_COMM and "/" not in name:
        if not any(len(norm) > len(cut) and norm.startswith(cut) for norm in candidates):
            for norm in wanted_norm:
                if len(norm) > len(cut) and norm.startswith(cut):
                    return name
    return None


def find_running(names: Sequence[str] = DEFAULT_PROCESS_NAMES) -> list[Blocker]:
    """Every other process whose name or argv[0] is one of ``names``."""
    own = os.getpid()
    found: list[Blocker] = []
    for proc in psutil.process_iter(["name", "cmdline", "exe", "status"], ad_value=None):
        try:
            if proc.pid == own or proc.info.get("status") == psutil.STATUS_ZOMBIE:
                continue
            shown = match_process(names, proc.info)
        except _GONE:
            continue
        if shown is not None:
            found.append(Blocker(proc.pid, shown, "running", None))
    return sorted(found, key=lambda b: b.pid)


def path_key(path: str) -> str:
    """A path as compared: NFC, and case-folded where the usual file systems ignore case."""
    key = unicodedata.normalize("NFC", os.path.normcase(path))
    return key.casefold() if _CASE_BLIND_PATHS else key


def _roots(source: Path) -> set[str]:
    keys = set()
    for variant in (os.path.abspath(source), os.path.realpath(source)):
        key = path_key(variant)
        keys.add(key.rstrip(os.sep) or key)
    return keys


def is_under(path: str, roots: set[str]) -> bool:
    key = path_key(path)
    return any(key == root or key.startswith(root + os.sep) or root == os.sep for root in roots)


def find_holders(source: Path) -> list[Blocker]:
    """Every other process with a file under ``source`` open, one Blocker per process.

    Processes whose open files the OS won't show (another user's, without
    rights) are skipped: for them the name list is the only look. Our own
    process is skipped: the copier reads the source while it asks.
    """
    roots = _roots(Path(source))
    own = os.getpid()
    found: list[Blocker] = []
    for proc in psutil.process_iter(["name"], ad_value=None):
        if proc.pid == own:
            continue
        try:
            files = proc.open_files()
        except (*_GONE, OSError):
            continue
        held = sorted({f.path for f in files if is_under(f.path, roots)})
        if held:
            found.append(Blocker(proc.pid, str(proc.info.get("name") or proc.pid), "holds-file", held[0]))
    return sorted(found, key=lambda b: b.pid)
