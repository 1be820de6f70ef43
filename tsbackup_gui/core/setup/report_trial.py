"""Trying the report settings: ``setup --test-only`` and the wizard's "Send test e-mail".

Sends one test ping and one test e-mail with the given (or stored) settings
and stores nothing; a test that went through with the stored settings clears
that channel's remembered problem, so the status warning goes away.
"""

from __future__ import annotations

import urllib.parse
from dataclasses import dataclass
from typing import Any, Callable

from tsbackup_gui.core.reports.settings import MailSettings
from tsbackup_gui.core.messages import QT_TRANSLATE_NOOP, Message, define
from tsbackup_gui.core.setup.reports import ReportOptions, plan_reports

TEST_MAIL_OK = define(
    "setup.test_mail_ok",
    QT_TRANSLATE_NOOP("core", "A test e-mail was sent to {recipients}; check that it arrived."),
)
TEST_PING_BODY = define(
    "report.test_ping_body",
    QT_TRANSLATE_NOOP("core", "Test ping from the backup on {computer}: the monitor receives this program's reports."),
)
TEST_MAIL_FAILED = define(
    "setup.test_mail_failed",
    QT_TRANSLATE_NOOP("core", "The test e-mail could not be sent through {server}: {reason}. Check the mail settings."),
)
TEST_PING_OK = define("setup.test_ping_ok", QT_TRANSLATE_NOOP("core", "The test ping reached {host}."))
TEST_PING_FAILED = define(
    "setup.test_ping_failed",
    QT_TRANSLATE_NOOP("core", "The test ping to {host} failed: {reason}. Check the ping address."),
)
NOTHING_TO_TEST = define(
    "setup.reports_nothing_to_test",
    QT_TRANSLATE_NOOP("core", "No report ping or e-mail is set up, so there is nothing to test."),
)


@dataclass(frozen=True)
class TestOutcome:
    ok: bool
    message: Message
    channel: str = ""  # "ping" / "mail"; "" for "nothing to test"


TestOutcome.__test__ = False  # type: ignore[attr-defined]


def test_reports(reports: dict[str, Any] | None, password: str | None, *, computer: str,
                 translate: Callable[[Message], str] | None = None, ping: bool = True,
                 mail: bool = True) -> list[TestOutcome]:
    """Sends a test ping and a test e-mail with these settings (nothing is stored); one outcome each."""
    from tsbackup_gui import __version__
    from tsbackup_gui.core.reports import mail as report_mail, ping as report_ping

    say = translate or (lambda message: message.english())
    outcomes: list[TestOutcome] = []
    url = (reports or {}).get("ping_url")
    if ping and url:
        host = urllib.parse.urlsplit(str(url)).hostname or "?"
        body = say(TEST_PING_BODY(computer=computer))
        reason = report_ping.ping(str(url), report_ping.SUCCESS, body)
        outcomes.append(TestOutcome(True, TEST_PING_OK(host=host), "ping") if reason is None
                        else TestOutcome(False, TEST_PING_FAILED(host=host, reason=reason), "ping"))
    settings = MailSettings.from_config((reports or {}).get("smtp"))
    if mail and settings is not None:
        subject, body = report_mail.test_mail(computer=computer, version=__version__, recipients=settings.to).render(say)
        reason = report_mail.send(settings, password, subject, body)
        recipients = ", ".join(settings.to)
        outcomes.append(TestOutcome(True, TEST_MAIL_OK(recipients=recipients), "mail") if reason is None else TestOutcome(
            False, TEST_MAIL_FAILED(server=f"{settings.host}:{settings.port}", reason=reason), "mail"))
    if not outcomes:
        outcomes.append(TestOutcome(False, NOTHING_TO_TEST()))
    return outcomes


test_reports.__test__ = False  # type: ignore[attr-defined]


def test_given(options: ReportOptions, config, secrets, *, translate=None) -> list[TestOutcome]:
    """``setup --test-only`` with report options: the given settings merged over the stored ones, tested.
    A password not given now is the stored one when server and login did not change."""
    from tsbackup_gui.core.setup.values import default_computer_name

    previous = getattr(config, "reports", None) if config is not None else None
    stored_password = None

    class _Peek:  # the plan asks the keyring whether a password is stored; so do we, once
        def get(self, name):
            nonlocal stored_password
            if secrets is None:
                return None
            stored_password = secrets.get(name)
            return stored_password

    plan = plan_reports(options, previous, _Peek())
    reports = plan.reports if plan is not None else previous
    password = plan.password if plan is not None and plan.password else stored_password
    computer = (config.computer if config is not None else "") or default_computer_name()
    mail = options.smtp is not None or any(v is not None for v in (options.security, options.user, options.mail_to,
                                                                     options.mail_from))
    outcomes = test_reports(reports, password, computer=computer, translate=translate,
                            ping=options.ping_url is not None, mail=mail)
    cleared_by(outcomes, reports, config)
    return outcomes


def test_stored(config, secrets, *, translate=None) -> list[TestOutcome]:
    """A bare ``setup --test-only``: the stored ping and mail settings, with the stored password.
    A test that went through clears that channel's remembered problem (the status warning)."""
    from tsbackup_gui.core.store.secrets import SMTP_PASSWORD as SECRET

    reports = getattr(config, "reports", None)
    smtp = (reports or {}).get("smtp") if isinstance(reports, dict) else None
    password = secrets.get(SECRET) if secrets is not None and isinstance(smtp, dict) and smtp.get("user") else None
    outcomes = test_reports(reports, password, computer=config.computer or "", translate=translate)
    cleared_by(outcomes, reports, config)
    return outcomes


test_stored.__test__ = False  # type: ignore[attr-defined]


def cleared_by(outcomes: list[TestOutcome], tested: dict[str, Any] | None, config, where=None) -> None:
    """Clears the remembered problem of each channel whose test went through with the stored settings."""
    if config is None:
        return
    from tsbackup_gui.core.reports.settings import fingerprint

    stored_like = type("Tested", (), {"reports": tested})()
    channels = [o.channel for o in outcomes if o.ok and o.channel
                and fingerprint(stored_like, o.channel) == fingerprint(config, o.channel)]
    if channels:
        from tsbackup_gui.core.reports.memory import clear_problems

        clear_problems(channels, where=where)
