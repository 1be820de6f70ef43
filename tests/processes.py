"""Real child processes for tests: start them, wait (bounded) until they are ready, always kill them."""

from __future__ import annotations

import subprocess
import time

import psutil


def wait_until(check, timeout: float = 10.0, what: str = "the child process did not get ready in time") -> None:
    """A bounded poll: real processes take a moment to start; never a fixed sleep."""
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError(what)
        time.sleep(0.01)


class Spawner:
    """Starts processes (optionally waiting until ``ready(psutil.Process)``) and kills them all at the end."""

    def __init__(self):
        self.started: list[subprocess.Popen] = []

    def __call__(self, argv: list[str], ready=None, **kwargs) -> subprocess.Popen:
        kwargs.setdefault("stdin", subprocess.DEVNULL)
        proc = subprocess.Popen(argv, **kwargs)
        self.started.append(proc)
        if ready is not None:
            wait_until(lambda: proc.poll() is None and ready(psutil.Process(proc.pid)))
        return proc

    def kill_all(self) -> None:
        for proc in self.started:
            proc.kill()
            proc.wait(timeout=10)
            for pipe in (proc.stdin, proc.stdout):
                if pipe is not None:
                    pipe.close()
