"""The stored report settings as something to send with: the ping URL, the mail settings, their digest.

A hand-edited ``reports`` section nobody could send with means reports are off,
never a crash; a digest of a channel's settings tells whether a remembered
problem belongs to the settings in force now.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any, Mapping

from tsbackup_gui.core.store.config import Config



@dataclass(frozen=True)
class MailSettings:
    """``config.reports["smtp"]``: where and how to send, and to whom."""

    host: str
    port: int
    security: str
    user: str | None
    to: tuple[str, ...]
    sender: str

    @classmethod
    def from_config(cls, smtp: Mapping[str, Any] | None) -> "MailSettings | None":
        """None unless ``smtp`` is a mapping with a host and a list of recipient strings (a hand-edited
        file may hold anything: then reports are simply off, never a crash in a backup)."""
        if not isinstance(smtp, Mapping) or not isinstance(smtp.get("host"), str) or not smtp.get("host"):
            return None
        to = smtp.get("to")
        if not isinstance(to, (list, tuple)) or not to or not all(isinstance(a, str) and a for a in to):
            return None
        if smtp.get("user") is not None and not isinstance(smtp.get("user"), str):
            return None
        if smtp.get("from") is not None and not isinstance(smtp.get("from"), str):
            return None
        if isinstance(smtp.get("port"), bool):
            return None
        try:
            return cls(str(smtp["host"]), int(smtp.get("port") or 25), str(smtp.get("security") or "starttls"),
                       str(smtp["user"]) if smtp.get("user") else None, tuple(str(a) for a in smtp["to"]),
                       str(smtp.get("from") or smtp["to"][0]))
        except (TypeError, ValueError, KeyError, IndexError):
            return None


def configured(config: Config | None):
    """(ping URL, `MailSettings`) of this setup; (None, None) without reports or with a shape
    nobody could send with (a hand-edited file): reports are off then, never a crash."""
    reports = (getattr(config, "reports", None) if config is not None else None) or {}
    if not isinstance(reports, dict):
        return None, None
    url = reports.get("ping_url")
    return (url if isinstance(url, str) and url else None), MailSettings.from_config(reports.get("smtp"))


def fingerprint(config: Config | None, channel: str) -> str | None:
    """A short digest of a channel's settings: a problem remembered for other settings is over."""
    url, settings = configured(config)
    if channel == "ping":
        value = url
    else:
        value = None if settings is None else repr((settings.host, settings.port, settings.security,
                                                     settings.user, settings.to, settings.sender))
    return None if value is None else hashlib.sha256(value.encode("utf-8")).hexdigest()[:16]
