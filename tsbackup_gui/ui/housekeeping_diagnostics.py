"""Save diagnostics for your IT partner…: one zip (settings without passwords, the recent log, the
history, the versions), written by `app.diagnostics.write_diagnostics` on a worker, never over an
existing file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QVBoxLayout, QWidget

from tsbackup_gui.app.diagnostics import write_diagnostics
from tsbackup_gui.core.reports import diagnostics
from tsbackup_gui.core.clock import Clock
from tsbackup_gui.core.places import Places
from tsbackup_gui.ui.housekeeping_common import ChooseSaveFile, HousekeepingDialog, default_choose_save_file, sentence


def default_name(now) -> str:
    return f"tsbackup-diagnostics-{now:%Y-%m-%d}.zip"


def start_folder() -> Path:
    documents = Path.home() / "Documents"
    return documents if documents.is_dir() else Path.home()


class DiagnosticsDialog(HousekeepingDialog):
    def __init__(self, *, language: str = "en", clock: Clock | None = None, where: Places | None = None,
                 parent: QWidget | None = None, choose_save_file: ChooseSaveFile | None = None, secrets=None):
        super().__init__(language=language, clock=clock, parent=parent)
        self.where = where
        self.secrets = secrets
        self.choose_save_file = choose_save_file or default_choose_save_file
        self.written: Path | None = None
        self.setWindowTitle(self.tr("Diagnostics for your IT partner"))
        layout = QVBoxLayout(self)
        layout.addWidget(sentence(self, self.tr("What the diagnostics file holds"), self.tr(
            "When something does not work, your IT partner needs a few facts. This saves them in one zip file: the "
            "backup settings (without any password), the recent log, the record of past backups and the program "
            "versions. Send the file to your IT partner by e-mail.")))
        self.save_button = self.button(self.tr("&Save diagnostics file…"), self.tr("Save the diagnostics file"), self.save)
        self.add_buttons(layout, self.save_button)
        self.result = sentence(self, self.tr("Where the file was saved"))
        layout.addWidget(self.result)
        layout.addStretch(1)
        self.add_close(layout)
        self.show_result("")
        self.resize(560, 0)

    def save(self) -> None:
        if self.busy:
            return
        now = self.clock.now()
        chosen = self.choose_save_file(self, self.tr("Save the diagnostics file"),
                                       str(start_folder() / default_name(now)), self.tr("Zip files (*.zip)"))
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() != ".zip":
            path = path.with_name(path.name + ".zip")
        where, secrets = self.where, self.secrets

        def done(written: Path) -> None:
            self.written = written
            self.show_result(self.say(diagnostics.BUNDLE_WRITTEN(path=str(written))), "ok")

        self.run(lambda: write_diagnostics(path, now, where, secrets), done, long=True)

    def enable(self) -> None:
        if hasattr(self, "save_button"):
            self.save_button.setEnabled(not self.busy)
