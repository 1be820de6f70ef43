"""The monthly check of the off-site side: restic's own check, the copy's age, the password, and
what only a person can confirm.

``restic check --read-data-subset=k/12`` reads one twelfth of the pack
files, with k the month (1..12): twelve monthly checks read all off-site
data once a year, each costing a twelfth of a full read (which for a cloud
target means a twelfth of the download). Checks come every 30 days, not on
a fixed day, so now and then a month has none (31 January, then 2 March):
the next check then also reads the parts of the months it skipped
(`data_subsets`), and after a year without a check it reads everything. An off-site copy "handled
outside" (NAS-to-NAS, a provider's agent) cannot be checked from here, and
nobody but a person knows whether the recovery sheet is still where it
should be: those are `needs-confirmation` until the person confirms.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from tsbackup_gui.core.clock import minute_text
from tsbackup_gui.core.store.config import Config
from tsbackup_gui.core.errors import Exit, UserError
from tsbackup_gui.core.messages import QT_TRANSLATE_NOOP, define
from tsbackup_gui.core.restic.errors import ResticError, display_repo
from tsbackup_gui.core.offsite.records import offsite_age_warning
from tsbackup_gui.core.offsite.upload import NO_PASSWORD, PASSWORD_SECRET, open_repository, setup_tag
from tsbackup_gui.core.status.reasons import NO_OFFSITE, SHEET_NOT_CONFIRMED
from tsbackup_gui.core.check.findings import Finding
from tsbackup_gui.core.offsite.records import external_text, is_configured, is_external

OFFSITE_OK = define(
    "check.offsite_ok",
    QT_TRANSLATE_NOOP(
        "core",
        "restic found the off-site backup at {repo} intact and read part {subset} of 12 of its data completely "
        "(a different twelfth each month, so that a year reads all of it).",
    ),
)
OFFSITE_DAMAGED = define(
    "check.offsite_damaged",
    QT_TRANSLATE_NOOP(
        "core",
        "restic found errors in the off-site backup at {repo} ({detail}). Run the check again; if the errors stay, "
        "start a new off-site backup in another place.",
    ),
)
OFFSITE_FRESH = define(
    "check.offsite_fresh",
    QT_TRANSLATE_NOOP("core", "The newest off-site copy is from {when}."),
)
KEYRING_OK = define(
    "check.keyring_ok",
    QT_TRANSLATE_NOOP("core", "The password of the off-site backup is in this computer's password store."),
)
EXTERNAL_CONFIRM = define(
    "check.external_confirm",
    QT_TRANSLATE_NOOP(
        "core",
        "The off-site copy is handled outside this program ({where}), so it cannot be checked from here. Check that "
        "it ran in the last few days and that its copies can be restored, then confirm it.",
    ),
)
EXTERNAL_CONFIRMED = define(
    "check.external_confirmed",
    QT_TRANSLATE_NOOP("core", "You confirmed that the off-site copy handled outside this program ({where}) is in order."),
)
SHEET_CONFIRM = define(
    "check.sheet_confirm",
    QT_TRANSLATE_NOOP(
        "core",
        "Check that the recovery sheet is still stored in its safe place away from this computer, then confirm it.",
    ),
)
SHEET_CONFIRMED = define(
    "check.sheet_confirmed",
    QT_TRANSLATE_NOOP("core", "You confirmed that the recovery sheet is still in its safe place."),
)


def data_subset(moment: datetime) -> str:
    """``k/12`` with k the month of `moment` (January 1/12 … December 12/12)."""
    return f"{moment.month}/12"


def data_subsets(moment: datetime, previous: datetime | None) -> list[str]:
    """The parts to read now: this month's, plus those of the months since `previous` (the last
    check that read off-site data) that had no check; ``1/1`` (all) after twelve months or more."""
    if previous is None:
        return [data_subset(moment)]
    previous = previous.astimezone(moment.tzinfo)
    months = (moment.year - previous.year) * 12 + moment.month - previous.month
    if months >= 12:
        return ["1/1"]
    if months <= 1:
        return [data_subset(moment)]
    return [f"{(previous.month + step - 1) % 12 + 1}/12" for step in range(1, months + 1)]


def offsite_findings(config: Config, secrets, now: datetime, *, confirmed: bool,
                     previous: datetime | None = None) -> tuple[list[Finding], str | None]:
    """The off-site findings, and the ``k/12`` parts restic read (None when none was read completely).

    `previous` is when the last check read off-site data (see `data_subsets`).
    """
    secondary = config.secondary or {}
    if not is_configured(secondary):
        return [Finding("warning", NO_OFFSITE())], None
    if is_external(secondary):
        where = external_text(secondary)
        if confirmed:
            return [Finding("ok", EXTERNAL_CONFIRMED(where=where))], None
        return [Finding("needs-confirmation", EXTERNAL_CONFIRM(where=where))], None
    findings = [_sheet(config, confirmed, now)]
    try:
        password = secrets.get(PASSWORD_SECRET)
    except UserError as error:  # no usable password store at all
        return findings + [Finding("failed", error.message, error.exit_code)], None
    if not password:
        return findings + [Finding("failed", NO_PASSWORD(), Exit.USAGE)], None
    findings.append(Finding("ok", KEYRING_OK()))
    read: list[str] = []
    try:
        restic = open_repository(secondary, secrets)
        shown = display_repo(restic.repo)
        for subset in data_subsets(now, previous):
            ok, detail = restic.check(subset)
            if not ok:
                findings.append(Finding("failed", OFFSITE_DAMAGED(repo=shown, detail=detail or "?"), Exit.VERIFY_FAILED))
                break
            read.append(subset)
        else:
            findings.append(Finding("ok", OFFSITE_OK(repo=shown, subset=", ".join(part.partition("/")[0] for part in read))))
        snapshots = restic.snapshots(host=config.computer, tags=[setup_tag(config.setup_id)])
    except ResticError as error:
        done = " + ".join(read) or None
        if error.exit_code == Exit.WARNING:  # unreachable or busy: a warning, as in every run
            return findings + [Finding("warning", error.message)], done
        return findings + [Finding("failed", error.message, error.exit_code)], done
    except UserError as error:
        return findings + [Finding("failed", error.message, error.exit_code)], " + ".join(read) or None
    newest = max(snapshots, key=lambda s: s.time) if snapshots else None
    warning = offsite_age_warning(newest.time if newest else None, now)
    if warning is not None:
        findings.append(Finding("warning", warning))
    else:
        findings.append(Finding("ok", OFFSITE_FRESH(when=minute_text(newest.time.astimezone(now.tzinfo)))))
    return findings, " + ".join(read) or None


def as_confirmed(finding: Finding) -> Finding:
    """A ``needs-confirmation`` finding once the person said it is in order (others stay as they are)."""
    if finding.severity != "needs-confirmation":
        return finding
    if finding.code == EXTERNAL_CONFIRM.id:
        return Finding("ok", EXTERNAL_CONFIRMED(where=finding.message.params.get("where", "")))
    if finding.code == SHEET_CONFIRM.id:
        return Finding("ok", SHEET_CONFIRMED())
    return finding


#: A sheet confirmed this recently needs no new look (the check comes every 30 days).
SHEET_FRESH = timedelta(days=30)


def _sheet(config: Config, confirmed: bool, now: datetime) -> Finding:
    if not config.recovery_sheet_confirmed:
        return Finding("warning", SHEET_NOT_CONFIRMED())
    if confirmed or _confirmed_lately(config.recovery_sheet_confirmed, now):
        return Finding("ok", SHEET_CONFIRMED())
    return Finding("needs-confirmation", SHEET_CONFIRM())


def _confirmed_lately(day: str, now: datetime) -> bool:
    """Confirmed within the last month (a minute ago, say): asking again would only teach clicking."""
    try:
        return now.date() - date.fromisoformat(str(day)[:10]) < SHEET_FRESH
    except ValueError:
        return False
