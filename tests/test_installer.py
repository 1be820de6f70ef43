"""The installer build's pure parts: Inno Setup script, Info.plist, icons, .desktop and install.sh, what goes
into the bundle, the "no restic" stop, and how a built app finds its restic. The real build is in
test_installer_build.py (slow)."""

from __future__ import annotations

import json
import os
import plistlib
import shutil
import struct
import subprocess
import sys
from pathlib import Path, PureWindowsPath

import pytest

from bundling import icons, linux, macos, windows
from bundling.project import NO_RESTIC, BuildError, locate_restic, numeric_version, read_version
from bundling.spec import (
    UNUSED_QT_MODULES, UNUSED_STDLIB, drop_dangling_symlinks, excludes, hidden_imports, keep_entry, project_datas,
    prune_libraries,
)
from tsbackup_gui.core.restic import driver as restic_mod
from tsbackup_gui.core.platform import autostart
from tsbackup_gui.core.platform.commands import desktop_exec

REPO = Path(__file__).resolve().parents[1]
SYSTEM_RESTIC = shutil.which("restic")


# --- the project's facts ---------------------------------------------------------------------------------------

def test_version_comes_from_pyproject(tmp_path):
    import tomllib

    assert read_version() == tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["version"]
    bad = tmp_path / "pyproject.toml"
    bad.write_text("[project]\nname = 'x'\n")
    with pytest.raises(BuildError, match="version could not be read"):
        read_version(bad)
    assert numeric_version("1.2.3") == "1.2.3.0"
    assert numeric_version("2.0rc1") == "2.0.0.0"
    assert numeric_version("0.1.0-beta.2+build7", 3) == "0.1.0"


def test_restic_is_named_or_found_on_path_else_one_sentence(tmp_path):
    fake = tmp_path / "restic-0.17"
    fake.write_bytes(b"#!/bin/sh\n")
    assert locate_restic(str(fake), which=lambda _name: None) == fake.resolve()
    assert locate_restic(None, which=lambda _name: str(fake)) == fake.resolve()
    with pytest.raises(BuildError) as none:
        locate_restic(None, which=lambda _name: None)
    assert none.value.sentence == NO_RESTIC and none.value.exit_code == 2
    with pytest.raises(BuildError, match="does not exist; name an existing file"):
        locate_restic(str(tmp_path / "missing"))


def _build_without_restic(tmp_path, *args):
    env = {"PATH": str(tmp_path / "empty-bin"), "HOME": str(tmp_path), "LANG": "C.UTF-8"}
    (tmp_path / "empty-bin").mkdir(exist_ok=True)
    return subprocess.run([sys.executable, str(REPO / "build_installer.py"), "--dist", str(tmp_path / "dist"), *args],
                          env=env, capture_output=True, text=True, timeout=60, cwd=tmp_path)


def test_build_without_restic_stops_with_one_plain_sentence_and_exit_2(tmp_path):
    result = _build_without_restic(tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip() == NO_RESTIC
    assert "Traceback" not in result.stderr and result.stdout == ""
    assert not (tmp_path / "dist").exists()  # nothing was made
    wrong = _build_without_restic(tmp_path, "--restic", str(tmp_path / "nope"))
    assert wrong.returncode == 2 and wrong.stderr.count("\n") == 1 and "--restic PATH" in wrong.stderr


def test_a_file_that_is_not_restic_is_refused(tmp_path):
    from bundling.project import inspect_restic

    impostor = tmp_path / "restic"
    impostor.write_text("#!/bin/sh\necho hello\n")
    impostor.chmod(0o755)
    with pytest.raises(BuildError, match="did not answer like restic"):
        inspect_restic(impostor)
    info = inspect_restic(Path(SYSTEM_RESTIC))
    assert info.version_line.startswith("restic ") and info.version.count(".") >= 1


# --- the bundled app finds its own restic ----------------------------------------------------------------------

def test_bundled_restic_is_looked_for_in_the_bundle_then_next_to_the_executable(tmp_path):
    exe = tmp_path / "app" / "tsbackup"
    internal = tmp_path / "app" / "_internal"
    assert restic_mod.bundled_restic_candidates(frozen=False) == []
    assert restic_mod.bundled_restic_candidates(frozen=True, meipass=str(internal), executable=str(exe)) == [
        internal / "restic", tmp_path / "app" / "restic"]


def test_a_frozen_app_prefers_its_bundled_restic_over_path(tmp_path, monkeypatch):
    internal = tmp_path / "app" / "_internal"
    internal.mkdir(parents=True)
    bundled = internal / "restic"
    bundled.write_text("#!/bin/sh\necho 'restic 0.17.3 compiled with go1.23 on linux/amd64'\n")
    bundled.chmod(0o755)
    on_path = tmp_path / "bin"
    on_path.mkdir()
    (on_path / "restic").write_text("#!/bin/sh\n")
    (on_path / "restic").chmod(0o755)
    monkeypatch.setenv("PATH", str(on_path))
    monkeypatch.delenv(restic_mod.ENV_OVERRIDE, raising=False)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(internal), raising=False)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "app" / "tsbackup"))
    assert restic_mod.find_restic() == bundled
    assert restic_mod.restic_version(bundled) == (0, 17, 3)
    monkeypatch.setenv(restic_mod.ENV_OVERRIDE, str(on_path / "restic"))
    assert restic_mod.find_restic() == on_path / "restic"  # the explicit override still wins


