"""Real backup-drive file systems for the tests: exFAT, FAT32 and NTFS, each a small image through FUSE.

Offices plug in whatever drive the shop sold them. These mounts are the real
drivers Linux has for them (the same on-disk formats Windows and macOS write):

- exFAT: ``mkfs.exfat`` on a loop device, ``mount.exfat-fuse`` (it wants a block device);
- FAT32: ``mkfs.vfat -F 32`` on the image, mounted by ``tests/fatfuse.py`` (pyfatfs and fusepy, a
  child process in the foreground): Linux has no FAT32 FUSE driver that works (fusefat refuses
  every non-ASCII name and loses a renamed folder's contents), and no kernel vfat here or in CI;
  after the test, ``fsck.fat -n`` must find the image clean;
- ``fusefat``: that faulty driver itself (``fusefat -o rw+`` on a FAT32 image), kept for the tests that
  need a drive refusing chmod (ENOSYS) or losing a renamed folder's files;
- NTFS: ``mkfs.ntfs`` on the image, ``ntfs-3g -o windows_names`` (``permissions`` on request:
  then chmod maps to the Windows READONLY attribute, as a Windows program's chmod does);
- a NAS share: a real Samba server (``smbd``, a private smb.conf) and the FUSE SMB client
  ``smbnetfs``, both in a network namespace of their own (``unshare -n``): the client only
  speaks to port 445, and a namespace per test gives every test its own 445 on 127.0.0.1.

Loop devices belong to the whole machine and the tests run in parallel:
``losetup -f --show`` picks and binds a free one in one call, and every device
and mount is released in the teardown, also when the test failed. Needs root
and /dev/fuse (CI has both); elsewhere they fail, saying what is missing (never a silent skip).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import pytest

KINDS = ("exfat", "fat32", "fusefat", "ntfs", "smb")
TOOLS = {
    "exfat": ("mkfs.exfat", "mount.exfat-fuse", "losetup"),
    "fat32": ("mkfs.vfat", "fsck.fat"),
    "fusefat": ("mkfs.vfat", "fusefat"),
    "ntfs": ("mkfs.ntfs", "ntfs-3g"),
    "smb": ("smbd", "smbnetfs", "unshare", "ip"),
}
SHARE = "backup"
#: The attribute ntfs-3g shows for a file's Windows attributes (4 bytes, big-endian).
NTFS_ATTRIB = "system.ntfs_attrib_be"
NTFS_READONLY = 0x01


def missing_for(kind: str) -> str | None:
    """Why `kind` cannot be mounted here, or None."""
    if os.geteuid() != 0:
        return "mounting file system images needs root (CI runs as root)"
    if not os.path.exists("/dev/fuse"):
        return "/dev/fuse is missing"
    absent = [tool for tool in (*TOOLS[kind], "fusermount") if shutil.which(tool) is None]
    if absent:
        return f"missing {', '.join(absent)} (scripts/bootstrap.sh installs them)"
    if kind == "fat32":
        import importlib

        try:
            importlib.import_module("fuse")  # fusepy: loads libfuse.so.2
            importlib.import_module("pyfatfs")
        except (ImportError, OSError) as error:
            return f"the FAT32 test driver needs pyfatfs, fusepy and libfuse2 (pip install -e .[test]): {error}"
    return None


def _run(*argv: str) -> subprocess.CompletedProcess:
    return subprocess.run(argv, capture_output=True, text=True, timeout=60)


def _check(*argv: str) -> str:
    done = _run(*argv)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(argv)} failed ({done.returncode}): {done.stderr.strip() or done.stdout.strip()}")
    return done.stdout.strip()


@contextmanager
def mounted(kind: str, where: Path, size_mb: int = 96, options: str = "") -> Iterator[Path]:
    """A fresh, empty `kind` file system of `size_mb` MB mounted at `where`/mnt for the duration.

    `options` are added to the driver's -o list (e.g. "permissions" for ntfs-3g)."""
    reason = missing_for(kind)
    if reason:
        # never a skip: scripts/test (and so CI) installs every part; a missing one is a failure to see
        pytest.fail(f"{kind}: {reason} (scripts/test installs it; the drive tests need root and /dev/fuse)")
    if kind == "smb":
        with smb_share(where) as share:
            yield share
        return
    where.mkdir(parents=True, exist_ok=True)
    image = where / f"{kind}.img"
    mount_dir = where / "mnt"
    mount_dir.mkdir()  # must be empty: whatever lies there would be hidden, not on the drive
    with open(image, "wb") as handle:
        handle.truncate(size_mb * 1024 * 1024)
    loop = None
    driver = None
    is_mounted = False
    damage = None
    try:
        if kind == "exfat":
            _check("mkfs.exfat", "-L", "BACKUP", str(image))
            loop = _check("losetup", "-f", "--show", str(image))
            _check("mount.exfat-fuse", *(["-o", options] if options else []), loop, str(mount_dir))
        elif kind == "fat32":
            _check("mkfs.vfat", "-F", "32", "-n", "BACKUP", str(image))
            driver = _start_fatfuse(image, mount_dir)
        elif kind == "fusefat":
            _check("mkfs.vfat", "-F", "32", str(image))  # no label: fusefat would list it as a file
            _check("fusefat", "-o", ",".join(filter(None, ["rw+", options])), str(image), str(mount_dir))
        elif kind == "ntfs":
            _check("mkfs.ntfs", "-F", "-q", "-L", "BACKUP", str(image))
            _check("ntfs-3g", "-o", ",".join(filter(None, ["windows_names", options])), str(image), str(mount_dir))
        else:
            raise ValueError(f"unknown file system {kind!r}")
        is_mounted = True
        assert os.path.ismount(mount_dir), f"{kind} did not mount at {mount_dir}"
        yield mount_dir
        if kind == "fat32":  # the test's own driver must leave a FAT32 that fsck.fat finds clean
            _unmount(mount_dir)
            _stop(driver)
            is_mounted, driver = False, None
            checked = _run("fsck.fat", "-n", str(image))
            if checked.returncode != 0:
                damage = f"fatfuse left a damaged FAT32 ({image}): {checked.stdout.strip()}"
    finally:
        if is_mounted or os.path.ismount(mount_dir):
            _unmount(mount_dir)
        if driver is not None:
            _stop(driver)
        if loop:
            _run("losetup", "-d", loop)
        try:
            image.unlink()
        except OSError:
            pass
    if damage:
        raise AssertionError(damage)


