"""Page 4: the off-site copy — the vendor's three ways (cloud storage, the IT partner's computer,
handled outside) — with "Test connection" answering in one sentence, and encryption in one
sentence. Next runs the same test (on a worker) for a target this program writes to.

Nothing is stored here: the choice is setup's ``--secondary`` text and the
password, saved when the schedule page is left. A key made for SFTP is the
one file this page writes; a cancelled wizard removes it again.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup, QFrame, QHBoxLayout, QSizePolicy, QLabel, QLineEdit, QPushButton, QRadioButton, QStackedWidget, QVBoxLayout, QWidget,
    QWizardPage,
)

from tsbackup_gui.core.offsite.targets import kind_of_secondary, subfolder_question
from tsbackup_gui.core.offsite.records import is_external
from tsbackup_gui.ui.wizard.common import Gate, Offsite, error_message, sentence_label, show
from tsbackup_gui.ui.wizard.offsite_forms import CloudForm, PartnerForm

KEY_NAME = "tsbackup_ed25519"


def secondary_for_test(offsite: Offsite) -> dict:
    from tsbackup_gui.core.offsite.connection import parse_secondary

    return parse_secondary(offsite.target, ssh_key=str(offsite.ssh_key) if offsite.ssh_key else None)


def test_secrets(setup_id: str | None, offsite: Offsite, kind: str) -> dict[str, str]:
    """The secrets the test may use, by keyring name: an earlier setup's stored ones, then the S3 keys just typed."""
    from tsbackup_gui.core.offsite.upload import PASSWORD_SECRET
    from tsbackup_gui.core.offsite.targets import BACKEND_SECRETS

    found: dict[str, str] = {}
    if setup_id:
        from tsbackup_gui.core.store.secrets import SecretStore

        store = SecretStore(setup_id)
        for name in (PASSWORD_SECRET, *BACKEND_SECRETS.get(kind, ())):
            value = store.get(name)
            if value:
                found[name] = value
    if offsite.s3_keys and kind == "s3":
        from tsbackup_gui.core.offsite.s3 import ACCESS_KEY_SECRET, SECRET_KEY_SECRET

        found[ACCESS_KEY_SECRET], found[SECRET_KEY_SECRET] = offsite.s3_keys
    return found


def run_connection_test(offsite: Offsite, setup_id: str | None):
    """On the worker: core's connection test, answering in one sentence."""
    from tsbackup_gui.core.offsite import connection

    secondary = secondary_for_test(offsite)
    secrets = test_secrets(setup_id, offsite, secondary.get("kind", ""))
    return connection.test_connection(secondary, secrets, password=offsite.password or None)


def make_key(path: Path | None, comment: str) -> tuple[Path, str, bool]:
    """On the worker: this computer's SSH key for the off-site copy; an existing one is kept (made: False)."""
    from tsbackup_gui.core.offsite.connection import default_key_path, generate_ssh_key

    path = path or default_key_path()
    public = Path(str(path) + ".pub")
    if path.exists() and public.exists():
        return path, public.read_text(encoding="utf-8"), False
    return path, generate_ssh_key(path, comment), True


def connection_available() -> bool:
    import importlib.util

    return importlib.util.find_spec("tsbackup_gui.core.offsite.connection") is not None


