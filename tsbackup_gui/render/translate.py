"""Turns `core` message objects into sentences in the user's language.

Uses Qt's own translator (QtCore only), so the CLI, the tray, the window and
the PDFs say exactly the same sentence. No QCoreApplication is needed: a
`QTranslator` answers lookups directly.

QtCore is imported only when it is needed — a language other than English
whose translation file exists, or the system locale when the environment
names none — so an English `tsbackup` never loads Qt (issue: CLI start-up).
"""

from __future__ import annotations

import os
import sys
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from tsbackup_gui.core.messages import CONTEXT, Message, fill

if TYPE_CHECKING:  # only for annotations: QtCore is imported where a translator is really loaded
    from PySide6.QtCore import QTranslator

SUPPORTED = ("en", "de")


def resources_dir() -> Path:
    """The `resources/` folder: next to the package in a checkout, inside the bundle when frozen."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def translations_dir() -> Path:
    return resources_dir() / "translations"


def language_from_environment(environ: dict[str, str] | None = None) -> str:
    """POSIX order LC_ALL > LC_MESSAGES > LANG; C/POSIX and anything unknown mean English."""
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name)
        if value:
            return _language_code(value)
    return "en"


def system_language() -> str:
    """The GUI's language: the environment where it says something, else Qt's system locale."""
    if any(os.environ.get(name) for name in ("LC_ALL", "LC_MESSAGES", "LANG")):
        return language_from_environment()
    from PySide6.QtCore import QLocale

    for name in QLocale.system().uiLanguages():
        code = _language_code(name)
        if code in SUPPORTED:
            return code
    return "en"


def _language_code(value: str) -> str:
    code = value.split(".")[0].split("@")[0].replace("-", "_").split("_")[0].lower()
    return code if code in SUPPORTED else "en"


@lru_cache(maxsize=None)
def translator(language: str) -> QTranslator | None:
    """The loaded translator for a language, or None for English (the source language)."""
    if language == "en":
        return None
    if not _translation_file_exists(language, translations_dir()):
        return None  # Qt's load would find nothing: no need to import QtCore for that answer
    from PySide6.QtCore import QTranslator

    qt_translator = QTranslator()
    if not qt_translator.load(f"tsbackup_{language}", str(translations_dir())):
        return None
    return qt_translator


def _translation_file_exists(language: str, folder: Path) -> bool:
    """Whether `QTranslator.load(f"tsbackup_{language}", folder)` has any file to try.

    Qt tries the name with ".qm", then bare, then again with the part after each
    last "_" or "." cut off (`tsbackup_de_CH` → `tsbackup_de` → `tsbackup`). This
    checks the same candidates, so a False here is exactly a load Qt would fail.
    """
    name = f"tsbackup_{language}"
    while True:
        if any((folder / candidate).is_file() for candidate in (name + ".qm", name)):
            return True
        cut = max(name.rfind("_"), name.rfind("."))
        if cut <= 0:
            return False
        name = name[:cut]


class Translator:
    """Translates message objects and plain source strings for one language."""

    def __init__(self, language: str | None = None):
        self.language = language or language_from_environment()
        self._qt = translator(self.language)

    def text(self, context: str, source: str) -> str:
        if self._qt is None:
            return source
        return self._qt.translate(context, source) or source

    def __call__(self, message: Message) -> str:
        template = self.text(CONTEXT, message.template)
        params = {key: (self(value) if isinstance(value, Message) else value) for key, value in message.params.items()}
        return fill(template, params)
