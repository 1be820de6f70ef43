"""Names a drive refuses are stored under safe names and come back exactly as the source spelled them."""

from __future__ import annotations

import json
import os
import unicodedata
from pathlib import Path

import pytest

from hard_names import HARD, NFD, add_hard_names, tree_bytes
from test_verify_support import DATA, new_generation, set_up, store_password_for_cli, target_of, with_repo

from tsbackup_gui.core.check.primary import check_generation
from tsbackup_gui.core.primary.generations import list_generations
from tsbackup_gui.core.primary.howto import HOW_TO_RESTORE
from tsbackup_gui.core.primary.manifest import MANIFEST_NAME, Manifest
from tsbackup_gui.core.primary.safenames import safe_name, safe_names
from tsbackup_gui.core.restore.into_folder import restore_from_primary
from tsbackup_gui.core.restore.verify import verify_tree


@pytest.mark.parametrize("name, stored", [
    ("Vertrag Meier:Müller 2024.docx", "Vertrag Meier\uff1aMüller 2024.docx"),
    ('a?b*c"<>|\\x', "a\uff1fb\uff0ac\uff02\uff1c\uff1e\uff5c\uff3cx"),
    ("Ende.", "Ende\uff0e"),
    ("Ende ", "Ende\u2420"),
    ("Tab\tName", "Tab\u2409Name"),
    ("CON", "CON_"),
    ("con.txt", "con_.txt"),
    ("Nul.tar.gz", "Nul_.tar.gz"),
    ("COM9", "COM9_"),
    ("LPT1 .doc", "LPT1 _.doc"),
    ("COM10", "COM10"),
    ("CONSOLE.txt", "CONSOLE.txt"),
    ("Normal 50% (Kopie).txt", "Normal 50% (Kopie).txt"),
    (NFD, NFD),
])
def test_the_safe_name_of_one_name(name, stored):
    assert safe_name(name) == stored


def test_names_of_one_folder_stay_unique_and_unchanged_names_win():
    nfc = unicodedata.normalize("NFC", "Zürich.txt")
    nfd = unicodedata.normalize("NFD", "Zürich.txt")
    names = ["a:b", "a\uff1ab", "Akte.txt", "akte.txt", "AKTE~2.txt", nfc, nfd, "x.txt"]
    got = safe_names(names)
    assert got == {
        "a\uff1ab": "a\uff1ab",  # already safe: keeps its name even though "a:b" maps onto it
        "a:b": "a\uff1ab~2",
        "AKTE~2.txt": "AKTE~2.txt",
        "Akte.txt": "Akte.txt",
        "akte.txt": "akte~3.txt",  # ~2 is taken (case-insensitively) by a real name
        nfd: nfd,  # code-point order: the decomposed spelling comes first
        nfc: unicodedata.normalize("NFC", "Zürich~2.txt"),
        "x.txt": "x.txt",
    }
    assert safe_names(reversed(names)) == got  # the order they are listed in does not matter


def test_hard_names_survive_backup_restore_check_and_drill_byte_for_byte(tmp_path, run_cli, cli_env):
    config, source = set_up(tmp_path)
    add_hard_names(source)
    want = tree_bytes(source)
    assert os.fsencode(NFD) in want and os.fsencode(unicodedata.normalize("NFC", NFD)) not in want

    first = run_cli("run")
    assert first.returncode == 1, first.stderr  # a warning, never a failed generation
    (warning,) = [line for line in first.stderr.splitlines() if "safe name" in line]
    renamed = sorted(f"{DATA}/{name}" for name in HARD if name not in ("Akte.txt", NFD, "Normal 50%.txt")) + [f"{DATA}/Ordner: 2024"]
    renamed.sort()
    assert len(renamed) == 12
    assert warning == ("12 names cannot be stored as they are on every backup drive, so they were stored under a safe "
                       f"name: {', '.join(renamed[:10])}, …. Nothing is lost: the backup's manifest keeps the original "
                       "names and every restore gives them back.")
    generation = list_generations(target_of(config))[-1]
    stored = {e.path: e.stored for e in generation.manifest.entries if e.stored}
    assert stored[f"{DATA}/Vertrag Meier:Müller 2024.docx"] == f"{DATA}/Vertrag Meier\uff1aMüller 2024.docx"
    assert stored[f"{DATA}/Ordner: 2024/LPT1.doc"] == f"{DATA}/Ordner\uff1a 2024/LPT1_.doc"
    assert stored[f"{DATA}/akte.txt"] == f"{DATA}/akte~2.txt"
    assert f"{DATA}/{NFD}" not in stored and f"{DATA}/Normal 50%.txt" not in stored
    on_drive = set(os.listdir(generation.data_dir))
    assert "Vertrag Meier\uff1aMüller 2024.docx" in on_drive and "Ende\uff0e" in on_drive and "CON_" in on_drive
    assert NFD in on_drive  # a decomposed name is kept as it is on the drive too
    assert not any(ch in name for name in on_drive for ch in ':?*"<>|\\\t')
    history = json.loads(run_cli("status", "--json").stdout)
    assert "primary.safe_names" in json.dumps(history)

    second = run_cli("run")
    assert second.returncode == 0, second.stderr  # the same names again: said once, not every night
    newest = list_generations(target_of(config))[-1]
    files = [e for e in newest.manifest.entries if e.type == "file"]
    assert newest.id != generation.id and newest.manifest.linked == len(files)  # linked through their safe names
    assert [e.path for e in files if e.stored] == [e.path for e in generation.manifest.entries if e.type == "file" and e.stored]

    restored = tmp_path / "restored"
    done = run_cli("restore", "--from", "primary", "--to", restored)
    assert done.returncode == 0, done.stderr
    assert tree_bytes(restored / DATA) == want

    check = json.loads(run_cli("check", "--json").stdout)
    primary = json.dumps(check)
    assert "check.file_damaged" not in primary and "check.unexpected_item" not in primary and "check.source_differs" not in primary and "check.generation_ok" in primary, primary

    store_password_for_cli(cli_env, config.setup_id)
    with_repo(tmp_path, config, newest)
    drilled = tmp_path / "drilled"
    drill = run_cli("drill", "--to", drilled)
    assert drill.returncode == 0, drill.stderr
    assert tree_bytes(drilled / DATA) == want


