"""Keeps the German translation in step with the code.

    python scripts/translations.py          # lupdate + merge pending + lrelease
    python scripts/translations.py --check  # exit 1 when a sentence lacks German

1. `pyside6-lupdate` collects every marked sentence (core's QT_TRANSLATE_NOOP,
   ui's self.tr / QCoreApplication.translate) into
   resources/translations/tsbackup_de.ts, keeping existing translations.
2. Files `resources/translations/pending_de_*.json` (English → German, written
   while a feature is built) are merged into the .ts and then removed.
3. `pyside6-lrelease` compiles the .ts into the .qm the program loads.
The .ts stays the source of truth and can be edited with Qt Linguist.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS_DIR = ROOT / "resources" / "translations"
TS_FILE = TS_DIR / "tsbackup_de.ts"
QM_FILE = TS_DIR / "tsbackup_de.qm"


def tool(name: str) -> str:
    here = Path(sys.executable).parent / name
    found = str(here) if here.exists() else shutil.which(name)
    if not found:
        sys.exit(f"{name} not found: install the project (pip install -e .) first.")
    return found


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "tsbackup_gui").rglob("*.py"))


def lupdate() -> None:
    subprocess.run(
        [tool("pyside6-lupdate"), "-locations", "none", "-no-obsolete", "-target-language", "de_DE",
         *sources(), "-ts", str(TS_FILE.relative_to(ROOT))],
        cwd=ROOT, check=True, stdout=subprocess.DEVNULL,
    )


def merge_pending() -> int:
    pending: dict[str, str] = {}
    files = sorted(TS_DIR.glob("pending_de_*.json"))
    per_file = {path: json.loads(path.read_text(encoding="utf-8")) for path in files}
    for entries in per_file.values():
        pending.update(entries)
    if not pending:
        return 0
    tree = ET.parse(TS_FILE)
    merged = 0
    for message in tree.iter("message"):
        source = message.findtext("source")
        translation = message.find("translation")
        if source in pending and translation is not None:
            translation.text = pending[source]
            translation.attrib.pop("type", None)
            merged += 1
    write_ts(tree)
    known = {m.findtext("source") for m in tree.iter("message")}
    for path, entries in per_file.items():
        if set(entries) <= known:  # a file whose sentences are not all in the code yet stays
            path.unlink()
    return merged


def write_ts(tree: ET.ElementTree) -> None:
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    TS_FILE.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")


def lrelease(out: Path = QM_FILE) -> None:
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(TS_FILE), "-qm", str(out)], check=True)


def unfinished() -> list[str]:
    tree = ET.parse(TS_FILE)
    return [
        m.findtext("source") or ""
        for m in tree.iter("message")
        if (t := m.find("translation")) is None or t.get("type") == "unfinished" or not (t.text or "").strip()
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report sentences without German")
    args = parser.parse_args()
    if not args.check:
        lupdate()
        merged = merge_pending()
        lrelease()
        print(f"{TS_FILE.name}: merged {merged} pending translation(s)")
    missing = unfinished()
    for source in missing:
        print(f"no German yet: {source}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
