"""The second way in: "Restore from an existing backup" — a new computer after a loss.

From the backup drive (any folder of it: the newest good backup is found) or
from the off-site backup with what the recovery sheet says (repository,
password, computer), into a new, empty folder; the same core restore as
`tsbackup restore`, checked file by file against the backup's manifest.
No configuration is needed and none is written.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QRadioButton, QSizePolicy, QStackedWidget,
    QVBoxLayout, QWidget, QWizardPage,
)

from tsbackup_gui.core.offsite.targets import kind_of
from tsbackup_gui.core.restore.choices import missing_parents_question
from tsbackup_gui.ui.restore_rows import folder_row, restore_row
from tsbackup_gui.ui.wizard.common import error_message, sentence_label, show


def find_on_drive(folder: Path):
    from tsbackup_gui.core.restore.find import find_backup

    return find_backup(folder)


def restore_from_drive(folder: Path, to: Path):
    from tsbackup_gui.app.restore import restore_found_backup

    return restore_found_backup(folder, to)


def restore_from_offsite(repo: str, password: str, host: str | None, s3_keys: tuple[str, str] | None, to: Path,
                         ssh_key: Path | None = None, host_key: str | None = None, shown: list | None = None):
    """On the worker. An SFTP server's key is checked against `host_key` (from the sheet); without one the
    key the server shows is kept in `shown` and nothing is trusted: the page asks the person, then again."""
    from tsbackup_gui.app.restore import restore_on_new_computer

    def not_yet(fingerprint: str) -> bool:
        if shown is not None:
            shown.append(fingerprint)
        return False

    return restore_on_new_computer(repo, password, to, host=host, s3_keys=s3_keys, ssh_key=ssh_key,
                                   host_key=host_key or None, confirm_host_key=not_yet)


class RestorePage(QWizardPage):
    DRIVE, OFFSITE = 0, 1

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setTitle(self.tr("Restore from an existing backup"))
        self.setSubTitle(self.tr(
            "Gets the timeSensor data back into a new, empty folder. Nothing else on this computer is changed."))
        self.busy = False
        self.report = None
        self._looked_for = ""
        layout = QVBoxLayout(self)

        self.drive_choice = QRadioButton(self.tr("From the backup dri&ve"), self)
        self.drive_choice.setAccessibleName(self.tr("From the backup drive"))
        self.offsite_choice = QRadioButton(self.tr("From the &off-site backup, with the recovery sheet"), self)
        self.offsite_choice.setAccessibleName(self.tr("From the off-site backup"))
        self.choices = QButtonGroup(self)
        self.choices.addButton(self.drive_choice, self.DRIVE)
        self.choices.addButton(self.offsite_choice, self.OFFSITE)
        self.drive_choice.setChecked(True)
        layout.addWidget(self.drive_choice)
        layout.addWidget(self.offsite_choice)

        self.stack = QStackedWidget(self)
        drive_box = QWidget(self.stack)
        drive_layout = QVBoxLayout(drive_box)
        drive_layout.setContentsMargins(0, 0, 0, 0)
        self.drive_folder = QLineEdit(drive_box)
        self.drive_folder.setAccessibleName(self.tr("Backup drive or backup folder"))
        self.drive_folder.editingFinished.connect(self.look_on_drive)
        drive_row, self.drive_button = folder_row(
            drive_box, self.drive_folder, self.tr("Backup &drive or folder:"), self.tr("C&hoose…"),
            self.tr("Choose the backup drive or folder"), self.choose_drive)
        drive_layout.addLayout(drive_row)
        self.found = sentence_label(drive_box, self.tr("The backup found"))
        drive_layout.addWidget(self.found)

        offsite_box = QWidget(self.stack)
        form = QFormLayout(offsite_box)
        form.setContentsMargins(0, 0, 0, 0)
        self.repo = self._edit(offsite_box, self.tr("Off-site repository from the recovery sheet"))
        self.password = self._edit(offsite_box, self.tr("Password from the recovery sheet"))
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.host = self._edit(offsite_box, self.tr("Computer name from the recovery sheet"))
        self.key_id = self._edit(offsite_box, self.tr("S3 access key ID from the recovery sheet"))
        self.secret = self._edit(offsite_box, self.tr("S3 secret access key from the recovery sheet"))
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.ssh_key = self._edit(offsite_box, self.tr("SSH key file that the SFTP server lets in"))
        self.ssh_key.setPlaceholderText(self.tr("the private key file, for example id_ed25519"))
        self.host_key = self._edit(offsite_box, self.tr("The SFTP server's host key from the recovery sheet"))
        self.host_key.setPlaceholderText(self.tr("SHA256:… from the recovery sheet (if empty, you are shown the key)"))
        self.key_button = QPushButton(self.tr("Choo&se…"), offsite_box)
        self.key_button.setAccessibleName(self.tr("Choose the SSH key file"))
        self.key_button.clicked.connect(self.choose_key)
        key_row = QWidget(offsite_box)
        key_layout = QHBoxLayout(key_row)
        key_layout.setContentsMargins(0, 0, 0, 0)
        key_layout.addWidget(self.ssh_key, 1)
        key_layout.addWidget(self.key_button)
        self.s3_labels, self.sftp_rows = [], []
        for caption, widget, kind in (
            (self.tr("Re&pository:"), self.repo, None), (self.tr("Pass&word:"), self.password, None),
            (self.tr("Co&mputer:"), self.host, None), (self.tr("S3 access &key ID:"), self.key_id, "s3"),
            (self.tr("S3 &secret key:"), self.secret, "s3"), (self.tr("SSH &key file:"), key_row, "sftp"),
            (self.tr("&Host key:"), self.host_key, "sftp"),
        ):
            label = QLabel(caption, offsite_box)
            label.setBuddy(self.ssh_key if widget is key_row else widget)
            form.addRow(label, widget)
            if kind == "s3":
                self.s3_labels.append(label)
            elif kind == "sftp":
                self.sftp_rows.extend((label, widget))
        self.repo.textChanged.connect(self._repo_changed)
        self.stack.addWidget(drive_box)
        self.stack.addWidget(offsite_box)
        layout.addWidget(self.stack)

        self.target = self._edit(self, self.tr("New, empty folder to restore into"))
        target_row, self.target_button = folder_row(
            self, self.target, self.tr("Restore &into:"), self.tr("Choose fo&lder…"),
            self.tr("Choose the folder to restore into"), self.choose_target)
        layout.addLayout(target_row)
        self.target_hint = sentence_label(self, self.tr("About the folder to restore into"))
        self.target_hint.setText(self.tr("Choose a new or empty folder; the data appears in it as 'timeSensor DataFiles'."))
        layout.addWidget(self.target_hint)

        row, self.restore_button, self.progress = restore_row(
            self, self.tr("&Restore"), self.tr("Restore"), self.restore, self.tr("Restoring"))
        row.addStretch(0)
        layout.addLayout(row)
        self.result = sentence_label(self, self.tr("Result of the restore"))
        layout.addWidget(self.result)
        self.next_steps = sentence_label(self, self.tr("What to do next"))
        layout.addWidget(self.next_steps)
        layout.addStretch(1)
        self.progress.setVisible(False)
        show(self.result, "")
        show(self.found, "")
        show(self.next_steps, "")
        self.choices.idToggled.connect(self._choice_changed)
        self._choice_changed(self.DRIVE, True)

    def _edit(self, parent: QWidget, accessible: str) -> QLineEdit:
        edit = QLineEdit(parent)
        edit.setAccessibleName(accessible)
        edit.textChanged.connect(lambda _text: self._inputs_changed())
        return edit

    def _choice_changed(self, index: int, on: bool) -> None:
        if on:
            self.stack.setCurrentIndex(index)
            for position in range(self.stack.count()):  # as tall as the shown form
                policy = QSizePolicy.Policy.Preferred if position == index else QSizePolicy.Policy.Ignored
                self.stack.widget(position).setSizePolicy(policy, policy)
            self._repo_changed()
            self._inputs_changed()

    def _repo_changed(self, *_args) -> None:
        kind = kind_of(self.repo.text().strip())
        for widget in (self.key_id, self.secret, *self.s3_labels):
            widget.setVisible(kind == "s3")
        for widget in self.sftp_rows:
            widget.setVisible(kind == "sftp")

    def _inputs_changed(self) -> None:
        self.restore_button.setEnabled(self._ready() and not self.busy)

    def _ready(self) -> bool:
        if not self.target.text().strip():
            return False
        if self.choices.checkedId() == self.DRIVE:
            return bool(self.drive_folder.text().strip())
        if kind_of(self.repo.text().strip()) == "sftp" and not self.ssh_key.text().strip():
            return False
        return bool(self.repo.text().strip() and self.password.text())

    # -- choosing --------------------------------------------------------------------------------------
    def choose_drive(self) -> None:
        chosen = self.wizard().env.choose_folder(self, self.tr("Choose the backup drive or a backup folder"),
                                                 self.drive_folder.text() or str(Path.home()))
        if chosen:
            self.drive_folder.setText(chosen)
            self.look_on_drive()

    def look_on_drive(self) -> None:
        text = self.drive_folder.text().strip()
        wizard = self.wizard()
        if not text or self.busy or text == self._looked_for or getattr(wizard, "jobs", None) is None:
            return  # nothing new (editing ended by leaving the field), or the wizard is closing
        self._looked_for = text
        show(self.found, self.tr("Looking for backups …"))
        wizard.jobs.run(lambda progress: find_on_drive(Path(text)), self._found, self._not_found)

    def _found(self, found) -> None:
        say = self.wizard().say
        lines = [say(found.message())] + ([say(found.warning)] if found.warning is not None else [])
        show(self.found, "\n".join(lines), "ok" if found.warning is None else "warn")

    def _not_found(self, exc: BaseException) -> None:
        message = error_message(exc)
        show(self.found, self.wizard().say(message) if message is not None else str(exc), "error")

    def choose_key(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        env = self.wizard().env
        title, start = self.tr("Choose the SSH key file"), self.ssh_key.text() or str(Path.home() / ".ssh")
        chosen = env.choose_file(self, title, start) if env.choose_file else QFileDialog.getOpenFileName(
            self, title, start)[0]
        if chosen:
            self.ssh_key.setText(chosen)

    def choose_target(self) -> None:
        chosen = self.wizard().env.choose_folder(self, self.tr("Choose a new, empty folder to restore into"),
                                                 self.target.text() or str(Path.home()))
        if chosen:
            self.target.setText(chosen)

    # -- restoring -------------------------------------------------------------------------------------
    def restore(self) -> None:
        if self.busy or not self._ready():
            return
        wizard = self.wizard()
        to = Path(self.target.text().strip()).expanduser()
        question = missing_parents_question(to)
        if question is not None and not wizard.env.ask(self, self.tr("Create the folders?"), wizard.say(question)):
            show(self.result, self.tr("Nothing was restored. Choose an existing folder, or type a new folder inside "
                                      "one."), "warn")
            return
        if self.choices.checkedId() == self.DRIVE:
            folder = Path(self.drive_folder.text().strip()).expanduser()
            job = lambda progress: restore_from_drive(folder, to)  # noqa: E731
        else:
            repo, password, host = self.repo.text().strip(), self.password.text(), self.host.text().strip()
            keys = (self.key_id.text().strip(), self.secret.text().strip()) if kind_of(repo) == "s3" else None
            sftp = kind_of(repo) == "sftp"
            ssh_key = Path(self.ssh_key.text().strip()).expanduser() if sftp else None
            host_key = self.host_key.text().strip() if sftp else None
            self.shown_keys = shown = []
            job = lambda progress: restore_from_offsite(repo, password, host, keys, to,  # noqa: E731
                                                        ssh_key=ssh_key, host_key=host_key, shown=shown)
        self._set_busy(True)
        show(self.result, self.tr("Restoring … this can take a while."))
        show(self.next_steps, "")
        wizard.jobs.run(job, self._restored, self._failed)

    def _restored(self, report) -> None:
        from tsbackup_gui.core.restore.into_folder import restored_message

        self._set_busy(False)
        self.report = report
        show(self.result, self.wizard().say(restored_message(report)), "ok")
        show(self.next_steps, self.tr(
            "Next: install timeSensor LEGAL, close it, and put the restored folder 'timeSensor DataFiles' in its "
            "place (your IT partner knows where). Then set up the backup again with this assistant."))

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        shown = list(getattr(self, "shown_keys", None) or [])
        if self._host_key_confirmed():
            self.restore()  # the person compared the key with the sheet and said Yes: now it is checked
            return
        if shown:
            show(self.result, self.tr(
                "Nothing was restored: the server's host key {0} was not confirmed. Type the host key from the recovery "
                "sheet into the field; if the server shows another one, ask your IT partner before you go on.").format(
                shown[0]), "error")
            return
        message = error_message(exc)
        show(self.result, self.wizard().say(message) if message is not None else self.tr(
            "The restore stopped because of an unexpected error ({0}).").format(type(exc).__name__), "error")

    def _host_key_confirmed(self) -> bool:
        """No fingerprint was typed, so the server's key was shown to nobody yet: ask, never trust it silently.
        Yes puts it into the field (the next try checks it); No leaves the restore refused."""
        shown = getattr(self, "shown_keys", None)
        if not shown:
            return False
        fingerprint = shown[0]
        self.shown_keys = []
        wizard = self.wizard()
        if not wizard.env.ask(self, self.tr("Is this your server?"), self.tr(
                "The SFTP server shows the host key {0}. Is it the one on the recovery sheet? Answer Yes only if it "
                "is exactly the same.").format(fingerprint)):
            return False
        self.host_key.setText(fingerprint.split(" ")[0])
        return True

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.progress.setVisible(busy)
        for widget in (self.drive_button, self.target_button, self.drive_choice, self.offsite_choice, self.key_button):
            widget.setEnabled(not busy)
        self._inputs_changed()
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return not self.busy

    def nextId(self) -> int:
        return -1
