"""A FAT32 drive for the tests: a FUSE driver over `pyfatfs` (tests only, never part of the product).

    python tests/fatfuse.py IMAGE MOUNTDIR

mounts IMAGE (made by ``mkfs.vfat -F 32``) at MOUNTDIR in the foreground
until ``fusermount -u``. There is no kernel vfat in the test container or in
CI, and fusefat, the FAT32 FUSE driver Debian has, refuses every name beyond
ASCII and loses the contents of a renamed folder. This driver writes the real
on-disk format (pyfatfs: FAT32, VFAT long names in UTF-16) and behaves as a
FAT32 drive does under Linux, Windows or macOS, no more lenient:

- long names as given, in UTF-16 (an NFD name stays NFD); a name with
  ``" * / : < > ? \\ |`` or a control character is refused (EINVAL, as Linux'
  vfat does); trailing dots and spaces are dropped, as vfat and Windows do;
  longer than 255 UTF-16 units: ENAMETOOLONG;
- lookups ignore case and keep it: ``akte.txt`` opens ``Akte.txt``;
- no hard links, no symbolic links, no special files (EPERM, as vfat);
- no permissions: chmod and chown change nothing (vfat's ``quiet``); files
  read 0644, folders 0755;
- times as FAT stores them: the modification time in local time with
  2-second resolution (odd seconds round down), the access time a date;
- rename of files and of folders with their contents, also into another
  folder (the folder's ``..`` entry follows), replacing a file or an empty folder;
- statfs from the FAT's real free clusters; no file of 4 GiB or more (EFBIG).

Writes reach the image when a file is flushed or closed (until then it is held
in memory); a full drive answers ENOSPC then.
"""

from __future__ import annotations

import errno
import os
import sys
import threading
import time

from fuse import FUSE, FuseOSError, Operations
from pyfatfs._exceptions import PyFATException
from pyfatfs.DosDateTime import DosDateTime
from pyfatfs.EightDotThree import EightDotThree
from pyfatfs.FATDirectoryEntry import FATDirectoryEntry
from pyfatfs.FSInfo import FSInfo
from pyfatfs.PyFat import PyFat

from fat_format import DIR_MODE, FILE_MODE, FORBIDDEN, MAX_FILE, fold, long_name, make_lfn, write_dir

