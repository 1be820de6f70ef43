"""The sentences of the status model: headlines, reasons, reminders.

Headlines are short (a tray tooltip); reasons say what is wrong and what to
do. The guard's "Close timeSensor LEGAL to start today's backup." is reused
as it is, so the tray says exactly what a skipped run said.
"""

from __future__ import annotations

from tsbackup_gui.core.messages import QT_TRANSLATE_NOOP, define

# -- headlines ---------------------------------------------------------------------------

LAST_OK = define("status.ok", QT_TRANSLATE_NOOP("core", "Last backup {when} — all good."))
LAST_WARNED = define("status.ok_with_warnings", QT_TRANSLATE_NOOP("core", "Last backup {when} — with warnings."))
RUNNING = define("status.running", QT_TRANSLATE_NOOP("core", "A backup is running."))
RUNNING_PROGRESS = define("status.running_progress", QT_TRANSLATE_NOOP("core", "A backup is running ({percent} %)."))
FIRST_BACKUP = define("status.first_backup", QT_TRANSLATE_NOOP("core", "No backup yet. The first backup runs {when}."))
FIRST_BACKUP_SOON = define(
    "status.first_backup_soon", QT_TRANSLATE_NOOP("core", "No backup yet. The first backup starts shortly.")
)
BUSY_EARLIER_SLOT = define(
    "status.waiting_busy", QT_TRANSLATE_NOOP("core", "Close timeSensor LEGAL to start the backup.")
)
CONNECT_DRIVE = define("status.connect_drive", QT_TRANSLATE_NOOP("core", "Connect the backup drive."))
DAMAGED_COPIES = define(
    "status.damaged_copies",
    QT_TRANSLATE_NOOP(
        "core",
        "The backups {generations} hold a damaged copy of {path} (found by the monthly check). Restore that file "
        "from a newer backup or from the off-site copy; the damaged backups age out by themselves.",
    ),
)
DRIVE_MOVED = define(
    "status.drive_moved",
    QT_TRANSLATE_NOOP(
        "core",
        "The backup drive was found at {now}, not at {before} where it was set up (another drive letter or name). "
        "The backups go there while it is there; nothing needs to be done.",
    ),
)
DRIVE_UNPROTECTED = define(
    "status.drive_unprotected",
    QT_TRANSLATE_NOOP(
        "core",
        "The backup drive's file system (such as FAT32 or exFAT) cannot hold read-only files, so the backups on it "
        "are not protected against being overwritten. Keep the drive unplugged between backups, or use a drive "
        "formatted as NTFS or APFS.",
    ),
)
DRIVE_BACK = define(
    "status.drive_back",
    QT_TRANSLATE_NOOP("core", "The backup drive is connected again: the backup starts at the next look (within a minute while the app runs)."),
)
LAST_FAILED = define("status.failed", QT_TRANSLATE_NOOP("core", "The last backup failed."))
NO_BACKUP_SINCE = define("status.overdue", QT_TRANSLATE_NOOP("core", "No backup since {day}."))
NO_BACKUP_EVER = define("status.overdue_never", QT_TRANSLATE_NOOP("core", "No backup has been made yet."))

# -- reasons -----------------------------------------------------------------------------

FAILED_NO_REASON = define(
    "status.failed_no_reason",
    QT_TRANSLATE_NOOP("core", "The last backup stopped without saying why. The details are in the log."),
)
MISSED_SLOT = define(
    "status.missed_slot",
    QT_TRANSLATE_NOOP(
        "core",
        "The backup planned for {when} did not run. "
        "Start a backup now, and leave the computer switched on at the backup time.",
    ),
)
NO_OFFSITE = define(
    "status.no_offsite",
    QT_TRANSLATE_NOOP(
        "core",
        "There is no off-site backup: "
        "a fire, a theft or ransomware could destroy the data and its backup together. "
        "Add an off-site target in the settings.",
    ),
)
SAME_DISK = define(
    "status.same_disk",
    QT_TRANSLATE_NOOP(
        "core",
        "The backup is on the same disk as the timeSensor LEGAL data, so one disk failure destroys both. "
        "Choose another drive for the backup.",
    ),
)
RETENTION_PAUSED = define(
    "status.retention_paused",
    QT_TRANSLATE_NOOP(
        "core",
        "Old backups are kept for now: "
        "the last backup looked like a mass change (for example ransomware or an emptied database). "
        "Check that timeSensor LEGAL shows your data as expected.",
    ),
)
SHEET_NOT_CONFIRMED = define(
    "status.recovery_sheet",
    QT_TRANSLATE_NOOP(
        "core",
        "The recovery sheet has not been confirmed yet. "
        "Print it, store it safely away from this computer, and confirm it.",
    ),
)
CHECK_FAILED = define(
    "status.check_failed",
    QT_TRANSLATE_NOOP("core", "The last monthly check found a problem. Run the check again after the next backup."),
)
CHECK_WARNED = define(
    "status.check_warned",
    QT_TRANSLATE_NOOP("core", "The last monthly check found something that needs your attention."),
)
DRILL_FAILED = define(
    "status.drill_failed",
    QT_TRANSLATE_NOOP("core", "The last restore drill failed. Run the restore drill again."),
)
DRILL_LONG_OVERDUE = define(
    "status.drill_long_overdue",
    QT_TRANSLATE_NOOP("core", "The yearly restore drill has been due since {day}. Run the restore drill."),
)

# -- reminders ---------------------------------------------------------------------------

CHECK_DUE = define("reminder.check", QT_TRANSLATE_NOOP("core", "The monthly check is due. Run the monthly check."))
DRILL_DUE = define("reminder.drill", QT_TRANSLATE_NOOP("core", "The yearly restore drill is due. Run the restore drill."))
SHEET_DUE = define(
    "reminder.recovery_sheet",
    QT_TRANSLATE_NOOP("core", "Print the recovery sheet, store it safely and confirm it."),
)
