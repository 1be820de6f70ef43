"""ssh asks tsbackup for the SSH key's passphrase: both entry points answer first when started as
``SSH_ASKPASS`` (``TSBACKUP_ASKPASS=1`` in their environment), see `core.offsite.askpass`. The check
is the cheap `askpass_mark`; the answer's machinery loads only when it is needed.

May import: `tsbackup_gui.core`.
"""

from __future__ import annotations

from typing import Mapping

from tsbackup_gui.core.offsite.askpass_mark import called_as_askpass

__all__ = ["answer", "called_as_askpass"]


def answer(env: Mapping[str, str], out) -> int:
    from tsbackup_gui.core.offsite.askpass import answer as give

    return give(env, out)
