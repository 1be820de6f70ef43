"""Put a restored `timeSensor DataFiles` back in place of the live one, without ever losing either.

Only while timeSensor LEGAL is closed and no backup runs: the state-dir run
lock is held throughout (a backup must not copy a half-swapped folder, and
none starts meanwhile), and the guard's process scan (names and open files)
must find nobody — once before anything happens and again right before the
renames. On another file system the restored folder is first copied into a
hidden folder next to the live one and compared file by file, while the live
folder stays untouched (a power cut during a long copy leaves it in place).
Only then come two quick renames: the live folder aside, beside itself, to
``timeSensor DataFiles (before restore YYYY-MM-DD HHMM)`` (``… 2`` and on
when that exists; never deleted), and the restored (or copied) folder in.
When the second rename fails the first is undone, so the live data is either
the old folder or the checked restored one. A copied restore stays where it
was (a person may delete it later).
"""

from __future__ import annotations

import errno
import hashlib
import logging
import os
import shutil
import stat
import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path, PurePosixPath
from typing import Any, Callable

from tsbackup_gui.core.store import locks
from tsbackup_gui.core.errors import Exit, UserError
from tsbackup_gui.core.messages import QT_TRANSLATE_NOOP, Message, define
from tsbackup_gui.core.restore.verify import DATA_DIR

log = logging.getLogger(__name__)

INCOMING_PREFIX = ".tsbackup-incoming-"

SWAP_BUSY = define(
    "swap.busy",
    QT_TRANSLATE_NOOP("core", "Close timeSensor LEGAL first: {program} (process {pid}) is still using the data. Nothing was moved."),
)
SWAP_NO_RESTORED = define(
    "swap.no_restored",
    QT_TRANSLATE_NOOP("core", "{path} holds no restored 'timeSensor DataFiles' folder. Restore a backup first; nothing was moved."),
)
SWAP_EMPTY_RESTORED = define(
    "swap.empty_restored",
    QT_TRANSLATE_NOOP("core", "The restored folder {path} is empty. Restore a backup first; nothing was moved."),
)
SWAP_NESTED = define(
    "swap.nested",
    QT_TRANSLATE_NOOP("core", "The restored folder {restored} lies inside the data folder {live} (or the other way round). "
                              "Restore into a folder elsewhere; nothing was moved."),
)
SWAP_NO_PLACE = define(
    "swap.no_place",
    QT_TRANSLATE_NOOP("core", "The folder {folder} where the data belongs does not exist. Connect its disk; nothing was moved."),
)
SWAP_ASIDE_FAILED = define(
    "swap.aside_failed",
    QT_TRANSLATE_NOOP("core", "The current data folder {live} could not be renamed ({reason}). Nothing was moved."),
)
SWAP_MOVE_FAILED = define(
    "swap.move_failed",
    QT_TRANSLATE_NOOP("core", "The restored data could not be moved into place ({reason}). The previous data is back in "
                              "{live}; nothing was lost."),
)
SWAP_COPY_MISMATCH = define(
    "swap.copy_mismatch",
    QT_TRANSLATE_NOOP("core", "The copy of the restored data differs at {path}. The previous data is back in {live}; "
                              "nothing was lost."),
)
SWAP_ROLLBACK_FAILED = define(
    "swap.rollback_failed",
    QT_TRANSLATE_NOOP("core", "The restored data could not be moved into place ({reason}), and the previous data could not be "
                              "renamed back. It is safe in {aside}; rename that folder to {name} by hand."),
)
SWAP_DONE = define(
    "swap.done",
    QT_TRANSLATE_NOOP("core", "The restored data is now in place in {live}. The previous data was kept as {aside}."),
)
SWAP_DONE_NEW = define(
    "swap.done_new",
    QT_TRANSLATE_NOOP("core", "The restored data is now in place in {live}."),
)
QUESTION = define(
    "swap.question",
    QT_TRANSLATE_NOOP("core", "Put the backup of {backup}, restored in {restored}, in place of the current data in {live}? "
                              "Close timeSensor LEGAL first. The current data is kept (not deleted) and renamed to "
                              "{aside}."),
)
SWAP_COPIED = define(
    "swap.copied",
    QT_TRANSLATE_NOOP("core", "It was copied from another disk and checked; the restored copy in {restored} is no longer "
                              "needed."),
)


