"""Restore: into a folder from this setup's backups, or on a new computer with nothing but the recovery sheet.

Every way in (the restore dialog, the wizard's "Restore from an existing
backup", `tsbackup restore`) goes through `core.restore.choices.check_restore_target`
first: a full path to a new or empty folder, never inside the live data folder
or the backups. Secrets for a new computer (a REST server's login, S3 keys)
reach restic only through the child's environment.
"""

from __future__ import annotations

import os
import tempfile
import threading
from datetime import datetime
from pathlib import Path
from typing import Callable, Mapping

from tsbackup_gui.core.errors import Exit, UserError
from tsbackup_gui.core.messages import QT_TRANSLATE_NOOP, Message, define
from tsbackup_gui.core.offsite import rest, s3
from tsbackup_gui.core.offsite.upload import open_repository, pick_generation, setup_tag
from tsbackup_gui.core.primary.target import Target
from tsbackup_gui.core.primary.generations import list_generations
from tsbackup_gui.core.primary.rows import NO_GENERATIONS
from tsbackup_gui.core.restic.driver import Restic
from tsbackup_gui.core.restore import into_folder
from tsbackup_gui.core.restore.choices import GenerationChoice, SnapshotChoice, check_restore_target
from tsbackup_gui.core.restore.find import find_backup
from tsbackup_gui.core.restore.into_folder import RestoreReport, RestoreVerifyError
from tsbackup_gui.core.restore.put_back import SwapResult
from tsbackup_gui.core.store import config as config_mod
from tsbackup_gui.core.store.config import Config
from tsbackup_gui.core.store.secrets import SecretStore

NO_SECONDARY = define(
    "restore.no_secondary",
    QT_TRANSLATE_NOOP("core", "No off-site backup is set up on this computer. Use --repo URL --password-stdin to restore from one."),
)
HOST_KEY_DIFFERS = define(
    "restore.host_key_differs",
    QT_TRANSLATE_NOOP(
        "core",
        "The SFTP server shows the host key {shown}, not {expected} from the recovery sheet. It may not be your "
        "server: nothing was restored. Ask your IT partner before you go on.",
    ),
)
HOST_KEY_NEEDED = define(
    "restore.host_key_needed",
    QT_TRANSLATE_NOOP(
        "core",
        "The SFTP server shows the host key {shown}. Compare it with the one on the recovery sheet, then restore "
        "again with --host-key {shown_plain}; nothing was restored.",
    ),
)
S3_KEYS_NEEDED = define(
    "restore.s3_keys_needed",
    QT_TRANSLATE_NOOP(
        "core",
        "The S3 storage opens only with its two access keys (they are on the recovery sheet): set "
        "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, then restore again.",
    ),
)
SFTP_NEEDS_KEY = define(
    "restore.sftp_needs_key",
    QT_TRANSLATE_NOOP("core", "An SFTP off-site backup is reached with its SSH key: give the private key file with --ssh-key FILE."),
)
TRY_UNSHARED = define(
    "restore.try_unshared",
    QT_TRANSLATE_NOOP("core", "{problem} The backup {good} does not share this damage: restore that one instead."),
)
ALL_SHARE = define(
    "restore.all_share",
    QT_TRANSLATE_NOOP(
        "core",
        "{problem} Every backup on the drive holds this same damaged file (they share it): restore it from the "
        "off-site copy.",
    ),
)
NO_GENERATION = define(
    "restore.no_generation",
    QT_TRANSLATE_NOOP("core", "There is no backup {generation} on the backup drive. 'tsbackup generations' lists them."),
)


def stored_setup() -> Config | None:
    """This computer's setup when there is a readable one: its data and backup folders are off limits
    as restore targets even on the new-computer path."""
    try:
        return config_mod.load()
    except UserError:
        return None


def check_target(to: Path | str, config: Config | None = None) -> Path:
    """The restore target, checked before anything is touched (see the module's rule)."""
    return check_restore_target(config if config is not None else stored_setup(), to)


