"""The installer build keeps PyInstaller's cache in its own work folder: the build passes --clean,
which would otherwise empty the per-user cache that another build on the machine is reading."""

from __future__ import annotations

import subprocess

from bundling import build


def test_pyinstaller_gets_a_cache_folder_inside_the_builds_work_folder(tmp_path, monkeypatch):
    handed = {}

    def fake_run(command, cwd=None, env=None, **_):
        handed.update(command=command, env=env)
        return subprocess.CompletedProcess(command, 0)

    monkeypatch.setattr(build.subprocess, "run", fake_run)
    monkeypatch.setenv("PYINSTALLER_CONFIG_DIR", "/shared/cache")
    build.run_pyinstaller(tmp_path / "spec-config.json", tmp_path / "work", tmp_path / "dist")
    assert "--clean" in handed["command"]
    assert handed["env"]["PYINSTALLER_CONFIG_DIR"] == str(tmp_path / "work" / "pyinstaller-cache")
