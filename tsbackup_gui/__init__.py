"""tsbackup: a backup assistant for timeSensor LEGAL installations."""

from importlib import metadata as _metadata

try:
    __version__ = _metadata.version("tsbackup")
except _metadata.PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"
