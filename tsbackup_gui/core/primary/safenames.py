"""Names every backup drive can hold, and the key names are compared by.

A source folder (macOS, Linux) may hold names that Windows file systems
(NTFS, exFAT, FAT32, a NAS share) refuse. Inside a generation such a name is
stored under a *safe name*; the manifest keeps the original, byte for byte
(a decomposed NFD name stays NFD), and every restore gives the original back.
The rule is the same on every drive, so a drive moved between a Mac and a PC
reads the same:

- the characters ``: ? * " < > | \\`` become their full-width look-alikes
  ``： ？ ＊ ＂ ＜ ＞ ｜ ＼`` (U+FF1A …), control characters become their
  visible symbols (U+2401 … U+241F), as rclone and Cygwin do;
- a trailing dot becomes ``．`` (U+FF0E), a trailing space ``␠`` (U+2420);
- a reserved device name (``CON``, ``PRN``, ``AUX``, ``NUL``, ``COM1``–``COM9``,
  ``LPT1``–``LPT9``, with or without extension, in any case) gets ``_`` after
  its first part: ``CON.txt`` → ``CON_.txt``;
- names in one folder are treated as equal when they differ only in case or
  in how accents are encoded (every drive is treated as case-insensitive and
  normalising, as Windows and macOS drives are): the second of such names
  gets ``~2`` (``~3`` …) before its extension: ``akte.txt`` → ``akte~2.txt``.

Names that need none of this are stored unchanged. The mapping is
deterministic (the same folder gives the same names each night) and free of
collisions; it is reversed through the manifest (``path`` is the original,
``stored`` the name on the drive), not by guessing.

`compare_key` is how a name read from a drive is matched with a manifest
name: NFC, because HFS+ hands out decomposed names for what was written
composed and some NAS shares compose what was written decomposed.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Iterable

FORBIDDEN = ':?*"<>|\\'
_CHAR_MAP = {ch: chr(ord(ch) + 0xFEE0) for ch in FORBIDDEN}  # full-width forms
_CHAR_MAP.update({chr(c): chr(0x2400 + c) for c in range(1, 32)})  # control pictures
_TRAILING = {".": "\uff0e", " ": "\u2420"}
RESERVED = frozenset(
    ["CON", "PRN", "AUX", "NUL"]
    + [f"{kind}{n}" for kind in ("COM", "LPT") for n in [*"123456789", "\u00b9", "\u00b2", "\u00b3"]]
)


def nfc(name: str) -> str:
    return name if name.isascii() else unicodedata.normalize("NFC", name)


def compare_key(path: str) -> str:
    """The form a name or '/'-path is compared in: NFC (HFS+ decomposes, some shares compose)."""
    return nfc(path)


def fold_key(name: str) -> str:
    """The form in which two names of one folder are the same file on a Windows or Mac drive."""
    return name.lower() if name.isascii() else unicodedata.normalize("NFC", name).lower()


_NEEDS_CHANGE = re.compile(r'[\x01-\x1f:?*"<>|\\]|[. ]\Z')


def _reserved(name: str) -> bool:
    head = name.partition(".")[0].rstrip(" ")
    return 3 <= len(head) <= 4 and head.upper() in RESERVED


def safe_name(name: str) -> str:
    """`name` as every drive can hold it (see the module's text); unchanged when it already can."""
    if _NEEDS_CHANGE.search(name) is None and not _reserved(name):
        return name
    safe = "".join(_CHAR_MAP.get(ch, ch) for ch in name)
    if safe and safe[-1] in _TRAILING:
        safe = safe[:-1] + _TRAILING[safe[-1]]
    if _reserved(safe):
        head, dot, rest = safe.partition(".")
        safe = f"{head}_{dot}{rest}"
    return safe


def needs_safe_name(name: str) -> bool:
    return safe_name(name) != name


def safe_names(names: Iterable[str]) -> dict[str, str]:
    """Each name of one folder → the name it is stored under, unique in that folder by `fold_key`.

    Names that need no change claim their names first (in sorted order), so a
    name is never renamed because another one had to be; the rest follow in
    sorted order and get ``~2``, ``~3`` … when their safe name is taken.
    """
    ordered = sorted(names)  # a folder's names are unique; the scan hands them over sorted already
    if _all_fine(ordered):
        return {name: name for name in ordered}  # the usual folder, found with two searches over all names
    out: dict[str, str] = {}
    taken: set[str] = set()
    later = []
    for name in ordered:
        key = fold_key(name)
        if key in taken or _NEEDS_CHANGE.search(name) is not None or _reserved(name):
            later.append(name)
            continue
        out[name] = name
        taken.add(key)
    for name in later:
        safe = safe_name(name)
        candidate, n = safe, 2
        while fold_key(candidate) in taken:
            candidate = _numbered(safe, n)
            n += 1
        out[name] = candidate
        taken.add(fold_key(candidate))
    return out


_ANY_CHANGE = re.compile(r'[\x01-\x1f:?*"<>|\\]|[. ](?=\x00|\Z)')
_ANY_RESERVED = re.compile(r"(?i)(?:^|\x00)(?:CON|PRN|AUX|NUL|COM[1-9\u00b9\u00b2\u00b3]|LPT[1-9\u00b9\u00b2\u00b3]) *(?=\.|\x00|\Z)")


def _all_fine(names: list[str]) -> bool:
    """No name of the folder needs a safe name and no two are one name on a Windows or Mac drive."""
    joined = "\x00".join(names)
    if _ANY_CHANGE.search(joined) is not None or _ANY_RESERVED.search(joined) is not None:
        return False
    folded = joined.lower().split("\x00") if joined.isascii() else [fold_key(name) for name in names]
    return len(set(folded)) == len(names)


def _numbered(name: str, n: int) -> str:
    stem, dot, ext = name.rpartition(".")
    if not dot or not stem:
        return f"{name}~{n}"
    return f"{stem}~{n}.{ext}"
