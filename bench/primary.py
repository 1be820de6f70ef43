"""Primary engine throughput against the tools an IT partner would otherwise use.

    python bench/primary.py [--size-mb 1024] [--files 10000] [--workdir DIR] [--profile]

(a) a first full copy of a data set (one large data file plus many small
    files) with our engine — hashing and fsync included — against
    `cp -a` followed by `sync`; goal: ratio ≤ 1.1.
(b) a no-change run over the same files (every file hard-linked from the
    previous generation) against `rsync -a --link-dest`; goal: ratio ≤ 0.5.
    Also shown: the whole `run_backup` (locks, history, retention) in-process.
(c) for information, (b) again once the drive holds a year's generations
    (--kept, default 34): listing generations reads their manifests.

Both sides run in the same process, on the same disk, each twice; the best
time counts. Caches cannot be dropped reliably without root and a quiet
machine, so the source is warm in the page cache for every contender alike,
and every contender starts after a `sync` so nobody pays for another's writes.
Not a test: it prints figures, it does not fail.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import random
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tsbackup_gui.core.clock import FixedClock  # noqa: E402
from tsbackup_gui.core.store.config import Config  # noqa: E402
from tsbackup_gui.core.run.backup import run_backup  # noqa: E402
from tsbackup_gui.core.primary.copier import make_generation  # noqa: E402
from tsbackup_gui.core.primary.target import Target  # noqa: E402
from tsbackup_gui.core.primary.treeops import remove_tree as remove_generation_tree  # noqa: E402

SMALL_MAX = 40 * 1024  # small files: 0 … 40 KiB, about 20 KiB on average
PER_FOLDER = 100
ROUNDS = 2  # --rounds


def build_source(root: Path, size_mb: int, files: int, seed: int = 4) -> tuple[int, int, int]:
    """One large `.4DD` plus `files` small files in folders of 100; returns (files, bytes, large)."""
    rng = random.Random(seed)
    source = root / "timeSensor DataFiles"
    source.mkdir(parents=True)
    small_sizes = [rng.randrange(0, SMALL_MAX) for _ in range(files)]
    small_total = sum(small_sizes)
    large = max(size_mb * 1024 * 1024 - small_total, 1024 * 1024)
    chunk = os.urandom(8 * 1024 * 1024)
    with open(source / "timeSensor.4DD", "wb") as handle:
        left = large
        while left:
            piece = chunk[: min(left, len(chunk))]
            handle.write(piece)
            left -= len(piece)
    blob = os.urandom(SMALL_MAX)
    for index, size in enumerate(small_sizes):
        folder = source / "Documents" / f"Akte {index // PER_FOLDER:04d}"
        if index % PER_FOLDER == 0:
            folder.mkdir(parents=True)
        offset = rng.randrange(0, SMALL_MAX - size + 1)
        (folder / f"Beleg {index:05d} Müller.pdf").write_bytes(blob[offset:offset + size])
    os.sync()
    return files + 1, large + small_total, large


def remove_tree(path: Path) -> None:
    """Generations are read-only by design; the benchmark removes them the way the program does."""
    if path.exists():
        remove_generation_tree(path)


def timed(contenders, profiler: cProfile.Profile | None = None) -> list[float]:
    """Best of ROUNDS for each (label, run, reset, profiled) contender.

    Rounds alternate between the contenders, so a noisy minute on a shared
    disk hits both sides rather than one; `reset` puts the world back before
    each round (not timed), then `sync` flushes whatever is still pending.
    """
    best = [float("inf")] * len(contenders)
    for round_ in range(ROUNDS):
        for index, (label, run, reset, profiled) in enumerate(contenders):
            if reset is not None:
                reset()
            os.sync()
            use = profiler if profiled else None
            start = time.perf_counter()
            if use is not None:
                use.enable()
            run()
            if use is not None:
                use.disable()
            elapsed = time.perf_counter() - start
            best[index] = min(best[index], elapsed)
            print(f"  {label:<36} round {round_ + 1}: {elapsed:8.2f} s", flush=True)
    return best


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size-mb", type=int, default=1024, help="total size of the data set (default 1024)")
    parser.add_argument("--files", type=int, default=10000, help="number of small files (default 10000)")
    parser.add_argument("--workdir", help="where to build the data set (default: a new temp folder, removed after)")
    parser.add_argument("--rounds", type=int, default=ROUNDS, help=f"rounds per contender, best counts (default {ROUNDS})")
    parser.add_argument("--kept", type=int, default=34,
                        help="(c) generations on the drive for the steady-state run (default 34 = 14 daily + 8 weekly + 12 monthly)")
    parser.add_argument("--profile", action="store_true", help="print where our engine spends its time (cProfile)")
    args = parser.parse_args(argv)
    globals()["ROUNDS"] = max(1, args.rounds)
    for tool in ("cp", "sync", "rsync"):
        if shutil.which(tool) is None:
            print(f"{tool} is not installed; the comparison needs it.", file=sys.stderr)
            return 2

    own_workdir = args.workdir is None
    work = Path(args.workdir or tempfile.mkdtemp(prefix="tsbackup-bench-")).resolve()
    work.mkdir(parents=True, exist_ok=True)
    profiler = cProfile.Profile() if args.profile else None
    try:
        print(f"Building the data set in {work} ...", flush=True)
        start = time.perf_counter()
        count, total, large = build_source(work / "src", args.size_mb, args.files)
        source = work / "src" / "timeSensor DataFiles"
        print(f"  {count:,} files, {total / 1e6:,.0f} MB, built in {time.perf_counter() - start:.1f} s")

        drive = work / "drive"
        drive.mkdir()
        target = Target(drive, "bench")
        setup_id = "bench-" + os.urandom(4).hex()
        target.write_marker(setup_id)
        clock = [datetime.now().astimezone()]

        def engine_run():
            clock[0] += timedelta(minutes=1)
            return make_generation(source, target, setup_id=setup_id, computer="bench", now=clock[0])

        def engine_reset_all():
            for child in target.computer_dir.iterdir():
                if child.is_dir():
                    remove_tree(child)

        cp_dest = work / "cp-copy"

        def cp_run():
            subprocess.run(["cp", "-a", str(source), str(cp_dest)], check=True)
            subprocess.run(["sync"], check=True)

        print("(a) first full copy", flush=True)
        ours_full, cp_full = timed([
            ("tsbackup engine (hash + fsync)", engine_run, engine_reset_all, True),
            ("cp -a + sync", cp_run, lambda: remove_tree(cp_dest), False),
        ], profiler)
        # (b): the last round of (a) left one generation and one cp copy: the bases to link from.
        base = {child.name for child in target.computer_dir.iterdir()}

        def engine_reset_new():
            for child in target.computer_dir.iterdir():
                if child.name not in base and child.is_dir():
                    remove_tree(child)

        rsync_dest = work / "rsync-copy"

        def rsync_run():
            subprocess.run(["rsync", "-a", f"--link-dest={cp_dest}", f"{source}/", f"{rsync_dest}/"], check=True)

        print(f"(b) no-change run over {count:,} files", flush=True)
        result = None

        def engine_again():
            nonlocal result
            result = engine_run()

        # For information: the whole run as `tsbackup run` does it in-process (locks, history,
        # listing the generations, retention), without the interpreter's start-up.
        os.environ["TSBACKUP_HOME"] = str(work / "home")
        config = Config(source=str(source), primary=str(drive), setup_id=setup_id, computer="bench")
        run_clock = FixedClock(clock[0] + timedelta(hours=1))

        def whole_run():
            run_clock.advance(minutes=1)
            outcome = run_backup(config, clock=run_clock)
            if outcome.exit_code != 0:
                raise SystemExit(f"run_backup failed: {[r.english() for r in outcome.reasons]}")

        ours_same, rsync_same, ours_run = timed([
            ("tsbackup engine (all linked)", engine_again, engine_reset_new, True),
            ("rsync -a --link-dest", rsync_run, lambda: remove_tree(rsync_dest), False),
            ("run_backup (whole run, in-process)", whole_run, engine_reset_new, False),
        ], profiler)
        if result is not None:
            print(f"  engine linked {result.linked:,} and copied {result.copied:,} files in the no-change run")

        # (c) information: the same no-change run once a drive holds a year's generations.
        kept = max(args.kept, 1)
        print(f"(c) no-change run with {kept} generations on the drive (making them ...)", flush=True)
        while len([c for c in target.computer_dir.iterdir() if c.is_dir() and not c.name.startswith(".")]) < kept:
            engine_run()
        base = {child.name for child in target.computer_dir.iterdir()}
        ours_steady, ours_steady_run = timed([
            ("tsbackup engine (all linked)", engine_again, engine_reset_new, False),
            ("run_backup (whole run, in-process)", whole_run, engine_reset_new, False),
        ])

        full_ratio, same_ratio = ours_full / cp_full, ours_same / rsync_same
        print()
        print(f"Data set: {count:,} files, {total / 1e6:,.0f} MB (one data file of {large / 1e6:,.0f} MB + {args.files:,} small files of 0-40 KiB).")
        print(f"Best of {ROUNDS} rounds each; page cache not dropped (warm source for every contender); `sync` before each round.")
        print(f"(a) first full copy : engine {ours_full:7.2f} s, cp -a + sync {cp_full:7.2f} s -> ratio {full_ratio:.2f} (goal <= 1.10) {'OK' if round(full_ratio, 2) <= 1.1 else 'MISSED'}")
        print(f"(b) no-change run   : engine {ours_same:7.2f} s, rsync --link-dest {rsync_same:7.2f} s -> ratio {same_ratio:.2f} (goal <= 0.50) {'OK' if round(same_ratio, 2) <= 0.5 else 'MISSED'}")
        print(f"    whole run_backup: {ours_run:7.2f} s -> ratio {ours_run / rsync_same:.2f} against rsync (information)")
        print(f"(c) with {kept} generations kept: engine {ours_steady:7.2f} s (ratio {ours_steady / rsync_same:.2f}), "
              f"whole run_backup {ours_steady_run:7.2f} s (ratio {ours_steady_run / rsync_same:.2f}) against rsync above (information)")
        if profiler is not None:
            text = io.StringIO()
            pstats.Stats(profiler, stream=text).sort_stats("cumulative").print_stats(25)
            print("\nWhere the engine spends its time (cumulative, both benchmarks):")
            print(text.getvalue())
    finally:
        if own_workdir:
            remove_tree(work)
    return 0


if __name__ == "__main__":
    sys.exit(main())