def _start_fatfuse(image: Path, mount_dir: Path) -> subprocess.Popen:
    """Starts tests/fatfuse.py on `image` and waits until `mount_dir` is its mount."""
    import sys
    import time

    with open(image.with_suffix(".log"), "wb") as log:
        driver = subprocess.Popen([sys.executable, str(Path(__file__).with_name("fatfuse.py")), str(image),
                                   str(mount_dir)], stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    for _ in range(600):
        if os.path.ismount(mount_dir):
            return driver
        if driver.poll() is not None:
            break
        time.sleep(0.05)
    _stop(driver)
    raise RuntimeError(f"fatfuse did not mount {image}: {image.with_suffix('.log').read_text(errors='replace')}")


def _stop(driver: subprocess.Popen) -> None:
    """Waits for the driver to end after its unmount (it writes the FAT's free count then); ends it if it hangs."""
    try:
        driver.wait(timeout=30)
    except subprocess.TimeoutExpired:
        driver.terminate()
        try:
            driver.wait(timeout=10)
        except subprocess.TimeoutExpired:
            driver.kill()
            driver.wait()


def _unmount(mount_dir: Path) -> None:
    """fusermount -u; a driver still busy gets a lazy unmount (it goes once its last file is closed)."""
    if _run("fusermount", "-u", str(mount_dir)).returncode != 0:
        _run("fusermount", "-u", "-z", str(mount_dir))


SMB_CONF = """[global]
  smb ports = 445
  interfaces = 127.0.0.1
  bind interfaces only = yes
  disable netbios = yes
  server role = standalone server
  server min protocol = SMB2
  map to guest = Bad User
  guest account = root
  load printers = no
  printcap name = /dev/null
  disable spoolss = yes
  private dir = {root}/private
  lock directory = {root}/lock
  state directory = {root}/state
  cache directory = {root}/cache
  pid directory = {root}/run
  ncalrpc dir = {root}/run/ncalrpc
  log file = {root}/smbd.log
[{share}]
  path = {root}/share
  read only = no
  guest ok = yes
  force user = root
"""

#: Runs in the new network namespace: loopback up, smbd in the background, wait for port 445, mount.
SMB_UP = """set -e
ip link set lo up
smbd -F --no-process-group --configfile="$ROOT/smb.conf" >"$ROOT/smbd.out" 2>&1 &
echo $! >"$ROOT/smbd.pid"
"$PYTHON" -c 'import socket, sys, time
for _ in range(300):
    try:
        socket.create_connection(("127.0.0.1", 445), timeout=1).close()
        sys.exit(0)
    except OSError:
        time.sleep(0.05)
sys.exit("smbd did not start")'
HOME="$ROOT/client" smbnetfs "$ROOT/mnt"
"""


@contextmanager
def smb_share(where: Path) -> Iterator[Path]:
    """A Samba share on 127.0.0.1, mounted through smbnetfs; yields the share's folder in the mount."""
    import sys

    root = where.resolve()
    for sub in ("private", "lock", "state", "cache", "run", "share", "client/.smb", "mnt"):
        (root / sub).mkdir(parents=True)
    (root / "smb.conf").write_text(SMB_CONF.format(root=root, share=SHARE), encoding="utf-8")
    (root / "client" / ".smb" / "smb.conf").write_text("[global]\n  client min protocol = SMB2\n", encoding="utf-8")
    auth = root / "client" / ".smb" / "smbnetfs.conf"
    auth.write_text('auth "guest" ""\nshow_hidden_hosts "true"\nsmb_query_browsers "false"\n', encoding="utf-8")
    auth.chmod(0o600)  # smbnetfs ignores an auth line in a file others can read
    env = {**os.environ, "ROOT": str(root), "PYTHON": sys.executable}
    # A session of its own: smbd ends by signalling its whole process group, which must not be ours.
    started = subprocess.run(["unshare", "-n", "sh", "-c", SMB_UP], env=env, capture_output=True, text=True,
                             timeout=60, start_new_session=True)
    try:
        if started.returncode != 0:
            raise RuntimeError(f"the SMB share did not start: {started.stderr.strip()}")
        share = root / "mnt" / "127.0.0.1" / SHARE
        _wait_writable(share)  # the first access connects; under load that takes a moment
        yield share
    finally:
        if os.path.ismount(root / "mnt"):
            _unmount(root / "mnt")
        try:
            pid = int((root / "smbd.pid").read_text())
        except (OSError, ValueError):
            pid = None
        if pid:
            try:
                os.kill(pid, 15)  # our own smbd; its children end with it
            except ProcessLookupError:
                pass


def _wait_writable(share: Path, tries: int = 200) -> None:
    """Waits until a file can be written in the share: smbnetfs answers EBUSY or EIO while it
    connects to the server on first access (seen on a loaded machine)."""
    import time

    probe = share / ".tsbackup-test-ready"
    for _ in range(tries):
        try:
            os.listdir(share)
            probe.write_bytes(b"ready")
            probe.unlink()
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"the SMB share {share} did not become writable")


def ntfs_attributes(path: Path) -> int:
    """The Windows attributes of `path` on an ntfs-3g mount."""
    return int.from_bytes(os.getxattr(path, NTFS_ATTRIB, follow_symlinks=False), "big")


def set_ntfs_read_only(path: Path, read_only: bool = True) -> None:
    """Sets (or clears) READONLY as Windows' attrib +R (-R), or os.chmod on Windows, does."""
    attributes = ntfs_attributes(path)
    attributes = attributes | NTFS_READONLY if read_only else attributes & ~NTFS_READONLY
    os.setxattr(path, NTFS_ATTRIB, attributes.to_bytes(4, "big"), follow_symlinks=False)
