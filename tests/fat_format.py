"""FAT32's on-disk rules for `fatfuse` (tests only): which names FAT refuses, how it compares names,
and the VFAT long-name and folder entries written the way a real FAT32 holds them.
"""

from __future__ import annotations

import stat

from pyfatfs import FAT_LFN_ENCODING
from pyfatfs._exceptions import NotAnLFNEntryException
from pyfatfs.EightDotThree import EightDotThree
from pyfatfs.FATDirectoryEntry import FATDirectoryEntry, FATLongDirectoryEntry
from pyfatfs.PyFat import PyFat

FORBIDDEN = set('"*/:<>?\\|') | {chr(c) for c in range(32)} | {chr(127)}
FILE_MODE = stat.S_IFREG | 0o644
DIR_MODE = stat.S_IFDIR | 0o755
MAX_FILE = 2**32 - 1  # FAT32 holds no file of 4 GiB or more


def fold(name: str) -> str:
    """The key FAT compares names by: without trailing dots and spaces, upper case one character for one
    (as Windows' upcase table)."""
    name = name.rstrip(". ") or name
    return "".join(u if len(u := ch.upper()) == 1 else ch for ch in name)


def long_name(entry: FATDirectoryEntry) -> str:
    try:
        return entry.get_long_name()
    except NotAnLFNEntryException:
        return entry.get_short_name()


def make_lfn(name: str, short: EightDotThree) -> FATLongDirectoryEntry:
    """The VFAT long-name entries for `name` (pyfatfs' own refuses names past 127 characters)."""
    lfn = FATLongDirectoryEntry()
    raw = name.encode(FAT_LFN_ENCODING)
    if len(raw) % 26:
        raw += b"\0\0"
        raw += b"\xff" * ((26 - len(raw) % 26) % 26)
    count = len(raw) // 26
    for i in range(count):
        part = raw[i * 26:(i + 1) * 26]
        lfn.add_lfn_entry(LDIR_Ord=(0x40 if i == count - 1 else 0) | (i + 1), LDIR_Name1=part[:10],
                          LDIR_Attr=FATDirectoryEntry.ATTR_LONG_NAME, LDIR_Type=0, LDIR_Chksum=short.checksum(),
                          LDIR_Name2=part[10:22], LDIR_FstClusLO=0, LDIR_Name3=part[22:])
    return lfn


def write_dir(fat: PyFat, directory: FATDirectoryEntry) -> None:
    """Writes a folder's entries, clearing the rest of its clusters: pyfatfs leaves stale entries
    behind a folder that shrank, which fsck.fat and a later mount would find again."""
    entries = directory._get_entries_raw()
    data = b"".join(bytes(entry) for entry in entries) + b"\0" * 32
    chain = sum(1 for _ in fat.get_cluster_chain(directory.get_cluster())) * fat.bytes_per_cluster
    data = data.ljust(chain, b"\0")  # every old entry in the folder's clusters is cleared
    fat.write_data_to_cluster(data, directory.get_cluster(), extend_cluster=True, erase=True)
