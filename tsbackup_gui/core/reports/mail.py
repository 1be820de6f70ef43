"""Report e-mails to the firm's IT partner: what they say, and sending them with smtplib.

The words are message objects like every other sentence of `core`; the
caller's translator (the configured language) turns them into the mail's
plain text, so a German office sends German mails. One mail goes to the
whole recipient list. Sending never raises: a failure comes back as a short
reason for the caller to remember, retry and show — never the password.

``TSBACKUP_SMTP_CAFILE`` names a CA file to trust instead of the system's
(a firm's own mail server with its own certificate; the tests' local server).
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Callable, Sequence, TYPE_CHECKING

from tsbackup_gui.core.messages import QT_TRANSLATE_NOOP, Message, define
from tsbackup_gui.core.reports.settings import MailSettings

if TYPE_CHECKING:  # the sending modules load only when a mail goes out
    import smtplib
    import ssl

log = logging.getLogger(__name__)

TIMEOUT = 10.0
CAFILE_VAR = "TSBACKUP_SMTP_CAFILE"
SECURITIES = ("starttls", "tls", "none")

Translate = Callable[[Message], str]

SUBJECT = define("report.subject", QT_TRANSLATE_NOOP("core", "{computer}: {status}"))
SUMMARY_SUBJECT = define("report.summary_subject", QT_TRANSLATE_NOOP("core", "Monthly backup summary for {computer}: {status}"))
TEST_SUBJECT = define("report.test_subject", QT_TRANSLATE_NOOP("core", "Test e-mail from the backup on {computer}"))

INTRO_FAILED = define(
    "report.intro_failed",
    QT_TRANSLATE_NOOP("core", "A backup on {computer} did not succeed. Please look after it today."),
)
INTRO_OVERDUE = define(
    "report.intro_overdue",
    QT_TRANSLATE_NOOP("core", "The backups on {computer} are overdue. Please look after them today."),
)
INTRO_SUMMARY = define(
    "report.intro_summary",
    QT_TRANSLATE_NOOP("core", "This is the monthly summary of the backups on {computer}."),
)
INTRO_TEST = define(
    "report.intro_test",
    QT_TRANSLATE_NOOP(
        "core",
        "This is a test e-mail from the backup assistant on {computer}. Reports about failed or overdue backups and "
        "the monthly summary will arrive like this one.",
    ),
)
LINE_STATUS = define("report.status", QT_TRANSLATE_NOOP("core", "Status: {status}"))
LINE_WHAT_FAILED = define("report.what_failed", QT_TRANSLATE_NOOP("core", "What went wrong:"))
LINE_REASONS = define("report.reasons", QT_TRANSLATE_NOOP("core", "Details:"))
LINE_LAST_SUCCESS = define("report.last_success", QT_TRANSLATE_NOOP("core", "Last successful backup: {when}"))
LINE_NO_SUCCESS = define("report.no_success", QT_TRANSLATE_NOOP("core", "There has been no successful backup yet."))
LINE_NEXT_DUE = define("report.next_due", QT_TRANSLATE_NOOP("core", "Next backup due: {when}"))
LINE_DUE_NOW = define("report.due_now", QT_TRANSLATE_NOOP("core", "A backup is due now: the one planned for {when} did not run."))
LINE_COMPUTER = define("report.computer", QT_TRANSLATE_NOOP("core", "Computer: {computer}"))
LINE_VERSION = define("report.version", QT_TRANSLATE_NOOP("core", "tsbackup version: {version}"))
LINE_FOOTER = define(
    "report.footer",
    QT_TRANSLATE_NOOP("core", "This e-mail was sent by the backup assistant tsbackup to: {recipients}."),
)


@dataclass(frozen=True)
class Mail:
    """One mail before translation: its subject and its lines (a None line is an empty line)."""

    kind: str  # failure / overdue / summary / test
    subject: Message
    lines: tuple[Message | str | None, ...] = field(default_factory=tuple)

    def render(self, translate: Translate) -> tuple[str, str]:
        body = []
        for line in self.lines:
            body.append("" if line is None else line if isinstance(line, str) else translate(line))
        return translate(self.subject), "\n".join(body).strip() + "\n"


def status_lines(status, *, computer: str, version: str, recipients: Sequence[str],
                 now: datetime | None = None) -> list[Message | str | None]:
    """The part every report mail has: the status, its reasons, the last success, what is next, who sent it."""
    lines: list[Message | str | None] = [LINE_STATUS(status=status.message)]
    reasons = [r.message for r in status.reasons if r.message.english() != status.message.english()]
    if reasons:
        lines += [None, LINE_REASONS()]
        lines += [_bullet(reason) for reason in reasons]
    lines.append(None)
    lines.append(LINE_LAST_SUCCESS(when=when_text(status.last_success)) if status.last_success else LINE_NO_SUCCESS())
    if status.next_due is not None and now is not None and status.next_due <= now:  # overdue: not "next" but now
        lines.append(LINE_DUE_NOW(when=when_text(status.next_due)))
    elif status.next_due is not None:
        lines.append(LINE_NEXT_DUE(when=when_text(status.next_due)))
    lines += [LINE_COMPUTER(computer=computer), LINE_VERSION(version=version), None,
              LINE_FOOTER(recipients=", ".join(recipients))]
    return lines


_BULLET = define("report.bullet", QT_TRANSLATE_NOOP("core", "– {text}"))


def _bullet(message: Message) -> Message:
    return _BULLET(text=message)


def when_text(moment: datetime) -> str:
    """A moment for a mail read later and elsewhere: the full local date and time with its offset."""
    return moment.strftime("%Y-%m-%d %H:%M (UTC%z)")


def status_mail(kind: str, status, *, computer: str, version: str, recipients: Sequence[str],
                failure: Sequence[Message] = (), now: datetime | None = None) -> Mail:
    """A failure or overdue mail. A failure's own first sentence is the subject ("Connect the backup
    drive"): the status may lead with something else (a missing off-site copy outranks a wait)."""
    intro = {"failure": INTRO_FAILED, "overdue": INTRO_OVERDUE}[kind](computer=computer)
    lines: list[Message | str | None] = [intro, None]
    if failure:
        lines += [LINE_WHAT_FAILED(), *(_bullet(m) for m in failure), None]
    lines += status_lines(status, computer=computer, version=version, recipients=recipients, now=now)
    headline = failure[0] if failure else status.message
    return Mail(kind, SUBJECT(computer=computer, status=headline), tuple(lines))


