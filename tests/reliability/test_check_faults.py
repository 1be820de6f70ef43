"""Silent damage in a primary generation: a flipped byte (size and mtime kept) and a deleted file.
The monthly check through the real command fails with exit 5 naming each file; the status is not ok;
the next run copies both afresh into a generation that matches its manifest again."""

from __future__ import annotations

import json
import os

from .world import DATA, assert_matches_manifest, lines_of, summary_of


def test_a_flipped_byte_and_a_deleted_file_fail_the_check_by_name(world):
    summary = world.run_ok()
    generation = world.folder / summary["generation"]
    flipped = generation / DATA / "timeSensor.4DD"
    deleted = generation / DATA / "STUFF" / "Akten" / "1" / "Akte 09 Müller.pdf"
    info = flipped.stat()
    flipped.chmod(0o644)
    data = bytearray(flipped.read_bytes())
    data[len(data) // 2] ^= 0x01
    flipped.write_bytes(bytes(data))
    flipped.chmod(0o444)
    os.utime(flipped, ns=(info.st_atime_ns, info.st_mtime_ns))
    deleted.parent.chmod(0o755)
    deleted.unlink()
    deleted.parent.chmod(0o555)
    before = world.snapshot()

    result = world.cli("check", "--json")

    assert result.returncode == 5, result.stdout + result.stderr
    report = json.loads(result.stdout)
    assert report["outcome"] == "failed"
    assert report["damaged"] == [f"{DATA}/STUFF/Akten/1/Akte 09 Müller.pdf", f"{DATA}/timeSensor.4DD"]
    failed = [f["message"] for f in report["findings"] if f["severity"] == "failed"]
    assert any(f"{DATA}/timeSensor.4DD" in m and "(content differs)" in m for m in failed), failed
    assert any(f"{DATA}/STUFF/Akten/1/Akte 09 Müller.pdf" in m and "(missing)" in m for m in failed), failed
    assert lines_of(result) == ["The monthly check found 2 damaged files in the newest backup. "
                                "The next backup copies them afresh; run it soon."]
    assert world.snapshot() == before
    status = world.status()
    assert status["state"] != "ok", status
    assert "status.check_failed" in [r["code"] for r in status["reasons"]], status

    again = world.cli("run", "--json")  # copies both afresh (never a hard link to the damaged copy)
    assert again.returncode == 1, again.stdout + again.stderr  # the older generation still holds the damage
    fresh = summary_of(again)
    assert [r["code"] for r in fresh["reasons"]] == ["run.still_damaged"]
    assert_matches_manifest(world.folder / fresh["generation"])
    assert world.partials() == []
    copy = world.folder / fresh["generation"] / DATA / "timeSensor.4DD"
    assert copy.read_bytes() == (world.source / "timeSensor.4DD").read_bytes()
    assert copy.stat().st_ino != flipped.stat().st_ino
