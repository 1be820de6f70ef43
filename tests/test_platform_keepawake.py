"""Keeping the computer awake during a run: the helper per OS, and that it ends with the run."""

from __future__ import annotations

import os
import shutil
import time

import psutil

from tsbackup_gui.core.platform.keepawake import KeepAwake, inhibit_argv


def test_helper_commands_per_os():
    assert inhibit_argv("macos", 4242) == ["caffeinate", "-i", "-w", "4242"]
    assert inhibit_argv("windows", 4242) is None  # an API call on the run's thread instead
    fake = {"systemd-inhibit": "/usr/bin/systemd-inhibit", "tail": "/usr/bin/tail"}.get
    assert inhibit_argv("linux", 4242, which=fake) == [
        "/usr/bin/systemd-inhibit", "--what=sleep:idle", "--who=tsbackup", "--why=A backup of timeSensor LEGAL is running",
        "--mode=block", "/usr/bin/tail", "--pid=4242", "-f", "/dev/null",
    ]
    assert inhibit_argv("linux", 4242, which=lambda name: None) is None


def test_linux_without_systemd_inhibit_does_nothing():
    with KeepAwake("linux", which=lambda name: None) as awake:
        assert awake.process is None and not awake.active


def test_the_helper_lives_only_as_long_as_the_run(tmp_path):
    # A stand-in for systemd-inhibit that simply runs the command it was given (no logind here).
    shim = tmp_path / "systemd-inhibit"
    shim.write_text('#!/bin/sh\nwhile [ "${1#--}" != "$1" ]; do shift; done\nexec "$@"\n')
    shim.chmod(0o755)
    which = lambda name: str(shim) if name == "systemd-inhibit" else shutil.which(name)  # noqa: E731
    with KeepAwake("linux", which=which) as awake:
        helper = awake.process
        assert helper is not None and awake.active
        child = psutil.Process(helper.pid)
        deadline = time.monotonic() + 5
        while not child.cmdline() and time.monotonic() < deadline:  # just forked, not yet exec'd
            time.sleep(0.01)
        assert f"--pid={os.getpid()}" in " ".join(child.cmdline())
    assert helper.poll() is not None
    assert not psutil.pid_exists(helper.pid) or psutil.Process(helper.pid).status() == psutil.STATUS_ZOMBIE


def test_a_macos_run_holds_an_activity_assertion_while_it_copies(tmp_path, monkeypatch):
    """`caffeinate -i -w <pid>` (an idle-sleep assertion tied to this process) runs for the length of the
    copy and is gone after it: a stand-in caffeinate on PATH records what it was handed."""
    import os

    import os_stand_ins as stand_ins
    from tsbackup_gui.app.backup import back_up_now
    from tsbackup_gui.core.clock import Clock
    from tsbackup_gui.core.platform.keepawake import KeepAwake
    from tsbackup_gui.core.store.config import Config

    folder, calls = tmp_path / "bin", tmp_path / "calls.jsonl"
    stand_ins.install(folder, calls, ("caffeinate",))
    monkeypatch.setenv("PATH", f"{folder}{os.pathsep}{os.environ['PATH']}")
    seen = {}

    def copying(config, **_kw):
        for _ in range(200):  # the helper starts asynchronously; it records its argv first thing
            if calls.exists() and calls.read_text():
                break
            import time

            time.sleep(0.05)
        seen["argv"] = stand_ins.argvs(calls)
        seen["alive"] = awake.active
        return "done"

    awake = KeepAwake("macos")
    result = back_up_now(Config(source="/s", primary="/p", computer="PC", setup_id="x"), clock=Clock(),
                         keep_awake=lambda: awake, run=copying)
    assert result == "done"
    assert seen == {"argv": [["caffeinate", "-i", "-w", str(os.getpid())]], "alive": True}
    assert not awake.active and awake.process is None
