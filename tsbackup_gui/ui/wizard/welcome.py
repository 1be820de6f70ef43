"""Page 1: what the assistant will do, and the second way in — restoring from an existing backup."""

from __future__ import annotations

from PySide6.QtWidgets import QButtonGroup, QLabel, QRadioButton, QVBoxLayout, QWizardPage

from tsbackup_gui.ui.wizard import ids


class WelcomePage(QWizardPage):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setTitle(self.tr("Welcome"))
        layout = QVBoxLayout(self)

        self.intro = QLabel(self.tr(
            "This assistant sets up the backup of your timeSensor LEGAL data in a few steps. "
            "It finds the data, copies it every day to a backup drive and, encrypted, to a second place away "
            "from the office. Afterwards it checks the backups regularly and tells you when something needs "
            "your attention."), self)
        self.intro.setWordWrap(True)
        self.intro.setAccessibleName(self.tr("What this assistant does"))
        layout.addWidget(self.intro)

        self.demo_note = QLabel(self.tr(
            "Demo mode: a built-in example installation is used, not your real data."), self)
        self.demo_note.setWordWrap(True)
        self.demo_note.setStyleSheet("color: #7a5b00;")
        self.demo_note.setAccessibleName(self.tr("Demo mode"))
        self.demo_note.setVisible(False)
        layout.addWidget(self.demo_note)

        layout.addSpacing(12)
        self.question = QLabel(self.tr("What would you like to do?"), self)
        self.question.setAccessibleName(self.tr("What would you like to do?"))
        layout.addWidget(self.question)
        self.setup_choice = QRadioButton(self.tr("&Set up the backup"), self)
        self.setup_choice.setAccessibleName(self.tr("Set up the backup"))
        self.setup_choice.setChecked(True)
        self.restore_choice = QRadioButton(self.tr("&Restore from an existing backup"), self)
        self.restore_choice.setAccessibleName(self.tr("Restore from an existing backup"))
        self.restore_hint = QLabel(self.tr(
            "For a new computer after a loss: get the data back from the backup drive, or from the off-site "
            "backup with the recovery sheet."), self)
        self.restore_hint.setWordWrap(True)
        self.restore_hint.setIndent(24)
        self.restore_hint.setAccessibleName(self.tr("About restoring"))
        group = QButtonGroup(self)
        group.addButton(self.setup_choice)
        group.addButton(self.restore_choice)
        layout.addWidget(self.setup_choice)
        layout.addWidget(self.restore_choice)
        layout.addWidget(self.restore_hint)
        layout.addStretch(1)

    def initializePage(self) -> None:
        wizard = self.wizard()
        self.demo_note.setVisible(wizard.env.demo is not None)
        if wizard.state.previous is not None:
            self.setTitle(self.tr("Change the backup settings"))
            self.setup_choice.setText(self.tr("&Change the backup settings"))
            self.setup_choice.setAccessibleName(self.tr("Change the backup settings"))
            self.intro.setText(self.tr(
                "Your current settings are filled in on every page. Change what you need; the backups made so far "
                "are kept."))

    def nextId(self) -> int:
        return ids.RESTORE if self.restore_choice.isChecked() else ids.INSTALLATION
