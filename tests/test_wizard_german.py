"""The wizard under a German locale: Qt's own strings (self.tr) and core's sentences in German.

The translation is built here the way `scripts/translations.py` builds it
(lupdate over the sources, the pending translations merged, lrelease), into a
temporary folder: so the test shows that every wizard string has its German,
before and after the lead merges the pending file into the .ts.
"""

from __future__ import annotations

import importlib.util
import xml.etree.ElementTree as ET
from pathlib import Path
import shutil
import subprocess

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from tsbackup_gui.render import translate
from tsbackup_gui.ui.wizard import ids

from conftest import REPO
from wizard_helpers import idle, make_wizard, next_to, pick_folder_as_drive, to_installation


WIZARD_CONTEXTS = {"WelcomePage", "InstallationPage", "DrivePage", "OffsitePage", "CloudForm", "PartnerForm",
                   "SchedulePage", "SheetPage", "SummaryPage", "RestorePage", "SetupWizard", "WizardLauncher"}
WIZARD_CORE_IDS = ("drives.", "estimate.", "guide.", "restore_find.")


def untranslated_wizard_strings(ts: Path) -> list[str]:
    """The wizard's own strings and its core sentences that have no German in ``ts``."""
    from tsbackup_gui.core.drives import listing as drives
    from tsbackup_gui.core.setup import estimate, guide as setup_guide
    from tsbackup_gui.core import messages
    from tsbackup_gui.core.restore import find as restore_find  # noqa: F401 - registers them

    core = {kind.template for kind in messages.registry().values() if kind.id.startswith(WIZARD_CORE_IDS)}
    missing = []
    for context in ET.parse(ts).iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            source = message.findtext("source")
            translation = message.find("translation")
            done = translation is not None and translation.get("type") != "unfinished" and (translation.text or "").strip()
            if not done and (name in WIZARD_CONTEXTS or (name == "core" and source in core)):
                missing.append(f"{name}: {source}")
    return missing


@pytest.fixture
def german(tmp_path, monkeypatch, qapp):
    spec = importlib.util.spec_from_file_location("translations_script", REPO / "scripts" / "translations.py")
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    folder = tmp_path / "translations"
    folder.mkdir()
    shutil.copy(script.TS_FILE, folder / script.TS_FILE.name)
    for pending in script.TS_DIR.glob("pending_de_*.json"):
        shutil.copy(pending, folder / pending.name)
    ts = folder / script.TS_FILE.name
    subprocess.run([script.tool("pyside6-lupdate"), "-locations", "none", "-no-obsolete", "-target-language", "de_DE",
                    *[str(REPO / source) for source in script.sources()], "-ts", str(ts)],
                   check=True, stdout=subprocess.DEVNULL)
    monkeypatch.setattr(script, "TS_DIR", folder)
    monkeypatch.setattr(script, "TS_FILE", ts)
    script.merge_pending()
    script.lrelease(out=folder / "tsbackup_de.qm")
    assert untranslated_wizard_strings(ts) == []

    monkeypatch.setenv("LANG", "de_CH.UTF-8")
    monkeypatch.setattr(translate, "translations_dir", lambda: folder)
    translate.translator.cache_clear()
    qt = QTranslator()
    assert qt.load("tsbackup_de", str(folder))
    QCoreApplication.installTranslator(qt)
    yield
    QCoreApplication.removeTranslator(qt)
    translate.translator.cache_clear()


def test_the_wizard_speaks_german_under_a_german_locale(qtbot, tmp_path, german):
    assert translate.system_language() == "de"
    wizard, dialogs = make_wizard(qtbot, tmp_path / "demo", language=translate.system_language())
    welcome = wizard.page_of(ids.WELCOME)
    assert welcome.title() == "Willkommen"
    assert welcome.restore_choice.text() == "Aus einer &bestehenden Sicherung wiederherstellen"
    assert wizard.buttonText(wizard.WizardButton.NextButton) == "&Weiter >"
    assert wizard.buttonText(wizard.WizardButton.CancelButton) == "Abbrechen"
    to_installation(qtbot, wizard)
    install = wizard.page_of(ids.INSTALLATION)
    assert install.title() == "Ihre Installation"
    assert install.headline.text() == "Auf diesem Mac läuft timeSensor LEGAL für einen Benutzer."  # core, in German
    assert install.size_value.text().startswith("Der Datenordner enthält 21 Dateien")
    next_to(qtbot, wizard, ids.DRIVE)
    on_data_disk = tmp_path / "Sicherung auf der Datenfestplatte"  # not one of the demo's stand-in drives
    on_data_disk.mkdir()
    pick_folder_as_drive(qtbot, wizard, dialogs, on_data_disk, insist=False)
    drive = wizard.page_of(ids.DRIVE)
    assert drive.notes.text().startswith("Ungeeignet: Die timeSensor-Daten liegen auf dieser Festplatte")
    assert drive.insist.text() == "Diese Festplatte &trotzdem verwenden: Mir ist das Risiko bewusst"
    drive.insist.setChecked(True)
    next_to(qtbot, wizard, ids.OFFSITE)
    offsite = wizard.page_of(ids.OFFSITE)
    offsite.later_choice.setChecked(True)
    next_to(qtbot, wizard, ids.SCHEDULE)
    schedule = wizard.page_of(ids.SCHEDULE)
    assert schedule.time_hint.text() == "Die Sicherung startet zu dieser Zeit, sobald timeSensor LEGAL geschlossen ist."
    assert schedule.reminders.text() == ("Die erste monatliche Prüfung ist am Sonntag, 27. Dezember 2026 fällig, "
                                         "die erste Wiederherstellungsprobe am Samstag, 27. November 2027.")
    assert [box.text() for box in schedule.day_boxes.values()] == ["Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"]
    idle(qtbot, wizard)
