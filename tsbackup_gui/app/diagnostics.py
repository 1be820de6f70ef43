"""A diagnostics bundle for the IT partner, with the status exactly as `tsbackup status --json` gives it."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from tsbackup_gui.app.status import current_status
from tsbackup_gui.core.places import Places, places
from tsbackup_gui.core.reports.diagnostics import write_bundle


def write_diagnostics(dest: Path, now: datetime, where: Places | None = None, secrets=None) -> Path:
    """Writes the zip to ``dest`` (never over an existing file); returns its path."""
    here = where or places()
    return write_bundle(dest, status=lambda: current_status(now, here).to_json(), where=here, now=now,
                        secrets=secrets)
