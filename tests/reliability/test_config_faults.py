"""A damaged settings file: garbage, half-written, empty. Every command that needs it stops with one
sentence naming the file and exit 2; the file is left exactly as it is, nothing is written anywhere,
and the backups on the drive stay whole."""

from __future__ import annotations

import json

import os

import pytest

from .world import World, assert_matches_manifest, lines_of


def generations_on_disk(world: World) -> list[str]:
    names = sorted(p.name for p in world.folder.iterdir() if not p.name.startswith("."))
    for name in names:
        assert_matches_manifest(world.folder / name)
    return names


@pytest.mark.parametrize("damage", ["garbage", "half-written", "empty"])
def test_a_damaged_settings_file_is_exit_2_and_left_alone(world, damage):
    world.run_ok()
    good = world.config_file.read_bytes()
    broken = {"garbage": b"\x00\x17PK\x03\x04 not json", "half-written": good[: len(good) // 2], "empty": b""}[damage]
    world.config_file.write_bytes(broken)
    before, older = world.snapshot(), generations_on_disk(world)
    drive_before = sorted(os.listdir(world.folder))

    for args in (["run", "--json"], ["status", "--json"], ["generations", "--json"], ["check"]):
        result = world.cli(*args)
        assert result.returncode == 2, (args, result.stdout, result.stderr)
        if "--json" in args:  # a script reading stdout is told, in JSON, that nothing was done
            (summary,) = [json.loads(line) for line in result.stdout.splitlines()]
            assert (summary["outcome"], summary["exit_code"], summary["reasons"][0]["code"]) == (
                "failed", 2, "config.corrupt"), args
        else:
            assert result.stdout == "", args  # nothing that a script could take for a result
        (line,) = lines_of(result)
        assert line.startswith(f"The settings file {world.config_file} is damaged ("), line
        assert line.endswith("It was left as it is; restore it from a backup or run the setup again."), line

    assert world.config_file.read_bytes() == broken
    assert world.snapshot() == before
    assert sorted(os.listdir(world.folder)) == drive_before and generations_on_disk(world) == older
    world.config_file.write_bytes(good)  # restored from a backup
    world.run_ok()
