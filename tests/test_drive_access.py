"""Mapped network letters become their share; macOS' privacy refusal gets its own sentence (OS facts injected)."""

from __future__ import annotations

import errno
import os
import pathlib
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from tsbackup_gui.core.drives import shares
from tsbackup_gui.core.errors import Exit, UserError
from tsbackup_gui.core.primary import target as target_mod
from tsbackup_gui.core.primary.copier import make_generation
from tsbackup_gui.core.primary.target import Target
from tsbackup_gui.core.setup.configure import SetupOptions, configure

PRIVACY = "Allow tsbackup access to this drive in System Settings → Privacy & Security"


@pytest.mark.parametrize("path, remote, expected", [
    ("Z:\\Backups", "\\\\nas\\kanzlei", "\\\\nas\\kanzlei\\Backups"),
    ("z:\\", "\\\\nas\\kanzlei\\", "\\\\nas\\kanzlei\\"),
    ("Z:", "\\\\nas\\kanzlei", "\\\\nas\\kanzlei"),
    ("Z:/Backups/PC", "\\\\nas\\kanzlei", "\\\\nas\\kanzlei\\Backups\\PC"),
    ("E:\\Backups", None, None),  # a local drive: no share behind it
    ("\\\\nas\\kanzlei\\Backups", "\\\\other\\x", None),  # already the share
])
def test_a_mapped_letter_is_its_share(path, remote, expected):
    asked = []

    def remote_name(letter):
        asked.append(letter)
        return remote

    assert shares.unc_path(path, windows=True, remote_name=remote_name) == expected
    assert asked in ([], [path[:2].upper()])


def test_nothing_is_mapped_off_windows():
    assert shares.unc_path("Z:\\Backups", windows=False, remote_name=lambda letter: "\\\\nas\\x") is None


def test_setup_stores_the_share_and_tells_the_it_partner(tmp_path, monkeypatch):
    source = tmp_path / "timeSensor DataFiles"
    source.mkdir()
    (source / "timeSensor.4DD").write_bytes(b"data")
    letter, share = tmp_path / "Z-letter", tmp_path / "nas-share"
    share.mkdir()
    monkeypatch.setattr(shares, "unc_path", lambda path: str(share) if path == str(letter) else None)
    result = configure(SetupOptions(str(source), str(letter), computer="PC"))
    assert result.config.primary == str(share)
    assert Target(share, "PC").read_marker()["setup_id"] == result.config.setup_id
    (note,) = [n for n in result.notes if n.id == "setup.mapped_drive"]
    text = note.english()
    assert f"is on the network share {share}" in text
    assert f"the account the scheduled backup task runs under must be able to open {share} itself" in text


def refuse_marker(monkeypatch, code: int) -> None:
    """Reading a marker fails as macOS fails it for an app without access to removable volumes."""
    real = pathlib.Path.read_bytes

    def read_bytes(self):
        if self.name == target_mod.MARKER_NAME:
            raise PermissionError(code, os.strerror(code), str(self))
        return real(self)

    monkeypatch.setattr(pathlib.Path, "read_bytes", read_bytes)


def test_macos_privacy_refusal_asks_for_access_not_for_adopt(tmp_path, monkeypatch):
    target = Target(tmp_path / "drive", "PC")
    target.write_marker("setup-1")
    monkeypatch.setattr(target_mod, "PLATFORM", "darwin")
    refuse_marker(monkeypatch, errno.EPERM)
    with pytest.raises(UserError) as raised:
        target.require_marker("setup-1")
    text = raised.value.message.english()
    assert text == f"{PRIVACY}: macOS refused access to {tmp_path / 'drive'}. Then start the backup again."
    assert raised.value.exit_code == Exit.TARGET_UNAVAILABLE and "--adopt" not in text


def test_setup_on_macos_asks_for_access_too(tmp_path, monkeypatch):
    source = tmp_path / "timeSensor DataFiles"
    source.mkdir()
    drive = tmp_path / "drive"
    Target(drive, "PC").write_marker("someone")
    monkeypatch.setattr(target_mod, "PLATFORM", "darwin")
    refuse_marker(monkeypatch, errno.EACCES)
    with pytest.raises(UserError) as raised:
        configure(SetupOptions(str(source), str(drive), computer="PC"))
    assert raised.value.message.english().startswith(PRIVACY)


def test_elsewhere_a_refused_marker_says_so_plainly(tmp_path, monkeypatch):
    target = Target(tmp_path / "drive", "PC")
    target.write_marker("setup-1")
    monkeypatch.setattr(target_mod, "PLATFORM", "linux")
    refuse_marker(monkeypatch, errno.EACCES)
    with pytest.raises(UserError) as raised:
        target.require_marker("setup-1")
    assert raised.value.message.english() == (f"The backup drive {tmp_path / 'drive'} cannot be read (Permission denied). "
                                              "Check that this user may read and write the drive.")


def test_a_refused_write_during_the_backup_on_macos_asks_for_access(tmp_path, monkeypatch):
    source = tmp_path / "timeSensor DataFiles"
    source.mkdir()
    (source / "a.txt").write_bytes(b"a")
    target = Target(tmp_path / "drive", "PC")
    target.write_marker("setup-1")
    monkeypatch.setattr(target_mod, "PLATFORM", "darwin")
    real_mkdir = os.mkdir

    def mkdir(path, mode=0o777):
        if ".partial-" in os.fspath(path):
            raise PermissionError(errno.EPERM, "Operation not permitted", path)
        return real_mkdir(path, mode)

    monkeypatch.setattr(os, "mkdir", mkdir)
    with pytest.raises(UserError) as raised:
        make_generation(source, target, setup_id="setup-1", computer="PC",
                        now=datetime(2026, 11, 27, 18, 30, tzinfo=ZoneInfo("Europe/Zurich")))
    assert raised.value.message.english().startswith(PRIVACY)
    assert raised.value.exit_code == Exit.TARGET_UNAVAILABLE
