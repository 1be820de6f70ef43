"""`tsbackup` as whole processes: start-up, status, and a no-change run against rsync.

    python bench/startup.py [--runs 7] [--files 10000] [--skip-run] [--importtime [N]] [--workdir DIR] [--dev]

By default the program is installed plainly (not editable) into a new venv,
as a user's machine has it; --dev runs this checkout through the current
interpreter instead (a test venv's many .pth files and an editable install's
import hook then add about 0.05 s to every start).

Every figure is the wall time of a new process (interpreter start included),
the median of --runs runs after one warm-up run that is not counted:
  - `python -c pass` (the floor), `tsbackup --version`;
  - `tsbackup status` with a configured setup (the demo installation from
    `tsbackup demo`, set up with `tsbackup setup`) in a private TSBACKUP_HOME;
    goal ≤ 0.15 s;
  - a no-change `tsbackup run` over a generated tree of --files small files
    against `rsync -a --link-dest=<previous copy> src/ new/` into a fresh
    folder each time, and `cp -a` for reference; goal run/rsync ≤ 0.6.
--importtime prints the modules with the largest cumulative import time
(`python -X importtime`) of `tsbackup status`, to find heavy imports.

The children keep their bytecode in a temporary PYTHONPYCACHEPREFIX (even when
PYTHONDONTWRITEBYTECODE is set here), as an installed program finds its
bytecode compiled; --no-bytecode-cache measures with compiling on every start.
Not a test: it prints figures, it does not fail. Every temp folder is removed.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tsbackup_gui.core.primary.treeops import remove_tree as remove_generation_tree  # noqa: E402
PER_FOLDER = 100
GUARD_NAMES = ["no-such-program-bench"]  # no machine runs it, so the guard never waits


def remove_tree(path: Path) -> None:
    """Generations are read-only by design; the benchmark removes them the way the program does."""
    if path.exists():
        remove_generation_tree(path)


def installed_python(work: Path) -> str:
    """A plain venv with this checkout installed the way a user's machine has it (not editable: no
    import hook at start-up), its dependencies taken from this interpreter's site-packages."""
    import site
    import sysconfig

    venv = work / "installed-venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    target = Path(subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                                 capture_output=True, text=True, check=True).stdout.strip())
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps",
                    "--target", str(target), str(REPO)], check=True)
    ours = [p for p in site.getsitepackages() if Path(p).is_dir()] or [sysconfig.get_paths()["purelib"]]
    (target / "zz-deps.pth").write_text("\n".join(ours) + "\n", encoding="utf-8")
    return str(python)


