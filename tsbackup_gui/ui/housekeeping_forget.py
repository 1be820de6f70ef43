"""Forget this setup…: says plainly what goes (settings, stored passwords, the scheduled task) and
what stays (every backup, on the drive and off-site), then `core.forget.forget_setup` on a worker.
Afterwards the status window shows the not-configured state."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QCheckBox, QDialogButtonBox, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from tsbackup_gui.core.offsite.records import is_external, readable_repo
from tsbackup_gui.app.setup import forget as forget_this_setup
from tsbackup_gui.core.clock import Clock
from tsbackup_gui.core.places import Places
from tsbackup_gui.ui.housekeeping_common import HousekeepingDialog, sentence


def kept_places(config) -> list[str]:
    """Where the backups are, as the confirmation names them."""
    from tsbackup_gui.core.restic.errors import display_repo
    from tsbackup_gui.core.drives.rotation import configured

    found = [str(d["path"]) for d in configured(config)]
    secondary = config.secondary or {}
    if readable_repo(secondary):
        found.append(display_repo(str(secondary["repo"])))
    elif is_external(secondary):
        found.append(str(secondary.get("text") or ""))
    return [f for f in found if f]


class ForgetDialog(HousekeepingDialog):
    def __init__(self, config, *, language: str = "en", clock: Clock | None = None, where: Places | None = None,
                 parent: QWidget | None = None, secrets=None, home: Path | None = None, os_name: str | None = None):
        super().__init__(language=language, clock=clock, parent=parent)
        self.config = config
        self.where = where
        self.secrets = secrets
        self.home = home
        self.os_name = os_name
        self.outcome = None  # the ForgetResult
        self.setWindowTitle(self.tr("Forget this setup"))
        layout = QVBoxLayout(self)
        lines = [
            self.tr("This computer stops making backups and forgets how it made them."),
            self.tr("Removed: the backup settings, the stored passwords and the scheduled task."),
            self.tr("Kept: every backup, on the backup drive and off-site, and the record of past backups."),
        ]
        where_kept = kept_places(config)
        if where_kept:
            lines.append(self.tr("The backups stay here:") + "\n" + "\n".join(f"• {p}" for p in where_kept))
        lines.append(self.tr("To open the off-site backups later you need the recovery sheet; the password is no "
                             "longer stored on this computer."))
        self.explanation = sentence(self, self.tr("What forgetting removes and keeps"), "\n\n".join(lines))
        layout.addWidget(self.explanation)
        # Without a confirmed recovery sheet the off-site password may exist only here: forgetting it
        # makes those backups unreadable for good, so it takes an explicit tick (core refuses otherwise).
        self.have_password = QCheckBox(self.tr("I have the off-site password elsewhere (a printed recovery sheet or "
                                               "a password manager)"), self)
        self.have_password.setAccessibleName(self.tr("I have the off-site password elsewhere"))
        secondary = config.secondary or {}
        self.have_password.setVisible(readable_repo(secondary) is not None
                                      and not config.recovery_sheet_confirmed)
        layout.addWidget(self.have_password)
        row = QHBoxLayout()
        self.forget_button = QPushButton(self.tr("&Forget this setup"), self)
        self.forget_button.setAccessibleName(self.tr("Forget this setup"))
        self.forget_button.setStyleSheet("color: #a1260d;")
        self.forget_button.clicked.connect(self.forget)
        row.addWidget(self.forget_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.result = sentence(self, self.tr("Result"))
        layout.addWidget(self.result)
        layout.addStretch(1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.rejected.connect(self.reject)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName(self.tr("Cancel"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setDefault(True)
        layout.addWidget(self.buttons)
        self.show_result("")
        self.resize(600, 0)

    def forget(self) -> None:
        if self.busy or self.outcome is not None:
            return
        where, secrets, now, home, os_name = self.where, self.secrets, self.clock.now(), self.home, self.os_name
        have = self.have_password.isChecked()

        def done(outcome) -> None:
            self.outcome = outcome
            self.show_result("\n".join(self.say(m) for m in outcome.messages()), "warn" if outcome.problems else "ok")
            self.forget_button.setVisible(False)
            self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)
            self.buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName(self.tr("Close"))
            self.changed.emit()

        self.run(lambda: forget_this_setup(where=where, secrets=secrets, now=now, home=home, os_name=os_name,
                                             i_have_the_password=have), done)

    def enable(self) -> None:
        if hasattr(self, "forget_button"):
            self.forget_button.setEnabled(not self.busy and self.outcome is None)
