"""A seeded, deterministic fault hook: the reliability suite kills or disturbs a real run at a named step.

A run calls `checkpoint(name)` at each step that matters for what survives
a crash (marker checked, guard before, each file copied, manifest written,
rename, retention, history, off-site start …). Only when the environment
variable ``TSBACKUP_FAULT`` is set does a checkpoint do anything; unset, it
is one global lookup, so the hook can stay in the product (a test that
proves "kill -9 at step 17 loses nothing" must kill the real program, not
a copy of it).

``TSBACKUP_FAULT`` holds directives separated by ``;``:

- ``kill-at=WHEN``  SIGKILL this process at that checkpoint;
- ``seed=S`` (with optional ``limit=M``, default 40)  kill at the checkpoint
  number ``random.Random(S).randint(1, M)``: a trial is reproduced by its seed;
- ``exec-at=WHEN:PROGRAM``  run PROGRAM there and wait for it (it gets the
  checkpoint's name and number as arguments, and an environment without
  ``TSBACKUP_FAULT``, so a `tsbackup` it starts runs undisturbed; its output
  goes nowhere, so `run --json` stays JSON); the run
  then goes on — a test pulls the drive, starts timeSensor or fills the disk
  at an exact moment this way;
- ``log=FILE``  append ``<number> <name>`` per checkpoint (to count the steps).

WHEN is a number (the n-th checkpoint of the process, from 1), a name (its
first occurrence) or ``name#k`` (its k-th occurrence).
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys

ENV = "TSBACKUP_FAULT"
DEFAULT_LIMIT = 40


class _When:
    def __init__(self, text: str):
        text = text.strip()
        self.number: int | None = None
        self.name: str | None = None
        self.occurrence = 1
        if text.isdigit():
            self.number = int(text)
        else:
            name, _, k = text.partition("#")
            self.name = name
            self.occurrence = int(k) if k else 1

    def matches(self, count: int, name: str, seen: int) -> bool:
        if self.number is not None:
            return count == self.number
        return name == self.name and seen == self.occurrence


class _Plan:
    def __init__(self, text: str):
        self.kill: _When | None = None
        self.execs: list[tuple[_When, str]] = []
        self.log: str | None = None
        self.count = 0
        self.seen: dict[str, int] = {}
        seed = None
        limit = DEFAULT_LIMIT
        for part in text.split(";"):
            key, _, value = part.strip().partition("=")
            if key == "kill-at":
                self.kill = _When(value)
            elif key == "seed":
                seed = int(value)
            elif key == "limit":
                limit = max(1, int(value))
            elif key == "exec-at":
                when, _, program = value.partition(":")
                self.execs.append((_When(when), program))
            elif key == "log":
                self.log = value
            elif key:
                raise ValueError(f"unknown {ENV} directive {key!r}")
        if seed is not None and self.kill is None:
            self.kill = _When(str(random.Random(seed).randint(1, limit)))

    def hit(self, name: str) -> None:
        self.count += 1
        seen = self.seen[name] = self.seen.get(name, 0) + 1
        if self.log:
            with open(self.log, "a", encoding="utf-8") as handle:
                handle.write(f"{self.count} {name}\n")
        for when, program in self.execs:
            if when.matches(self.count, name, seen):
                env = {k: v for k, v in os.environ.items() if k != ENV}
                subprocess.run([program, name, str(self.count)], env=env, stdin=subprocess.DEVNULL,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        if self.kill is not None and self.kill.matches(self.count, name, seen):
            sys.stdout.flush()
            sys.stderr.flush()
            if hasattr(signal, "SIGKILL"):
                os.kill(os.getpid(), signal.SIGKILL)
            os._exit(137)  # Windows: the nearest thing to kill -9


def _load() -> _Plan | None:
    text = os.environ.get(ENV)
    return _Plan(text) if text else None


_PLAN = _load()


def checkpoint(name: str) -> None:
    """One step of a run; a no-op unless ``TSBACKUP_FAULT`` was set when this module was imported."""
    if _PLAN is not None:
        _PLAN.hit(name)


def reload() -> None:
    """Reads ``TSBACKUP_FAULT`` again (for in-process tests of the hook itself)."""
    global _PLAN
    _PLAN = _load()
