"""The status window in its states, the "More" dialogs and the restore dialog, for scripts/screenshots.py.

Run through `python scripts/screenshots.py OUT --only status`; shares the
wizard script's offscreen set-up (in-memory keyring, waiting, saving a shot).
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import keyring

from screenshots import MemoryKeyring, qt_translator, shoot, wait_until


def status_shots(lang: str, out: Path, work: Path, app) -> None:
    """The status window in several states and the restore dialog, on a demo setup with a real first
    backup and 40 days of recorded runs before it (a screenshot-only home)."""
    import dataclasses
    from datetime import timedelta

    from PySide6.QtCore import QTranslator

    from tsbackup_gui.core.store import config as config_mod
    from tsbackup_gui.core.clock import FixedClock
    from tsbackup_gui.core.install.demo import create_demo
    from tsbackup_gui.core.errors import Exit
    from tsbackup_gui.core.guard.blockers import SOURCE_BUSY
    from tsbackup_gui.core.store.history import History
    from tsbackup_gui.core.run.backup import run_backup
    from tsbackup_gui.core.setup.configure import SetupOptions, configure
    from tsbackup_gui.render import translate
    from tsbackup_gui.ui.restore_dialog import RestoreDialog
    from tsbackup_gui.ui.status_more import Hooks
    from tsbackup_gui.ui.status_window import StatusWindow

    translator = None
    qt_words = qt_translator(lang, app)
    if lang != "en":
        translator = QTranslator(app)
        if translator.load(f"tsbackup_{lang}", str(translate.translations_dir())):
            app.installTranslator(translator)
    os.environ["TSBACKUP_HOME"] = str(work / f"home-status-{lang}")
    keyring.set_keyring(MemoryKeyring())
    zone = ZoneInfo("Europe/Zurich")
    now = datetime(2026, 11, 27, 17, 5, tzinfo=zone)
    layout = create_demo(work / f"status-demo-{lang}", "single-user", now=now)
    configure(SetupOptions(source=str(layout.data_dir), primary=str(layout.primary_target), computer="Demo-Mac",
                           secondary=f"external:{'NAS copy to the partner office' if lang == 'en' else 'NAS-Kopie ins Partnerbüro'}"))
    config = config_mod.require()
    config.created = (now - timedelta(days=45)).isoformat()
    config.recovery_sheet_confirmed = (now - timedelta(days=45)).date().isoformat()
    config.process_names = ["no-such-program-screenshots"]  # other programs on this machine never stop the shots
    config_mod.save(config)
    history = History()
    day = now - timedelta(days=42)
    n = 0
    while day.date() < now.date():
        if day.weekday() < 5:
            start = day.replace(hour=18, minute=30, second=0)
            n += 1
            if n % 11 == 4:
                history.record("backup", start, start + timedelta(minutes=20), "skipped", Exit.SOURCE_BUSY, [SOURCE_BUSY()])
                start += timedelta(minutes=25)
            history.record("backup", start, start + timedelta(seconds=70 + 9 * (n % 5) + n), "ok", 0,
                           files=118 + n, bytes=(38_000_000 + n * 410_000), generation=f"{start:%Y-%m-%d_%H%M%S}")
        day += timedelta(days=1)
    history.record("check", now - timedelta(days=12), now - timedelta(days=12, minutes=-4), "ok", 0)
    run_backup(config, clock=FixedClock(now - timedelta(minutes=30)))

    saved = work / f"diagnostics-{lang}"
    saved.mkdir()
    hooks = Hooks(choose_save_file=lambda parent, title, start, filters: str(saved / Path(start).name),
                  choose_folder=lambda parent, title, start: None, confirm=lambda parent, text: False)

    def window_at(moment, name: str) -> StatusWindow:
        window = StatusWindow(language=lang, clock=FixedClock(moment), hooks=hooks)
        window.resize(1040, 820)
        window.show()
        window.refresh()
        wait_until(app, lambda: window.loads >= 1)
        shoot(window, out, f"{lang}-status-{name}", app)
        return window

    window = window_at(now, "ok")
    housekeeping_shots(lang, out, work, app, window, config, now)
    dialog = RestoreDialog(config, language=lang, clock=FixedClock(now), choose_folder=lambda *_a: None)
    dialog.resize(780, 640)
    dialog.show()
    dialog.load()
    wait_until(app, lambda: dialog.primary_table.rowCount() > 0)
    dialog.target.setText(str(work / f"restored-status-{lang}"))  # not the wizard shots' folder
    shoot(dialog, out, f"{lang}-restore-chosen", app)
    dialog.restore()
    wait_until(app, lambda: not dialog.busy, timeout=120)
    shoot(dialog, out, f"{lang}-restore-done", app)
    dialog.close()
    window.close()
    history.record("backup", now + timedelta(hours=1, minutes=25), now + timedelta(hours=1, minutes=40), "skipped",
                   Exit.SOURCE_BUSY, [SOURCE_BUSY()])
    window_at(now + timedelta(hours=1, minutes=45), "waiting").close()
    window_at(now + timedelta(days=4), "overdue").close()
    config_mod.update(lambda current: dataclasses.replace(current, recovery_sheet_confirmed=None))
    window_at(now + timedelta(hours=1, minutes=45), "sheet-unconfirmed").close()

    server = create_demo(work / f"status-server-{lang}", "server", now=now)
    server_config = config_mod.Config(source=str(server.data_dir), primary=str(server.primary_target),
                                      computer="Server", mode="server")
    dialog = RestoreDialog(server_config, language=lang, clock=FixedClock(now))
    dialog.resize(780, 640)
    dialog.show()
    shoot(dialog, out, f"{lang}-restore-server-steps", app)
    dialog.close()
    from screenshots_journey import journey_shots  # issue #22: what the office user sees of each action

    journey_shots(lang, out, work, app)
    for installed in (translator, qt_words):
        if installed is not None:
            app.removeTranslator(installed)


def housekeeping_shots(lang: str, out: Path, work: Path, app, window, config, now) -> None:
    """The "More" menu's dialogs, each in the state a person would look at it."""
    from tsbackup_gui.core.clock import FixedClock
    from tsbackup_gui.ui import status_more as more
    from tsbackup_gui.ui.housekeeping_password import PasswordDialog

    def shot(dialog, name: str) -> None:
        dialog.resize(max(dialog.width(), 560), dialog.sizeHint().height())
        wait_until(app, lambda: not dialog.busy)
        shoot(dialog, out, f"{lang}-more-{name}", app)

    pause = window.housekeeping.open(more.PAUSE)
    pause.days.setValue(10)
    shot(pause, "pause")
    pause.pause()
    wait_until(app, lambda: not pause.busy)
    shot(pause, "pause-paused")
    pause.resume()
    wait_until(app, lambda: not pause.busy)
    pause.close()
    drives = window.housekeeping.open(more.DRIVES)
    wait_until(app, lambda: drives.loaded >= 1)
    drives.folder.setText("/Volumes/Backup Drive B")
    drives.label.setText("Laufwerk B (zu Hause)" if lang == "de" else "Drive B (at home)")
    shot(drives, "drives")
    drives.close()
    diagnostics = window.housekeeping.open(more.DIAGNOSTICS)
    diagnostics.save()
    wait_until(app, lambda: diagnostics.written is not None)
    shot(diagnostics, "diagnostics-saved")
    diagnostics.close()
    password = PasswordDialog(config, language=lang, clock=FixedClock(now), parent=window)
    password.show()
    password.first.setText("Neues-Passwort-2027")
    password.second.setText("Neues-Passwort")
    shot(password, "password-mismatch")
    password.close()
    forget = window.housekeeping.open(more.FORGET)
    shot(forget, "forget-confirm")
    forget.close()
    sheet = window.housekeeping.open(more.SHEET)
    wait_until(app, lambda: sheet.sheet is not None and not sheet.busy)
    sheet.resize(720, 620)
    shoot(sheet, out, f"{lang}-more-recovery-sheet", app)
    sheet.close()
    app.processEvents()