def make_like_hfs_plus(generation_path: Path) -> int:
    """Renames every name in a generation to its NFD form, as HFS+ stores names; returns how many changed."""
    changed = 0
    for folder, dirnames, filenames in os.walk(generation_path, topdown=False):
        os.chmod(folder, 0o755)
        for name in dirnames + filenames:
            decomposed = unicodedata.normalize("NFD", name)
            if decomposed != name:
                os.rename(os.path.join(folder, name), os.path.join(folder, decomposed))
                changed += 1
    for folder, _dirs, _files in os.walk(generation_path):
        os.chmod(folder, 0o555)
    return changed


def test_a_drive_that_decomposes_names_checks_clean_and_restores_the_source_spelling(tmp_path):
    config, source = set_up(tmp_path)
    composed = unicodedata.normalize("NFC", "Gebühren Übersicht.txt")
    (source / composed).write_bytes(b"composed")
    (source / NFD).write_bytes(b"decomposed")
    (source / "Ärger: Meier").mkdir()
    (source / "Ärger: Meier" / "Brief?.txt").write_bytes(b"renamed in a renamed folder")
    generation = new_generation(config)
    assert make_like_hfs_plus(generation.path) == 2  # the composed file and the folder (under its safe name)

    check = check_generation(generation, source)
    assert check.clean, (check.mismatches, check.source_differs)
    assert check.files == 5 + 3

    to = tmp_path / "restored"
    report = restore_from_primary(generation.path, to)
    assert report.verified and report.files == 8
    names = set(os.listdir(os.fsencode(to / DATA)))
    assert os.fsencode(composed) in names and os.fsencode(NFD) in names
    assert os.fsencode("Ärger: Meier") in names
    assert os.listdir(to / DATA / "Ärger: Meier") == ["Brief?.txt"]
    assert tree_bytes(to / DATA) == tree_bytes(source)


def test_verification_still_sees_a_missing_file_and_an_extra_one_by_their_original_names(tmp_path):
    config, source = set_up(tmp_path)
    (source / "Frage?.txt").write_bytes(b"question")
    generation = new_generation(config)
    to = tmp_path / "copy"
    restore_from_primary(generation.path, to)
    (to / DATA / "Frage?.txt").unlink()
    (to / DATA / "Frage\uff1f.txt").write_bytes(b"question")  # the stored name is not the original
    _counts, mismatches = verify_tree(to, Manifest.read(to / MANIFEST_NAME))
    assert [(m.path, m.problem) for m in mismatches] == [
        (f"{DATA}/Frage?.txt", "missing"), (f"{DATA}/Frage\uff1f.txt", "unexpected")]


def test_the_how_to_restore_text_explains_the_safe_names_in_both_languages():
    assert "\uff1a" in HOW_TO_RESTORE and "CON_" in HOW_TO_RESTORE and "~2" in HOW_TO_RESTORE
    assert '"stored"' in HOW_TO_RESTORE
    assert "Sichere Namen" in HOW_TO_RESTORE or "sicheren Namen" in HOW_TO_RESTORE


def test_an_older_how_to_restore_text_is_brought_up_to_date_by_the_next_backup(tmp_path):
    config, _source = set_up(tmp_path)
    how_to = target_of(config).backups_root / "HOW-TO-RESTORE.txt"
    os.chmod(how_to, 0o644)
    how_to.write_bytes("\ufeffan older text without safe names".encode("utf-8"))
    new_generation(config)
    text = how_to.read_bytes().decode("utf-8")
    assert text == "\ufeff" + HOW_TO_RESTORE and "Sichere Namen" in text
