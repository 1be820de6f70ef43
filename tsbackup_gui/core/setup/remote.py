"""The remote part of `tsbackup setup`: SFTP, S3 and REST targets, their secrets, and ``--test-only``.

`setup.offsite_repo` does what every restic target shares (which password, open
or init, what changed); this module adds what a remote target needs first:
the backend's secrets, read once from the environment or standard input
(never argv) and stored in the keyring only after everything worked, and for
SFTP the server's host key, confirmed on first use and kept in the
configuration so every later connection can check it strictly.

``--test-only`` runs `connection.test_connection` on the given (or the
configured) target with the same secrets and writes nothing.
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path
from typing import Any, Callable, Mapping

from tsbackup_gui.core.offsite.records import readable_repo
from tsbackup_gui.core.errors import Exit, UserError
from tsbackup_gui.core.messages import QT_TRANSLATE_NOOP, Message, define
from tsbackup_gui.core.offsite.upload import PASSWORD_SECRET
from tsbackup_gui.core.setup.offsite_repo import CANNOT_OPEN, NO_SECONDARY_FOR, open_or_create
from tsbackup_gui.core.offsite import rest as targets_rest, s3 as targets_s3, sftp as targets_sftp
from tsbackup_gui.core.offsite.sftp_keys import check_key
from tsbackup_gui.core.offsite.targets import (
    BACKEND_SECRETS, KEY_NOT_FOR, kind_of_secondary, open_target, parse_secondary,
)

TIMEOUT = 30.0

HOST_KEY_CONFIRMED = define(
    "setup.sftp_host_key",
    QT_TRANSLATE_NOOP(
        "core",
        "The SFTP server's identity (host key {fingerprint}) is confirmed for this computer; compare it with the one "
        "your IT partner tells you.",
    ),
)
HOST_KEY_REPLACED = define(
    "setup.sftp_host_key_replaced",
    QT_TRANSLATE_NOOP(
        "core",
        "The SFTP server shows another identity than at the last setup; its new host key {fingerprint} is confirmed "
        "now. Make sure your IT partner really changed it.",
    ),
)
APPEND_ONLY_NOT_FOR = define(
    "setup.append_only_not_for",
    QT_TRANSLATE_NOOP("core", "--append-only belongs to a REST server (rest:…), not to '{value}'."),
)
APPEND_ONLY_SET = define(
    "setup.append_only",
    QT_TRANSLATE_NOOP(
        "core",
        "The REST server is append-only: this program never deletes old snapshots there; whoever runs the server "
        "keeps their number in check.",
    ),
)
SFTP_RELATIVE = define(
    "setup.sftp_relative",
    QT_TRANSLATE_NOOP(
        "core",
        "The off-site backup lies in the SFTP login's home folder, at {path} inside it. For a path from the "
        "server's root, write two slashes after the server: sftp://{host}//{path}",
    ),
)
S3_PLAIN_HTTP = define(
    "setup.s3_plain_http",
    QT_TRANSLATE_NOOP(
        "core",
        "The S3 storage {endpoint} is reached without encryption (http://): the backup itself is encrypted, but "
        "the access keys travel readable. Use https:// unless the server stands in the firm's own network.",
    ),
)
S3_KEYS_NOT_FOR = define(
    "setup.s3_keys_not_for",
    QT_TRANSLATE_NOOP("core", "--s3-keys-stdin belongs to S3 storage (s3:…), not to '{value}'."),
)


def place_notes(secondary: Mapping[str, Any]) -> list[Message]:
    """What a person should know about where the off-site backup lies, said once at setup: a path in
    the SFTP login's home folder (one slash), an S3 endpoint without encryption (http://)."""
    notes: list[Message] = []
    repo = str(secondary.get("repo") or "")
    if secondary.get("kind") == "sftp":
        address = targets_sftp.parse_sftp(repo)
        if not address.path.startswith("/"):  # sftp://host/x and sftp://host//x are different places
            notes.append(SFTP_RELATIVE(path=address.path, host=address.host))
    if secondary.get("kind") == "s3" and repo.startswith("s3:http://"):
        notes.append(S3_PLAIN_HTTP(endpoint=repo[len("s3:"):]))
    return notes