# --- what goes into the bundle ---------------------------------------------------------------------------------

def test_every_resource_the_code_reads_is_bundled():
    dests = {(Path(src).name, dest) for src, dest in project_datas(REPO)}
    assert ("s3_presets.json", "resources") in dests
    assert ("tsbackup_de.qm", "resources/translations") in dests
    for svg in (REPO / "resources" / "icons").glob("*.svg"):
        assert (svg.name, "resources/icons") in dests
    assert not any(name.endswith((".ts", ".py")) or name.startswith("pending_") for name, _ in dests)


def test_keyring_backends_are_hidden_imports_and_keyrings_alt_is_excluded():
    linux_imports = hidden_imports("linux")
    for backend in ("keyring.backends.Windows", "keyring.backends.macOS", "keyring.backends.SecretService"):
        assert backend in linux_imports and backend in hidden_imports("windows") and backend in hidden_imports("macos")
    assert "secretstorage" in linux_imports and "win32ctypes.core" in hidden_imports("windows")
    # core/tls.py imports certifi lazily; the hidden import makes PyInstaller's certifi hook ship cacert.pem
    assert all("certifi" in hidden_imports(name) for name in ("linux", "windows", "macos"))
    assert "keyrings" in excludes()
    assert {"PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtWebEngineCore", "PySide6.Qt3DCore",
            "PySide6.QtMultimedia", "PySide6.QtCharts"} <= set(excludes())


def _left_out(name: str) -> bool:
    left_out = {f"PySide6.{qt}" for qt in UNUSED_QT_MODULES} | set(UNUSED_STDLIB) | {"keyrings"}
    return any(name == out or name.startswith(out + ".") for out in left_out)


def test_the_app_imports_nothing_that_the_bundle_leaves_out():
    """Every import statement of the app (also those inside functions), and every module loaded when all app
    modules and the Linux keyring are imported in a fresh interpreter: none may be one the bundle leaves out."""
    import ast

    written = set()
    for source in (REPO / "tsbackup_gui").rglob("*.py"):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                written.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                written.add(node.module)
                written.update(f"{node.module}.{alias.name}" for alias in node.names)
    assert {"PySide6.QtPrintSupport", "PySide6.QtNetwork", "keyring"} <= written
    assert not [name for name in written if _left_out(name)]

    code = (
        "import importlib, pkgutil, sys, json\n"
        "import tsbackup_gui\n"
        "for m in pkgutil.walk_packages(tsbackup_gui.__path__, 'tsbackup_gui.'):\n"
        "    importlib.import_module(m.name)\n"
        "import keyring.backends.SecretService, secretstorage\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120,
                            cwd=REPO)
    assert result.returncode == 0, result.stderr
    loaded = set(json.loads(result.stdout))
    assert {"PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets", "PySide6.QtNetwork"} <= loaded
    assert not [name for name in loaded if _left_out(name)]


