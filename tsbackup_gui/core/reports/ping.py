"""The monitoring ping (Healthchecks style; Uptime Kuma push URLs too): one short HTTP request.

A ping must never hold up or fail a backup: one try with a short timeout,
and every failure comes back as a short reason (never raised) for the
caller to remember and retry. The URL itself is a secret of sorts (whoever
knows it can mark the check as up), so only its host reaches the log.

Healthchecks: ``GET URL/start``, ``POST URL`` (success, body = the status
sentence), ``POST URL/fail``. An Uptime Kuma push URL (``/api/push/…``) has
no start and takes ``status=up|down&msg=…`` in its query instead.
"""

from __future__ import annotations

import logging
import urllib.parse

log = logging.getLogger(__name__)

TIMEOUT = 5.0
START, SUCCESS, FAIL = "start", "success", "fail"
_MAX_BODY = 10_000  # Healthchecks keeps the first 10 kB of a body


def is_kuma(url: str) -> bool:
    return "/api/push/" in urllib.parse.urlsplit(url).path


def request_for(url: str, kind: str, body: str = "") -> urllib.request.Request | None:
    """The request for one ping, or None when this kind of monitor has nothing to receive."""
    import urllib.request  # here, not at the top: the status reads this module and never pings

    parts = urllib.parse.urlsplit(url)
    data = body.encode("utf-8")[:_MAX_BODY]
    if is_kuma(url):
        if kind == START:
            return None
        query = [(k, v) for k, v in urllib.parse.parse_qsl(parts.query, keep_blank_values=True)
                 if k not in ("status", "msg")]
        query += [("status", "down" if kind == FAIL else "up"), ("msg", body[:250])]
        target = urllib.parse.urlunsplit(parts._replace(query=urllib.parse.urlencode(query)))
        return urllib.request.Request(target, method="GET", headers=_HEADERS)
    path = parts.path.rstrip("/")
    if kind in (START, FAIL):
        path += "/" + kind
    target = urllib.parse.urlunsplit(parts._replace(path=path))
    if kind == START:
        return urllib.request.Request(target, method="GET", headers=_HEADERS)
    return urllib.request.Request(target, data=data, method="POST",
                                  headers={**_HEADERS, "Content-Type": "text/plain; charset=utf-8"})


_HEADERS = {"User-Agent": "tsbackup"}


def ping(url: str, kind: str, body: str = "", *, timeout: float = TIMEOUT) -> str | None:
    """Sends one ping. None when it arrived, else a short reason (no URL, no secrets)."""
    import urllib.error
    import urllib.request

    try:
        request = request_for(url, kind, body)
        if request is None:
            return None
        from tsbackup_gui.core.reports.tls import client_context

        opener = urllib.request.build_opener(urllib.request.HTTPSHandler(context=client_context()),
                                             urllib.request.HTTPRedirectHandler())
        with opener.open(request, timeout=timeout) as answer:
            answer.read(1024)
        return None
    except urllib.error.HTTPError as exc:
        reason = f"HTTP {exc.code}"
    except urllib.error.URLError as exc:
        inner = exc.reason
        reason = getattr(inner, "strerror", None) or str(inner)
    except (OSError, ValueError) as exc:  # timeouts, resets, a URL that went bad in the settings
        reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
    host = urllib.parse.urlsplit(url).hostname or "?"
    log.warning("monitoring ping (%s) to %s failed: %s", kind, host, reason)
    return reason
