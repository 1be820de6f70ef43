"""Helpers for the off-site setup and run tests (this module holds no tests itself)."""

from __future__ import annotations

import json
import os
from pathlib import Path

from keyrings.alt.file import PlaintextKeyring

from test_restic_support import SAMPLE, write_source

COMPUTER = "Kanzlei-PC"
DATA = "timeSensor DataFiles"


def make_world(tmp_path: Path) -> tuple[Path, Path]:
    """A data folder (the sample files) and an empty backup drive."""
    source = write_source(tmp_path / "Shared" / DATA, SAMPLE)
    drive = tmp_path / "drive"
    drive.mkdir()
    return source, drive


def setup_cli(run_cli, source: Path, drive: Path, *extra, input: str | None = None, env=None):
    return run_cli("setup", "--source", source, "--primary", drive, "--computer", COMPUTER, *extra, input=input, env=env)


def config_file(home: Path) -> Path:
    return home / "config" / "config.json"


def config_of(home: Path) -> dict:
    return json.loads(config_file(home).read_text(encoding="utf-8"))


def keyring_file(cli_env: dict) -> Path:
    return Path(cli_env["XDG_DATA_HOME"]) / "python_keyring" / "keyring_pass.cfg"


def stored_password(cli_env: dict, setup_id: str, monkeypatch) -> str | None:
    """What the child processes stored in keyrings.alt's file keyring for this setup."""
    monkeypatch.setenv("XDG_DATA_HOME", cli_env["XDG_DATA_HOME"])
    return PlaintextKeyring().get_password("tsbackup", f"{setup_id}:repo-password")


def one_sentence(result) -> str:
    lines = (result.stdout + result.stderr).strip().splitlines()
    assert len(lines) == 1, lines
    assert "Traceback" not in lines[0]
    return lines[0]


def files_containing(root: Path, secret: bytes) -> list[str]:
    """Every file under ``root`` whose bytes contain ``secret`` (as it is, or base64 as keyrings.alt stores it)."""
    import base64

    needles = [secret, base64.b64encode(secret)]
    found = []
    for folder, _dirs, files in os.walk(root):
        for name in files:
            path = Path(folder) / name
            try:
                data = path.read_bytes()
            except OSError:
                continue
            if any(needle in data for needle in needles):
                found.append(str(path))
    return found
