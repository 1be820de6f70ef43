"""SSH keys for SFTP targets: is a key usable (and locked by a passphrase), and a new key for the wizard.

A passphrase never goes on a command line: ``ssh-keygen -y -P ""`` tells a
key without one (an empty passphrase is no secret), and a real one reaches
ssh-keygen through the askpass helper, as it reaches ssh during a run.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from tsbackup_gui.core import children
from tsbackup_gui.core.errors import Exit, UserError
from tsbackup_gui.core.messages import QT_TRANSLATE_NOOP, define
from tsbackup_gui.core.places import places
from tsbackup_gui.core.offsite.sftp import KEY_MISSING, child_env, askpass_env, ssh_program

KEY_NOT_PRIVATE = define(
    "target.ssh_key_not_private",
    QT_TRANSLATE_NOOP(
        "core",
        "{path} is not a private SSH key. Give the private key file (the one without .pub) with --ssh-key.",
    ),
)
KEY_NEEDS_PASSPHRASE = define(
    "target.ssh_key_needs_passphrase",
    QT_TRANSLATE_NOOP(
        "core",
        "The SSH key {path} is protected by a passphrase. Set the environment variable TSBACKUP_SSH_PASSPHRASE to it "
        "when you run the setup, or use a key without a passphrase.",
    ),
)
KEY_WRONG_PASSPHRASE = define(
    "target.ssh_key_wrong_passphrase",
    QT_TRANSLATE_NOOP("core", "The passphrase does not unlock the SSH key {path}. Check it and run the setup again."),
)
KEY_EXISTS = define(
    "target.ssh_key_exists",
    QT_TRANSLATE_NOOP("core", "There is already a file at {path}; a new SSH key was not made there."),
)
KEYGEN_FAILED = define(
    "target.ssh_keygen_failed",
    QT_TRANSLATE_NOOP("core", "The SSH key could not be made at {path} ({detail})."),
)


def check_key(path: Path, passphrase: str | None) -> bool:
    """The key exists, is a private key and opens (with ``passphrase`` if it has one); else a plain `UserError`.

    True when the key is protected by a passphrase (then it has to be stored), False when it is not.
    """
    path = Path(path)
    if not path.is_file():
        raise UserError(KEY_MISSING(path=str(path)), Exit.USAGE)
    try:
        head = path.read_bytes()[:64]
    except OSError as exc:
        raise UserError(KEY_MISSING(path=f"{path} ({exc.strerror})"), Exit.USAGE) from None
    if b"PRIVATE KEY" not in head:
        raise UserError(KEY_NOT_PRIVATE(path=str(path)), Exit.USAGE)
    keygen = ssh_program("ssh-keygen")
    # An empty passphrase on the command line is no secret; a real one goes through the askpass helper.
    done = _keygen([keygen, "-y", "-P", "", "-f", str(path)])
    if done.returncode == 0:
        return False
    if passphrase:
        secret, plain = askpass_env(passphrase)
        done = _keygen([keygen, "-y", "-f", str(path)], child_env(secret, plain))
        if done.returncode == 0:
            return True
    said = (done.stderr or "").lower()
    if "passphrase" in said or "incorrect" in said:
        raise UserError((KEY_WRONG_PASSPHRASE if passphrase else KEY_NEEDS_PASSPHRASE)(path=str(path)), Exit.USAGE)
    raise UserError(KEY_NOT_PRIVATE(path=str(path)), Exit.USAGE)


def _keygen(argv: list[str], env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return children.run(argv, env=env or child_env(), timeout=30, start_new_session=True)


def default_key_path() -> Path:
    """Where the wizard keeps the key it makes for this computer."""
    return places().state_dir / "ssh" / "tsbackup_ed25519"


def generate_ssh_key(path: Path, comment: str) -> str:
    """Makes an ed25519 key without passphrase at ``path``; returns the public key line for the IT partner."""
    path = Path(path)
    if path.exists() or path.with_name(path.name + ".pub").exists():
        raise UserError(KEY_EXISTS(path=str(path)), Exit.USAGE)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        done = children.run([ssh_program("ssh-keygen"), "-q", "-t", "ed25519", "-N", "", "-f", str(path), "-C", comment],
                            timeout=60)
    except OSError as exc:
        raise UserError(KEYGEN_FAILED(path=str(path), detail=exc.strerror or type(exc).__name__), Exit.USAGE) from None
    public = path.with_name(path.name + ".pub")
    if done.returncode != 0 or not public.is_file():
        detail = (done.stderr.strip().splitlines() or [f"exit code {done.returncode}"])[-1]
        raise UserError(KEYGEN_FAILED(path=str(path), detail=detail), Exit.USAGE)
    return public.read_text(encoding="utf-8").strip()
