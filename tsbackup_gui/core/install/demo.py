"""A realistic timeSensor LEGAL installation to try everything on, with no timeSensor installed.

The demo is laid out as a ``--root`` tree in the macOS layout (the only one
with both modes): the data folder with a seeded pseudo-random data file,
index and journal, 4D's backup settings, `STUFF/BACKUP` with numbered
archive sets (one split), their log backups, backupHistory.json and 4D's
backup journal, office documents with German names, an empty folder and an
empty file, plus three demo targets under `Volumes/` (a backup drive, a
second drive to try rotation with, an off-site folder). The newest archive is
fresh relative to ``now``, so the demo shows the "all good" path first.

The demo's `Volumes/<name>` folders stand for external drives: `demo_volume`
tells the disk checks (`drives.disks.same_disk`, the wizard's drive list) to
treat them as drives apart from the demo's data, though they share the real
disk, so a newcomer sees the product's green path and not a same-disk warning.

Creating a demo never touches a folder that holds anything else: a
non-empty folder is used only when it carries the demo marker, and then
only the demo's own files are rewritten (their mtimes move with ``now``).
"""

from __future__ import annotations

import json
import os
import random
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from tsbackup_gui.core.clock import Clock
from tsbackup_gui.core.errors import Exit, UserError
from tsbackup_gui.core.messages import QT_TRANSLATE_NOOP, Message, define

VARIANTS = ("single-user", "server")
MARKER = ".tsbackup-demo.json"
DATA_FOLDER = "timeSensor DataFiles"
VOLUMES = "Volumes"
ARCHIVE_NUMBERS = (91, 92, 93)
SPLIT_NUMBER = 93
_MB = 1024 * 1024

DEMO_CREATED_SINGLE = define("demo.created_single", QT_TRANSLATE_NOOP("core", "A demo single-user installation of timeSensor LEGAL is ready in {root}."))
DEMO_CREATED_SERVER = define("demo.created_server", QT_TRANSLATE_NOOP("core", "A demo timeSensor LEGAL server installation is ready in {root}."))
DEMO_DATA = define("demo.data", QT_TRANSLATE_NOOP("core", "Its data folder: {path}"))
DEMO_ARCHIVES = define("demo.archives", QT_TRANSLATE_NOOP("core", "4D's own backups in it: {path}"))
DEMO_PRIMARY = define("demo.primary", QT_TRANSLATE_NOOP("core", "Demo backup drive (for the primary backup): {path}"))
DEMO_SECONDARY = define("demo.secondary", QT_TRANSLATE_NOOP("core", "Demo off-site folder (for the secondary backup): {path}"))
DEMO_TRY = define("demo.try", QT_TRANSLATE_NOOP("core", "To see what the assistant finds there, run: tsbackup detect --root '{root}' --os macos"))
DEMO_NOT_EMPTY = define("demo.not_empty", QT_TRANSLATE_NOOP("core", "The folder {path} is not empty and holds no demo. Choose a new or empty folder for the demo."))
DEMO_OTHER_VARIANT = define("demo.other_variant", QT_TRANSLATE_NOOP("core", "The folder {path} already holds a different demo. Choose a new or empty folder for this one."))
DEMO_NOT_FOLDER = define("demo.not_folder", QT_TRANSLATE_NOOP("core", "{path} is a file, not a folder. Choose a new or empty folder for the demo."))
DEMO_WRITE_FAILED = define("demo.write_failed", QT_TRANSLATE_NOOP("core", "The demo could not be written to {path} ({reason}). Choose a folder you may write to."))


