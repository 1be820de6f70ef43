"""The off-site plan against the real restic: parents, unchanged files, tags, retention, the run wrapper."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from test_restic_support import (COMPUTER, PASSWORD, SAMPLE, SETUP_ID, generation, local, new_repo, raw_restic,
                                 target, tree_bytes, write_source)

from tsbackup_gui.core.clock import FixedClock
from tsbackup_gui.core.store.config import Config
from tsbackup_gui.core.errors import Exit, UserError
from tsbackup_gui.core.restic.driver import Restic
from tsbackup_gui.core.restic.json_output import parse_snapshots
from tsbackup_gui.core.offsite.records import offsite_age_warning
from tsbackup_gui.core.offsite.upload import (
    RetentionPolicy, apply_retention, backup_generation, backup_targets, pick_generation, generation_tag, prune_due,
    run_offsite, setup_tag,
)
from tsbackup_gui.core.store.secrets import SecretStore

TAG = setup_tag(SETUP_ID)


@pytest.fixture
def source(tmp_path):
    return write_source(tmp_path / "timeSensor DataFiles", SAMPLE)


@pytest.fixture
def primary(tmp_path):
    return target(tmp_path / "primary")


@pytest.fixture
def repo(tmp_path):
    return new_repo(tmp_path / "repo")


@pytest.fixture
def restic(repo):
    return Restic(str(repo), PASSWORD)


def test_second_snapshot_names_the_first_as_parent_and_reads_nothing_unchanged(source, primary, restic, repo, tmp_path):
    first_gen = generation(source, primary, local(day=2))
    second_gen = generation(source, primary, local(day=3))
    assert os.stat(first_gen.path / "timeSensor DataFiles" / "timeSensor.4DD").st_ino == \
        os.stat(second_gen.path / "timeSensor DataFiles" / "timeSensor.4DD").st_ino  # hard-linked: ctime changed

    first = backup_generation(restic, first_gen, host=COMPUTER, setup_tag=TAG)
    second = backup_generation(restic, second_gen, host=COMPUTER, setup_tag=TAG)

    assert first.outcome == "ok" and first.parent is None
    assert second.outcome == "ok" and second.parent and second.parent.startswith(first.snapshot_id)
    data_files = len(SAMPLE)
    assert second.summary.files_unmodified == data_files  # every data file trusted from the parent, none re-read
    assert second.summary.files_new == 0 and second.summary.files_changed == 1  # only the new manifest

    listed = parse_snapshots(raw_restic(repo, tmp_path / "c", "snapshots", "--json").stdout)
    assert [s.parent for s in listed] == [None, listed[0].id]
    assert listed[1].tags == (TAG, f"generation:{second_gen.id}") and listed[1].hostname == COMPUTER
    tree = raw_restic(repo, tmp_path / "c", "ls", listed[1].id).stdout.splitlines()
    assert "/timeSensor DataFiles/STUFF/BACKUP/notes.txt" in tree and "/tsbackup-manifest.json" in tree
    assert not any(str(primary.primary) in line for line in tree[1:])  # relative targets: no drive path inside


def test_4d_backup_folder_goes_along(source, primary, tmp_path):
    archives = write_source(tmp_path / "Archives", {"timeSensor[0007].4BK": b"4bk" * 100})
    gen = generation(source, primary, local(), verdict="archive-ok", extra_sources=[(archives, "4D Backup")])
    assert backup_targets(gen.path) == ["timeSensor DataFiles", "4D Backup", "tsbackup-manifest.json"]


def test_a_generation_without_its_data_folder_is_refused(tmp_path):
    broken = tmp_path / "2026-03-02_183000"
    broken.mkdir()
    (broken / "tsbackup-manifest.json").write_text("{}")
    with pytest.raises(UserError) as caught:
        backup_targets(broken)
    assert caught.value.message.id == "offsite.generation_broken"


@dataclass
class Gen:
    id: str
    verdict: str
    ended: datetime
    path: Path = Path("/nowhere")


def test_pick_prefers_the_newest_trustworthy_generation():
    t0 = datetime(2026, 3, 1, tzinfo=timezone.utc)
    gens = [Gen("a", "consistent", t0), Gen("b", "archive-ok", t0 + timedelta(days=1)),
            Gen("c", "archive-stale", t0 + timedelta(days=2))]
    assert pick_generation(gens) == (gens[1], None)
    newest, warning = pick_generation([gens[2], Gen("d", "archive-stale", t0)])
    assert newest.id == "c" and warning.id == "offsite.not_consistent" and "c" in warning.english()
    with pytest.raises(UserError) as caught:
        pick_generation([])
    assert caught.value.exit_code == Exit.WARNING


def test_retention_groups_by_computer_and_setup_and_deletes(source, primary, restic, repo, tmp_path):
    gen = generation(source, primary, local())
    other = "tsbackup:another-setup"
    start = datetime(2026, 1, 1, 12, 0).astimezone()
    days = [0, 2, 10, 20, 40, 40.2, 40.4]
    for offset in days:  # the same tags backup_generation gives; restic.backup directly saves a listing each time
        restic.backup(gen.path, ["timeSensor DataFiles"], host=COMPUTER, tags=[TAG, generation_tag(f"g{offset}")],
                      snapshot_time=start + timedelta(days=offset))
    restic.backup(gen.path, ["timeSensor DataFiles"], host=COMPUTER, tags=[other], snapshot_time=start)

    result = apply_retention(restic, TAG, RetentionPolicy(daily=3, weekly=1, monthly=0, yearly=0, within="1d"))

    left = {s.time: s for s in restic.snapshots()}
    kept_days = sorted(round((t - start).total_seconds() / 86400, 1) for t, s in left.items() if TAG in s.tags)
    # within 1d of the newest (40.4): 40, 40.2, 40.4; daily 3: days 40, 20, 10; weekly 1: day 40
    assert kept_days == [10.0, 20.0, 40.0, 40.2, 40.4]
    assert len(result.removed) == 2
    assert any(other in s.tags for s in left.values())  # another setup's snapshot is not this setup's group


def test_prune_weekly_and_age_warning():
    now = datetime(2026, 3, 10, 12, 0, tzinfo=timezone.utc)
    assert prune_due(None, now) is True
    assert prune_due(now - timedelta(days=6, hours=23), now) is False
    assert prune_due(now - timedelta(days=7), now) is True
    assert offsite_age_warning(now - timedelta(days=2, hours=23), now) is None
    old = offsite_age_warning(now - timedelta(days=4, hours=1), now)
    assert old.id == "offsite.too_old" and old.english().startswith("The newest off-site copy is 4 days old.")
    assert offsite_age_warning(None, now).id == "offsite.never"


def _config(tmp_path, primary, repo, **secondary) -> Config:
    return Config(source=str(tmp_path / "timeSensor DataFiles"), primary=str(primary.primary), setup_id=SETUP_ID,
                  computer=COMPUTER, secondary={"repo": str(repo), **secondary})


def test_run_offsite_backs_up_forgets_and_prunes_weekly(source, primary, repo, tmp_path):
    SecretStore(SETUP_ID).set("repo-password", PASSWORD)
    stale = generation(source, primary, local(day=3), verdict="archive-stale")
    good = generation(source, primary, local(day=2))
    config = _config(tmp_path, primary, repo, keep={"daily": 2})
    clock = FixedClock(local(day=3, hour=19))
    events = []

    result = run_offsite(config, SecretStore(SETUP_ID), None, clock, events.append, last_prune=None)

    assert result.outcome == "ok" and result.exit_code == Exit.OK, result.reasons
    assert result.generation == good.id and stale.id != good.id  # the consistent one, although older
    assert result.pruned is True
    assert events and (events[0]["event"], events[0]["stage"]) == ("progress", "offsite")
    # each run a few minutes later, as real runs are: a snapshot carries its run's time, and the parent
    # looked up below is the newest by time
    clock = FixedClock(local(day=3, hour=19, minute=40))
    again = run_offsite(config, SecretStore(SETUP_ID), None, clock, last_prune=clock.now() - timedelta(days=1),
                        last_snapshot=result.snapshot_id)  # the parent remembered from history: no listing
    assert again.pruned is False and again.parent == result.snapshot_id
    assert again.summary.files_unmodified == len(SAMPLE) + 1  # the same generation again: manifest too
    clock = FixedClock(local(day=3, hour=19, minute=50))
    gone = run_offsite(config, SecretStore(SETUP_ID), None, clock, last_prune=clock.now(), last_snapshot="deadbeef")
    assert gone.outcome == "ok" and gone.parent.startswith(again.snapshot_id)  # forgotten by hand: looked up
    assert result.to_json()["snapshot"] == result.snapshot_id


def test_run_offsite_unreachable_is_a_warning_and_the_primary_stays(source, primary, tmp_path):
    SecretStore(SETUP_ID).set("repo-password", PASSWORD)
    gen = generation(source, primary, local())
    before = tree_bytes(gen.path)
    config = _config(tmp_path, primary, tmp_path / "mnt" / "nas" / "repo")

    result = run_offsite(config, SecretStore(SETUP_ID), [gen], FixedClock(local()))

    assert result.outcome == "warning" and result.exit_code == Exit.WARNING
    assert result.code == "offsite.unreachable" and result.unreachable is True
    assert result.reasons[0].english().startswith(f"The off-site backup at {tmp_path / 'mnt' / 'nas' / 'repo'} cannot be reached")
    assert tree_bytes(gen.path) == before
    assert PASSWORD not in json.dumps(result.to_json())


def test_run_offsite_without_password_or_target(source, primary, repo, tmp_path):
    gen = generation(source, primary, local())
    config = _config(tmp_path, primary, repo)
    result = run_offsite(config, SecretStore(SETUP_ID), [gen], FixedClock(local()))
    assert result.outcome == "warning" and result.code == "offsite.no_password"
    config.secondary = None
    assert run_offsite(config, SecretStore(SETUP_ID), [gen], FixedClock(local())).outcome == "skipped"


def test_run_offsite_with_only_a_stale_generation_warns_but_uploads(source, primary, repo, tmp_path):
    SecretStore(SETUP_ID).set("repo-password", PASSWORD)
    stale = generation(source, primary, local(), verdict="archive-stale")
    result = run_offsite(_config(tmp_path, primary, repo, append_only=True), SecretStore(SETUP_ID), [stale],
                         FixedClock(local()))
    assert result.outcome == "warning" and result.code == "offsite.not_consistent"
    assert result.snapshot_id and result.pruned is False and result.forgotten == ()
