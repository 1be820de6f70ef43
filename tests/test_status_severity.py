"""Severity as monitoring reads it: the exit codes of `tsbackup status`, and runs that counted but left
the restorable copy behind (a stale 4D archive, an off-site copy that stopped) as failures."""

from __future__ import annotations

import pytest

from test_status import at, att, cfg

from tsbackup_gui.core.messages import Message
from tsbackup_gui.core.status.model import compute_status
from tsbackup_gui.core.status.state import SEVERITY, Status


@pytest.mark.parametrize("state, code", [
    ("ok", 0), ("running", 0), ("waiting", 1), ("warning", 1), ("overdue", 2), ("failed", 2), ("not-configured", 3),
])
def test_exit_codes_follow_the_monitoring_plugin_convention(state, code):
    assert Status(state, SEVERITY[state], Message("x", "x")).exit_code == code


@pytest.mark.parametrize("code", [
    "consistency.archive_not_ok", "offsite.host_key_changed", "offsite.no_repository", "offsite.wrong_password",
])
def test_a_run_that_counted_but_left_the_restorable_copy_behind_is_a_failure(code):
    """A server whose own 4D archive is stale, an off-site copy that stopped: red and CRITICAL, with the
    reason as the one sentence, though the run itself ended with warnings."""
    message = Message(code, f"The sentence of {code}.")
    attempts = [att("2026-11-30 18:30", "warning", 1, [message])]
    result = compute_status(cfg(), attempts, at("2026-11-30 20:00"))
    assert (result.state, result.exit_code) == ("failed", 2)
    assert result.message == message and result.reasons[0].code == code


def test_an_ordinary_warning_stays_a_warning():
    attempts = [att("2026-11-30 18:30", "warning", 1, [Message("offsite.unreachable", "Not reachable.")])]
    result = compute_status(cfg(), attempts, at("2026-11-30 20:00"))
    assert (result.state, result.exit_code) == ("warning", 1)
    assert result.message.id == "status.ok_with_warnings"
