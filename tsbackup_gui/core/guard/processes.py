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

import ntpath
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
    from argv[0]; only when argv[0] and the executable are both hidden (another
    user's process) does a cut name that begins a longer wanted name count as
    that name: a false "busy" only postpones a backup, a missed app spoils one.
    When either is visible the full name is known, and a program that merely
    shares the first 15 characters (a script "timeSensor LEGAL Helper", whose
    argv[0] is its interpreter) is not the app.
    """
    wanted_norm = {normalize_name(n) for n in wanted if normalize_name(n)}
    name = str(info.get("name") or "")
    candidates: dict[str, str] = {}
    if name:
        candidates.update(program_names(name))
    cmdline = info.get("cmdline") or []
    argv0 = str(cmdline[0]) if isinstance(cmdline, (list, tuple)) and cmdline and cmdline[0] else ""
    if argv0:
        candidates.update(program_names(argv0))
    exe = info.get("exe")
    if exe:
        candidates.update(program_names(str(exe)))
    for norm, shown in candidates.items():
        if norm in wanted_norm:
            return shown
    cut = name.casefold()
    if os.name == "posix" and len(name) >= _SHORT_COMM and "/" not in name and not argv0 and not exe:
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


MAC_DATA_VOLUME = "/System/Volumes/Data"


def this_os() -> str:
    return "windows" if sys.platform == "win32" else "macos" if sys.platform == "darwin" else "linux"


def path_key(path: str, os_name: str | None = None) -> str:
    """A path as compared, the one normalising rule for the data folder and every open file.

    NFC, case-folded where the usual file systems ignore case (macOS, Windows),
    Windows' separators and case as ``ntpath.normcase`` makes them; on macOS
    the data volume's form ``/System/Volumes/Data/Users/…`` (which
    ``open_files`` may report) is the firmlinked ``/Users/…``.
    """
    os_name = os_name or this_os()
    if os_name == "windows":
        path = ntpath.normcase(path)
    elif os_name == "macos" and (path == MAC_DATA_VOLUME or path.startswith(MAC_DATA_VOLUME + "/")):
        path = path[len(MAC_DATA_VOLUME):] or "/"
    key = unicodedata.normalize("NFC", path)
    return key.casefold() if os_name in ("macos", "windows") else key


def _sep(os_name: str) -> str:
    return "\\" if os_name == "windows" else "/"


def _roots(source: Path, os_name: str) -> set[str]:
    keys = set()
    sep = _sep(os_name)
    for variant in (os.path.abspath(source), os.path.realpath(source)):
        key = path_key(variant, os_name)
        keys.add(key.rstrip(sep) or key)
    return keys


def is_under(path: str, roots: set[str], os_name: str | None = None) -> bool:
    os_name = os_name or this_os()
    key, sep = path_key(path, os_name), _sep(os_name)
    return any(key == root or key.startswith(root + sep) or root == sep for root in roots)


def find_holders(source: Path, *, os_name: str | None = None, processes: Iterable | None = None) -> list[Blocker]:
    """Every other process with a file under ``source`` open, one Blocker per process.

    Processes whose open files the OS won't show (another user's, without
    rights) are skipped: for them the name list is the only look. Our own
    process is skipped: the copier reads the source while it asks.
    ``os_name`` and ``processes`` (psutil-like: ``pid``, ``info``,
    ``open_files()``) replace the machine's (tests).
    """
    os_name = os_name or this_os()
    roots = _roots(Path(source), os_name)
    own = os.getpid()
    found: list[Blocker] = []
    for proc in psutil.process_iter(["name"], ad_value=None) if processes is None else processes:
        if proc.pid == own:
            continue
        try:
            files = proc.open_files()
        except (*_GONE, OSError):
            continue
        held = sorted({f.path for f in files if is_under(f.path, roots, os_name)})
        if held:
            found.append(Blocker(proc.pid, str(proc.info.get("name") or proc.pid), "holds-file", held[0]))
    return sorted(found, key=lambda b: b.pid)
