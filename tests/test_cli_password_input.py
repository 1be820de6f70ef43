"""`--password-stdin`: piped, the first line (blanks around it are no part of it); at a terminal, a
prompt and no echo (a real pseudo-terminal here)."""

from __future__ import annotations

import io
import os
import pty
import select
import subprocess
import sys

from tsbackup_gui.clicmd.restore import EMPTY_PASSWORD as EMPTY
from tsbackup_gui.clicmd.stdin import read_secret_line


def test_blanks_and_line_endings_around_a_piped_password_are_dropped(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO("  Geheim Wort 1\t\r\nsecond line\n"))
    assert read_secret_line(EMPTY) == "Geheim Wort 1"


def test_at_a_terminal_the_password_is_asked_for_and_never_shown(cli_env, tmp_path):
    """`tsbackup restore --repo … --password-stdin` typed at a terminal: a prompt, and the typed
    password does not appear on the screen."""
    main, child_end = pty.openpty()
    repo = tmp_path / "no-repo-here"
    child = subprocess.Popen(
        [sys.executable, "-m", "tsbackup_gui.cli", "restore", "--repo", str(repo), "--password-stdin",
         "--to", str(tmp_path / "restored")],
        stdin=child_end, stdout=child_end, stderr=child_end, env=cli_env, close_fds=True)
    os.close(child_end)
    seen = b""

    def read_some(wait: float) -> bool:
        nonlocal seen
        ready, _, _ = select.select([main], [], [], wait)
        if not ready:
            return False
        try:
            chunk = os.read(main, 4096)
        except OSError:  # the terminal closed with the child
            return False
        seen += chunk
        return bool(chunk)

    while b"Password (not shown while typing): " not in seen:
        assert read_some(60), seen
    os.write(main, b"Tippgeheimnis-42\n")
    child.wait(timeout=120)
    while read_some(1):
        pass
    os.close(main)
    assert b"Tippgeheimnis-42" not in seen
    assert child.returncode != 0  # there is no repository at that place: one sentence, no traceback
    assert b"Traceback" not in seen
