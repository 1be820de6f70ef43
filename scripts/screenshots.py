"""Screenshots of every page of the setup wizard, the status window and the restore dialog, in English and German.

    python scripts/screenshots.py OUT_DIR [--lang en,de] [--qm FILE] [--only wizard|status]

Runs offscreen (no display needed): lays out demo installations in a
temporary folder, walks the wizard as a person would — a real setup, a real
first backup, a local off-site repository — and saves each page with
`QWidget.grab()` as OUT_DIR/<lang>-<nn>-<page>.png. Nothing outside the
temporary folder is touched (own TSBACKUP_HOME, an in-memory keyring).
``--qm`` loads a German translation file other than the shipped one (to look
at translations before they are merged into the .ts).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import keyring  # noqa: E402
from keyring.backend import KeyringBackend  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

GiB = 1024**3


class MemoryKeyring(KeyringBackend):
    priority = 1

    def __init__(self):
        super().__init__()
        self.store = {}

    def get_password(self, service, username):
        return self.store.get((service, username))

    def set_password(self, service, username, password):
        self.store[(service, username)] = password

    def delete_password(self, service, username):
        self.store.pop((service, username), None)


def yes_to_a_new_backup(_parent, title: str, _text: str) -> bool:
    """The person answers Yes to creating the off-site backup the script typed, No to everything else."""
    return title in ("Create a new off-site backup?", "Eine neue Kopie ausser Haus anlegen?")


def wait_until(app, condition, timeout: float = 60.0) -> None:
    end = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > end:
            raise TimeoutError("the wizard did not get there in time")
        app.processEvents()
        time.sleep(0.01)
    app.processEvents()


def example_partitions(demo_root: Path):
    """A realistic office Mac: the system disk, an external drive, a NAS share, a FAT stick."""
    from tsbackup_gui.core.drives.listing import Partition

    return [
        Partition("/dev/disk3s1", "/", "apfs", "rw,local"),
        Partition("/dev/disk4s2", "/Volumes/Backup SSD", "apfs", "rw,local,nodev"),
        Partition("//kanzlei@nas/backup", "/Volumes/backup", "smbfs", "rw,nodev"),
        Partition("/dev/disk5s1", "/Volumes/USB STICK", "msdos", "rw,local"),
    ]


def example_usage(real_root: Path):
    sizes = {"/": (494 * GiB, 212 * GiB), "/Volumes/Backup SSD": (1000 * GiB, 871 * GiB),
             "/Volumes/backup": (4000 * GiB, 2600 * GiB), "/Volumes/USB STICK": (16 * GiB, 15 * GiB)}

    def usage(mount: str):
        if mount in sizes:
            return sizes[mount]
        from tsbackup_gui.core.drives.listing import disk_usage

        return disk_usage(mount)

    return usage


def shoot(widget, out: Path, name: str, app) -> None:
    app.processEvents()
    image = widget.grab()
    path = out / f"{name}.png"
    image.save(str(path))
    print(path)


def qt_translator(lang: str, app):
    """Qt's own words (standard buttons) in `lang`, as the app loads them (ui/app.py)."""
    from tsbackup_gui.ui.app import install_qt_translator

    return install_qt_translator(app, lang) if lang != "en" else None


