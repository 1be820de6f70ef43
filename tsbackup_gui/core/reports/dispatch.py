"""Reports to the firm's IT partner: when to ping the monitor and when to send an e-mail.

A red icon on one office PC is a failure nobody sees; these reports carry
it to the IT partner's own screen the same day. The rules:

- a run starts: ``GET URL/start``; it ends ok or with warnings: ``POST URL``
  with the status sentence; it fails: ``POST URL/fail`` and one failure mail;
- a failure the run itself did not report (a scheduled wait for the drive,
  a process that died) is reported by the next due-check, once per attempt;
- overdue: a fail ping and a mail, each at most once per calendar day;
- a summary mail once a month (from the second month on);
- a ping or mail that could not be sent is remembered and retried at a
  later due-check (not more often than every few minutes), and the last
  problem is kept for the status window (a warning at most, never red).

The decisions (`decide_run_end`, `decide_due`) are pure; the small memory
lives in ``reports.json`` in the state dir, written atomically, and a file
lock makes the tray and the OS task decide one at a time, so nothing is
sent twice. Nothing here ever raises into a backup; secrets never reach the
memory or the log.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import datetime
from typing import Callable, Sequence

from tsbackup_gui.core.reports import ping as report_ping
from tsbackup_gui.core.store.config import Config
from tsbackup_gui.core.store.history import RUNNING, Attempt
from tsbackup_gui.core.messages import Message
from tsbackup_gui.core.places import Places, places
from tsbackup_gui.core.schedule.zone import to_utc
from tsbackup_gui.core.reports.memory import MEMORY_FILE, load, save, still_current, take_lock
from tsbackup_gui.core.reports.send import Budget, send_all, settle
from tsbackup_gui.core.reports.settings import configured
from tsbackup_gui.core.reports.send import retry as retry_pending
from tsbackup_gui.core.reports.decide import Memory, decide_due, decide_run_end

log = logging.getLogger(__name__)

START_TIMEOUT_S = 3.0  # the start ping runs under the run lock: short


Translate = Callable[[Message], str]
TranslatorFactory = Callable[[str | None], Translate]

_translator_factory: TranslatorFactory | None = None


def use_translator(factory: TranslatorFactory | None) -> None:
    """The CLI and the tray hand in their translator (core has none of its own: no Qt here);
    ``factory(config.language)`` gives the sentences of the configured language."""
    global _translator_factory
    _translator_factory = factory


def _translate_for(config: Config, translate: Translate | None) -> Translate:
    if translate is not None:
        return translate
    if _translator_factory is not None:
        try:
            return _translator_factory(config.language)
        except Exception:  # a translator that cannot load: English is better than no report
            log.warning("report translator failed; sending in English", exc_info=True)
    return lambda message: message.english()


# -- doing it (I/O) --------------------------------------------------------------------------


def on_run_start(config: Config, *, where: Places | None = None, now: datetime | None = None) -> None:
    """The start ping; one try, nothing remembered (a late "start" would mean nothing). Never raises."""
    try:
        url, _ = configured(config)
        if url:
            report_ping.ping(url, report_ping.START, timeout=START_TIMEOUT_S)
    except Exception:
        log.exception("start ping failed unexpectedly")


def on_run_end(config: Config, result, status, *, where: Places | None = None, now: datetime,
               attempts: Sequence[Attempt] | None = None, translate: Translate | None = None,
               attempt_id: int | None = None) -> None:
    """After a run (``result`` a `jobs.RunResult`, ``status`` the status after it; ``attempt_id`` the
    history row the run wrote, else the newest backup attempt is taken). Never raises."""
    try:
        url, settings = configured(config)
        if not url and settings is None:
            return
        here = where or places()
        if attempts is None:
            attempts = _attempts(here)
        backups = sorted((a for a in attempts if a.kind == "backup" and a.outcome != RUNNING),
                         key=lambda a: to_utc(a.started), reverse=True)
        if attempt_id is not None:
            mine = next((a for a in backups if a.id == attempt_id), None)
        else:
            mine = backups[0] if backups and backups[0].outcome == result.outcome else None
            attempt_id = mine.id if mine is not None else None
        started = mine.started if mine is not None else None

        def decide(memory: Memory):
            return decide_run_end(result.outcome, attempt_id, memory, ping=bool(url), mail=settings is not None,
                                  reasons=list(result.reasons), started=started,
                                  state=getattr(status, "state", None), now=now)

        _with_memory(config, here, now, status, attempts, decide, translate)
    except Exception:
        log.exception("reports after the run failed unexpectedly")


def due_check(config: Config | None, status, *, where: Places | None = None, now: datetime,
              attempts: Sequence[Attempt] | None = None, translate: Translate | None = None) -> None:
    """At every due-check (tray tick, ``run --scheduled``): what is due to report, and retries. Never raises."""
    try:
        url, settings = configured(config)
        if config is None or (not url and settings is None):
            return
        here = where or places()
        if attempts is None:
            attempts = _attempts(here)

        def decide(memory: Memory):
            return decide_due(status, attempts, now, memory, ping=bool(url), mail=settings is not None)

        _with_memory(config, here, now, status, attempts, decide, translate, retry=True)
    except Exception:
        log.exception("report due-check failed unexpectedly")


def after_run(config: Config, result, *, where: Places | None, now: datetime, attempt_id: int | None = None) -> None:
    """`on_run_end` with the status computed from the journal just written (the run lock is still ours,
    so the status is not "running"). Called by `jobs.run_backup` with the attempt it wrote; never raises."""
    try:
        url, settings = configured(config)
        if not url and settings is None:
            return
        from tsbackup_gui.core.status.model import compute_status
        from tsbackup_gui.core.status.state import StatusFacts
        from tsbackup_gui.core.status.facts import same_disk

        here = where or places()
        attempts = _attempts(here)
        status = compute_status(config, attempts, now, StatusFacts(same_disk=same_disk(config)))
        on_run_end(config, result, status, where=here, now=now, attempts=attempts, attempt_id=attempt_id)
    except Exception:
        log.exception("reports after the run failed unexpectedly")


def send_note(config: Config, subject: Message, body: Sequence[Message], *, translate: Translate | None = None,
              where: Places | None = None) -> None:
    """A short note to both channels (a success ping with the text, one plain mail), e.g. "paused
    until …"; one try each within the pass budget, nothing remembered. Never raises."""
    try:
        from tsbackup_gui import __version__
        from tsbackup_gui.core.reports.mail import LINE_COMPUTER, LINE_VERSION, Mail
        from tsbackup_gui.core.reports.send import ping_once, send_mail

        url, settings = configured(config)
        if not url and settings is None:
            return
        say = _translate_for(config, translate)
        budget = Budget()
        if url:
            ping_once(url, report_ping.SUCCESS, "\n".join(say(m) for m in body), budget)
        if settings is not None:
            lines = (*body, None, LINE_COMPUTER(computer=config.computer), LINE_VERSION(version=__version__))
            title, text = Mail("note", subject, tuple(lines)).render(say)
            send_mail(config, settings, title, text, budget)
    except Exception:
        log.exception("reports: a note could not be sent")


