"""Clock jumps through the real command (faketime moves the child's clock): the autumn DST hour in
Zurich that happens twice, and a clock set back by a day and forward by three. Every run succeeds,
no generation is lost or shadowed, order follows the manifests' UTC end times, the status stays sane."""

from __future__ import annotations

import datetime
from zoneinfo import ZoneInfo

from .world import FAKETIME, World, summary_of

ZURICH = ZoneInfo("Europe/Zurich")
UTC = datetime.timezone.utc


def at(moment: datetime.datetime) -> list[str]:
    """A faketime prefix for `moment` (relative, so it does not depend on how faketime reads local time)."""
    now = datetime.datetime.now(UTC)
    return [FAKETIME, "-f", f"{int((moment - now).total_seconds()):+d}"]


def run_at(world: World, prefix: list[str] | None) -> dict:
    before = world.snapshot()
    result = world.cli("run", "--json", prefix=prefix)
    assert result.returncode == 0, result.stdout + result.stderr
    assert world.snapshot() == before
    return summary_of(result)


def test_the_repeated_dst_hour_keeps_both_runs_in_their_true_order(world):
    first = run_at(world, at(datetime.datetime(2026, 10, 25, 0, 30, tzinfo=UTC)))  # 02:30 summer time
    second = run_at(world, at(datetime.datetime(2026, 10, 25, 1, 30, tzinfo=UTC)))  # 02:30 again, winter time
    assert first["generation"].startswith("2026-10-25_0230") and second["generation"].startswith("2026-10-25_0230")
    assert first["generation"] != second["generation"]
    rows = world.assert_generations_match()
    assert [r["id"] for r in rows] == [first["generation"], second["generation"]]
    assert rows[0]["ended"].endswith("+02:00") and rows[1]["ended"].endswith("+01:00")
    assert world.status(at(datetime.datetime(2026, 10, 25, 1, 45, tzinfo=UTC)))["state"] == "ok"


def test_a_clock_set_back_a_day_and_forward_three_loses_nothing(world):
    today = run_at(world, None)
    yesterday = run_at(world, [FAKETIME, "-f", "-1d"])  # someone set the clock back by a day
    later = run_at(world, [FAKETIME, "-f", "+3d"])  # and then three days ahead
    again = run_at(world, None)  # and right again
    rows = world.assert_generations_match()
    ids = [r["id"] for r in rows]
    assert sorted(ids) == sorted({today["generation"], yesterday["generation"], later["generation"],
                                  again["generation"]})  # four runs, four generations: none removed, none shadowed
    assert ids.index(yesterday["generation"]) < ids.index(today["generation"]) < ids.index(again["generation"])
    assert ids[-1] == later["generation"]  # by its end time, as recorded
    status = world.status()
    assert status["state"] == "ok", status
