"""The sentences of the consistency work have German with the same placeholders; core stays free of Qt."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import REPO
from tsbackup_gui.core import jobs, jobs_consistency
from tsbackup_gui.core.messages import placeholders

PENDING = REPO / "resources" / "translations" / "pending_de_consistency.json"


def test_every_new_sentence_has_german_with_the_same_placeholders():
    german = json.loads(PENDING.read_text(encoding="utf-8"))
    kinds = [jobs_consistency.ARCHIVE_NOT_OK, jobs_consistency.ARCHIVE_LEFT_OUT, jobs.RUN_NOT_DUE]
    for kind in kinds:
        template = kind.template
        assert template in german, template
        assert placeholders(german[template]) == placeholders(template), template
    assert len(german) == len(kinds)


def test_the_run_modules_load_no_qt():
    code = ("import sys\nimport tsbackup_gui.core.jobs, tsbackup_gui.core.jobs_consistency\n"
            "print([m for m in sys.modules if m.startswith(('PySide6', 'shiboken'))])\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
