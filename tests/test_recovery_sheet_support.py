"""Helpers for the recovery sheet tests (this module holds no tests itself).

Setups are written as a `Config` directly (not through `tsbackup setup`), so
these tests depend only on what the sheet reads: the configuration and the
keyring.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from test_restic_support import COMPUTER, SAMPLE, write_source
from test_verify_support import DATA, german_translator, new_generation, with_repo

from tsbackup_gui.core.store import config as config_mod
from tsbackup_gui.core.store.config import Config
from tsbackup_gui.core.primary.target import Target
from tsbackup_gui.render.recovery_sheet import CONTEXT, T_TITLE
from tsbackup_gui.render.translate import Translator

#: What `secrets.token_urlsafe(32)` gives setup: 43 characters with - and _ among them.
SHEET_PASSWORD = "q7-Hk2_ZxV0lO1IfWm9eR4tYbN8cJ3sPgA5uD6_yL-E"


def make_setup(tmp_path: Path, *, secondary: dict | None = None, computer: str = COMPUTER,
               mode: str = "single") -> Config:
    """A stored setup with the SAMPLE data folder and a marked backup drive; nothing off-site unless given."""
    source = write_source(tmp_path / DATA, SAMPLE)
    drive = tmp_path / "drive"
    drive.mkdir()
    config = Config(source=str(source), primary=str(drive), computer=computer, mode=mode, secondary=secondary)
    Target(drive, computer).write_marker(config.setup_id)
    config_mod.save(config)
    return config


def with_snapshot(tmp_path: Path, config: Config) -> Path:
    """A folder repository holding one snapshot of a real generation; the config points at it (saved)."""
    return with_repo(tmp_path, config, new_generation(config))


def squeezed(text: str) -> str:
    """Without any whitespace: long paths and commands wrap anywhere on the page."""
    return "".join(text.split())


class _SheetGerman(Translator):
    """Until the lead merges pending_de_recovery.json, `german_translator` files this sheet's labels under
    the DrillReport context of its temporary .qm; look there when the sheet's own context has nothing."""

    def text(self, context: str, source: str) -> str:
        found = super().text(context, source)
        if found == source and context == CONTEXT:
            return super().text("DrillReport", source)
        return found


def german(tmp_path: Path) -> Translator:
    """German with this feature's pending sentences, built by `test_verify_support.german_translator`.

    That helper decides whether the shipped .qm is current by probing the drill
    report's title, which is merged already; it is handed this sheet's title
    as the probe instead, so it builds its .qm from the .ts plus the pending files.
    """
    import tsbackup_gui.render.drill_report as drill_report

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(drill_report, "T_TITLE", T_TITLE)
        folder = tmp_path / "translations"
        folder.mkdir(exist_ok=True)
        base = german_translator(folder)
    translator = _SheetGerman("en")
    translator.language, translator._qt = "de", base._qt
    return translator
