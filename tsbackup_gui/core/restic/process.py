"""Running one restic child: stdout streamed line by line, stderr collected, cancel by interrupt.

stderr is read on its own thread so a chatty restic can never block on a
full pipe while we read stdout. Cancelling interrupts first (restic then
removes its repository lock and exits 130), then terminates, then kills,
each wait bounded, so a hung child cannot hang the run.
"""

from __future__ import annotations

import collections
import os
import signal
import subprocess
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

TERMINATE_GRACE = 5.0
STDERR_KEEP = 200  # plain stderr lines kept (the last ones explain a failure)
ERRORS_KEEP = 1000  # JSON error objects kept (they name the unreadable files)


@dataclass
class Completed:
    returncode: int
    stdout: str  # empty when lines went to on_line
    stderr_lines: list[str]


def run_process(argv: list[str], *, env: dict[str, str], cwd: Path | None = None,
                on_line: Callable[[str], None] | None = None, cancel: threading.Event | None = None,
                on_start: Callable[[int], None] | None = None, grace: float = 15.0) -> Completed:
    flags = subprocess.CREATE_NEW_PROCESS_GROUP if os.name == "nt" else 0
    proc = subprocess.Popen(
        argv, cwd=str(cwd) if cwd else None, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True, encoding="utf-8", errors="replace", creationflags=flags,
    )
    stderr_lines: collections.deque[str] = collections.deque(maxlen=STDERR_KEEP)
    stderr_errors: list[str] = []

    def read_stderr() -> None:
        assert proc.stderr is not None
        for line in proc.stderr:
            if line.startswith('{"message_type":"error"') and len(stderr_errors) < ERRORS_KEEP:
                stderr_errors.append(line)
            else:
                stderr_lines.append(line)

    reader = threading.Thread(target=read_stderr, name="restic-stderr", daemon=True)
    reader.start()
    finished = threading.Event()
    watcher = None
    if cancel is not None:
        watcher = threading.Thread(target=_watch_cancel, args=(proc, cancel, finished, grace),
                                   name="restic-cancel", daemon=True)
        watcher.start()
    stdout_parts: list[str] = []
    try:
        if on_start is not None:
            on_start(proc.pid)
        assert proc.stdout is not None
        for line in proc.stdout:
            if on_line is not None:
                on_line(line)
            else:
                stdout_parts.append(line)
        proc.wait()
    except BaseException:
        stop(proc, grace)
        raise
    finally:
        finished.set()
        reader.join(timeout=10)
        if watcher is not None:
            watcher.join(timeout=1)
        for stream in (proc.stdout, proc.stderr):
            if stream is not None:
                stream.close()
    return Completed(proc.returncode, "".join(stdout_parts), [*stderr_errors, *stderr_lines])


def _watch_cancel(proc: subprocess.Popen, cancel: threading.Event, finished: threading.Event, grace: float) -> None:
    while not finished.is_set():
        if cancel.wait(0.1):
            stop(proc, grace)
            return


def stop(proc: subprocess.Popen, grace: float) -> None:
    """Interrupt (restic removes its lock), then terminate, then kill; each wait bounded."""
    if proc.poll() is not None:
        return
    try:
        if os.name == "nt":
            proc.send_signal(signal.CTRL_BREAK_EVENT)  # type: ignore[attr-defined]
        else:
            proc.send_signal(signal.SIGINT)
        proc.wait(timeout=grace)
        return
    except subprocess.TimeoutExpired:
        pass
    except OSError:
        return
    proc.terminate()
    try:
        proc.wait(timeout=TERMINATE_GRACE)
        return
    except subprocess.TimeoutExpired:
        pass
    proc.kill()
    proc.wait(timeout=TERMINATE_GRACE)
