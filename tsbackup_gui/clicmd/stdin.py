"""Secrets given on standard input (`--password-stdin`): never on the command line.

Piped in (`echo … | tsbackup …`, a script), the first line is the secret. Typed at a terminal,
it is asked for with a prompt and not shown. Spaces and tabs around it are not part of it: they
come from copying it off the recovery sheet, and the passwords this program makes have none.
"""

from __future__ import annotations

import getpass
import sys

from tsbackup_gui.core.errors import Exit, UserError
from tsbackup_gui.core.messages import QT_TRANSLATE_NOOP, MessageKind, define

PASSWORD_PROMPT = define("cli.password_prompt", QT_TRANSLATE_NOOP("core", "Password (not shown while typing): "))


def read_secret_line(when_empty: MessageKind, prompt: str | None = None) -> str:
    """One line of stdin without its line ending (LF or CRLF) and surrounding blanks; at a
    terminal, asked for with ``prompt`` (the translated `PASSWORD_PROMPT`) and never echoed."""
    if sys.stdin is not None and sys.stdin.isatty():
        try:
            line = getpass.getpass(prompt if prompt is not None else PASSWORD_PROMPT.template)
        except EOFError:
            line = ""
    else:
        line = sys.stdin.readline() if sys.stdin is not None else ""
    secret = line.rstrip("\r\n").strip(" \t")
    if not secret:
        raise UserError(when_empty(), Exit.USAGE)
    return secret
