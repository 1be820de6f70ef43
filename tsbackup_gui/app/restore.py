"""Restore: into a folder from this setup's backups, or on a new computer with nothing but the recovery sheet.

Every way in (the restore dialog, the wizard's "Restore from an existing
backup", `tsbackup restore`) goes through `core.restore.choices.check_restore_target`
first: a full path to a new or empty folder, never inside the live data folder
or the backups. Secrets for a new computer (a REST server's login, S3 keys)
reach restic only through the child's environment.
"""

from __future__ import annotations

import os
import threading
from datetime import datetime
from pathlib import Path
from typing import Mapping

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
from tsbackup_gui.core.restore.into_folder import RestoreReport
from tsbackup_gui.core.restore.put_back import SwapResult
from tsbackup_gui.core.store import config as config_mod
from tsbackup_gui.core.store.config import Config
from tsbackup_gui.core.store.secrets import SecretStore

NO_SECONDARY = define(
    "restore.no_secondary",
    QT_TRANSLATE_NOOP("core", "No off-site backup is set up on this computer. Use --repo URL --password-stdin to restore from one."),
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
    return into_folder.restore_from_primary(_generation_path(connected_config(config), generation_id), to,
                                            cancel=cancel)


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
                            environ: Mapping[str, str] | None = None) -> RestoreReport:
    """The recovery sheet's way: a repository and its password, no configuration. A REST server's
    login comes from RESTIC_REST_USERNAME/RESTIC_REST_PASSWORD, S3 keys from ``s3_keys`` or
    AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY — all into restic's environment, never argv."""
    to = check_target(to)
    repo, env = new_computer_repository(repo.strip(), os.environ if environ is None else environ, s3_keys)
    return into_folder.restore_from_snapshot(Restic(repo, password, env_extra=env), snapshot or "latest", to,
                                             host=host or None)


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
