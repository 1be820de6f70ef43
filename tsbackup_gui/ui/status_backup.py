"""The status window's "Back up now": the run on a worker, its progress by stage, Cancel, and the wait
for timeSensor LEGAL.

Every step answers at once: the button turns into "Cancel backup", the line
under the buttons names the stage (copying to the backup drive, checking the
new backup, the off-site upload with restic's own counts), and a run that
found timeSensor LEGAL open says so in the headline and starts by itself as
soon as the program is closed (a look every few seconds on a worker; Cancel
stops the waiting too).
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, QTimer

from tsbackup_gui.core.errors import Exit
from tsbackup_gui.core.primary.space import human_size
from tsbackup_gui.ui import worker

#: How often a waiting "Back up now" looks whether timeSensor LEGAL is closed.
LOOK_EVERY_MS = 5_000


class WindowBackup(QObject):
    def __init__(self, window, look_every_ms: int = LOOK_EVERY_MS):
        super().__init__(window)
        self.window = window
        self.cancel_event = threading.Event()  # set by "Cancel backup" while this window's backup runs
        self.waiting = False  # the last run found timeSensor LEGAL open: it starts again once it is closed
        self.looks = 0  # looks taken while waiting (tests wait for them)
        self._looking = False
        self._tasks: list = []
        self.timer = QTimer(self)
        self.timer.setInterval(look_every_ms)
        self.timer.timeout.connect(self._look)

    # -- the run ------------------------------------------------------------------------------------------
    def start(self) -> None:
        """The same run as the tray's: kept awake, and cancelled by "Cancel backup"."""
        from tsbackup_gui.app.backup import back_up_now

        window = self.window
        was_waiting = self.waiting
        self._stop_waiting()
        clock, cancel = window.clock, self.cancel_event
        cancel.clear()
        window._set_busy("backup", self.tr("Backing up …"))
        window._start(lambda progress: back_up_now(clock=clock, events=progress, cancel=cancel),
                      self._finished, self.show_progress, long=True)
        if was_waiting:  # the headline no longer says it waits
            window.refresh()

    def cancel(self) -> None:
        """Stops this window's backup between files (nothing half-made stays), or the wait for timeSensor."""
        window = self.window
        if self.waiting:
            self._stop_waiting()
            window.progress_label.setText(self.tr("The backup will not start by itself any more."))
            window.refresh()
            return
        if window.busy != "backup":
            return
        self.cancel_event.set()
        window.cancel_button.setEnabled(False)
        window.progress_label.setText(self.tr("Stopping the backup …"))

    def _finished(self, result=None) -> None:
        if getattr(result, "exit_code", None) == Exit.SOURCE_BUSY and not self.cancel_event.is_set():
            self.waiting = True  # before the refresh: the headline says it while the overview is gathered
            self.timer.start()
        self.window._action_finished(result)

    # -- progress -----------------------------------------------------------------------------------------
    def show_progress(self, event: dict) -> None:
        if event.get("event") != "progress":
            return
        self.window.progress_label.setText(self.progress_text(event))

    def progress_text(self, event: dict) -> str:
        stage = event.get("stage") or "copying"
        if stage == "checking":
            return self.tr("Checking the new backup …")
        if stage == "cleanup":
            return self.tr("Off-site copy: uploaded; cleaning up old snapshots …")
        done, total = event.get("files_done", 0), event.get("files_total") or 0
        if stage == "offsite":
            if not event.get("bytes_total"):
                return self.tr("Off-site copy: starting the upload …")
            return self.tr("Off-site copy: {0} of {1} done ({2} of {3} files)").format(
                human_size(int(event.get("bytes_done") or 0)), human_size(int(event["bytes_total"])), done, total)
        if not total:
            return self.tr("Backing up …")
        return self.tr("Copying to the backup drive: {0} of {1} files").format(done, total)

    # -- waiting for timeSensor LEGAL ----------------------------------------------------------------
    def headline(self) -> str | None:
        """What the headline says while waiting (None: the overview's own)."""
        if not self.waiting:
            return None
        return self.tr("timeSensor LEGAL is open. The backup starts by itself as soon as it is closed.")

    def _look(self) -> None:
        if self._looking or not self.waiting:
            return
        if self.window.busy is not None:  # a check or a restore goes first; look again later
            return
        from tsbackup_gui.app.backup import source_busy

        self._looking = True

        def done(busy: bool) -> None:
            self._looking = False
            self.looks += 1
            if self.waiting and not busy and self.window.busy is None:
                self.start()

        def failed(_exc: BaseException) -> None:
            self._looking = False
            self.looks += 1

        worker.start_kept(self._tasks, lambda progress: source_busy(), done, failed)

    def _stop_waiting(self) -> None:
        self.waiting = False
        self.timer.stop()
