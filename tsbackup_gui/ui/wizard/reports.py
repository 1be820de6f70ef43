"""The "Reports to your IT partner" group on the schedule page: a monitoring ping URL and report
e-mails, optional and closed by default, with a "Send test e-mail" that runs on a worker.

The group only collects what `tsbackup setup` would be given (`ReportOptions`); checking the
values and storing them (the SMTP password into the keyring) is core's setup, run when the
schedule page saves. Unchecking the group of a setup that had reports removes them.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget,
)

from tsbackup_gui.core.setup.reports import OFF, ReportOptions
from tsbackup_gui.ui.wizard.common import error_message, sentence_label, show

SECURITIES = ("starttls", "tls", "none")


class ReportsBox(QGroupBox):
    def __init__(self, page, parent=None):
        super().__init__(parent)
        self.page = page
        self.setTitle(self.tr("Reports to your IT partner (optional)"))
        self.setAccessibleName(self.tr("Reports to your IT partner"))
        self.setCheckable(True)
        self.setChecked(False)
        self.filled = False
        outer = QVBoxLayout(self)
        self.body = QWidget(self)  # shown only while the group is checked: the page stays short
        outer.addWidget(self.body)
        column = QVBoxLayout(self.body)
        column.setContentsMargins(0, 0, 0, 0)
        hint = sentence_label(self, self.tr("About reports"))
        hint.setText(self.tr("Your IT partner hears about a failed or missing backup the same day: by a monitoring "
                             "ping, by e-mail, or both."))
        column.addWidget(hint)
        form = QFormLayout()
        self.ping_url = self._line(form, self.tr("&Ping URL:"), self.tr("Monitoring ping URL"),
                                   "https://hc-ping.com/…")
        self.server = self._line(form, self.tr("&Mail server:"), self.tr("Mail server and port"),
                                 "mail.example.com:587")
        self.security = QComboBox(self)
        self.security.setAccessibleName(self.tr("Mail encryption"))
        for key, text in zip(SECURITIES, (self.tr("STARTTLS"), self.tr("TLS"), self.tr("None"))):
            self.security.addItem(text, key)
        self.security.currentIndexChanged.connect(self._changed)
        self._security_chosen = False  # until the user picks one, the encryption follows the port
        self.security.activated.connect(self._security_picked)
        self.server.textChanged.connect(self._follow_port)
        form.addRow(self.tr("&Encryption:"), self.security)
        self.user = self._line(form, self.tr("&Login:"), self.tr("Mail login"), "")
        self.password = self._line(form, self.tr("Pass&word:"), self.tr("Mail password"), "")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.mail_to = self._line(form, self.tr("&Send to:"), self.tr("Report recipients"),
                                  "it@partner.example, chef@kanzlei.example")
        self.mail_from = self._line(form, self.tr("Sen&der:"), self.tr("Report sender"), "")
        column.addLayout(form)
        row = QWidget(self)
        buttons = QHBoxLayout(row)
        buttons.setContentsMargins(0, 0, 0, 0)
        self.test_button = QPushButton(self.tr("Send test e-ma&il"), row)
        self.test_button.setAccessibleName(self.tr("Send test e-mail"))
        self.test_button.clicked.connect(self.send_test)
        buttons.addWidget(self.test_button)
        buttons.addStretch(1)
        column.addWidget(row)
        self.test_label = sentence_label(self, self.tr("Test e-mail result"))
        column.addWidget(self.test_label)
        show(self.test_label, "")
        self.toggled.connect(self._changed)
        self.toggled.connect(self.body.setVisible)
        self.body.setVisible(False)

    def _security_picked(self, *_args) -> None:
        self._security_chosen = True

    def _follow_port(self, text: str) -> None:
        """Port 465 speaks TLS from the first byte; every other port STARTTLS (the usual pairs)."""
        if self._security_chosen:
            return
        port = text.strip().rpartition(":")[2]
        self.security.setCurrentIndex(SECURITIES.index("tls" if port == "465" else "starttls"))

    def _line(self, form: QFormLayout, label: str, name: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setAccessibleName(name)
        edit.setPlaceholderText(placeholder)
        edit.textChanged.connect(self._changed)
        form.addRow(label, edit)
        return edit

    # -- filling from a stored setup ----------------------------------------------------------------
    def fill(self, previous) -> None:
        if self.filled:
            return
        self.filled = True
        reports = getattr(previous, "reports", None) or {}
        smtp = reports.get("smtp") or {}
        for widget in (self, self.ping_url, self.server, self.user, self.mail_to, self.mail_from, self.security):
            widget.blockSignals(True)
        self.setChecked(bool(reports))
        self.ping_url.setText(str(reports.get("ping_url") or ""))
        if smtp.get("host"):
            self.server.setText(f"{smtp['host']}:{smtp.get('port')}")
        self.security.setCurrentIndex(max(0, SECURITIES.index(smtp.get("security", "starttls"))
                                          if smtp.get("security") in SECURITIES else 0))
        self._security_chosen = smtp.get("security") in SECURITIES  # stored: keep it as it was
        self.user.setText(str(smtp.get("user") or ""))
        self.mail_to.setText(", ".join(smtp.get("to") or []))
        self.mail_from.setText(str(smtp.get("from") or ""))
        for widget in (self, self.ping_url, self.server, self.user, self.mail_to, self.mail_from, self.security):
            widget.blockSignals(False)
        self.body.setVisible(self.isChecked())
        self._changed()

    # -- what setup is given ----------------------------------------------------------------------
    def options(self) -> ReportOptions | None:
        previous = getattr(self.page.wizard().state, "previous", None) if self.page.wizard() else None
        had = bool(getattr(previous, "reports", None))
        if not self.isChecked():
            return ReportOptions(ping_url=OFF, smtp=OFF) if had else None
        server = self.server.text().strip()
        mail = bool(server)
        return ReportOptions(
            ping_url=self.ping_url.text().strip() or OFF,
            smtp=server or OFF,
            security=self.security.currentData() if mail else None,
            user=(self.user.text().strip() or OFF) if mail else None,
            mail_to=self.mail_to.text().strip() if mail else None,
            mail_from=(self.mail_from.text().strip() or None) if mail else None,
            password=self.password.text() or None,
        )

    def _changed(self, *_args) -> None:
        wizard = self.page.wizard()
        if wizard is None:
            return
        wizard.state.reports = self.options()
        show(self.test_label, "")

    # -- the test e-mail --------------------------------------------------------------------------
    def send_test(self) -> None:
        wizard = self.page.wizard()
        options = self.options()
        if wizard is None or options is None or options.smtp in (None, OFF):
            show(self.test_label, self.tr("Enter the mail server and the recipients first."), "warn")
            return
        previous = wizard.state.config or wizard.state.previous
        options.ping_url = None  # the test button sends mail only
        self.test_button.setEnabled(False)
        show(self.test_label, self.tr("Sending a test e-mail …"))
        say = wizard.say

        def work(progress):
            from tsbackup_gui.core.store.secrets import SecretStore
            from tsbackup_gui.core.setup.report_trial import test_given

            secrets = SecretStore(previous.setup_id) if previous is not None else None
            return test_given(options, previous, secrets, translate=say)

        wizard.jobs.run(work, self._tested, self._test_failed)

    def _tested(self, outcomes) -> None:
        self.test_button.setEnabled(True)
        wizard = self.page.wizard()
        ok = all(outcome.ok for outcome in outcomes)
        show(self.test_label, " ".join(wizard.say(o.message) for o in outcomes), "ok" if ok else "error")

    def _test_failed(self, exc: BaseException) -> None:
        self.test_button.setEnabled(True)
        message = error_message(exc)
        wizard = self.page.wizard()
        show(self.test_label, wizard.say(message) if message is not None else self.tr(
            "The test e-mail could not be sent because of an unexpected error ({0}).").format(type(exc).__name__),
            "error")
