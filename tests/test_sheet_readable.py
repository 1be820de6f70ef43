"""Issue 22 item 8: a sheet a person can read and type from — the generated password has no look-alikes,
the printed commands never break inside a path or a quoted string, and the assistant's way comes first."""

from __future__ import annotations

import math
import re
import subprocess
from pathlib import Path

import pytest

from test_recovery_sheet_support import SHEET_PASSWORD, german, make_setup
from test_verify_support import NOW

from tsbackup_gui.core.check import recovery_sheet as recovery
from tsbackup_gui.core.setup import offsite_repo
from tsbackup_gui.core.store.secrets import SecretStore
from tsbackup_gui.render.recovery_sheet import command_lines, write_sheet
from tsbackup_gui.render.translate import Translator

LOOK_ALIKES = set("O0oIl1|-_")


def test_a_generated_password_is_groups_of_readable_letters_with_enough_entropy():
    passwords = {offsite_repo.generate_password() for _ in range(200)}
    assert len(passwords) == 200
    alphabet = offsite_repo.PASSWORD_ALPHABET
    assert not LOOK_ALIKES & set(alphabet) and len(set(alphabet)) == len(alphabet)
    bits = offsite_repo.PASSWORD_GROUPS * offsite_repo.PASSWORD_GROUP_LENGTH * math.log2(len(alphabet))
    assert bits >= 128
    for password in passwords:
        groups = password.split("-")
        assert len(groups) == offsite_repo.PASSWORD_GROUPS and all(len(group) in (4, 5) for group in groups)
        assert set("".join(groups)) <= set(alphabet), password
        assert "_" not in password and password == password.strip()
    used = set("".join(passwords).replace("-", ""))
    assert used == set(alphabet), "every letter of the alphabet is drawn"


def layout_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def long_folder_setup(tmp_path, computer="Kanzlei Empfang Zweigstelle Nord"):
    deep = Path("/mnt/Netzlaufwerk der Kanzlei/Sicherungen ausser Haus/timeSensor Kopie mit Leerzeichen")
    config = make_setup(tmp_path, secondary={"kind": "folder", "repo": str(deep / "repo")}, computer=computer)
    SecretStore(config.setup_id).set("repo-password", SHEET_PASSWORD)
    return config, deep / "repo"


@pytest.mark.parametrize("language", ["en", "de"])
def test_commands_on_the_sheet_never_break_inside_a_quoted_path(tmp_path, language):
    config, repo = long_folder_setup(tmp_path)
    sheet = recovery.gather(config, SecretStore(config.setup_id), now=NOW)
    translator = german(tmp_path) if language == "de" else Translator("en")
    text = layout_text(write_sheet(sheet, tmp_path / "sheet.pdf", translator))
    lines = text.splitlines()
    quoted = f'"{repo}"'
    assert len(quoted) > 80  # with its option, longer than a line: the page would have broken it
    for command in (sheet.new_computer_command, sheet.list_command, sheet.restore_command):
        assert quoted in command
    holding = [line for line in lines if quoted in line]
    assert len(holding) == 3, "each of the three commands shows the whole quoted path on one line"
    assert sum('"Kanzlei Empfang Zweigstelle Nord"' in line for line in lines) == 2
    for line in lines:  # a line where a quoted path starts also ends it
        assert '"/mnt/' not in line or quoted in line, line
    pages = subprocess.run(["pdfinfo", str(tmp_path / "sheet.pdf")], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Pages:\s+1$", pages, re.M), "long paths and German words still fit on one page"
    continued = "Type each command as one line" if language == "en" else "Tippen Sie jeden Befehl als eine Zeile"
    assert continued in " ".join(text.split())


def test_a_word_longer_than_a_line_is_set_smaller_not_split(tmp_path):
    long = Path("/mnt") / ("a" * 20) / ("Ordner mit Leerzeichen " * 3).strip() / "repo"
    config = make_setup(tmp_path, secondary={"kind": "folder", "repo": str(long)})
    SecretStore(config.setup_id).set("repo-password", SHEET_PASSWORD)
    sheet = recovery.gather(config, SecretStore(config.setup_id), now=NOW)
    assert len(f'"{long}"') > 100
    text = layout_text(write_sheet(sheet, tmp_path / "sheet.pdf", Translator("en")))
    assert sum(f'"{long}"' in line for line in text.splitlines()) == 3


def test_command_lines_break_between_arguments_and_keep_an_option_with_its_value():
    command = ('restic -r "/mnt/a b/c" -o "sftp.command=ssh -i KEYFILE -p 2222 backup@host -s sftp" '
               'restore latest --host "Kanzlei Empfang" --target DIR')
    lines = command_lines(command, width=44)
    assert lines == ['restic -r "/mnt/a b/c"',
                     '    -o "sftp.command=ssh -i KEYFILE -p 2222 backup@host -s sftp"',
                     '    restore latest --host "Kanzlei Empfang"',
                     '    --target DIR']
    assert " ".join(line.strip() for line in lines) == command
    assert command_lines("tsbackup restore --to DIR") == ["tsbackup restore --to DIR"]


@pytest.mark.parametrize("language", ["en", "de"])
def test_the_sheet_names_the_assistant_before_any_command(tmp_path, language):
    config, _repo = long_folder_setup(tmp_path, computer="Empfang")
    sheet = recovery.gather(config, SecretStore(config.setup_id), now=NOW)
    translator = german(tmp_path) if language == "de" else Translator("en")
    flat = " ".join(layout_text(write_sheet(sheet, tmp_path / "sheet.pdf", translator)).split())
    entry = "Restore from an existing backup" if language == "en" else "Aus einer bestehenden Sicherung wiederherstellen"
    assert entry in flat
    assert flat.index(entry) < flat.index("tsbackup restore") < flat.index("restic -r")


def test_a_stored_password_of_the_old_kind_still_opens_and_is_kept(tmp_path):
    """Setups made before keep their token_urlsafe password: a re-run opens the repository with it."""
    from datetime import datetime

    from test_restic_support import raw_restic

    old = "q7-Hk2_ZxV0lO1IfWm9eR4tYbN8cJ3sPgA5uD6_yL-E"  # what token_urlsafe(32) gave setup before
    repo = tmp_path / "repo"
    assert raw_restic(repo, tmp_path / "cache", "init", password=old).returncode == 0

    class Keyring(dict):
        pass

    plan = offsite_repo.open_or_create(str(repo), offsite_repo.SecondaryOptions(target=str(repo)), None,
                                       previous={"repo": str(repo)}, secrets=Keyring({"repo-password": old}),
                                       now=datetime(2026, 3, 2), kind="folder", restic_factory=None,
                                       fresh_folder=None, empty_check=None)
    assert not plan.created and not plan.generated and plan.password is None and not plan.changed
