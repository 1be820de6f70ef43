"""The SSH key's passphrase handed to ssh by tsbackup itself: ``SSH_ASKPASS`` names our own program.

ssh starts ``$SSH_ASKPASS`` as a program with no arguments of ours (it adds
its prompt as the only one), so no ``tsbackup askpass`` subcommand can be
named there. Instead the environment handed to ssh says ``TSBACKUP_ASKPASS=1``,
and both entry points (`cli.main`, `__main__.main`) answer before anything
else when they see it: they print the passphrase that the same environment
carries (``TSBACKUP_SSH_PASSPHRASE``, put there by the run from the keyring)
and end. The passphrase is never in argv and never in a file.

Which program that is:
- a built app: the ``tsbackup`` console executable next to the running one
  (``tsbackup.exe`` on Windows, ``Contents/MacOS/tsbackup`` in the .app); an
  AppImage: the AppImage file itself (its AppRun starts the app, which answers
  as well);
- an installed package: on Windows pip's ``tsbackup.exe`` launcher next to
  Python; on POSIX a three-line Python file that runs this very package with
  this very Python, in a private folder of this process (removed at exit).
  A Windows Python without the launcher cannot run a file as a program: there
  the passphrase cannot be handed over, and the run says so in one sentence.

May import: the loose basics (it is imported by the entry points before anything else).
"""

from __future__ import annotations

import atexit
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Mapping

from tsbackup_gui.core import children
from tsbackup_gui.core.errors import Exit, UserError
from tsbackup_gui.core.messages import QT_TRANSLATE_NOOP, define
from tsbackup_gui.core.offsite.askpass_mark import MARK, called_as_askpass  # noqa: F401  (re-exported)

PASSPHRASE_VAR = "TSBACKUP_SSH_PASSPHRASE"  # setup reads it; the askpass answer hands it to ssh
WRAPPER_NAME = "tsbackup-askpass"

NO_ASKPASS = define(
    "target.no_askpass",
    QT_TRANSLATE_NOOP(
        "core",
        "The SSH key's passphrase cannot be handed to ssh: the program {program} was not found. Install tsbackup "
        "with its installer (or pip), or use a key without a passphrase.",
    ),
)


def reply(env: Mapping[str, str]) -> tuple[bytes, int]:
    """What the program prints for ssh, and its exit code.

    ssh also uses askpass for yes/no questions (``SSH_ASKPASS_PROMPT=confirm``):
    those are refused (exit 1), never answered with the passphrase.
    """
    if env.get("SSH_ASKPASS_PROMPT", "") in ("confirm", "none"):
        return b"", 1
    passphrase = env.get(PASSPHRASE_VAR)
    if not passphrase:
        return b"", 1
    return passphrase.encode("utf-8") + b"\n", 0


def answer(env: Mapping[str, str], out) -> int:
    """Writes the reply to ``out`` (a binary stream: stdout's buffer) and returns the exit code."""
    data, code = reply(env)
    if data:
        out.write(data)
        out.flush()
    return code


def running() -> tuple[bool, str]:
    """(built app?, the running executable): the facts `program` starts from (tests replace them)."""
    return bool(getattr(sys, "frozen", False)), sys.executable


def program(os_name: str | None = None, *, frozen: bool | None = None, executable: str | None = None,
            env: Mapping[str, str] | None = None, folder: Path | None = None) -> str:
    """The executable ssh starts as ``SSH_ASKPASS`` (one path, no arguments); `UserError` when there is none."""
    os_name = os_name or children.this_os()
    running_frozen, running_executable = running()
    frozen = running_frozen if frozen is None else frozen
    executable = executable or running_executable
    env = os.environ if env is None else env
    exe_name = "tsbackup.exe" if os_name == "windows" else "tsbackup"
    here = Path(executable).parent
    if frozen:
        if env.get("APPIMAGE"):
            return env["APPIMAGE"]
        sibling = here / exe_name
        return str(sibling) if sibling.is_file() else executable
    if os_name == "windows":
        for candidate in (here / exe_name, here / "Scripts" / exe_name):
            if candidate.is_file():
                return str(candidate)
        raise UserError(NO_ASKPASS(program=str(here / exe_name)), Exit.USAGE)
    if any(ch.isspace() for ch in executable):  # a #! line ends at the first blank: pip's entry point instead
        if (here / exe_name).is_file():
            return str(here / exe_name)
        raise UserError(NO_ASKPASS(program=str(here / exe_name)), Exit.USAGE)
    return str(_wrapper(executable, folder))


_WRAPPERS: dict[str, Path] = {}


def _wrapper(executable: str, folder: Path | None) -> Path:
    """A Python file that runs this package with ``executable`` (made once per process, 0700)."""
    key = f"{executable}|{folder}"
    known = _WRAPPERS.get(key)
    if known is not None and known.is_file():
        return known
    if folder is None:
        folder = Path(tempfile.mkdtemp(prefix="tsbackup-askpass-"))
        atexit.register(shutil.rmtree, folder, True)
    package_parent = Path(__file__).resolve().parents[3]
    path = Path(folder) / WRAPPER_NAME
    path.write_text(
        f"#!{executable}\n"
        f"import sys\nsys.path.insert(0, {str(package_parent)!r})\n"
        "from tsbackup_gui.core.offsite.askpass import answer\nimport os\n"
        "sys.exit(answer(os.environ, sys.stdout.buffer))\n",
        encoding="utf-8",
    )
    path.chmod(0o700)
    _WRAPPERS[key] = path
    return path
