"""Pause backups…: 1 to 30 days, the day they resume shown before anything is saved; "Resume backups
now" while a pause lasts. The rules (midnight local time, ends by itself) are `core.pause`'s."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from tsbackup_gui.app.pause import pause_for, resume_now
from tsbackup_gui.core.schedule import pause as pause_mod
from tsbackup_gui.core.clock import Clock
from tsbackup_gui.core.places import Places
from tsbackup_gui.ui.housekeeping_common import HousekeepingDialog, sentence


class PauseDialog(HousekeepingDialog):
    def __init__(self, config, *, language: str = "en", clock: Clock | None = None, where: Places | None = None,
                 parent: QWidget | None = None):
        super().__init__(language=language, clock=clock, parent=parent)
        self.config = config
        self.where = where
        self.setWindowTitle(self.tr("Pause backups"))
        layout = QVBoxLayout(self)
        self.state = sentence(self, self.tr("Whether backups are paused"))
        layout.addWidget(self.state)
        intro = sentence(self, self.tr("What a pause does"), self.tr(
            "During a pause the scheduled backups are skipped (holidays, a move, a drive at the repair shop). "
            "The pause ends by itself; \"Back up now\" still works."))
        layout.addWidget(intro)
        row = QHBoxLayout()
        self.days = QSpinBox(self)
        self.days.setRange(pause_mod.MIN_DAYS, pause_mod.MAX_DAYS)
        self.days.setValue(7)
        self.days.setSuffix(self.tr(" days"))
        self.days.setAccessibleName(self.tr("Number of days to pause"))
        days_label = QLabel(self.tr("Pause &for:"), self)
        days_label.setBuddy(self.days)
        row.addWidget(days_label)
        row.addWidget(self.days)
        row.addStretch(1)
        layout.addLayout(row)
        self.ends = sentence(self, self.tr("When the pause ends"))
        layout.addWidget(self.ends)
        self.pause_button = self.button(self.tr("&Pause backups"), self.tr("Pause backups"), self.pause)
        self.resume_button = self.button(self.tr("&Resume backups now"), self.tr("Resume backups now"), self.resume)
        self.add_buttons(layout, self.pause_button, self.resume_button)
        self.result = sentence(self, self.tr("Result"))
        layout.addWidget(self.result)
        self.add_close(layout)
        self.days.valueChanged.connect(lambda _v: self._show_end())
        self.show_result("")
        self._show_state()
        self.resize(520, 0)

    def paused_until(self):
        return pause_mod.paused_until(self.config, self.clock.now())

    def _show_state(self) -> None:
        now, end = self.clock.now(), self.paused_until()
        if end is None:
            self.state.setText(self.tr("Backups run as scheduled."))
        else:
            self.state.setText(self.say(pause_mod.active_message(end, now)))
        self._show_end()
        self.enable()

    def _show_end(self) -> None:
        now = self.clock.now()
        end = pause_mod.paused_until(pause_mod.pause(self.config, self.days.value(), now), now)
        day = self.say(pause_mod.until_words(end, now)) if end is not None else "—"
        self.ends.setText(self.tr("Scheduled backups resume on {0}.").format(day))

    def pause(self) -> None:
        if self.busy:
            return
        now, where, days = self.clock.now(), self.where, self.days.value()

        def save():  # the stored setup as it is now: a drive added since the window opened stays
            return pause_for(days, now, where)

        def done(saved) -> None:
            self.config = saved
            self.show_result(self.say(pause_mod.PAUSED(day=pause_mod.until_words(self.paused_until(), now))), "ok")
            self._show_state()
            self.changed.emit()

        self.run(save, done)

    def resume(self) -> None:
        if self.busy or self.paused_until() is None:
            return
        where = self.where

        def done(saved) -> None:
            self.config = saved
            self.show_result(self.say(pause_mod.RESUMED()), "ok")
            self._show_state()
            self.changed.emit()

        self.run(lambda: resume_now(where), done)

    def enable(self) -> None:
        if not hasattr(self, "resume_button"):
            return
        paused = self.paused_until() is not None
        self.pause_button.setEnabled(not self.busy)
        self.pause_button.setText(self.tr("&Pause backups") if not paused else self.tr("Change the &pause"))
        self.resume_button.setVisible(paused)
        self.resume_button.setEnabled(not self.busy)
        self.days.setEnabled(not self.busy)
