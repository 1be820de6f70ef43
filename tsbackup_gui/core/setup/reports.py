"""The reports part of `tsbackup setup`: the ping URL and the mail settings, checked and stored.

Every value is checked before anything is written, with one plain sentence
per mistake. Like ``--secondary``, the parts not given are kept on a re-run:
``--ping-url`` replaces the ping, ``--smtp`` the whole mail part, and
``--mail-to``/``--mail-from``/``--smtp-user``/``--smtp-security`` alone
change those fields of the stored mail part. ``none`` removes a part.

The SMTP password comes from ``TSBACKUP_SMTP_PASSWORD`` or standard input
(the CLI reads it), goes into the keyring as "smtp-password" together with
the rest of the setup (put back when the setup fails), and is never in the
configuration, the log or argv.
"""

from __future__ import annotations

import ipaddress
import logging
import re
import urllib.parse
from dataclasses import dataclass, field
from typing import Any, Callable

from tsbackup_gui.core.errors import Exit, UserError
from tsbackup_gui.core.messages import QT_TRANSLATE_NOOP, Message, define
from tsbackup_gui.core.reports.mail import SECURITIES
from tsbackup_gui.core.store.secrets import SMTP_PASSWORD

log = logging.getLogger(__name__)

PASSWORD_VAR = "TSBACKUP_SMTP_PASSWORD"
OFF = "none"

BAD_PING_URL = define(
    "setup.bad_ping_url",
    QT_TRANSLATE_NOOP(
        "core",
        "'{value}' is not a web address for the monitoring ping. Give an http:// or https:// address, for example "
        "https://hc-ping.com/your-check-id.",
    ),
)
BAD_SMTP = define(
    "setup.bad_smtp",
    QT_TRANSLATE_NOOP(
        "core",
        "'{value}' is not a mail server. Give it as HOST:PORT with a port between 1 and 65535, for example "
        "mail.example.com:587.",
    ),
)
BAD_SECURITY = define(
    "setup.bad_smtp_security",
    QT_TRANSLATE_NOOP("core", "'{value}' is not a kind of mail encryption. Use starttls, tls or none."),
)
BAD_ADDRESS = define(
    "setup.bad_mail_address",
    QT_TRANSLATE_NOOP("core", "'{value}' is not an e-mail address. Give it as name@example.com (several separated by commas)."),
)
NEED_RECIPIENT = define(
    "setup.need_mail_to",
    QT_TRANSLATE_NOOP("core", "--smtp needs --mail-to with at least one e-mail address to send the reports to."),
)
NEED_SMTP = define(
    "setup.need_smtp",
    QT_TRANSLATE_NOOP("core", "{option} belongs to the report e-mails; give the mail server with --smtp HOST:PORT as well."),
)
UNENCRYPTED_LOGIN = define(
    "setup.smtp_unencrypted_login",
    QT_TRANSLATE_NOOP(
        "core",
        "With --smtp-security none the SMTP password would travel unencrypted. Use starttls or tls for a login.",
    ),
)
NEED_PASSWORD = define(
    "setup.need_smtp_password",
    QT_TRANSLATE_NOOP(
        "core",
        "The SMTP password for {user} is missing. Give it in the environment variable TSBACKUP_SMTP_PASSWORD or on "
        "one line of standard input.",
    ),
)
PASSWORD_STDIN_TAKEN = define(
    "setup.smtp_password_stdin_taken",
    QT_TRANSLATE_NOOP(
        "core",
        "Standard input already carries the off-site password, so the SMTP password for {user} cannot come from it "
        "too. Give it in the environment variable TSBACKUP_SMTP_PASSWORD.",
    ),
)
REPORTS_PING = define("setup.reports_ping", QT_TRANSLATE_NOOP("core", "Monitoring pings go to {host}."))
REPORTS_MAIL = define(
    "setup.reports_mail",
    QT_TRANSLATE_NOOP("core", "Report e-mails go to {recipients} through the mail server {server}."),
)
_ADDRESS = re.compile(r"^[^@\s<>(),;:\"]+@[^@\s<>(),;:\"]+$")
_DEFAULT_SECURITY = {465: "tls", 25: "starttls", 587: "starttls"}


