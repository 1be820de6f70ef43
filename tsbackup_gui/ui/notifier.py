"""Shows the notifications that `core.notify_rules` decided on, in the user's language.

Balloons replace each other on most desktops, so one batch shows its most
serious notice; the rest are in the menu and the status window anyway.
A reminder or wait that is over is withdrawn: it is no longer repeated, and
if it is still the last thing shown it is forgotten (Qt cannot take a
shown balloon back).
"""

from __future__ import annotations

import logging
from typing import Callable, Sequence

from tsbackup_gui.core.status.notify_rules import CRITICAL, INFORMATION, WARNING, Notice

log = logging.getLogger(__name__)

_RANK = {CRITICAL: 0, WARNING: 1, INFORMATION: 2}

Show = Callable[[str, str, str], None]  # (title, text, level)


class Notifier:
    def __init__(self, translate, show: Show | None = None):
        self.translate = translate
        self._show = show
        self.shown: list[tuple[str, str, str, str]] = []  # (key, title, text, level), newest last
        self.current: str | None = None

    def set_show(self, show: Show | None) -> None:
        self._show = show

    def notify(self, notices: Sequence[Notice]) -> None:
        if not notices:
            return
        notice = sorted(notices, key=lambda n: _RANK.get(n.level, 3))[0]
        title = self.translate(notice.title)
        text = "\n".join(self.translate(line) for line in notice.lines)
        self.shown.append((notice.key, title, text, notice.level))
        self.current = notice.key
        for other in notices:
            if other is not notice:
                log.info("notification not shown (a more serious one was): %s", other.key)
        if self._show is not None:
            self._show(title, text, notice.level)

    def withdraw(self, keys: Sequence[str]) -> None:
        if self.current in keys:
            self.current = None
