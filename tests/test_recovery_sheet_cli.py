"""`tsbackup recovery-sheet` through the real command: the PDF, --confirm ending the status warning,
the password nowhere but on the sheet, a new computer restoring with the sheet's command, plain refusals."""

from __future__ import annotations

import json
import os
import stat
from datetime import datetime
from zoneinfo import ZoneInfo

from test_recovery_sheet_support import SHEET_PASSWORD, make_setup, squeezed, with_snapshot
from test_restic_support import COMPUTER, PASSWORD, tree_bytes
from test_verify_support import DATA, pdf_text, store_password_for_cli

from tsbackup_gui.core.store import config as config_mod


def status_codes(run_cli) -> list[str]:
    done = run_cli("status", "--json")
    report = json.loads(done.stdout)
    return [r["code"] for r in report["reasons"]] + [r["code"] for r in report.get("reminders") or []]


def files_holding(root, secret: str) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file() and secret.encode() in p.read_bytes())


def test_the_sheet_is_written_and_confirm_ends_the_status_warning(tmp_path, run_cli, cli_env, tsbackup_home):
    repo = tmp_path / "offsite-repo"
    config = make_setup(tmp_path, secondary={"kind": "folder", "repo": str(repo)})
    store_password_for_cli(cli_env, config.setup_id, SHEET_PASSWORD)
    assert {"status.recovery_sheet", "reminder.recovery_sheet"} <= set(status_codes(run_cli))
    sheet = tmp_path / "sheet.pdf"

    done = run_cli("recovery-sheet", "--to", sheet)
    assert done.returncode == 0, done.stderr
    assert done.stderr == "" and done.stdout.splitlines() == [
        f"The recovery sheet is saved as {sheet}. It holds the off-site password: print it, keep the printout locked "
        "away from this computer and delete the file.",
        "The status keeps warning until you confirm that the printout is stored safely: run the command again with "
        "--confirm."]
    flat = squeezed(pdf_text(sheet))
    for expected in (f"Computer {COMPUTER}", f"Data folder {config.source}", f"Off-site repository {repo}",
                     f"Backups on the backup drive {tmp_path / 'drive' / 'timeSensor Backups' / COMPUTER}",
                     f"Password {SHEET_PASSWORD}",
                     f"tsbackup restore --repo {repo} --host {COMPUTER} --password-stdin --to DIR"):
        assert squeezed(expected) in flat, expected
    assert stat.S_IMODE(sheet.stat().st_mode) == 0o600  # a file holding the password is readable by its owner only
    assert config_mod.load().recovery_sheet_confirmed is None
    assert "status.recovery_sheet" in status_codes(run_cli)

    sheet.write_bytes(b"an older sheet")
    noon = datetime.now(ZoneInfo("Europe/Zurich")).replace(hour=12, minute=0, second=0, microsecond=0)
    done = run_cli("recovery-sheet", "--to", sheet, "--confirm", at=noon)  # the command's own day, not ours
    assert done.returncode == 0, done.stderr
    today = noon.date().isoformat()
    assert done.stdout.splitlines()[-1] == f"Recorded on {today} that the recovery sheet is stored safely."
    assert len(done.stdout.splitlines()) == 2  # no reminder to confirm once it is confirmed
    assert pdf_text(sheet).startswith("Recovery sheet")  # the same path is written again
    assert config_mod.load().recovery_sheet_confirmed == today
    codes = status_codes(run_cli)
    assert "status.recovery_sheet" not in codes and "reminder.recovery_sheet" not in codes

    # the sheet is the only place the password is shown: not the settings, the log, the state or the cache
    assert (tsbackup_home / "config" / "config.json").exists() and (tsbackup_home / "logs" / "tsbackup.log").exists()
    assert "recovery sheet written" in (tsbackup_home / "logs" / "tsbackup.log").read_text()
    assert files_holding(tsbackup_home, SHEET_PASSWORD) == []
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix in (".pdf", ".tmp")) == ["sheet.pdf"]  # no leftovers


def test_a_new_computer_restores_with_the_command_on_the_sheet(tmp_path, run_cli, cli_env):
    config = make_setup(tmp_path)
    repo = with_snapshot(tmp_path, config)
    store_password_for_cli(cli_env, config.setup_id, PASSWORD)
    sheet = tmp_path / "sheet.pdf"
    assert run_cli("recovery-sheet", "--to", sheet).returncode == 0
    command = f"tsbackup restore --repo {repo} --host {COMPUTER} --password-stdin --to DIR"
    assert squeezed(command) in squeezed(pdf_text(sheet))

    to = tmp_path / "new-computer" / "restored"
    empty_home = {"TSBACKUP_HOME": str(tmp_path / "new-computer" / "home")}  # nothing configured there
    args = [str(to) if word == "DIR" else word for word in command.split()[1:]]
    done = run_cli(*args, env=empty_home, input=PASSWORD + "\n")
    assert done.returncode == 0, done.stderr
    assert tree_bytes(to / DATA) == tree_bytes(tmp_path / DATA)


def test_without_an_offsite_backup_the_sheet_lists_the_backup_drive(tmp_path, run_cli):
    make_setup(tmp_path)
    sheet = tmp_path / "sheet.pdf"
    done = run_cli("recovery-sheet", "--to", sheet)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == (f"The recovery sheet is saved as {sheet}. Print it and keep it with your emergency "
                                   "documents.")
    text = squeezed(pdf_text(sheet))
    assert squeezed(f"Backups on the backup drive {tmp_path / 'drive' / 'timeSensor Backups' / COMPUTER}") in text
    assert squeezed("No off-site backup is set up: the backup drive holds the only copies.") in text


def test_without_a_configuration_it_is_exit_2_and_one_sentence(tmp_path, run_cli):
    done = run_cli("recovery-sheet", "--to", tmp_path / "sheet.pdf")
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == "The backup is not set up yet. Run the setup first.\n"
    assert not (tmp_path / "sheet.pdf").exists()


def test_a_missing_folder_is_exit_2_and_one_sentence(tmp_path, run_cli, cli_env):
    config = make_setup(tmp_path, secondary={"kind": "folder", "repo": str(tmp_path / "offsite-repo")})
    store_password_for_cli(cli_env, config.setup_id, SHEET_PASSWORD)
    target = tmp_path / "USB-Stick" / "sheet.pdf"
    done = run_cli("recovery-sheet", "--to", target, "--confirm")
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == (f"The folder {target.parent} does not exist, so the recovery sheet cannot be saved as "
                           f"{target}. Name a file in an existing folder.\n")
    assert not target.parent.exists() and config_mod.load().recovery_sheet_confirmed is None

    done = run_cli("recovery-sheet", "--to", tmp_path)
    assert done.returncode == 2 and done.stderr == (
        f"{tmp_path} is a folder. Name the file for the recovery sheet, for example {tmp_path / 'recovery-sheet.pdf'}.\n")


def test_a_password_missing_from_the_keyring_is_exit_2_and_nothing_is_written(tmp_path, run_cli):
    repo = tmp_path / "offsite-repo"
    make_setup(tmp_path, secondary={"kind": "folder", "repo": str(repo)})
    sheet = tmp_path / "sheet.pdf"
    done = run_cli("recovery-sheet", "--to", sheet, "--confirm")
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == (f"The password of the off-site backup at {repo} is not in this computer's password store, "
                           "so the recovery sheet cannot be written. Run the setup again and give that password with "
                           "--password-stdin.\n")
    assert not sheet.exists() and config_mod.load().recovery_sheet_confirmed is None
    assert not [p for p in os.listdir(tmp_path) if p.endswith(".tmp")]