def test_mail(*, computer: str, version: str, recipients: Sequence[str]) -> Mail:
    lines = [INTRO_TEST(computer=computer), None, LINE_COMPUTER(computer=computer), LINE_VERSION(version=version),
             None, LINE_FOOTER(recipients=", ".join(recipients))]
    return Mail("test", TEST_SUBJECT(computer=computer), tuple(lines))


test_mail.__test__ = False  # type: ignore[attr-defined]  # not a pytest test, whatever its name


# -- sending ---------------------------------------------------------------------------------


def tls_context() -> ssl.SSLContext:
    from tsbackup_gui.core.reports.tls import client_context

    return client_context(os.environ.get(CAFILE_VAR) or None)


def send(settings: MailSettings, password: str | None, subject: str, body: str, *,
         timeout: float = TIMEOUT) -> str | None:
    """Sends one mail to every recipient. None when the server took it, else a short reason."""
    import smtplib  # the sending part loads here: the status reads this module's settings and never sends
    import socket
    import ssl
    from email.message import EmailMessage
    from email.utils import formatdate, make_msgid

    message = EmailMessage()
    message["Subject"] = subject
    message["From"] = settings.sender
    message["To"] = ", ".join(settings.to)
    message["Date"] = formatdate(localtime=True)
    message["Message-ID"] = make_msgid(domain=settings.sender.rpartition("@")[2] or None)
    message.set_content(body, charset="utf-8")
    sent = False  # once the server took the mail, a failing goodbye must not make it go out twice
    refused: dict = {}
    try:
        smtp = _connect(settings, timeout)
        try:
            if settings.user:
                _login(smtp, settings.user, password or "")
            refused = smtp.send_message(message, from_addr=settings.sender, to_addrs=list(settings.to))
            sent = True
        finally:
            _close(smtp)
        if refused:
            reason = "refused recipients: " + ", ".join(sorted(refused))
        else:
            return None
    except smtplib.SMTPAuthenticationError as exc:
        reason = f"the server refused the login ({exc.smtp_code})"
    except smtplib.SMTPResponseException as exc:
        reason = f"{exc.smtp_code} {_text(exc.smtp_error)}"
    except smtplib.SMTPRecipientsRefused as exc:
        reason = "refused recipients: " + ", ".join(sorted(exc.recipients))
    except smtplib.SMTPNotSupportedError as exc:
        reason = str(exc)
    except ssl.SSLError as exc:
        reason = f"TLS: {exc.reason or exc}"
    except (socket.timeout, TimeoutError):
        reason = "timed out"
    except (smtplib.SMTPException, OSError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
    except Exception as exc:  # never into a backup; the type only, the text could quote a secret
        reason = type(exc).__name__
    if sent and not refused:
        return None
    log.warning("report e-mail via %s:%s failed: %s", settings.host, settings.port, reason)
    return reason


def _close(smtp: smtplib.SMTP) -> None:
    """QUIT, then close; after the data was accepted nothing here can undo the sending."""
    try:
        smtp.quit()
    except Exception:  # a server that does not answer QUIT: the mail is on its way already
        log.info("report e-mail: the server did not answer QUIT", exc_info=True)
    finally:
        try:
            smtp.close()
        except Exception:
            pass


def _login(smtp: smtplib.SMTP, user: str, password: str) -> None:
    """smtplib encodes logins as ASCII; a password with umlauts goes as UTF-8 through AUTH PLAIN."""
    import base64
    import smtplib

    if user.isascii() and password.isascii():
        smtp.login(user, password)
        return
    smtp.ehlo_or_helo_if_needed()
    if "plain" not in smtp.esmtp_features.get("auth", "").lower().split():
        raise smtplib.SMTPNotSupportedError("the server offers no login that takes non-ASCII characters")
    token = base64.b64encode(b"\0" + user.encode("utf-8") + b"\0" + password.encode("utf-8")).decode("ascii")
    code, answer = smtp.docmd("AUTH", "PLAIN " + token)
    if code not in (235, 503):
        raise smtplib.SMTPAuthenticationError(code, answer)


def _connect(settings: MailSettings, timeout: float) -> smtplib.SMTP:
    import smtplib

    if settings.security == "tls":
        return smtplib.SMTP_SSL(settings.host, settings.port, timeout=timeout, context=tls_context())
    smtp = smtplib.SMTP(settings.host, settings.port, timeout=timeout)
    try:
        smtp.ehlo()
        if settings.security == "starttls":
            smtp.starttls(context=tls_context())
            smtp.ehlo()
    except BaseException:
        smtp.close()
        raise
    return smtp


def _text(value: Any) -> str:
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    return " ".join(str(value).split())[:200]
