"""Finding the timeSensor LEGAL installation and deciding what kind it is.

Detection only proposes: the wizard shows the result and the user confirms
or corrects it. So it must be explainable — every folder considered is
kept as a `Candidate` with the reason it was taken or not — and it must
never fail on a strange disk: missing, unreadable or odd folders become
reasons, not tracebacks.

Modes: ``single-user`` (macOS only, `/Users/Shared`, no server program),
``server`` (a data folder next to or together with the server program; on
Windows every data folder), ``workstation`` (only client traces) and
``not-found``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from tsbackup_gui.core.fourd import freshness as fourd
from tsbackup_gui.core.clock import Clock
from tsbackup_gui.core.errors import Exit, UserError
from tsbackup_gui.core.install.locations import (
    DATA_FOLDER, Probe, Traces, data_files, data_probes, find_traces, folder_of_data_file, is_mac_layout, read_hints,
    server_program_next_to,
)
from tsbackup_gui.core.messages import QT_TRANSLATE_NOOP, Message, define
from tsbackup_gui.core.folder_look import Candidate, FolderState, look
from tsbackup_gui.core.rootmap import OS_NAMES, RootMap, current_os, is_dir

MODES = ("single-user", "server", "workstation", "not-found")

# reasons on data-folder candidates
TAKEN_HINT = define("install.taken_hint", QT_TRANSLATE_NOOP("core", "Taken: timeSensor LEGAL last opened its data file {file} here."))
TAKEN_DATA_FILE = define("install.taken_data_file", QT_TRANSLATE_NOOP("core", "Taken: it holds the data file {file}."))
TAKEN_NO_DATA_FILE = define("install.taken_no_data_file", QT_TRANSLATE_NOOP("core", "Taken, although no data file (.4DD) was found in it."))
TAKEN_UNREADABLE = define("install.taken_unreadable", QT_TRANSLATE_NOOP("core", "Taken, although it cannot be opened ({reason})."))
OTHER_PREFERRED = define("install.other_preferred", QT_TRANSLATE_NOOP("core", "Not taken: {path} looks more likely to be in use."))
HINT_FILE_MISSING = define("install.hint_file_missing", QT_TRANSLATE_NOOP("core", "Named in {source} as the place of the data file {file}, but that file is not there."))
HINT_UNREACHABLE = define("install.hint_unreachable", QT_TRANSLATE_NOOP("core", "Named in {source}, but that place cannot be reached from here."))

# sentences for people
FOUND_SINGLE = define("install.found_single", QT_TRANSLATE_NOOP("core", "timeSensor LEGAL is installed on this computer for a single user. Its data is in {path}."))
SINGLE_USER_CLOSED = define("install.single_user_closed", QT_TRANSLATE_NOOP("core", "A backup is made while timeSensor LEGAL is closed, so that the copy is consistent."))
FOUND_SERVER = define("install.found_server", QT_TRANSLATE_NOOP("core", "This computer is the timeSensor LEGAL server. Its data is in {path}."))
SERVER_PROGRAM = define("install.server_program", QT_TRANSLATE_NOOP("core", "The server program is {path}."))
ARCHIVE_FOLDER = define("install.archive_folder", QT_TRANSLATE_NOOP("core", "4D saves its own backups in {path}."))
WORKSTATION = define("install.workstation", QT_TRANSLATE_NOOP("core", "Only the timeSensor LEGAL client is installed on this computer; the data is kept on the server. Install the backup assistant on the server."))
NOT_FOUND = define("install.not_found", QT_TRANSLATE_NOOP("core", "No timeSensor LEGAL installation was found on this computer. If it is installed, choose its folder 'timeSensor DataFiles' by hand."))
SERVER_WITHOUT_DATA = define("install.server_without_data", QT_TRANSLATE_NOOP("core", "The timeSensor server program was found ({path}), but not its data folder. Choose the folder 'timeSensor DataFiles' by hand."))
OTHERS_FOUND = define("install.others_found", QT_TRANSLATE_NOOP("core", "Other timeSensor data folders were found as well ({others}). Check that {path} is the one in use."))
NO_DATA_FILE = define("install.no_data_file", QT_TRANSLATE_NOOP("core", "No data file (.4DD) was found in {path}. Check that this is the right folder."))
PLACE_UNREADABLE = define("install.place_unreadable", QT_TRANSLATE_NOOP("core", "The folder {path} cannot be opened ({reason}); timeSensor's data may be in it. Run the assistant as a user who may open it, or choose the folder by hand."))
ROOT_MISSING = define("install.root_missing", QT_TRANSLATE_NOOP("core", "The folder {path} given as the root does not exist. Give the folder that holds the copy of the installation."))
ROOT_NOT_FOLDER = define("install.root_not_folder", QT_TRANSLATE_NOOP("core", "{path}, given as the root, is not a folder. Give the folder that holds the copy of the installation."))
ROOT_UNREADABLE = define("install.root_unreadable", QT_TRANSLATE_NOOP("core", "The folder {path} given as the root cannot be opened ({reason}). Check its permissions."))
UNKNOWN_OS = define("install.unknown_os", QT_TRANSLATE_NOOP("core", "Unknown operating system '{name}'; use windows, macos or linux."))


@dataclass
class Detection:
    """The result of one detection: mode, folders, 4D's backups, and why."""

    mode: str
    os_name: str
    root: Path | None
    now: datetime
    data_dir: Path | None = None
    server_program: Path | None = None
    traces: Traces = field(default_factory=Traces)
    candidates: list[Candidate] = field(default_factory=list)
    archive: fourd.ArchiveStatus | None = None
    warnings: list[Message] = field(default_factory=list)

    @property
    def backup_dir(self) -> Path | None:
        return self.archive.folder if self.archive else None

    def all_candidates(self) -> list[Candidate]:
        archive_candidates = self.archive.archive_dir.candidates if self.archive else []
        return [*self.candidates, *archive_candidates]

    def all_warnings(self) -> list[Message]:
        """Warnings about the installation, plus 4D's backup state where it matters (server)."""
        found = list(self.warnings)
        if self.archive is not None and self.mode == "server":
            found.extend(self.archive.warnings)
        return found

    def messages(self) -> list[Message]:
        """Plain sentences, in the order a person should read them."""
        out: list[Message] = []
        if self.mode == "single-user":
            out += [FOUND_SINGLE(path=str(self.data_dir)), SINGLE_USER_CLOSED()]
        elif self.mode == "server":
            out.append(FOUND_SERVER(path=str(self.data_dir)))
            if self.server_program is not None:
                out.append(SERVER_PROGRAM(path=str(self.server_program)))
        elif self.mode == "workstation":
            out.append(WORKSTATION())
        elif self.server_program is not None:
            out.append(SERVER_WITHOUT_DATA(path=str(self.server_program)))
        else:
            out.append(NOT_FOUND())
        out.extend(self.warnings)
        if self.mode == "server" and self.archive is not None:
            if self.archive.folder is not None:
                out.append(ARCHIVE_FOLDER(path=str(self.archive.folder)))
            out.extend(self.archive.reasons)
        return out

    def to_json(self) -> dict[str, Any]:
        archive = self.archive.to_json() if self.archive else {}
        keys = ("backup_dir", "backup_dir_source", "backup_dir_outside", "newest_archive", "newest_archive_number",
                "archive_age_hours", "archive_fresh", "archive_complete", "archive_finished", "archive_ok",
                "newest_complete_archive", "newest_complete_age_hours", "fresh_limit_hours", "schedule",
                "settings_file", "destination_setting", "history")
        return {
            "mode": self.mode,
            "os": self.os_name,
            "root": str(self.root) if self.root else None,
            "checked_at": self.now.isoformat(),
            "data_dir": _str(self.data_dir),
            **{key: archive.get(key) for key in keys},
            "archives": archive.get("archives", []),
            "archive_problems": archive.get("archive_problems", []),
            "server_program": _str(self.server_program),
            "server_programs": [str(p) for p in self.traces.server_programs],
            "client_program": _str(self.traces.client_programs[0] if self.traces.client_programs else None),
            "client_traces": [str(p) for p in self.traces.client_traces],
            "last_data_path_files": [str(p) for p in self.traces.last_data_files],
            "candidates": [candidate.to_json() for candidate in self.all_candidates()],
            "warnings": [{"id": m.id, "message": m.english()} for m in self.all_warnings()],
            "messages": [m.english() for m in self.messages()],
        }


