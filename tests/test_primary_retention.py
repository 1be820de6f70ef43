"""Retention as tables with an injected `now`, the mass-change pause, and deleting for real."""

from __future__ import annotations

import os
import stat
from datetime import timedelta

import pytest

from test_primary_helpers import assert_same_tree, at, fake_generation, gen, make_source, target_for, write
from tsbackup_gui.core.primary.manifest import Entry
from tsbackup_gui.core.primary.retention import apply_retention, looks_like_mass_change, plan_retention
from tsbackup_gui.core.primary.generations import list_generations

NOW = at("2026-03-15", "12:00")  # a Sunday; ISO week 11 runs Mon 9 – Sun 15 March


def table(rows, now=NOW, **limits):
    generations = [fake_generation(gid, when, verdict, verified) for gid, when, verdict, verified in rows]
    plan = plan_retention(generations, now, **limits)
    return [g.id for g in plan.keep], [g.id for g in plan.delete], plan.reasons


ROWS = [
    ("g10", at("2026-01-10"), "consistent", None),
    ("g9", at("2026-02-20"), "consistent", None),
    ("g8", at("2026-03-02"), "consistent", None),
    ("g7", at("2026-03-06"), "consistent", None),
    ("g6", at("2026-03-12"), "consistent", None),
    ("g5", at("2026-03-13"), "consistent", None),
    ("g4", at("2026-03-14", "08:00"), "consistent", None),  # 28 h old; g3 is newer the same day
    ("g3", at("2026-03-14", "18:00"), "consistent", None),  # 18 h old
    ("g2", at("2026-03-15", "02:00"), "consistent", None),
    ("g1", at("2026-03-15", "09:00"), "consistent", None),
]


def test_daily_weekly_monthly_and_the_last_24_hours():
    keep, delete, reasons = table(ROWS, keep_daily=3, keep_weekly=2, keep_monthly=2)
    assert keep == ["g9", "g7", "g5", "g3", "g2", "g1"]
    assert delete == ["g10", "g8", "g6", "g4"]
    assert reasons["g1"] == ["newest", "last 24 hours", "daily", "weekly", "monthly", "newest consistent"]
    assert reasons["g2"] == ["last 24 hours"]
    assert reasons["g3"] == ["last 24 hours", "daily"]
    assert reasons["g5"] == ["daily"] and reasons["g7"] == ["weekly"] and reasons["g9"] == ["monthly"]


def test_defaults_keep_everything_of_a_short_history_except_second_runs_of_a_day():
    keep, delete, _ = table(ROWS)
    assert delete == ["g4"]


def test_nothing_younger_than_24_hours_is_removed_even_with_zero_limits():
    rows = [(f"r{i}", NOW - timedelta(hours=h), "archive-stale", None) for i, h in enumerate((1, 5, 12, 23.9, 24.1, 30))]
    keep, delete, _ = table(rows, keep_daily=0, keep_weekly=0, keep_monthly=0)
    assert keep == ["r3", "r2", "r1", "r0"] and delete == ["r5", "r4"]


def test_the_newest_consistent_archive_ok_and_verified_generations_are_never_deleted():
    rows = [
        ("old-consistent", at("2025-06-01"), "consistent", None),
        ("older-consistent", at("2025-05-01"), "consistent", None),
        ("old-archive-ok", at("2025-07-01"), "archive-ok", None),
        ("old-verified", at("2025-08-01"), "archive-stale", "2025-08-02T10:00:00+00:00"),
        ("older-verified", at("2025-07-15"), "archive-stale", "2025-07-16T10:00:00+00:00"),
    ] + [(f"s{d}", at(f"2026-03-{d:02d}"), "archive-stale", None) for d in range(1, 15)]
    keep, delete, reasons = table(rows, keep_daily=2, keep_weekly=0, keep_monthly=0)
    assert keep == ["old-consistent", "old-archive-ok", "old-verified", "s13", "s14"]
    assert reasons["old-consistent"] == ["newest consistent"]
    assert reasons["old-archive-ok"] == ["newest archive-ok"]
    assert reasons["old-verified"] == ["newest verified"]
    assert "older-consistent" in delete and "older-verified" in delete


def test_the_newest_generation_survives_a_long_pause_and_days_follow_the_office_time_zone():
    rows = [("only", NOW - timedelta(days=400), "archive-stale", None)]
    assert table(rows, keep_daily=0, keep_weekly=0, keep_monthly=0)[0] == ["only"]
    # 23:30 UTC on the 9th is 00:30 on the 10th in Zurich: two days there, not one
    from datetime import timezone
    rows = [("late", at("2026-03-09", "23:30", tz=timezone.utc), "consistent", None),
            ("early", at("2026-03-09", "20:00", tz=timezone.utc), "consistent", None)]
    assert table(rows, keep_daily=5, keep_weekly=0, keep_monthly=0)[1] == []
    assert table(rows, now=NOW.astimezone(timezone.utc), keep_daily=5, keep_weekly=0, keep_monthly=0)[1] == ["early"]


def _files(n, **changes):
    entries = [Entry(f"timeSensor DataFiles/f{i}.txt", "file", 100, i, f"{i:064x}") for i in range(n)]
    entries.append(Entry("timeSensor DataFiles/timeSensor.4DD", "file", changes.pop("data", 1_000_000), 1, "d" * 64))
    return entries


def _manifest(entries):
    return fake_generation("m", NOW, entries=entries).manifest


