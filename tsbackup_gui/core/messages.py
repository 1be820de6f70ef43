"""Message objects: what `core` says to people, without saying it in a language.

`core` must never build sentences itself (DESIGN.md, "Words the user reads"):
the tray, the status window, the CLI and the PDFs translate one and the same
message object with Qt's translator. A message kind is declared once, next to
the code that uses it, with a stable id and an English template whose
``{named}`` placeholders are filled after translation.

Templates are wrapped in a local no-op ``QT_TRANSLATE_NOOP`` so that Qt's
``lupdate`` finds them without `core` importing Qt.
"""

from __future__ import annotations

import string
from dataclasses import dataclass, field
from typing import Any, Mapping

#: The one Qt translation context for every sentence that comes from `core`.
CONTEXT = "core"

_REGISTRY: dict[str, "MessageKind"] = {}


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - Qt's own name, lupdate looks for it
    """Marks ``text`` for lupdate and hands it back unchanged."""
    return text


def placeholders(template: str) -> set[str]:
    """The ``{names}`` a template expects; used to check translations keep them."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@dataclass(frozen=True)
class Message:
    """One sentence to show: kind id, English template and its parameters."""

    id: str
    template: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def english(self) -> str:
        """The sentence in English; for logs and as the fallback of every translator."""
        return fill(self.template, self.params)

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "template": self.template, "params": {k: _plain(v) for k, v in self.params.items()}}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "Message":
        return cls(str(data["id"]), str(data["template"]), dict(data.get("params") or {}))

    def __str__(self) -> str:
        return self.english()


@dataclass(frozen=True)
class MessageKind:
    """A declared sentence; calling it with parameters gives a `Message`."""

    id: str
    template: str

    def __call__(self, **params: Any) -> Message:
        missing = placeholders(self.template) - params.keys()
        if missing:
            raise TypeError(f"message {self.id} needs {sorted(missing)}")
        return Message(self.id, self.template, params)


def define(message_id: str, template: str) -> MessageKind:
    """Declares a message kind; an id may be declared only once, with one template."""
    known = _REGISTRY.get(message_id)
    if known is not None and known.template != template:
        raise ValueError(f"message id {message_id} declared twice with different text")
    kind = MessageKind(message_id, template)
    _REGISTRY[message_id] = kind
    return kind


def registry() -> dict[str, MessageKind]:
    """Every kind declared so far (import the modules first); used by translation tests."""
    return dict(_REGISTRY)


def fill(template: str, params: Mapping[str, Any]) -> str:
    """Fills placeholders; a translation that lost one still prints something useful."""
    try:
        return template.format(**{k: _plain(v) for k, v in params.items()})
    except (KeyError, IndexError, ValueError):
        return template


def _plain(value: Any) -> Any:
    if isinstance(value, Message):
        return value.english()
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return str(value)
