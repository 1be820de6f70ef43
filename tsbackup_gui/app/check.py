"""The monthly check and the yearly restore drill, started the same way from the window, the tray and the command."""

from __future__ import annotations

from pathlib import Path

from tsbackup_gui.core.check.drill import DrillResult, ReportWriter, require_offsite, run_drill, why_no_drill
from tsbackup_gui.core.check.monthly import CheckResult, confirm_items, needs_person, run_check
from tsbackup_gui.core.clock import Clock
from tsbackup_gui.core.messages import Message
from tsbackup_gui.core.places import Places
from tsbackup_gui.core.store import config as config_mod
from tsbackup_gui.core.store.config import Config

__all__ = ["monthly_check", "confirm_check", "to_confirm", "restore_drill", "drill_blocked", "require_drillable"]


def monthly_check(*, clock: Clock, confirm_external: bool = False, where: Places | None = None,
                  secrets=None) -> CheckResult:
    """The stored setup's monthly check, recorded (a missing setup raises its `UserError`)."""
    return run_check(config_mod.require(where), clock=clock, confirm_external=confirm_external, where=where,
                     secrets=secrets)


def to_confirm(result: CheckResult) -> list[Message]:
    """The items of a finished check that only a person can confirm (the window asks about them)."""
    return needs_person(result)


def confirm_check(result: CheckResult, *, clock: Clock, where: Places | None = None) -> CheckResult:
    """"Yes, I have checked them": ``result`` with its items confirmed, recorded (the same as
    `tsbackup check --confirm-external`, without reading the backups a second time)."""
    return confirm_items(config_mod.require(where), result, clock=clock, where=where)


def restore_drill(*, clock: Clock, to: Path | None = None, write_report: ReportWriter | None = None,
                  where: Places | None = None, secrets=None) -> DrillResult:
    """The stored setup's restore drill, recorded, with its report written by ``write_report``."""
    return run_drill(config_mod.require(where), clock=clock, to=to, write_report=write_report, where=where,
                     secrets=secrets)


def drill_blocked(config: Config) -> Message | None:
    """Why the drill cannot start for this setup (the button is off, its tooltip says this), or None."""
    return why_no_drill(config)


def require_drillable(where: Places | None = None) -> Config:
    """The stored setup when a drill can run on it; else the one sentence (exit 2), quickly."""
    config = config_mod.require(where)
    require_offsite(config)
    return config
