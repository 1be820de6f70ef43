"""The report options of `tsbackup setup` (--ping-url, --smtp …) and their ``--test-only``.

Kept apart from `setup.py` so that command stays a thin list of options. The
SMTP password never comes from argv: ``TSBACKUP_SMTP_PASSWORD``, else one
line of standard input when ``--smtp-user`` is given and stdin is not
already used for the off-site secrets (core then says which way to use).
"""

from __future__ import annotations

import os
import sys

from tsbackup_gui.core.errors import Exit
from tsbackup_gui.core.setup.reports import PASSWORD_VAR, ReportOptions


def add_arguments(p) -> None:
    group = p.add_argument_group("reports for the IT partner")
    group.add_argument("--ping-url", metavar="URL",
                       help="monitoring ping (Healthchecks style): URL/start, URL, URL/fail; 'none' removes it")
    group.add_argument("--smtp", metavar="HOST:PORT", help="mail server for report e-mails; 'none' removes them")
    group.add_argument("--smtp-security", metavar="starttls|tls|none",
                       help="encryption (default: tls on port 465, else starttls)")
    group.add_argument("--smtp-user", metavar="USER",
                       help="SMTP login; the password from TSBACKUP_SMTP_PASSWORD or one line of stdin")
    group.add_argument("--mail-to", metavar="ADDR[,ADDR]", help="who gets the report e-mails")
    group.add_argument("--mail-from", metavar="ADDR", help="the sender (default: the login or the first recipient)")


def options(args, *, stdin_taken: bool) -> ReportOptions | None:
    values = dict(ping_url=args.ping_url, smtp=args.smtp, security=args.smtp_security, user=args.smtp_user,
                  mail_to=args.mail_to, mail_from=args.mail_from)
    if all(value is None for value in values.values()):
        return None
    password = os.environ.get(PASSWORD_VAR) or None
    if password is None and args.smtp_user and args.smtp_user.strip().lower() not in ("", "none") and not stdin_taken:
        password = _stdin_line()
    return ReportOptions(**values, password=password, stdin_taken=stdin_taken)


def _stdin_line() -> str | None:
    """One line of stdin when something is piped in; a terminal is never waited on (core says what is missing)."""
    try:
        if sys.stdin is None or sys.stdin.isatty():
            return None
        line = sys.stdin.readline()
    except (OSError, ValueError):
        return None
    secret = line.rstrip("\r\n")
    return secret or None


def stored_reports() -> bool:
    """Reports are set up in the stored setup (a damaged file: no, the plain test says why)."""
    from tsbackup_gui.core.store import config as config_mod
    from tsbackup_gui.core.errors import UserError

    try:
        config = config_mod.load()
    except UserError:
        return False
    return config is not None and bool(config.reports)


def test_only(args, out, reports: ReportOptions | None, password: str | None, s3_keys) -> int:
    """``setup --test-only`` with report options (None: the stored ones, a bare ``--test-only``): the
    off-site target too when one is given or configured; each test says its outcome in one sentence;
    the exit code is the first failure's."""
    from tsbackup_gui.core.store import config as config_mod
    from tsbackup_gui.core.errors import UserError
    from tsbackup_gui.core.store.secrets import SecretStore
    from tsbackup_gui.core.setup.report_trial import test_given, test_stored

    try:
        config = config_mod.load()
    except UserError:
        config = None
    codes: list[int] = []
    if args.secondary is not None or (config is not None and config.secondary):
        from tsbackup_gui.core.setup.offsite_repo import SecondaryOptions
        from tsbackup_gui.core.setup.remote import test_target

        result = test_target(SecondaryOptions(args.secondary, password, None, ssh_key=args.ssh_key, s3_keys=s3_keys,
                                              append_only=args.append_only))
        (out.say if result.ok else out.warn)(result.message)
        codes.append(Exit.OK if result.ok else result.exit_code)
    secrets = SecretStore(config.setup_id) if config is not None else None
    if reports is None and config is not None:
        outcomes = test_stored(config, secrets, translate=out.translate)
    else:
        outcomes = test_given(reports, config, secrets, translate=out.translate)
    for outcome in outcomes:
        (out.say if outcome.ok else out.warn)(outcome.message)
        codes.append(Exit.OK if outcome.ok else Exit.USAGE)
    return next((code for code in codes if code), Exit.OK)
