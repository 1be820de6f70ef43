"""Everything the status window shows, gathered in one call off the GUI thread.

The headline is the status model's sentence once a backup is set up, so the
window, the tray and `tsbackup status` say the same thing; before that it
says what detection found.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from tsbackup_gui.core.store import config as config_mod
from tsbackup_gui.core.install import detect as install
from tsbackup_gui.core.clock import Clock, minute_text
from tsbackup_gui.core.messages import Message, QT_TRANSLATE_NOOP, define

NOT_SET_UP_FOUND = define(
    "overview.found_not_set_up",
    QT_TRANSLATE_NOOP("core", "timeSensor LEGAL was found. The backup is not set up yet."),
)
NOTHING_FOUND = define(
    "overview.nothing_found",
    QT_TRANSLATE_NOOP("core", "No timeSensor LEGAL data was found on this computer."),
)


@dataclass
class Overview:
    headline: Message
    state: str
    detection: dict[str, Any]
    notes: list[Message] = field(default_factory=list)
    primary: str | None = None
    primary_folder: str | None = None
    generations: list[dict[str, Any]] = field(default_factory=list)
    demo: Any = None  # the DemoLayout when the demo was (re)laid out by this call
    status: Any = None  # status.Status once set up
    mode: str | None = None  # the setup's mode: single / server
    primary_facts: Any = None  # overview_targets.PrimaryFacts
    offsite: Any = None  # overview_targets.OffsiteFacts
    fourd: Any = None  # overview_targets.FourdFacts (server setups)
    reminders: list[Message] = field(default_factory=list)
    history: list[Any] = field(default_factory=list)  # overview_history.HistoryRow, newest first
    chart: list[Any] = field(default_factory=list)  # overview_history.ChartPoint, oldest first
    log_file: str | None = None
    now: datetime | None = None
    config: Any = None  # the Config the dialogs act on

    @property
    def configured(self) -> bool:
        return self.primary is not None


def gather(demo_root: Path | None = None, clock: Clock | None = None, refresh_demo: bool = True) -> Overview:
    """Detects the installation (the demo tree when given) and reads the setup.

    ``refresh_demo`` lays the demo out anew (its 4D archive fresh again); only on the window's
    first look, because rewriting the demo's files while a backup runs would (rightly) make the
    guard throw that backup away."""
    now = (clock or Clock()).now()
    layout = None
    if demo_root is not None:
        from tsbackup_gui.core.install import demo

        if refresh_demo or not demo_root.exists():
            layout = demo.create_demo(demo_root, "single-user", now=now)
        detection = install.detect(root=demo_root, os_name="macos", now=now)
    else:
        detection = install.detect(now=now)
    det_json = detection.to_json()
    notes = list(detection.messages())
    cfg = config_mod.load()
    from tsbackup_gui.core.places import places

    log_file = str(places().log_file)
    if cfg is None:
        headline = NOTHING_FOUND() if det_json.get("mode") in (None, "not-found") else NOT_SET_UP_FOUND()
        return Overview(headline, "not-configured", det_json, notes, demo=layout, log_file=log_file, now=now)

    from tsbackup_gui.app import overview_history, overview_targets
    from tsbackup_gui.app.status import look

    seen = look(now, config=cfg)
    attempts, status = seen.attempts, seen.status
    notes = [reason.message for reason in status.reasons]  # detection's own notes matter only before the setup
    generations = _list_generations(cfg)
    primary = overview_targets.primary_facts(cfg, generations, attempts)
    return Overview(
        status.message, status.state, det_json, notes, cfg.primary, primary.folder, _generation_rows(generations),
        demo=layout, status=status, mode=cfg.mode, primary_facts=primary,
        offsite=overview_targets.offsite_facts(cfg, generations, attempts),
        fourd=overview_targets.fourd_facts(cfg, now), reminders=[r.message for r in status.reminders],
        history=overview_history.rows(attempts), chart=overview_history.chart_points(attempts, now),
        log_file=log_file, now=now, config=cfg,
    )


def setup_demo(layout) -> None:
    """Sets the demo up as an IT partner would with `tsbackup setup` (demo home only): the demo's backup
    drive and its off-site folder, with a new password (in the demo's own password file, `app.demo`)."""
    from tsbackup_gui.core.setup.configure import SetupOptions, configure

    configure(SetupOptions(source=str(layout.data_dir), primary=str(layout.primary_target), computer="Demo-Mac",
                           secondary=str(Path(layout.secondary_target) / "timeSensor offsite")))


def _list_generations(cfg: config_mod.Config) -> list[Any]:
    from tsbackup_gui.core.errors import UserError
    from tsbackup_gui.core.primary.generations import list_generations
    from tsbackup_gui.core.primary.target import Target
    from tsbackup_gui.core.drives.rotation import connected_config

    cfg = connected_config(cfg)  # the second drive's generations when only that one is connected
    try:
        return list_generations(Target(Path(cfg.primary), cfg.computer))
    except (UserError, OSError):
        return []


def _generation_rows(generations: list[Any]) -> list[dict[str, Any]]:
    return [
        {"id": gen.id, "verdict": gen.verdict, "files": gen.files, "bytes": gen.bytes,
         "ended_local": minute_text(gen.ended.astimezone())}
        for gen in generations
    ]