@dataclass(frozen=True)
class DemoLayout:
    """Where the parts of a demo installation are (real paths under ``root``)."""

    root: Path
    variant: str
    data_dir: Path
    backup_dir: Path
    newest_archive: Path
    server_program: Path | None
    user_support_dir: Path
    primary_target: Path
    secondary_target: Path
    os_name: str = "macos"
    second_target: Path | None = None  # a second demo drive ("Backup drives…" in the status window)

    def to_json(self) -> dict[str, Any]:
        return {
            "root": str(self.root), "variant": self.variant, "os": self.os_name,
            "data_dir": str(self.data_dir), "backup_dir": str(self.backup_dir),
            "newest_archive": str(self.newest_archive),
            "server_program": str(self.server_program) if self.server_program else None,
            "user_support_dir": str(self.user_support_dir),
            "primary_target": str(self.primary_target), "secondary_target": str(self.secondary_target),
            "second_target": str(self.second_target) if self.second_target else None,
        }

    def messages(self) -> list[Message]:
        created = DEMO_CREATED_SERVER if self.variant == "server" else DEMO_CREATED_SINGLE
        return [
            created(root=str(self.root)),
            DEMO_DATA(path=str(self.data_dir)),
            DEMO_ARCHIVES(path=str(self.backup_dir)),
            DEMO_PRIMARY(path=str(self.primary_target)),
            DEMO_SECONDARY(path=str(self.secondary_target)),
            DEMO_TRY(root=str(self.root)),
        ]


def create_demo(dir: Path, variant: str = "single-user", now: datetime | None = None) -> DemoLayout:  # noqa: A002 - the contract's name
    """Lays out (or refreshes) a demo installation under ``dir``; refuses a foreign non-empty folder."""
    if variant not in VARIANTS:
        raise ValueError(f"unknown demo variant {variant!r}")
    now = (now or Clock().now()).astimezone()
    root = Path(dir).expanduser().absolute()
    _check_target(root, variant)
    try:
        return _lay_out(root, variant, now)
    except OSError as exc:
        raise UserError(DEMO_WRITE_FAILED(path=str(root), reason=exc.strerror or type(exc).__name__), Exit.USAGE) from exc


