"""Child processes (issue 20, item 1): hidden and tied to the app on Windows, cancel without a console,
the run lock held until the child is gone, output read in the tool's code page.

The Windows branches run here with the OS facts injected: ``children.this_os`` says "windows", the
Popen keyword arguments Windows would get are recorded and then dropped, and the program itself
(a stand-in written by the test) really runs; the job object is made through a stand-in kernel32.
"""

from __future__ import annotations

import ast
import ctypes
import json
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from tsbackup_gui.core import children
from tsbackup_gui.core.children import winjob
from tsbackup_gui.core.store import locks

PACKAGE = Path(__file__).resolve().parents[1] / "tsbackup_gui"


class FakeKernel32:
    """Records the job-object calls as Windows would receive them."""

    JOB = 0x5A

    def __init__(self):
        self.calls: list[tuple] = []

    def CreateJobObjectW(self, attributes, name):
        self.calls.append(("CreateJobObjectW", attributes, name))
        return self.JOB

    def SetInformationJobObject(self, job, info_class, pointer, size):
        info = pointer.contents
        self.calls.append(("SetInformationJobObject", job, info_class,
                           info.BasicLimitInformation.LimitFlags, size))
        return 1

    def AssignProcessToJobObject(self, job, process):
        self.calls.append(("AssignProcessToJobObject", job, process))
        return 1

    def CloseHandle(self, handle):
        self.calls.append(("CloseHandle", handle))
        return 1


class WindowsFacts:
    """`children` believes it runs on Windows; every child's Popen keywords are recorded, then it runs here."""

    def __init__(self, monkeypatch, oem: int = 850):
        self.kernel32 = FakeKernel32()
        self.job = winjob.Job(self.kernel32)
        self.started: list[dict] = []
        monkeypatch.setattr(children, "this_os", lambda: "windows")
        monkeypatch.setattr(children, "app_job", lambda kernel32=None: self.job)
        monkeypatch.setattr(winjob, "oem_codepage", lambda: oem)
        monkeypatch.setattr(children, "POPEN", self.popen)

    def popen(self, argv, **kwargs):
        flags = kwargs.pop("creationflags", 0)
        info = kwargs.pop("startupinfo", None)
        proc = subprocess.Popen(argv, **kwargs)
        proc._handle = 7000 + len(self.started)  # the process handle Windows would give
        self.started.append({"argv": list(argv), "flags": flags, "startupinfo": info, "handle": proc._handle})
        return proc

    def assigned(self) -> list[int]:
        return [call[2] for call in self.kernel32.calls if call[0] == "AssignProcessToJobObject"]


def stand_in(folder: Path, name: str, body: str) -> Path:
    """A program ``name`` in ``folder``: Python, records its argv, stdin and env into ``name.json``, then runs ``body``."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    record = folder / f"{name}.json"
    path.write_text(
        f"#!{sys.executable}\n"
        "import json, os, sys\n"
        "data = sys.stdin.buffer.read() if not sys.stdin.isatty() else b''\n"
        f"json.dump({{'argv': sys.argv, 'stdin': data.decode('latin-1'), 'env': dict(os.environ)}}, "
        f"open({str(record)!r}, 'w'))\n" + body,
        encoding="utf-8")
    path.chmod(0o755)
    return path


# -- hidden, in the job ---------------------------------------------------------------------------------


def test_a_windows_child_starts_hidden_and_is_put_into_the_apps_job_by_its_process_handle(tmp_path, monkeypatch):
    facts = WindowsFacts(monkeypatch)
    program = stand_in(tmp_path / "bin", "ssh-keygen", "sys.exit(0)\n")
    done = children.run([str(program), "-y"], timeout=60)
    assert done.returncode == 0
    [child] = facts.started
    assert child["flags"] & children.CREATE_NO_WINDOW == 0x08000000
    assert child["startupinfo"].dwFlags & children.STARTF_USESHOWWINDOW and child["startupinfo"].wShowWindow == 0
    # the job: made once, kill-on-close, and this child's own process handle assigned to it
    assert facts.kernel32.calls[0] == ("CreateJobObjectW", None, None)
    assert facts.kernel32.calls[1] == ("SetInformationJobObject", FakeKernel32.JOB, 9, 0x2000,
                                       ctypes.sizeof(winjob.ExtendedLimitInformation))
    assert facts.kernel32.calls[2:] == [("AssignProcessToJobObject", FakeKernel32.JOB, child["handle"])]
    assert json.loads((tmp_path / "bin" / "ssh-keygen.json").read_text())["argv"][1:] == ["-y"]


def test_the_job_limit_structure_has_windows_layout():
    # 64-bit Windows: JOBOBJECT_EXTENDED_LIMIT_INFORMATION is 144 bytes, LimitFlags at offset 16
    if ctypes.sizeof(ctypes.c_size_t) == 8:
        assert ctypes.sizeof(winjob.ExtendedLimitInformation) == 144
    assert winjob.BasicLimitInformation.LimitFlags.offset == 16


def test_a_posix_child_gets_no_windows_flags(tmp_path, monkeypatch):
    seen = {}

    def popen(argv, **kwargs):
        seen.update(kwargs)
        return subprocess.Popen(argv, **kwargs)

    program = stand_in(tmp_path / "bin", "tool", "sys.exit(3)\n")
    assert children.run([str(program)], timeout=60, os_name="posix", popen=popen).returncode == 3
    assert "creationflags" not in seen and "startupinfo" not in seen


def test_every_caller_starts_children_through_one_place():
    """Only `core/children` starts programs; `faults` (a test hook that runs the tests' own program) is the exception."""
    allowed = {PACKAGE / "core" / "children" / "__init__.py", PACKAGE / "core" / "faults.py"}
    starters = {"run", "Popen", "call", "check_call", "check_output", "system", "spawnv", "spawnl", "startfile",
                "execv", "execvp", "posix_spawn"}
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        if path in allowed:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            func = node.func if isinstance(node, ast.Call) else None
            if (isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name)
                    and func.value.id in ("subprocess", "os") and func.attr in starters):
                offenders.append(f"{path.relative_to(PACKAGE.parent)}:{node.lineno} {func.value.id}.{func.attr}")
    assert offenders == []


