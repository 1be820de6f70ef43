"""Demo mode as a use case: the demo keeps its own home, and its passwords stay in it.

`tsbackup-gui --demo` shows the real product on a built-in installation. Its
setup, history and log live under the demo's folder (TSBACKUP_HOME), and the
off-site password it makes goes to a file there (`core.store.demo_keyring`),
never into this computer's password store.
"""

from __future__ import annotations

import os
from pathlib import Path

from tsbackup_gui.core.store.demo_keyring import DemoKeyring, use_demo_keyring


def enter_demo(home: Path) -> Path:
    """Points this process at the demo under ``home``; returns the demo's installation root."""
    home = Path(home).absolute()
    state = home / "home"
    os.environ["TSBACKUP_HOME"] = str(state)
    use_demo_keyring(state)
    return home / "root"


def demo_keyring_in_use() -> DemoKeyring | None:
    import keyring

    ring = keyring.get_keyring()
    return ring if isinstance(ring, DemoKeyring) else None
