"""Whether this process was started by ssh as its askpass program: checked by both entry points before
anything else, so it imports nothing (a plain `tsbackup status` must not pay for the askpass machinery).

May import: nothing.
"""

from __future__ import annotations

from typing import Mapping

MARK = "TSBACKUP_ASKPASS"  # "1" in the environment ssh hands to its askpass program


def called_as_askpass(env: Mapping[str, str]) -> bool:
    return env.get(MARK) == "1"
