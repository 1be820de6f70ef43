"""Small builders of real timeSensor/4D file trees for the detection tests.

Each builder writes actual files (with chosen mtimes) under a root folder that
the tests pass as ``--root``; nothing is mocked.
"""

from __future__ import annotations

import json
import os
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

ZURICH = ZoneInfo("Europe/Zurich")
#: The fixed "now" of the tests (a Friday morning, Zurich time).
NOW = datetime(2026, 11, 27, 9, 0, tzinfo=ZURICH)
DATA = "timeSensor DataFiles"


def write(path: Path, data: bytes = b"x", when: datetime | None = None) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    if when is not None:
        os.utime(path, (when.timestamp(), when.timestamp()))
    return path


def data_folder(folder: Path, when: datetime = NOW) -> Path:
    """A data folder with the live files of a running database."""
    write(folder / "timeSensor.4DD", b"4DD" * 1000, when)
    write(folder / "timeSensor.4DIndx", b"IDX" * 100, when)
    write(folder / "timeSensor.journal", b"LOG" * 10, when)
    write(folder / "Dokumente" / "Müller & Söhne" / "Honorarnote 2026-11.pdf", b"%PDF-1.7", when - timedelta(days=5))
    return folder


def archives(
    folder: Path,
    ages: dict[int, float],
    *,
    now: datetime = NOW,
    name: str = "timeSensor",
    split: dict[int, int] | None = None,
    logs: bool = True,
    zero: set[str] | None = None,
    skip: set[str] | None = None,
) -> Path:
    """Archive sets ``number -> age in hours``; split sets get ``segments`` files; logs N-1 beside each."""
    split = split or {}
    zero = zero or set()
    skip = skip or set()
    for number, hours in ages.items():
        when = now - timedelta(hours=hours)
        if number in split:
            names = [f"{name}[{number:04d}-{segment:04d}].4BK" for segment in range(1, split[number] + 1)]
        else:
            names = [f"{name}[{number:04d}].4BK"]
        for file_name in names:
            if file_name not in skip:
                write(folder / file_name, b"" if file_name in zero else b"4DBK" * 256, when)
        log_name = f"{name}[{number - 1:04d}].4BL"
        if logs and log_name not in skip:
            write(folder / log_name, b"4DBL" * 64, when)
    return folder


def settings_xml(
    frequency: str | None = "Daily",
    hour: str = "02:00:00",
    destination: str | None = None,
    every: int | None = None,
    weekly_days: tuple[str, ...] = (),
) -> bytes:
    general = f"<General><DestinationFolder>{destination}</DestinationFolder></General>" if destination is not None else ""
    every_xml = f"<Every>{every}</Every>" if every is not None else ""
    scheduler = ""
    if frequency is not None:
        sections = f"<Daily>{every_xml}<Hour>{hour}</Hour></Daily><Hourly>{every_xml}</Hourly>"
        days = "".join(f"<{day}><Save>True</Save><Hour>{hour}</Hour></{day}>" for day in weekly_days)
        sections += f"<Weekly>{every_xml}{days}</Weekly>"
        scheduler = f"<Scheduler><Frequency>{frequency}</Frequency>{sections}</Scheduler>"
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<Preferences4D><Backup><Settings>'
        f"{general}{scheduler}"
        "<Advanced><SetNumber><Enable>True</Enable><Value>3</Value></SetNumber></Advanced>"
        "</Settings></Backup></Preferences4D>\n"
    ).encode()


def settings(data_dir: Path, *, old_style: bool = False, **kwargs) -> Path:
    parts = ("Preferences", "Backup", "Backup.xml") if old_style else ("Settings", "Backup.4DSettings")
    return write(data_dir.joinpath(*parts), settings_xml(**kwargs))


def history(folder: Path, entries: list[dict]) -> Path:
    return write(folder / "backupHistory.json", json.dumps({"C:\\Program Files\\timeSensor\\timeSensor.4DC": entries}).encode())


def last_data_path(support: Path, data_file: str) -> Path:
    xml = f'<?xml version="1.0"?><root><entry executablePath="x" dataFilePath="{data_file}"/></root>'
    return write(support / "lastDataPath.xml", xml.encode())


# -- whole installations -------------------------------------------------------

def mac_single_user(root: Path, ages: dict[int, float] | None = None) -> Path:
    data = data_folder(root / "Users" / "Shared" / DATA)
    settings(data, frequency="Daily", hour="12:30:00")
    archives(data / "STUFF" / "BACKUP", ages or {11: 30, 12: 6})
    return data


def mac_server(root: Path, ages: dict[int, float] | None = None) -> Path:
    server = root / "Applications" / "timeSensor Server"
    write(server / "timeSensor Server.app" / "Contents" / "Info.plist", b"<plist/>")
    data = data_folder(server / DATA)
    settings(data)
    archives(data / "STUFF" / "BACKUP", ages or {41: 50, 42: 26.5, 43: 7})
    return data


def windows_server_program(root: Path) -> Path:
    return write(root / "C" / "ProgramData" / "timeSensorProgram" / "timeSensor Server" / "timeSensor.exe", b"MZ")


def windows_documents_server(root: Path, user: str = "Administrator") -> Path:
    windows_server_program(root)
    (root / "C" / "Users" / "Public" / "Documents").mkdir(parents=True)
    data = data_folder(root / "C" / "Users" / user / "Documents" / DATA)
    settings(data)
    archives(data / "STUFF" / "BACKUP", {7: 20})
    return data


def windows_drive_server(root: Path, letter: str = "D") -> Path:
    windows_server_program(root)
    (root / "C" / "Users" / "Administrator" / "Documents").mkdir(parents=True)
    data = data_folder(root / letter / DATA)
    settings(data)
    archives(data / "STUFF" / "BACKUP", {300: 10, 301: 3})
    return data


def windows_workstation(root: Path, user: str = "sekretariat") -> Path:
    write(root / "C" / "ProgramData" / "timeSensorProgram" / "timeSensor Client" / "timeSensor Client.exe", b"MZ")
    support = root / "C" / "Users" / user / "AppData" / "Roaming" / "timeSensor"
    return write(support / "lastServer.xml", b'<?xml version="1.0"?><server address="192.168.1.10:19813"/>')


def mac_workstation(root: Path, user: str = "anna") -> Path:
    support = root / "Users" / user / "Library" / "Application Support" / "timeSensor"
    return write(support / "lastServer.xml", b'<?xml version="1.0"?><server address="kanzlei-server.local"/>')
