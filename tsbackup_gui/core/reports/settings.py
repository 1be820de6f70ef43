"""The stored report settings as something to send with: the ping URL, the mail settings, their digest.

A hand-edited ``reports`` section nobody could send with means reports are off,
never a crash; a digest of a channel's settings tells whether a remembered
problem belongs to the settings in force now.
"""

from __future__ import annotations

import hashlib

from tsbackup_gui.core.reports import mail as report_mail
from tsbackup_gui.core.store.config import Config


def configured(config: Config | None):
    """(ping URL, `MailSettings`) of this setup; (None, None) without reports or with a shape
    nobody could send with (a hand-edited file): reports are off then, never a crash."""
    reports = (getattr(config, "reports", None) if config is not None else None) or {}
    if not isinstance(reports, dict):
        return None, None
    url = reports.get("ping_url")
    return (url if isinstance(url, str) and url else None), report_mail.MailSettings.from_config(reports.get("smtp"))


def fingerprint(config: Config | None, channel: str) -> str | None:
    """A short digest of a channel's settings: a problem remembered for other settings is over."""
    url, settings = configured(config)
    if channel == "ping":
        value = url
    else:
        value = None if settings is None else repr((settings.host, settings.port, settings.security,
                                                     settings.user, settings.to, settings.sender))
    return None if value is None else hashlib.sha256(value.encode("utf-8")).hexdigest()[:16]
