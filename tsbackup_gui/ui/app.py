"""Start-up of the GUI: one app per user, the tray with its scheduler (or the status window
where no system tray exists), the translator, demo mode."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path
from typing import Callable, Mapping

from PySide6.QtCore import QCoreApplication, QObject, QTimer, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from tsbackup_gui import __version__
from tsbackup_gui.render.translate import Translator, resources_dir, system_language, translations_dir
from tsbackup_gui.ui import tray_presenter as tp
from tsbackup_gui.ui import worker

log = logging.getLogger(__name__)

SHUTDOWN_WAIT_MS = 120_000  # a cancelled run stops between files; this is only an upper bound


def _ask(parent, title: str, text: str) -> bool:
    from PySide6.QtWidgets import QMessageBox

    return QMessageBox.question(parent, title, text) == QMessageBox.StandardButton.Yes


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="tsbackup-gui", description="The tsbackup app (tray and status window).")
    parser.add_argument("--demo", action="store_true", help="use a built-in demo installation (no timeSensor needed)")
    parser.add_argument("--demo-dir", type=Path, default=None, help="where the demo lives (default: the user cache)")
    parser.add_argument("--lang", choices=("en", "de"), default=None, help="language (default: the system's)")
    parser.add_argument("--tray", choices=("auto", "always", "never"), default="auto",
                        help="auto: the tray where the desktop has one, else the status window (always: benchmarks)")
    parser.add_argument("--version", action="version", version=f"tsbackup {__version__}")
    return parser.parse_known_args(argv)[0]


def install_qt_translator(app: QCoreApplication, language: str) -> QTranslator | None:
    """Qt's own words (the standard buttons' "Close", "Cancel", the file dialogs) in `language`:
    PySide6 ships them as qtbase_<lang>.qm; a bundled app carries them next to ours."""
    from PySide6.QtCore import QLibraryInfo

    translator = QTranslator(app)
    for folder in (QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath), str(translations_dir())):
        if translator.load(f"qtbase_{language}", folder):
            app.installTranslator(translator)
            return translator
    return None


def install_translator(app: QCoreApplication, language: str) -> QTranslator | None:
    if language == "en":
        return None
    install_qt_translator(app, language)
    translator = QTranslator(app)
    if translator.load(f"tsbackup_{language}", str(translations_dir())):
        app.installTranslator(translator)
        return translator
    return None


def demo_home(explicit: Path | None) -> Path:
    """Demo mode keeps its own TSBACKUP_HOME, so it never touches a real setup."""
    if explicit is not None:
        return explicit.absolute()
    import platformdirs

    return Path(platformdirs.user_cache_dir("tsbackup-demo", appauthor=False))


class AppShell(QObject):
    """Ties the tray, the scheduler, the notifier and the status window together.

    `actions` are the menu's later features (check, drill, settings) as
    callbacks; those not given stay in the menu, disabled ("comes later").
    """

    def __init__(self, *, language: str, demo_root: Path | None = None, use_tray: bool = True,
                 scheduler=None, actions: Mapping[str, Callable[[], None]] | None = None,
                 quit_app: Callable[[], None] | None = None, ask: Callable[..., bool] | None = None,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.language = language
        self.demo_root = demo_root
        self.translate = Translator(language)
        self.actions = dict(actions or {})
        self.quit_app = quit_app or QApplication.quit
        self.ask = ask or _ask
        self._quitting = False
        self.window = None
        self.tray = None
        self.scheduler = None
        self.notifier = None
        if use_tray:
            self._start_tray(scheduler)
        else:
            self.open_window()

    def _start_tray(self, scheduler) -> None:
        from tsbackup_gui.ui.notifier import Notifier
        from tsbackup_gui.ui.scheduler import Scheduler
        from tsbackup_gui.ui.tray import Tray

        app = QApplication.instance()
        if app is not None:
            app.setQuitOnLastWindowClosed(False)  # closing the window leaves the tray running
        self.tray = Tray(parent=self)
        self.notifier = Notifier(self.translate, self.tray.show_message)
        self.scheduler = scheduler or Scheduler(parent=self)
        self.tray.triggered.connect(self.on_entry)
        self.tray.message_clicked.connect(self.open_window)
        for signal in (self.scheduler.status_changed, self.scheduler.progress, self.scheduler.run_started,
                       self.scheduler.run_finished, self.scheduler.checked):
            signal.connect(self.refresh_view)
        self.scheduler.notify.connect(self.notifier.notify)
        self.scheduler.withdraw.connect(self.notifier.withdraw)
        self.scheduler.run_finished.connect(self._refresh_window)
        self.scheduler.run_started.connect(self._refresh_window)  # the window's Cancel for the tray's run
        self.refresh_view()
        self.tray.show()
        self.scheduler.start()

    def view(self) -> tp.TrayView:
        s = self.scheduler
        return tp.present(
            s.status, self.translate, running=s.running, own_run=s.running, can_cancel=s.can_cancel,
            percent=s.percent, available=self.actions.keys(), reminders=s.reminders() if s.status else None,
            waiting_user=s.waiting_user,
        )

    def refresh_view(self, *_args) -> None:
        if self.tray is not None and self.scheduler is not None:
            self.tray.show_view(self.view())

    def on_entry(self, entry_id: str) -> None:
        """A menu entry was chosen: hand it to the part that does it."""
        if entry_id == tp.BACKUP_NOW and self.scheduler is not None:
            self.scheduler.back_up_now()
        elif entry_id == tp.CANCEL and self.scheduler is not None:
            self.scheduler.cancel()
            self.refresh_view()  # a cancelled wait for timeSensor LEGAL ends at once
        elif entry_id == tp.OPEN_WINDOW:
            self.open_window()
        elif entry_id in (tp.CHECK, tp.DRILL, tp.SETTINGS, tp.SHEET):
            self._action(entry_id)
        elif entry_id.startswith(tp.SNOOZE) and self.scheduler is not None:
            self.scheduler.snooze(entry_id[len(tp.SNOOZE):])
            self.refresh_view()
        elif entry_id.startswith(tp.REMINDER):
            action = tp.REMINDER_ACTIONS.get(entry_id[len(tp.REMINDER):])
            if action in self.actions:
                self._action(action)
            else:
                self.open_window()
        elif entry_id == tp.QUIT:
            self.request_quit()

    def add_window_actions(self) -> None:
        """The tray's "Run monthly check" and "Restore drill" run in the status window, which shows
        their progress and result."""
        self.actions.setdefault(tp.CHECK, lambda: self.window_action("run_check"))
        self.actions.setdefault(tp.DRILL, lambda: self.window_action("run_drill"))
        self.actions.setdefault(tp.SHEET, self.open_recovery_sheet)
        self.refresh_view()

    def window_action(self, name: str) -> None:
        self.open_window()
        if self.window.busy is None:  # one action at a time; the one going shows its progress
            getattr(self.window, name)()

    def open_recovery_sheet(self) -> None:
        """The tray's "Print recovery sheet…" (and its reminder): the window's dialog, in front."""
        self.open_window()
        self.window.open_recovery_sheet()

    def _action(self, entry_id: str) -> None:
        callback = self.actions.get(entry_id)
        if callback is not None:
            callback()

    def open_window(self) -> None:
        from tsbackup_gui.ui.status_window import StatusWindow

        if self.window is None:
            from tsbackup_gui.ui.status_more import Hooks

            scheduler = self.scheduler
            hooks = Hooks(ask=self.ask, settings=self.actions.get(tp.SETTINGS),  # "More" → "Settings…", tray or not
                          tray_run=(lambda: scheduler.running and scheduler.can_cancel) if scheduler else None,
                          cancel_tray_run=scheduler.cancel if scheduler else None)
            self.window = StatusWindow(demo_root=self.demo_root, language=self.language, hooks=hooks)
            self.window.closing_ends_app = self.tray is None  # with a tray, closing only hides the window
        self.window.show()
        self.window.raise_()
        self.window.activateWindow()
        self.window.refresh()

    def _refresh_window(self, *_args) -> None:
        if self.window is not None and self.window.isVisible():
            self.window.refresh()

    def running(self) -> bool:
        """A backup started by this app is going (the tray's or the window's)."""
        return bool((self.scheduler is not None and self.scheduler.running)
                    or (self.window is not None and self.window.busy == "backup"))

    def request_quit(self) -> None:
        """The tray's Quit: during a backup it asks first; Yes stops the backup and quits once it has ended
        (recorded as cancelled), No keeps everything going."""
        if self._quitting:
            return
        if self.running():
            title = self.translate.text(tp.CONTEXT, tp.T_QUIT)
            if not self.ask(None, title, self.tr("A backup is running. Stop it and quit?")):
                return
            self._cancel_runs()
        self._quitting = True
        self._quit_when_idle()

    def _quit_when_idle(self) -> None:
        if self.running():
            QTimer.singleShot(200, self._quit_when_idle)
            return
        self.shutdown()
        self.quit_app()

    def _cancel_runs(self) -> None:
        if self.scheduler is not None:
            self.scheduler.cancel()
        if self.window is not None:
            self.window.cancel_backup()

    def shutdown(self) -> None:
        """Stops the tick, cancels a run that is still going and waits until it has ended: the app's end
        must never cut a run off (it would be recorded as a failure with Python's shutdown error)."""
        if self.scheduler is not None:
            self.scheduler.stop()
        self._cancel_runs()
        if self.scheduler is not None:
            self.scheduler.wait(SHUTDOWN_WAIT_MS)
        worker.long_pool().waitForDone(SHUTDOWN_WAIT_MS)
        if self.tray is not None:
            self.tray.hide()


def start_logging():
    """The app's rotating log, the same file the command writes (`core.store.logfile`): set up on a worker
    (a slow home folder must not hold the tray), then the start is its first line. Returns the task."""
    from tsbackup_gui.core.store.logfile import setup_logging

    def job(_progress):
        path = setup_logging()
        log.info("tsbackup-gui %s started (log: %s)", __version__, path)
        return path

    return worker.start(job, on_error=lambda exc: None)  # no log is no reason to stop the app


def register_autostart_once():
    """First start of an installed app: start at login from now on, once (a user's "off" stays off).
    Off the GUI thread: on Windows it runs `reg`, and a slow home folder must not freeze the tray."""
    from tsbackup_gui.core.platform import autostart_first_run
    from tsbackup_gui.ui.worker import start

    def done(result: str) -> None:
        log.info("start at login: %s", result)

    def failed(exc: BaseException) -> None:  # not worth a dialog: `tsbackup autostart on` can do it later
        log.warning("start at login could not be registered: %s", exc)

    return start(lambda _progress: autostart_first_run.ensure_here(), on_done=done, on_error=failed)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(list(sys.argv[1:] if argv is None else argv))
    demo_root = None
    if args.demo:
        from tsbackup_gui.app.demo import enter_demo

        demo_root = enter_demo(demo_home(args.demo_dir))  # its own home, and its passwords stay in it
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("tsbackup")
    app.setApplicationDisplayName("tsbackup")
    app.setApplicationVersion(__version__)

    from tsbackup_gui.ui.single_instance import SingleInstance

    instance = SingleInstance()
    if not instance.claim():
        return 0  # the running app was asked to show its window
    logging_task = start_logging()  # noqa: F841 - kept alive
    autostart_task = register_autostart_once() if demo_root is None else None  # noqa: F841 - kept alive
    icon = resources_dir() / "icons" / "tsbackup.svg"
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    language = args.lang or system_language()
    install_translator(app, language)

    use_tray = args.tray == "always" or (args.tray == "auto" and QSystemTrayIcon.isSystemTrayAvailable())
    from tsbackup_gui.ui.wizard import WizardLauncher

    wizard = WizardLauncher(language=language, demo_root=demo_root, on_finished=lambda _config: after_wizard())
    shell = AppShell(language=language, demo_root=demo_root, use_tray=use_tray, actions={"settings": wizard.open})
    shell.add_window_actions()

    def after_wizard() -> None:  # the tray and the window show the new setup at once, not a minute later
        if shell.scheduler is not None:
            shell.scheduler.tick()
        shell._refresh_window()

    instance.activated.connect(shell.open_window)
    if demo_root is not None and shell.tray is not None:
        shell.open_window()  # a newcomer trying the demo should see the whole flow, not only an icon
    wizard.open_if_not_configured()  # first start: the wizard, on top
    try:
        return app.exec()
    finally:
        shell.shutdown()
        instance.release()