def plan_remote(value: str, options, limit: int | None, *, previous: dict[str, Any] | None, secrets, source: Path,
                now: datetime, restic_factory: Callable[..., Any] | None):
    """`setup.offsite._KINDS` entry for sftp, s3 and rest: secrets and host key first, then open or create."""

    secondary = target_from(value, options, previous)
    kind = secondary["kind"]
    same = bool(previous) and str(previous.get("repo") or "") == secondary["repo"]
    backend = backend_secrets(secondary, options, secrets if same else None)
    notes: list[Message] = []
    if kind == "sftp":
        notes += _confirm_host_key(secondary, backend, previous)
    notes += place_notes(secondary)
    factory = restic_factory or (lambda repo, password: open_target(secondary, password, backend, timeout=TIMEOUT))
    plan = open_or_create(secondary["repo"], options, limit, previous=previous, secrets=secrets, now=now,
                           kind=kind, restic_factory=factory, fresh_folder=None, empty_check=None)
    for name in ("ssh_key", "host_keys", "host_key"):
        if name in secondary:
            plan.secondary[name] = secondary[name]
    if kind == "rest" and options.target is not None:  # given flags decide; a re-run without --secondary keeps them
        plan.secondary.pop("append_only", None)
        if options.append_only:
            plan.secondary["append_only"] = True
    if plan.secondary.get("append_only"):
        notes.append(APPEND_ONLY_SET())
    plan.backend_secrets = {name: backend.get(name) for name in BACKEND_SECRETS.get(kind, ())}
    stored = {name: secrets.get(name) for name in plan.backend_secrets}
    prior_key = (previous or {}).get("ssh_key") if same else None
    plan.changed = plan.changed or stored != plan.backend_secrets or prior_key != secondary.get("ssh_key")
    plan.notes += notes
    return plan


def target_from(value: str, options, previous: dict[str, Any] | None) -> dict[str, Any]:
    """The target dict for setup: the key of the previous setup of the same server is kept unless another is given."""
    ssh_key = options.ssh_key
    if ssh_key is None and previous and previous.get("kind") == "sftp":
        try:
            same = targets_sftp.parse_sftp(value).repo == str(previous.get("repo") or "")
        except UserError:
            same = False
        if same and previous.get("ssh_key"):
            ssh_key = str(previous["ssh_key"])
    secondary = parse_secondary(value, ssh_key=ssh_key)
    check_options_for(secondary["kind"], value, options)
    return secondary


def check_options_for(kind: str, value: str, options) -> None:
    """The target-specific options belong to their kind of target; anything else is a plain usage error."""
    if options.ssh_key is not None and kind != "sftp":
        raise UserError(KEY_NOT_FOR(value=value), Exit.USAGE)
    if options.append_only and kind != "rest":
        raise UserError(APPEND_ONLY_NOT_FOR(value=value), Exit.USAGE)
    if options.s3_keys is not None and kind != "s3":
        raise UserError(S3_KEYS_NOT_FOR(value=value), Exit.USAGE)


def backend_secrets(secondary: Mapping[str, Any], options, stored, *, required: bool = True) -> dict[str, str]:
    """The backend's secrets by keyring name: given now (stdin, environment) or, for the same target, stored.

    ``stored`` is the keyring of this setup when the target did not change
    (else None: another server never gets the old one's secrets).
    """
    environ = options.environ if options.environ is not None else os.environ
    kind = secondary["kind"]
    found: dict[str, str] = {}
    if kind == "s3":
        if options.s3_keys is not None:
            found = dict(zip((targets_s3.ACCESS_KEY_SECRET, targets_s3.SECRET_KEY_SECRET), options.s3_keys))
        else:
            found = targets_s3.keys_from(environ) or _stored(stored, BACKEND_SECRETS["s3"]) or {}
        if required and len([v for v in found.values() if v]) < 2:
            raise UserError(targets_s3.NEED_KEYS(), Exit.USAGE)
    elif kind == "rest":
        address = targets_rest.parse_rest(str(secondary["repo"]))
        found = targets_rest.login_from(environ, address) or _stored(stored, BACKEND_SECRETS["rest"]) or {}
    elif kind == "sftp":
        passphrase = environ.get(targets_sftp.PASSPHRASE_VAR) or (
            stored.get(targets_sftp.PASSPHRASE_SECRET) if stored is not None else None)
        if check_key(Path(str(secondary["ssh_key"])), passphrase) and passphrase:
            found = {targets_sftp.PASSPHRASE_SECRET: passphrase}
    return found


