"""Turns the paths an installation talks about into paths on this machine.

Detection reads paths in three dialects: POSIX (`/Users/Shared/...`),
Windows (`E:\\4D Backups\\`, `\\\\server\\share`) and classic Mac HFS
(`Macintosh HD:Backups:4D:`), from probes and from files 4D wrote
(lastDataPath.xml, backup settings, backupHistory.json). With ``--root DIR``
the whole file system of the installation lies under DIR (tests, audits, a
disk image mounted elsewhere): `/Users` is `DIR/Users`, drive `C:` is
`DIR/C`. One mapper does this for every caller so that a path read from a
file lands in the same place as a probed one.
"""

from __future__ import annotations

import os
import re
import stat
import string
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlparse

OS_NAMES = ("windows", "macos", "linux")

_DRIVE = re.compile(r"^([A-Za-z]):(?:[\\/](.*))?$", re.S)


def current_os() -> str:
    """The running OS in the names the CLI uses."""
    if sys.platform.startswith("win"):
        return "windows"
    if sys.platform == "darwin":
        return "macos"
    return "linux"


def exists(path: Path) -> bool:
    """Like Path.exists, but a folder we may not enter means "cannot tell" (False), not an exception."""
    try:
        os.stat(path)
    except (OSError, ValueError):
        return False
    return True


def is_dir(path: Path) -> bool:
    try:
        return stat.S_ISDIR(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def is_file(path: Path) -> bool:
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def split_any(text: str) -> list[str]:
    """Path parts split at both separators; empty parts and '.' dropped."""
    return [part for part in re.split(r"[\\/]+", text) if part and part != "."]


@dataclass(frozen=True)
class RootMap:
    """Maps installation paths to real paths; ``root=None`` means this machine as it is."""

    root: Path | None = None
    os_name: str = current_os()

    # -- the three dialects -------------------------------------------------
    def posix(self, text: str) -> Path:
        """An absolute POSIX path of the installation (`/Users/Shared/x`)."""
        parts = [part for part in text.split("/") if part and part != "."]
        if self.root is None:
            return Path("/", *parts)
        return self.join(self.root, parts)

    def drive(self, letter: str) -> Path | None:
        """The real folder of a Windows drive, or None where this machine has no such drive."""
        letter = letter.upper()
        if self.root is None:
            if current_os() != "windows":
                return None
            return Path(f"{letter}:\\")
        for name in (letter, letter.lower()):
            candidate = self.root / name
            if is_dir(candidate):
                return candidate
        return self.root / letter

    def drives(self) -> list[str]:
        """Drive letters present: single-letter folders under the root, else the real drives."""
        if self.root is None:
            if current_os() != "windows":
                return []
            return [letter for letter in string.ascii_uppercase if os.path.exists(f"{letter}:\\")]
        try:
            names = sorted(entry.name for entry in os.scandir(self.root) if entry.is_dir())
        except OSError:
            return []
        letters: list[str] = []
        for name in names:
            if len(name) == 1 and name.isalpha() and name.upper() not in letters:
                letters.append(name.upper())
        return letters

    def windows(self, text: str) -> Path | None:
        """A Windows path: `E:\\Folder\\` or a UNC path `\\\\server\\share\\Folder`."""
        match = _DRIVE.match(text.strip())
        if match:
            base = self.drive(match.group(1))
            if base is None:
                return None
            return self.join(base, split_any(match.group(2) or ""))
        if text.startswith(("\\\\", "//")):
            parts = split_any(text)
            if self.root is None:
                return Path(text) if current_os() == "windows" else None
            return self.join(self.root / "UNC", parts)
        return None

    def hfs(self, text: str) -> Path | None:
        """A classic Mac path `Volume:Folder:Sub:`: the boot volume where the rest exists from `/`, else `/Volumes/Volume`."""
        parts = text.split(":")
        volume, rest = parts[0], [part for part in parts[1:] if part]
        if not volume:
            return None
        on_boot = self.posix("/" + "/".join(rest))
        on_volume = self.posix("/" + "/".join(["Volumes", volume, *rest]))
        if rest and exists(on_boot):
            return on_boot
        return on_volume

    # -- anything read from a file -----------------------------------------
    def from_text(self, text: str | None, base: Path | None = None) -> Path | None:
        """Any path form found in a file; relative forms are taken from ``base``.

        Returns None when the text names no place this machine can reach
        (empty, a drive this machine does not have, a relative path without base).
        """
        if text is None:
            return None
        text = text.strip().strip('"').strip()
        if not text:
            return None
        if text.lower().startswith("file:"):
            return self._from_url(text)
        if _DRIVE.match(text) or text.startswith(("\\\\", "//")):
            return self.windows(text)
        if text.startswith("/"):
            return self.posix(text)
        if text.startswith(":"):  # HFS relative: `:Backups:`
            return self.join(base, [part for part in text.split(":") if part]) if base else None
        if ":" in text and "/" not in text.split(":", 1)[0] and "\\" not in text.split(":", 1)[0]:
            return self.hfs(text)
        if base is None:
            return None
        return self.join(base, split_any(text))

    def _from_url(self, text: str) -> Path | None:
        url = urlparse(text)
        path = unquote(url.path)
        if url.netloc and url.netloc.lower() != "localhost":
            return self.windows("\\\\" + url.netloc + path.replace("/", "\\"))
        if re.match(r"^/[A-Za-z]:", path):
            return self.windows(path[1:])
        return self.posix(path)

    # -- helpers -------------------------------------------------------------
    @staticmethod
    def join(base: Path, parts: list[str]) -> Path:
        """Joins parts under base, matching existing names without regard to case.

        Windows and macOS compare names case-insensitively; a tree copied to
        Linux (or written by hand) keeps the spelling of the disk, not of the
        file that names it.
        """
        current = base
        for index, part in enumerate(parts):
            if part == "..":
                current = current.parent
                continue
            exact = current / part
            if exists(exact) or not is_dir(current):
                current = exact
                continue
            match = _case_match(current, part)
            if match is None:
                return Path(exact, *parts[index + 1:])
            current = match
        return current

    def describe(self) -> str:
        """The root for sentences: DIR, or the machine's own root."""
        return str(self.root) if self.root is not None else os.sep


def _case_match(folder: Path, name: str) -> Path | None:
    wanted = name.casefold()
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.name.casefold() == wanted:
                    return folder / entry.name
    except OSError:
        return None
    return None
