"""A rotating log file in the user log dir; never holds secrets (we never log them)."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from tsbackup_gui.core.places import places

_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def setup_logging(level: int = logging.INFO) -> Path:
    """Attaches the rotating file handler once per process; returns the log file's path."""
    path = places().log_file
    root = logging.getLogger()
    for handler in root.handlers:
        if isinstance(handler, logging.handlers.RotatingFileHandler) and Path(handler.baseFilename) == path:
            return path
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(path, maxBytes=2_000_000, backupCount=5, encoding="utf-8")
    except OSError:
        return path  # a log we cannot write must not stop a backup
    handler.setFormatter(logging.Formatter(_FORMAT))
    root.addHandler(handler)
    root.setLevel(level)
    return path
