"""Secrets given on standard input (`--password-stdin`): never on the command line."""

from __future__ import annotations

import sys

from tsbackup_gui.core.errors import Exit, UserError
from tsbackup_gui.core.messages import MessageKind


def read_secret_line(when_empty: MessageKind) -> str:
    """One line of stdin; its line ending (LF or CRLF) is not part of the secret."""
    line = sys.stdin.readline()
    secret = line[:-1] if line.endswith("\n") else line
    if secret.endswith("\r"):
        secret = secret[:-1]
    if not secret:
        raise UserError(when_empty(), Exit.USAGE)
    return secret