class Bench:
    def __init__(self, work: Path, runs: int, bytecode_cache: bool, python: str | None = None):
        self.work = work
        self.runs = runs
        self.python = python or sys.executable
        self.env = dict(os.environ)
        self.env["TSBACKUP_HOME"] = str(work / "home")
        self.env["LANG"] = "C.UTF-8"
        for name in ("LC_ALL", "LC_MESSAGES"):
            self.env.pop(name, None)
        if python is None:  # this checkout first, whatever the venv's editable install points at
            self.env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))
        if bytecode_cache:
            self.env.pop("PYTHONDONTWRITEBYTECODE", None)
            self.env["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
        else:
            self.env["PYTHONDONTWRITEBYTECODE"] = "1"
        self.rows: list[tuple[str, float, list[float]]] = []

    def tsbackup(self, *args: str, check: bool = True, expect: tuple[int, ...] = (0,)) -> subprocess.CompletedProcess:
        """`tsbackup ARGS` the way the entry point runs it (`tsbackup_gui.cli:main`)."""
        result = subprocess.run(self.argv(*args), env=self.env, capture_output=True, text=True, timeout=600)
        if check and result.returncode not in expect:
            raise SystemExit(f"tsbackup {' '.join(args)} exited {result.returncode}:\n{result.stdout}{result.stderr}")
        return result

    def argv(self, *args: str) -> list[str]:
        return [self.python, "-c", "import sys; from tsbackup_gui.cli import main; sys.exit(main())", *args]

    def time_one(self, argv: list[str], expect: tuple[int, ...], before=None) -> float:
        if before is not None:
            before()
        start = time.perf_counter()
        result = subprocess.run(argv, env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=600)
        elapsed = time.perf_counter() - start
        if result.returncode not in expect:
            raise SystemExit(f"{' '.join(argv)} exited {result.returncode}: {result.stderr.decode(errors='replace')}")
        return elapsed

    def measure(self, label: str, argv: list[str], expect: tuple[int, ...] = (0,), before=None, warm_up=True) -> float:
        if warm_up:
            self.time_one(argv, expect, before)
        times = [self.time_one(argv, expect, before) for _ in range(self.runs)]
        median = statistics.median(times)
        self.rows.append((label, median, times))
        print(f"  {label:<44} median {median:7.3f} s   ({' '.join(f'{t:.3f}' for t in times)})", flush=True)
        return median

    def configure(self, source: Path, primary: Path) -> None:
        """`tsbackup setup` for SOURCE → PRIMARY, then the guard's process names set to one nobody runs."""
        home = self.work / "home"
        if home.exists():
            shutil.rmtree(home)
        primary.mkdir(parents=True, exist_ok=True)
        self.tsbackup("setup", "--source", str(source), "--primary", str(primary), "--computer", "BENCH")
        config_file = home / "config" / "config.json"  # core/places.py: TSBACKUP_HOME/config/config.json
        data = json.loads(config_file.read_text(encoding="utf-8"))
        data["process_names"] = GUARD_NAMES
        config_file.write_text(json.dumps(data, indent=2, sort_keys=True), encoding="utf-8")


def build_tree(root: Path, files: int) -> None:
    """FILES small files (0 … 4 KiB), 100 to a folder."""
    blob = os.urandom(4096)
    for index in range(files):
        folder = root / "Documents" / f"Akte {index // PER_FOLDER:04d}"
        if index % PER_FOLDER == 0:
            folder.mkdir(parents=True)
        size = (index * 37) % 4096
        (folder / f"Beleg {index:05d}.pdf").write_bytes(blob[:size])


def startup(bench: Bench) -> dict[str, float]:
    demo = bench.work / "demo"
    result = bench.tsbackup("demo", str(demo))
    detected = json.loads(bench.tsbackup("detect", "--root", str(demo), "--json", expect=(0, 1)).stdout)
    data_dir = Path(detected["data_dir"])
    print(f"  ({result.stdout.splitlines()[0]})")
    bench.configure(data_dir, bench.work / "demo-primary")
    floor = bench.measure("python -c pass", [bench.python, "-c", "pass"])
    version = bench.measure("tsbackup --version", bench.argv("--version"))
    # a fresh setup without a backup yet: status says so with exit 1 or 2, never crashes
    status = bench.measure("tsbackup status (configured demo)", bench.argv("status"), expect=(0, 1, 2))
    return {"floor": floor, "version": version, "status": status}


def no_change_run(bench: Bench, files: int) -> dict[str, float]:
    source = bench.work / "tree" / "timeSensor DataFiles"
    print(f"  building {files:,} files ...", flush=True)
    start = time.perf_counter()
    build_tree(source, files)
    print(f"  built in {time.perf_counter() - start:.1f} s", flush=True)
    drive = bench.work / "drive"
    bench.configure(source, drive)
    first = bench.tsbackup("run", expect=(0, 1))  # generation 1: every file copied
    print(f"  first run: exit {first.returncode}: {first.stdout.strip().splitlines()[0] if first.stdout.strip() else ''}")
    computer = drive / "timeSensor Backups" / "BENCH"

    def keep_newest_generation():
        """Each run adds a generation; keep only the newest, so every timed run links from one, as rsync does."""
        generations = sorted(p for p in computer.iterdir() if p.is_dir() and not p.name.startswith("."))
        for old in generations[:-1]:
            remove_tree(old)
        os.sync()

    run = bench.measure(f"tsbackup run (no change, {files:,} files)", bench.argv("run"), expect=(0, 1),
                        before=keep_newest_generation)
    base = bench.work / "rsync-base"
    subprocess.run(["cp", "-a", f"{source}/", str(base)], check=True)
    copy = bench.work / "copy"

    def fresh():
        remove_tree(copy)
        os.sync()

    rsync = bench.measure("rsync -a --link-dest (no change)",
                          ["rsync", "-a", f"--link-dest={base}", f"{source}/", f"{copy}/"], before=fresh)
    cp = bench.measure("cp -a (full copy, for reference)", ["cp", "-a", f"{source}/", str(copy)], before=fresh)
    fresh()
    return {"run": run, "rsync": rsync, "cp": cp}


def importtime(bench: Bench, top: int) -> None:
    """The modules with the largest cumulative import time of `tsbackup status` (one run, after a warm-up)."""
    argv = [bench.python, "-X", "importtime", *bench.argv("status")[1:]]
    subprocess.run(argv, env=bench.env, capture_output=True, timeout=120)
    result = subprocess.run(argv, env=bench.env, capture_output=True, text=True, timeout=120)
    rows = []
    for line in result.stderr.splitlines():
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        self_us, cumulative_us, name = line[len("import time:"):].split("|", 2)
        name = name[1:]  # the one space after "|"; the rest is the nesting
        depth = (len(name) - len(name.lstrip(" "))) // 2
        rows.append((int(cumulative_us), int(self_us), depth, name.strip()))
    print(f"\nTop {top} cumulative imports of `tsbackup status` (ms; depth 0 = imported by the program itself):")
    print(f"  {'cumul':>7} {'self':>7}  depth  module")
    for cumulative, own, depth, name in sorted(rows, reverse=True)[:top]:
        print(f"  {cumulative / 1000:7.1f} {own / 1000:7.1f}  {depth:>5}  {name}")
    loaded = {row[3] for row in rows}
    print(f"  PySide6 imported: {'yes' if any(n.split('.')[0] == 'PySide6' for n in loaded) else 'no'}."
          " (The command's own module, tsbackup_gui.clicmd.status, is not listed: importlib.import_module"
          " bypasses -X importtime; what it imports shows at depth 0.)")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="timed runs per contender, the median counts (default 7)")
    parser.add_argument("--files", type=int, default=10000, help="files in the no-change run's tree (default 10000)")
    parser.add_argument("--skip-run", action="store_true", help="only start-up and status, no run against rsync")
    parser.add_argument("--importtime", nargs="?", type=int, const=25, default=0, metavar="N",
                        help="also list the N heaviest imports of `tsbackup status` (default 25)")
    parser.add_argument("--no-bytecode-cache", action="store_true", help="children compile every module on every start")
    parser.add_argument("--workdir", help="where to work (default: a new temp folder, removed after)")
    parser.add_argument("--dev", action="store_true",
                        help="run this checkout through the current interpreter (an editable install's import hook and"
                             " every .pth of a test venv count then) instead of a plain install in a new venv")
    args = parser.parse_args(argv)
    runs = min(max(1, args.runs), 50)
    if not args.skip_run:
        for tool in ("cp", "rsync"):
            if shutil.which(tool) is None:
                print(f"{tool} is not installed; the comparison needs it.", file=sys.stderr)
                return 2

    work = Path(tempfile.mkdtemp(prefix="tsbackup-startup-", dir=args.workdir)).resolve()
    try:
        python = None if args.dev else installed_python(work)
        bench = Bench(work, runs, not args.no_bytecode_cache, python)
        how = "this checkout through the current interpreter" if args.dev else "a plain install in a new venv"
        print(f"{bench.python} ({how}), {os.cpu_count()} CPUs, {runs} runs each, median; in {work}", flush=True)
        print("Start-up and status", flush=True)
        figures = startup(bench)
        if args.importtime:
            importtime(bench, args.importtime)
        if not args.skip_run:
            print(f"\nNo-change run over {args.files:,} files", flush=True)
            figures |= no_change_run(bench, max(1, args.files))
        print("\nSummary (median wall time of a whole process)")
        print(f"  {'':<44} {'seconds':>8}")
        for label, median, _ in bench.rows:
            print(f"  {label:<44} {median:8.3f}")
        print(f"  status: {figures['status']:.3f} s (goal ≤ 0.150); "
              f"above the floor: {figures['status'] - figures['floor']:.3f} s; "
              f"--version above the floor: {figures['version'] - figures['floor']:.3f} s")
        if "run" in figures:
            print(f"  run / rsync = {figures['run'] / figures['rsync']:.2f} (goal ≤ 0.60); "
                  f"run / cp -a = {figures['run'] / figures['cp']:.2f}")
    finally:
        remove_tree(work)
    return 0


if __name__ == "__main__":
    sys.exit(main())
