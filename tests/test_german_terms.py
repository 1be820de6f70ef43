"""Issue 22 item 12: one German term for each thing (docs/glossary-de.md) and no shortcut letter
taken twice on one page of the wizard, in English or German."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QWizard

from wizard_helpers import make_wizard

from tsbackup_gui.ui.wizard import ids

TS = Path(__file__).resolve().parents[1] / "resources" / "translations" / "tsbackup_de.ts"
FORBIDDEN = ("externe Sicherung", "externen Sicherung", "Auslagerung", "Wiederherstellungstest",
             "Wiederherstellungsübung", "Backup-Laufwerk", "freiwillig", "spart Platz", "ausgelagert")


def german_texts() -> list[tuple[str, str]]:
    return [(m.findtext("source") or "", (m.findtext("translation") or ""))
            for m in ET.parse(TS).getroot().iter("message")]


def test_the_german_catalogue_uses_one_term_for_each_thing():
    found = []
    for source, german in german_texts():
        plain = german.replace("&", "")  # "e&xternen Sicherung" is still the old word
        found.extend(f"{word!r} in {plain!r}" for word in FORBIDDEN if word.lower() in plain.lower())
        if re.search(r"\bProbe\b", plain) and "Wiederherstellungsprobe" not in plain:
            found.append(f"'Probe' alone in {plain!r}")
    assert found == [], "\n".join(found)


def test_the_glossary_names_the_terms_and_the_readme_links_it():
    glossary = (TS.parents[2] / "docs" / "glossary-de.md").read_text(encoding="utf-8")
    for term in ("Sicherungslaufwerk", "Kopie ausser Haus", "Wiederherstellungsprobe", "Wiederherstellungsblatt"):
        assert term in glossary
    assert "docs/glossary-de.md" in (TS.parents[2] / "README.md").read_text(encoding="utf-8")


def mnemonic(text: str) -> str | None:
    match = re.search(r"&([^&\s])", text.replace("&&", ""))
    return match.group(1).lower() if match else None


def shortcuts(wizard: QWizard, page) -> Counter:
    """Shortcut letters a person can press on this page: its shown buttons and labels, and the wizard's buttons."""
    letters: list[tuple[str, str]] = []
    widgets = [w for w in page.findChildren(QAbstractButton) + page.findChildren(QLabel) + page.findChildren(QGroupBox)
               if w.isVisibleTo(page)]
    buttons = [QWizard.WizardButton.CancelButton]
    buttons.append(QWizard.WizardButton.FinishButton if page.nextId() == -1 else QWizard.WizardButton.NextButton)
    if page is not wizard.page(wizard.startId()):
        buttons.append(QWizard.WizardButton.BackButton)
    widgets += [wizard.button(which) for which in buttons]
    for widget in widgets:
        text = widget.title() if isinstance(widget, QGroupBox) else widget.text()
        if isinstance(widget, QLabel) and widget.buddy() is None:
            continue  # a label's & does nothing without a buddy
        letter = mnemonic(text)
        if letter:
            letters.append((letter, text))
    counts = Counter(letter for letter, _ in letters)
    return {letter: [text for each, text in letters if each == letter] for letter, n in counts.items() if n > 1}


@pytest.mark.parametrize("language", ["en", "de"])
def test_no_shortcut_letter_is_taken_twice_on_a_wizard_page(qtbot, tmp_path, language, speaking):
    speaking(language)
    wizard, _dialogs = make_wizard(qtbot, tmp_path / "demo", language=language)
    doubled = {}
    for page_id in wizard.pageIds():
        page = wizard.page(page_id)
        variants = [None]
        if page_id == ids.OFFSITE:
            variants = [page.cloud_choice, page.partner_choice, page.partner.folder_choice, page.partner.sftp_choice,
                        page.outside_choice]
        if page_id == ids.RESTORE:
            variants = [page.drive_choice, page.offsite_choice, "sftp://kanzlei@nas.example/backup", "s3:https://h/b"]
        for variant in variants:
            if isinstance(variant, str):  # the off-site form for this kind of repository
                page.repo.setText(variant)
            elif variant is not None:
                variant.setChecked(True)
            found = shortcuts(wizard, page)
            if found:
                doubled[f"{type(page).__name__}/{getattr(variant, 'text', lambda: variant)() if variant else ''}"] = found
    if language == "de":
        assert wizard.buttonText(QWizard.WizardButton.NextButton) == "&Weiter >"
    assert doubled == {}, "\n".join(f"{k}: {v}" for k, v in doubled.items())
