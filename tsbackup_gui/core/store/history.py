"""The journal of every attempt: one SQLite file under the state dir.

Every view (status, tray, `tsbackup status`, reports) reads this one log, as
Backrest's oplog does. An attempt is written twice: when it starts (so a run
killed half-way still leaves a trace) and when it ends. An attempt without an
end whose run lock is free was killed; it is read as failed/interrupted.

WAL mode and one short transaction per call keep the tray and a scheduled run
(two processes) from blocking each other for more than a moment.
"""

from __future__ import annotations

import json
import os
import sqlite3
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Iterator, Sequence

from tsbackup_gui.core.store import locks
from tsbackup_gui.core.errors import Exit, UserError
from tsbackup_gui.core.messages import QT_TRANSLATE_NOOP, Message, define
from tsbackup_gui.core.places import places

SCHEMA_VERSION = 1

OUTCOMES = ("ok", "warning", "failed", "skipped")
RUNNING = "running"

JOURNAL_FAILED = define(
    "history.failed",
    QT_TRANSLATE_NOOP("core", "The backup journal {path} cannot be used ({reason}). Check that the folder is writable and the disk is not full."),
)
INTERRUPTED = define(
    "history.interrupted",
    QT_TRANSLATE_NOOP("core", "The backup was interrupted before it finished (the program was stopped or the computer was switched off)."),
)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS attempts (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    kind        TEXT    NOT NULL,
    started     TEXT    NOT NULL,
    ended       TEXT,
    outcome     TEXT,
    exit_code   INTEGER,
    reason_code TEXT,
    reason      TEXT,
    files       INTEGER,
    bytes       INTEGER,
    generation  TEXT,
    details     TEXT,
    pid         INTEGER
);
CREATE INDEX IF NOT EXISTS attempts_kind_started ON attempts (kind, started);
"""


@dataclass(frozen=True)
class Attempt:
    """One recorded attempt. `outcome` is one of OUTCOMES, or "running" while it runs."""

    id: int
    kind: str
    started: datetime
    ended: datetime | None
    outcome: str
    exit_code: int | None
    reasons: list[Message] = field(default_factory=list)
    files: int | None = None
    bytes: int | None = None
    generation: str | None = None
    details: dict[str, Any] = field(default_factory=dict)

    @property
    def reason(self) -> Message | None:
        """The first (most important) reason, or None."""
        return self.reasons[0] if self.reasons else None

    @property
    def reason_code(self) -> str | None:
        return self.reasons[0].id if self.reasons else None

    @property
    def interrupted(self) -> bool:
        return self.reason_code == INTERRUPTED.id

    @property
    def succeeded(self) -> bool:
        return self.outcome in ("ok", "warning")


class History:
    """The attempts journal in one SQLite file.

    `lock_path` is the run lock whose state tells a killed attempt from a
    running one; it defaults to the state-dir lock of `places()`.
    """

    def __init__(self, path: Path | None = None, *, lock_path: Path | None = None):
        here = places()
        self.path = Path(path) if path is not None else here.history_db
        self.lock_path = Path(lock_path) if lock_path is not None else here.lock_file
        self._ready = False

    # -- writing ---------------------------------------------------------------------------

    def start(self, kind: str, started: datetime) -> int:
        """Records the start of an attempt; returns its id."""
        with self._write() as db:
            cursor = db.execute(
                "INSERT INTO attempts (kind, started, pid) VALUES (?, ?, ?)",
                (kind, _iso(started), os.getpid()),
            )
            return int(cursor.lastrowid)

    def finish(
        self,
        attempt_id: int,
        ended: datetime,
        outcome: str,
        exit_code: int,
        reasons: Sequence[Message] = (),
        files: int | None = None,
        bytes: int | None = None,  # noqa: A002 - the column's name
        generation: str | None = None,
        details: dict[str, Any] | None = None,
    ) -> None:
        """Records the end of an attempt, with every reason (the first one is the headline)."""
        if outcome not in OUTCOMES:
            raise ValueError(f"unknown outcome {outcome!r}")
        reasons = list(reasons)
        first = reasons[0] if reasons else None
        payload = dict(details or {})
        payload["reasons"] = [reason.to_json() for reason in reasons]
        with self._write() as db:
            db.execute(
                "UPDATE attempts SET ended=?, outcome=?, exit_code=?, reason_code=?, reason=?, files=?, bytes=?,"
                " generation=?, details=? WHERE id=?",
                (
                    _iso(ended), outcome, int(exit_code),
                    first.id if first else None,
                    json.dumps(first.to_json(), ensure_ascii=False) if first else None,
                    files, bytes, generation,
                    json.dumps(payload, ensure_ascii=False, default=str),
                    attempt_id,
                ),
            )

    def record(
        self,
        kind: str,
        started: datetime,
        ended: datetime,
        outcome: str,
        exit_code: int,
        reasons: Sequence[Message] = (),
        **values: Any,
    ) -> int:
        """Start and finish in one call: for attempts that end before they begin (a skip)."""
        attempt_id = self.start(kind, started)
        self.finish(attempt_id, ended, outcome, exit_code, reasons, **values)
        return attempt_id

    def close_interrupted(self, ended: datetime) -> int:
        """Marks every unfinished attempt as failed/interrupted; returns how many.

        Only the holder of the run lock may call this: then no other run is
        alive, and every open attempt belongs to a process that died.
        """
        reason = INTERRUPTED()
        payload = json.dumps({"reasons": [reason.to_json()]}, ensure_ascii=False)
        with self._write() as db:
            cursor = db.execute(
                "UPDATE attempts SET ended=?, outcome='failed', exit_code=?, reason_code=?, reason=?, details=?"
                " WHERE outcome IS NULL",
                (_iso(ended), None, reason.id, json.dumps(reason.to_json(), ensure_ascii=False), payload),
            )
            return cursor.rowcount

    # -- reading ---------------------------------------------------------------------------

    def attempts(self, limit: int | None = None, kind: str | None = None) -> list[Attempt]:
        """Attempts, newest first. An unfinished one reads as "running" while the run lock is
        held and as failed/interrupted once it is free."""
        if not self.path.exists():
            return []
        query = "SELECT * FROM attempts"
        args: list[Any] = []
        if kind is not None:
            query += " WHERE kind=?"
            args.append(kind)
        query += " ORDER BY id DESC"
        if limit is not None:
            query += " LIMIT ?"
            args.append(int(limit))
        with self._read() as db:
            rows = db.execute(query, args).fetchall()
        alive: bool | None = None
        result = []
        for row in rows:
            if row["outcome"] is None and alive is None:
                alive = not locks.is_free(self.lock_path)
            result.append(_attempt(row, alive))
        return result

    def last(self, kind: str = "backup") -> Attempt | None:
        found = self.attempts(limit=1, kind=kind)
        return found[0] if found else None

    def last_success(self, kind: str = "backup") -> Attempt | None:
        """The newest attempt that produced a backup (ok or warning)."""
        if not self.path.exists():
            return None
        with self._read() as db:
            row = db.execute(
                "SELECT * FROM attempts WHERE kind=? AND outcome IN ('ok', 'warning') ORDER BY id DESC LIMIT 1",
                (kind,),
            ).fetchone()
        return _attempt(row, False) if row is not None else None

    # -- plumbing --------------------------------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(self.path, timeout=10.0, isolation_level=None)
        db.row_factory = sqlite3.Row
        db.execute("PRAGMA busy_timeout=10000")
        if not self._ready:
            db.execute("PRAGMA journal_mode=WAL")
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version < SCHEMA_VERSION:
                db.execute("BEGIN IMMEDIATE")
                for statement in filter(str.strip, _SCHEMA.split(";")):
                    db.execute(statement)
                db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
                db.execute("COMMIT")
            self._ready = True
        db.execute("PRAGMA synchronous=NORMAL")
        return db

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        with self._errors(), closing(self._connect()) as db:
            db.execute("BEGIN IMMEDIATE")
            try:
                yield db
            except BaseException:
                db.execute("ROLLBACK")
                raise
            db.execute("COMMIT")

    @contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        with self._errors(), closing(self._connect()) as db:
            yield db

    @contextmanager
    def _errors(self) -> Iterator[None]:
        """A journal that cannot be opened or written is one sentence, not a traceback."""
        try:
            yield
        except (sqlite3.Error, OSError) as exc:
            reason = getattr(exc, "strerror", None) or str(exc)
            raise UserError(JOURNAL_FAILED(path=str(self.path), reason=reason), Exit.USAGE) from None


def _iso(moment: datetime) -> str:
    if moment.tzinfo is None:
        raise ValueError("history needs aware datetimes")
    return moment.isoformat(timespec="seconds")


def _attempt(row: sqlite3.Row, alive: bool | None) -> Attempt:
    details = json.loads(row["details"]) if row["details"] else {}
    reasons = [Message.from_json(item) for item in details.pop("reasons", [])]
    if not reasons and row["reason"]:
        reasons = [Message.from_json(json.loads(row["reason"]))]
    outcome = row["outcome"]
    ended = datetime.fromisoformat(row["ended"]) if row["ended"] else None
    if outcome is None:
        if alive:
            outcome = RUNNING
        else:
            outcome = "failed"
            reasons = [INTERRUPTED()]
    return Attempt(
        id=int(row["id"]),
        kind=row["kind"],
        started=datetime.fromisoformat(row["started"]),
        ended=ended,
        outcome=outcome,
        exit_code=row["exit_code"],
        reasons=reasons,
        files=row["files"],
        bytes=row["bytes"],
        generation=row["generation"],
        details=details,
    )