def test_qt_files_are_trimmed_to_what_the_app_uses():
    assert keep_entry("PySide6/Qt/translations/qtbase_de.qm", "linux")
    assert not keep_entry("PySide6/Qt/translations/qtbase_fr.qm", "linux")
    assert keep_entry("resources/translations/tsbackup_de.qm", "linux")
    assert keep_entry("PySide6/Qt/plugins/platforms/libqxcb.so", "linux")
    assert keep_entry("PySide6/Qt/plugins/platforms/libqoffscreen.so", "linux")
    assert not keep_entry("PySide6/Qt/plugins/platforms/libqeglfs.so", "linux")
    assert keep_entry("PySide6/Qt/plugins/platforms/qwindows.dll", "windows")
    assert keep_entry("PySide6/Qt/plugins/imageformats/libqsvg.so", "linux")
    assert keep_entry("PySide6/Qt/plugins/iconengines/libqsvgicon.so", "linux")
    assert not keep_entry("PySide6/Qt/plugins/imageformats/libqtiff.so", "linux")
    assert not keep_entry("PySide6/Qt/plugins/sqldrivers/libqsqlite.so", "linux")
    assert not keep_entry("PySide6/Qt/plugins/platformthemes/libqgtk3.so", "linux")
    assert not keep_entry("PySide6/Qt/lib/libQt6Qml.so.6", "linux")
    assert keep_entry("PySide6/Qt/lib/libQt6Svg.so.6", "linux")


def test_libraries_no_kept_binary_links_to_are_pruned_and_host_libraries_stay_out():
    needs = {
        "/x/QtGui.abi3.so": ["libQt6Gui.so.6", "libpython3.11.so.1.0"],
        "/x/libQt6Gui.so.6": ["libQt6Core.so.6", "libfontconfig.so.1", "libc.so.6"],
        "/x/libQt6Core.so.6": ["libicuuc.so.73"],
        "/x/libicuuc.so.73": [],
        "/x/libqcups.so": ["libcups.so.2"],
        "/x/libcups.so.2": ["libgnutls.so.30"],
        "/x/libcairo.so.2": ["libpixman-1.so.0"],
    }
    binaries = [
        ("PySide6/QtGui.abi3.so", "/x/QtGui.abi3.so", "EXTENSION"),
        ("PySide6/Qt/lib/libQt6Gui.so.6", "/x/libQt6Gui.so.6", "BINARY"),
        ("PySide6/Qt/lib/libQt6Core.so.6", "/x/libQt6Core.so.6", "BINARY"),
        ("PySide6/Qt/lib/libicuuc.so.73", "/x/libicuuc.so.73", "BINARY"),
        ("PySide6/Qt/plugins/printsupport/libqcups.so", "/x/libqcups.so", "BINARY"),
        ("libcups.so.2", "/x/libcups.so.2", "BINARY"),
        ("libgnutls.so.30", "/x/libgnutls.so.30", "BINARY"),
        ("libfontconfig.so.1", "/x/libfontconfig.so.1", "BINARY"),
        ("libcairo.so.2", "/x/libcairo.so.2", "BINARY"),
        ("libpixman-1.so.0", "/x/libpixman-1.so.0", "BINARY"),
        ("libpython3.11.so.1.0", "/x/libpython3.11.so.1.0", "BINARY"),
        ("restic", "/x/restic", "BINARY"),
    ]
    kept, dropped = prune_libraries(binaries, lambda path: needs.get(path, []))
    assert sorted(dropped) == ["libcairo.so.2", "libcups.so.2", "libfontconfig.so.1", "libgnutls.so.30",
                               "libpixman-1.so.0"]
    assert [entry[0] for entry in kept] == [
        "PySide6/QtGui.abi3.so", "PySide6/Qt/lib/libQt6Gui.so.6", "PySide6/Qt/lib/libQt6Core.so.6",
        "PySide6/Qt/lib/libicuuc.so.73", "PySide6/Qt/plugins/printsupport/libqcups.so", "libpython3.11.so.1.0",
        "restic"]
    links = [("libQt6Gui.so.6", "PySide6/Qt/lib/libQt6Gui.so.6", "SYMLINK"),
             ("libQt6Qml.so.6", "PySide6/Qt/lib/libQt6Qml.so.6", "SYMLINK"),
             ("resources/x.json", "/src/x.json", "DATA")]
    assert drop_dangling_symlinks(links, {"PySide6/Qt/lib/libQt6Gui.so.6"}) == [links[0], links[2]]


# --- icons -----------------------------------------------------------------------------------------------------

