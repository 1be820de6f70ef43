"""The whole cycle on real exFAT, FAT32 and NTFS drives (FUSE, see fs_mounts): nothing is assumed.

Setup, a first run, a changed run, the monthly check, a third run whose
retention removes the oldest generation, a restore from the backup drive and
the yearly drill, through the real `tsbackup` command (the check in this process, on the runs' clock) on a drive image
of that file system. The source holds, besides plain and umlaut names, the
names Windows drives refuse or merge (`hard_names.HARD`: ``:``, ``?``, ``*``,
``"``, ``<``, ``>``, ``|``, a trailing dot and space, ``CON``, a case twin, a
tab) and a decomposed (NFD) name. Every restored tree is compared with the
source byte for byte, names as raw bytes included (NFD stays NFD). exFAT and FAT32 can neither link nor hold read-only files: every
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
from hard_names import HARD, NFD, add_hard_names, tree_bytes

from tsbackup_gui.app.backup import back_up_now
from tsbackup_gui.app.check import monthly_check
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


NEW = nfc("Dokumente/Neue Akte Müßig.txt")
CASES = [
    pytest.param("exfat", {**PLAIN_FILES, **UMLAUT_FILES}, HARD, NEW, id="exfat"),
    pytest.param("ntfs", {**PLAIN_FILES, **UMLAUT_FILES}, HARD, NEW, id="ntfs"),
    pytest.param("smb", {**PLAIN_FILES, **UMLAUT_FILES}, {k: v for k, v in HARD.items() if "%" not in k}, NEW,
                 id="smb"),
    pytest.param("fat32", {**PLAIN_FILES, **UMLAUT_FILES}, HARD, NEW, id="fat32"),
]
#: The SMB client here, smbnetfs, hands names to libsmbclient as smb:// URLs: it percent-decodes a name
#: on the way in (``a%20b.txt`` is stored as ``a b.txt``) and lists a stored ``%`` as ``%25``. No other
#: SMB client does that (Windows, macOS and Linux's cifs keep ``%`` as it is), so the SMB cycle leaves
#: out the one hard name with a ``%``; the product treats ``%`` as an ordinary character everywhere.
#: Of `HARD`, the names the product stores under another name (everything but these three).
KEPT_AS_THEY_ARE = ("Akte.txt", NFD, "Normal 50%.txt")


@pytest.mark.slow
@pytest.mark.parametrize("kind, files, hard, new_name", CASES)
def test_the_whole_cycle_on_a_real_drive(kind, files, hard, new_name, tmp_path, run_cli, tsbackup_home):
    with mounted(kind, tmp_path / "disk") as drive:
        source = build_source(tmp_path / "Shared", files)
        add_hard_names(source, hard)
        assert os.fsencode(NFD) in tree_bytes(source)  # really decomposed on the source's disk
        count = 9 + len(hard)
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
        # the names stored under a safe name are said once, as a warning; the generation is whole
        assert (first.outcome, first.exit_code, first.files) == ("warning", 1, count), [m.english() for m in first.reasons]
        assert [m.id for m in first.reasons] == ["primary.safe_names"], [m.english() for m in first.reasons]
        assert first.offsite is None or first.offsite["outcome"] == "ok"
        (one,) = generations_on(computer_dir)
        renamed = {e["path"]: e["stored"] for e in manifest_of(computer_dir, one)["entries"] if e.get("stored")}
        assert {path.removeprefix(DATA + "/") for path in renamed} == (
            {name for name in hard if name not in KEPT_AS_THEY_ARE and "/" not in name} | {"Ordner: 2024"} |
            {name for name in hard if name.startswith("Ordner: 2024/")})
        on_drive = set(os.listdir(computer_dir / one / DATA))
        assert "Vertrag Meier\uff1aMüller 2024.docx" in on_drive and "CON_" in on_drive and "akte~2.txt" in on_drive
        assert NFD in on_drive  # the drive keeps the decomposed spelling (a safe name is not needed)
        state, codes = status_codes(MONDAY + timedelta(minutes=5))
        # the safe names make the run a warning; a drive without read-only bits is said once in the
        # details (the backups can be restored, they are only less protected)
        expected = (["primary.safe_names"] + ([] if HOLDS_READ_ONLY[kind] else ["status.drive_unprotected"]) +
                    ([] if OFFSITE[kind] else ["status.no_offsite"]))
        assert (state, codes) == ("warning", expected), (state, codes)
        data_file = computer_dir / one / DATA / "timeSensor.4DD"
        assert (os.stat(data_file).st_mode & 0o222 == 0) is HOLDS_READ_ONLY[kind]

        change_source(source, new_name)
        second = run_at(MONDAY + timedelta(days=1))
        assert (second.outcome, second.exit_code) == ("ok", 0), [m.english() for m in second.reasons]
        two = generations_on(computer_dir)[-1]
        manifest = manifest_of(computer_dir, two)
        assert manifest["files"] == count
        if CAN_LINK[kind]:  # the unchanged files are links to the first generation's copies, safe names too
            assert (manifest["linked"], manifest["copied"]) == (count - 2, 2)
            for same in ("timeSensor.4DD", "Vertrag Meier\uff1aMüller 2024.docx", NFD):
                assert os.stat(computer_dir / one / DATA / same).st_ino == os.stat(computer_dir / two / DATA / same).st_ino
        else:  # no links: a full copy, every time
            assert (manifest["linked"], manifest["copied"]) == (0, count)

        # the check in this process on the runs' clock (its off-site copy is a day old, not months)
        check = monthly_check(clock=FixedClock(MONDAY + timedelta(days=1, hours=1)), confirm_external=True)
        said = json.dumps(check.to_json(), ensure_ascii=False)
        assert check.exit_code == (0 if OFFSITE[kind] else 1), said
        findings = check.to_json()["findings"]
        warned = [f["code"] for f in findings if f["severity"] != "ok"]
        assert warned == ([] if OFFSITE[kind] else ["status.no_offsite"]), said
        assert {"check.generation_ok", "check.source_ok"} <= {f["code"] for f in findings}
        assert manifest_of(computer_dir, two).get("verified"), "the clean check marks the generation verified"

        (source / "timeSensor.journal").write_bytes(os.urandom(6_000))
        third = run_at(MONDAY + timedelta(days=3))  # Thursday: Monday's generation is kept by no rule
        assert (third.outcome, third.exit_code) == ("ok", 0), [m.english() for m in third.reasons]
        kept = generations_on(computer_dir)
        assert one not in kept and two in kept and len(kept) == 2, kept
        assert not [p.name for p in computer_dir.iterdir() if p.name.startswith(".partial-")]
        if CAN_LINK[kind]:  # what the newer generations linked from the deleted one is still there
            for same in ("timeSensor.4DD", "Vertrag Meier\uff1aMüller 2024.docx", NFD):
                assert (computer_dir / kept[-1] / DATA / same).stat().st_nlink == 2

        want = tree_bytes(source)
        restored = tmp_path / "restored"
        back = run_cli("restore", "--from", "primary", "--to", restored)
        assert back.returncode == 0, back.stdout + back.stderr
        assert tree_bytes(restored / DATA) == want

        if not OFFSITE[kind]:
            return
        drilled = tmp_path / "drilled"
        drill = run_cli("drill", "--to", drilled)
        assert drill.returncode == 0, drill.stdout + drill.stderr
        assert tree_bytes(drilled / DATA) == want


@pytest.mark.slow
def test_the_fat32_drive_of_these_tests_is_as_strict_as_fat32(tmp_path):
    """The FAT32 mount (tests/fatfuse.py) must not pass the cycle by being lenient: it merges names
    that differ only in case, keeps an NFD name as written, refuses what FAT32 refuses, and has no
    links, no modes, and times in 2-second steps."""
    import errno

    with mounted("fat32", tmp_path / "disk", size_mb=40) as drive:
        (drive / "Akte.txt").write_bytes(b"upper")
        (drive / "akte.txt").write_bytes(b"lower")  # the same file on FAT32
        assert os.listdir(drive) == ["Akte.txt"] and (drive / "AKTE.TXT").read_bytes() == b"lower"
        (drive / NFD).write_bytes(b"decomposed")
        assert os.fsencode(NFD) in os.listdir(os.fsencode(drive))
        for refused in ("a:b", "Frage?", "Tab\tName"):
            with pytest.raises(OSError) as error:
                (drive / refused).write_bytes(b"x")
            assert error.value.errno == errno.EINVAL
        (drive / "Ende. ").write_bytes(b"trailing")  # stored without the trailing dot and space
        assert (drive / "Ende").read_bytes() == b"trailing" and "Ende" in os.listdir(drive)
        with pytest.raises(OSError) as error:
            os.link(drive / "Akte.txt", drive / "Akte 2.txt")
        assert error.value.errno == errno.EPERM
        with pytest.raises(OSError):
            os.symlink("Akte.txt", drive / "Verweis")
        os.chmod(drive / "Akte.txt", 0o444)  # accepted, and nothing changes
        assert os.stat(drive / "Akte.txt").st_mode & 0o777 == 0o644
        os.utime(drive / "Akte.txt", ns=(1_770_000_001_700_000_000,) * 2)
        assert os.stat(drive / "Akte.txt").st_mtime_ns == 1_770_000_000_000_000_000
        (drive / "Ordner" / "Unterordner").mkdir(parents=True)
        (drive / "Ordner" / "Unterordner" / "Größe.pdf").write_bytes(b"inside")
        os.rename(drive / "Ordner", drive / "Ordner 2")
        os.rename(drive / "Ordner 2" / "Unterordner", drive / "Oben")
        assert (drive / "oben" / "größe.pdf").read_bytes() == b"inside"
        assert os.listdir(drive / "Ordner 2") == []
        usage = os.statvfs(drive)
        assert 38_000_000 < usage.f_blocks * usage.f_frsize <= 40 * 1024 * 1024
        assert usage.f_bavail < usage.f_blocks
