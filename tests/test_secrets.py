"""The keyring wrapper: per-setup entries, no silent fallback, the env backend honoured."""

import subprocess
import sys

import keyring
import pytest
from keyring.backends import fail

from tsbackup_gui.core.errors import UserError
from tsbackup_gui.core.store.secrets import SERVICE, SecretStore


def test_set_get_delete_per_setup(test_keyring):
    one, two = SecretStore("setup-one"), SecretStore("setup-two")
    one.set("repo-password", "s3cret-one")
    two.set("repo-password", "s3cret-two")
    assert one.get("repo-password") == "s3cret-one"
    assert two.get("repo-password") == "s3cret-two"
    assert test_keyring.store[(SERVICE, "setup-one:repo-password")] == "s3cret-one"
    assert one.delete("repo-password") is True
    assert one.get("repo-password") is None
    assert one.delete("repo-password") is False
    assert two.get("repo-password") == "s3cret-two"


def test_no_backend_is_a_plain_sentence_not_a_plaintext_fallback(tmp_path):
    keyring.set_keyring(fail.Keyring())
    with pytest.raises(UserError) as info:
        SecretStore("x").set("repo-password", "never-stored")
    assert info.value.message.id == "secrets.no_backend"
    assert "never-stored" not in str(info.value)
    assert not any(tmp_path.rglob("*")) or all("never-stored" not in p.read_text(errors="ignore") for p in tmp_path.rglob("*") if p.is_file())


def test_python_keyring_backend_is_honoured_across_processes(cli_env, tmp_path):
    code = (
        "import sys; from tsbackup_gui.core.store.secrets import SecretStore as S; "
        "s = S('abc'); "
        "s.set('pw', 'hunter2') if sys.argv[1] == 'set' else print(s.get('pw'))"
    )
    subprocess.run([sys.executable, "-c", code, "set"], env=cli_env, check=True)
    got = subprocess.run([sys.executable, "-c", code, "get"], env=cli_env, check=True, capture_output=True, text=True)
    assert got.stdout.strip() == "hunter2"
    keyring_files = [p for p in (tmp_path / "xdg-data").rglob("*") if p.is_file()]
    assert keyring_files, "keyrings.alt's file should live in the test's temp folder"


def test_environment_naming_a_missing_backend_fails_plainly(cli_env):
    env = dict(cli_env, PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    code = "from tsbackup_gui.core.store.secrets import SecretStore as S; S('abc').get('pw')"
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert result.returncode != 0
    assert "No password store is available" in result.stderr


def test_objects_that_carry_secrets_do_not_show_them_in_their_repr():
    """A repr ends up in logs and tracebacks; the secrets must not."""
    from tsbackup_gui.core.setup.configure import SetupOptions
    from tsbackup_gui.core.setup.offsite_repo import SecondaryOptions, SecondaryPlan
    from tsbackup_gui.ui.wizard.common import Offsite

    secret = "Zebra-Secret-4711"
    carriers = [
        SetupOptions("src", "dst", password=secret, s3_keys=("id", secret)),
        SecondaryOptions("/repo", password=secret, s3_keys=("id", secret), environ={"AWS_SECRET_ACCESS_KEY": secret}),
        SecondaryPlan({"kind": "folder"}, password=secret, backend_secrets={"aws-secret-access-key": secret}),
        Offsite("s3", "s3:http://x/b", password=secret, s3_keys=("id", secret)),
    ]
    assert [secret in repr(c) for c in carriers] == [False] * len(carriers)
