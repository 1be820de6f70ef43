"""Screenshots of the office journey's feedback (issue #22), for scripts/screenshots.py --only status.

A fresh setup with an off-site folder and no backup yet (the buttons that can only fail are off), the
window while the off-site upload runs and while "Back up now" waits for timeSensor LEGAL, and the restore
list after a mass-change warning. Called from `screenshots_status.status_shots` with its translator on.
"""

from __future__ import annotations

import os
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import keyring

from screenshots import MemoryKeyring, shoot, wait_until


def journey_shots(lang: str, out: Path, work: Path, app) -> None:
    from tsbackup_gui.core.clock import FixedClock
    from tsbackup_gui.core.install.demo import create_demo
    from tsbackup_gui.core.run.backup import run_backup
    from tsbackup_gui.core.setup.configure import SetupOptions, configure
    from tsbackup_gui.core.store import config as config_mod
    from tsbackup_gui.ui.restore_dialog import RestoreDialog
    from tsbackup_gui.ui.status_more import Hooks
    from tsbackup_gui.ui.status_window import StatusWindow

    os.environ["TSBACKUP_HOME"] = str(work / f"home-journey-{lang}")
    keyring.set_keyring(MemoryKeyring())
    now = datetime(2026, 11, 27, 17, 5, tzinfo=ZoneInfo("Europe/Zurich"))
    layout = create_demo(work / f"journey-demo-{lang}", "single-user", now=now)
    letters = Path(layout.data_dir) / "Briefe"
    letters.mkdir()
    for n in range(30):
        (letters / f"Brief {n:02d}.txt").write_text(f"Sehr geehrte Damen und Herren, Brief {n}\n", encoding="utf-8")
    configure(SetupOptions(source=str(layout.data_dir), primary=str(layout.primary_target), computer="Demo-Mac",
                           secondary=str(layout.secondary_target / "timeSensor offsite"),
                           password="demo-password-1234"))
    config = config_mod.require()
    config.process_names = ["no-such-program-screenshots"]
    config.recovery_sheet_confirmed = now.date().isoformat()
    config_mod.save(config)

    window = StatusWindow(language=lang, clock=FixedClock(now), hooks=Hooks(ask=lambda *_a: False))
    window.resize(1040, 820)
    window.show()
    window.refresh()
    wait_until(app, lambda: window.loads >= 1)
    shoot(window, out, f"{lang}-status-no-backup-yet", app)

    window._set_busy("backup")  # what the line under the buttons says while the upload runs
    window.backup.show_progress({"event": "progress", "stage": "offsite", "phase": "status", "files_done": 61,
                                 "files_total": 140, "bytes_done": 23_400_000, "bytes_total": 41_800_000})
    shoot(window, out, f"{lang}-status-backing-up-offsite", app)
    window._set_busy(None)
    window.backup.waiting = True  # "Back up now" found timeSensor LEGAL open
    window.show_overview(window.snapshot)
    shoot(window, out, f"{lang}-status-waiting-for-timesensor", app)
    window.backup.waiting = False
    window.close()

    for minutes in (90, 60):
        run_backup(config, clock=FixedClock(now - timedelta(minutes=minutes)))
    for path in letters.iterdir():  # what ransomware leaves behind
        path.write_bytes(b"\x8f\x13ENCRYPTED" * 40)
    run_backup(config, clock=FixedClock(now - timedelta(minutes=30)))
    dialog = RestoreDialog(config, language=lang, clock=FixedClock(now), choose_folder=lambda *_a: None)
    dialog.resize(780, 640)
    dialog.show()
    dialog.load()
    wait_until(app, lambda: dialog.primary_table.rowCount() == 3)
    shoot(dialog, out, f"{lang}-restore-mass-change", app)
    dialog.close()
