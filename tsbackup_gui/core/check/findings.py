"""One finding of the monthly check, and how findings add up to an outcome and an exit code.

Severities, mildest first: ``ok`` (checked and fine — the check's report
says what it looked at, not only what went wrong), ``needs-confirmation``
(only a person can tell: an off-site copy handled outside this program,
the recovery sheet's place), ``warning`` and ``failed``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Sequence

from tsbackup_gui.core.errors import Exit
from tsbackup_gui.core.messages import Message

SEVERITIES = ("ok", "needs-confirmation", "warning", "failed")
RANK = {name: index for index, name in enumerate(SEVERITIES)}


@dataclass(frozen=True)
class Finding:
    severity: str
    message: Message
    exit_code: int | None = None  # failed findings: which exit code of the contract they mean (default 5)

    def __post_init__(self):
        if self.severity not in RANK:
            raise ValueError(f"unknown severity {self.severity!r}")

    @property
    def code(self) -> str:
        return self.message.id

    def to_json(self, translate: Callable[[Message], str] | None = None) -> dict[str, Any]:
        say = translate or (lambda message: message.english())
        return {"code": self.code, "message": say(self.message), "severity": self.severity}


def outcome_of(findings: Sequence[Finding]) -> tuple[str, int]:
    """(outcome, exit code): the worst severity decides; a failure means exit 5 (verification
    failed) when any failure is about the data, else the first failure's own code (4: the
    backup drive is missing, 2: a setting or the password store)."""
    if not findings:
        return "ok", Exit.OK
    worst = max(findings, key=lambda f: RANK[f.severity]).severity
    if worst == "failed":
        codes = [f.exit_code or Exit.VERIFY_FAILED for f in findings if f.severity == "failed"]
        return "failed", Exit.VERIFY_FAILED if Exit.VERIFY_FAILED in codes else codes[0]
    if worst == "ok":
        return "ok", Exit.OK
    return worst, Exit.WARNING


def ordered(findings: Sequence[Finding]) -> list[Finding]:
    """Worst first, otherwise in the order they were found."""
    return sorted(findings, key=lambda f: -RANK[f.severity])
