"""`tsbackup drill` through the real command: the JSON object names the report, plain failures."""

from __future__ import annotations

import json

from test_verify_support import DATA, NOW, new_generation, pdf_text, set_up, store_password_for_cli, with_repo


def test_drill_json_names_the_report_and_keeps_stdout_pure(tmp_path, run_cli, cli_env, tsbackup_home):
    config, source = set_up(tmp_path)
    generation = new_generation(config)
    with_repo(tmp_path, config, generation, when=NOW)
    store_password_for_cli(cli_env, config.setup_id)

    result = run_cli("drill", "--json")
    assert result.returncode == 0, result.stderr
    (line,) = result.stdout.splitlines()
    report = json.loads(line)
    assert (report["outcome"], report["exit_code"], report["files"]) == ("ok", 0, 5)
    assert report["generation"] == generation.id and report["mismatches"] == [] and report["to"] is None
    path = tsbackup_home / "state" / "reports"
    assert report["report"].startswith(str(path / "drill-")) and report["report"].endswith(".pdf")
    assert pdf_text(report["report"]).startswith("Restore drill report")
    lines = result.stderr.splitlines()
    assert lines[0].startswith("Restore drill passed: 5 files (75.0 KB) of the off-site copy from ")
    assert lines[1] == f"The drill report is at {report['report']}."

    to = tmp_path / "kept"
    plain = run_cli("drill", "--to", to)
    assert plain.returncode == 0 and plain.stderr == ""
    assert plain.stdout.splitlines()[-1] == f"The restored files are in {to}."
    assert (to / DATA / "timeSensor.4DD").read_bytes() == (source / "timeSensor.4DD").read_bytes()


def test_drill_without_an_offsite_backup_is_exit_2(tmp_path, run_cli):
    set_up(tmp_path)
    result = run_cli("drill")
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.strip() == ("No off-site backup is set up, so there is nothing to restore in a drill. "
                                     "Add an off-site target in the setup first.")


def test_drill_against_an_unreachable_target_fails_plainly(tmp_path, run_cli, cli_env):
    config, source = set_up(tmp_path, secondary={"kind": "folder", "repo": str(tmp_path / "unmounted" / "repo")})
    store_password_for_cli(cli_env, config.setup_id)
    result = run_cli("drill")
    assert result.returncode == 1 and result.stdout == ""
    (sentence,) = result.stderr.splitlines()
    assert sentence.startswith(f"The off-site backup at {tmp_path / 'unmounted' / 'repo'} cannot be reached (")
    assert sentence.endswith("Check that the drive, network share or internet connection is available.")
    status = json.loads(run_cli("status", "--json").stdout)
    assert "status.drill_failed" in [r["code"] for r in status["reasons"]]