def test_icons_are_rendered_from_the_svg_into_png_ico_and_icns(tmp_path):
    from PySide6.QtGui import QImage

    made = icons.write_icons(REPO / "resources" / "icons" / "tsbackup.svg", tmp_path)
    image = QImage(str(made.png))
    assert (image.width(), image.height()) == (256, 256)
    assert image.pixelColor(128, 128).alpha() == 255 and image.pixelColor(0, 0).alpha() == 0  # drawn, transparent

    ico = made.ico.read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", ico)
    assert (reserved, kind, count) == (0, 1, len(icons.ICO_SIZES))
    for index, size in enumerate(icons.ICO_SIZES):
        width, height, _c, _r, planes, bits, length, offset = struct.unpack_from("<BBBBHHII", ico, 6 + 16 * index)
        assert width == height == (0 if size == 256 else size) and (planes, bits) == (1, 32)
        png = ico[offset:offset + length]
        assert png.startswith(b"\x89PNG") and QImage.fromData(png).width() == size

    icns = made.icns.read_bytes()
    assert icns[:4] == b"icns" and struct.unpack(">I", icns[4:8])[0] == len(icns)
    kinds, pos = [], 8
    while pos < len(icns):
        kind, length = icns[pos:pos + 4], struct.unpack(">I", icns[pos + 4:pos + 8])[0]
        assert icns[pos + 8:pos + 12] == b"\x89PNG"
        kinds.append(kind)
        pos += length
    assert kinds == [b"ic07", b"ic08", b"ic09", b"ic10"] and pos == len(icns)


# --- Windows ---------------------------------------------------------------------------------------------------

def _iss():
    return windows.iss_text("1.4.0", "1.4.0.0", PureWindowsPath(r"C:\build\dist\tsbackup"),
                            PureWindowsPath(r"C:\build\dist"), PureWindowsPath(r"C:\Temp\work\icons\tsbackup.ico"))


def test_the_inno_setup_script_installs_per_user_and_starts_the_app_at_login():
    text = _iss()
    assert "\r\n" in text and "\n" not in text.replace("\r\n", "")
    lines = text.split("\r\n")
    assert lines[1] == "[Setup]"
    assert "AppId={" + windows.APP_ID in lines and len(windows.APP_ID) == 38  # {GUID}, brace escaped
    assert "AppVersion=1.4.0" in lines and "VersionInfoVersion=1.4.0.0" in lines
    assert "PrivilegesRequired=lowest" in lines and r"DefaultDirName={autopf}\tsbackup" in lines
    assert "OutputBaseFilename=tsbackup-1.4.0-windows-setup" in lines
    assert r"SetupIconFile=C:\Temp\work\icons\tsbackup.ico" in lines
    assert r'Source: "C:\build\dist\tsbackup\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs' in lines
    run_line = next(line for line in lines if line.startswith("Root: HKCU"))
    # The same key and value name the app's own autostart setting writes, so there is only ever one entry.
    assert autostart.RUN_KEY == "HKCU\\" + windows.RUN_SUBKEY and windows.RUN_VALUE == autostart.NAME
    assert run_line == (r'Root: HKCU; Subkey: "Software\Microsoft\Windows\CurrentVersion\Run"; ValueType: string; '
                        r'ValueName: "tsbackup"; ValueData: """{app}\tsbackup-gui.exe"""; Flags: uninsdeletevalue')
    assert r'Filename: "{app}\tsbackup.exe"; Parameters: "task remove"; Flags: runhidden; RunOnceId: "RemoveTask"' in lines
    assert any(line.startswith(r'Name: "{autoprograms}\tsbackup"; Filename: "{app}\tsbackup-gui.exe"') for line in lines)
    assert 'Name: "german"; MessagesFile: "compiler:Languages\\German.isl"' in lines
    assert _iss() == text  # stable: same input, same script (and the same AppId for upgrades)


def test_windows_without_inno_setup_gets_a_zip(tmp_path):
    import zipfile

    bundle = tmp_path / "dist" / "tsbackup"
    (bundle / "_internal").mkdir(parents=True)
    (bundle / "tsbackup-gui.exe").write_bytes(b"MZ")
    (bundle / "_internal" / "restic.exe").write_bytes(b"MZ")
    made = windows.package(tmp_path / "dist", bundle, "1.4.0", "1.4.0.0", tmp_path / "x.ico", tmp_path)
    assert [p.name for p in made] == ["tsbackup-1.4.0-windows.zip"]
    assert sorted(zipfile.ZipFile(made[0]).namelist()) == [
        "tsbackup/", "tsbackup/_internal/", "tsbackup/_internal/restic.exe", "tsbackup/tsbackup-gui.exe"]


# --- macOS -----------------------------------------------------------------------------------------------------

