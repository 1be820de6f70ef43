"""Every sentence the guard can say has German with the same placeholders, and
every reason begins with the plain instruction the office acts on."""

from __future__ import annotations

from pathlib import Path

import tsbackup_gui.core.guard.single_user  # noqa: F401 - declares the guard's message kinds
from tsbackup_gui.core.messages import placeholders, registry

REPO = Path(__file__).resolve().parents[1]

PLAIN = "Close timeSensor LEGAL to start today's backup."


def guard_kinds():
    return {kind.template: kind for kind in registry().values() if kind.id.startswith("guard.")}


def test_every_guard_sentence_starts_with_the_plain_instruction_in_german():
    from tsbackup_gui.render.translate import Translator

    german = Translator("de")
    for english in guard_kinds():
        translated = german.text("core", english)
        assert translated != english and placeholders(translated) == placeholders(english), english
        assert translated.startswith("Schliessen Sie timeSensor LEGAL"), english


def test_the_exit_sentence_comes_first():
    kinds = guard_kinds()
    assert len(kinds) == 7
    assert all(template.startswith(PLAIN) for template in kinds)
