"""The yearly restore drill in-process: real restic, a real folder repository, the dated PDF report
read back with pdftotext in English and German, a damaged copy, an unreachable target."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest

from test_restic_support import COMPUTER, PASSWORD, SAMPLE, tree_bytes
from test_verify_support import (DATA, NOW, flip_byte_keeping_size_and_time, german_translator, new_generation,
                                 pdf_text, set_up, with_repo)

from tsbackup_gui.core.store import config as config_mod
from tsbackup_gui.core.clock import FixedClock
from tsbackup_gui.core.check.drill import run_drill
from tsbackup_gui.core.errors import UserError
from tsbackup_gui.core.store.history import History
from tsbackup_gui.core.store.secrets import SecretStore
from tsbackup_gui.core.status.model import compute_status
from tsbackup_gui.core.status.facts import load_attempts
from tsbackup_gui.render.drill_report import write_report
from tsbackup_gui.render.translate import Translator

DRILL_AT = NOW + timedelta(days=1, hours=1)  # Tuesday 2026-03-03 19:30 +01:00
TOTAL = sum(len(data) for data in SAMPLE.values())  # 75,037 bytes: "75.0 KB"


@pytest.fixture
def offsite(tmp_path):
    config, source = set_up(tmp_path)
    generation = new_generation(config)
    repo = with_repo(tmp_path, config, generation)
    SecretStore(config.setup_id).set("repo-password", PASSWORD)
    return config, source, generation, repo


def squeezed(text: str) -> str:
    return "".join(text.split())


def reporter(translator):
    return lambda result, path: write_report(result, path, translator)


def test_drill_restores_compares_and_leaves_an_english_report(offsite, tsbackup_home):
    config, source, generation, repo = offsite
    result = run_drill(config, clock=FixedClock(DRILL_AT), write_report=reporter(Translator("en")))
    assert (result.outcome, result.exit_code, result.files, result.bytes) == ("ok", 0, len(SAMPLE), TOTAL)
    assert result.generation == generation.id and result.verdict == "consistent"
    assert result.seconds > 0 and result.throughput == pytest.approx(TOTAL / result.seconds)
    report = tsbackup_home / "state" / "reports" / "drill-2026-03-03.pdf"
    assert result.report == report and report.read_bytes().startswith(b"%PDF")
    assert not list((tsbackup_home / "state" / "drill-scratch").iterdir())  # the scratch folder is gone

    text = pdf_text(report)
    assert text.startswith(f"Restore drill report {COMPUTER}, 2026-03-03 Result Passed: every restored file matches")
    assert squeezed(f"Off-site repository {repo}") in squeezed(text)  # long paths wrap anywhere
    assert f"Snapshot {result.snapshot_id[:30]}" in text  # the full id (it may wrap)
    assert "Snapshot taken 2026-03-02 18:30:00 (UTC+01:00)" in text
    assert f"Backup generation {generation.id}" in text
    assert "State of the backed-up data consistent" in text
    assert "Started 2026-03-03 19:30:00 (UTC+01:00)" in text
    assert f"Computer {COMPUTER}" in text
    assert f"Duration of restore and comparison {result.seconds:.1f} seconds" in text
    throughput = re.search(r"Throughput ([\d.,]+) (KB|MB) per second", text)
    assert throughput is not None
    assert f"Files compared {len(SAMPLE)} Data compared 75.0 KB" in text
    assert "Items that do not match 0" in text
    for name, data in SAMPLE.items():  # every file compared, with its size
        assert f"{DATA}/{name}" in text

    # recorded: the status model's drill reminder counts from here
    (attempt,) = History().attempts(kind="drill")
    assert (attempt.outcome, attempt.exit_code, attempt.files, attempt.generation) == ("ok", 0, len(SAMPLE), generation.id)
    assert attempt.details["report"] == str(report)
    status = compute_status(config, load_attempts(History()), DRILL_AT + timedelta(days=364))
    assert "reminder.drill" not in [r.code for r in status.reminders]

    again = run_drill(config, clock=FixedClock(DRILL_AT), write_report=reporter(Translator("en")))
    assert again.report == report.with_name("drill-2026-03-03-2.pdf") and report.exists()  # never overwritten


def test_the_report_in_german(offsite, tmp_path):
    config, source, generation, repo = offsite
    german = german_translator(tmp_path / "translations")
    result = run_drill(config, clock=FixedClock(DRILL_AT), write_report=reporter(german))
    assert result.exit_code == 0
    text = pdf_text(result.report)
    assert text.startswith(f"Bericht über die Wiederherstellungsprobe {COMPUTER}, 03.03.2026 Ergebnis Bestanden: "
                           "Jede wiederhergestellte Datei stimmt mit dem Manifest der Sicherung überein.")
    assert f"Sicherungsgeneration {generation.id}" in text
    assert "Snapshot erstellt 02.03.2026 18:30:00 (UTC+01:00)" in text
    assert "Begonnen 03.03.2026 19:30:00 (UTC+01:00)" in text
    assert f"Dauer von Wiederherstellung und Vergleich {result.seconds:.1f} Sekunden" in text
    assert re.search(r"Durchsatz [\d.,’']+ (KB|MB) pro Sekunde", text)
    assert f"Verglichene Dateien {len(SAMPLE)} Verglichene Datenmenge 75.0 KB" in text
    assert "Abweichende Einträge 0" in text
    assert "Zustand der gesicherten Daten" in text
    assert "Verglichene Dateien mit ihrer Grösse Datei Grösse" in text
    assert german(result.messages()[0]).startswith(f"Wiederherstellungsprobe bestanden: {len(SAMPLE)} Dateien")


def test_a_copy_that_does_not_match_its_manifest_fails_the_drill_with_exit_5(tmp_path, tsbackup_home):
    config, source = set_up(tmp_path)
    generation = new_generation(config)
    flip_byte_keeping_size_and_time(generation.path / DATA / "timeSensor.4DIndx")  # damaged before the upload
    with_repo(tmp_path, config, generation)
    SecretStore(config.setup_id).set("repo-password", PASSWORD)
    result = run_drill(config, clock=FixedClock(DRILL_AT), write_report=reporter(Translator("en")))
    assert (result.outcome, result.exit_code) == ("failed", 5)
    assert [m.to_json() for m in result.mismatches] == [{"path": f"{DATA}/timeSensor.4DIndx", "problem": "content"}]
    assert result.reasons[0].english().startswith(
        f"Restore drill failed: 1 restored items do not match the manifest of the off-site copy; the first is "
        f"{DATA}/timeSensor.4DIndx (content differs).")
    text = pdf_text(result.report)
    assert "Failed: 1 restored items do not match the manifest of the backup." in text
    assert f"Items that do not match the manifest File Problem {DATA}/timeSensor.4DIndx content differs" in text
    assert f"Files compared {len(SAMPLE) - 1} " in text
    assert History().attempts(kind="drill")[0].outcome == "failed"


def test_drill_into_a_folder_keeps_the_restored_files(offsite, tmp_path):
    config, source, generation, repo = offsite
    to = tmp_path / "drill-here"
    result = run_drill(config, clock=FixedClock(DRILL_AT), to=to, write_report=reporter(Translator("en")))
    assert result.exit_code == 0 and result.kept
    assert tree_bytes(to / DATA) == tree_bytes(source)
    assert squeezed(f"Restored into {to} Duration") in squeezed(pdf_text(result.report))
    with pytest.raises(UserError) as caught:  # a folder with something in it is refused, nothing recorded
        run_drill(config, clock=FixedClock(DRILL_AT), to=to)
    assert caught.value.exit_code == 2 and caught.value.message.id == "restore.target_not_empty"
    assert len(History().attempts(kind="drill")) == 1


def test_an_unreachable_target_fails_plainly_and_is_recorded(offsite, tmp_path, tsbackup_home):
    config, source, generation, repo = offsite
    config.secondary = {"kind": "folder", "repo": str(tmp_path / "unmounted" / "repo")}
    config_mod.save(config)
    result = run_drill(config, clock=FixedClock(DRILL_AT), write_report=reporter(Translator("en")))
    assert (result.outcome, result.exit_code, result.report) == ("failed", 1, None)
    (message,) = result.messages()
    assert message.id == "offsite.unreachable" and str(tmp_path / "unmounted") in message.english()
    assert not (tsbackup_home / "state" / "reports").exists()
    (attempt,) = History().attempts(kind="drill")
    assert attempt.outcome == "failed" and attempt.reason_code == "offsite.unreachable"


def test_no_offsite_backup_is_exit_2_and_nothing_is_recorded(tmp_path):
    config, source = set_up(tmp_path)
    with pytest.raises(UserError) as caught:
        run_drill(config, clock=FixedClock(DRILL_AT))
    assert caught.value.exit_code == 2 and caught.value.message.id == "drill.no_offsite"
    config.secondary = {"kind": "external", "repo": "external:the provider's agent"}
    with pytest.raises(UserError) as caught:
        run_drill(config, clock=FixedClock(DRILL_AT))
    assert caught.value.message.english() == (
        "The off-site copy is handled outside this program (the provider's agent); do the restore drill with that "
        "service's own tools.")
    assert History().attempts(kind="drill") == []