# -- the machinery ---------------------------------------------------------------------------


def _attempts(where: Places) -> list[Attempt]:
    from tsbackup_gui.core.store.history import History
    from tsbackup_gui.core.status.facts import load_attempts

    return load_attempts(History(where.history_db, lock_path=where.lock_file))


def _with_memory(config: Config, where: Places, now: datetime, status, attempts, decide, translate,
                 retry: bool = False) -> None:
    """Under the reports lock: read the memory, decide, send, remember. A lock held too long: skip.
    The network part stays within one pass budget (`reports_send.PASS_BUDGET_S`)."""
    lock = take_lock(where)
    if lock is None:
        return
    try:
        path = where.state_dir / MEMORY_FILE
        before = load(path)
        memory = before
        if memory.setup_id is not None and memory.setup_id != config.setup_id:
            memory = Memory()  # another setup's memory (a forgotten one): nothing of it applies here
        memory = replace(memory, setup_id=config.setup_id,
                         problems={k: v for k, v in memory.problems.items() if still_current(v, config, k)})
        budget = Budget()
        if retry:
            memory = retry_pending(config, memory, now, budget)
        sends, memory = decide(memory)
        if sends:
            memory = send_all(config, sends, memory, status, attempts, now, _translate_for(config, translate),
                              budget)
        memory = settle(memory)
        if memory != before:
            save(path, memory)
    finally:
        lock.release()
