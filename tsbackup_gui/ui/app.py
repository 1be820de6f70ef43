"""Start-up of the GUI: the application object, the translator, demo mode."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from .. import __version__
from ..render.translate import resources_dir, system_language, translations_dir


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="tsbackup-gui", description="The tsbackup app (tray and status window).")
    parser.add_argument("--demo", action="store_true", help="use a built-in demo installation (no timeSensor needed)")
    parser.add_argument("--demo-dir", type=Path, default=None, help="where the demo lives (default: the user cache)")
    parser.add_argument("--lang", choices=("en", "de"), default=None, help="language (default: the system's)")
    parser.add_argument("--version", action="version", version=f"tsbackup {__version__}")
    return parser.parse_known_args(argv)[0]


def install_translator(app: QCoreApplication, language: str) -> QTranslator | None:
    if language == "en":
        return None
    translator = QTranslator(app)
    if translator.load(f"tsbackup_{language}", str(translations_dir())):
        app.installTranslator(translator)
        return translator
    return None


def demo_home(explicit: Path | None) -> Path:
    """Demo mode keeps its own TSBACKUP_HOME, so it never touches a real setup."""
    if explicit is not None:
        return explicit.absolute()
    import platformdirs

    return Path(platformdirs.user_cache_dir("tsbackup-demo", appauthor=False))


def main(argv: list[str] | None = None) -> int:
    args = parse_args(list(sys.argv[1:] if argv is None else argv))
    demo_root = None
    if args.demo:
        home = demo_home(args.demo_dir)
        os.environ["TSBACKUP_HOME"] = str(home / "home")
        demo_root = home / "root"
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("tsbackup")
    app.setApplicationDisplayName("tsbackup")
    app.setApplicationVersion(__version__)
    icon = resources_dir() / "icons" / "tsbackup.svg"
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    language = args.lang or system_language()
    install_translator(app, language)

    from .status_window import StatusWindow

    window = StatusWindow(demo_root=demo_root, language=language)
    window.show()
    window.refresh()
    return app.exec()
