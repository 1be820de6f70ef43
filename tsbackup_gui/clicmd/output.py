"""How the CLI talks: sentences (translated) to stderr, JSON to stdout."""

from __future__ import annotations

import json
import sys
from typing import Any

from tsbackup_gui.core.messages import QT_TRANSLATE_NOOP, Message, define
from tsbackup_gui.render.translate import Translator


BAD_USAGE = define(
    "cli.bad_usage",
    QT_TRANSLATE_NOOP("core", "{detail}. Run 'tsbackup --help' to see how the command is used."),
)


class Output:
    def __init__(self, json_mode: bool = False, translator: Translator | None = None):
        self.json = json_mode
        self._translate = translator
        self.stdout = sys.stdout
        self.stderr = sys.stderr
        self.emitted = False  # anything on stdout yet (with --json: JSON only)

    @property
    def translate(self) -> Translator:
        if self._translate is None:
            self._translate = Translator()
        return self._translate

    def sentence(self, message: Message) -> str:
        return self.translate(message)

    def say(self, message: Message) -> None:
        """A sentence for people: stderr in JSON mode, so stdout stays pure JSON."""
        stream = self.stderr if self.json else self.stdout
        print(self.sentence(message), file=stream, flush=True)

    def warn(self, message: Message) -> None:
        print(self.sentence(message), file=self.stderr, flush=True)

    def emit(self, obj: Any) -> None:
        """One JSON object on its own line on stdout."""
        print(json.dumps(obj, ensure_ascii=False, default=str), file=self.stdout, flush=True)
        self.emitted = True