def _stored(stored, names) -> dict[str, str] | None:
    if stored is None:
        return None
    values = {name: stored.get(name) for name in names}
    return values if all(values.values()) else None


def _confirm_host_key(secondary: dict[str, Any], backend: Mapping[str, str], previous) -> list[Message]:
    """Connects once, accepting the key the server shows, and keeps it in ``secondary``; refusals are plain errors."""

    address = targets_sftp.parse_sftp(secondary["repo"])
    key = Path(secondary["ssh_key"])
    answer, lines = targets_sftp.learn_host_key(address, key, passphrase=backend.get(targets_sftp.PASSPHRASE_SECRET),
                                                timeout=TIMEOUT)
    error = answer.error(address.repo)
    if error is not None:
        raise UserError(CANNOT_OPEN(reason=error.message), Exit.USAGE)
    fingerprint = targets_sftp.fingerprint(lines) or "?"
    secondary["host_keys"], secondary["host_key"] = lines, fingerprint
    before = [str(line) for line in (previous or {}).get("host_keys") or ()]
    try:
        same_host = bool(previous) and previous.get("kind") == "sftp" and \
            targets_sftp.parse_sftp(str(previous.get("repo"))).host_id == address.host_id
    except UserError:
        same_host = False
    if same_host and before and targets_sftp.fingerprint(before) != fingerprint:
        return [HOST_KEY_REPLACED(fingerprint=fingerprint)]
    return [HOST_KEY_CONFIRMED(fingerprint=fingerprint)]


def test_only(options, *, previous: dict[str, Any] | None, secrets):
    """``tsbackup setup --test-only``: the given target (or the configured one) tested; nothing is written.

    ``secrets`` is this setup's `SecretStore` (read only, for a configured target's secrets).
    """
    from tsbackup_gui.core.offsite.connection import test_connection

    if options.target is None and readable_repo(previous):
        secondary = dict(previous)
        given = backend_secrets(secondary, options, secrets, required=False) if kind_of_secondary(secondary) in \
            ("s3", "rest", "sftp") else {}
        password = options.password if options.password is not None else secrets.get(PASSWORD_SECRET)
    else:

        if options.target is None:
            raise UserError(NO_SECONDARY_FOR(option="--test-only"), Exit.USAGE)
        secondary = target_from(options.target.strip(), options, previous)
        same = bool(previous) and str(previous.get("repo") or "") == secondary.get("repo")
        given = backend_secrets(secondary, options, secrets if same else None, required=False) \
            if secondary["kind"] in ("s3", "rest", "sftp") else {}
        password = options.password
        if password is None and same:
            password = secrets.get(PASSWORD_SECRET)
    return test_connection(secondary, given, password=password)


test_only.__test__ = False  # type: ignore[attr-defined]


def test_target(options):
    """`test_only` with this computer's configuration (if any) and keyring; a damaged configuration is ignored."""
    from tsbackup_gui.core.store import config as config_mod
    from tsbackup_gui.core.store.secrets import SecretStore

    try:
        config = config_mod.load()
    except UserError:
        config = None
    previous = config.secondary if config is not None else None
    return test_only(options, previous=previous, secrets=SecretStore(config.setup_id) if config is not None else {})


test_target.__test__ = False  # type: ignore[attr-defined]
