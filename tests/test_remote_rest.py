"""restic REST server targets: the login only through the environment, append-only without forget/prune.

No rest-server package exists here; `rest_server_stub` speaks restic's REST
protocol (v1) with basic authentication and rest-server's append-only rule,
so the real restic runs against a real HTTP server.
"""

from __future__ import annotations

import json
from urllib.parse import quote

import pytest

from conftest_remote import closed_port, recorded, recording_restic
from rest_server_stub import RestServer
from test_offsite_setup_support import config_of, files_containing, keyring_file, make_world, setup_cli
from test_restic_support import raw_restic

from tsbackup_gui.core.offsite import connection, rest as targets_rest
from tsbackup_gui.core.errors import UserError
from tsbackup_gui.core.store.history import History

USER, LOGIN = "kanzlei-mueller", "Rest/Passwort@Zürich 7"  # "/" and "@" must survive the URL


def test_append_only_server_gets_snapshots_and_no_forget_or_prune(run_cli, cli_env, tmp_path, tsbackup_home,
                                                                   monkeypatch):
    source, drive = make_world(tmp_path)
    password = "Repo-Passwort-Luzern-2026"
    wrapper, records = recording_restic(tmp_path / "wrapper")
    with RestServer(tmp_path / "rest-root", USER, LOGIN, append_only=True) as server:
        setup = setup_cli(run_cli, source, drive, "--secondary", server.url, "--append-only", "--password-stdin",
                          input=password + "\n", env={"RESTIC_REST_USERNAME": USER, "RESTIC_REST_PASSWORD": LOGIN,
                                                      "TSBACKUP_RESTIC": str(wrapper)})
        assert setup.returncode == 0, setup.stdout + setup.stderr
        assert setup.stdout.splitlines()[1:] == [
            (f"No off-site backup existed at {server.url}, so a new, encrypted one was created there. "
        "If you meant an existing one, check the address: a typing error creates a new, empty backup."),
            "The REST server is append-only: this program never deletes old snapshots there; whoever runs the server "
            "keeps their number in check.",
        ]
        assert config_of(tsbackup_home)["secondary"] == {
            "kind": "rest", "repo": server.url, "append_only": True,
            "since": config_of(tsbackup_home)["secondary"]["since"]}

        runs = [run_cli("run", "--json", env={"TSBACKUP_RESTIC": str(wrapper)}) for _ in range(2)]
        status = json.loads(run_cli("status", "--json").stdout)

    for run in runs:
        assert run.returncode == 0, run.stdout + run.stderr
    assert all(authorized for _method, _path, authorized in server.requests)  # the login arrived every time
    assert not [path for method, path, _ in server.requests if method == "DELETE" and not path.startswith("/locks/")]
    argvs, environs = recorded(records)
    assert not [argv for argv in argvs if "forget" in argv or "prune" in argv]
    listed = raw_restic(tmp_path / "rest-root", tmp_path / "cache", "snapshots", "--json", password=password)
    assert len(json.loads(listed.stdout)) == 2
    assert "offsite.retention_by_server" in [reason["code"] for reason in status["reasons"]]

    inner = f"rest:http://{quote(USER, safe='')}:{quote(LOGIN, safe='')}@127.0.0.1:{server.port}/"
    assert any(env.get("RESTIC_REPOSITORY") == inner for env in environs)  # restic 0.14 reads the login from here
    for secret in (LOGIN, quote(LOGIN, safe=""), password):
        assert all(secret not in " ".join(argv) for argv in argvs)
        assert files_containing(tsbackup_home, secret.encode()) == []
        assert all(secret not in json.dumps(a.details) for a in History().attempts())
        assert all(secret not in r.stdout + r.stderr for r in (setup, *runs))
    monkeypatch.setenv("XDG_DATA_HOME", cli_env["XDG_DATA_HOME"])
    from keyrings.alt.file import PlaintextKeyring

    setup_id = config_of(tsbackup_home)["setup_id"]
    assert PlaintextKeyring().get_password("tsbackup", f"{setup_id}:rest-password") == LOGIN


def test_connection_answers_for_a_rest_server(tmp_path, tsbackup_home):
    with RestServer(tmp_path / "rest-root", USER, LOGIN) as server:
        target = connection.parse_secondary(server.url)
        new = connection.test_connection(target, {"rest-username": USER, "rest-password": LOGIN}, password="Repo-Passwort-Chur-9")
        assert (new.ok, new.code) == (True, "connection.ok_new")
        refused = connection.test_connection(target, {"rest-username": USER, "rest-password": "falsch"}, password="Repo-Passwort-Chur-9")
    assert (refused.ok, refused.code, refused.exit_code) == (False, "offsite.access_denied", 2)
    assert refused.message.english() == (
        f"The storage at rest:http://{USER}:***@127.0.0.1:{server.port}/ refused the access keys or the login "
        "(unable to open config file: unexpected HTTP response (401): 401 Unauthorized). Check them with the "
        "provider, then run the setup again with the right ones.")
    assert "falsch" not in refused.message.english()
    port = closed_port()
    closed = connection.test_connection(connection.parse_secondary(f"rest:http://127.0.0.1:{port}/kanzlei"))
    assert (closed.code, closed.exit_code) == ("connection.port_closed", 1)
    assert not tsbackup_home.exists()


