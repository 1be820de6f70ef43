"""Hard trees through the real command, run as an unprivileged user (nobody) so that permissions are
real: umlauts and emoji, paths over 260 characters, 60 levels deep, empty files, symlink loops,
an unreadable file and an unreadable folder. Everything readable is copied exactly; what cannot be
read is named in one sentence each, the run ends with warnings (exit 1) and the status says so."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from .world import DATA, World, lines_of, summary_of, tree_snapshot, write

NOBODY = 65534
EMOJI_DIR = "Müller & Söhne – Akten 📁"
LONG = "Sehr langer Ordnername für die Ablage der Mandatsakten Nummer"  # 61 characters


@pytest.fixture
def nobody_root():
    """A folder the user nobody owns (pytest's own tmp folder is private to root)."""
    root = Path(tempfile.mkdtemp(prefix="tsbackup-reliability-", dir="/tmp"))
    root.chmod(0o755)
    yield root
    subprocess.run(["chmod", "-R", "u+rwx", str(root)], check=False)
    shutil.rmtree(root, ignore_errors=True)


def hard_tree(src: Path) -> dict[str, Path]:
    write(src / "timeSensor.4DD", os.urandom(50_000))
    write(src / EMOJI_DIR / "Brief an Frau Zürcher 😀.docx", os.urandom(3000))
    write(src / EMOJI_DIR / "Ärger über Öl – Übersicht.txt", "Grüezi mitenand\n".encode())
    long_dir = src.joinpath(*[f"{LONG} {n}" for n in range(5)])
    long_file = write(long_dir / "Vollmacht für die Vertretung vor dem Bundesgericht in Lausanne.pdf", os.urandom(900))
    deep = write(src.joinpath(*[f"e{n:02d}" for n in range(60)]) / "ganz unten.txt", b"tief")
    write(src / "leer.txt", b"")
    write(src / EMOJI_DIR / "auch leer 🗒.txt", b"")
    (src / "Schlaufe A").symlink_to("Schlaufe B")
    (src / "Schlaufe B").symlink_to("Schlaufe A")
    (src / EMOJI_DIR / "zurück").symlink_to("..")  # a folder loop, if anyone followed it
    locked_file = write(src / "Gesperrt.pdf", os.urandom(700))
    locked_dir = src / "Privat"
    write(locked_dir / "geheim.txt", b"nur fuer mich")
    return {"long": long_file, "deep": deep, "locked_file": locked_file, "locked_dir": locked_dir}


def test_hard_names_and_unreadable_files_as_an_unprivileged_user(nobody_root):
    world = World(nobody_root, as_user=NOBODY)
    paths = hard_tree(world.source)
    world.drive.mkdir()
    subprocess.run(["chown", "-R", f"{NOBODY}:{NOBODY}", str(nobody_root)], check=True)
    assert len(str(paths["long"].relative_to(world.source))) > 260 and len(str(paths["long"])) > 300
    paths["locked_file"].chmod(0)
    paths["locked_dir"].chmod(0)
    world.setup(populate=False)
    before = world.snapshot()

    result = world.cli("run", "--json")

    assert result.returncode == 1, result.stdout + result.stderr
    summary = summary_of(result)
    assert summary["outcome"] == "warning" and summary["generation"]
    lines = lines_of(result)
    assert lines[0].startswith("Backup finished with warnings: ")
    assert sorted(lines[1:]) == sorted([
        f"The folder {paths['locked_dir']} could not be read (Permission denied); its contents are missing from this backup.",
        f"{paths['locked_file']} could not be read (Permission denied) and is missing from this backup.",
    ])
    assert world.snapshot() == before
    rows = world.assert_generations_match()
    assert [r["id"] for r in rows] == [summary["generation"]]
    copy = world.folder / summary["generation"] / DATA
    want = {k: v[:2] for k, v in tree_snapshot(world.source).items()
            if k != "Gesperrt.pdf" and not k.startswith("Privat/")}
    got = {k: v[:2] for k, v in tree_snapshot(copy).items()}
    for rel, entry in want.items():
        if entry[0] == "dir":
            assert got.get(rel, ("?",))[0] == "dir", rel
        else:
            assert got.get(rel) == entry, rel
    assert set(got) == set(want)
    assert os.readlink(copy / EMOJI_DIR / "zurück") == ".."
    status = world.status()
    assert status["state"] == "warning" and status["message"].endswith("— with warnings."), status
    codes = {r["code"] for r in status["reasons"]}
    assert {"primary.file_unreadable", "primary.folder_unreadable"} <= codes, status
