"""tsbackup: a backup assistant for timeSensor LEGAL installations."""


def __getattr__(name: str) -> str:
    """``__version__``, read from the installed package's metadata only when asked: every start of
    `tsbackup` imports this package, and reading the metadata costs more than the status itself."""
    if name != "__version__":
        raise AttributeError(name)
    from importlib import metadata

    try:
        version = metadata.version("tsbackup")
    except metadata.PackageNotFoundError:  # running from a source tree that was never installed
        version = "0.0.0+source"
    globals()["__version__"] = version
    return version
