"""Issue 21: the wizard's "Restore from an existing backup" for an SFTP off-site backup, against a real
OpenSSH server on 127.0.0.1 — the key file, and the server's host key from the recovery sheet; without
one the wizard shows the server's key and asks, and never trusts it silently."""

from __future__ import annotations

import pytest

from conftest_remote import ssh_keygen_fingerprint, sshd  # noqa: F401 - fixture
from test_remote_sftp_restore import PASSWORD, backed_up
from test_offsite_setup_support import DATA
from test_restic_support import tree_bytes
from test_wizard_input_said import Answering
from wizard_helpers import idle, make_wizard, next_to

from tsbackup_gui.ui.wizard import ids

pytestmark = pytest.mark.xdist_group("sshd-wizard-restore")  # with -n: one worker starts this module's sshd once


def restore_page(qtbot, tmp_path, dialogs, url, key):
    tmp_path.mkdir(exist_ok=True)
    wizard, _ = make_wizard(qtbot, tmp_path / "new-computer-root", demo=None, dialogs=dialogs)
    wizard.page_of(ids.WELCOME).restore_choice.setChecked(True)
    next_to(qtbot, wizard, ids.RESTORE)
    page = wizard.page_of(ids.RESTORE)
    page.offsite_choice.setChecked(True)
    page.repo.setText(url)
    assert page.ssh_key.isVisibleTo(page) and page.host_key.isVisibleTo(page) and not page.key_id.isVisibleTo(page)
    page.password.setText(PASSWORD)
    page.target.setText(str(tmp_path / "restored"))
    assert not page.restore_button.isEnabled()  # an SFTP server is reached only with its key file
    page.ssh_key.setText(str(key))
    assert page.restore_button.isEnabled()
    return wizard, page


def test_with_the_sheets_host_key_the_wizard_restores(qtbot, sshd, run_cli, tmp_path, monkeypatch):  # noqa: F811
    source, repo, _env, new_home = backed_up(sshd, run_cli, tmp_path, monkeypatch)
    fingerprint = ssh_keygen_fingerprint(sshd.host_key.with_name("host_key.pub"))
    dialogs = Answering(False)
    wizard, page = restore_page(qtbot, tmp_path, dialogs, sshd.url(repo), sshd.user_key)
    page.host_key.setText(fingerprint.split(" ")[0])
    page.restore_button.click()
    idle(qtbot, wizard, 120_000)
    assert page.report is not None, page.result.text()
    assert tree_bytes(tmp_path / "restored" / DATA) == tree_bytes(source)
    assert dialogs.questions == []  # the key matched the sheet: nothing to ask
    assert not (new_home / "config" / "config.json").exists()


def test_without_a_host_key_the_wizard_shows_the_servers_key_and_asks(qtbot, sshd, run_cli, tmp_path,  # noqa: F811
                                                                       monkeypatch):
    source, repo, _env, _home = backed_up(sshd, run_cli, tmp_path, monkeypatch)
    fingerprint = ssh_keygen_fingerprint(sshd.host_key.with_name("host_key.pub"))
    question = ("Is this your server?", f"The SFTP server shows the host key {fingerprint}. Is it the one on the "
                                        "recovery sheet? Answer Yes only if it is exactly the same.")

    no = Answering(False)
    wizard, page = restore_page(qtbot, tmp_path / "no", no, sshd.url(repo), sshd.user_key)
    page.restore_button.click()
    idle(qtbot, wizard, 120_000)
    assert no.questions == [question]
    assert page.report is None and not (tmp_path / "no" / "restored").exists()
    assert page.result.text() == (
        f"Nothing was restored: the server's host key {fingerprint} was not confirmed. Type the host key from the "
        "recovery sheet into the field; if the server shows another one, ask your IT partner before you go on.")

    yes = Answering(True)
    wizard, page = restore_page(qtbot, tmp_path / "yes", yes, sshd.url(repo), sshd.user_key)
    page.restore_button.click()
    idle(qtbot, wizard, 120_000)
    qtbot.waitUntil(lambda: page.report is not None or not wizard.busy and bool(page.result.text()), timeout=120_000)
    idle(qtbot, wizard, 120_000)
    assert yes.questions == [question]
    assert page.host_key.text() == fingerprint.split(" ")[0]  # what was confirmed, checked on the second try
    assert page.report is not None, page.result.text()
    assert tree_bytes(tmp_path / "yes" / "restored" / DATA) == tree_bytes(source)


def test_another_host_key_than_the_sheets_restores_nothing(qtbot, sshd, run_cli, tmp_path, monkeypatch):  # noqa: F811
    _source, repo, _env, _home = backed_up(sshd, run_cli, tmp_path, monkeypatch)
    fingerprint = ssh_keygen_fingerprint(sshd.host_key.with_name("host_key.pub"))
    wrong = "SHA256:" + "A" * 43
    dialogs = Answering(True)
    wizard, page = restore_page(qtbot, tmp_path, dialogs, sshd.url(repo), sshd.user_key)
    page.host_key.setText(wrong)
    page.restore_button.click()
    idle(qtbot, wizard, 120_000)
    assert dialogs.questions == [] and page.report is None and not (tmp_path / "restored").exists()
    assert page.result.text() == (
        f"The SFTP server shows the host key {fingerprint}, not {wrong} from the recovery sheet. It may not be "
        "your server: nothing was restored. Ask your IT partner before you go on.")