class FatFuse(Operations):
    def __init__(self, image: str):
        self.fat = PyFat()
        self.fat.open(image)
        if self.fat.fat_type != PyFat.FAT_TYPE_FAT32:
            raise SystemExit(f"{image} is not FAT32")
        self.fat.update_directory_entry = lambda d: write_dir(self.fat, d)  # FatIO writes through this too
        self.mutex = threading.RLock()
        self.buffers: dict[int, tuple[FATDirectoryEntry, bytearray, list[bool]]] = {}
        self.next_fh = 1
        info = self.fat.bpb_header
        total = info["BPB_TotSec32"] or info["BPB_TotSec16"]
        self.clusters = (total - self.fat.first_data_sector) // info["BPB_SecPerClus"]

    def entry(self, path: str) -> FATDirectoryEntry:
        entry = self.fat.root_dir
        for part in filter(None, path.split("/")):
            if not entry.is_directory():
                raise FuseOSError(errno.ENOTDIR)
            found = self.child(entry, part)
            if found is None:
                raise FuseOSError(errno.ENOENT)
            entry = found
        return entry

    @staticmethod
    def child(directory: FATDirectoryEntry, name: str) -> FATDirectoryEntry | None:
        key = fold(name)
        dirs, files, _ = directory.get_entries()
        for entry in dirs + files:
            if fold(long_name(entry)) == key or fold(entry.get_short_name()) == key:
                return entry
        return None

    def parent_and_name(self, path: str) -> tuple[FATDirectoryEntry, str]:
        head, name = path.rstrip("/").rsplit("/", 1)
        parent = self.entry(head)
        if not parent.is_directory():
            raise FuseOSError(errno.ENOTDIR)
        name = name.rstrip(". ")  # as vfat and Windows do
        if not name or FORBIDDEN & set(name):
            raise FuseOSError(errno.EINVAL)
        if len(name.encode("utf-16-le")) > 510:
            raise FuseOSError(errno.ENAMETOOLONG)
        return parent, name

    def name_entry(self, entry: FATDirectoryEntry, parent: FATDirectoryEntry, name: str) -> None:
        """Gives `entry` the long `name` and a short name unique in `parent`."""
        short = EightDotThree(encoding=self.fat.encoding)
        short.set_str_name(EightDotThree.make_8dot3_name(name, parent))
        entry.name = short
        entry.lfn_entry = None
        if short.get_unpadded_filename() != name:
            entry.set_lfn_entry(make_lfn(name, short))

    def new_entry(self, path: str, attr: int) -> tuple[FATDirectoryEntry, FATDirectoryEntry]:
        parent, name = self.parent_and_name(path)
        if self.child(parent, name) is not None:
            raise FuseOSError(errno.EEXIST)
        entry = FATDirectoryEntry.new(name=EightDotThree(), tz=None, encoding=self.fat.encoding, attr=attr)
        self.stamp(entry, time.time(), time.time())
        self.name_entry(entry, parent, name)
        return parent, entry

    @staticmethod
    def stamp(entry: FATDirectoryEntry, atime: float, mtime: float) -> None:
        when = DosDateTime.fromtimestamp(max(mtime, 315532800 + 86400))  # FAT starts in 1980
        entry.wrttime, entry.wrtdate = when.serialize_time(), when.serialize_date()
        entry.lstaccessdate = DosDateTime.fromtimestamp(max(atime, 315532800 + 86400)).serialize_date()

    def __call__(self, op, *args):
        with self.mutex:
            try:
                return super().__call__(op, *args)
            except PyFATException as error:
                raise FuseOSError(error.errno or errno.EIO) from error

    def getattr(self, path, fh=None):
        entry = self.entry(path)
        mtime = entry.get_mtime().timestamp() if entry is not self.fat.root_dir else 0
        size = entry.filesize
        for held, data, _ in self.buffers.values():
            if held is entry:
                size = len(data)
        is_dir = entry.is_directory()
        return {"st_mode": DIR_MODE if is_dir else FILE_MODE, "st_nlink": 2 if is_dir else 1,
                "st_size": 0 if is_dir else size, "st_mtime": mtime, "st_ctime": mtime,
                "st_atime": entry.get_atime().timestamp() if entry is not self.fat.root_dir else 0,
                "st_uid": os.getuid(), "st_gid": os.getgid(),
                "st_blocks": -(-size // self.fat.bytes_per_cluster) * self.fat.bytes_per_cluster // 512}

    def readdir(self, path, fh):
        directory = self.entry(path)
        if not directory.is_directory():
            raise FuseOSError(errno.ENOTDIR)
        dirs, files, _ = directory.get_entries()
        return [".", ".."] + [long_name(entry) for entry in dirs + files]

    def statfs(self, path):
        free = self.fat.fat[2:self.clusters + 2].count(0)
        return {"f_bsize": self.fat.bytes_per_cluster, "f_frsize": self.fat.bytes_per_cluster,
                "f_blocks": self.clusters, "f_bfree": free, "f_bavail": free, "f_namemax": 255}

    def mkdir(self, path, mode):
        parent, entry = self.new_entry(path, FATDirectoryEntry.ATTR_DIRECTORY)
        entry.set_cluster(self.fat.allocate_bytes(self.fat.bytes_per_cluster, erase=True)[0])
        for dots, cluster in ((b".          ", entry.get_cluster()),
                              (b"..         ", 0 if parent is self.fat.root_dir else parent.get_cluster())):
            special = FATDirectoryEntry.new(name=EightDotThree(), tz=None, encoding=self.fat.encoding,
                                            attr=FATDirectoryEntry.ATTR_DIRECTORY, cluster=cluster)
            special.name.set_byte_name(dots)
            entry.add_subdirectory(special)
        write_dir(self.fat, entry)
        parent.add_subdirectory(entry)
        write_dir(self.fat, parent)
        self.fat.flush_fat()

    def create(self, path, mode, fi=None):
        try:
            entry = self.entry(path)
        except FuseOSError as error:
            if error.errno != errno.ENOENT:
                raise
            parent, entry = self.new_entry(path, FATDirectoryEntry.ATTR_ARCHIVE)
            parent.add_subdirectory(entry)
            write_dir(self.fat, parent)
        if entry.is_directory():
            raise FuseOSError(errno.EISDIR)
        return self.hold(entry, truncate=True)

    def open(self, path, flags):
        entry = self.entry(path)
        if entry.is_directory():
            raise FuseOSError(errno.EISDIR)
        if flags & os.O_ACCMODE == os.O_RDONLY:
            return 0
        return self.hold(entry, truncate=bool(flags & os.O_TRUNC))

    def hold(self, entry: FATDirectoryEntry, truncate: bool) -> int:
        data = bytearray() if truncate else bytearray(self.contents(entry))
        fh, self.next_fh = self.next_fh, self.next_fh + 1
        self.buffers[fh] = (entry, data, [truncate])
        return fh

    def contents(self, entry: FATDirectoryEntry) -> bytes:
        if entry.filesize == 0 or not entry.get_cluster():
            return b""
        chunks = [self.fat.read_cluster_contents(c) for c in self.fat.get_cluster_chain(entry.get_cluster())]
        return b"".join(chunks)[:entry.filesize]

    def read(self, path, size, offset, fh):
        if fh in self.buffers:
            return bytes(self.buffers[fh][1][offset:offset + size])
        return self.contents(self.entry(path))[offset:offset + size]

    def write(self, path, data, offset, fh):
        _, buffer, dirty = self.buffers[fh]
        if offset + len(data) > MAX_FILE:
            raise FuseOSError(errno.EFBIG)
        if offset > len(buffer):
            buffer.extend(b"\0" * (offset - len(buffer)))
        buffer[offset:offset + len(data)] = data
        dirty[0] = True
        self.stamp(self.buffers[fh][0], time.time(), time.time())  # a write sets the time, not the close
        return len(data)

    def truncate(self, path, length, fh=None):
        if length > MAX_FILE:
            raise FuseOSError(errno.EFBIG)
        if fh in self.buffers:
            _, buffer, dirty = self.buffers[fh]
            del buffer[length:]
            buffer.extend(b"\0" * (length - len(buffer)))
            dirty[0] = True
            self.stamp(self.buffers[fh][0], time.time(), time.time())
            return
        entry = self.entry(path)
        data = bytearray(self.contents(entry))
        del data[length:]
        data.extend(b"\0" * (length - len(data)))
        self.stamp(entry, time.time(), time.time())
        self.store(entry, bytes(data))

    def flush(self, path, fh):
        if fh in self.buffers:
            entry, buffer, dirty = self.buffers[fh]
            if dirty[0]:
                self.store(entry, bytes(buffer))
                dirty[0] = False

    def fsync(self, path, datasync, fh):
        self.flush(path, fh)

    def release(self, path, fh):
        self.flush(path, fh)
        self.buffers.pop(fh, None)

    def store(self, entry: FATDirectoryEntry, data: bytes) -> None:
        """Writes `data` as the whole file: its old clusters are freed, new ones allocated."""
        if entry.get_cluster():
            self.fat.free_cluster_chain(entry.get_cluster())
            entry.set_cluster(0)
        entry.filesize = 0
        if data:
            need = -(-len(data) // self.fat.bytes_per_cluster)
            if need > self.fat.fat[2:self.clusters + 2].count(0):
                write_dir(self.fat, entry.get_parent_dir())
                self.fat.flush_fat()
                raise FuseOSError(errno.ENOSPC)
            first = self.fat.allocate_bytes(len(data))[0]
            entry.set_cluster(first)
            self.fat.write_data_to_cluster(data, first, extend_cluster=False)
            entry.filesize = len(data)
        write_dir(self.fat, entry.get_parent_dir())
        self.fat.flush_fat()

    def utimens(self, path, times=None):
        entry = self.entry(path)
        if entry is self.fat.root_dir:
            return
        atime, mtime = times if times else (time.time(), time.time())
        self.stamp(entry, atime, mtime)
        write_dir(self.fat, entry.get_parent_dir())

    def unlink(self, path):
        entry = self.entry(path)
        if entry.is_directory():
            raise FuseOSError(errno.EISDIR)
        self.drop(entry)

    def rmdir(self, path):
        entry = self.entry(path)
        if not entry.is_directory():
            raise FuseOSError(errno.ENOTDIR)
        if entry is self.fat.root_dir:
            raise FuseOSError(errno.EBUSY)
        if not entry.is_empty():
            raise FuseOSError(errno.ENOTEMPTY)
        self.drop(entry)

    def drop(self, entry: FATDirectoryEntry, free: bool = True) -> None:
        parent = entry.get_parent_dir()
        raw = parent._get_entries_raw()
        raw[:] = [other for other in raw if other is not entry]
        entry._parent = None
        write_dir(self.fat, parent)
        if free and entry.get_cluster():
            self.fat.free_cluster_chain(entry.get_cluster())
        self.fat.flush_fat()

    def rename(self, old, new):
        entry = self.entry(old)
        if entry is self.fat.root_dir:
            raise FuseOSError(errno.EBUSY)
        parent, name = self.parent_and_name(new)
        ancestor = parent
        while ancestor is not None:  # a folder cannot go into itself
            if ancestor is entry:
                raise FuseOSError(errno.EINVAL)
            ancestor = ancestor._parent
        there = self.child(parent, name)
        if there is not None and there is not entry:
            if there.is_directory() != entry.is_directory():
                raise FuseOSError(errno.EISDIR if there.is_directory() else errno.ENOTDIR)
            if there.is_directory() and not there.is_empty():
                raise FuseOSError(errno.ENOTEMPTY)
            self.drop(there)
        old_parent = entry.get_parent_dir()
        self.drop(entry, free=False)
        self.name_entry(entry, parent, name)
        parent.add_subdirectory(entry)
        write_dir(self.fat, parent)
        if entry.is_directory() and old_parent is not parent:
            for special in entry._get_entries_raw():
                if special.get_short_name() == "..":
                    special.set_cluster(0 if parent is self.fat.root_dir else parent.get_cluster())
            write_dir(self.fat, entry)
        self.fat.flush_fat()

    def chmod(self, path, *args):
        self.entry(path)  # FAT keeps no permissions: changes nothing (as vfat with `quiet`)

    chown = chmod

    def link(self, *args):  # FAT has no hard links, no symbolic links, no special files
        raise FuseOSError(errno.EPERM)

    symlink = mknod = link

    def getxattr(self, path, name, position=0):
        raise FuseOSError(errno.ENODATA)

    def listxattr(self, path):
        return []

    def destroy(self, path):
        with self.mutex:
            self.fat.flush_fat()
            info = self.fat.bpb_header  # the free-cluster count in FSInfo, as fsck.fat expects it
            free = self.fat.fat[2:self.clusters + 2].count(0)
            self.fat._write_data_to_address(bytes(FSInfo(free_count=free, next_free=0xFFFFFFFF)),
                                            info["BPB_FSInfo"] * info["BPB_BytsPerSec"])
            self.fat.close()


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print("usage: fatfuse.py IMAGE MOUNTDIR", file=sys.stderr)
        return 2
    FUSE(FatFuse(argv[1]), argv[2], foreground=True, nothreads=True, fsname="fatfuse",
         entry_timeout=0, attr_timeout=0, negative_timeout=0)  # names ignore case: the kernel must ask each time
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
