"""What goes into the bundle: hidden imports, excluded modules, data files, Qt trimming.

Pure lists and functions, read by ``tsbackup.spec`` (which PyInstaller runs)
and by the tests. The app imports QtCore, QtGui, QtWidgets, QtNetwork (the
single-instance socket) and QtPrintSupport (the recovery sheet); SVG icons
are drawn by Qt's svg image-format and icon-engine plugins, which pull in
libQt6Svg as a binary dependency. Everything else of PySide6 stays out.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass
from pathlib import Path, PurePosixPath
from typing import Callable, Iterable

# The OS keyrings. keyring finds its backends through entry points, so its metadata goes in too;
# keyrings.alt (plain-text files, the tests' backend) must never reach an office computer.
KEYRING_HIDDEN_IMPORTS = (
    "keyring.backends.Windows",
    "keyring.backends.macOS",
    "keyring.backends.macOS.api",
    "keyring.backends.SecretService",
    "keyring.backends.libsecret",
    "keyring.backends.kwallet",
    "keyring.backends.chainer",
    "keyring.backends.fail",
    "keyring.backends.null",
)
LINUX_HIDDEN_IMPORTS = ("secretstorage", "jeepney", "jeepney.io.blocking")
WINDOWS_HIDDEN_IMPORTS = ("win32ctypes.core", "win32ctypes.pywin32.win32cred")
METADATA_PACKAGES = ("keyring",)

UNUSED_QT_MODULES = (
    "Qt3DAnimation", "Qt3DCore", "Qt3DExtras", "Qt3DInput", "Qt3DLogic", "Qt3DRender", "QtAxContainer",
    "QtBluetooth", "QtCharts", "QtConcurrent", "QtDataVisualization", "QtDesigner", "QtGraphs",
    "QtGraphsWidgets", "QtHelp", "QtHttpServer", "QtLocation", "QtMultimedia", "QtMultimediaWidgets",
    "QtNetworkAuth", "QtNfc", "QtOpenGL", "QtOpenGLWidgets", "QtPdf", "QtPdfWidgets", "QtPositioning",
    "QtQml", "QtQuick", "QtQuick3D", "QtQuickControls2", "QtQuickTest", "QtQuickWidgets",
    "QtRemoteObjects", "QtScxml", "QtSensors", "QtSerialBus", "QtSerialPort", "QtSpatialAudio", "QtSql",
    "QtStateMachine", "QtSvgWidgets", "QtTest", "QtTextToSpeech", "QtUiTools", "QtWebChannel",
    "QtWebEngineCore", "QtWebEngineQuick", "QtWebEngineWidgets", "QtWebSockets", "QtWebView", "QtXml",
)
OTHER_EXCLUDES = (
    "keyrings",  # keyrings.alt: plain-text password files
    "tkinter", "pytest", "_pytest", "pytestqt", "moto", "boto3", "botocore", "aiosmtpd", "PyInstaller",
    "IPython", "numpy", "matplotlib",
)
# Standard-library parts nothing in the app imports (a test imports every app module and checks); some are
# pulled in only by optional imports of other libraries.
UNUSED_STDLIB = (
    "asyncio", "multiprocessing", "unittest", "pydoc", "pydoc_data", "xmlrpc", "doctest", "lib2to3", "distutils",
    "setuptools", "pkg_resources", "pdb", "decimal", "_decimal", "_pydecimal",
)

# Qt's own translations: only the languages the app speaks.
QT_LANGUAGES = ("de", "en")
# Linux platform plugins: X11 (XWayland on Wayland desktops: Qt falls back to xcb when the wayland plugin is
# absent, and the tray works the same through the StatusNotifier bus) and offscreen for headless checks.
# Native Wayland would add ~4 MB of plugins and libraries; eglfs, linuxfb, vnc are for embedded devices.
LINUX_PLATFORMS = ("libqxcb.so", "libqoffscreen.so", "libqminimal.so")
# Plugin folders the app never loads: SQL drivers, QML debugging, designer, TLS (QtNetwork serves only a local
# socket), evdev input (embedded), OpenGL on X11 (a widgets app paints in software), Wayland (see above).
UNUSED_PLUGIN_DIRS = ("sqldrivers", "qmltooling", "designer", "tls", "networkinformation", "egldeviceintegrations",
                      "vectorimageformats", "generic", "xcbglintegrations", "wayland-decoration-client",
                      "wayland-graphics-integration-client", "wayland-graphics-integration-server",
                      "wayland-shell-integration")


# Image formats the app reads: its icons are SVG (PNG is built into QtGui); .ico for Windows' own icon loading.
IMAGE_FORMATS = ("qsvg", "qico")
# The GTK theme plugin drags cairo, pango and friends from the build machine next to the user's own GTK;
# the XDG portal theme gives native file dialogs without them.
UNUSED_PLATFORM_THEMES = ("libqgtk3.so",)


def hidden_imports(os_name: str) -> list[str]:
    extra = {"linux": LINUX_HIDDEN_IMPORTS, "windows": WINDOWS_HIDDEN_IMPORTS}.get(os_name, ())
    # certifi: core/tls.py imports it inside a function; PyInstaller's certifi hook then ships cacert.pem.
    return ["tsbackup_gui.cli", "tsbackup_gui.__main__", "certifi", *KEYRING_HIDDEN_IMPORTS, *extra]


def excludes() -> list[str]:
    return [f"PySide6.{name}" for name in UNUSED_QT_MODULES] + list(OTHER_EXCLUDES) + list(UNUSED_STDLIB)


def project_datas(root: Path) -> list[tuple[str, str]]:
    """The package data the code reads through `resources_dir()`: icons, .qm translations, S3 presets.

    The .ts sources and pending translation files are for translators, not for the app.
    """
    resources = root / "resources"
    datas = [(str(path), "resources/icons") for path in sorted((resources / "icons").glob("*.svg"))]
    datas += [(str(path), "resources/translations") for path in sorted((resources / "translations").glob("*.qm"))]
    datas += [(str(path), "resources") for path in sorted(resources.glob("*.json"))]
    return datas


def keep_entry(dest: str, os_name: str) -> bool:
    """False for Qt files the bundle does not need (a destination path inside the bundle)."""
    parts = PurePosixPath(dest.replace("\\", "/")).parts
    if "translations" in parts and parts[-1].endswith(".qm") and "resources" not in parts:
        stem = parts[-1][:-3]
        return stem.rsplit("_", 1)[-1] in QT_LANGUAGES
    if "plugins" in parts:
        index = parts.index("plugins")
        kind = parts[index + 1] if len(parts) > index + 1 else ""
        if kind in UNUSED_PLUGIN_DIRS:
            return False
        if kind == "platforms" and os_name == "linux":
            return parts[-1] in LINUX_PLATFORMS
        if kind == "platformthemes" and parts[-1] in UNUSED_PLATFORM_THEMES:
            return False
        if kind == "imageformats":
            return any(keep in parts[-1] for keep in IMAGE_FORMATS)
    name = parts[-1] if parts else ""
    # Libraries that only the dropped plugins or modules link against.
    if name.startswith(("libQt6Qml", "libQt6Quick", "libQt6Pdf", "libQt6OpenGLWidgets", "libQt6WaylandCompositor",
                        "libQt6EglFS", "libQt6VirtualKeyboard", "Qt6Qml", "Qt6Quick", "Qt6Pdf")):
        return False
    return True


# Loaded with dlopen, not linked: no other binary names it, yet the bootloader needs it.
ALWAYS_KEEP = ("libpython",)
# Libraries that talk to the user's own desktop services and read its configuration (the print server, the
# X server, the font setup, the session bus). They are on every Linux desktop, and the host's own copy
# matches its services; AppImage's exclude list leaves them out for the same reason. A plugin that needs
# one of them and does not find it is skipped by Qt (e.g. no printer list without CUPS; PDF still works).
HOST_LIBRARIES = ("libcups.so", "libfontconfig.so", "libfreetype.so", "libX11.so", "libX11-xcb.so", "libxcb.so",
                  "libdbus-1.so", "libsystemd.so", "libGL", "libEGL", "libOpenGL")
_SHARED_LIBRARY = re.compile(r"^lib.+\.so(\.\d+)*$")


def prune_libraries(binaries: list[tuple], needed: Callable[[str], Iterable[str]]) -> tuple[list[tuple], list[str]]:
    """Keeps only the shared libraries (Linux) that a kept binary links to, without the host's own.

    Dropping a plugin after the analysis leaves behind the libraries only it
    needed (a GTK theme plugin brings cairo, pango, atk …), and a host
    library brings its own chain (CUPS brings GnuTLS and Kerberos).
    `needed(path)` gives a binary's direct DT_NEEDED sonames; the walk starts
    at everything that is not a plain library (extensions, plugins, restic,
    libpython) and does not pass through host libraries. Returns (kept
    entries, dropped destination names).
    """
    def name(entry) -> str:
        return PurePosixPath(entry[0].replace("\\", "/")).name

    def is_library(entry) -> bool:
        parts = PurePosixPath(entry[0].replace("\\", "/")).parts
        return bool(_SHARED_LIBRARY.match(parts[-1])) and "plugins" not in parts and \
            not parts[-1].startswith(ALWAYS_KEEP)

    def is_host(soname: str) -> bool:
        return soname.startswith(HOST_LIBRARIES)

    by_name = {name(entry): entry for entry in binaries if is_library(entry)}
    queue = [entry for entry in binaries if not is_library(entry)]
    reachable: set[str] = set()
    while queue:
        entry = queue.pop()
        for soname in needed(entry[1]):
            if soname in reachable or is_host(soname) or soname not in by_name:
                continue
            reachable.add(soname)
            queue.append(by_name[soname])
    kept, dropped = [], []
    for entry in binaries:
        if is_library(entry) and name(entry) not in reachable:
            dropped.append(entry[0])
        else:
            kept.append(entry)
    return kept, dropped


def drop_dangling_symlinks(entries: list[tuple], collected: set[str]) -> list[tuple]:
    """PyInstaller lists a top-level symlink for each Qt library among the data files; one whose
    library was pruned would point at nothing."""
    import posixpath

    def target(entry) -> str:
        dest = entry[0].replace("\\", "/")
        return posixpath.normpath(posixpath.join(posixpath.dirname(dest), entry[1].replace("\\", "/")))

    return [entry for entry in entries if entry[2] != "SYMLINK" or target(entry) in collected]


def elf_needed(path: str) -> list[str]:
    """DT_NEEDED entries of an ELF file (objdump, which PyInstaller needs on Linux anyway)."""
    import subprocess

    result = subprocess.run(["objdump", "-p", path], capture_output=True, text=True, stdin=subprocess.DEVNULL)
    return [line.split()[1] for line in result.stdout.splitlines() if line.strip().startswith("NEEDED")]


@dataclass(frozen=True)
class SpecConfig:
    """Everything `tsbackup.spec` needs, written as JSON next to the work files and passed after ``--``."""

    root: str
    os_name: str
    version: str
    numeric_version: str
    cli_script: str
    gui_script: str
    restic: str
    extra_datas: list[tuple[str, str]]
    icon_ico: str
    icon_icns: str
    codesign_identity: str | None = None
    entitlements: str | None = None

    def write(self, path: Path) -> Path:
        path.write_text(json.dumps(asdict(self), indent=2), encoding="utf-8")
        return path

    @classmethod
    def read(cls, path: Path) -> "SpecConfig":
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        data["extra_datas"] = [tuple(item) for item in data["extra_datas"]]
        return cls(**data)


def entry_script(module: str) -> str:
    """A tiny script PyInstaller starts from: the same entry points pyproject.toml declares."""
    return f"import sys\nfrom {module} import main\n\nsys.exit(main())\n"