def detect(root: Path | None = None, os_name: str | None = None, now: datetime | None = None) -> Detection:
    """Looks for timeSensor LEGAL on this machine, or under ``root`` as if it were `/`."""
    os_name = (os_name or current_os()).lower()
    if os_name not in OS_NAMES:
        raise UserError(UNKNOWN_OS(name=os_name), Exit.USAGE)
    if root is not None:
        root = _checked_root(Path(root))
    now = now or Clock().now()
    mapper = RootMap(root, os_name)
    traces = find_traces(mapper)
    detection = Detection("not-found", os_name, root, now, traces=traces)
    _choose_data_dir(detection, mapper, traces)

    if detection.data_dir is not None:
        any_server = traces.server_programs[0] if traces.server_programs else None
        detection.server_program = server_program_next_to(detection.data_dir, traces) or any_server
        server_place = mapper.posix(f"/Applications/timeSensor Server/{DATA_FOLDER}")
        in_server_place = str(detection.data_dir).casefold() == str(server_place).casefold()
        if not is_mac_layout(os_name) or detection.server_program is not None or in_server_place:
            detection.mode = "server"
        else:
            detection.mode = "single-user"
        if look(detection.data_dir).readable:
            detection.archive = fourd.judge(detection.data_dir, now=now, mapper=mapper)
    elif traces.server_programs:
        detection.server_program = traces.server_programs[0]
    elif traces.client_traces:
        detection.mode = "workstation"
    return detection


