"""ssh asks tsbackup for the SSH key's passphrase: both entry points answer first when started as
``SSH_ASKPASS`` (``TSBACKUP_ASKPASS=1`` in their environment), see `core.offsite.askpass`.

May import: `tsbackup_gui.core`.
"""

from __future__ import annotations

from tsbackup_gui.core.offsite.askpass import answer, called_as_askpass

__all__ = ["answer", "called_as_askpass"]