def restore_generation(config: Config, generation_id: str | None, to: Path,
                       cancel: threading.Event | None = None) -> RestoreReport:
    """A generation from the connected backup drive (the newest trustworthy one by default)."""
    from tsbackup_gui.core.drives.rotation import connected_config  # rotation: the drive that is connected

    to = check_restore_target(config, to)
    drive = connected_config(config)
    path = _generation_path(drive, generation_id)
    try:
        return into_folder.restore_from_primary(path, to, cancel=cancel)
    except RestoreVerifyError as error:
        raise _with_advice(error, drive, path) from None


def _with_advice(error: RestoreVerifyError, drive: Config, restored: Path) -> RestoreVerifyError:
    """"Try an older backup" is no advice when the older ones share the damaged file through hard
    links: name the newest generation whose copy of every damaged file is another file."""
    from tsbackup_gui.core.primary.damage import identity

    target = Target(Path(drive.primary), drive.computer)
    generations = list_generations(target)
    bad = next((g for g in generations if g.path == restored), None)
    paths = [m.path for m in error.report.mismatches if m.problem != "unexpected"]
    if bad is None or not paths:
        return error
    damaged = {path: identity(bad, path) for path in paths}
    for candidate in reversed(generations):
        if candidate.path == restored:
            continue
        mine = {path: identity(candidate, path) for path in paths}
        if all(mine[path] is not None and mine[path] != damaged[path] for path in paths):
            return RestoreVerifyError(TRY_UNSHARED(problem=error.message, good=candidate.id), error.report)
    return RestoreVerifyError(ALL_SHARE(problem=error.message), error.report)


def restore_snapshot(config: Config, snapshot_id: str | None, to: Path, secrets=None,
                     cancel: threading.Event | None = None) -> RestoreReport:
    """An off-site snapshot of this setup (the newest of this computer by default)."""
    to = check_restore_target(config, to)
    if not config.secondary or not config.secondary.get("repo"):
        raise UserError(NO_SECONDARY(), Exit.USAGE)
    restic = open_repository(config.secondary, secrets if secrets is not None else SecretStore(config.setup_id))
    if snapshot_id:
        return into_folder.restore_from_snapshot(restic, snapshot_id, to, cancel=cancel)
    return into_folder.restore_from_snapshot(restic, "latest", to, host=config.computer,
                                             tags=[setup_tag(config.setup_id)], cancel=cancel)


def restore_chosen(config: Config, choice: GenerationChoice | SnapshotChoice, to: Path, *, secrets=None,
                   cancel: threading.Event | None = None) -> RestoreReport:
    """What the restore dialog restores: the generation or the snapshot the person picked."""
    to = check_restore_target(config, to)
    if isinstance(choice, GenerationChoice):
        return into_folder.restore_from_primary(choice.path, to, cancel=cancel)
    restic = open_repository(config.secondary or {}, secrets if secrets is not None else SecretStore(config.setup_id))
    return into_folder.restore_from_snapshot(restic, choice.id, to, cancel=cancel)


def put_back_question(config: Config, restored: Path, backup: str, now: datetime) -> Message:
    """The question before "Put this back in place": the backup (its date as the list shows it), the
    restored folder that goes in, and the name the current data folder is kept under."""
    from tsbackup_gui.core.restore.put_back import question

    return question(restored, Path(config.source), backup, now)


def put_back_restored(config: Config, restored: Path, *, now: datetime, guard=None) -> SwapResult:
    """"Put this back in place" (single-user): the restored data in place of the live data folder,
    only while timeSensor LEGAL is closed; ``now`` is the moment the question named (the aside name)."""
    from tsbackup_gui.core.guard.single_user import SingleUserGuard
    from tsbackup_gui.core.restore.put_back import put_back

    live = Path(config.source)
    return put_back(restored, live, guard=guard or SingleUserGuard(live, config.process_names), now=now)


