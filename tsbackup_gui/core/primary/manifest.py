"""`tsbackup-manifest.json`: what a generation holds, with hashes taken while copying.

Paths are `/`-separated, relative to the generation folder (so they start
with ``timeSensor DataFiles/`` or ``4D Backup/``). ``path`` holds the
source's names exactly as the source spelled them (a decomposed NFD name
stays NFD): that is the name a restore gives back. Where a name had to be
stored under a safe name (see safenames), ``stored`` holds the path inside
the generation; otherwise the names on disk are ``path`` itself. Names read
from a drive are matched by `safenames.compare_key` (NFC), because HFS+
hands out decomposed names for what was written composed.

The file is written atomically and flushed before the generation is renamed
into place, so a generation without a readable manifest is never one.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from tsbackup_gui.core.store.config import write_atomic

MANIFEST_NAME = "tsbackup-manifest.json"
FORMAT = 1
ENTRY_TYPES = ("file", "dir", "symlink")


@dataclass
class Entry:
    path: str
    type: str  # "file" | "dir" | "symlink"
    size: int
    mtime_ns: int
    sha256: str | None
    live: bool = False
    target: str | None = None  # symlinks: where the link points, as stored
    skipped_reason: str | None = None  # set when the source could not be stored
    stored: str | None = None  # the path inside the generation, where it is not `path` (safe names)

    @property
    def on_disk(self) -> str:
        """The '/'-path of this entry inside the generation."""
        return self.stored or self.path

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "path": self.path, "type": self.type, "size": self.size,
            "mtime_ns": self.mtime_ns, "sha256": self.sha256, "live": self.live,
        }
        if self.target is not None:
            data["target"] = self.target
        if self.skipped_reason is not None:
            data["skipped_reason"] = self.skipped_reason
        if self.stored is not None and self.stored != self.path:
            data["stored"] = self.stored
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "Entry":
        kind = data["type"]
        if kind not in ENTRY_TYPES:
            raise ValueError(f"unknown entry type {kind!r}")
        sha = data.get("sha256")
        return cls(
            path=str(data["path"]), type=kind, size=int(data.get("size", 0)),
            mtime_ns=int(data.get("mtime_ns", 0)), sha256=None if sha is None else str(sha),
            live=bool(data.get("live", False)), target=data.get("target"),
            skipped_reason=data.get("skipped_reason"),
            stored=None if data.get("stored") is None else str(data["stored"]),
        )


@dataclass
class Manifest:
    generation: str
    setup_id: str
    computer: str
    source: str
    verdict: str
    started: str  # ISO-8601, UTC
    ended: str  # ISO-8601, UTC
    entries: list[Entry]
    files: int
    bytes: int
    linked: int
    copied: int
    warnings: list[dict]
    format: int = FORMAT
    verified: str | None = None  # ISO-8601 UTC of the last successful re-hash, set by the monthly check
    extra: dict[str, Any] = field(default_factory=dict)  # keys of newer versions, kept

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = dict(self.extra)
        for f in fields(self):
            if f.name in ("entries", "extra"):
                continue
            value = getattr(self, f.name)
            if f.name == "verified" and value is None:
                continue
            data[f.name] = value
        data["entries"] = [e.to_json() for e in self.entries]
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "Manifest":
        if not isinstance(data, dict):
            raise ValueError("manifest is not a JSON object")
        fmt = data.get("format", FORMAT)
        if not isinstance(fmt, int) or fmt > FORMAT:
            raise ValueError(f"unsupported manifest format {fmt!r}")
        known = {f.name for f in fields(cls)} - {"extra", "entries"}
        values = {k: v for k, v in data.items() if k in known}
        extra = {k: v for k, v in data.items() if k not in known and k != "entries"}
        entries = [Entry.from_json(e) for e in data.get("entries") or []]
        return cls(**values, entries=entries, extra=extra)

    def to_bytes(self) -> bytes:
        """One entry per line: readable in an editor, diffable, and fast to write.

        The header comes first and the entries last, after a line
        `` "entries": [`` — `read_head` relies on that to list generations
        without parsing every entry.
        """
        data = self.to_json()
        entries = data.pop("entries")
        head = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True)
        lines = ",\n  ".join(map(_ENTRY_ENCODER.encode, entries))
        body = f' "entries": [\n  {lines}\n ]' if entries else ' "entries": []'
        text = head[:-2] + ",\n" + body + "\n}\n" if data else "{\n" + body + "\n}\n"
        return text.encode("utf-8", "surrogateescape")

    def write(self, path: Path) -> None:
        """Atomic and fsynced: the file is either the old one or the complete new one."""
        write_atomic(Path(path), self.to_bytes())

    @classmethod
    def read(cls, path: Path) -> "Manifest":
        """Raises OSError or ValueError when the manifest is missing or not readable."""
        raw = Path(path).read_bytes()
        return cls.from_json(json.loads(raw.decode("utf-8", "surrogateescape")))

    @classmethod
    def read_head(cls, path: Path) -> "Manifest":
        """The manifest with its entries read only when first used.

        Listing generations needs their verdicts and times, not 10,000
        entries each; a run lists them several times. Falls back to a full
        read for a file not laid out by `to_bytes`.
        """
        path = Path(path)
        with open(path, "rb") as handle:
            head = b""
            while True:
                chunk = handle.read(HEAD_CHUNK)
                head += chunk
                cut = head.find(_ENTRIES_LINE)
                if cut >= 0 or not chunk:
                    break
        if cut < 0:
            return cls.read(path)
        data = json.loads((head[:cut].rstrip().rstrip(b",") + b"\n}").decode("utf-8", "surrogateescape"))
        data["entries"] = []
        manifest = cls.from_json(data)
        del manifest.entries  # loaded by __getattr__ when first used
        manifest.__dict__["_source"] = path
        return manifest

    def __getattr__(self, name: str):
        """Only reached for `entries` of a manifest from `read_head`: load them now."""
        source = self.__dict__.get("_source")
        if name != "entries" or source is None:
            raise AttributeError(name)
        self.entries = Manifest.read(source).entries
        return self.entries


HEAD_CHUNK = 64 * 1024
_ENTRIES_LINE = b'\n "entries": ['
_ENTRY_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": "))
