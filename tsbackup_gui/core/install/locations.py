"""Where timeSensor LEGAL may live, per OS, and the traces its programs leave.

The places come from the vendor's pages (see context/4d-facts.md); all are
looked up through a `RootMap`, so a copy of an installation under
``--root DIR`` is probed exactly like the real disk. Linux has no
timeSensor; it uses the macOS places (demo data and tests).
"""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from tsbackup_gui.core.folder_look import list_dir
from tsbackup_gui.core.rootmap import RootMap, exists, is_file

DATA_FOLDER = "timeSensor DataFiles"
PROGRAM_FOLDER_PREFIX = "timesensor"
LAST_DATA_PATH = "lastDataPath.xml"
LAST_SERVER = "lastServer.xml"
_SKIP_USERS = {"all users", "default", "default user", "defaultuser0", "desktop.ini"}
_MAX_XML = 1_000_000


@dataclass
class Probe:
    """A place where a data folder may be."""

    path: Path
    label: str  # single-user | server | documents | public-documents | drive | last-opened
    hint_file: Path | None = None  # lastDataPath.xml that named it
    data_file: Path | None = None  # the data file named there
    hint_time: float = 0.0  # when that hint was written (newest opened first)


@dataclass
class Hint:
    """One `dataFilePath` from a lastDataPath.xml, mapped or not."""

    source: Path
    text: str
    data_file: Path | None
    written: float


@dataclass
class Traces:
    """Programs and per-user folders of timeSensor found on the machine."""

    server_programs: list[Path] = field(default_factory=list)
    client_programs: list[Path] = field(default_factory=list)
    user_folders: list[Path] = field(default_factory=list)
    last_server_files: list[Path] = field(default_factory=list)
    last_data_files: list[Path] = field(default_factory=list)

    @property
    def client_traces(self) -> list[Path]:
        """Signs that the client ran here: its program, lastServer.xml, per-user folders without a data hint."""
        hinted = {path.parent for path in self.last_data_files}
        bare = [folder for folder in self.user_folders if folder not in hinted and not _contains(folder, LAST_SERVER)]
        return [*self.client_programs, *self.last_server_files, *bare]


def is_mac_layout(os_name: str) -> bool:
    return os_name in ("macos", "linux")


def user_homes(mapper: RootMap) -> list[Path]:
    """Every user's home folder (`/Users/*` or `C:\\Users\\*`)."""
    if is_mac_layout(mapper.os_name):
        base = mapper.posix("/Users")
        homes = [Path(entry.path) for entry in list_dir(base) if _is_dir(entry) and entry.name not in ("Shared", ".localized")]
        if mapper.root is None:
            home = Path.home()
            if home not in homes:
                homes.append(home)
        return sorted(homes)
    base = _users_folder(mapper)
    if base is None:
        return []
    return sorted(Path(entry.path) for entry in list_dir(base) if _is_dir(entry) and entry.name.casefold() not in _SKIP_USERS)


def _users_folder(mapper: RootMap) -> Path | None:
    if mapper.root is None:
        if os.name != "nt":
            return None
        return Path(os.environ.get("SystemDrive", "C:") + "\\Users")
    return mapper.windows("C:\\Users")


def _program_data(mapper: RootMap) -> Path | None:
    if mapper.root is None and os.name == "nt":
        return Path(os.environ.get("ProgramData", "C:\\ProgramData"))
    return mapper.windows("C:\\ProgramData")


def data_probes(mapper: RootMap) -> list[Probe]:
    """The standard places of the data folder for the mapper's OS, most specific first."""
    if is_mac_layout(mapper.os_name):
        return [
            Probe(mapper.posix(f"/Users/Shared/{DATA_FOLDER}"), "single-user"),
            Probe(mapper.posix(f"/Applications/timeSensor Server/{DATA_FOLDER}"), "server"),
        ]
    probes: list[Probe] = []
    for home in user_homes(mapper):
        label = "public-documents" if home.name.casefold() == "public" else "documents"
        probes.append(Probe(RootMap.join(home, ["Documents", DATA_FOLDER]), label))
        for entry in list_dir(home):
            if entry.name.casefold().startswith("onedrive") and _is_dir(entry):
                for docs in ("Documents", "Dokumente"):
                    path = RootMap.join(Path(entry.path), [docs, DATA_FOLDER])
                    if exists(path):
                        probes.append(Probe(path, "documents"))
    for letter in mapper.drives():
        base = mapper.drive(letter)
        if base is not None:
            probes.append(Probe(RootMap.join(base, [DATA_FOLDER]), "drive"))
    return probes


