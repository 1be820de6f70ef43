"""Shared steps of the wizard tests: a wizard on a demo tree with every outside part injected
(clock, partitions, file and print dialogs), and waiting for its workers the way a person waits."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from tsbackup_gui.core.clock import FixedClock
from tsbackup_gui.core.drives.listing import Partition
from tsbackup_gui.ui.wizard import SetupWizard, WizardEnv
from tsbackup_gui.ui.wizard import ids

ZH = ZoneInfo("Europe/Zurich")
#: A Friday evening in Zurich: the demo's 4D archive (12:30 / 02:00) is fresh then.
NOW = datetime(2026, 11, 27, 17, 5, tzinfo=ZH)
WAIT = 60_000
GiB = 1024**3


class Dialogs:
    """Stands in for the native file and print dialogs: answers what the test queued."""

    def __init__(self):
        self.folders: list[str] = []
        self.save_files: list[str] = []
        self.printers: list = []
        self.asked: list[str] = []

    def choose_folder(self, parent, title, start):
        self.asked.append(title)
        return self.folders.pop(0) if self.folders else None

    def choose_save_file(self, parent, title, start, filters):
        self.asked.append(title)
        return self.save_files.pop(0) if self.save_files else None

    #: Asked before a new off-site backup is created: the tests type the addresses they mean, so Yes.
    NEW_BACKUP = ("Create a new off-site backup?", "Eine neue Kopie ausser Haus anlegen?")

    def ask(self, parent, title, text):
        """A question (closing after the setup was saved): No, as when nobody is there to answer; Yes to
        creating a new off-site backup at the address the test typed."""
        self.asked.append(title)
        return title in self.NEW_BACKUP

    def print_dialog(self, parent, printer):
        self.printers.append(printer)
        return getattr(self, "print_to", None) is not None and _to_pdf(printer, self.print_to)


def _to_pdf(printer, path: Path) -> bool:
    from PySide6.QtPrintSupport import QPrinter

    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return True


def make_wizard(qtbot, root: Path, *, demo: str | None = "single-user", language: str = "en", partitions=None,
                usage=None, previous=None, extra_places=None, dialogs: Dialogs | None = None,
                clock: FixedClock | None = None, ssh_key_dir: Path | None = None) -> tuple[SetupWizard, Dialogs]:
    dialogs = dialogs or Dialogs()
    env = WizardEnv(
        root=root, os_name="macos", demo=demo, clock=clock or FixedClock(NOW), language=language,
        partitions=(lambda: list(partitions)) if partitions is not None else (lambda: []),
        usage=usage, extra_places=list(extra_places or []), choose_folder=dialogs.choose_folder,
        choose_save_file=dialogs.choose_save_file, print_dialog=dialogs.print_dialog, ssh_key_dir=ssh_key_dir,
        ask=dialogs.ask,
    )
    wizard = SetupWizard(env, previous=previous, language=language)
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard, dialogs


def idle(qtbot, wizard, timeout: int = WAIT) -> None:
    qtbot.waitUntil(lambda: not wizard.busy, timeout=timeout)


def next_to(qtbot, wizard, page_id: int, timeout: int = WAIT) -> None:
    """Presses Next. The first press may start a check on a worker; the wizard then goes on by itself,
    or stays with a sentence saying why (the assertion shows it)."""
    idle(qtbot, wizard, timeout)
    assert wizard.currentPage().isComplete(), why(wizard)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == page_id or not wizard.busy, timeout=timeout)
    assert wizard.currentId() == page_id, why(wizard)
    idle(qtbot, wizard, timeout)


def why(wizard) -> str:
    from PySide6.QtWidgets import QLabel

    texts = [label.text() for label in wizard.currentPage().findChildren(QLabel) if label.isVisible() and label.text()]
    return f"still on page {wizard.currentId()}: " + " | ".join(texts)


def to_installation(qtbot, wizard) -> None:
    next_to(qtbot, wizard, ids.INSTALLATION)
    page = wizard.page_of(ids.INSTALLATION)
    qtbot.waitUntil(lambda: page.detection is not None, timeout=WAIT)


def pick_folder_as_drive(qtbot, wizard, dialogs: Dialogs, folder: Path, *, insist: bool = True) -> None:
    page = wizard.page_of(ids.DRIVE)
    idle(qtbot, wizard)
    dialogs.folders.append(str(folder))
    page.choose_button.click()
    idle(qtbot, wizard)
    assert wizard.state.primary == folder
    if insist and page.insist.isVisible():
        page.insist.setChecked(True)


def example_partitions():
    return [
        Partition("proc", "/proc", "proc", "rw"),
        Partition("tmpfs", "/dev/shm", "tmpfs", "rw"),
        Partition("/dev/disk3s1", "/", "apfs", "rw,local"),
        Partition("/dev/disk3s2", "/System/Volumes/Data", "apfs", "rw,local"),
        Partition("/dev/disk4s2", "/Volumes/Backup SSD", "apfs", "rw,local"),
        Partition("//kanzlei@nas/backup", "/Volumes/backup", "smbfs", "rw,nodev"),
        Partition("/dev/disk5s1", "/Volumes/USB STICK", "msdos", "rw,local"),
        Partition("/dev/disk6s1", "/Volumes/Install CD", "cd9660", "ro,local"),
    ]


def example_usage(mount: str):
    return {"/": (494 * GiB, 212 * GiB), "/Volumes/Backup SSD": (1000 * GiB, 871 * GiB),
            "/Volumes/backup": (4000 * GiB, 2600 * GiB), "/Volumes/USB STICK": (16 * GiB, 15 * GiB)}.get(mount)
