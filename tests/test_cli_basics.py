"""The command's frame: version, bad usage as one plain sentence, German under LANG=de."""

import pytest

from tsbackup_gui import __version__


def test_version(run_cli):
    result = run_cli("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"tsbackup {__version__}"


def test_bad_usage_is_one_sentence_and_exit_2(run_cli):
    result = run_cli("no-such-command")
    assert result.returncode == 2
    lines = [line for line in (result.stdout + result.stderr).splitlines() if line.strip()]
    assert len(lines) == 1
    assert "invalid choice: 'no-such-command'" in lines[0]
    assert lines[0].endswith("Run 'tsbackup --help' to see how the command is used.")
    assert "Traceback" not in result.stderr


def test_german_sentence_under_lang_de(run_cli):
    result = run_cli("no-such-command", env={"LANG": "de_DE.UTF-8"})
    assert result.returncode == 2
    assert result.stderr.strip().endswith("Mit 'tsbackup --help' sehen Sie, wie der Befehl verwendet wird.")


def test_no_command_prints_help_and_exit_2(run_cli):
    result = run_cli()
    assert result.returncode == 2
    assert "usage: tsbackup" in result.stderr


@pytest.mark.parametrize("command", ["run", "check", "drill", "generations"])
def test_json_commands_say_in_json_when_nothing_is_set_up(run_cli, command):
    import json

    result = run_cli(command, "--json")
    assert result.returncode == 2
    lines = result.stdout.splitlines()
    assert len(lines) == 1
    summary = json.loads(lines[0])
    assert (summary["event"], summary["outcome"], summary["exit_code"]) == ("summary", "failed", 2)
    assert summary["reasons"][0]["message"] == result.stderr.strip()
