"""Turning the wizard's choices into one `tsbackup setup` and running it.

The wizard stores nothing of its own: leaving the schedule page calls core's
`configure` with the same options the CLI would pass, so a setup made by
clicking and one made by an IT partner's script are the same setup.
"""

from __future__ import annotations

from dataclasses import fields
from typing import Any

from tsbackup_gui.core.setup.configure import SetupOptions


def build_options(state) -> SetupOptions:
    daily, weekly, monthly = state.keep
    offsite = state.offsite
    values: dict[str, Any] = dict(
        source=str(state.source), primary=str(state.primary), mode=state.mode, computer=state.computer,
        keep_daily=daily, keep_weekly=weekly, keep_monthly=monthly, working_days=",".join(state.days),
        time=state.time, adopt=bool(state.adopt),
    )
    if offsite.kind not in ("keep", "later") and offsite.target:
        values["secondary"] = offsite.target
        if offsite.kind != "external" and offsite.password:
            values["password"] = offsite.password
    if getattr(state, "reports", None) is not None:
        values["reports"] = state.reports
    known = {item.name for item in fields(SetupOptions)}
    if offsite.ssh_key is not None and offsite.kind == "sftp" and "ssh_key" in known:
        values["ssh_key"] = str(offsite.ssh_key)
    if offsite.s3_keys and offsite.kind == "s3":
        values["s3_keys"] = tuple(offsite.s3_keys)
    return SetupOptions(**{key: value for key, value in values.items() if key in known})


def signature(state) -> tuple:
    """What a save depends on: the same choices need no second save."""
    return (repr(build_options(state)), state.offsite.signature(), getattr(state.reports, "password", None))


def save(state, *, where=None, clock=None):
    """On the worker: `app.setup.set_up` with the wizard's choices."""
    from tsbackup_gui.app.setup import set_up

    return set_up(build_options(state), where=where, clock=clock)
