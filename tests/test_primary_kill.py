"""kill -9 in the middle of a copy: the partial is never a generation, the next run clears it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

from test_primary_helpers import COMPUTER, SETUP, assert_same_tree, at, gen, listing, make_source, target_for, write
from tsbackup_gui.core.primary.generations import list_generations

CHILD = r"""
import sys, time
from datetime import datetime
from pathlib import Path
from tsbackup_gui.core.primary.target import Target
from tsbackup_gui.core.primary.copier import make_generation

source, primary, flag = map(Path, sys.argv[1:4])

def progress(event):
    if event["files_done"] >= 50:  # well into the copy (at the latest the final event): say so, wait for the kill
        flag.write_text(str(event["files_done"]))
        time.sleep(120)

make_generation(source, Target(primary, sys.argv[4]), setup_id=sys.argv[5], computer=sys.argv[4],
                now=datetime.fromisoformat("2026-11-27T18:30:00+01:00"), progress=progress)
"""


def test_kill_9_mid_copy_leaves_only_a_partial_that_the_next_run_removes(tmp_path):
    source = make_source(tmp_path / "data")
    for i in range(400):
        write(source / "STUFF" / "Akten" / f"{i // 50:02d}" / f"Akte {i:04d}.pdf", os.urandom(20_000 + i))
    target = target_for(tmp_path / "drive")
    earlier = gen(source, target, at("2026-11-26")).generation
    for i in range(0, 400, 7):
        write(source / "STUFF" / "Akten" / f"{i // 50:02d}" / f"Akte {i:04d}.pdf", os.urandom(30_000))

    flag = tmp_path / "copying"
    env = dict(os.environ)
    env["PYTHONUNBUFFERED"] = "1"
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(source), str(tmp_path / "drive"), str(flag),
                              COMPUTER, SETUP], env=env, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while not flag.exists():
            assert child.poll() is None, child.stderr.read().decode()
            assert time.monotonic() < deadline, "the child never got into the copy"
            time.sleep(0.01)
        partial = target.computer_dir / ".partial-2026-11-27_183000"
        assert partial.is_dir()
        assert len(list((partial / "timeSensor DataFiles").rglob("*.pdf"))) > 10
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
        child.stderr.close()
    assert child.returncode == -signal.SIGKILL

    assert [g.id for g in list_generations(target)] == [earlier.id]
    result = gen(source, target, at("2026-11-27", "19:00"))
    assert result.removed_partials == [partial] and not partial.exists()
    assert listing(target.computer_dir) == [".tsbackup-target", earlier.id, "2026-11-27_190000"]
    assert_same_tree(source, result.generation.path / "timeSensor DataFiles")
    assert result.linked > 300 and result.copied >= 58
    assert [g.id for g in list_generations(target)] == [earlier.id, "2026-11-27_190000"]