@dataclass(frozen=True)
class SwapResult:
    live: Path
    aside: Path | None  # where the previous data now is (None: there was none)
    copied: bool  # across file systems: the restored folder was copied, not moved
    restored: Path

    def messages(self) -> list[Message]:
        first = SWAP_DONE(live=str(self.live), aside=str(self.aside)) if self.aside else SWAP_DONE_NEW(live=str(self.live))
        return [first, SWAP_COPIED(restored=str(self.restored))] if self.copied else [first]

    def to_json(self) -> dict[str, Any]:
        return {"live": str(self.live), "aside": str(self.aside) if self.aside else None, "copied": self.copied,
                "restored": str(self.restored)}


def question(restored: Path, live: Path, backup: str, now: datetime) -> Message:
    """What "Put this back in place" asks: which backup goes in (its date), from which folder, and
    where the live data goes (the name `put_back` gives it when it runs with the same ``now``)."""
    live = Path(live).absolute()
    return QUESTION(backup=backup, restored=str(restored_data(Path(restored).absolute())), live=str(live),
                    aside=aside_name(live, now).name)


def restored_data(restored: Path) -> Path:
    """The restored `timeSensor DataFiles` inside a restore folder (whether it is usable: `put_back`)."""
    return Path(restored) / DATA_DIR


def aside_name(live: Path, now: datetime) -> Path:
    """``<live> (before restore YYYY-MM-DD HHMM)`` beside it; `` 2``, `` 3`` … when taken."""
    base = f"{live.name} (before restore {now:%Y-%m-%d %H%M})"
    candidate, n = live.with_name(base), 2
    while os.path.lexists(candidate):
        candidate = live.with_name(f"{base} {n}")
        n += 1
    return candidate


Copy = Callable[[Path, Path], object]


def _copytree(src: Path, dst: Path) -> None:
    shutil.copytree(src, dst, symlinks=True)


class _CrossDevice(Exception):
    """A rename said EXDEV although both folders looked like one file system (a bind mount)."""


def put_back(restored: Path, live: Path, *, guard, now: datetime, lock_path: Path | None = None,
             copy: Copy | None = None) -> SwapResult:
    """Moves the restored data into ``live``'s place, keeping the old folder beside it.

    ``guard`` has ``scan() -> list[Blocker]`` (`SingleUserGuard` of ``live``): anyone found means
    exit 3 and nothing moved. A running backup (the state-dir lock at ``lock_path``, default this
    user's) means exit 6. ``copy(src, dst)`` copies a tree across file systems (tests inject one).
    Other refusals and failures are `UserError`s saying what stayed where.
    """
    live = Path(live).absolute()
    data = restored_data(Path(restored).absolute())
    if not data.is_dir() or data.is_symlink():
        raise UserError(SWAP_NO_RESTORED(path=str(restored)), Exit.USAGE)
    if not _has_entries(data):
        raise UserError(SWAP_EMPTY_RESTORED(path=str(data)), Exit.USAGE)
    if is_inside(data, live) or is_inside(live, data):
        raise UserError(SWAP_NESTED(restored=str(data), live=str(live)), Exit.USAGE)
    if not live.parent.is_dir():
        raise UserError(SWAP_NO_PLACE(folder=str(live.parent)), Exit.USAGE)
    if lock_path is None:
        from tsbackup_gui.core.places import places

        lock_path = places().lock_file
    with locks.state_lock(lock_path):
        _refuse_if_busy(guard)
        if _same_device(data, live.parent):
            try:
                aside = _swap_in(data, live, now=now, guard=None)
            except _CrossDevice:
                pass
            else:
                log.info("put back: restored data from %s is in place in %s (renamed)", data, live)
                return SwapResult(live, aside, False, data)
        incoming = _copy_in(data, live, copy or _copytree)
        try:
            aside = _swap_in(incoming, live, now=now, guard=guard)
        finally:
            if os.path.lexists(incoming):
                shutil.rmtree(incoming, ignore_errors=True)
    log.info("put back: restored data from %s is in place in %s (copied)", data, live)
    return SwapResult(live, aside, True, data)


def _refuse_if_busy(guard) -> None:
    blockers = guard.scan()
    if blockers:
        first = blockers[0]
        raise UserError(SWAP_BUSY(program=first.name, pid=first.pid), Exit.SOURCE_BUSY)