def restore_on_new_computer(repo: str, password: str, to: Path, *, host: str | None = None,
                            snapshot: str | None = None, s3_keys: tuple[str, str] | None = None,
                            environ: Mapping[str, str] | None = None, ssh_key: Path | None = None,
                            host_key: str | None = None,
                            confirm_host_key: Callable[[str], bool] | None = None) -> RestoreReport:
    """The recovery sheet's way: a repository and its password, no configuration. A REST server's
    login comes from RESTIC_REST_USERNAME/RESTIC_REST_PASSWORD, S3 keys from ``s3_keys`` or
    AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY — all into restic's environment, never argv. An SFTP
    server is reached with ``ssh_key`` and must show ``host_key`` (the sheet's fingerprint); without
    one, ``confirm_host_key`` asks a person — a key is never trusted silently."""
    to = check_target(to)
    repo = repo.strip()
    if repo.startswith("sftp:"):
        with tempfile.TemporaryDirectory(prefix="tsbackup-restore-ssh-") as scratch:
            restic = _sftp_restic(repo, password, ssh_key, host_key, confirm_host_key, Path(scratch))
            return into_folder.restore_from_snapshot(restic, snapshot or "latest", to, host=host or None)
    repo, env = new_computer_repository(repo, os.environ if environ is None else environ, s3_keys)
    if repo.startswith("s3:") and not env:  # restic would only say it has no credentials
        raise UserError(S3_KEYS_NEEDED(), Exit.USAGE)
    return into_folder.restore_from_snapshot(Restic(repo, password, env_extra=env), snapshot or "latest", to,
                                             host=host or None)


def _sftp_restic(repo: str, password: str, ssh_key: Path | None, host_key: str | None,
                 confirm: Callable[[str], bool] | None, scratch: Path) -> Restic:
    """restic over ssh with the server's key checked against the sheet, pinned in a scratch file only
    (nothing of this computer's own settings is written)."""
    from tsbackup_gui.core.offsite import sftp

    if ssh_key is None:
        raise UserError(SFTP_NEEDS_KEY(), Exit.USAGE)
    key = Path(ssh_key).expanduser()
    if not key.is_file():
        raise UserError(sftp.KEY_MISSING(path=str(key)), Exit.USAGE)
    address = sftp.parse_sftp(repo)
    answer, lines = sftp.learn_host_key(address, key, passphrase=None, timeout=30.0)
    shown = sftp.fingerprint(lines)
    if shown is None:  # no key came back: the server was not reached (ssh's own reason)
        error = answer.error(address.repo)
        raise UserError(error.message if error is not None else SFTP_NEEDS_KEY(), Exit.TARGET_UNAVAILABLE)
    plain = shown.split(" ")[0]
    if host_key is not None:
        if host_key.strip().split(" ")[0] != plain:
            raise UserError(HOST_KEY_DIFFERS(shown=shown, expected=host_key.strip()), Exit.VERIFY_FAILED)
    elif confirm is None or not confirm(shown):
        raise UserError(HOST_KEY_NEEDED(shown=shown, shown_plain=plain), Exit.USAGE)
    known_hosts = sftp.pin(address, lines, scratch / sftp.KNOWN_HOSTS_NAME)
    return sftp.SftpRestic(address.repo, password, address=address, key=key, known_hosts=known_hosts)


def restore_found_backup(folder: Path, to: Path) -> RestoreReport:
    """The newest generation found on a drive a person pointed at (a new computer, no setup)."""
    to = check_target(to)
    return into_folder.restore_from_primary(find_backup(folder).path, to)


def new_computer_repository(repo: str, environ: Mapping[str, str],
                            s3_keys: tuple[str, str] | None = None) -> tuple[str, dict[str, str]]:
    """The repository as restic takes it, and the secrets for the child's environment."""
    if repo.startswith("rest:"):
        address = rest.parse_rest(repo)  # refuses a login typed into the address
        login = rest.login_from(environ, address) or {}
        return rest.with_login(address.repo, login), rest.login_env(login)
    if repo.startswith("s3:"):
        if s3_keys and all(s3_keys):
            return repo, dict(zip((variable for _, variable in s3.KEY_VARIABLES), s3_keys))
        keys = s3.keys_from(environ)
        return repo, s3.keys_env(keys) if keys else {}
    return repo, {}


def _generation_path(config: Config, generation_id: str | None) -> Path:
    target = Target(Path(config.primary), config.computer)
    target.require_marker(config.setup_id)
    generations = list_generations(target)
    if generation_id:
        for generation in generations:
            if generation.id == generation_id:
                return generation.path
        raise UserError(NO_GENERATION(generation=generation_id), Exit.USAGE)
    if not generations:
        raise UserError(NO_GENERATIONS(), Exit.USAGE)
    generation, _warning = pick_generation(generations)
    return generation.path
