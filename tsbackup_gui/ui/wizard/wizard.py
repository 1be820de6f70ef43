"""The setup wizard: Welcome → Your installation → Backup drive → Off-site copy → Schedule →
Recovery sheet → Summary and first backup; or Welcome → Restore from an existing backup.

The pages call `core` and hold no backup logic; everything slow runs on the
worker pool (`Jobs`). Run again from the tray it edits the stored setup,
every page pre-filled. `WizardLauncher` is what the app holds: it reads the
stored setup off the GUI thread, then opens (or raises) the wizard.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtCore import QObject, QSize, Signal
from PySide6.QtWidgets import QWizard

from tsbackup_gui.render.translate import Translator, system_language
from tsbackup_gui.ui import worker
from tsbackup_gui.ui.wizard import ids
from tsbackup_gui.ui.wizard.common import Jobs, WizardEnv, WizardState
from tsbackup_gui.ui.wizard.drive import DrivePage
from tsbackup_gui.ui.wizard.installation import InstallationPage
from tsbackup_gui.ui.wizard.offsite import OffsitePage
from tsbackup_gui.ui.wizard.restore_entry import RestorePage
from tsbackup_gui.ui.wizard.schedule import SchedulePage
from tsbackup_gui.ui.wizard.sheet import SheetPage
from tsbackup_gui.ui.wizard.summary import SummaryPage
from tsbackup_gui.ui.wizard.welcome import WelcomePage


class SetupWizard(QWizard):
    #: Emitted when the wizard closes: the saved Config, or None when nothing was saved.
    done_with = Signal(object)

    def __init__(self, env: WizardEnv | None = None, previous=None, language: str | None = None, parent=None):
        super().__init__(parent)
        self.env = env or WizardEnv()
        self.state = WizardState(previous=previous)
        self.language = language or self.env.language or system_language()
        self.translator = Translator(self.language)
        self.jobs = Jobs(self)
        self.setWindowTitle(self.tr("Set up the backup — tsbackup") if previous is None
                            else self.tr("Backup settings — tsbackup"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setMinimumSize(QSize(760, 600))
        self.pages = {
            ids.WELCOME: WelcomePage(self),
            ids.INSTALLATION: InstallationPage(self),
            ids.DRIVE: DrivePage(self),
            ids.OFFSITE: OffsitePage(self),
            ids.SCHEDULE: SchedulePage(self),
            ids.SHEET: SheetPage(self),
            ids.SUMMARY: SummaryPage(self),
            ids.RESTORE: RestorePage(self),
        }
        for page_id, page in self.pages.items():
            self.setPage(page_id, page)
        self.pages[ids.SHEET].setCommitPage(True)  # the confirmation is recorded: no way back from the summary
        self.setStartId(ids.WELCOME)
        texts = {
            QWizard.WizardButton.BackButton: (self.tr("< &Back"), self.tr("Back")),
            QWizard.WizardButton.NextButton: (self.tr("&Next >"), self.tr("Next")),
            QWizard.WizardButton.CommitButton: (self.tr("&Next >"), self.tr("Next")),
            QWizard.WizardButton.CancelButton: (self.tr("Cancel"), self.tr("Cancel")),
            QWizard.WizardButton.FinishButton: (self.tr("&Finish"), self.tr("Finish")),
        }
        for which, (text, name) in texts.items():
            self.setButtonText(which, text)
            self.button(which).setAccessibleName(name)
        self.finished.connect(self._closed)

    def say(self, message) -> str:
        """A `core` message in the wizard's language."""
        return self.translator(message)

    @property
    def busy(self) -> bool:
        """A worker is going (tests wait for this; Cancel waits for it)."""
        return self.jobs.busy

    def page_of(self, page_id: int):
        return self.pages[page_id]

    def reject(self) -> None:
        """Cancel: refused while a backup or a restore runs; before the settings are saved it leaves nothing."""
        summary, restore = self.pages[ids.SUMMARY], self.pages[ids.RESTORE]
        if summary.running or restore.busy:
            return
        if self._stay_for_the_sheet():
            return
        for key in self.state.generated_keys:
            for path in (key, Path(str(key) + ".pub")):
                try:
                    path.unlink()
                except OSError:
                    pass
        self.state.generated_keys.clear()
        super().reject()

    def _stay_for_the_sheet(self) -> bool:
        """Cancel after the setup was saved, with the sheet not yet confirmed: the off-site password may
        exist only in this computer's keyring, so ask first and offer to print the sheet (Yes stays)."""
        from tsbackup_gui.app.recovery_sheet import sheet_unconfirmed

        if not sheet_unconfirmed(self.state.config):
            return False
        stay = self.env.ask(self, self.tr("Print the recovery sheet first?"), self.tr(
            "The setup is saved. The off-site password is stored only in this computer's password store: if this "
            "computer is lost, nobody can open the off-site backup without the printed recovery sheet.\n\n"
            "Print or save the recovery sheet now? (No closes; the status window keeps reminding you.)"))
        return stay

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        summary, restore = self.pages[ids.SUMMARY], self.pages[ids.RESTORE]
        if summary.running or restore.busy:
            event.ignore()
            return
        super().closeEvent(event)

    def _closed(self, _code: int) -> None:
        self.done_with.emit(self.state.config)


def demo_env(demo_root: Path, language: str | None, drive_name: str) -> WizardEnv:
    """The wizard on the built-in demo: detection in the demo tree, its drive and off-site folder offered."""
    root = Path(demo_root)
    return WizardEnv(
        root=root, os_name="macos", demo="single-user", language=language,
        extra_places=[(drive_name, root / "Volumes" / "Backup Drive")],
        offsite_suggestion=root / "Volumes" / "Offsite NAS" / "timeSensor offsite",
    )


class WizardLauncher(QObject):
    """Opens the wizard for the app: after reading the stored setup on a worker, once at a time."""

    def __init__(self, *, language: str, demo_root: Path | None = None,
                 on_finished: Callable[[object], None] | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.language = language
        self.demo_root = demo_root
        self.on_finished = on_finished
        self.wizard: SetupWizard | None = None
        self.loads = 0  # stored setups read so far (tests wait for it)
        self._tasks: list[worker.Task] = []

    def env(self) -> WizardEnv:
        if self.demo_root is not None:
            return demo_env(self.demo_root, self.language, self.tr("Backup Drive (demo)"))
        return WizardEnv(language=self.language)

    def open(self) -> None:
        """The tray's "Settings…": the wizard, pre-filled when a setup exists."""
        if self.wizard is not None and self.wizard.isVisible():
            self.wizard.raise_()
            self.wizard.activateWindow()
            return
        self._load(lambda previous: self._show(previous))

    def open_if_not_configured(self) -> None:
        """At start: the wizard only when nothing is set up yet."""
        self._load(lambda previous: self._show(None) if previous is None else None)

    def _load(self, then: Callable[[object], None]) -> None:
        from tsbackup_gui.core.store import config as config_mod

        def done(previous):
            self.loads += 1
            then(previous)

        def failed(_exc):  # a damaged settings file: the wizard writes a new one
            done(None)

        task = worker.start(lambda progress: config_mod.load(), on_done=done, on_error=failed)
        self._tasks.append(task)

    def _show(self, previous) -> None:
        self.wizard = SetupWizard(self.env(), previous=previous, language=self.language)
        self.wizard.done_with.connect(self._finished)
        self.wizard.show()
        self.wizard.raise_()
        self.wizard.activateWindow()

    def _finished(self, config) -> None:
        if self.on_finished is not None:
            self.on_finished(config)
        if self.wizard is not None:
            self.wizard.deleteLater()
            self.wizard = None