def walk(lang: str, out: Path, work: Path, app, translator_file: Path | None) -> None:
    from PySide6.QtCore import QTranslator

    from tsbackup_gui.core.clock import FixedClock
    from tsbackup_gui.ui.wizard import SetupWizard, WizardEnv
    from tsbackup_gui.ui.wizard import ids
    from tsbackup_gui.render import translate

    translator = None
    qt_words = qt_translator(lang, app)
    if lang != "en":
        translator = QTranslator(app)
        loaded = translator.load(str(translator_file)) if translator_file else translator.load(
            f"tsbackup_{lang}", str(translate.translations_dir()))
        if not loaded:
            print(f"no translation file for {lang}", file=sys.stderr)
        app.installTranslator(translator)
        if translator_file:  # core sentences through the same file
            translate.translator.cache_clear()
            translate.translations_dir = lambda: translator_file.parent  # noqa: E731
    os.environ["TSBACKUP_HOME"] = str(work / f"home-{lang}")
    keyring.set_keyring(MemoryKeyring())
    clock = FixedClock(datetime(2026, 11, 27, 17, 5, tzinfo=ZoneInfo("Europe/Zurich")))
    demo_root = work / f"demo-{lang}"
    chosen: list[str] = []
    env = WizardEnv(ask=yes_to_a_new_backup,
        root=demo_root, os_name="macos", demo="single-user", clock=clock, language=lang,
        partitions=lambda: example_partitions(demo_root), usage=example_usage(demo_root),
        extra_places=[("Backup Drive (demo)", demo_root / "Volumes" / "Backup Drive")],
        offsite_suggestion=demo_root / "Volumes" / "Offsite NAS" / "timeSensor offsite",
        choose_folder=lambda parent, title, start: chosen.pop(0) if chosen else None,
        choose_save_file=lambda parent, title, start, filters: str(work / f"sheet-{lang}.pdf"),
        print_dialog=lambda parent, printer: False,
    )
    wizard = SetupWizard(env, language=lang)
    wizard.resize(800, 640)
    wizard.show()
    idle = lambda: not wizard.busy  # noqa: E731
    n = iter(range(1, 100))

    def snap(page: str) -> None:
        wait_until(app, idle)
        shoot(wizard, out, f"{lang}-{next(n):02d}-{page}", app)

    snap("welcome")
    wizard.next()
    wait_until(app, lambda: wizard.currentId() == ids.INSTALLATION and wizard.page_of(ids.INSTALLATION).isComplete())
    snap("installation-single-user")
    wizard.next()
    drive = wizard.page_of(ids.DRIVE)
    wait_until(app, lambda: wizard.currentId() == ids.DRIVE and not drive.busy)
    snap("drive-list")
    drive.table.setCurrentItem(drive.table.topLevelItem(0))
    snap("drive-demo-chosen")
    wizard.next()
    wait_until(app, lambda: wizard.currentId() == ids.OFFSITE)
    offsite = wizard.page_of(ids.OFFSITE)
    offsite.cloud_choice.setChecked(True)
    offsite.cloud.provider.setCurrentIndex(2)
    offsite.cloud.bucket.setText("kanzlei-backup")
    snap("offsite-cloud")
    offsite.partner_choice.setChecked(True)
    offsite.partner.sftp_choice.setChecked(True)
    offsite.partner.host.setText("backup.it-partner.ch")
    offsite.partner.user.setText("kanzlei")
    offsite.partner.path.setText("/srv/backup/kanzlei")
    offsite.partner.set_key(work / "none", "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIDemoKeyForScreenshotsOnlyXXXXXXXXXXXXXXXXXX tsbackup@Demo-Mac")
    snap("offsite-sftp")
    offsite.outside_choice.setChecked(True)
    offsite.outside_text.setText("NAS copy to the partner's office every night")
    snap("offsite-outside")
    offsite.partner_choice.setChecked(True)
    offsite.partner.folder_choice.setChecked(True)
    offsite.password.setText("demo-password-1234")
    offsite.test_connection()
    snap("offsite-folder-tested")
    wizard.next()
    wait_until(app, lambda: wizard.currentId() == ids.SCHEDULE)
    snap("schedule")
    wizard.next()
    wait_until(app, lambda: wizard.currentId() == ids.SHEET, timeout=120)
    sheet = wizard.page_of(ids.SHEET)
    wait_until(app, lambda: sheet.sheet is not None)
    snap("sheet")
    sheet.save_pdf()
    sheet.stored.setChecked(True)
    snap("sheet-saved-ticked")
    wizard.next()
    wait_until(app, lambda: wizard.currentId() == ids.SUMMARY)
    snap("summary")
    summary = wizard.page_of(ids.SUMMARY)
    from tsbackup_gui.core.setup.estimate import ProgressRate  # the upload as restic counts it (#22)

    summary.rate, summary.stage = ProgressRate(), "copying"
    summary.progress.setVisible(True)
    summary.run_button.setEnabled(False)  # as while the backup runs
    summary._progress({"event": "progress", "stage": "offsite", "phase": "status", "files_done": 14,
                       "files_total": 22, "bytes_done": 5_200_000, "bytes_total": 8_400_000})
    snap("summary-upload-progress")
    summary.progress.setVisible(False)
    summary.run_button.setEnabled(True)
    summary.run_first_backup()
    wait_until(app, lambda: summary.result is not None, timeout=180)
    snap("summary-first-backup-done")
    wizard.close()

    # the server, the workstation stop, an invalid folder, the restore entry
    server_root = work / f"server-{lang}"
    env2 = WizardEnv(ask=yes_to_a_new_backup, root=server_root, os_name="macos", demo="server", clock=clock, language=lang,
                     partitions=lambda: example_partitions(server_root), usage=example_usage(server_root),
                     choose_folder=lambda parent, title, start: chosen.pop(0) if chosen else None)
    wizard = SetupWizard(env2, language=lang)
    wizard.resize(800, 640)
    wizard.show()
    idle = lambda: not wizard.busy  # noqa: E731
    wizard.next()
    wait_until(app, lambda: wizard.page_of(ids.INSTALLATION).isComplete())
    snap("installation-server")
    wizard.next()
    wait_until(app, lambda: not wizard.page_of(ids.DRIVE).busy)
    chosen.append(str(server_root / "Volumes" / "Backup Drive"))
    wizard.page_of(ids.DRIVE).choose_folder()
    wait_until(app, lambda: not wizard.page_of(ids.DRIVE).busy)
    wizard.page_of(ids.DRIVE).insist.setChecked(True)
    snap("drive-chosen-folder")
    wizard.next()
    wait_until(app, lambda: wizard.currentId() == ids.OFFSITE)
    wizard.page_of(ids.OFFSITE).later_choice.setChecked(True)
    wizard.next()
    wait_until(app, lambda: wizard.currentId() == ids.SCHEDULE)
    snap("schedule-server")
    wizard.close()

    station = work / f"workstation-{lang}"
    support = station / "Users" / "anna" / "Library" / "Application Support" / "timeSensor"
    support.mkdir(parents=True, exist_ok=True)
    (support / "lastServer.xml").write_text('<?xml version="1.0"?><server address="kanzlei-server.local"/>')
    env3 = WizardEnv(ask=yes_to_a_new_backup, root=station, os_name="macos", clock=clock, language=lang,
                     choose_folder=lambda parent, title, start: chosen.pop(0) if chosen else None)
    wizard = SetupWizard(env3, language=lang)
    wizard.resize(800, 640)
    wizard.show()
    idle = lambda: not wizard.busy  # noqa: E731
    wizard.next()
    wait_until(app, lambda: wizard.page_of(ids.INSTALLATION).detection is not None)
    snap("installation-workstation")
    chosen.append(str(station / "no such folder"))
    wizard.page_of(ids.INSTALLATION).choose_folder()
    snap("installation-invalid-folder")
    wizard.back()
    wizard.page_of(ids.WELCOME).restore_choice.setChecked(True)
    wizard.next()
    restore = wizard.page_of(ids.RESTORE)
    chosen.append(str(demo_root / "Volumes" / "Backup Drive"))
    restore.choose_drive()
    restore.target.setText(str(work / f"restored-{lang}"))
    snap("restore-chosen")
    restore.restore()
    wait_until(app, lambda: restore.report is not None or not restore.busy, timeout=120)
    snap("restore-done")
    restore.offsite_choice.setChecked(True)  # the SFTP way: key file and the host key from the sheet
    restore.repo.setText("sftp://kanzlei@backup.it-partner.ch//srv/backup/kanzlei")
    restore.host.setText("Demo-Mac")
    restore.ssh_key.setText("/Users/anna/.ssh/id_ed25519")
    restore.result.clear()
    restore.next_steps.clear()
    snap("restore-offsite-sftp")
    wizard.close()
    for installed in (translator, qt_words):
        if installed is not None:
            app.removeTranslator(installed)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--lang", default="en,de")
    parser.add_argument("--qm", type=Path, default=None, help="a German .qm to use instead of the shipped one")
    parser.add_argument("--only", choices=("wizard", "status"), default=None, help="only the wizard or the status window")
    args = parser.parse_args(argv)
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([sys.argv[0]])
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="tsbackup-shots-") as tmp:
        for lang in args.lang.split(","):
            if args.only != "status":
                walk(lang.strip(), args.out, Path(tmp), app, args.qm)
            if args.only != "wizard":
                from screenshots_status import status_shots

                status_shots(lang.strip(), args.out, Path(tmp), app)
    return 0


if __name__ == "__main__":
    sys.modules.setdefault("screenshots", sys.modules[__name__])  # screenshots_status shares this run's helpers
    sys.exit(main())