def test_restic_and_the_os_tools_start_hidden_in_the_job_with_windows_facts(tmp_path, monkeypatch):
    from tsbackup_gui.core.platform import run_command
    from tsbackup_gui.core.restic.driver import Restic, ResticError

    facts = WindowsFacts(monkeypatch)
    restic = stand_in(tmp_path / "bin", "restic", (
        "if sys.argv[1:2] == ['version']:\n"
        "    print('restic 0.17.3 compiled with go1.22 on windows/amd64'); sys.exit(0)\n"
        "sys.stderr.buffer.write('Fatal: unable to open config file: C:\\\\Users\\\\M\\u00fcller\\\\Sicherung\\n'.encode('utf-8'))\n"
        "sys.exit(1)\n"))
    schtasks = stand_in(tmp_path / "bin", "schtasks", (
        "sys.stderr.buffer.write(b'FEHLER: Zugriff verweigert f\\x81r Benutzer M\\x81ller.\\r\\n'); sys.exit(1)\n"))
    repo = Restic(str(tmp_path / "repo"), "pw", binary=restic, cache_dir=tmp_path / "cache")
    with pytest.raises(ResticError) as raised:
        repo.check_access()
    done = run_command([str(schtasks), "/Query", "/TN", "tsbackup"])
    # restic writes UTF-8 (also on Windows), schtasks the OEM code page 850: both read right
    assert "C:\\Users\\Müller\\Sicherung" in raised.value.detail
    assert done.stderr == "FEHLER: Zugriff verweigert für Benutzer Müller.\n"
    assert [Path(c["argv"][0]).name for c in facts.started] == ["restic", "restic", "schtasks"]
    assert all(c["flags"] & children.CREATE_NO_WINDOW and c["startupinfo"].wShowWindow == children.SW_HIDE
               for c in facts.started)
    assert facts.assigned() == [c["handle"] for c in facts.started]
    recorded = json.loads((tmp_path / "bin" / "restic.json").read_text())
    assert recorded["env"]["RESTIC_PASSWORD"] == "pw" and "pw" not in recorded["argv"]


# -- code pages ---------------------------------------------------------------------------------------------


def test_windows_tools_are_read_in_the_oem_code_page_and_restic_in_utf8():
    assert children.tool_encoding("windows", oem_codepage=lambda: 850) == "cp850"
    assert children.tool_encoding("windows", oem_codepage=lambda: 437) == "cp437"
    assert children.tool_encoding("windows", oem_codepage=lambda: 99999) == "utf-8"  # unknown: never a crash
    assert children.tool_encoding("posix") == "utf-8"
    assert children.decode(b"Zugriff f\x81r M\x81ller\r\n", "cp850") == "Zugriff für Müller\n"
    assert children.decode(b"Zugriff f\x81r M\x81ller\r\n", "cp1252") != "Zugriff für Müller\n"  # the old ANSI reading
    assert children.decode("Müller".encode("utf-8"), children.UTF8) == "Müller"


# -- stopping ----------------------------------------------------------------------------------------------

STUBBORN = (
    "import os, signal, sys\n"
    "def heard(number, frame):\n"
    # os.write, not sys.stderr: a second signal arriving while the first handler is still inside the
    # buffered writer's flush would make it raise "reentrant call" instead of naming the signal
    "    os.write(2, (signal.Signals(number).name + '\\n').encode())\n"
    "signal.signal(signal.SIGINT, heard)\n"
    "signal.signal(signal.SIGTERM, heard)\n"
    "print('ready', flush=True)\n"
    "while True:\n"
    "    signal.pause()\n"
)


