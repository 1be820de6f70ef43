"""kill -9 of a real `tsbackup run` at every step of the fault hook, at seeded steps and at seeded moments.

After each kill: the source is byte-identical, no `.partial` is listed by
`tsbackup generations --json`, every listed generation matches its
manifest, the status is not ok and says the backup was interrupted, and the
next plain run cleans up and succeeds (exit 0).
"""

from __future__ import annotations

import random
import signal
import time
from concurrent.futures import ThreadPoolExecutor

from .world import World

INTERRUPTED = ("The backup was interrupted before it finished (the program was stopped or the computer was "
               "switched off).")
SEED = 14
CHAINS = 2
MIN_TRIALS = 52
RANDOM_MOMENTS = 8


def kill_trial(world: World, fault: str) -> None:
    before = world.snapshot()
    killed = world.cli("run", "--json", fault=fault)
    assert killed.returncode == -signal.SIGKILL, (fault, killed.stdout, killed.stderr)
    after_kill(world, before, fault, days_back=2)


def after_kill(world: World, before: dict, what: str, days_back: int = 0) -> None:
    assert world.snapshot() == before, what
    world.assert_generations_match()
    status = world.status_here()
    assert (status["state"], status["message"]) == ("failed", "The last backup failed."), (what, status)
    assert status["reasons"][0] == {"code": "history.interrupted", "message": INTERRUPTED}, status
    world.run_ok(days_back)


def calibrate(world: World) -> list[str]:
    """The checkpoints of one plain run after the first, in order."""
    log = world.root / "checkpoints.log"
    result = world.cli("run", "--json", fault=f"log={log}")
    assert result.returncode == 0, result.stderr
    return [line.split(" ", 1)[1] for line in log.read_text(encoding="utf-8").splitlines()]


def test_kill_9_at_every_step_and_at_seeded_steps_loses_nothing(tmp_path):
    chains = [World(tmp_path / f"chain-{n}") for n in range(CHAINS)]
    for world in chains:
        world.setup()
        world.set_config(keep_daily=1, keep_weekly=0, keep_monthly=0)  # every run removes the one before
        world.run_ok(days_back=2)
    steps = calibrate(chains[0])
    names = set(steps)
    assert {"marker.checked", "guard.before", "partials.removed", "scan.done", "partial.created", "copy.file",
            "guard.after", "manifest.written", "renamed", "retention.start", "retention.renamed", "offsite.start",
            "history.started", "history.recorded"} <= names, steps
    rng = random.Random(SEED)
    faults = [f"kill-at={k}" for k in range(1, len(steps) + 1)]
    faults += [f"seed={rng.randrange(10**6)};limit={len(steps)}" for _ in range(max(0, MIN_TRIALS - len(faults)))]
    assert len(faults) >= 50

    def chain(n: int) -> int:
        for fault in faults[n::CHAINS]:
            kill_trial(chains[n], fault)
        return len(faults[n::CHAINS])

    with ThreadPoolExecutor(CHAINS) as pool:
        assert sum(pool.map(chain, range(CHAINS))) == len(faults)


def test_kill_9_at_seeded_random_moments_loses_nothing(world):
    world.run_ok()
    rng = random.Random(SEED)
    for _ in range(RANDOM_MOMENTS):
        before = world.snapshot()
        known = attempt_ids(world)
        child = world.start("run", "--json")
        time.sleep(rng.uniform(0.3, 1.2))  # seeded and bounded: somewhere between start-up and the end
        child.kill()
        out, err = child.communicate(timeout=30)
        what = f"kill after a random moment (exit {child.returncode})"
        new = [a for a in attempts(world) if a.id not in known]
        if not new or new[0].ended is not None:
            # died before it recorded anything (as if it never ran), or after it recorded its end
            assert world.snapshot() == before
            world.assert_generations_match()
            assert world.status_here()["state"] != "failed", (what, new, world.status_here(), err)
            world.run_ok()
            continue
        after_kill(world, before, what)


def attempts(world: World) -> list:
    from tsbackup_gui.core.store.history import History

    where = world.places()
    return History(where.history_db, lock_path=where.lock_file).attempts()


def attempt_ids(world: World) -> set:
    return {a.id for a in attempts(world)}
