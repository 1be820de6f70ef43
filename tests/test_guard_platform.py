"""The guard on macOS and with cut process names (issue 20, item 7).

macOS reports open files on the data volume as ``/System/Volumes/Data/Users/…``
(the firmlinked ``/Users/…``); the guard must see them as inside the data
folder. Linux cuts a program name to 15 characters; a program that only shares
those 15 characters must not count as timeSensor when its full name is visible.
"""

from __future__ import annotations

import subprocess
import sys
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import psutil
import pytest

from tsbackup_gui.core.guard.processes import MAC_DATA_VOLUME, path_key
from tsbackup_gui.core.guard.single_user import find_holders, find_running, match_process


@dataclass
class OpenFile:
    path: str


@dataclass
class FakeProcess:
    """A psutil-like process whose open files are reported as the OS under test would report them."""

    pid: int
    files: list[str]
    info: dict = field(default_factory=lambda: {"name": "timeSensor LEGAL"})

    def open_files(self):
        return [OpenFile(p) for p in self.files]


@pytest.fixture
def data(tmp_path) -> Path:
    folder = tmp_path / "Users" / "kanzlei" / "timeSensor DataFiles"
    folder.mkdir(parents=True)
    (folder / "timeSensor.4DD").write_bytes(b"4D")
    return folder


def test_macos_open_files_on_the_data_volume_are_inside_the_data_folder(data):
    held = f"{MAC_DATA_VOLUME}{data}/timeSensor.4DD"
    sibling = f"{MAC_DATA_VOLUME}{data} alt/timeSensor.4DD"
    found = find_holders(data, os_name="macos", processes=[FakeProcess(4711, [held]), FakeProcess(4712, [sibling])])
    assert [(b.pid, b.kind, b.path) for b in found] == [(4711, "holds-file", held)]
    # the same report on Linux is another folder: no firmlinks there
    assert find_holders(data, os_name="linux", processes=[FakeProcess(4711, [held])]) == []


def test_macos_a_data_folder_given_in_the_data_volume_form_matches_files_in_the_short_form(data):
    shown = Path(f"{MAC_DATA_VOLUME}{data}")
    found = find_holders(shown, os_name="macos", processes=[FakeProcess(4711, [str(data / "TIMESENSOR.4dd")])])
    assert [b.pid for b in found] == [4711]  # and case-blind, as APFS is


def test_one_path_rule_for_every_os():
    assert path_key("/System/Volumes/Data/Users/Anna/Daten", "macos") == "/users/anna/daten"
    assert path_key("/System/Volumes/Data", "macos") == "/"
    assert path_key("/System/Volumes/DataX/Users", "macos") == "/system/volumes/datax/users"
    assert path_key("/System/Volumes/Data/Users/Anna", "linux") == "/System/Volumes/Data/Users/Anna"
    assert path_key(r"C:/Users/Müller\Daten", "windows") == "c:\\users\\müller\\daten"
    assert path_key("/Users/Mu\u0308ller", "macos") == path_key("/Users/Müller", "macos")  # NFD as HFS+ gives it


def shebang_script(folder: Path, name: str) -> Path:
    script = folder / name
    script.write_text(f"#!{sys.executable}\nimport sys\nprint('ready', flush=True)\nsys.stdin.read()\n", encoding="utf-8")
    script.chmod(0o755)
    return script


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux cuts comm to 15 characters")
def test_a_program_sharing_only_the_first_15_characters_is_not_the_app(tmp_path, spawn):
    prefix = f"tsg{uuid.uuid4().hex[:12]}"  # 15 characters nobody else uses
    wanted = f"{prefix} LEGAL"
    # A script started by its shebang: comm is its name cut to 15, argv[0] its interpreter.
    proc = spawn([str(shebang_script(tmp_path, f"{prefix} Helper"))], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                 text=True)
    assert proc.stdout.readline() == "ready\n"
    info = psutil.Process(proc.pid).as_dict(["name", "cmdline", "exe"])
    assert info["name"] == prefix and Path(info["cmdline"][0]).name.startswith("python")
    assert match_process([wanted], info) is None
    assert proc.pid not in [b.pid for b in find_running([wanted])]
    # only when argv[0] and the executable are hidden does the cut name still count
    assert match_process([wanted], {"name": prefix, "cmdline": None, "exe": None}) == prefix
    assert match_process([wanted], {"name": prefix, "cmdline": None, "exe": "/opt/other/tool"}) is None