def find_traces(mapper: RootMap) -> Traces:
    """Server and client programs, per-user folders and the XML files in them."""
    traces = Traces()
    if is_mac_layout(mapper.os_name):
        server_folder = mapper.posix("/Applications/timeSensor Server")
        traces.server_programs = [Path(e.path) for e in list_dir(server_folder) if e.name.casefold().endswith(".app")]
        for app in (mapper.posix("/Applications/timeSensor Server.app"),):
            if exists(app):
                traces.server_programs.append(app)
        for folder in (mapper.posix("/Users/Shared/timeSensorProgram"), mapper.posix("/Applications")):
            for entry in list_dir(folder):
                name = entry.name.casefold()
                if name.endswith(".app") and name.startswith(PROGRAM_FOLDER_PREFIX) and "client" in name:
                    traces.client_programs.append(Path(entry.path))
        support = [RootMap.join(home, ["Library", "Application Support"]) for home in user_homes(mapper)]
    else:
        program_data = _program_data(mapper)
        if program_data is not None:
            server = RootMap.join(program_data, ["timeSensorProgram", "timeSensor Server", "timeSensor.exe"])
            client = RootMap.join(program_data, ["timeSensorProgram", "timeSensor Client", "timeSensor Client.exe"])
            traces.server_programs = [server] if is_file(server) else []
            traces.client_programs = [client] if is_file(client) else []
        support = [RootMap.join(home, ["AppData", "Roaming"]) for home in user_homes(mapper)]
        if mapper.root is None and os.environ.get("APPDATA"):
            support.append(Path(os.environ["APPDATA"]))
    for base in dict.fromkeys(support):
        for place in (base, RootMap.join(base, ["4D"])):
            for entry in list_dir(place):
                if entry.name.casefold().startswith(PROGRAM_FOLDER_PREFIX) and _is_dir(entry):
                    traces.user_folders.append(Path(entry.path))
    for folder in traces.user_folders:
        traces.last_server_files.extend(_files_named(folder, LAST_SERVER))
        traces.last_data_files.extend(_files_named(folder, LAST_DATA_PATH))
    return traces


def read_hints(traces: Traces, mapper: RootMap) -> list[Hint]:
    """Every `dataFilePath` in every lastDataPath.xml; the most recently written file first."""
    hints: list[Hint] = []
    for xml_file in traces.last_data_files:
        try:
            written = xml_file.stat().st_mtime
            with open(xml_file, "rb") as handle:
                root = ET.fromstring(handle.read(_MAX_XML))
        except (OSError, ET.ParseError, ValueError):
            continue
        for element in root.iter():
            for name, value in element.attrib.items():
                if name.rsplit("}", 1)[-1].casefold() == "datafilepath" and value.strip():
                    hints.append(Hint(xml_file, value.strip(), mapper.from_text(value), written))
    hints.sort(key=lambda hint: hint.written, reverse=True)
    return hints


def folder_of_data_file(data_file: Path) -> Path:
    """The folder to back up for a data file: the enclosing `timeSensor DataFiles`, else the file's folder."""
    for parent in data_file.parents:
        if parent.name.casefold() == DATA_FOLDER.casefold():
            return parent
    return data_file.parent


def data_files(folder: Path) -> list[Path]:
    """`.4DD` files directly in the folder, else one level below."""
    found = [Path(e.path) for e in list_dir(folder) if e.name.casefold().endswith(".4dd") and _is_file(e)]
    if found:
        return found
    for entry in list_dir(folder):
        if _is_dir(entry):
            found.extend(Path(e.path) for e in list_dir(Path(entry.path)) if e.name.casefold().endswith(".4dd") and _is_file(e))
    return found


def server_program_next_to(data_dir: Path, traces: Traces) -> Path | None:
    """The server program that sits in the same folder as the data folder, if any."""
    for program in traces.server_programs:
        if program.parent == data_dir.parent:
            return program
    for entry in list_dir(data_dir.parent):
        name = entry.name.casefold()
        if name.endswith(".app") and "server" in name:
            return Path(entry.path)
    return None


def _files_named(folder: Path, name: str) -> list[Path]:
    wanted = name.casefold()
    found = [Path(e.path) for e in list_dir(folder) if e.name.casefold() == wanted and _is_file(e)]
    for entry in list_dir(folder):
        if _is_dir(entry):
            found.extend(Path(e.path) for e in list_dir(Path(entry.path)) if e.name.casefold() == wanted and _is_file(e))
    return found


def _contains(folder: Path, name: str) -> bool:
    return bool(_files_named(folder, name))


def _is_dir(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def _is_file(entry: os.DirEntry) -> bool:
    try:
        return entry.is_file()
    except OSError:
        return False
