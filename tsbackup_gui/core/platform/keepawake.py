"""Keep the computer awake while a backup runs.

A laptop that falls asleep half-way through leaves no backup at all, and the
next slot is a day away. Each OS's own, user-level mechanism is used, and only
for the length of the run:

- macOS: ``caffeinate -i -w <pid>`` (also ends by itself if we die);
- Windows: ``SetThreadExecutionState(ES_CONTINUOUS | ES_SYSTEM_REQUIRED)`` on
  the thread that runs the backup, cleared on that thread at the end;
- Linux: ``systemd-inhibit`` around a ``tail --pid`` that ends with us, where
  systemd-inhibit exists; else nothing (a desktop without logind has no
  suspend to block).

Failing to keep awake never stops a backup: it only logs.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
from typing import Callable

from tsbackup_gui.core import children
from tsbackup_gui.core.platform import current_os

log = logging.getLogger(__name__)

WHY = "A backup of timeSensor LEGAL is running"
ES_CONTINUOUS = 0x80000000
ES_SYSTEM_REQUIRED = 0x00000001


def inhibit_argv(os_name: str, pid: int, which: Callable[[str], str | None] = shutil.which) -> list[str] | None:
    """The helper process that keeps `os_name` awake while process `pid` lives, or None
    (Windows uses an API call; Linux without systemd-inhibit has nothing to ask)."""
    if os_name == "macos":
        return ["caffeinate", "-i", "-w", str(pid)]
    if os_name == "linux":
        inhibit = which("systemd-inhibit")
        tail = which("tail")
        if inhibit is None or tail is None:
            return None
        return [inhibit, "--what=sleep:idle", "--who=tsbackup", f"--why={WHY}", "--mode=block",
                tail, f"--pid={pid}", "-f", "/dev/null"]
    return None


class KeepAwake:
    """``with KeepAwake(): run()`` — enter and leave on the same thread (Windows' rule)."""

    def __init__(self, os_name: str | None = None, which: Callable[[str], str | None] = shutil.which):
        self.os_name = os_name or current_os()
        self.which = which
        self.process: subprocess.Popen | None = None
        self._windows = False

    def __enter__(self) -> "KeepAwake":
        try:
            if self.os_name == "windows":
                self._windows = _set_thread_state(ES_CONTINUOUS | ES_SYSTEM_REQUIRED)
            else:
                argv = inhibit_argv(self.os_name, os.getpid(), self.which)
                if argv is not None:
                    self.process = children.start(
                        argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                    )
        except Exception:  # keeping awake is a courtesy, never a reason to fail
            log.warning("could not keep the computer awake during the backup", exc_info=True)
        return self

    def __exit__(self, *exc) -> None:
        if self._windows:
            _set_thread_state(ES_CONTINUOUS)
            self._windows = False
        process, self.process = self.process, None
        if process is not None:
            try:
                process.terminate()
                process.wait(timeout=5)
            except (OSError, subprocess.SubprocessError):
                try:
                    process.kill()
                    process.wait(timeout=5)
                except (OSError, subprocess.SubprocessError):
                    log.warning("keep-awake helper %s did not end", process.pid)

    @property
    def active(self) -> bool:
        return self._windows or (self.process is not None and self.process.poll() is None)


def _set_thread_state(flags: int) -> bool:  # pragma: no cover - Windows only
    import ctypes

    kernel32 = getattr(ctypes, "windll").kernel32
    return bool(kernel32.SetThreadExecutionState(ctypes.c_uint(flags)))
