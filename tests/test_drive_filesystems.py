"""The whole cycle on real exFAT, FAT32 and NTFS drives (FUSE, see fs_mounts): nothing is assumed.

Setup, a first run, a changed run, the monthly check, a third run whose
retention removes the oldest generation, a restore from the backup drive and
the yearly drill, each through the real `tsbackup` command on a drive image
of that file system. Every restored tree is compared with the source, names
and bytes. exFAT and FAT32 can neither link nor hold read-only files: every
generation is a full copy, and the status says once that the drive cannot
protect its backups.
"""

from __future__ import annotations

import json
import os
import unicodedata
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from fs_mounts import mounted
from test_restic_support import tree_bytes

from tsbackup_gui.app.backup import back_up_now
from tsbackup_gui.app.status import current_status
from tsbackup_gui.core.clock import FixedClock
from tsbackup_gui.core.store import config as config_mod

ZURICH = ZoneInfo("Europe/Zurich")
MONDAY = datetime(2026, 3, 2, 18, 30, tzinfo=ZURICH)
DATA = "timeSensor DataFiles"
COMPUTER = "Empfang"
PASSWORD = "Kanzlei-Ölberg-2026-Passwort"


def nfc(name: str) -> str:
    return unicodedata.normalize("NFC", name)


#: Names every target holds: plain ones, and umlauts composed (NFC) as Windows and Linux write them.
#: The lead extends these with the hard names (``:``, ``?``, NFD…) of issue 19's item 1.
PLAIN_FILES = {
    "timeSensor.4DD": 120_000,
    "timeSensor.4DIndx": 30_000,
    "timeSensor.journal": 4_000,
    "Settings/Backup.4DSettings": 200,
    "Dokumente/Brief 01.docx": 5_000,
    "Dokumente/Brief 02.docx": 5_001,
    "Leer/": 0,  # an empty folder
}
UMLAUT_FILES = {
    nfc("Dokumente/Müller Vertrag 2024.docx"): 7_000,
    nfc("Dokumente/Übergabe Ärztekammer/Größe und Maß.pdf"): 9_000,
    nfc("Akten Zürich/Schlußrechnung Jäger.xlsx"): 3_000,
}
def build_source(root: Path, files: dict[str, int]) -> Path:
    """The data folder: `files` maps a relative name to its size (a name ending in / is an empty folder).
    Contents are random, so a wrong copy cannot pass by accident."""
    source = root / DATA
    source.mkdir(parents=True)
    for index, (rel, size) in enumerate(sorted(files.items())):
        path = source / rel
        if rel.endswith("/"):
            path.mkdir(parents=True, exist_ok=True)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(os.urandom(size))
        os.utime(path, ns=(1_770_000_000_000_000_000 + index * 10**9,) * 2)
    return source


def change_source(source: Path, new_name: str) -> None:
    """A day's work: one file changed, one new, one deleted."""
    (source / "timeSensor.journal").write_bytes(os.urandom(5_000))
    (source / new_name).write_bytes(b"Mandat 2026-17\n")
    (source / "Dokumente/Brief 02.docx").unlink()


def names_and_bytes(root: Path) -> dict[str, bytes | str]:
    """tree_bytes, with each name checked to be exactly what the file system lists (no normalising)."""
    found = tree_bytes(root)
    for rel in found:
        parent, _, name = rel.rpartition("/")
        assert name in os.listdir(root / parent if parent else root), rel
    return found


def generations_on(computer_dir: Path) -> list[str]:
    return sorted(p.name for p in computer_dir.iterdir() if not p.name.startswith("."))


def manifest_of(computer_dir: Path, generation: str) -> dict:
    return json.loads((computer_dir / generation / "tsbackup-manifest.json").read_text(encoding="utf-8"))


def run_at(moment: datetime):
    """One backup run at `moment` (in this process, the clock injected: libfaketime cannot time restic's waits)."""
    return back_up_now(config_mod.require(), clock=FixedClock(moment))


def status_codes(moment: datetime) -> tuple[str, list[str]]:
    status = current_status(moment)
    return status.state, [reason.code for reason in status.reasons]


#: What each file system can do, as the product must find out by itself.
CAN_LINK = {"exfat": False, "fat32": False, "ntfs": True, "smb": False}
#: exFAT, FAT32 and NTFS through ntfs-3g (without its `permissions` option) keep no read-only bits;
#: Samba keeps a chmod without write bits as the DOS read-only attribute and refuses writes then.
HOLDS_READ_ONLY = {"exfat": False, "fat32": False, "ntfs": False, "smb": True}
#: smbnetfs's worker crashes on listxattr (the share then answers EIO for two seconds), and restic
#: lists every file's extended attributes: the off-site copy cannot be read from this SMB client.
#: Windows' and macOS's SMB clients have no such defect; the SMB cycle leaves out the off-site step.
OFFSITE = {"exfat": True, "fat32": True, "ntfs": True, "smb": False}


