"""What the build needs to know about the project: name, version, the restic to bundle.

The version comes from pyproject.toml, not from the installed metadata: an
editable install keeps the version it had when it was installed, and the
bundle must carry the version the source says.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
APP_NAME = "tsbackup"
CLI_NAME = "tsbackup"
GUI_NAME = "tsbackup-gui"
DISPLAY_NAME = "tsbackup"
BUNDLE_ID = "ch.tsbackup.app"  # the same label the app's own macOS LaunchAgent uses
PUBLISHER = "tsbackup"
DESCRIPTION = "Backups of timeSensor LEGAL, checked"
RESTIC_VERSION_FILE = "restic-version.txt"

NO_RESTIC = ("No restic program was found to bundle: install restic or name it with --restic PATH, "
             "then run the build again.")


class BuildError(Exception):
    """A problem the person building can fix: one plain sentence, exit code 2, no traceback."""

    def __init__(self, sentence: str, exit_code: int = 2):
        super().__init__(sentence)
        self.sentence = sentence
        self.exit_code = exit_code


def read_version(pyproject: Path = ROOT / "pyproject.toml") -> str:
    try:
        data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
        version = data["project"]["version"]
    except (OSError, tomllib.TOMLDecodeError, KeyError) as exc:
        raise BuildError(f"The version could not be read from {pyproject} ({type(exc).__name__}); "
                         "check that its [project] table has a version.") from None
    if not isinstance(version, str) or not re.fullmatch(r"\d+(\.\d+)*([.-]?\w+)*", version):
        raise BuildError(f"The version {version!r} in {pyproject} is not a version number; fix it and build again.")
    return version


def numeric_version(version: str, parts: int = 4) -> str:
    """Windows and macOS want plain numbers (1.2.3.0): pre-release tags are dropped."""
    leading = re.match(r"\d+(?:\.\d+)*", version)
    numbers = [int(n) for n in leading.group(0).split(".")][:parts] if leading else []
    numbers += [0] * (parts - len(numbers))
    return ".".join(map(str, numbers))


def locate_restic(explicit: str | None, which: Callable[[str], str | None] = shutil.which) -> Path:
    """`--restic PATH`, else the one on PATH; neither is a plain `BuildError`."""
    if explicit:
        path = Path(explicit).expanduser()
        if not path.is_file():
            raise BuildError(f"The restic program {path} does not exist; name an existing file with --restic PATH.")
        return path.resolve()
    found = which("restic")
    if not found:
        raise BuildError(NO_RESTIC)
    return Path(found).resolve()


@dataclass(frozen=True)
class ResticInfo:
    path: Path
    version_line: str  # restic's own words, e.g. "restic 0.17.3 compiled with go1.23.3 on linux/amd64"

    @property
    def version(self) -> str:
        match = re.search(r"restic\s+v?(\d+\.\d+(?:\.\d+)?)", self.version_line)
        return match.group(1) if match else "unknown"


def inspect_restic(path: Path) -> ResticInfo:
    """Runs `restic version`: a file that is not a working restic stops the build here, not at the user's."""
    try:
        result = subprocess.run([str(path), "version"], capture_output=True, text=True, timeout=60,
                                stdin=subprocess.DEVNULL)
    except OSError as exc:
        raise BuildError(f"The restic program {path} could not be started ({exc.strerror or type(exc).__name__}); "
                         "name a working restic with --restic PATH.") from None
    except subprocess.TimeoutExpired:
        raise BuildError(f"The restic program {path} did not answer; name a working restic with --restic PATH.") from None
    line = (result.stdout.strip().splitlines() or [""])[0]
    if result.returncode != 0 or not line.startswith("restic"):
        raise BuildError(f"{path} did not answer like restic does; name a working restic with --restic PATH.")
    return ResticInfo(path, line)


def restic_version_text(info: ResticInfo, source: str) -> str:
    """The bundle's record of which restic it carries (restic-version.txt)."""
    return f"{info.version_line}\nversion: {info.version}\nbundled from: {source}\n"


def metadata_text(version: str) -> str:
    """A minimal METADATA, so `importlib.metadata.version("tsbackup")` answers inside the bundle."""
    return f"Metadata-Version: 2.1\nName: {APP_NAME}\nVersion: {version}\nSummary: {DESCRIPTION}\n"
