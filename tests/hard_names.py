"""Names a Mac or Linux data folder can hold and Windows drives refuse (or merge), shared by the tests.

`HARD` maps each relative name to its contents; `NFD` is a name written
decomposed, as macOS programs often do, which must come back decomposed.
`tree_bytes` reads a tree with names as raw bytes (no normalising), so a
restored tree equals its source only when every name is spelled the same.
"""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path

NFD = unicodedata.normalize("NFD", "Müller Akte.txt")
assert NFD == "Mu\u0308ller Akte.txt"

HARD = {
    "Vertrag Meier:Müller 2024.docx": b"colon",
    "Frage?.txt": b"question",
    'Zitat "A" <B> |C| *.txt': b"quotes",
    "Ende.": b"trailing dot",
    "Ende ": b"trailing space",
    "CON": b"device",
    "nul.tar.gz": b"device with extension",
    "Akte.txt": b"upper",
    "akte.txt": b"lower",
    NFD: b"decomposed",
    "Tab\tName.txt": b"control",
    "Ordner: 2024/Liste?.txt": b"inside a renamed folder",
    "Ordner: 2024/LPT1.doc": b"device inside",
    "Normal 50%.txt": b"needs nothing",
}


def tree_bytes(root: Path) -> dict[bytes, tuple[str, bytes | None]]:
    """Relative path (raw bytes, names exactly as on disk) → kind and content."""
    out = {}
    base = os.fsencode(root)
    for folder, dirnames, filenames in os.walk(base):
        for name in dirnames + filenames:
            path = os.path.join(folder, name)
            rel = os.path.relpath(path, base)
            if os.path.islink(path):
                out[rel] = ("link", os.readlink(path))
            elif os.path.isdir(path):
                out[rel] = ("dir", None)
            else:
                with open(path, "rb") as handle:
                    out[rel] = ("file", handle.read())
    return out


def add_hard_names(source: Path, names: dict[str, bytes] | None = None) -> None:
    """Writes `names` (all of `HARD` by default) into `source`."""
    for name, data in (HARD if names is None else names).items():
        path = source.joinpath(*name.split("/"))
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
