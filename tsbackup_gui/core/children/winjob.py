"""A Windows job object that takes our children with it when the app ends (ctypes; imported on Windows only,
and by tests with a stand-in ``kernel32``).

The job is made once per process with ``JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE``
and its handle is never closed: Windows closes it when the app ends in any
way (Quit, a crash, Task Manager, the scheduler stopping the task), and then
ends every process in the job. restic's own ssh child is put into the job by
Windows itself, because a process in a job starts its children there.

May import: nothing of tsbackup (it sits below everything).
"""

from __future__ import annotations

import ctypes
from typing import Any

JOB_OBJECT_EXTENDED_LIMIT_INFORMATION_CLASS = 9  # JobObjectExtendedLimitInformation
JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE = 0x00002000


class IoCounters(ctypes.Structure):
    _fields_ = [(name, ctypes.c_uint64) for name in (
        "ReadOperationCount", "WriteOperationCount", "OtherOperationCount",
        "ReadTransferCount", "WriteTransferCount", "OtherTransferCount")]


class BasicLimitInformation(ctypes.Structure):
    """JOBOBJECT_BASIC_LIMIT_INFORMATION (LARGE_INTEGER as int64, SIZE_T and ULONG_PTR as size_t)."""

    _fields_ = [
        ("PerProcessUserTimeLimit", ctypes.c_int64),
        ("PerJobUserTimeLimit", ctypes.c_int64),
        ("LimitFlags", ctypes.c_uint32),
        ("MinimumWorkingSetSize", ctypes.c_size_t),
        ("MaximumWorkingSetSize", ctypes.c_size_t),
        ("ActiveProcessLimit", ctypes.c_uint32),
        ("Affinity", ctypes.c_size_t),
        ("PriorityClass", ctypes.c_uint32),
        ("SchedulingClass", ctypes.c_uint32),
    ]


class ExtendedLimitInformation(ctypes.Structure):
    """JOBOBJECT_EXTENDED_LIMIT_INFORMATION."""

    _fields_ = [
        ("BasicLimitInformation", BasicLimitInformation),
        ("IoInfo", IoCounters),
        ("ProcessMemoryLimit", ctypes.c_size_t),
        ("JobMemoryLimit", ctypes.c_size_t),
        ("PeakProcessMemoryUsed", ctypes.c_size_t),
        ("PeakJobMemoryUsed", ctypes.c_size_t),
    ]


class Job:
    """One job object; `assign` puts a started child (its process handle) into it."""

    def __init__(self, kernel32: Any):
        self.kernel32 = kernel32
        handle = kernel32.CreateJobObjectW(None, None)
        if not handle:
            raise ctypes_error("CreateJobObjectW")
        self.info = ExtendedLimitInformation()
        self.info.BasicLimitInformation.LimitFlags = JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE
        if not kernel32.SetInformationJobObject(handle, JOB_OBJECT_EXTENDED_LIMIT_INFORMATION_CLASS,
                                                ctypes.pointer(self.info), ctypes.sizeof(self.info)):
            error = ctypes_error("SetInformationJobObject")
            kernel32.CloseHandle(handle)
            raise error
        self.handle = handle

    def assign(self, process_handle: int) -> None:
        if not self.kernel32.AssignProcessToJobObject(self.handle, process_handle):
            raise ctypes_error("AssignProcessToJobObject")


def ctypes_error(call: str) -> OSError:
    code = ctypes.get_last_error() if hasattr(ctypes, "get_last_error") else 0
    return OSError(code, f"{call} failed (Windows error {code})")


def kernel32() -> Any:  # pragma: no cover - Windows only
    """kernel32 with the argument types of the three calls (handles are pointer-sized)."""
    library = getattr(ctypes, "WinDLL")("kernel32", use_last_error=True)
    library.CreateJobObjectW.argtypes = [ctypes.c_void_p, ctypes.c_wchar_p]
    library.CreateJobObjectW.restype = ctypes.c_void_p
    library.SetInformationJobObject.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_void_p, ctypes.c_uint32]
    library.SetInformationJobObject.restype = ctypes.c_int
    library.AssignProcessToJobObject.argtypes = [ctypes.c_void_p, ctypes.c_void_p]
    library.AssignProcessToJobObject.restype = ctypes.c_int
    library.CloseHandle.argtypes = [ctypes.c_void_p]
    library.CloseHandle.restype = ctypes.c_int
    return library


def oem_codepage() -> int:  # pragma: no cover - Windows only
    """The console's OEM code page (850 on a German Windows), in which Windows' own tools write to a pipe."""
    return int(getattr(ctypes, "windll").kernel32.GetOEMCP())
