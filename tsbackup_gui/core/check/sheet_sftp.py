"""The recovery sheet's commands for an SFTP off-site backup, for a new computer with nothing but a key file.

restic gets its own ssh command (`-o sftp.command=…`, the key file as KEYFILE),
and `tsbackup restore` checks the server's host key against the one on the sheet.
"""

from __future__ import annotations

from typing import Any, Callable, Mapping

from tsbackup_gui.core.messages import QT_TRANSLATE_NOOP, Message, define
from tsbackup_gui.core.offsite.sftp import parse_sftp

KEYFILE = "KEYFILE"  # the SSH key file on the computer that restores

SFTP_COMMANDS_NOTE = define(
    "recovery.sftp_commands_note",
    QT_TRANSLATE_NOOP(
        "core",
        "In the commands, {keyfile} stands for the SSH key file the server lets in. ssh asks once whether to trust "
        "the server: answer yes only when it shows the host key written here.",
    ),
)


def sftp_commands(repo: str, secondary: Mapping[str, Any], host: str, directory: str,
                  quote: Callable[[str], str]) -> tuple[str, str, str, Message]:
    """(list command, restore command, tsbackup's new-computer command, the note that explains KEYFILE)."""
    address = parse_sftp(repo)
    login = f"{address.user}@{address.host}" if address.user else address.host
    port = f" -p {address.port}" if address.port != 22 else ""
    option = "-o " + quote(f"sftp.command=ssh -i {KEYFILE}{port} {login} -s sftp")
    r = quote(repo)
    fingerprint = str(secondary.get("host_key") or "").split(" ")[0]
    pinned = f" --host-key {fingerprint}" if fingerprint.startswith("SHA256:") else ""
    return (f"restic -r {r} {option} snapshots",
            f"restic -r {r} {option} restore latest --host {host} --target {directory}",
            f"tsbackup restore --repo {r} --ssh-key {KEYFILE}{pinned} --host {host} --password-stdin --to {directory}",
            SFTP_COMMANDS_NOTE(keyfile=KEYFILE))
