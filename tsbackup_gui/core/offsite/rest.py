"""restic REST server targets: the address, the login, append-only.

The login (user name and password of the server's .htpasswd) comes from
``RESTIC_REST_USERNAME``/``RESTIC_REST_PASSWORD`` at setup (or a
``RESTIC_REPOSITORY`` URL of the same server carrying it), goes into the
keyring, and reaches restic only inside the child's ``RESTIC_REPOSITORY``:
restic 0.14 does not read the two variables, but every version reads a
``user:password@`` URL, and the environment is visible to this user only.
Newer restic versions get the two variables as well.

An append-only server refuses deletions, so forget/prune are never run from
this side; the server's owner keeps old snapshots in check.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Mapping
from urllib.parse import quote, unquote, urlsplit

from tsbackup_gui.core.errors import Exit, UserError
from tsbackup_gui.core.messages import QT_TRANSLATE_NOOP, define

USER_SECRET = "rest-username"
PASSWORD_SECRET = "rest-password"
USER_VAR = "RESTIC_REST_USERNAME"
PASSWORD_VAR = "RESTIC_REST_PASSWORD"

BAD_REST = define(
    "target.rest_bad",
    QT_TRANSLATE_NOOP(
        "core",
        "'{value}' is not a REST server address. Write it as rest:https://server:port/path (or rest:http://… inside "
        "the firm's network).",
    ),
)
LOGIN_IN_ADDRESS = define(
    "target.rest_login_in_address",
    QT_TRANSLATE_NOOP(
        "core",
        "Do not write the REST server's user name and password into the address: anyone on this computer can read a "
        "command line. Set RESTIC_REST_USERNAME and RESTIC_REST_PASSWORD instead; nothing was changed.",
    ),
)
HALF_LOGIN = define(
    "target.rest_half_login",
    QT_TRANSLATE_NOOP(
        "core",
        "Only one of RESTIC_REST_USERNAME and RESTIC_REST_PASSWORD is set. Set both for a server with a login, or "
        "neither for one without.",
    ),
)


@dataclass(frozen=True)
class RestAddress:
    scheme: str
    host: str
    port: int
    path: str  # "" or "/path" without a trailing slash

    @property
    def repo(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        default = 443 if self.scheme == "https" else 80
        port = "" if self.port == default else f":{self.port}"
        return f"rest:{self.scheme}://{host}{port}{self.path}/"


def parse_rest(text: str) -> RestAddress:
    value = text.strip()
    if "@" in value:  # a login in the address (a password may hold "/"): refused before any sentence repeats the text
        raise UserError(LOGIN_IN_ADDRESS(), Exit.USAGE)
    if not value.startswith("rest:"):
        raise UserError(BAD_REST(value=text), Exit.USAGE)
    url = value[len("rest:"):]
    if not re.match(r"^https?://", url):
        raise UserError(BAD_REST(value=text), Exit.USAGE)
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        raise UserError(BAD_REST(value=text), Exit.USAGE) from None
    if "@" in parts.netloc:
        raise UserError(LOGIN_IN_ADDRESS(), Exit.USAGE)
    if not parts.hostname or parts.query or parts.fragment:
        raise UserError(BAD_REST(value=text), Exit.USAGE)
    scheme = parts.scheme.lower()
    return RestAddress(scheme, parts.hostname, port or (443 if scheme == "https" else 80), parts.path.rstrip("/"))


def login_from(environ: Mapping[str, str], address: RestAddress) -> dict[str, str] | None:
    """The login as keyring entries: from the two variables, else from a RESTIC_REPOSITORY URL of this server."""
    user, password = environ.get(USER_VAR) or "", environ.get(PASSWORD_VAR) or ""
    if user and password:
        return {USER_SECRET: user, PASSWORD_SECRET: password}
    if user or password:
        raise UserError(HALF_LOGIN(), Exit.USAGE)
    other = environ.get("RESTIC_REPOSITORY") or ""
    if other.startswith("rest:"):
        try:
            parts = urlsplit(other[len("rest:"):])
            if parts.username is not None and parts.password is not None and parts.hostname == address.host \
                    and (parts.port or address.port) == address.port and parts.path.rstrip("/") == address.path:
                return {USER_SECRET: unquote(parts.username), PASSWORD_SECRET: unquote(parts.password)}
        except ValueError:
            return None
    return None


def with_login(repo: str, secrets: Mapping[str, str] | Any) -> str:
    """The repository URL with the login inside, for the child's environment only."""
    user = secrets.get(USER_SECRET) if secrets is not None else None
    password = secrets.get(PASSWORD_SECRET) if secrets is not None else None
    if not user or not password:
        return repo
    match = re.match(r"^rest:(https?://)(.*)$", repo)
    if not match:
        return repo
    return f"rest:{match.group(1)}{quote(user, safe='')}:{quote(password, safe='')}@{match.group(2)}"


def login_env(secrets: Mapping[str, str] | Any) -> dict[str, str]:
    """The variables newer restic versions read (0.14 ignores them; the URL carries the login there)."""
    user = secrets.get(USER_SECRET) if secrets is not None else None
    password = secrets.get(PASSWORD_SECRET) if secrets is not None else None
    return {USER_VAR: user, PASSWORD_VAR: password} if user and password else {}
