"""The build, start to end: check inputs, render icons, run PyInstaller on the spec, package for this OS.

Work files live in a temporary folder (or `--work DIR`), never in the
repository; only the results land in `--dist` (default `dist/`, ignored by git).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from . import icons, linux, macos, windows
from .project import (
    APP_NAME, RESTIC_VERSION_FILE, ROOT, BuildError, inspect_restic, locate_restic, metadata_text, numeric_version,
    read_version, restic_version_text,
)
from .spec import SpecConfig, entry_script


def current_os() -> str:
    if sys.platform.startswith("win"):
        return "windows"
    if sys.platform == "darwin":
        return "macos"
    return "linux"


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="build_installer.py",
                                     description="Builds tsbackup (app and command) with restic for this OS.")
    parser.add_argument("--restic", metavar="PATH", help="the restic program to bundle (default: the one on PATH)")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="where the results go (default: dist/)")
    parser.add_argument("--work", type=Path, default=None, help="work folder (default: a temporary folder, removed)")
    parser.add_argument("--codesign-identity", default=None, help="macOS: Developer ID to sign the .app with")
    parser.add_argument("--notary-profile", default=None,
                        help="macOS: notarytool keychain profile; with --codesign-identity the .dmg is notarised")
    parser.add_argument("--bundle-only", action="store_true", help="stop after the one-folder bundle (no archive)")
    return parser.parse_args(argv)


@dataclass
class BuildResult:
    bundle: Path
    artifacts: list[Path] = field(default_factory=list)
    seconds: float = 0.0
    bundle_bytes: int = 0


def folder_size(path: Path) -> int:
    return sum(p.lstat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def prepare(work: Path, version: str, restic: Path, os_name: str, codesign_identity: str | None) -> Path:
    """Entry scripts, icons, the version record and the restic copy in `work`; returns the spec config file."""
    info = inspect_restic(restic)
    gui_script, cli_script = work / "tsbackup-gui.py", work / "tsbackup.py"
    gui_script.write_text(entry_script("tsbackup_gui.__main__"), encoding="utf-8")
    cli_script.write_text(entry_script("tsbackup_gui.cli"), encoding="utf-8")
    staged = work / "restic" / ("restic.exe" if os_name == "windows" else "restic")  # the name find_restic looks for
    staged.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(restic, staged)
    staged.chmod(0o755)
    record = work / RESTIC_VERSION_FILE
    record.write_text(restic_version_text(info, str(restic)), encoding="utf-8")
    meta = work / f"{APP_NAME}-{version}.dist-info"
    meta.mkdir(exist_ok=True)
    (meta / "METADATA").write_text(metadata_text(version), encoding="utf-8")
    made = icons.write_icons(ROOT / "resources" / "icons" / "tsbackup.svg", work / "icons")
    config = SpecConfig(
        root=str(ROOT), os_name=os_name, version=version, numeric_version=numeric_version(version),
        cli_script=str(cli_script), gui_script=str(gui_script), restic=str(staged),
        extra_datas=[(str(record), "."), (str(meta / "METADATA"), meta.name)],
        icon_ico=str(made.ico), icon_icns=str(made.icns), codesign_identity=codesign_identity,
    )
    return config.write(work / "spec-config.json")


def run_pyinstaller(config_file: Path, work: Path, dist: Path) -> None:
    command = [sys.executable, "-m", "PyInstaller", str(ROOT / "bundling" / "tsbackup.spec"), "--noconfirm",
               "--clean", "--log-level", "WARN", "--distpath", str(dist), "--workpath", str(work / "pyinstaller"),
               "--", str(config_file)]
    # --clean empties PyInstaller's cache; a cache of this build's own keeps two builds on one
    # machine (a developer's and a test's) from cleaning each other's cache mid-build.
    env = dict(os.environ, PYINSTALLER_CONFIG_DIR=str(work / "pyinstaller-cache"))
    result = subprocess.run(command, cwd=work, env=env)
    if result.returncode != 0:
        raise BuildError(f"PyInstaller failed (exit code {result.returncode}); its messages above say why.", 1)


def build(args: argparse.Namespace, os_name: str | None = None) -> BuildResult:
    started = time.monotonic()
    os_name = os_name or current_os()
    version = read_version()
    restic = locate_restic(args.restic)
    try:
        import PyInstaller  # noqa: F401  (only: is it installed?)
    except ImportError:
        raise BuildError("PyInstaller is not installed: run  pip install -e '.[build]'  and build again.") from None
    dist = args.dist.absolute()
    dist.mkdir(parents=True, exist_ok=True)
    temp = None if args.work else tempfile.TemporaryDirectory(prefix="tsbackup-build-")
    work = Path(args.work or temp.name).absolute()
    work.mkdir(parents=True, exist_ok=True)
    try:
        config_file = prepare(work, version, restic, os_name, args.codesign_identity)
        bundle = dist / APP_NAME
        if bundle.exists():
            shutil.rmtree(bundle)
        run_pyinstaller(config_file, work, dist)
        result = BuildResult(bundle=bundle, bundle_bytes=folder_size(bundle))
        if not args.bundle_only:
            result.artifacts = package(os_name, args, dist, bundle, version, work)
    finally:
        if temp is not None:
            temp.cleanup()
    result.seconds = time.monotonic() - started
    return result


def package(os_name: str, args, dist: Path, bundle: Path, version: str, work: Path) -> list[Path]:
    config = SpecConfig.read(work / "spec-config.json")
    if os_name == "windows":
        return windows.package(dist, bundle, version, config.numeric_version, Path(config.icon_ico), work)
    if os_name == "macos":
        return macos.package(dist, version, args.codesign_identity, args.notary_profile)
    return linux.package(dist, bundle, version, work / "icons" / "tsbackup.png", work)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        result = build(args)
    except BuildError as error:
        print(error.sentence, file=sys.stderr)
        return error.exit_code
    except subprocess.CalledProcessError as error:
        print(f"{Path(str(error.cmd[0])).name} failed (exit code {error.returncode}); its messages above say why.",
              file=sys.stderr)
        return 1
    print(f"Bundle: {result.bundle} ({result.bundle_bytes / 1e6:.1f} MB), built in {result.seconds:.0f} s")
    for artifact in result.artifacts:
        print(f"Made: {artifact}")
    return 0
