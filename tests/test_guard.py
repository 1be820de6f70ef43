"""The single-user guard against real processes: copied binaries with timeSensor's
names, argv[0] tricks, a process holding the data file open, and the app
starting in the middle of a copy."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import psutil
import pytest

from tsbackup_gui.core.errors import Exit, UserError
from tsbackup_gui.core.guard.single_user import (
    DEFAULT_PROCESS_NAMES, SingleUserGuard, find_holders, find_running, match_process, normalize_name, program_names,
)

PLAIN = "Close timeSensor LEGAL to start today's backup."
SLEEP = shutil.which("sleep") or "/bin/sleep"


class Monotonic:
    """A monotonic clock that only moves when told: poll intervals pass without sleeping."""

    def __init__(self):
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds





def argv0_is(expected: str):
    def ready(process: psutil.Process) -> bool:
        try:
            cmdline = process.cmdline()
        except psutil.Error:
            return False
        return bool(cmdline) and cmdline[0] == expected
    return ready


@pytest.fixture
def program(tmp_path, spawn):
    """Runs a copy of `sleep` under the given file name: a real process with that name."""

    def run(file_name: str, folder: Path | None = None) -> subprocess.Popen:
        folder = folder or tmp_path / f"bin-{uuid.uuid4().hex[:6]}"
        folder.mkdir(parents=True, exist_ok=True)
        binary = folder / file_name
        shutil.copy2(SLEEP, binary)
        return spawn([str(binary), "60"], ready=argv0_is(str(binary)))

    return run


@pytest.fixture
def source(tmp_path) -> Path:
    data = tmp_path / "Shared" / "timeSensor DataFiles"
    (data / "STUFF").mkdir(parents=True)
    (data / "timeSensor.4DD").write_bytes(b"4D data" * 100)
    (data / "STUFF" / "notes.txt").write_text("hello")
    return data


def unique_name() -> str:
    """A program name nobody else on this machine runs (other tests may run timeSensor copies)."""
    return f"tsguard {uuid.uuid4().hex[:8]} probe"


def pids(blockers) -> set[int]:
    return {b.pid for b in blockers}


# --- names -----------------------------------------------------------------


@pytest.mark.builtin_guard_names  # the guard's own list; only facts about our own process are asserted
def test_timesensor_legal_running_blocks_with_exit_3_and_the_plain_sentence(program, source):
    proc = program("timeSensor LEGAL")
    # Linux really cut the name: comm holds 15 of its 16 characters.
    assert Path(f"/proc/{proc.pid}/comm").read_text().strip() == "timeSensor LEGA"

    guard = SingleUserGuard(source)
    with pytest.raises(UserError) as caught:
        guard.before()

    assert caught.value.exit_code == Exit.SOURCE_BUSY == 3
    assert caught.value.message.english() == PLAIN
    assert str(caught.value) == PLAIN
    mine = [b for b in guard.blockers if b.pid == proc.pid]
    assert [(b.kind, b.name) for b in mine] == [("running", "timeSensor LEGAL")]
    assert mine[0].message().english() == (
        f"{PLAIN} The program timeSensor LEGAL (process {proc.pid}) is running."
    )
    assert caught.value.blockers == guard.blockers
    assert caught.value.reasons == [b.message() for b in guard.blockers]


def test_name_is_compared_case_insensitively(program):
    proc = program("timeSensor")
    assert proc.pid in pids(find_running(["TIMESENSOR"]))
    assert proc.pid in pids(find_running(["TimeSensor.EXE"]))


def test_exe_suffix_is_ignored_on_a_real_process(program):
    proc = program("timeSensor LEGAL.exe")
    found = [b for b in find_running(DEFAULT_PROCESS_NAMES) if b.pid == proc.pid]
    assert [b.name for b in found] == ["timeSensor LEGAL"]


def test_program_inside_an_app_bundle_counts_as_the_app(tmp_path, program):
    macos = tmp_path / "timeSensor LEGAL.app" / "Contents" / "MacOS"
    proc = program("4D Helper", folder=macos)
    assert proc.pid in pids(find_running(["timeSensor LEGAL"]))
    assert proc.pid not in pids(find_running(["4D"]))


def test_argv0_alone_names_the_program(spawn):
    # bash replaces itself with `sleep`, whose argv[0] reads "4D Server" while comm is "sleep".
    proc = spawn(["bash", "-c", 'exec -a "4D Server" sleep 60'], ready=argv0_is("4D Server"))
    assert psutil.Process(proc.pid).name() == "sleep"
    found = [b for b in find_running(DEFAULT_PROCESS_NAMES) if b.pid == proc.pid]
    assert [b.name for b in found] == ["4D Server"]


def test_hidden_argv0_still_matches_by_executable(tmp_path, spawn):
    binary = tmp_path / "timeSensor LEGAL"
    shutil.copy2(SLEEP, binary)
    proc = spawn(["bash", "-c", f'exec -a "worker" "{binary}" 60'], ready=argv0_is("worker"))
    found = [b for b in find_running(DEFAULT_PROCESS_NAMES) if b.pid == proc.pid]
    # The full name comes from the executable, not from the 15-character fallback.
    assert [b.name for b in found] == ["timeSensor LEGAL"]


def test_names_match_whole_not_as_prefix(program):
    """'timeSensorHelper' is not 'timeSensor': a prefix match would block every backup
    while some unrelated helper runs; a helper touching the data is caught by its open files."""
    helper = program("timeSensorHelper")
    long_helper = program("timeSensor LEGAL Helper")  # same first 15 characters as the app
    found = pids(find_running(DEFAULT_PROCESS_NAMES))
    assert helper.pid not in found
    assert long_helper.pid not in found


def test_our_own_process_is_never_a_blocker():
    me = psutil.Process().name()
    assert os.getpid() not in pids(find_running([me, Path(sys.executable).name]))


def test_name_normalising_strips_suffixes_and_paths():
    assert normalize_name("timeSensor.exe") == "timesensor"
    assert normalize_name("timeSensor LEGAL.app") == "timesensor legal"
    assert normalize_name(" 4D Server.EXE ") == "4d server"
    assert normalize_name(".exe") == ".exe"
    win = r"C:\ProgramData\timeSensorProgram\timeSensor Server\timeSensor.exe"
    assert program_names(win) == {"timesensor": "timeSensor"}
    mac = "/Users/Shared/timeSensorProgram/timeSensor Client.app/Contents/MacOS/timeSensor Client"
    assert program_names(mac) == {"timesensor client": "timeSensor Client"}
    merged = "/Applications/timeSensor LEGAL.app/Contents/MacOS/4D"
    assert program_names(merged) == {"4d": "4D", "timesensor legal": "timeSensor LEGAL"}


def test_a_cut_name_counts_only_when_the_full_name_is_hidden():
    # comm cut at 15 characters and argv[0]/exe refused (another user's process): assume the app.
    hidden = {"name": "timeSensor LEGA", "cmdline": None, "exe": None}
    assert match_process(DEFAULT_PROCESS_NAMES, hidden) == "timeSensor LEGA"
    # The full name is visible and is something else: not the app.
    helper = {"name": "timeSensor LEGA", "cmdline": ["/opt/timeSensor LEGAL Helper"], "exe": None}
    assert match_process(DEFAULT_PROCESS_NAMES, helper) is None
    # Short names are never completed.
    assert match_process(DEFAULT_PROCESS_NAMES, {"name": "timeSens", "cmdline": None, "exe": None}) is None


# --- open files ------------------------------------------------------------


HOLD = "import sys; f = open(sys.argv[1], 'rb'); print('ready', flush=True); sys.stdin.read()"


@pytest.fixture
def holder(spawn):
    """A real Python child that opens a file and keeps it open until killed."""

    def start(path: Path) -> subprocess.Popen:
        proc = spawn([sys.executable, "-c", HOLD, str(path)],
                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        assert proc.stdout.readline().strip() == "ready"
        return proc

    return start


def test_a_process_holding_the_data_file_blocks(source, holder):
    data_file = source / "timeSensor.4DD"
    proc = holder(data_file)

    guard = SingleUserGuard(source, names=[unique_name()])
    with pytest.raises(UserError) as caught:
        guard.before()

    assert caught.value.exit_code == 3
    assert caught.value.message.english() == PLAIN
    name = psutil.Process(proc.pid).name()
    assert [(b.pid, b.kind, b.path) for b in guard.blockers] == [(proc.pid, "holds-file", str(data_file))]
    assert guard.reason.english() == (
        f"{PLAIN} The program {name} (process {proc.pid}) has the file {data_file} open."
    )


def test_holders_are_found_through_a_symlinked_source_and_in_subfolders(tmp_path, source, holder):
    link = tmp_path / "link-to-data"
    link.symlink_to(source, target_is_directory=True)
    proc = holder(source / "STUFF" / "notes.txt")
    found = find_holders(link)
    assert [(b.pid, b.path) for b in found] == [(proc.pid, str(source / "STUFF" / "notes.txt"))]


def test_a_file_next_to_the_source_is_not_held_in_it(tmp_path, source, holder):
    sibling = source.parent / "timeSensor DataFiles old" / "timeSensor.4DD"
    sibling.parent.mkdir()
    sibling.write_bytes(b"old")
    holder(sibling)
    assert find_holders(source) == []


def test_our_own_open_files_do_not_count(source):
    with open(source / "timeSensor.4DD", "rb"):
        assert find_holders(source) == []


def test_nothing_running_and_nothing_open_passes(source):
    guard = SingleUserGuard(source, names=[unique_name()])
    guard.before()
    assert guard.blockers == []
    assert guard.still_ok() is True


# --- during the copy -------------------------------------------------------


def test_still_ok_turns_false_when_the_app_starts_mid_copy(source, program):
    name = unique_name()
    clock = Monotonic()
    guard = SingleUserGuard(source, names=[name], poll_interval=2.0, monotonic=clock)
    guard.before()
    assert guard.still_ok() is True

    proc = program(name)
    clock.advance(1.9)
    assert guard.still_ok() is True, "within the poll interval the last answer stands"
    clock.advance(0.1)
    assert guard.still_ok() is False
    assert [(b.pid, b.kind, b.name) for b in guard.blockers] == [(proc.pid, "running", name)]

    proc.kill()
    proc.wait(timeout=10)
    clock.advance(60)
    assert guard.still_ok() is False, "a spoiled copy stays spoiled after the app closes again"
    error = guard.busy_error()
    assert isinstance(error, UserError)
    assert (error.exit_code, error.message.english()) == (3, PLAIN)
    assert [b.pid for b in error.blockers] == [proc.pid]


def test_still_ok_turns_false_when_a_file_is_opened_mid_copy(source, holder):
    clock = Monotonic()
    guard = SingleUserGuard(source, names=[unique_name()], monotonic=clock)
    guard.before()
    proc = holder(source / "timeSensor.4DD")
    clock.advance(2.0)
    assert guard.still_ok() is False
    assert [(b.pid, b.kind) for b in guard.blockers] == [(proc.pid, "holds-file")]


def test_before_starts_a_new_watch(source, program):
    name = unique_name()
    clock = Monotonic()
    guard = SingleUserGuard(source, names=[name], monotonic=clock)
    proc = program(name)
    with pytest.raises(UserError):
        guard.before()
    proc.kill()
    proc.wait(timeout=10)
    guard.before()
    assert guard.blockers == [] and guard.still_ok() is True
