"""Which disk a folder lives on: a backup on the same disk as its source does not
survive that disk's failure, and people should hear that before they rely on it.

Best effort by design: equal device numbers, the same mounted device, or two
partitions of one physical disk (Linux, from /sys) count as "same disk"; on
anything we cannot tell we say nothing rather than warn wrongly.
"""

from __future__ import annotations

import os
from pathlib import Path



def same_disk(first: Path, second: Path) -> bool:
    """True when both folders are (as far as we can tell) on one physical disk.

    A demo's stand-in drives (`install.demo.demo_volume`) are apart from everything by definition."""
    from tsbackup_gui.core.install.demo import demo_volume

    if demo_volume(first) or demo_volume(second):
        return False
    try:
        if os.stat(first).st_dev == os.stat(second).st_dev:
            return True
    except OSError:
        return False
    a, b = mount_device(first), mount_device(second)
    if a is None or b is None:
        return False
    if a == b:
        return True
    disk_a, disk_b = physical_disk(a), physical_disk(b)
    return disk_a is not None and disk_a == disk_b


def mount_device(path: Path) -> str | None:
    """The device of the mount that holds `path` (longest mount point that contains it)."""
    import psutil  # here: the status asks `same_disk`, and most answers need no mount table

    try:
        resolved = Path(path).resolve()
        partitions = psutil.disk_partitions(all=True)
    except (OSError, RuntimeError):
        return None
    best: tuple[int, str] | None = None
    for part in partitions:
        mount = Path(part.mountpoint)
        if resolved == mount or mount in resolved.parents:
            depth = len(mount.parts)
            if best is None or depth > best[0]:
                best = (depth, part.device)
    if best is None or not best[1].startswith("/dev/"):
        return None  # tmpfs, network shares, overlay: their "device" names nothing physical
    return best[1]


def physical_disk(device: str) -> str | None:
    """The whole disk a partition belongs to (Linux: /dev/sda1 → sda); None elsewhere."""
    if not device.startswith("/dev/"):
        return None
    name = os.path.basename(os.path.realpath(device))
    block = Path("/sys/class/block") / name
    try:
        if (block / "partition").exists():
            return block.resolve().parent.name
        if block.exists():
            return name
    except OSError:
        return None
    return None