@dataclass
class ReportOptions:
    """What `tsbackup setup` (or the wizard) was given about reports; None means "not given"."""

    ping_url: str | None = None
    smtp: str | None = None  # HOST:PORT, or "none"
    security: str | None = None
    user: str | None = None  # "" or "none": no login
    mail_to: str | None = None  # comma-separated
    mail_from: str | None = None
    password: str | None = field(default=None, repr=False)  # never in a repr or log
    stdin_taken: bool = False  # the CLI used stdin for the off-site secrets

    def given(self) -> bool:
        return any(v is not None for v in (self.ping_url, self.smtp, self.security, self.user, self.mail_to,
                                           self.mail_from))


@dataclass
class ReportsPlan:
    reports: dict[str, Any] | None
    password: str | None = field(default=None, repr=False)  # to store; None: leave the keyring as it is
    drop_password: bool = False

    def notes(self) -> list[Message]:
        return describe(self.reports)


# -- single values ---------------------------------------------------------------------------


def parse_ping_url(value: str) -> str:
    text = (value or "").strip()
    parts = urllib.parse.urlsplit(text)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname or any(c.isspace() for c in text):
        raise UserError(BAD_PING_URL(value=value), Exit.USAGE)
    try:
        parts.port  # noqa: B018 - raises for a port out of range
    except ValueError:
        raise UserError(BAD_PING_URL(value=value), Exit.USAGE) from None
    return text


def parse_smtp(value: str) -> tuple[str, int]:
    """'mail.example.com:587', '[2001:db8::1]:465' → (host, port)."""
    text = (value or "").strip()
    match = re.fullmatch(r"\[([0-9A-Fa-f:.]+)\]:(\d{1,5})|([^\s:/\[\]@]+):(\d{1,5})", text)
    if not match:
        raise UserError(BAD_SMTP(value=value), Exit.USAGE)
    host = match.group(1) or match.group(3)
    port = int(match.group(2) or match.group(4))
    if match.group(1):
        try:
            ipaddress.IPv6Address(host)
        except ValueError:
            raise UserError(BAD_SMTP(value=value), Exit.USAGE) from None
    if not 1 <= port <= 65535:
        raise UserError(BAD_SMTP(value=value), Exit.USAGE)
    return host, port


def parse_security(value: str) -> str:
    text = (value or "").strip().lower()
    if text not in SECURITIES:
        raise UserError(BAD_SECURITY(value=value), Exit.USAGE)
    return text


def parse_addresses(value: str) -> list[str]:
    addresses = [part.strip() for part in (value or "").split(",")]
    if not addresses or any(not a for a in addresses):
        raise UserError(BAD_ADDRESS(value=value), Exit.USAGE)
    for address in addresses:
        parse_address(address)
    return addresses


def parse_address(value: str) -> str:
    text = (value or "").strip()
    domain = text.rpartition("@")[2]
    if not _ADDRESS.match(text) or domain.startswith(".") or domain.endswith(".") or ".." in domain:
        raise UserError(BAD_ADDRESS(value=value), Exit.USAGE)
    return text


def _off(value: str | None) -> bool:
    return value is not None and value.strip().lower() in (OFF, "")


# -- the plan --------------------------------------------------------------------------------


def plan_reports(options: ReportOptions | None, previous: dict[str, Any] | None, secrets) -> ReportsPlan | None:
    """The new ``config.reports`` (None: keep what is stored) and what to do with the password.
    ``secrets`` is this setup's `SecretStore` (read here, written by `with_reports`)."""
    if options is None or not options.given():
        return None
    before = dict(previous or {})
    reports: dict[str, Any] = {}
    ping = before.get("ping_url")
    if options.ping_url is not None:
        ping = None if _off(options.ping_url) else parse_ping_url(options.ping_url)
    if ping:
        reports["ping_url"] = ping
    smtp, password, drop = _plan_smtp(options, before.get("smtp"), secrets)
    if smtp:
        reports["smtp"] = smtp
    return ReportsPlan(reports or None, password, drop)


