"""S3-compatible off-site targets: the address, the keys, the providers' endpoints.

The access key and the secret key are read once at setup (from
``AWS_ACCESS_KEY_ID``/``AWS_SECRET_ACCESS_KEY`` or standard input), kept in
the keyring under the names the recovery sheet reads, and handed to restic
through the child's environment at every run; they never reach argv, the
configuration or a log.

Endpoints of providers are data (``resources/s3_presets.json``), so adding a
provider or fixing an endpoint needs no code.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping

from tsbackup_gui.core.errors import Exit, UserError
from tsbackup_gui.core.messages import QT_TRANSLATE_NOOP, define

ACCESS_KEY_SECRET = "aws-access-key-id"
SECRET_KEY_SECRET = "aws-secret-access-key"
#: keyring name → the variable restic reads
KEY_VARIABLES = ((ACCESS_KEY_SECRET, "AWS_ACCESS_KEY_ID"), (SECRET_KEY_SECRET, "AWS_SECRET_ACCESS_KEY"))
PRESETS_FILE = "s3_presets.json"

BAD_S3 = define(
    "target.s3_bad",
    QT_TRANSLATE_NOOP(
        "core",
        "'{value}' is not an S3 address. Write it as s3:https://endpoint/bucket or s3:https://endpoint/bucket/folder.",
    ),
)
BAD_BUCKET = define(
    "target.s3_bad_bucket",
    QT_TRANSLATE_NOOP(
        "core",
        "'{bucket}' is not a valid bucket name: use 3 to 63 lowercase letters, digits, dots and dashes, starting and "
        "ending with a letter or digit.",
    ),
)
NEED_KEYS = define(
    "target.s3_need_keys",
    QT_TRANSLATE_NOOP(
        "core",
        "S3 storage needs its access key and secret key: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY when you run "
        "the setup, or pass them on two lines with --s3-keys-stdin.",
    ),
)
KEYS_IN_ADDRESS = define(
    "target.s3_keys_in_address",
    QT_TRANSLATE_NOOP(
        "core",
        "Do not write keys or passwords into the address: anyone on this computer can read a command line. Set "
        "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY instead; nothing was changed.",
    ),
)


@dataclass(frozen=True)
class S3Address:
    scheme: str  # https or http (a test server, a provider inside the firm's network)
    endpoint: str  # host[:port]
    bucket: str
    prefix: str  # the folder inside the bucket, "" for the bucket's root

    @property
    def repo(self) -> str:
        tail = f"/{self.prefix}" if self.prefix else ""
        return f"s3:{self.scheme}://{self.endpoint}/{self.bucket}{tail}"

    @property
    def host(self) -> str:
        return self.endpoint.rsplit(":", 1)[0].strip("[]") if _has_port(self.endpoint) else self.endpoint.strip("[]")

    @property
    def port(self) -> int:
        if _has_port(self.endpoint):
            return int(self.endpoint.rsplit(":", 1)[1])
        return 443 if self.scheme == "https" else 80


def _has_port(endpoint: str) -> bool:
    return bool(re.search(r":\d+$", endpoint)) and not endpoint.endswith("]")


_BUCKET = re.compile(r"^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$")
_ADDRESS = re.compile(r"^s3:(?:(?P<scheme>https?)://)?(?P<endpoint>[^/\s]+)/(?P<bucket>[^/\s]+)(?:/(?P<prefix>.*))?$")


def parse_s3(text: str) -> S3Address:
    """``s3:https://endpoint/bucket[/prefix]``; without a scheme restic means https."""
    value = text.strip()
    if "@" in value:  # keys in the address (a secret key may hold "/"): refused before any sentence repeats the text
        raise UserError(KEYS_IN_ADDRESS(), Exit.USAGE)
    match = _ADDRESS.match(value)
    if not match:
        raise UserError(BAD_S3(value=text), Exit.USAGE)
    endpoint = match.group("endpoint").lower()
    if _has_port(endpoint) and not 0 < int(endpoint.rsplit(":", 1)[1]) < 65536:
        raise UserError(BAD_S3(value=text), Exit.USAGE)
    bucket = match.group("bucket")
    if not _BUCKET.match(bucket) or ".." in bucket:
        raise UserError(BAD_BUCKET(bucket=bucket), Exit.USAGE)
    prefix = "/".join(part for part in (match.group("prefix") or "").split("/") if part)
    return S3Address(match.group("scheme") or "https", endpoint, bucket, prefix)


def keys_from(environ: Mapping[str, str]) -> dict[str, str] | None:
    """The two keys as keyring entries from an environment, or None when either is missing."""
    values = {name: (environ.get(variable) or "").strip() for name, variable in KEY_VARIABLES}
    return values if all(values.values()) else None


def keys_env(secrets: Mapping[str, str] | Any) -> dict[str, str]:
    """restic's variables from keyring entries (anything with ``get``); missing ones are left out."""
    env = {}
    for name, variable in KEY_VARIABLES:
        value = secrets.get(name) if secrets is not None else None
        if value:
            env[variable] = value
    return env


def _resources_dir() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    return Path(bundle) / "resources" if bundle else Path(__file__).resolve().parents[3] / "resources"


def presets(path: Path | None = None) -> list[dict[str, Any]]:
    """The providers' endpoints for the wizard: ``id``, ``name``, ``endpoint`` (with scheme), optional ``note``."""
    data = json.loads((path or _resources_dir() / PRESETS_FILE).read_text(encoding="utf-8"))
    return [dict(entry) for entry in data["presets"]]


def repo_for(endpoint: str, bucket: str, prefix: str = "") -> str:
    """The repository address for an endpoint (``https://…``), a bucket and a folder; checked like typed text."""
    endpoint = endpoint.strip().rstrip("/")
    if not re.match(r"^https?://", endpoint):
        endpoint = "https://" + endpoint
    tail = "/" + prefix.strip("/") if prefix.strip("/") else ""
    return parse_s3(f"s3:{endpoint}/{bucket.strip()}{tail}").repo
