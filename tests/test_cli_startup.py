"""`tsbackup` starts light: only the command it runs is imported, and English never loads Qt.

The figures are in bench/startup.py; these tests check what is imported, not how long it takes.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tsbackup_gui import cli, clicmd
from tsbackup_gui.render import translate

PROBE = """
import json, sys
from tsbackup_gui.cli import main
try:
    code = main(sys.argv[2:])
except SystemExit as exit_:
    code = exit_.code
with open(sys.argv[1], "w", encoding="utf-8") as handle:
    json.dump({"code": code, "modules": sorted(sys.modules)}, handle)
"""


def probe(tmp_path: Path, env: dict[str, str], *args: str) -> tuple[dict, subprocess.CompletedProcess]:
    """Runs `main(ARGS)` in a new interpreter; returns its exit code and every module it imported."""
    result_file = tmp_path / "probe.json"
    result = subprocess.run([sys.executable, "-c", PROBE, str(result_file), *args],
                            env=env, capture_output=True, text=True, timeout=120)
    assert "Traceback" not in result.stderr, result.stderr
    return json.loads(result_file.read_text(encoding="utf-8")), result


def command_modules(modules: list[str]) -> set[str]:
    return {name for name in modules if name.startswith("tsbackup_gui.clicmd.")} - {"tsbackup_gui.clicmd.output"}


def qt_modules(modules: list[str]) -> list[str]:
    return [name for name in modules if name.split(".")[0] in ("PySide6", "shiboken6")]


def test_status_imports_only_its_command_and_no_qt(tmp_path, cli_env):
    found, result = probe(tmp_path, cli_env, "status")
    assert found["code"] == 3  # not set up: UNKNOWN in the monitoring-plugin convention
    assert result.stdout.strip() == "The backup is not set up yet. Run the setup first."
    assert command_modules(found["modules"]) == {"tsbackup_gui.clicmd.status"}
    assert qt_modules(found["modules"]) == []


def test_status_json_is_only_json_and_imports_no_qt(tmp_path, cli_env):
    found, result = probe(tmp_path, cli_env, "status", "--json")
    assert found["code"] == 3
    assert json.loads(result.stdout)["state"] == "not-configured"
    assert command_modules(found["modules"]) == {"tsbackup_gui.clicmd.status"}
    assert qt_modules(found["modules"]) == []


@pytest.mark.parametrize("args", [["--version"], ["--help"], [], ["no-such-command"]])
def test_frame_imports_no_command(tmp_path, cli_env, args):
    found, _ = probe(tmp_path, cli_env, *args)
    assert found["code"] == {"--version": 0, "--help": 0}.get(args[0] if args else "", 2)
    assert command_modules(found["modules"]) == set()
    assert qt_modules(found["modules"]) == []


def test_a_bad_argument_of_a_command_is_one_sentence(tmp_path, cli_env):
    found, result = probe(tmp_path, cli_env, "generations", "--bogus")
    assert found["code"] == 2
    assert result.stderr.strip() == "Unrecognized arguments: --bogus. Run 'tsbackup --help' to see how the command is used."
    assert command_modules(found["modules"]) == {"tsbackup_gui.clicmd.generations"}


def test_help_lists_every_command_with_its_help(run_cli):
    result = run_cli("--help")
    assert result.returncode == 0
    text = " ".join(result.stdout.split())  # argparse wraps long help lines
    for command in clicmd.TABLE:
        assert f" {command.name} {command.help}" in text
    listed = re.findall(r"^    (\S+)", result.stdout, flags=re.MULTILINE)
    assert listed == [command.name for command in clicmd.TABLE]


def test_table_says_what_the_modules_say():
    """The table's names and help lines are the ones each module's `add_parser` registers,
    and every module with an `add_parser` is in the table."""

    class Recorder:
        def __init__(self):
            self.seen = []

        def add_parser(self, name, **kwargs):
            self.seen.append((name, kwargs.get("help")))
            return argparse.ArgumentParser(add_help=False)

    for command, module in zip(clicmd.TABLE, clicmd.load_all()):
        recorder = Recorder()
        module.add_parser(recorder)
        assert recorder.seen == [(command.name, command.help)], command.module
    with_parser = sorted(path.stem for path in Path(clicmd.__file__).parent.glob("*.py")
                         if "\ndef add_parser(" in path.read_text(encoding="utf-8"))
    assert with_parser == sorted(command.module for command in clicmd.TABLE)


def test_lazy_parser_helps_like_the_full_one():
    assert cli.build_parser(load=()).format_help() == cli.build_parser().format_help()
    assert cli.build_parser(load=("status",)).format_help() == cli.build_parser().format_help()


def test_english_and_unknown_languages_translate_without_qt(tmp_path):
    script = """
import json, sys
from tsbackup_gui.core.messages import Message
from tsbackup_gui.render.translate import Translator
from tsbackup_gui.clicmd.output import BAD_USAGE, Output
out = [Translator(lang)(BAD_USAGE(detail="X")) for lang in ("en", "fr", None)]
out.append(Output().sentence(BAD_USAGE(detail="Y")))
print(json.dumps({"said": out, "qt": [m for m in sys.modules if m.startswith("PySide6")]}))
"""
    env = {key: value for key, value in os.environ.items() if key not in ("LC_ALL", "LC_MESSAGES")}
    env["LANG"] = "C.UTF-8"
    result = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120)
    found = json.loads(result.stdout)
    sentence = "X. Run 'tsbackup --help' to see how the command is used."
    assert found["said"] == [sentence, sentence, sentence, sentence.replace("X.", "Y.")]
    assert found["qt"] == []


def test_german_still_comes_from_qt():
    german = translate.Translator("de")
    assert german._qt is not None
    assert german.text("core", "{detail}. Run 'tsbackup --help' to see how the command is used.") == (
        "{detail}. Mit 'tsbackup --help' sehen Sie, wie der Befehl verwendet wird.")


def test_file_check_finds_what_qt_would_load(tmp_path, monkeypatch):
    """Qt also falls back from tsbackup_fr_CH to tsbackup_fr to tsbackup: so does the check before it."""
    shutil.copy(translate.translations_dir() / "tsbackup_de.qm", tmp_path / "tsbackup.qm")
    monkeypatch.setattr(translate, "translations_dir", lambda: tmp_path)
    translate.translator.cache_clear()
    try:
        assert translate._translation_file_exists("fr_CH", tmp_path)
        fallback = translate.Translator("fr_CH")
        assert fallback._qt is not None  # Qt took tsbackup.qm, as it did before the check
        assert "Mit 'tsbackup --help'" in fallback.text("core", "{detail}. Run 'tsbackup --help' to see how the command is used.")
        (tmp_path / "tsbackup.qm").unlink()
        translate.translator.cache_clear()
        assert not translate._translation_file_exists("fr_CH", tmp_path)
        assert translate.Translator("fr_CH")._qt is None
    finally:
        translate.translator.cache_clear()
