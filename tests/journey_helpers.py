"""Shared stand-ins of the office-journey tests: the person at the desk (questions, save dialogs), the
keep-awake tool, a PDF's text and a folder's file hashes."""

from __future__ import annotations

import hashlib
import os
import stat
import subprocess
from pathlib import Path


class Desk:
    """Stands in for the person at the desk: answers the questions and file dialogs the test queued."""

    def __init__(self, answers: list[bool] | None = None, save_to: Path | None = None):
        self.answers = list(answers or [])
        self.questions: list[tuple[str, str]] = []
        self.save_to = save_to

    def ask(self, _parent, title: str, text: str) -> bool:
        self.questions.append((title, text))
        return self.answers.pop(0) if self.answers else False

    def choose_save_file(self, *_args):
        return str(self.save_to) if self.save_to else None


def stand_in_inhibitor(tmp_path: Path, monkeypatch) -> None:
    """A `systemd-inhibit` that only waits: keep-awake works the same on any test machine."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    script = bin_dir / "systemd-inhibit"
    script.write_text("#!/bin/sh\nexec sleep 300\n", encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def tree_hashes(root: Path) -> dict[str, str]:
    """Every file under ``root`` (relative path) → its SHA-256."""
    found = {}
    for folder, _dirs, files in os.walk(root):
        for name in files:
            path = Path(folder) / name
            found[str(path.relative_to(root))] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found
