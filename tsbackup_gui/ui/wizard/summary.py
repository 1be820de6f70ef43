"""Page 7: what was set up, and the first backup — "Run the first backup now" with a progress bar
(bytes, files, speed, time left) and one result sentence. Finish closes the wizard; the tray stays.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWizardPage

from tsbackup_gui.core.offsite.records import is_external
from tsbackup_gui.core.setup.estimate import ProgressRate
from tsbackup_gui.core.primary.space import human_size
from tsbackup_gui.ui.wizard.common import error_message, headline_label, sentence_label, show


def first_backup(config, clock, where, progress):
    from tsbackup_gui.app.backup import back_up_now

    return back_up_now(config, clock=clock, events=progress, where=where)


class SummaryPage(QWizardPage):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setTitle(self.tr("Summary and first backup"))
        self.setSubTitle(self.tr("The backup is set up. Make the first backup now, so there is one from today."))
        self.running = False
        self.result = None
        self.rate: ProgressRate | None = None
        self.stage = "copying"  # of the first backup's progress: copying, checking, offsite
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.values: dict[str, QLabel] = {}
        for key, caption, accessible in (
            ("source", self.tr("Data:"), self.tr("Data folder")),
            ("primary", self.tr("Backup drive:"), self.tr("Backup folder")),
            ("offsite", self.tr("Off-site copy:"), self.tr("Off-site copy")),
            ("when", self.tr("When:"), self.tr("When the backup runs")),
            ("keep", self.tr("Kept:"), self.tr("How many backups are kept")),
        ):
            label = sentence_label(self, accessible)
            self.values[key] = label
            form.addRow(QLabel(caption, self), label)
        layout.addLayout(form)
        layout.addSpacing(8)

        row = QHBoxLayout()
        self.run_button = QPushButton(self.tr("&Run the first backup now"), self)
        self.run_button.setAccessibleName(self.tr("Run the first backup now"))
        self.run_button.clicked.connect(self.run_first_backup)
        row.addWidget(self.run_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(True)
        self.progress.setAccessibleName(self.tr("Progress of the first backup"))
        layout.addWidget(self.progress)
        self.detail = sentence_label(self, self.tr("Progress details"))
        layout.addWidget(self.detail)
        self.headline = headline_label(self, self.tr("Result of the first backup"))
        layout.addWidget(self.headline)
        self.reasons = sentence_label(self, self.tr("Details of the result"))
        layout.addWidget(self.reasons)
        self.finish_hint = sentence_label(self, self.tr("What happens next"))
        self.finish_hint.setText(self.tr(
            "Finish closes this assistant. The backup icon stays in the menu bar or taskbar and tells you when "
            "something needs your attention."))
        layout.addWidget(self.finish_hint)
        layout.addStretch(1)
        self.progress.setVisible(False)
        show(self.detail, "")
        show(self.headline, "")
        show(self.reasons, "")

    def initializePage(self) -> None:
        wizard = self.wizard()
        state = wizard.state
        config = state.config
        mode = self.tr("single-user") if config.mode == "single" else self.tr("server")
        self.values["source"].setText(self.tr("{0} ({1})").format(config.source, mode))
        from tsbackup_gui.core.primary.target import BACKUPS_DIR

        self.values["primary"].setText(f"{config.primary}/{BACKUPS_DIR}/{config.computer}")
        self.values["offsite"].setText(self._offsite_text(config.secondary))
        days = ", ".join(self._day(day) for day in config.working_days)
        self.values["when"].setText(self.tr("daily at {0}, on {1}").format(config.time, days))
        self.values["keep"].setText(self.tr("{0} daily, {1} weekly and {2} monthly backups").format(
            config.keep_daily, config.keep_weekly, config.keep_monthly))
        if state.previous is not None:
            self.run_button.setText(self.tr("&Back up now"))
            self.run_button.setAccessibleName(self.tr("Back up now"))

    def _offsite_text(self, secondary) -> str:
        if not secondary:
            return self.tr("none yet")
        if is_external(secondary):
            return self.tr("made outside this program: {0}").format(secondary.get("text", ""))
        from tsbackup_gui.core.restic.errors import display_repo

        return self.tr("encrypted, to {0}").format(display_repo(str(secondary.get("repo", ""))))

    def _day(self, key: str) -> str:
        return {"mon": self.tr("Mon"), "tue": self.tr("Tue"), "wed": self.tr("Wed"), "thu": self.tr("Thu"),
                "fri": self.tr("Fri"), "sat": self.tr("Sat"), "sun": self.tr("Sun")}.get(key, key)

    # -- the first backup ------------------------------------------------------------------------------
    def run_first_backup(self) -> None:
        if self.running:
            return
        wizard = self.wizard()
        config, clock, where = wizard.state.config, wizard.env.clock, wizard.env.where
        self.running = True
        self.rate = ProgressRate()
        self.stage = "copying"
        self.run_button.setEnabled(False)
        self.progress.setRange(0, 1000)
        self.progress.setVisible(True)
        self.progress.setValue(0)
        show(self.headline, "")
        show(self.reasons, "")
        show(self.detail, self.tr("Starting the backup …"))
        self.completeChanged.emit()
        wizard.jobs.run(lambda progress: first_backup(config, clock, where, progress), self._finished, self._failed,
                        on_progress=self._progress)

    def _progress(self, event) -> None:
        """Each stage has its own bar and words: the copy to the backup drive, the check of the new backup
        (a moving bar), the off-site upload with restic's counts; the bar never sits full while work goes on."""
        if not isinstance(event, dict) or event.get("event") != "progress" or self.rate is None:
            return
        stage = event.get("stage") or "copying"
        if stage != self.stage:  # a new stage: its own speed and time left
            self.stage, self.rate = stage, ProgressRate()
        self.rate.update(self.wizard().env.monotonic(), event)
        rate = self.rate
        if stage in ("checking", "cleanup") or (stage == "offsite" and not rate.bytes_total):
            self.progress.setRange(0, 0)  # busy: no count to show (yet)
            show(self.detail, {"checking": self.tr("Checking the new backup …"),
                               "cleanup": self.tr("Off-site copy: uploaded; cleaning up old snapshots …")}.get(
                stage, self.tr("Off-site copy: starting the upload …")))
            return
        self.progress.setRange(0, 1000)
        if rate.percent is not None:  # restic counts all bytes read before the snapshot is saved: never full then
            self.progress.setValue(min(int(rate.percent * 10), 990 if stage == "offsite" else 1000))
        parts = [self.tr("{0} of {1}").format(human_size(rate.bytes_done), human_size(rate.bytes_total)),
                 self.tr("{0} of {1} files").format(rate.files_done, rate.files_total)]
        if rate.speed is not None:
            parts.append(self.tr("{0}/s").format(human_size(int(rate.speed))))
        if rate.seconds_left is not None:
            parts.append(self._time_left(rate.seconds_left))
        name = self.tr("Off-site copy") if stage == "offsite" else self.tr("Copying to the backup drive")
        show(self.detail, name + ": " + " · ".join(parts))

    def _time_left(self, seconds: float) -> str:
        if seconds < 60:
            return self.tr("less than a minute left")
        if seconds < 3600:
            return self.tr("about {0} minutes left").format(max(1, round(seconds / 60)))
        return self.tr("about {0} hours left").format(round(seconds / 3600, 1))

    def _finished(self, result) -> None:
        wizard = self.wizard()
        self.running = False
        self.result = result
        messages = result.messages()
        tone = {"ok": "ok", "warning": "warn"}.get(result.outcome, "error")
        if result.outcome in ("ok", "warning"):
            self.progress.setRange(0, 1000)
            self.progress.setValue(1000)
        else:
            self.progress.setVisible(False)
            self.run_button.setEnabled(True)
        show(self.headline, wizard.say(messages[0]) if messages else "", tone)
        show(self.reasons, "\n".join(wizard.say(m) for m in messages[1:]), "warn" if len(messages) > 1 else None)
        show(self.detail, "")
        self.completeChanged.emit()

    def _failed(self, exc: BaseException) -> None:
        self.running = False
        self.run_button.setEnabled(True)
        self.progress.setVisible(False)
        message = error_message(exc)
        show(self.headline, self.wizard().say(message) if message is not None else self.tr(
            "The backup stopped because of an unexpected error ({0}).").format(type(exc).__name__), "error")
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return not self.running

    def nextId(self) -> int:
        return -1
