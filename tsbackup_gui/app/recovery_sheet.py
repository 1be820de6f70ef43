"""The recovery sheet: gathered, written as a PDF, recorded as stored safely.

One way for `tsbackup recovery-sheet`, the wizard's sheet page, the status
window's "Print recovery sheet…" (also from the tray) and the new sheet after
a password change. Drawing the PDF is the front-end's (`render` comes after
`app`): it hands in ``draw(sheet, path)``.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Callable

from tsbackup_gui.core.check import recovery_sheet as recovery
from tsbackup_gui.core.check.recovery_sheet import RecoverySheet
from tsbackup_gui.core.clock import Clock
from tsbackup_gui.core.messages import Message
from tsbackup_gui.core.places import Places
from tsbackup_gui.core.store.config import Config

__all__ = ["RecoverySheet", "confirm_stored", "gather_sheet", "sheet_unconfirmed", "write_sheet_pdf",
           "written_messages"]

Draw = Callable[[RecoverySheet, Path], Path]


def sheet_unconfirmed(config: Config | None) -> bool:
    """An off-site backup exists and nobody has said yet that its sheet is stored safely: the password
    may exist only on this computer (the status warns; closing the wizard asks first)."""
    return config is not None and bool(config.secondary) and not config.recovery_sheet_confirmed


def gather_sheet(config: Config, *, now: datetime, secrets=None) -> RecoverySheet:
    """The sheet of this setup from the configuration and the keyring (a missing secret: `UserError`)."""
    if secrets is None:
        from tsbackup_gui.core.store.secrets import SecretStore

        secrets = SecretStore(config.setup_id)
    return recovery.gather(config, secrets, now=now)


def write_sheet_pdf(sheet: RecoverySheet, path: Path, draw: Draw) -> Path:
    """The PDF at ``path`` (its folder must exist; an existing file is replaced); returns its path.
    A folder that cannot be written gets its one sentence (`UserError`, exit 2)."""
    path = recovery.check_destination(Path(path))
    try:
        return draw(sheet, path)
    except OSError as error:
        raise recovery.write_failed(path, error) from None


def written_messages(config: Config, sheet: RecoverySheet, path: Path, *, confirming: bool) -> list[Message]:
    """What to say once the PDF is written (the hint to confirm only where the command needs it)."""
    return recovery.written(config, sheet, path, confirming=confirming)


def confirm_stored(config: Config, *, clock: Clock, where: Places | None = None) -> Message:
    """Records that the printed sheet is stored safely (today); the status stops warning."""
    return recovery.confirm(config, clock, where)