def test_mass_change_is_more_than_half_of_the_files():
    before = _manifest(_files(39))  # 40 files with the data file
    assert looks_like_mass_change(_manifest(_files(39)), before) is None
    assert looks_like_mass_change(_manifest(_files(39)), None) is None
    half = _files(39)
    for e in half[:20]:
        e.sha256 = "f" * 64
    assert looks_like_mass_change(_manifest(half), before) is None  # 20 of 40: not more than half
    more = _files(39)
    for e in more[2:21]:
        e.sha256 = "f" * 64
    more = more[2:]  # 19 changed and two gone: 21 of 40
    message = looks_like_mass_change(_manifest(more), before)
    assert message.id == "primary.mass_change" and message.params == {"changed": 21, "total": 40}
    assert "Old backups were not cleaned up" in message.english()
    few, all_changed = _files(5), _files(5)
    for e in all_changed[:5]:
        e.sha256 = "f" * 64
    assert looks_like_mass_change(_manifest(all_changed), _manifest(few)) is None  # too few files to judge


def test_a_shrinking_or_missing_database_file_is_mass_change():
    before = _manifest(_files(3, data=1_000_000))
    assert looks_like_mass_change(_manifest(_files(3, data=500_000)), before) is None
    message = looks_like_mass_change(_manifest(_files(3, data=499_999)), before)
    assert message.id == "primary.data_file_shrank"
    assert message.params == {"name": "timeSensor.4DD", "before": "1.0 MB", "after": "500.0 KB"}
    gone = [e for e in _files(3) if not e.path.endswith(".4DD")]
    assert looks_like_mass_change(_manifest(gone), before).id == "primary.data_file_gone"
    locked = _files(3, data=0)
    locked[-1].skipped_reason, locked[-1].sha256 = "locked", None
    assert looks_like_mass_change(_manifest(locked), before) is None  # 4D held it: covered by the archive


def test_mass_change_on_real_generations(tmp_path):
    source = make_source(tmp_path / "data")
    for i in range(30):
        write(source / "STUFF" / f"doc{i}.txt", b"plain text %d" % i)
    target = target_for(tmp_path / "drive")
    first = gen(source, target, at("2026-11-26")).generation
    for path in (source / "STUFF").glob("doc*.txt"):
        path.write_bytes(b"ENCRYPTED!" + path.read_bytes()[::-1])
    second = gen(source, target, at("2026-11-27"))
    message = looks_like_mass_change(second.generation.manifest, second.previous.manifest)
    assert message is not None and message.id == "primary.mass_change"
    assert looks_like_mass_change(first.manifest, first.manifest) is None


def test_apply_retention_deletes_read_only_generations_and_spares_shared_files(tmp_path):
    source = make_source(tmp_path / "data")
    target = target_for(tmp_path / "drive")
    made = []
    for day in range(1, 6):
        write(source / "today.txt", b"day %d" % day)
        made.append(gen(source, target, at(f"2026-02-{day:02d}")).generation)
    plan = plan_retention(list_generations(target), at("2026-03-01"), keep_daily=2, keep_weekly=0, keep_monthly=0)
    assert [g.id for g in plan.keep] == [made[3].id, made[4].id]
    outcome = apply_retention(plan)
    assert outcome.warnings == [] and [g.id for g in outcome.deleted] == [g.id for g in made[:3]]
    assert sorted(os.listdir(target.computer_dir)) == [".tsbackup-target", made[3].id, made[4].id]
    assert [g.id for g in list_generations(target)] == [made[3].id, made[4].id]
    newest = made[4].path / "timeSensor DataFiles"
    assert_same_tree(source, newest)
    for path in newest.rglob("*"):
        if path.is_file():
            assert stat.S_IMODE(path.stat().st_mode) == 0o444, path
    assert os.stat(newest / "timeSensor.4DD").st_nlink == 2


def test_apply_retention_reports_what_it_could_not_remove(tmp_path):
    gone = fake_generation("2026-01-01_183000", at("2026-01-01"))
    plan = plan_retention([gone, fake_generation("2026-03-01_183000", at("2026-03-01"))], NOW,
                          keep_daily=1, keep_weekly=0, keep_monthly=0)
    assert [g.id for g in plan.delete] == [gone.id]
    outcome = apply_retention(plan)
    assert outcome.deleted == [] and [w.id for w in outcome.warnings] == ["primary.remove_failed"]


@pytest.mark.parametrize("limits", [dict(keep_daily=14, keep_weekly=8, keep_monthly=12), dict(keep_daily=1, keep_weekly=1, keep_monthly=1)])
def test_a_year_of_daily_runs_settles_to_the_limits(limits):
    rows = [(f"d{n:03d}", NOW - timedelta(days=n, hours=1), "consistent", None) for n in range(365)]
    keep, delete, _ = table(rows, **limits)
    assert "d000" in keep and len(keep) + len(delete) == 365
    if limits["keep_daily"] == 14:
        assert 14 + 6 + 10 <= len(keep) <= 14 + 8 + 12
        assert all(f"d{n:03d}" in keep for n in range(14))
    else:
        assert keep == ["d000"]


def test_every_generation_retention_removes_is_in_the_log(tmp_path, caplog):
    import logging

    from tsbackup_gui.core.primary.retention import RetentionPlan, apply_retention

    folder = tmp_path / "PC"
    old = folder / "2026-10-01_183000"
    (old / "timeSensor DataFiles").mkdir(parents=True)
    (old / "timeSensor DataFiles" / "a.txt").write_text("a")
    generation = type("G", (), {"id": old.name, "path": old})()
    with caplog.at_level(logging.INFO, logger="tsbackup_gui.core.primary.retention"):
        outcome = apply_retention(RetentionPlan(keep=[], delete=[generation]))
    assert [g.id for g in outcome.deleted] == [old.name] and not old.exists()
    assert any(old.name in record.getMessage() and "removing" in record.getMessage() for record in caplog.records)