def test_the_login_never_comes_from_the_command_line(run_cli, cli_env, tmp_path, tsbackup_home):
    source, drive = make_world(tmp_path)
    result = setup_cli(run_cli, source, drive, "--secondary", f"rest:https://{USER}:{quote(LOGIN)}@backup.example/x")
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "Do not write the REST server's user name and password into the address: anyone on this computer can read a "
        "command line. Set RESTIC_REST_USERNAME and RESTIC_REST_PASSWORD instead; nothing was changed.")
    half = setup_cli(run_cli, source, drive, "--secondary", "rest:https://backup.example:8000/x",
                     env={"RESTIC_REST_USERNAME": USER, "RESTIC_REST_PASSWORD": ""})
    assert half.returncode == 2 and half.stderr.startswith("Only one of RESTIC_REST_USERNAME and RESTIC_REST_PASSWORD")
    wrong_kind = setup_cli(run_cli, source, drive, "--secondary", str(tmp_path / "nas"), "--append-only")
    assert wrong_kind.returncode == 2
    assert wrong_kind.stderr.strip() == f"--append-only belongs to a REST server (rest:…), not to '{tmp_path / 'nas'}'."
    assert not (tsbackup_home / "config").exists() and not keyring_file(cli_env).exists()


def test_login_from_the_environment():
    address = targets_rest.parse_rest("rest:https://backup.example:8000/kanzlei")
    assert address.repo == "rest:https://backup.example:8000/kanzlei/"
    assert targets_rest.login_from({"RESTIC_REST_USERNAME": "u", "RESTIC_REST_PASSWORD": "p"}, address) == {
        "rest-username": "u", "rest-password": "p"}
    url = f"rest:https://{USER}:{quote(LOGIN, safe='')}@backup.example:8000/kanzlei/"
    assert targets_rest.login_from({"RESTIC_REPOSITORY": url}, address) == {"rest-username": USER, "rest-password": LOGIN}
    other = f"rest:https://{USER}:pw@elsewhere.example:8000/kanzlei/"
    assert targets_rest.login_from({"RESTIC_REPOSITORY": other}, address) is None  # another server's login stays there
    assert targets_rest.with_login(address.repo, {"rest-username": USER, "rest-password": LOGIN}) == url
    assert targets_rest.with_login(address.repo, {}) == address.repo
    with pytest.raises(UserError) as caught:
        targets_rest.parse_rest("rest:https://backup.example:99999/x")
    assert caught.value.exit_code == 2


def test_new_computer_restore_from_a_rest_server_takes_the_login_from_the_environment(run_cli, tmp_path, tsbackup_home):
    """What the recovery sheet promises for a REST target: the login from RESTIC_REST_*, never argv."""
    source, drive = make_world(tmp_path)
    password = "Repo-Passwort-Bern-2026"
    login_env = {"RESTIC_REST_USERNAME": USER, "RESTIC_REST_PASSWORD": LOGIN}
    wrapper, records = recording_restic(tmp_path / "wrapper")
    with RestServer(tmp_path / "rest-root", USER, LOGIN, append_only=False) as server:
        assert setup_cli(run_cli, source, drive, "--secondary", server.url, "--password-stdin",
                         input=password + "\n", env=login_env).returncode == 0
        assert run_cli("run").returncode in (0, 1)
        fresh = {"TSBACKUP_HOME": str(tmp_path / "new-computer"), "TSBACKUP_RESTIC": str(wrapper)}
        without_login = run_cli("restore", "--repo", server.url, "--password-stdin", "--to", str(tmp_path / "none"),
                                input=password + "\n", env=fresh)
        restored = run_cli("restore", "--repo", server.url, "--password-stdin", "--to", str(tmp_path / "back"),
                           input=password + "\n", env={**fresh, **login_env})
    assert without_login.returncode != 0 and "Traceback" not in without_login.stderr
    assert restored.returncode == 0, restored.stdout + restored.stderr
    original = source / "timeSensor.4DD"
    assert (tmp_path / "back" / "timeSensor DataFiles" / "timeSensor.4DD").read_bytes() == original.read_bytes()
    argvs, _environs = recorded(records)
    assert argvs and not [argv for argv in argvs if any(LOGIN in part or quote(LOGIN, safe="") in part for part in argv)]