def _plan_smtp(options: ReportOptions, stored: dict[str, Any] | None, secrets):
    fields_given = [(flag, value) for flag, value in (("--smtp-security", options.security),
                                                       ("--smtp-user", options.user), ("--mail-to", options.mail_to),
                                                       ("--mail-from", options.mail_from)) if value is not None]
    if options.smtp is not None and _off(options.smtp):
        return None, None, True
    if options.smtp is None and not fields_given:
        return stored, None, False
    if options.smtp is None and not stored:
        raise UserError(NEED_SMTP(option=fields_given[0][0]), Exit.USAGE)
    smtp: dict[str, Any] = dict(stored or {}) if options.smtp is None else {}
    if options.smtp is not None:
        smtp["host"], smtp["port"] = parse_smtp(options.smtp)
        keep = stored or {}
        if keep.get("host") == smtp["host"] and keep.get("port") == smtp["port"]:
            for name in ("security", "user", "to", "from"):  # the same server: what is not given again stays
                if name in keep:
                    smtp[name] = keep[name]
    if options.security is not None:
        smtp["security"] = parse_security(options.security)
    smtp.setdefault("security", _DEFAULT_SECURITY.get(int(smtp["port"]), "starttls"))
    if options.user is not None:
        smtp["user"] = None if _off(options.user) else options.user.strip()
    if options.mail_to is not None:
        smtp["to"] = parse_addresses(options.mail_to)
    if not smtp.get("to"):
        raise UserError(NEED_RECIPIENT(), Exit.USAGE)
    if options.mail_from is not None:
        smtp["from"] = parse_address(options.mail_from)
    if not smtp.get("from"):
        user = smtp.get("user") or ""
        smtp["from"] = user if _ADDRESS.match(user) else smtp["to"][0]
    user = smtp.get("user")
    if user and smtp["security"] == "none":
        raise UserError(UNENCRYPTED_LOGIN(), Exit.USAGE)
    if not user:
        smtp["user"] = None
        return smtp, None, True
    if options.password:
        return smtp, options.password, False
    same_login = bool(stored) and all(stored.get(k) == smtp.get(k) for k in ("host", "port", "user"))
    if same_login and secrets is not None and secrets.get(SMTP_PASSWORD):
        return smtp, None, False
    raise UserError((PASSWORD_STDIN_TAKEN if options.stdin_taken else NEED_PASSWORD)(user=user), Exit.USAGE)


def with_reports(plan: ReportsPlan | None, secrets, write: Callable[[], None]) -> Callable[[], None]:
    """``write`` preceded by storing (or removing) the SMTP password; when ``write`` fails, the previous
    keyring entry is put back, so a failed setup changes nothing."""
    if plan is None or (plan.password is None and not plan.drop_password):
        return write

    def store_then_write() -> None:
        old = secrets.get(SMTP_PASSWORD)
        if plan.password is not None:
            secrets.set(SMTP_PASSWORD, plan.password)
        elif old is not None:
            secrets.delete(SMTP_PASSWORD)
        try:
            write()
        except BaseException:
            try:
                if old is None:
                    secrets.delete(SMTP_PASSWORD)
                else:
                    secrets.set(SMTP_PASSWORD, old)
            except UserError:
                log.warning("could not put the previous SMTP password back into the keyring")
            raise

    return store_then_write


def describe(reports: dict[str, Any] | None) -> list[Message]:
    """Where reports go: hosts and addresses only, never the full ping URL (whoever knows it can ping)."""
    found: list[Message] = []
    if reports and reports.get("ping_url"):
        found.append(REPORTS_PING(host=urllib.parse.urlsplit(str(reports["ping_url"])).hostname or "?"))
    smtp = (reports or {}).get("smtp") or {}
    if smtp.get("to"):
        found.append(REPORTS_MAIL(recipients=", ".join(smtp["to"]), server=f"{smtp.get('host')}:{smtp.get('port')}"))
    return found