@pytest.fixture(autouse=True)
def no_child_left(monkeypatch):
    """Every child a test starts here is killed at its end, also when the test failed half-way."""
    started: list = []
    real = children.POPEN

    def popen(argv, **kwargs):
        proc = real(argv, **kwargs)
        started.append(proc)
        return proc

    monkeypatch.setattr(children, "POPEN", popen)
    monkeypatch.setattr(subprocess, "Popen", popen)
    yield
    for proc in started:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def stubborn_child() -> subprocess.Popen:
    """A real child that ignores SIGINT and SIGTERM (it names them on stderr): only kill ends it."""
    proc = subprocess.Popen([sys.executable, "-c", STUBBORN], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.stdout.readline() == "ready\n"
    return proc


def hearing(heard: list[str]):
    """A check for `Waits`: the grace period ends once the child has said which signal reached it."""
    return lambda proc: heard.append(proc.stderr.readline().strip())


def gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


class Waits:
    """Injected waiting: a bounded wait is "the grace period ran out" at once; the final wait is real."""

    def __init__(self, check=None):
        self.asked: list[float | None] = []
        self.check = check

    def __call__(self, proc, timeout):
        self.asked.append(timeout)
        if timeout is not None:
            if self.check is not None:
                self.check(proc)
            return False
        return children.wait_for(proc, None)


def test_cancel_falls_through_to_terminate_and_kill_when_the_polite_signal_fails(tmp_path):
    proc, heard = stubborn_child(), []
    waits = Waits(hearing(heard))

    def no_console(_proc):  # what CTRL_BREAK_EVENT does without a shared console
        raise OSError(87, "The parameter is incorrect")

    children.stop(proc, 15.0, os_name="posix", interrupt=no_console, wait=waits)
    assert proc.returncode == -signal.SIGKILL and gone(proc.pid)
    assert waits.asked == [children.TERMINATE_GRACE, None]
    assert heard == ["SIGTERM"]  # terminate() was tried before kill()


def test_a_hidden_windows_child_is_terminated_without_a_console_signal(tmp_path):
    proc, heard = stubborn_child(), []
    waits = Waits(hearing(heard))
    children.stop(proc, 15.0, os_name="windows", wait=waits)
    assert gone(proc.pid) and waits.asked == [children.TERMINATE_GRACE, None]
    assert heard == ["SIGTERM"]  # no SIGINT stand-in for CTRL_BREAK was sent


def test_posix_cancel_interrupts_first_and_waits_the_grace(tmp_path):
    proc, heard = stubborn_child(), []
    waits = Waits(hearing(heard))
    children.stop(proc, 15.0, os_name="posix", wait=waits)
    assert gone(proc.pid) and waits.asked == [15.0, children.TERMINATE_GRACE, None]
    assert heard == ["SIGINT", "SIGTERM"]


def lock_checked_stopper(lock_path: Path, seen: list[str]):
    def check(proc):
        seen.append(f"child alive={proc.poll() is None} lock free={locks.is_free(lock_path)}")

    def stopper(proc, grace):
        def windows_break(_proc):
            raise OSError(6, "The handle is invalid")
        children.stop(proc, grace, interrupt=windows_break, wait=Waits(check))
    return stopper


def test_after_a_cancel_the_run_lock_is_held_until_restics_exit_was_seen(tmp_path):
    from tsbackup_gui.core.restic.process import run_process

    lock_path = tmp_path / "state" / "run.lock"
    seen: list[str] = []
    cancel = threading.Event()
    ended: dict = {}

    def on_line(line):
        seen.append(line.strip())
        cancel.set()

    def run():
        with locks.state_lock(lock_path):
            done = run_process([sys.executable, "-c", STUBBORN], env=dict(os.environ), on_line=on_line,
                               cancel=cancel, stopper=lock_checked_stopper(lock_path, seen))
            ended["returncode"] = done.returncode
            ended["lock free inside"] = locks.is_free(lock_path)

    runner = threading.Thread(target=run)
    runner.start()
    runner.join(timeout=120)  # a hang guard only
    assert not runner.is_alive()
    assert seen == ["ready", "child alive=True lock free=False"]  # terminate's grace: restic alive, lock held
    assert ended == {"returncode": -signal.SIGKILL, "lock free inside": False}
    assert locks.is_free(lock_path)


def test_a_ctrl_c_during_restic_raises_only_after_restic_has_ended(tmp_path):
    from tsbackup_gui.core.restic.process import run_process

    lock_path = tmp_path / "state" / "run.lock"
    seen: list[str] = []
    pids: list[int] = []
    ended: dict = {}

    def on_line(_line):
        raise KeyboardInterrupt

    def run():
        with locks.state_lock(lock_path):
            try:
                run_process([sys.executable, "-c", STUBBORN], env=dict(os.environ), on_line=on_line,
                            on_start=pids.append, stopper=lock_checked_stopper(lock_path, seen))
            except KeyboardInterrupt:
                ended["child gone before the lock is released"] = gone(pids[0])

    runner = threading.Thread(target=run, daemon=True)
    runner.start()
    runner.join(timeout=120)  # a hang guard only
    assert not runner.is_alive()
    assert ended == {"child gone before the lock is released": True}
    assert seen == ["child alive=True lock free=False"]
