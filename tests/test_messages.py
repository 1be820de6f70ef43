"""Words the user reads: core stays free of Qt, every sentence has German, the .qm is current."""

import importlib
import pkgutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import tsbackup_gui.core as core_pkg
from tsbackup_gui.core import messages
from tsbackup_gui.render.translate import Translator, language_from_environment

REPO = Path(__file__).resolve().parents[1]
TS_FILE = REPO / "resources" / "translations" / "tsbackup_de.ts"


def core_modules() -> list[str]:
    return [m.name for m in pkgutil.walk_packages(core_pkg.__path__, "tsbackup_gui.core.")]


def test_importing_every_core_module_loads_no_qt():
    code = (
        "import importlib, sys\n"
        f"for name in {core_modules()!r}: importlib.import_module(name)\n"
        "qt = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'PyQt5', 'PyQt6'))\n"
        "print(len(sys.modules)); print(qt)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    count, qt = result.stdout.splitlines()
    assert int(count) > 50 and qt == "[]"


def _german() -> dict[str, str]:
    tree = ET.parse(TS_FILE)
    out = {}
    for message in tree.iter("message"):
        translation = message.find("translation")
        if translation is not None and translation.get("type") != "unfinished" and (translation.text or "").strip():
            out[message.findtext("source")] = translation.text
    return out


def test_every_core_sentence_has_german_with_the_same_placeholders():
    for name in core_modules():
        importlib.import_module(name)
    german = _german()
    kinds = messages.registry()
    assert len(kinds) >= 5
    missing = [k.template for k in kinds.values() if k.template not in german]
    assert missing == []
    wrong = [k.id for k in kinds.values() if messages.placeholders(german[k.template]) != messages.placeholders(k.template)]
    assert wrong == []


def test_compiled_translation_matches_its_source(tmp_path):
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    fresh = tmp_path / "fresh.qm"
    subprocess.run([str(lrelease), "-silent", str(TS_FILE), "-qm", str(fresh)], check=True)
    committed = TS_FILE.with_suffix(".qm")
    assert fresh.read_bytes() == committed.read_bytes(), "run: python scripts/translations.py"


@pytest.mark.parametrize(
    "env, expected",
    [({"LANG": "de_DE.UTF-8"}, "de"), ({"LANG": "de_CH.UTF-8"}, "de"), ({"LANG": "C"}, "en"), ({"LANG": "POSIX"}, "en"),
     ({"LC_ALL": "C.UTF-8", "LANG": "de_DE.UTF-8"}, "en"), ({"LC_MESSAGES": "de_AT", "LANG": "en_US"}, "de"),
     ({"LANG": "fr_FR.UTF-8"}, "en"), ({}, "en")],
)
def test_language_from_environment(env, expected):
    assert language_from_environment(env) == expected


def test_translator_turns_a_message_into_german_and_english():
    from tsbackup_gui.core.store.config import CONFIG_CORRUPT

    msg = CONFIG_CORRUPT(path="/x/config.json", reason="line 1")
    assert Translator("de")(msg) == (
        "Die Einstellungsdatei /x/config.json ist beschädigt (line 1). Sie wurde unverändert gelassen; "
        "stellen Sie sie aus einer Sicherung wieder her oder führen Sie die Einrichtung erneut aus."
    )
    assert Translator("en")(msg) == msg.english()


def test_message_kind_demands_its_parameters():
    kind = messages.define("test.kind", "Hello {name}.")
    with pytest.raises(TypeError):
        kind()
    assert kind(name="Anna").english() == "Hello Anna."
    assert messages.Message.from_json(kind(name="Anna").to_json()) == kind(name="Anna")
