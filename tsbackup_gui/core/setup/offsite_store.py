"""Storing what the off-site plan decided: the keyring first (restic accepted the password
already), then the configuration; a failure puts the previous keyring entries back and
removes a repository the plan had just created, so a failed setup changes nothing."""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path
from typing import Callable

from tsbackup_gui.core.errors import UserError
from tsbackup_gui.core.offsite.upload import PASSWORD_SECRET
from tsbackup_gui.core.setup.offsite import plan_secondary
from tsbackup_gui.core.setup.offsite_repo import SecondaryOptions, SecondaryPlan

log = logging.getLogger(__name__)


def plan_into(new, options: SecondaryOptions, *, previous, secrets, source: Path, now: datetime) -> SecondaryPlan | None:
    """`plan_secondary` for setup's new `Config`: sets its ``secondary``; a changed target or
    password also needs the recovery sheet confirmed again (the sheet names both)."""
    plan = plan_secondary(options, previous=previous.secondary if previous is not None else None, secrets=secrets,
                          source=source, now=now)
    if plan is not None:
        new.secondary = plan.secondary
        if plan.changed:  # another target, password or key (`setup.remote`): the sheet shows them all
            new.recovery_sheet_confirmed = None
    return plan


def commit_secondary(plan: SecondaryPlan | None, secrets, write: Callable[[], None]) -> None:
    """Stores the password (restic accepted it already), then runs ``write`` (configuration and
    drive); when either fails, the previous keyring entry is put back and a new repository removed."""
    put_back: Callable[[], None] = lambda: None  # noqa: E731
    try:
        if plan is not None:
            put_back = store_password(plan, secrets)
        write()
    except BaseException:
        put_back()
        if plan is not None:
            plan.undo()
        raise


def store_password(plan: SecondaryPlan, secrets) -> Callable[[], None]:
    """Writes the plan's password (and the backend's secrets) to the keyring; returns how to put the previous entries back."""
    wanted = dict(plan.backend_secrets)
    if plan.password is not None:
        wanted[PASSWORD_SECRET] = plan.password
    before: dict[str, str | None] = {}
    for name, value in wanted.items():
        old = secrets.get(name)
        if old == value:
            continue
        before[name] = old
        if value is None:
            secrets.delete(name)
        else:
            secrets.set(name, value)

    def put_back() -> None:
        for name, old in before.items():
            try:
                if old is None:
                    secrets.delete(name)
                else:
                    secrets.set(name, old)
            except UserError:
                log.warning("could not put the previous off-site secret %s back into the keyring", name)

    return put_back