def _checked_root(root: Path) -> Path:
    root = root.expanduser().absolute()
    state = look(root)
    if not state.exists and state.error is None:
        raise UserError(ROOT_MISSING(path=str(root)), Exit.USAGE)
    if state.exists and not state.is_dir:
        raise UserError(ROOT_NOT_FOLDER(path=str(root)), Exit.USAGE)
    if not state.readable:
        raise UserError(ROOT_UNREADABLE(path=str(root), reason=state.error or "?"), Exit.USAGE)
    return root


@dataclass
class _Option:
    candidate: Candidate
    state: FolderState
    probe: Probe
    files: list[Path]

    def rank(self) -> tuple:
        has_file = bool(self.files)
        hinted_file = self.probe.data_file is not None and self.probe.data_file in self.files
        newest = max((_mtime(path) for path in self.files), default=0.0)
        return (hinted_file, has_file, self.probe.hint_time, newest)


def _choose_data_dir(detection: Detection, mapper: RootMap, traces: Traces) -> None:
    probes: list[Probe] = []
    for hint in read_hints(traces, mapper):
        if hint.data_file is None:
            detection.candidates.append(Candidate(Path(hint.text), "data", "lastDataPath.xml", reason=HINT_UNREACHABLE(source=str(hint.source))))
            continue
        if is_dir(hint.data_file):  # a folder rather than the file: take it as it is
            probes.append(Probe(hint.data_file, "last-opened", hint.source, None, hint.written))
        else:
            probes.append(Probe(folder_of_data_file(hint.data_file), "last-opened", hint.source, hint.data_file, hint.written))
    probes.extend(data_probes(mapper))

    options: list[_Option] = []
    seen: dict[str, _Option] = {}
    for probe in probes:
        key = str(probe.path).casefold()
        if key in seen:
            known = seen[key]  # a standard place also named by a hint: keep the hint's strength
            if probe.hint_time > known.probe.hint_time:
                known.probe = probe
            continue
        state = look(probe.path)
        source = "lastDataPath.xml" if probe.hint_file else "standard"
        candidate = Candidate(probe.path, "data", source, exists=state.exists, readable=state.readable)
        candidate.details["place"] = probe.label
        detection.candidates.append(candidate)
        option = _Option(candidate, state, probe, data_files(probe.path) if state.readable else [])
        seen[key] = option
        options.append(option)

    usable = [o for o in options if o.state.readable]
    usable.sort(key=_Option.rank, reverse=True)  # stable: probe order breaks ties
    chosen = usable[0] if usable else None
    unreadable = [o for o in options if o.state.error is not None]
    if chosen is None and unreadable:
        fallback = [o for o in unreadable if o.state.exists]
        chosen = fallback[0] if fallback else None

    for option in options:
        candidate, probe = option.candidate, option.probe
        if option is chosen:
            candidate.taken = True
            if not option.state.readable:
                candidate.reason = TAKEN_UNREADABLE(reason=option.state.error or "?")
            elif probe.data_file is not None and probe.data_file in option.files:
                candidate.reason = TAKEN_HINT(file=probe.data_file.name)
            elif option.files:
                candidate.reason = TAKEN_DATA_FILE(file=option.files[0].name)
            else:
                candidate.reason = TAKEN_NO_DATA_FILE()
        elif option.state.problem is not None:
            candidate.reason = option.state.problem
        elif probe.data_file is not None and probe.data_file not in option.files:
            candidate.reason = HINT_FILE_MISSING(source=str(probe.hint_file), file=str(probe.data_file))
        else:
            candidate.reason = OTHER_PREFERRED(path=str(chosen.candidate.path) if chosen else "?")
        if probe.data_file is not None:
            candidate.details["data_file"] = str(probe.data_file)
            candidate.details["named_in"] = str(probe.hint_file)

    for option in unreadable:
        detection.warnings.append(PLACE_UNREADABLE(path=str(option.candidate.path), reason=option.state.error or "?"))
    if chosen is None:
        return
    detection.data_dir = chosen.candidate.path
    if chosen.state.readable and not chosen.files:
        detection.warnings.append(NO_DATA_FILE(path=str(detection.data_dir)))
    others = [o for o in usable if o is not chosen and o.files]
    if others and chosen.files:
        detection.warnings.append(OTHERS_FOUND(others=", ".join(str(o.candidate.path) for o in others), path=str(detection.data_dir)))


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def _str(path: Path | None) -> str | None:
    return str(path) if path is not None else None
