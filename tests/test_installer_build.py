"""One real Linux build of the installer per test session (slow), used the way a user would: the command,
the demo, the bundled restic with none on PATH, the app offscreen, and the size of the tarball."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

import pytest

from bundling import linux
from bundling.project import read_version
from processes import wait_until

pytestmark = pytest.mark.xdist_group("installer-build")  # with -n: one worker builds the bundle and runs all its tests

REPO = Path(__file__).resolve().parents[1]
SYSTEM_RESTIC = shutil.which("restic")
LIMIT_BYTES = 150 * 1024 * 1024  # the goal: under 150 MB (MiB, as `du -sh` counts) unpacked on Linux


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    """One Linux build per test session (session scope: a worker that runs other tests in between
    keeps it), into a temporary folder. PyInstaller's cache is the build's own: the build passes
    --clean, which empties the shared per-user cache while another build (a second checkout's
    suite) may be reading it."""
    base = tmp_path_factory.mktemp("installer")
    env = {**os.environ, "PYINSTALLER_CONFIG_DIR": str(base / "pyinstaller-cache")}
    result = subprocess.run(
        [sys.executable, str(REPO / "build_installer.py"), "--dist", str(base / "dist"), "--work", str(base / "work")],
        capture_output=True, text=True, timeout=540, cwd=base, env=env,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return base / "dist", result.stdout


def _bundle_env(tmp_path, **extra) -> dict[str, str]:
    """A user's environment: no keyring override from the tests, no restic on PATH."""
    path = ":".join(p for p in ("/usr/local/sbin", "/usr/sbin", "/sbin") if os.path.isdir(p))
    env = {"HOME": str(tmp_path), "TSBACKUP_HOME": str(tmp_path / "tsb"), "LANG": "C.UTF-8", "PATH": path,
           "XDG_RUNTIME_DIR": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / "config")}
    env.update(extra)
    return env


@pytest.mark.slow
@pytest.mark.timeout(600)
def test_built_command_prints_the_project_version(built, tmp_path):
    dist, _log = built
    assert shutil.which("restic", path=_bundle_env(tmp_path)["PATH"]) is None
    done = subprocess.run([str(dist / "tsbackup" / "tsbackup"), "--version"], env=_bundle_env(tmp_path),
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"tsbackup {read_version()}"


@pytest.mark.slow
@pytest.mark.timeout(600)
def test_built_command_detects_a_demo_installation(built, tmp_path):
    dist, _log = built
    exe, env, root = str(dist / "tsbackup" / "tsbackup"), _bundle_env(tmp_path), tmp_path / "demo"
    demo = subprocess.run([exe, "demo", str(root)], env=env, capture_output=True, text=True, timeout=60)
    assert demo.returncode == 0, demo.stderr
    detect = subprocess.run([exe, "detect", "--json", "--root", str(root), "--os", "macos"], env=env,
                            capture_output=True, text=True, timeout=60)
    assert detect.returncode == 0, detect.stderr
    found = json.loads(detect.stdout)
    assert found["mode"] == "single-user"
    assert found["data_dir"] == str(root / "Users" / "Shared" / "timeSensor DataFiles")
    assert found["archive_ok"] is True


@pytest.mark.slow
@pytest.mark.timeout(600)
def test_built_command_runs_its_bundled_restic(built, tmp_path):
    dist, _log = built
    internal = dist / "tsbackup" / "_internal"
    system_version = subprocess.run([SYSTEM_RESTIC, "version"], capture_output=True, text=True).stdout.strip()
    record = (internal / "restic-version.txt").read_text()
    assert record.splitlines()[0] == system_version
    assert (internal / "restic").read_bytes() == Path(SYSTEM_RESTIC).resolve().read_bytes()

    repo = tmp_path / "repo"
    subprocess.run([SYSTEM_RESTIC, "init", "--repo", str(repo)], env={**os.environ, "RESTIC_PASSWORD": "geheim"},
                   check=True, capture_output=True, timeout=60)
    env = _bundle_env(tmp_path)  # restic is not on this PATH: only the bundled one can answer
    done = subprocess.run([str(dist / "tsbackup" / "tsbackup"), "restore", "--repo", str(repo), "--password-stdin",
                           "--to", str(tmp_path / "restored")], input="geheim\n", env=env, capture_output=True,
                          text=True, timeout=120)
    # An empty repository, opened with the right password: restic ran and found no snapshot.
    assert done.returncode == 2
    assert done.stderr.strip() == f"The off-site backup at {repo} holds no snapshot to restore."
    log = (tmp_path / "tsb" / "logs" / "tsbackup.log").read_text()
    assert "restic restore exit 1" in log


@pytest.mark.slow
@pytest.mark.timeout(600)
def test_built_app_starts_offscreen_and_stays_up(built, tmp_path, spawn):
    dist, _log = built
    env = _bundle_env(tmp_path, QT_QPA_PLATFORM="offscreen")
    app = spawn([str(dist / "tsbackup" / "tsbackup-gui"), "--demo", "--demo-dir", str(tmp_path / "demo"),
                 "--tray", "never"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    # the demo is laid out when the window first shows: the app got past its start-up
    wait_until(lambda: (tmp_path / "demo" / "root").is_dir() or app.poll() is not None, timeout=30,
               what="the app did not lay out its demo")
    up_since = time.monotonic()
    wait_until(lambda: app.poll() is not None or time.monotonic() - up_since > 3, timeout=10)  # alive ~3 s?
    assert app.poll() is None, app.stderr.read().decode(errors="replace")[-2000:]
    app.terminate()
    app.wait(timeout=15)


@pytest.mark.slow
@pytest.mark.timeout(600)
def test_the_tarball_holds_everything_and_stays_under_the_size_goal(built):
    dist, log = built
    version = read_version()
    (tarball,) = dist.glob(f"tsbackup-{version}-linux-*.tar.gz")
    size = linux.unpacked_size(tarball)
    assert size < LIMIT_BYTES, f"{size / 2**20:.1f} MiB unpacked"
    with tarfile.open(tarball) as tar:
        members = {m.name: m for m in tar.getmembers()}
    for name in ("tsbackup/tsbackup", "tsbackup/tsbackup-gui", "tsbackup/install.sh", "tsbackup/_internal/restic"):
        assert members[name].isfile() and members[name].mode & 0o111, name
    for name in ("tsbackup/_internal/restic-version.txt", "tsbackup/_internal/resources/s3_presets.json",
                 "tsbackup/_internal/resources/translations/tsbackup_de.qm",
                 "tsbackup/_internal/resources/icons/tsbackup.svg",
                 "tsbackup/_internal/PySide6/Qt/plugins/platforms/libqxcb.so",
                 "tsbackup/_internal/PySide6/Qt/plugins/iconengines/libqsvgicon.so",
                 f"tsbackup/_internal/tsbackup-{version}.dist-info/METADATA"):
        assert name in members, name
    assert not any("keyrings" in name or "QtQml" in name or "QtWebEngine" in name for name in members)
    assert "Bundle:" in log and "built in" in log
