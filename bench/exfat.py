"""The first full copy onto a real exFAT drive, against `cp -a` onto the same drive.

    python bench/exfat.py [--size-mb 200] [--files 400] [--rounds 3] [--image-mb 1024]

exFAT is what shops sell for drives shared between a Mac and a PC: no hard
links, no permissions, so every generation is a full copy and the read-only
step is skipped. An exFAT image on a loop device is mounted through
exfat-fuse (tests/fs_mounts.py; needs root and /dev/fuse), a data set of one
large `.4DD` plus a few hundred small files is built on the local disk, and
the contenders copy it onto the mount: our engine (hash, manifest, flush,
rename included) and `cp -a`, each followed by `sync` so nobody leaves
unwritten data to the other. Rounds alternate; the best time counts.

On exfat-fuse `sync` alone does not make the copy durable: the driver writes
its own structures out only when a file on it is fsynced (an fsync right
after `sync` still takes about as long as the copy). Our engine fsyncs its
manifest and the folder, so a second baseline adds that one fsync
(`sync FILE`) to `cp -a` + `sync`: the same durability on both sides.
Goal: ratio ≤ 1.1. Not a test: it prints figures, it does not fail.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE.parent / "tests"))
sys.path.insert(0, str(HERE))

from fs_mounts import missing_for, mounted  # noqa: E402
from primary import build_source, remove_tree, timed  # noqa: E402

from tsbackup_gui.core.primary.copier import make_generation  # noqa: E402
from tsbackup_gui.core.primary.target import Target  # noqa: E402


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size-mb", type=int, default=200, help="total size of the data set (default 200)")
    parser.add_argument("--files", type=int, default=400, help="number of small files (default 400)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds per contender, best counts (default 3)")
    parser.add_argument("--image-mb", type=int, default=1024, help="size of the exFAT image (default 1024)")
    args = parser.parse_args(argv)
    import primary

    primary.ROUNDS = max(1, args.rounds)
    reason = missing_for("exfat")
    if reason:
        print(f"exFAT cannot be mounted here: {reason}.", file=sys.stderr)
        return 2
    if shutil.which("cp") is None:
        print("cp is not installed; the comparison needs it.", file=sys.stderr)
        return 2

    work = Path(tempfile.mkdtemp(prefix="tsbackup-bench-exfat-")).resolve()
    try:
        print(f"Building the data set in {work} ...", flush=True)
        count, total, _large = build_source(work / "src", args.size_mb, args.files)
        source = work / "src" / "timeSensor DataFiles"
        print(f"  {count:,} files, {total / 1e6:,.0f} MB")
        with mounted("exfat", work / "disk", size_mb=args.image_mb) as drive:
            target = Target(drive, "bench")
            setup_id = "bench-" + os.urandom(4).hex()
            target.write_marker(setup_id)
            clock = [datetime.now().astimezone()]
            cp_dest = drive / "cp-copy"

            def engine_run():
                clock[0] += timedelta(minutes=1)
                made = make_generation(source, target, setup_id=setup_id, computer="bench", now=clock[0])
                assert (made.linked, made.copied, made.read_only) == (0, count, False)
                subprocess.run(["sync"], check=True)

            def engine_reset():
                for child in target.computer_dir.iterdir():
                    if child.is_dir():
                        remove_tree(child)

            def cp_run():
                subprocess.run(["cp", "-a", str(source), str(cp_dest)], check=True)
                subprocess.run(["sync"], check=True)

            def cp_durable_run():
                cp_run()
                subprocess.run(["sync", str(cp_dest / "timeSensor.4DD")], check=True)  # one fsync through the driver

            print(f"First full copy onto exFAT ({drive}):", flush=True)
            ours, cp, durable = timed([
                ("tsbackup engine (hash + flush)", engine_run, engine_reset, False),
                ("cp -a + sync", cp_run, lambda: remove_tree(cp_dest), False),
                ("cp -a + sync + fsync on the drive", cp_durable_run, lambda: remove_tree(cp_dest), False),
            ])
            print(f"\nfirst full copy onto exFAT ({total / 1e6:,.0f} MB, {count} files): tsbackup {ours:.2f} s")
            print(f"  against cp -a + sync {cp:.2f} s: ratio {ours / cp:.2f}x")
            print(f"  against cp -a + sync + fsync on the drive {durable:.2f} s: ratio {ours / durable:.2f}x "
                  "(same durability; goal <= 1.1x)")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
