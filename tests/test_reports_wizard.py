"""The reports group of the wizard's schedule page: pre-filled from the stored setup, a real test
e-mail through a local SMTP server (on a worker), and the choices saved by core's setup."""

from __future__ import annotations

import pytest

from tsbackup_gui.core.store import config as config_mod
from tsbackup_gui.core.install.demo import create_demo
from tsbackup_gui.core.setup.configure import SetupOptions, configure
from tsbackup_gui.core.setup.reports import ReportOptions
from tsbackup_gui.ui.wizard import ids

from reports_servers import closed_port, start_smtp
from wizard_helpers import NOW, idle, make_wizard, next_to, to_installation


@pytest.fixture
def smtp(tmp_path):
    controller, box, port, _ = start_smtp(tmp_path)
    yield box, port
    controller.stop()


def to_schedule(qtbot, tmp_path, reports: ReportOptions | None):
    root = tmp_path / "demo"
    layout = create_demo(root, "single-user", now=NOW)
    configure(SetupOptions(source=str(layout.data_dir), primary=str(layout.primary_target), computer="Demo-Mac",
                           secondary="external:NAS copy", reports=reports))
    wizard, dialogs = make_wizard(qtbot, root, previous=config_mod.load())
    to_installation(qtbot, wizard)
    next_to(qtbot, wizard, ids.DRIVE)
    wizard.page_of(ids.DRIVE).insist.setChecked(True)
    next_to(qtbot, wizard, ids.OFFSITE)
    next_to(qtbot, wizard, ids.SCHEDULE)
    return wizard, wizard.page_of(ids.SCHEDULE).reports


def test_prefilled_test_mail_and_saved_changes(qtbot, tmp_path, smtp):
    box, port = smtp
    wizard, group = to_schedule(qtbot, tmp_path, ReportOptions(
        ping_url="https://hc-ping.com/abc", smtp=f"127.0.0.1:{closed_port()}", security="none",
        mail_to="it@partner.example"))
    assert group.isChecked() and group.body.isVisible()
    assert group.ping_url.text() == "https://hc-ping.com/abc"
    assert group.mail_to.text() == "it@partner.example" and group.security.currentData() == "none"

    group.server.setText(f"127.0.0.1:{port}")
    group.mail_to.setText("it@partner.example, chef@kanzlei.example")
    group.test_button.click()
    idle(qtbot, wizard)
    assert group.test_label.text() == ("A test e-mail was sent to it@partner.example, chef@kanzlei.example; "
                                       "check that it arrived.")
    assert len(box.mails) == 1 and box.mails[0][1] == ["it@partner.example", "chef@kanzlei.example"]
    assert box.mails[0][2]["Subject"] == "Test e-mail from the backup on Demo-Mac"

    next_to(qtbot, wizard, ids.SHEET)
    stored = config_mod.load().reports
    assert stored["ping_url"] == "https://hc-ping.com/abc"
    assert stored["smtp"]["port"] == port and stored["smtp"]["to"] == ["it@partner.example", "chef@kanzlei.example"]


def test_a_bad_address_is_said_and_unchecking_removes_the_reports(qtbot, tmp_path):
    wizard, group = to_schedule(qtbot, tmp_path, ReportOptions(ping_url="https://hc-ping.com/abc"))
    assert group.isChecked() and group.server.text() == ""
    group.server.setText("mail.example.com:587")
    group.mail_to.setText("kein-mail")
    wizard.next()
    idle(qtbot, wizard)
    schedule = wizard.page_of(ids.SCHEDULE)
    assert wizard.currentId() == ids.SCHEDULE
    assert schedule.save_label.text().startswith("'kein-mail' is not an e-mail address.")
    group.setChecked(False)
    assert not group.body.isVisible()
    next_to(qtbot, wizard, ids.SHEET)
    assert config_mod.load().reports is None


def test_a_fresh_wizard_leaves_reports_out(qtbot, tmp_path):
    wizard, group = to_schedule(qtbot, tmp_path, None)
    assert not group.isChecked() and wizard.state.reports is None
    group.setChecked(True)
    assert group.body.isVisible() and group.test_button.isEnabled()
    group.test_button.click()  # no server yet: one sentence says what is missing
    assert group.test_label.text() == "Enter the mail server and the recipients first."
