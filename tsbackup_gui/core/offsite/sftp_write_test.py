"""Write access for a new SFTP repository, proven without creating it.

restic can only show that it may write by creating the repository, which a
connection test must not do. Three short ``sftp -b`` sessions do instead:
find how much of the path exists (``cd`` step by step, ``pwd`` after each),
create the missing folders and a probe file, then remove exactly what the
second one made.
"""

from __future__ import annotations

import os
import re
import subprocess
import tempfile
from pathlib import Path

from tsbackup_gui.core import children
from tsbackup_gui.core.offsite.sftp import SftpAddress, child_env, askpass_env, ssh_options, ssh_program

def _sftp_quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def probe_write(address: SftpAddress, key: Path, known_hosts: Path, *, passphrase: str | None,
                timeout: float) -> bool:
    """True when the login may create the repository folder (and a file in it); leaves nothing behind.

    Three short sftp sessions: find how much of the path exists (``cd`` step
    by step, ``pwd`` after each), create the missing folders and a probe file,
    then remove exactly what the second one made.
    """
    segments = [part for part in address.path.split("/") if part not in ("", ".")]
    steps = (["/"] if address.path.startswith("/") else []) + segments
    walk = ["pwd"]
    for step in steps:
        walk += [f"-cd {_sftp_quote(step)}", "pwd"]
    out = _sftp_batch(address, key, known_hosts, walk, passphrase=passphrase, timeout=timeout)
    if out is None:
        return False
    places_seen = re.findall(r"^Remote working directory: (.*)$", out[1], flags=re.M)
    existing = 0
    for index, step in enumerate(steps):
        if len(places_seen) < index + 2:
            break
        if places_seen[index + 1] == places_seen[index] and step != "/":
            break
        existing += 1
    lead = "/" if address.path.startswith("/") else ""
    paths = [lead + "/".join(segments[:count]) for count in range(1, len(segments) + 1)]
    first_missing = max(0, existing - (1 if lead else 0))
    missing = paths[first_missing:]
    target = paths[-1] if paths else address.path
    name = f".tsbackup-write-test-{os.getpid()}"
    with tempfile.TemporaryDirectory(prefix="tsbackup-probe-") as scratch:
        empty = Path(scratch) / "empty"
        empty.write_bytes(b"")
        local = empty.as_posix() if os.name == "nt" else str(empty)
        make = [f"mkdir {_sftp_quote(p)}" for p in missing]
        make += [f"put {_sftp_quote(local)} {_sftp_quote(target + '/' + name)}", f"rm {_sftp_quote(target + '/' + name)}"]
        written = _sftp_batch(address, key, known_hosts, make, passphrase=passphrase, timeout=timeout)
    if missing:
        _sftp_batch(address, key, known_hosts, [f"-rmdir {_sftp_quote(p)}" for p in reversed(missing)],
                    passphrase=passphrase, timeout=timeout)
    return written is not None and written[0] == 0


def _sftp_batch(address: SftpAddress, key: Path, known_hosts: Path, commands: list[str], *, passphrase: str | None,
                timeout: float) -> tuple[int, str] | None:
    """Runs sftp with ``commands`` (stops at the first failing one not marked ``-``); None when it could not start."""
    secret, plain = askpass_env(passphrase)
    options = ssh_options(key, known_hosts, strict="yes", passphrase=bool(passphrase), timeout=timeout)
    argv = [ssh_program("sftp")]
    if passphrase:
        argv += ["-o", "BatchMode=no"]  # before -b, which would switch it on (the first value wins in ssh)
    argv += ["-b", "-", *options, "-P", str(address.port)]
    target = f"{address.user}@" if address.user else ""
    host = f"[{address.host}]" if ":" in address.host else address.host
    argv.append(target + host)
    try:
        done = children.run(argv, input="\n".join(commands) + "\n", env=child_env(secret, plain),
                            timeout=timeout + 20, start_new_session=True)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return done.returncode, done.stdout