class OffsitePage(QWizardPage):
    CLOUD, PARTNER, OUTSIDE, LATER = range(4)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setTitle(self.tr("Off-site copy"))
        self.setSubTitle(self.tr(
            "A second copy away from the office protects the data against fire, theft and ransomware."))
        self.busy = False
        self.tested: tuple | None = None  # the signature that passed the connection test
        self.tested_new = False  # that test found no off-site backup there: setup would create a new one
        self.agreed_new: tuple | None = None  # the signature the person agreed to create a new backup for
        self.gate: Gate | None = None
        layout = QVBoxLayout(self)

        self.cloud_choice = QRadioButton(self.tr("&Cloud storage (S3-compatible, for example a Swiss provider)"), self)
        self.cloud_choice.setAccessibleName(self.tr("Cloud storage"))
        self.partner_choice = QRadioButton(self.tr("Your &IT partner's computer"), self)
        self.partner_choice.setAccessibleName(self.tr("The IT partner's computer"))
        self.outside_choice = QRadioButton(self.tr(
            "Handled &outside this program (NAS-to-NAS copy or a provider's agent)"), self)
        self.outside_choice.setAccessibleName(self.tr("Handled outside this program"))
        self.later_choice = QRadioButton(self.tr("Not now (the status will re&mind you)"), self)
        self.later_choice.setAccessibleName(self.tr("No off-site copy for now"))
        self.choices = QButtonGroup(self)
        for index, button in enumerate((self.cloud_choice, self.partner_choice, self.outside_choice, self.later_choice)):
            self.choices.addButton(button, index)
            layout.addWidget(button)
        self.partner_choice.setChecked(True)

        self.stack = QStackedWidget(self)
        self.cloud = CloudForm(self.stack)
        self.partner = PartnerForm(self.stack)
        outside = QWidget(self.stack)
        outside_row = QHBoxLayout(outside)
        outside_row.setContentsMargins(0, 0, 0, 0)
        self.outside_text = QLineEdit(outside)
        self.outside_text.setAccessibleName(self.tr("How the off-site copy is made"))
        self.outside_text.setPlaceholderText(self.tr("for example: NAS copy to the partner's office every night"))
        outside_label = QLabel(self.tr("&How:"), outside)
        outside_label.setBuddy(self.outside_text)
        outside_row.addWidget(outside_label)
        outside_row.addWidget(self.outside_text, 1)
        self.later_note = sentence_label(self.stack, self.tr("About no off-site copy"))
        for widget in (self.cloud, self.partner, outside, self.later_note):
            self.stack.addWidget(widget)
        self.details = QFrame(self)
        self.details.setFrameShape(QFrame.Shape.StyledPanel)
        details_layout = QVBoxLayout(self.details)
        details_layout.addWidget(self.stack)
        layout.addWidget(self.details)

        password_row = QHBoxLayout()
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password of the off-site backup"))
        self.password_label = QLabel(self.tr("Pass&word:"), self)
        self.password_label.setBuddy(self.password)
        password_row.addWidget(self.password_label)
        password_row.addWidget(self.password, 1)
        layout.addLayout(password_row)
        self.password_hint = sentence_label(self, self.tr("About the password"))
        layout.addWidget(self.password_hint)

        test_row = QHBoxLayout()
        self.test_button = QPushButton(self.tr("&Test connection"), self)
        self.test_button.setAccessibleName(self.tr("Test the connection"))
        self.test_button.clicked.connect(self.test_connection)
        test_row.addWidget(self.test_button, 0, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.result = sentence_label(self, self.tr("Result of the connection test"))
        test_row.addWidget(self.result, 1)
        layout.addLayout(test_row)
        self.encryption = sentence_label(self, self.tr("About encryption"))
        self.encryption.setText(self.tr(
            "The copy is encrypted on this computer before it leaves: without the password, which only the recovery "
            "sheet shows, nobody can read it — not even the storage provider."))
        layout.addWidget(self.encryption)
        layout.addStretch(1)
        show(self.result, "")

        self.choices.idToggled.connect(self._choice_changed)
        for signal in (self.cloud.changed, self.partner.changed, self.outside_text.textChanged, self.password.textChanged):
            signal.connect(self._inputs_changed)
        self.partner.make_key.connect(self.create_key)
        self.partner.choose.connect(self.choose_folder)
        self._choice_changed(self.PARTNER, True)

    # -- filling ------------------------------------------------------------------------------------
    def initializePage(self) -> None:
        wizard = self.wizard()
        if self.gate is None:
            self.gate = Gate(wizard.jobs, wizard.next, self.completeChanged.emit)
        previous = wizard.state.previous
        secondary = (previous.secondary or {}) if previous is not None else {}
        if secondary:
            self.later_choice.setText(self.tr("&Keep the current off-site backup"))
            self.later_choice.setAccessibleName(self.tr("Keep the current off-site backup"))
            self.later_choice.setChecked(True)
            self.later_note.setText(self.tr("The off-site backup stays as it is: {0}").format(
                secondary.get("text") or secondary.get("repo") or ""))
            if is_external(secondary):
                self.outside_text.setText(str(secondary.get("text") or ""))
            elif kind_of_secondary(secondary) == "s3":
                self.cloud.fill(str(secondary["repo"]))
            elif secondary.get("repo"):
                self.partner.fill(secondary)
        else:
            self.later_note.setText(self.tr(
                "Without an off-site copy, a fire or a theft can take the data and the backup drive together. "
                "The status keeps reminding you until one is set up."))
            if wizard.env.offsite_suggestion is not None and not self.partner.folder.text():
                self.partner.folder_choice.setChecked(True)
                self.partner.folder.setText(str(wizard.env.offsite_suggestion))
        self._choice_changed(self.choices.checkedId(), True)

    # -- the choice -------------------------------------------------------------------------------
    def _choice_changed(self, index: int, on: bool) -> None:
        if not on:
            return
        self.stack.setCurrentIndex(index)
        for position in range(self.stack.count()):  # the box is as tall as the shown form, not the tallest
            policy = QSizePolicy.Policy.Preferred if position == index else QSizePolicy.Policy.Ignored
            self.stack.widget(position).setSizePolicy(policy, policy)
        self.stack.adjustSize()
        uses_password = index in (self.CLOUD, self.PARTNER)
        for widget in (self.password, self.password_label, self.password_hint):
            widget.setVisible(uses_password)
        self.test_button.setVisible(uses_password)
        self.encryption.setVisible(uses_password)
        if uses_password:
            self.password_hint.setText(self.tr(
                "Leave it empty for a new off-site backup: a strong password is made and printed on the recovery "
                "sheet. For an existing one, type its password from the recovery sheet."))
        self._inputs_changed()

    def _inputs_changed(self, *_args) -> None:
        show(self.result, "")
        self.completeChanged.emit()

    def offsite(self) -> Offsite:
        index = self.choices.checkedId()
        wizard = self.wizard()
        password = self.password.text() or None
        if index == self.CLOUD:
            return Offsite("s3", self.cloud.target(), password, s3_keys=self.cloud.keys())
        if index == self.PARTNER:
            if self.partner.kind == "sftp":
                return Offsite("sftp", self.partner.target(), password, ssh_key=self.partner.key_path)
            return Offsite("folder", self.partner.target(), password)
        if index == self.OUTSIDE:
            return Offsite("external", "external:" + self.outside_text.text().strip())
        previous = wizard.state.previous if wizard is not None else None
        return Offsite("keep" if previous is not None and previous.secondary else "later")

    def complete_inputs(self) -> bool:
        index = self.choices.checkedId()
        if index == self.CLOUD:
            return self.cloud.complete()
        if index == self.PARTNER:
            return self.partner.complete()
        if index == self.OUTSIDE:
            return bool(self.outside_text.text().strip())
        return True

    # -- key and folder -------------------------------------------------------------------------------
    def create_key(self) -> None:
        wizard = self.wizard()
        path = wizard.env.ssh_key_dir / KEY_NAME if wizard.env.ssh_key_dir is not None else None
        comment = f"tsbackup@{wizard.state.computer or 'computer'}"
        self._set_busy(True)
        show(self.result, self.tr("Creating the key …"))

        def done(value):
            path, public, made = value
            self._set_busy(False)
            if made:
                wizard.state.generated_keys.append(path)
            self.partner.set_key(path, public)
            show(self.result, self.tr("The key is ready. Send the public key below to your IT partner."), "ok")

        wizard.jobs.run(lambda progress: make_key(path, comment), done, self._failed)

    def choose_folder(self) -> None:
        wizard = self.wizard()
        start = self.partner.folder.text() or str(Path.home())
        chosen = wizard.env.choose_folder(self, self.tr("Choose the network folder for the off-site backup"), start)
        if not chosen:
            return
        top = subfolder_question(chosen)  # the share's top folder itself: a subfolder is safe, the top is not
        if top is not None and wizard.env.ask(self, self.tr("Use a subfolder?"), wizard.say(top[0])):
            chosen = str(top[1])
        self.partner.folder.setText(chosen)

    # -- the test ---------------------------------------------------------------------------------------
    def test_connection(self) -> None:
        if not self.complete_inputs() or self.busy:
            return
        if not connection_available():
            show(self.result, self.tr("The connection test is not available in this version."), "warn")
            return
        wizard = self.wizard()
        offsite = self.offsite()
        setup_id = wizard.state.setup_id
        self._set_busy(True)
        show(self.result, self.tr("Testing the connection …"))
        wizard.jobs.run(lambda progress: run_connection_test(offsite, setup_id),
                        lambda result: self._tested(offsite, result), self._failed)

    def _tested(self, offsite: Offsite, result) -> bool:
        self._set_busy(False)
        text = self.wizard().say(result.message)
        if getattr(result, "fingerprint", None):
            text += " " + self.tr("Server key fingerprint: {0}").format(result.fingerprint)
        if not result.ok:
            text += " " + self._way_out(offsite)
        show(self.result, text, "ok" if result.ok else "error")
        if result.ok:
            self.tested = offsite.signature()
            self.tested_new = result.repository_exists is False
        return bool(result.ok)

    def _way_out(self, offsite: Offsite) -> str:
        """What to do when the target cannot work yet: the choice on this page that goes on without it,
        and the menu entry that exists later (the tray's and the status window's "Settings…")."""
        previous = self.wizard().state.previous
        keep = bool(previous is not None and previous.secondary)  # the choice is "Keep …" then (initializePage)
        choice = self.tr("Keep the current off-site backup") if keep else self.tr("Not now")
        if offsite.kind == "sftp":
            return self.tr(
                "If your IT partner has not yet allowed this computer's key, choose \"{0}\" and set up the off-site "
                "copy later with \"Settings…\" (in the backup icon's menu, or under \"More\" in the status window)."
            ).format(choice)
        return self.tr(
            "If it cannot be reached yet, choose \"{0}\" and set up the off-site copy later with \"Settings…\" "
            "(in the backup icon's menu, or under \"More\" in the status window).").format(choice)

    def _new_agreed(self, offsite: Offsite) -> bool:
        """Before going on to a place without an off-site backup: asks whether to create a new one there
        (a typing error in an address or bucket must not silently become a new, empty backup)."""
        from tsbackup_gui.core.offsite.connection import new_backup_question

        if not self.tested_new or self.agreed_new == offsite.signature():
            return True
        wizard = self.wizard()
        if wizard.env.ask(self, self.tr("Create a new off-site backup?"), wizard.say(new_backup_question(offsite.target))):
            self.agreed_new = offsite.signature()
            return True
        show(self.result, self.tr("Nothing was created. Check the address, or choose another place for the off-site "
                                  "backup."), "warn")
        return False

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        message = error_message(exc)
        show(self.result, self.wizard().say(message) if message is not None else self.tr(
            "The test stopped because of an unexpected error ({0}).").format(type(exc).__name__), "error")

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.test_button.setEnabled(not busy)
        self.partner.key_button.setEnabled(not busy)
        self.completeChanged.emit()

    # -- going on ---------------------------------------------------------------------------------------
    def isComplete(self) -> bool:
        if self.busy or (self.gate is not None and self.gate.running):
            return False
        return self.complete_inputs()

    def validatePage(self) -> bool:
        wizard = self.wizard()
        offsite = self.offsite()
        wizard.state.offsite = offsite
        if offsite.kind not in ("s3", "sftp", "folder") or not connection_available():
            return True
        if self.tested == offsite.signature():
            return self._new_agreed(offsite)
        setup_id = wizard.state.setup_id
        if not self.gate.running:
            show(self.result, self.tr("Testing the connection …"))
        return self.gate.check(offsite.signature(), lambda: run_connection_test(offsite, setup_id),
                               lambda result: self._tested(offsite, result) and self._new_agreed(offsite), self._failed)
