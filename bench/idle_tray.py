"""What the idle tray costs: memory (RSS) and CPU of the running app between minute ticks.

    python bench/idle_tray.py [--seconds 180] [--xvfb]

Starts the real app (`python -m tsbackup_gui --tray always`) on a small,
configured setup in a private TSBACKUP_HOME, with nothing due, and watches it
from outside with psutil: RSS every second, and the CPU time it used in each
second. Goal (issue 9): under 90 MB RSS, and no measurable CPU between the
minute ticks — so seconds with CPU are only those around a tick.
Offscreen by default (Qt draws nothing; no tray host needed); --xvfb runs it
on a virtual X server instead. Not a test: it prints figures.
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

import psutil

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def make_setup(home: Path) -> None:
    """A configured setup whose slot is not due during the measurement."""
    os.environ["TSBACKUP_HOME"] = str(home / "home")
    from tsbackup_gui.core.clock import FixedClock
    from tsbackup_gui.core.setup.configure import SetupOptions, configure

    source = home / "timeSensor DataFiles"
    (source / "Akten").mkdir(parents=True)
    (source / "timeSensor.4DD").write_bytes(os.urandom(200_000))
    for index in range(50):
        (source / "Akten" / f"Akte {index}.pdf").write_bytes(os.urandom(2_000))
    drive = home / "drive"
    drive.mkdir()
    now = datetime.now().astimezone()
    slot = (now - timedelta(hours=1)).strftime("%H:%M")  # earlier today, before the setup: not due
    configure(SetupOptions(str(source), str(drive), computer="BENCH", time=slot, working_days="mon-sun"),
              clock=FixedClock(now))


def measure(seconds: int, xvfb: bool) -> int:
    work = Path(tempfile.mkdtemp(prefix="tsbackup-idle-"))
    try:
        make_setup(work)
        env = {**os.environ, "TSBACKUP_HOME": str(work / "home"), "LANG": "C.UTF-8"}
        argv = [sys.executable, "-m", "tsbackup_gui", "--tray", "always"]
        if xvfb:
            argv = ["xvfb-run", "-a", *argv]
        else:
            env["QT_QPA_PLATFORM"] = "offscreen"
        child = subprocess.Popen(argv, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        app = None
        try:
            app = _find_app(child)
            time.sleep(10)  # start-up and the first due-check are not idle
            rss, busy_seconds, cpu_total = [], [], 0.0
            last = app.cpu_times()
            started = time.monotonic()
            for second in range(seconds):
                time.sleep(max(0.0, started + second + 1 - time.monotonic()))
                now = app.cpu_times()
                used = (now.user + now.system) - (last.user + last.system)
                last = now
                cpu_total += used
                if used > 0:
                    busy_seconds.append((second, used))
                rss.append(app.memory_info().rss)
            threads = app.num_threads()
        finally:
            if app is not None and app.pid != child.pid:  # under xvfb-run: the app first, then
                try:                                      # xvfb-run ends and stops its Xvfb itself
                    app.terminate()
                    app.wait(20)
                except psutil.Error:
                    pass
            else:
                child.terminate()
            try:
                child.wait(20)
            except subprocess.TimeoutExpired:
                child.kill()
                child.wait()
        mib = 1024 * 1024
        print(f"idle tray over {seconds} s ({'Xvfb' if xvfb else 'offscreen'}), Python {sys.version.split()[0]}")
        print(f"  RSS: max {max(rss) / mib:.1f} MiB, last {rss[-1] / mib:.1f} MiB (goal < 90 MB)")
        print(f"  CPU: {cpu_total:.3f} s in {seconds} s ({100 * cpu_total / seconds:.3f} %); threads at the end: {threads}")
        print(f"  seconds with any CPU: {len(busy_seconds)} of {seconds} "
              f"(ticks expected: {seconds // 60}); " + ", ".join(f"{s}s:{u * 1000:.0f}ms" for s, u in busy_seconds[:20]))
        return 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _find_app(child: subprocess.Popen) -> psutil.Process:
    """The Python process of the app (under xvfb-run it is a grandchild)."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        for proc in [psutil.Process(child.pid), *psutil.Process(child.pid).children(recursive=True)]:
            try:
                cmd = proc.cmdline()
                if cmd and "python" in os.path.basename(cmd[0]) and "tsbackup_gui" in cmd:
                    return proc
            except psutil.Error:
                continue
        time.sleep(0.2)
    raise SystemExit("the app did not start")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=180)
    parser.add_argument("--xvfb", action="store_true", help="run on Xvfb instead of Qt's offscreen platform")
    args = parser.parse_args()
    return measure(args.seconds, args.xvfb)


if __name__ == "__main__":
    sys.exit(main())