def _copy_in(data: Path, live: Path, copy: Copy) -> Path:
    """A checked copy of ``data`` in a hidden folder beside ``live``; ``live`` is not touched.
    On any failure the hidden folder is removed again."""
    incoming = live.with_name(INCOMING_PREFIX + live.name)
    if os.path.lexists(incoming):
        shutil.rmtree(incoming)
    try:
        copy(data, incoming)
        different = first_difference(data, incoming)
        if different is not None:
            raise UserError(SWAP_COPY_MISMATCH(path=different, live=str(live)), Exit.VERIFY_FAILED)
    except OSError as exc:
        shutil.rmtree(incoming, ignore_errors=True)
        raise UserError(SWAP_MOVE_FAILED(live=str(live), reason=_why(exc)), Exit.USAGE) from None
    except BaseException:
        shutil.rmtree(incoming, ignore_errors=True)
        raise
    return incoming


def _swap_in(source: Path, live: Path, *, now: datetime, guard) -> Path | None:
    """The two quick renames: ``live`` aside (when it exists), ``source`` in; the first undone when
    the second fails. ``guard``: one more look for timeSensor right before (after a copy); None: the
    look just happened, and an EXDEV rename raises `_CrossDevice`. Returns the aside folder."""
    if guard is not None:
        _refuse_if_busy(guard)
    aside = None
    if os.path.lexists(live):
        aside = aside_name(live, now)
        try:
            os.rename(live, aside)
        except OSError as exc:
            raise UserError(SWAP_ASIDE_FAILED(live=str(live), reason=_why(exc)), Exit.USAGE) from None
        log.info("put back: %s renamed aside to %s", live, aside)
    try:
        os.rename(source, live)
    except OSError as exc:
        error = UserError(SWAP_MOVE_FAILED(live=str(live), reason=_why(exc)), Exit.USAGE)
        _roll_back(live, aside, error)
        rolled_back = aside is None or not os.path.lexists(aside)
        if guard is None and exc.errno == errno.EXDEV and rolled_back:
            raise _CrossDevice() from None  # everything as before: the copy route takes over
        raise error from None
    return aside


def _roll_back(live: Path, aside: Path | None, error: UserError) -> None:
    """After a failed move: the old folder returns to its name. Nothing is deleted to make room: if
    something took the name meanwhile, the old folder stays aside and the sentence says where."""
    if aside is None:
        return
    try:
        if os.path.lexists(live):
            raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(live))
        os.rename(aside, live)
    except OSError as exc:
        log.error("put back: could not rename %s back to %s: %s", aside, live, exc)
        reason = error.message.params.get("reason") or error.message.english()
        error.message = SWAP_ROLLBACK_FAILED(reason=reason, aside=str(aside), name=live.name)


def first_difference(left: Path, right: Path) -> str | None:
    """The first relative path where two trees differ (kind, size, bytes, link target), or None."""
    def listing(root: Path) -> dict[str, os.stat_result]:
        found = {}
        for folder, dirnames, filenames in os.walk(root):
            for name in [*dirnames, *filenames]:
                full = os.path.join(folder, name)
                found[os.path.relpath(full, root).replace(os.sep, "/")] = os.lstat(full)
        return found

    a, b = listing(left), listing(right)
    for rel in sorted(set(a) | set(b)):
        if rel not in a or rel not in b:
            return rel
        sa, sb = a[rel], b[rel]
        if stat.S_IFMT(sa.st_mode) != stat.S_IFMT(sb.st_mode):
            return rel
        path_a, path_b = os.path.join(left, rel), os.path.join(right, rel)
        if stat.S_ISLNK(sa.st_mode):
            if os.readlink(path_a) != os.readlink(path_b):
                return rel
        elif stat.S_ISREG(sa.st_mode):
            if sa.st_size != sb.st_size or _sha(path_a) != _sha(path_b):
                return rel
    return None


def _sha(path: str) -> str:
    with open(path, "rb", buffering=0) as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def is_inside(inner: Path, outer: Path) -> bool:
    """Whether ``inner`` is ``outer`` or below it, after links are resolved (case-blind on macOS/Windows)."""
    a, b = _comparable(inner), _comparable(outer)
    return a == b or b in a.parents


def _comparable(path: Path) -> Path:
    resolved = Path(path).resolve()
    if os.name == "nt" or sys.platform == "darwin":
        return PurePosixPath(resolved.as_posix().casefold())
    return PurePosixPath(resolved.as_posix())


def _has_entries(folder: Path) -> bool:
    try:
        with os.scandir(folder) as listing:
            return next(listing, None) is not None
    except OSError:
        return False


def _same_device(a: Path, b: Path) -> bool:
    try:
        return os.stat(a).st_dev == os.stat(b).st_dev
    except OSError:
        return False


def _why(exc: OSError) -> str:
    return exc.strerror or str(exc)