#: FAT32 has only fusefat here (no kernel vfat in this container or in CI), and fusefat has two
#: defects real FAT32 does not have: it refuses every name beyond ASCII (EPERM), and it loses the
#: contents of a folder renamed while it holds files, so every generation (finished in `.partial-…`,
#: then renamed) is lost; the run says so (test_drive_capabilities). The FAT32 cycle stays here as an
#: expected failure that must start passing once a working FAT32 driver is found.
CASES = [
    pytest.param("exfat", {**PLAIN_FILES, **UMLAUT_FILES}, nfc("Dokumente/Neue Akte Müßig.txt"), id="exfat"),
    pytest.param("ntfs", {**PLAIN_FILES, **UMLAUT_FILES}, nfc("Dokumente/Neue Akte Müßig.txt"), id="ntfs"),
    pytest.param("smb", {**PLAIN_FILES, **UMLAUT_FILES}, nfc("Dokumente/Neue Akte Müßig.txt"), id="smb"),
    pytest.param("fat32", {**PLAIN_FILES, **UMLAUT_FILES}, nfc("Dokumente/Neue Akte Müßig.txt"), id="fat32",
                 marks=pytest.mark.xfail(strict=True, reason="fusefat loses a renamed folder's contents and refuses "
                                         "non-ASCII names")),
]


@pytest.mark.slow
@pytest.mark.parametrize("kind, files, new_name", CASES)
def test_the_whole_cycle_on_a_real_drive(kind, files, new_name, tmp_path, run_cli, tsbackup_home):
    with mounted(kind, tmp_path / "disk") as drive:
        source = build_source(tmp_path / "Shared", files)
        repo = tmp_path / "offsite" / "tsbackup"
        repo.parent.mkdir()
        offsite = ("--secondary", repo, "--password-stdin") if OFFSITE[kind] else ()
        setup = run_cli("setup", "--source", source, "--primary", drive, "--computer", COMPUTER, *offsite,
                        input=PASSWORD + "\n")
        assert setup.returncode == 0, setup.stdout + setup.stderr
        config = config_mod.require()
        config.created = (MONDAY - timedelta(days=3)).isoformat(timespec="seconds")
        config.keep_daily, config.keep_weekly, config.keep_monthly = 2, 1, 1
        config.recovery_sheet_confirmed = "2026-02-27"  # the office has printed and stored it
        config_mod.save(config)
        computer_dir = drive / "timeSensor Backups" / COMPUTER

        first = run_at(MONDAY)
        assert (first.outcome, first.exit_code, first.files) == ("ok", 0, 9), [m.english() for m in first.reasons]
        assert first.offsite is None or first.offsite["outcome"] == "ok"
        (one,) = generations_on(computer_dir)
        state, codes = status_codes(MONDAY + timedelta(minutes=5))
        # a drive without read-only bits is said once in the details; the state stays ok (the backups
        # can be restored, they are only less protected)
        expected = ([] if HOLDS_READ_ONLY[kind] else ["status.drive_unprotected"]) + ([] if OFFSITE[kind] else
                                                                                      ["status.no_offsite"])
        assert state == ("ok" if OFFSITE[kind] else "warning") and codes == expected, codes
        data_file = computer_dir / one / DATA / "timeSensor.4DD"
        assert (os.stat(data_file).st_mode & 0o222 == 0) is HOLDS_READ_ONLY[kind]

        change_source(source, new_name)
        second = run_at(MONDAY + timedelta(days=1))
        assert (second.outcome, second.exit_code) == ("ok", 0), [m.english() for m in second.reasons]
        two = generations_on(computer_dir)[-1]
        manifest = manifest_of(computer_dir, two)
        assert manifest["files"] == 9
        if CAN_LINK[kind]:  # the unchanged files are links to the first generation's copies
            assert (manifest["linked"], manifest["copied"]) == (7, 2)
            same = "timeSensor.4DD"
            assert os.stat(computer_dir / one / DATA / same).st_ino == os.stat(computer_dir / two / DATA / same).st_ino
        else:  # no links: a full copy, every time
            assert (manifest["linked"], manifest["copied"]) == (0, 9)

        check = run_cli("check", "--json", "--confirm-external")
        assert check.returncode == (0 if OFFSITE[kind] else 1), check.stdout + check.stderr
        findings = json.loads(check.stdout)["findings"]
        warned = [f["code"] for f in findings if f["severity"] != "ok"]
        assert warned == ([] if OFFSITE[kind] else ["status.no_offsite"]), check.stdout
        assert {"check.generation_ok", "check.source_ok"} <= {f["code"] for f in findings}
        assert manifest_of(computer_dir, two).get("verified"), "the clean check marks the generation verified"

        (source / "timeSensor.journal").write_bytes(os.urandom(6_000))
        third = run_at(MONDAY + timedelta(days=3))  # Thursday: Monday's generation is kept by no rule
        assert (third.outcome, third.exit_code) == ("ok", 0), [m.english() for m in third.reasons]
        kept = generations_on(computer_dir)
        assert one not in kept and two in kept and len(kept) == 2, kept
        assert not [p.name for p in computer_dir.iterdir() if p.name.startswith(".partial-")]
        if CAN_LINK[kind]:  # what the newer generations linked from the deleted one is still there
            assert (computer_dir / kept[-1] / DATA / "timeSensor.4DD").stat().st_nlink == 2

        restored = tmp_path / "restored"
        back = run_cli("restore", "--from", "primary", "--to", restored)
        assert back.returncode == 0, back.stdout + back.stderr
        assert names_and_bytes(restored / DATA) == names_and_bytes(source)

        if not OFFSITE[kind]:
            return
        drilled = tmp_path / "drilled"
        drill = run_cli("drill", "--to", drilled)
        assert drill.returncode == 0, drill.stdout + drill.stderr
        assert names_and_bytes(drilled / DATA) == names_and_bytes(source)
