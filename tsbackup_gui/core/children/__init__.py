"""Starting child processes (restic, ssh, ssh-keygen, sftp, the OS tools): the one place that knows each OS's rules.

- Windows: every child starts hidden (``CREATE_NO_WINDOW`` and a STARTUPINFO
  with ``SW_HIDE``): the tray app has no console, and a console window in
  front of office staff, which ends the upload when closed, is never wanted.
  Every child is put into one job object of the app (`winjob`) that ends
  them when the app ends, however it ends.
- Output is decoded as the tool writes it: restic and OpenSSH write UTF-8;
  Windows' own console tools (``schtasks``, ``reg``, ``net``) write the
  console's OEM code page into a pipe (cp850 on a German Windows), not the
  ANSI code page that Python's text mode would use.
- `stop` ends a child politely where a signal reaches it (SIGINT on POSIX:
  restic removes its repository lock), then ``terminate()``, then ``kill()``,
  and returns only once the child's exit has been seen, so a run's lock is
  never released while restic still runs. A hidden Windows child has no
  console that ``CTRL_BREAK_EVENT`` could reach, so there it is terminated
  at once (restic's stale lock is removed by the next run's ``unlock``).

The OS is a parameter (``os_name``: "windows" or "posix"), and the ``popen``
and ``job`` hooks let tests check on Linux what Windows would be handed.

May import: nothing of tsbackup (it sits below `store`).
"""

from __future__ import annotations

import codecs
import logging
import os
import signal
import subprocess
import threading
from dataclasses import dataclass
from typing import Any, Callable, Mapping, Sequence

log = logging.getLogger(__name__)

CREATE_NEW_PROCESS_GROUP = 0x00000200
CREATE_NO_WINDOW = 0x08000000
STARTF_USESHOWWINDOW = 0x00000001
SW_HIDE = 0
TERMINATE_GRACE = 5.0  # seconds between terminate() and kill()
UTF8 = "utf-8"

Popen = Callable[..., Any]
Wait = Callable[[Any, "float | None"], bool]

#: What `start` hands the child to when no ``popen`` is given (tests replace it to record what Windows would get).
POPEN: Popen = subprocess.Popen


def this_os() -> str:
    return "windows" if os.name == "nt" else "posix"


@dataclass
class HiddenWindow:
    """What `subprocess.STARTUPINFO` carries for a hidden child, where that class does not exist (tests on Linux)."""

    dwFlags: int = STARTF_USESHOWWINDOW
    wShowWindow: int = SW_HIDE


def popen_options(os_name: str) -> dict[str, Any]:
    """The keyword arguments every child gets on ``os_name``: hidden on Windows, nothing extra elsewhere."""
    if os_name != "windows":
        return {}
    factory = getattr(subprocess, "STARTUPINFO", None)
    if factory is None:
        info: Any = HiddenWindow()
    else:  # pragma: no cover - Windows only
        info = factory()
        info.dwFlags |= STARTF_USESHOWWINDOW
        info.wShowWindow = SW_HIDE
    return {"creationflags": CREATE_NO_WINDOW | CREATE_NEW_PROCESS_GROUP, "startupinfo": info}


# -- the job object (Windows) --------------------------------------------------------------

_JOB: Any = None
_JOB_LOCK = threading.Lock()


def app_job(kernel32: Callable[[], Any] | None = None) -> Any:
    """This process's job object (made on first use; None when Windows refused it: children still start)."""
    global _JOB
    with _JOB_LOCK:
        if _JOB is None:
            from tsbackup_gui.core.children import winjob

            try:
                _JOB = winjob.Job((kernel32 or winjob.kernel32)())
            except OSError as exc:
                log.warning("no job object for the child processes: %s", exc)
                _JOB = False
        return _JOB or None


def tie(proc: Any, job: Any) -> bool:
    """Puts the started child into ``job``; False (logged) when that failed. The child runs on either way."""
    handle = getattr(proc, "_handle", None)  # Popen's process handle on Windows
    if job is None or handle is None:
        return False
    try:
        job.assign(int(handle))
    except OSError as exc:
        log.warning("child %s is not tied to the app: %s", getattr(proc, "pid", "?"), exc)
        return False
    return True


def start(argv: Sequence[str], *, os_name: str | None = None, popen: Popen | None = None, job: Any = None,
          **kwargs: Any) -> Any:
    """`subprocess.Popen` with the OS's flags; on Windows the child is put into the app's job object."""
    os_name = os_name or this_os()
    options = popen_options(os_name)
    flags = kwargs.pop("creationflags", 0)
    if flags:
        options["creationflags"] = options.get("creationflags", 0) | flags
    options.update(kwargs)
    proc = (popen or POPEN)(list(argv), **options)
    if os_name == "windows":
        tie(proc, job if job is not None else app_job())
    return proc


