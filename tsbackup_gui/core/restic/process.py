"""Running one restic child: stdout streamed line by line, stderr collected, cancel by interrupt.

stderr is read on its own thread so a chatty restic can never block on a
full pipe while we read stdout. The child is started by `core.children`
(hidden and tied to the app on Windows). Cancelling interrupts first where
a signal reaches restic (it then removes its repository lock and exits 130),
then terminates, then kills (`children.stop`); `run_process` returns or
raises only after restic's exit has been seen, so the run's lock is never
released while restic still runs. restic writes UTF-8 on every OS.
"""

from __future__ import annotations

import collections
import subprocess
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from tsbackup_gui.core import children

STDERR_KEEP = 200  # plain stderr lines kept (the last ones explain a failure)
ERRORS_KEEP = 1000  # JSON error objects kept (they name the unreadable files)


@dataclass
class Completed:
    returncode: int
    stdout: str  # empty when lines went to on_line
    stderr_lines: list[str]


def run_process(argv: list[str], *, env: dict[str, str], cwd: Path | None = None,
                on_line: Callable[[str], None] | None = None, cancel: threading.Event | None = None,
                on_start: Callable[[int], None] | None = None, grace: float = 15.0,
                stopper: Callable[[Any, float], None] = children.stop) -> Completed:
    """``stopper(proc, grace)`` ends the child on cancel or an exception (`children.stop`; tests inject its waits)."""
    proc = children.start(
        argv, cwd=str(cwd) if cwd else None, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True, encoding=children.UTF8, errors="replace",
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
        watcher = threading.Thread(target=_watch_cancel, args=(proc, cancel, finished, grace, stopper),
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
        stopper(proc, grace)
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


def _watch_cancel(proc: subprocess.Popen, cancel: threading.Event, finished: threading.Event, grace: float,
                  stopper: Callable[[Any, float], None]) -> None:
    while not finished.is_set():
        if cancel.wait(0.1):
            stopper(proc, grace)
            return
