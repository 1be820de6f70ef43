"""Where tsbackup keeps its own files: config, state, logs, restic cache.

platformdirs gives each OS's conventional folders; ``TSBACKUP_HOME=DIR``
puts all of them under one folder (tests, portable installs, audits).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "tsbackup"


@dataclass(frozen=True)
class Places:
    config_dir: Path
    state_dir: Path
    log_dir: Path
    cache_dir: Path

    @property
    def config_file(self) -> Path:
        return self.config_dir / "config.json"

    @property
    def history_db(self) -> Path:
        return self.state_dir / "history.sqlite3"

    @property
    def log_file(self) -> Path:
        return self.log_dir / "tsbackup.log"

    @property
    def lock_file(self) -> Path:
        return self.state_dir / "run.lock"


def places() -> Places:
    """The folders for this process, honouring ``TSBACKUP_HOME``."""
    home = os.environ.get("TSBACKUP_HOME")
    if home:
        root = Path(home).expanduser().absolute()
        return Places(root / "config", root / "state", root / "logs", root / "cache")
    return Places(
        Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
        Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
        Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)),
        Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)),
    )
