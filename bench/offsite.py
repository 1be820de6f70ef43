"""Off-site overhead: our restic driver and plan against raw `restic` on the same generation.

    python bench/offsite.py [--size-mb 512] [--files 2000] [--rounds 2] [--workdir DIR]

(a) first upload of a generation: `backup_generation` against `restic
    backup` with the same targets, tags and flags; goal: ratio ≤ 1.05.
    Shown twice: looking up the parent (one more repository open, about
    half a second of key derivation) and told there is none.
(b) the daily upload of the next generation (the large data file changed
    in a few places, a few small files changed, the rest hard-linked):
    `backup_generation` with the parent the run job remembers, and with the
    parent looked up, against `restic backup --parent ID --ignore-ctime`;
    goal ≤ 1.05. For comparison, raw restic without `--parent` (what a
    plain script would run: the generation's path is new every day, so
    restic finds no parent and re-reads everything).
(c) restore of the newest snapshot: `restore_from_snapshot` (restic's
    restore plus permissions and the sha256 check of every file against the
    manifest) against `restic restore`.

Wall time is what people wait for; CPU time (this process plus its
children) is printed too because it hardly moves when other work shares
the machine. Every contender gets a fresh copy of one initialised repository and a fresh
cache folder per round; rounds alternate who goes first; the best time
counts. The source stays warm in the page cache for everyone alike. Not a
test: it prints figures, it does not fail.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tsbackup_gui.core.primary.target import Target

from tsbackup_gui.core.primary.copier import make_generation
from tsbackup_gui.core.restic.driver import Restic, find_restic  # noqa: E402
from tsbackup_gui.core.restore.into_folder import restore_from_snapshot  # noqa: E402
from tsbackup_gui.core.offsite.upload import backup_generation, generation_tag, setup_tag  # noqa: E402

PASSWORD = "bench-password-not-secret"
SETUP = "0123456789abcdef0123456789abcdef"
HOST = "bench-host"
TAG = setup_tag(SETUP)


def build_source(root: Path, size_mb: int, files: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    root.mkdir(parents=True)
    with open(root / "timeSensor.4DD", "wb") as handle:
        for _ in range(size_mb):
            handle.write(os.urandom(1 << 20))
    for n in range(files):
        folder = root / "STUFF" / f"dir{n // 100:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"doc{n:05d}.pdf").write_bytes(os.urandom(rng.randint(0, 40 * 1024)))


def change_source(root: Path, seed: int = 8) -> None:
    """A working day: the data file changes in a few places, a few documents are new or edited."""
    rng = random.Random(seed)
    big = root / "timeSensor.4DD"
    size = big.stat().st_size
    with open(big, "r+b") as handle:
        for _ in range(20):
            handle.seek(rng.randrange(0, max(1, size - 65536)))
            handle.write(os.urandom(65536))
    docs = sorted((root / "STUFF").rglob("*.pdf"))
    for path in rng.sample(docs, min(10, len(docs))):
        path.write_bytes(os.urandom(rng.randint(0, 40 * 1024)))
    (root / "STUFF" / "new-today.pdf").write_bytes(os.urandom(30_000))


def raw(binary: str, repo: Path, cache: Path, *args: str, cwd: Path | None = None) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith("RESTIC_")}
    env.update(RESTIC_REPOSITORY=str(repo), RESTIC_PASSWORD=PASSWORD)
    done = subprocess.run([binary, "--cache-dir", str(cache), *args], env=env, cwd=cwd, capture_output=True,
                          text=True, check=True)
    return done.stdout


def raw_backup(binary, repo, cache, gen, parent=None, flags=True) -> str:
    args = ["backup", "--json", "--host", HOST, "--tag", TAG, "--tag", generation_tag(gen.id)]
    if flags:
        args.append("--ignore-ctime")
    if parent:
        args += ["--parent", parent]
    args += ["timeSensor DataFiles", "tsbackup-manifest.json"]
    out = raw(binary, repo, cache, *args, cwd=gen.path)
    import json

    summary = json.loads(out.strip().splitlines()[-1])
    return summary["snapshot_id"]


def _cpu() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def timed(fn):
    """(wall seconds, CPU seconds of this process and its children, value); CPU time barely moves with load."""
    start, cpu = time.perf_counter(), _cpu()
    value = fn()
    return time.perf_counter() - start, _cpu() - cpu, value


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size-mb", type=int, default=512)
    parser.add_argument("--files", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--workdir", type=Path)
    opts = parser.parse_args()

    binary = str(find_restic())
    work = Path(tempfile.mkdtemp(prefix="tsbackup-bench-offsite-", dir=opts.workdir))
    os.environ["TSBACKUP_HOME"] = str(work / "home")
    try:
        print(f"restic: {raw(binary, work, work / 'c', 'version').strip()}")
        source = work / "timeSensor DataFiles"
        print(f"building {opts.size_mb} MiB + {opts.files} small files in {work} …", flush=True)
        build_source(source, opts.size_mb, opts.files)
        target = Target(work / "primary", HOST)
        target.write_marker(SETUP)
        now = datetime.now().astimezone()
        gen1 = make_generation(source, target, setup_id=SETUP, computer=HOST, now=now).generation
        change_source(source)
        gen2 = make_generation(source, target, setup_id=SETUP, computer=HOST, now=now + timedelta(days=1)).generation
        print(f"generation 1: {gen1.files} files, {gen1.bytes / 2**20:.0f} MiB; "
              f"generation 2: {gen2.manifest.linked} hard-linked, {gen2.manifest.copied} copied", flush=True)
        template = work / "template"
        raw(binary, template, work / "c-init", "init")

        best: dict[str, float] = {}
        best_cpu: dict[str, float] = {}

        def record(name: str, seconds: float, cpu: float) -> None:
            best[name] = min(best.get(name, float("inf")), seconds)
            best_cpu[name] = min(best_cpu.get(name, float("inf")), cpu)

        for rnd in range(opts.rounds):
            r = work / f"round{rnd}"
            for name in ("ours", "raw", "naive", "ours-none"):
                shutil.copytree(template, r / f"repo-{name}")
            ours = Restic(str(r / "repo-ours"), PASSWORD, cache_dir=r / "cache-ours")

            def ours_first():
                return backup_generation(ours, gen1, host=HOST, setup_tag=TAG)

            def raw_first():
                return raw_backup(binary, r / "repo-raw", r / "cache-raw", gen1)

            ours_none = Restic(str(r / "repo-ours-none"), PASSWORD, cache_dir=r / "cache-ours-none")
            order = [("ours", ours_first), ("raw", raw_first),
                     ("ours_none", lambda: backup_generation(ours_none, gen1, host=HOST, setup_tag=TAG, parent=None))]
            if rnd % 2:
                order.reverse()
            results = {}
            for name, fn in order:
                subprocess.run(["sync"], check=False)
                seconds, cpu, results[name] = timed(fn)
                record(f"a_{name}", seconds, cpu)
            raw_backup(binary, r / "repo-naive", r / "cache-naive", gen1)

            first_ours = results["ours"].snapshot_id
            first_raw = results["raw"]

            # (b) the daily run: ours with the remembered parent; a second copy looks it up (AUTO)
            shutil.copytree(r / "repo-ours", r / "repo-ours-auto")
            shutil.copytree(r / "cache-ours", r / "cache-ours-auto")
            ours_auto = Restic(str(r / "repo-ours-auto"), PASSWORD, cache_dir=r / "cache-ours-auto")
            contenders = [
                ("ours", lambda: backup_generation(ours, gen2, host=HOST, setup_tag=TAG, parent=first_ours)),
                ("ours_lookup", lambda: backup_generation(ours_auto, gen2, host=HOST, setup_tag=TAG)),
                ("raw", lambda: raw_backup(binary, r / "repo-raw", r / "cache-raw", gen2, parent=first_raw)),
                ("naive", lambda: raw_backup(binary, r / "repo-naive", r / "cache-naive", gen2, flags=False)),
            ]
            if rnd % 2:
                contenders.reverse()
            daily = {}
            for name, fn in contenders:
                subprocess.run(["sync"], check=False)
                seconds, cpu, daily[name] = timed(fn)
                record(f"b_{name}", seconds, cpu)

            # (c) restore of the newest snapshot
            snap_ours = daily["ours"].snapshot_id
            snap_raw = daily["raw"]
            restores = [
                ("ours", lambda: restore_from_snapshot(ours, snap_ours, r / "restore-ours")),
                ("raw", lambda: raw(binary, r / "repo-raw", r / "cache-raw", "restore", snap_raw,
                                    "--target", str(r / "restore-raw"))),
            ]
            if rnd % 2:
                restores.reverse()
            for name, fn in restores:
                subprocess.run(["sync"], check=False)
                seconds, cpu, _value = timed(fn)
                record(f"c_{name}", seconds, cpu)
            shutil.rmtree(r, ignore_errors=True)

        print()
        print(f"{'':48}{'wall s':>8}{'ratio':>8}{'CPU s':>8}{'ratio':>8}")
        rows = [
            ("(a) first upload  raw restic backup", "a_raw", None),
            ("    first upload  ours (parent looked up)", "a_ours", "a_raw"),
            ("    first upload  ours (known: no parent)", "a_ours_none", "a_raw"),
            ("(b) daily upload  raw, --parent --ignore-ctime", "b_raw", None),
            ("    daily upload  ours (remembered parent)", "b_ours", "b_raw"),
            ("    daily upload  ours (parent looked up)", "b_ours_lookup", "b_raw"),
            ("    daily upload  raw without --parent", "b_naive", "b_raw"),
            ("(c) restore       raw restic restore", "c_raw", None),
            ("    restore       ours (restore + sha256 check)", "c_ours", "c_raw"),
        ]
        for label, key, base in rows:
            ratio = f"{best[key] / best[base]:.2f}x" if base else ""
            cpu_ratio = f"{best_cpu[key] / best_cpu[base]:.2f}x" if base else ""
            print(f"{label:48}{best[key]:8.2f}{ratio:>8}{best_cpu[key]:8.2f}{cpu_ratio:>8}")
    finally:
        subprocess.run(["chmod", "-R", "u+w", str(work)], check=False)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
