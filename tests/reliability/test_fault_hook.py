"""The fault hook itself: silent when unset, deterministic when set (kill, seed, exec, log)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import timeit

import pytest

from tsbackup_gui.core import faults

CHILD = "from tsbackup_gui.core.faults import checkpoint\nfor name in ['a', 'b', 'a', 'c']:\n    checkpoint(name)\nprint('done')"


def child(fault: str | None, tmp_path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != faults.ENV}
    if fault is not None:
        env[faults.ENV] = fault
    return subprocess.run([sys.executable, "-c", CHILD], env=env, capture_output=True, text=True, cwd=tmp_path)


def test_unset_does_nothing_and_costs_next_to_nothing(tmp_path, monkeypatch):
    monkeypatch.delenv(faults.ENV, raising=False)
    faults.reload()
    assert faults._PLAN is None
    assert child(None, tmp_path).stdout == "done\n"
    assert timeit.timeit(lambda: faults.checkpoint("copy.file"), number=100_000) < 0.5


@pytest.mark.parametrize("fault, killed", [("kill-at=3", True), ("kill-at=c", True), ("kill-at=a#2", True),
                                           ("kill-at=a#3", False), ("kill-at=9", False)])
def test_kill_at_a_number_a_name_or_an_occurrence(tmp_path, fault, killed):
    result = child(fault, tmp_path)
    assert (result.returncode, result.stdout) == ((-signal.SIGKILL, "") if killed else (0, "done\n"))


def test_a_seed_always_picks_the_same_step(tmp_path):
    log = tmp_path / "steps.log"
    for _ in range(2):
        log.unlink(missing_ok=True)
        result = child(f"seed=5;limit=4;log={log}", tmp_path)
        assert result.returncode == -signal.SIGKILL
        assert len(log.read_text().splitlines()) == __import__("random").Random(5).randint(1, 4)


def test_exec_runs_a_program_at_the_step_without_the_fault_variable(tmp_path):
    out = tmp_path / "seen"
    script = tmp_path / "act.sh"
    script.write_text(f'#!/bin/sh\necho "$1 $2 ${{{faults.ENV}:-unset}}" > "{out}"\necho noise\n')
    script.chmod(0o755)
    result = child(f"exec-at=a#2:{script}", tmp_path)
    assert (result.returncode, result.stdout) == (0, "done\n")  # its output goes nowhere
    assert out.read_text() == "a 3 unset\n"


def test_an_unknown_directive_is_refused(monkeypatch):
    monkeypatch.setenv(faults.ENV, "explode-at=3")
    with pytest.raises(ValueError):
        faults.reload()
    monkeypatch.delenv(faults.ENV)
    faults.reload()
