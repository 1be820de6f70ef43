"""Every sentence the guard can say has German with the same placeholders, and
every reason begins with the plain instruction the office acts on."""

from __future__ import annotations

import json
from pathlib import Path

import tsbackup_gui.core.guard  # noqa: F401 - declares the guard's message kinds
from tsbackup_gui.core.messages import placeholders, registry

REPO = Path(__file__).resolve().parents[1]

PENDING = REPO / "resources" / "translations" / "pending_de_guard.json"
PLAIN = "Close timeSensor LEGAL to start today's backup."


def guard_kinds():
    return {kind.template: kind for kind in registry().values() if kind.id.startswith("guard.")}


def test_every_guard_sentence_has_german_with_the_same_placeholders():
    german = json.loads(PENDING.read_text(encoding="utf-8"))
    kinds = guard_kinds()
    assert set(german) == set(kinds)
    for english, translated in german.items():
        assert placeholders(translated) == placeholders(english), english
        assert translated.startswith("Schliessen Sie timeSensor LEGAL"), english


def test_the_exit_sentence_comes_first():
    kinds = guard_kinds()
    assert len(kinds) == 7
    assert all(template.startswith(PLAIN) for template in kinds)