def test_info_plist_values():
    values = macos.info_plist("1.4.0rc1", numeric_version("1.4.0rc1"))
    assert values["CFBundleIdentifier"] == autostart.LABEL  # the LaunchAgent's label is the app's id
    assert values["CFBundleShortVersionString"] == "1.4.0" and values["CFBundleVersion"] == "1.4.0rc1"
    assert values["CFBundleName"] == "tsbackup" and values["LSUIElement"] is True
    assert values["NSHighResolutionCapable"] is True and values["LSMinimumSystemVersion"] == "11.0"
    assert plistlib.loads(plistlib.dumps(values))["NSAppSleepDisabled"] is True  # no App Nap for the tray's timers
    assert plistlib.loads(plistlib.dumps(values)) == values


def test_macos_signs_checks_packs_and_notarises_in_that_order(tmp_path):
    ran = []
    made = macos.package(tmp_path, "1.4.0", "Developer ID Application: Kanzlei IT (AB12CD34EF)", "tsb-notary",
                         run=lambda command, check: ran.append(command))
    dmg = str(tmp_path / "tsbackup-1.4.0-macos.dmg")
    app = str(tmp_path / "tsbackup.app")
    assert [p.name for p in made] == ["tsbackup.app", "tsbackup-1.4.0-macos.dmg"]
    assert ran == [
        ["codesign", "--verify", "--deep", "--strict", "--verbose=2", app],
        ["hdiutil", "create", "-volname", "tsbackup", "-srcfolder", app, "-ov", "-format", "UDZO", dmg],
        ["xcrun", "notarytool", "submit", dmg, "--keychain-profile", "tsb-notary", "--wait"],
        ["xcrun", "stapler", "staple", dmg],
    ]
    unsigned = []
    macos.package(tmp_path, "1.4.0", None, "tsb-notary", run=lambda command, check: unsigned.append(command))
    assert [command[0] for command in unsigned] == ["hdiutil"]  # no identity: no signing, nothing to notarise


# --- Linux -----------------------------------------------------------------------------------------------------

def test_install_sh_registers_menu_entry_autostart_and_command_and_removes_them(tmp_path):
    folder = tmp_path / "Programme" / "tsbackup $neu & \"alt\""
    folder.mkdir(parents=True)
    linux.add_installer_files(folder, REPO / "resources" / "icons" / "tsbackup.svg")  # any file serves as icon here
    for name in ("tsbackup", "tsbackup-gui"):
        (folder / name).write_text("#!/bin/sh\nexit 0\n")
        (folder / name).chmod(0o755)
    home = tmp_path / "home"
    home.mkdir()
    env = {"HOME": str(home), "PATH": os.environ["PATH"]}
    done = subprocess.run(["sh", str(folder / "install.sh")], env=env, capture_output=True, text=True, timeout=30)
    assert done.returncode == 0, done.stderr
    assert "starts at login" in done.stdout

    autostart_file = home / ".config" / "autostart" / autostart.DESKTOP_FILE
    menu_file = home / ".local" / "share" / "applications" / "tsbackup.desktop"
    made = dict(line.split("=", 1) for line in autostart_file.read_text().splitlines()[1:])
    app_made = dict(line.split("=", 1) for line in autostart.desktop_entry([str(folder / "tsbackup-gui")])
                    .decode().splitlines()[1:] if "=" in line)
    assert made["Exec"] == desktop_exec([str(folder / "tsbackup-gui")]) == app_made["Exec"]
    # the app's own autostart entry and the installer's agree on every key the app writes
    assert {k: v for k, v in made.items() if k in app_made} == app_made
    assert "X-GNOME-Autostart-enabled" in made and "Categories" in dict(
        line.split("=", 1) for line in menu_file.read_text().splitlines()[1:])
    assert (home / ".local" / "bin" / "tsbackup").resolve() == (folder / "tsbackup").resolve()
    assert (home / ".local" / "share" / "icons" / "hicolor" / "256x256" / "apps" / "tsbackup.png").is_file()

    undone = subprocess.run(["sh", str(folder / "install.sh"), "--uninstall"], env=env, capture_output=True,
                            text=True, timeout=30)
    assert undone.returncode == 0, undone.stderr
    assert not autostart_file.exists() and not menu_file.exists()
    assert not (home / ".local" / "bin" / "tsbackup").exists()


def test_appimage_files():
    apprun = linux.apprun_text()
    assert apprun.startswith("#!/bin/sh\n") and 'exec "$HERE/usr/lib/tsbackup/tsbackup-gui" "$@"' in apprun
    entry = linux.desktop_entry_text("tsbackup-gui")
    assert "Exec=tsbackup-gui\n" in entry and "Icon=tsbackup\n" in entry and "Categories=Utility;Archiving;\n" in entry