def _check_target(root: Path, variant: str) -> None:
    if root.exists() and not root.is_dir():
        raise UserError(DEMO_NOT_FOLDER(path=str(root)), Exit.USAGE)
    if not root.exists():
        return
    try:
        empty = not any(root.iterdir())
    except OSError as exc:
        raise UserError(DEMO_WRITE_FAILED(path=str(root), reason=exc.strerror or type(exc).__name__), Exit.USAGE) from exc
    if empty:
        return
    marker = root / MARKER
    try:
        known = json.loads(marker.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise UserError(DEMO_NOT_EMPTY(path=str(root)), Exit.USAGE) from None
    if not isinstance(known, dict) or known.get("variant") != variant:
        raise UserError(DEMO_OTHER_VARIANT(path=str(root)), Exit.USAGE)


class _Writer:
    """Writes files with chosen mtimes; the random bytes are seeded, so a demo is always the same."""

    def __init__(self, seed: str):
        self.rng = random.Random(seed)

    def file(self, path: Path, data: bytes, when: datetime) -> Path:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        stamp = when.timestamp()
        os.utime(path, (stamp, stamp))
        return path

    def noise(self, size: int, header: bytes = b"") -> bytes:
        return header + self.rng.randbytes(max(0, size - len(header)))


def _lay_out(root: Path, variant: str, now: datetime) -> DemoLayout:
    w = _Writer(f"tsbackup-demo-{variant}")
    server = variant == "server"
    if server:
        install_dir = "/Applications/timeSensor Server"
        data_posix = f"{install_dir}/{DATA_FOLDER}"
        user, hour = "admin", (2, 0)
        program_posix = f"{install_dir}/timeSensor Server.app"
    else:
        data_posix = f"/Users/Shared/{DATA_FOLDER}"
        user, hour = "kanzlei", (12, 30)
        program_posix = "/Applications/timeSensor LEGAL.app"
    data = root / data_posix.lstrip("/")
    backup = data / "STUFF" / "BACKUP"
    root.mkdir(parents=True, exist_ok=True)
    (root / MARKER).write_text(json.dumps({"variant": variant, "os": "macos", "created": now.isoformat()}), encoding="utf-8")

    # the program (a server app next to the data folder, or the single-user app)
    program = root / program_posix.lstrip("/")
    name = program.name[:-4]
    w.file(program / "Contents" / "Info.plist", _plist(name), now - timedelta(days=200))
    w.file(program / "Contents" / "MacOS" / name, w.noise(64 * 1024, b"\xcf\xfa\xed\xfe"), now - timedelta(days=200))
    os.chmod(program / "Contents" / "MacOS" / name, 0o755)

    # live database files
    live = now - timedelta(minutes=12)
    w.file(data / "timeSensor.4DD", w.noise(3 * _MB, b"4DDATA\x00\x12"), live)
    w.file(data / "timeSensor.4DIndx", w.noise(512 * 1024, b"4DINDX\x00\x12"), live)
    w.file(data / "timeSensor.journal", w.noise(96 * 1024, b"4DLOG\x00"), live)
    w.file(data / "External Data" / "Blob_0001.4DBlob", w.noise(40 * 1024), live - timedelta(days=3))

    # 4D's backups: sets 91..93 (93 split in two), log backups 90..92, history, journal
    last = now.replace(hour=hour[0], minute=hour[1], second=0, microsecond=0)
    if last > now - timedelta(hours=1):
        last -= timedelta(days=1)
    history: list[dict[str, Any]] = []
    journal: list[str] = []
    newest = backup / f"timeSensor[{SPLIT_NUMBER:04d}-0001].4BK"
    for number in ARCHIVE_NUMBERS:
        start = last - timedelta(days=ARCHIVE_NUMBERS[-1] - number)
        end = start + timedelta(seconds=38 + number % 7)
        if number == SPLIT_NUMBER:
            names = [f"timeSensor[{number:04d}-0001].4BK", f"timeSensor[{number:04d}-0002].4BK"]
            sizes = [_MB, 320 * 1024]
        else:
            names, sizes = [f"timeSensor[{number:04d}].4BK"], [_MB + number * 2048]
        for file_name, size in zip(names, sizes):
            w.file(backup / file_name, w.noise(size, b"4DBK"), end)
        log_name = f"timeSensor[{number - 1:04d}].4BL"
        w.file(backup / log_name, w.noise(24 * 1024 + number * 512, b"4DBL"), end)
        history.append({
            "backupPath": f"{data_posix}/STUFF/BACKUP/{names[0]}",
            "dataPath": f"{data_posix}/timeSensor.4DD",
            "logPath": f"{data_posix}/STUFF/BACKUP/{log_name}",
            "startingDate": start.strftime("%Y-%m-%dT%H:%M:%S"),
            "endingDate": end.strftime("%Y-%m-%dT%H:%M:%S"),
            "status": "OK",
            "backupNumber": number,
            "duration": int((end - start).total_seconds() * 1000),
        })
        journal.append(f"{start:%Y-%m-%d}\t{start:%H:%M:%S}\tStart of backup {number}")
        journal.append(f"{end:%Y-%m-%d}\t{end:%H:%M:%S}\tBackup {number} finished: {names[0]}")
    structure = f"{program_posix}/Contents/Database/timeSensor.4DC"
    w.file(backup / "backupHistory.json", json.dumps({structure: history}, indent=2).encode(), last + timedelta(seconds=45))
    w.file(data / "Logs" / "Backup Journal[001].txt", ("\r\n".join(journal) + "\r\n").encode("utf-8"), last + timedelta(seconds=45))
    w.file(data / "Settings" / "Backup.4DSettings", _settings(data_posix, hour, last), last + timedelta(seconds=45))

    # what the office keeps next to the database
    docs = data / "Dokumente"
    for offset, (relative, size, header) in enumerate([
        ("Müller & Söhne/Honorarnote 2026-11.pdf", 48 * 1024, b"%PDF-1.7\n"),
        ("Müller & Söhne/Korrespondenz/Brief an Frau Zürcher.docx", 22 * 1024, b"PK\x03\x04"),
        ("Müller & Söhne/Korrespondenz/Aktennotiz Besprechung 14.11.2026.pdf", 31 * 1024, b"%PDF-1.7\n"),
        ("Gebühren/Übersicht Gebühren 2026.xlsx", 18 * 1024, b"PK\x03\x04"),
        ("Vorlagen/Mandatsvertrag – Vorlage.dotx", 27 * 1024, b"PK\x03\x04"),
        ("Grüningen AG/Vollmacht Grüningen AG.pdf", 12 * 1024, b"%PDF-1.7\n"),
    ]):
        w.file(docs / relative, w.noise(size, header), now - timedelta(days=3 + 9 * offset, hours=offset))
    (docs / "Leerer Ordner").mkdir(parents=True, exist_ok=True)
    w.file(docs / "Notizen" / "leer.txt", b"", now - timedelta(days=40))

    # what 4D left in the user's folder: the data file it opened last
    support = root / "Users" / user / "Library" / "Application Support" / "timeSensor"
    w.file(support / "lastDataPath.xml", _last_data_path(f"{program_posix}/", f"{data_posix}/timeSensor.4DD"), live)

    primary = root / VOLUMES / "Backup Drive"
    secondary = root / VOLUMES / "Offsite NAS"
    second = root / VOLUMES / "Second Drive"
    for folder in (primary, secondary, second):
        folder.mkdir(parents=True, exist_ok=True)
    return DemoLayout(
        root=root, variant=variant, data_dir=data, backup_dir=backup, newest_archive=newest,
        server_program=program if server else None, user_support_dir=support,
        primary_target=primary, secondary_target=secondary, second_target=second,
    )


def demo_volume(path: Path | str) -> bool:
    """True when ``path`` lies on one of a demo's stand-in drives (``<demo>/Volumes/<name>/…``, the demo's
    marker beside ``Volumes``): in the demo they count as external drives, apart from the demo's data."""
    try:
        here = Path(path).absolute()
    except (OSError, ValueError):
        return False
    for folder in (here, *here.parents):
        volumes = folder.parent
        if volumes.name == VOLUMES and volumes != folder and (volumes.parent / MARKER).is_file():
            return True
    return False


def _plist(name: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<plist version="1.0"><dict>\n'
        f"<key>CFBundleName</key><string>{name}</string>\n"
        "<key>CFBundleShortVersionString</key><string>18.1</string>\n</dict></plist>\n"
    ).encode()


def _settings(data_posix: str, hour: tuple[int, int], last: datetime) -> bytes:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<Preferences4D>
  <Backup>
    <Settings>
      <General>
        <DestinationFolder>{data_posix}/STUFF/BACKUP/</DestinationFolder>
      </General>
      <Scheduler>
        <Frequency>Daily</Frequency>
        <Daily>
          <Every>1</Every>
          <Hour>{hour[0]:02d}:{hour[1]:02d}:00</Hour>
        </Daily>
      </Scheduler>
      <Advanced>
        <SetNumber><Enable>True</Enable><Value>3</Value></SetNumber>
        <AutomaticRestore>True</AutomaticRestore>
        <AutomaticLogIntegration>True</AutomaticLogIntegration>
      </Advanced>
    </Settings>
    <DataBase>
      <LastBackupDate><Item1>{last:%Y-%m-%d}T00:00:00</Item1></LastBackupDate>
      <LastBackupTime><Item1>0000-00-00T{last:%H:%M:%S}</Item1></LastBackupTime>
      <LastBackupPath><Item1>{data_posix}/STUFF/BACKUP/timeSensor[{SPLIT_NUMBER:04d}-0001].4BK</Item1></LastBackupPath>
    </DataBase>
  </Backup>
</Preferences4D>
""".encode()


def _last_data_path(executable: str, data_file: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<lastDataPath>\n'
        f'  <entry executablePath="{_xml(executable)}" dataFilePath="{_xml(data_file)}"/>\n'
        "</lastDataPath>\n"
    ).encode()


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
