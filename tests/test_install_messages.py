"""Every sentence of detection, 4D judging and the demo has German with the same placeholders; no Qt in core."""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET

from conftest import REPO
from tsbackup_gui.core.install import demo, detect as install
from tsbackup_gui.core.fourd import freshness as fourd  # noqa: F401 - importing declares the messages
from tsbackup_gui.core.messages import placeholders, registry

AREAS = ("install", "fourd", "demo", "probe")
TRANSLATIONS = REPO / "resources" / "translations"


def german() -> dict[str, str]:
    known: dict[str, str] = {}
    ts = TRANSLATIONS / "tsbackup_de.ts"
    if ts.exists():
        for message in ET.parse(ts).getroot().iter("message"):
            source, translation = message.findtext("source"), message.find("translation")
            if source and translation is not None and translation.text and translation.get("type") != "unfinished":
                known[source] = translation.text
    for pending in sorted(TRANSLATIONS.glob("pending_de_*.json")):
        known.update(json.loads(pending.read_text(encoding="utf-8")))
    return known


def test_every_sentence_has_german_with_the_same_placeholders():
    known = german()
    mine = {kind.template for kind_id, kind in registry().items() if kind_id.split(".")[0] in AREAS}
    assert len(mine) > 50
    missing = sorted(template for template in mine if template not in known)
    assert missing == []
    for template in mine:
        assert placeholders(known[template]) == placeholders(template), template


def test_detection_modules_load_no_qt():
    code = (
        "import sys\n"
        "import tsbackup_gui.core.install.detect, tsbackup_gui.core.fourd.freshness, tsbackup_gui.core.install.demo\n"
        "print([m for m in sys.modules if m.startswith(('PySide6', 'shiboken'))])\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