# -- output ------------------------------------------------------------------------------------


def tool_encoding(os_name: str | None = None, oem_codepage: Callable[[], int] | None = None) -> str:
    """How the OS's own console tools write into a pipe: Windows the OEM code page, elsewhere UTF-8."""
    if (os_name or this_os()) != "windows":
        return UTF8
    try:
        if oem_codepage is None:
            from tsbackup_gui.core.children import winjob

            oem_codepage = winjob.oem_codepage
        name = f"cp{int(oem_codepage())}"
        codecs.lookup(name)
    except (OSError, LookupError, ValueError, AttributeError):
        return UTF8
    return name


def decode(data: bytes | None, encoding: str) -> str:
    """Bytes as text mode would give them (newlines as ``\\n``), unreadable bytes replaced, never an error."""
    if not data:
        return ""
    return data.decode(encoding, errors="replace").replace("\r\n", "\n").replace("\r", "\n")


def run(argv: Sequence[str], *, timeout: float, input: str | None = None, env: Mapping[str, str] | None = None,
        cwd: str | None = None, encoding: str = UTF8, start_new_session: bool = False, os_name: str | None = None,
        popen: Popen | None = None, job: Any = None, input_encoding: str | None = None,
        ) -> "subprocess.CompletedProcess[str]":
    """Like ``subprocess.run(capture_output=True, text=True)``, through `start`, decoded with ``encoding``.
    ``input`` is written in ``input_encoding`` (default: ``encoding``); without it stdin is empty.

    Raises OSError when the program cannot start and `subprocess.TimeoutExpired` after ``timeout``
    (the child is killed and its end awaited first).
    """
    proc = start(argv, os_name=os_name, popen=popen, job=job, env=None if env is None else dict(env), cwd=cwd,
                 stdin=subprocess.PIPE if input is not None else subprocess.DEVNULL, stdout=subprocess.PIPE,
                 stderr=subprocess.PIPE, start_new_session=start_new_session)
    data = input.encode(input_encoding or encoding, errors="replace") if input is not None else None
    try:
        out, err = proc.communicate(data, timeout=timeout)
    except BaseException:
        proc.kill()
        proc.communicate()
        raise
    return subprocess.CompletedProcess(list(argv), proc.returncode, decode(out, encoding), decode(err, encoding))


# -- stopping -----------------------------------------------------------------------------------


def interrupt_for(os_name: str) -> Callable[[Any], None] | None:
    """The polite signal that reaches a child of ours: SIGINT on POSIX; none for a hidden Windows child
    (``CTRL_BREAK_EVENT`` needs a console shared with it, and a hidden child has its own)."""
    if os_name == "windows":
        return None
    return lambda proc: proc.send_signal(signal.SIGINT)


def wait_for(proc: Any, timeout: float | None) -> bool:
    """True when the child has ended within ``timeout`` (None: wait until it has, however long)."""
    if timeout is not None:
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            return False
        return True
    while True:
        try:
            proc.wait(timeout=60)
            return True
        except subprocess.TimeoutExpired:
            log.warning("child %s has not ended yet after kill; still waiting", proc.pid)


def stop(proc: Any, grace: float, *, os_name: str | None = None, terminate_grace: float = TERMINATE_GRACE,
         interrupt: Callable[[Any], None] | None = None, wait: Wait = wait_for) -> None:
    """Polite signal (``grace`` seconds), then terminate (``terminate_grace``), then kill.

    Returns only when the child's exit has been seen: a failing step (the
    signal cannot be sent, the process is gone) falls through to the next.
    ``interrupt`` and ``wait`` replace the OS's signal and the waiting (tests).
    """
    if proc.poll() is not None:
        return
    polite = interrupt if interrupt is not None else interrupt_for(os_name or this_os())
    if polite is not None:
        try:
            polite(proc)
        except OSError as exc:
            log.info("child %s: the polite stop did not reach it (%s); terminating", proc.pid, exc)
        else:
            if wait(proc, grace):
                return
    for step, bound in ((proc.terminate, terminate_grace), (proc.kill, None)):
        if proc.poll() is not None:
            return
        try:
            step()
        except OSError as exc:  # gone meanwhile, or not ours to end: the wait tells
            log.info("child %s: %s failed (%s)", proc.pid, step.__name__, exc)
        if wait(proc, bound):
            return
