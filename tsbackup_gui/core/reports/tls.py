"""The TLS context for the reports (mail, monitoring pings).

A bundled app (PyInstaller) carries its own OpenSSL, which looks for CA
certificates where the build machine keeps them; on the user's computer
that folder may be missing or different, and every TLS connection would
fail. So the frozen app also trusts certifi's bundle, shipped inside it.
A firm's own CA file (``TSBACKUP_SMTP_CAFILE`` for mail) is trusted
instead of the system's, as before.
"""

from __future__ import annotations

import logging
import ssl
import sys

log = logging.getLogger(__name__)


def client_context(cafile: str | None = None, frozen: bool | None = None) -> ssl.SSLContext:
    """A verifying client context: `cafile` or the system's CAs, plus certifi's in a frozen app."""
    context = ssl.create_default_context(cafile=cafile)
    if frozen is None:
        frozen = bool(getattr(sys, "frozen", False))
    if frozen and cafile is None:
        try:
            import certifi

            context.load_verify_locations(cafile=certifi.where())
        except (ImportError, OSError, ssl.SSLError) as exc:  # the system's CAs may still do
            log.warning("certifi's CA certificates could not be loaded: %s", exc)
    return context
