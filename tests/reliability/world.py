"""One configured setup driven through the real `tsbackup` command, and the checks every scenario makes."""

from __future__ import annotations

import datetime
import hashlib
import json
import os
import stat
import subprocess
import sys
import shutil
import uuid
from pathlib import Path

COMPUTER = "Kanzlei-PC"
DATA = "timeSensor DataFiles"
FAKETIME = shutil.which("faketime") or "faketime"


class World:
    """A data folder, a backup drive and a TSBACKUP_HOME of their own, and the command to drive them."""

    def __init__(self, root: Path, *, computer: str = COMPUTER, as_user: int | None = None):
        self.root = Path(root)
        # every command runs as this (unprivileged) user, so that permissions are real
        self.prefix = [] if as_user is None else [
            "setpriv", f"--reuid={as_user}", f"--regid={as_user}", "--clear-groups"]
        self.home = self.root / "home"
        self.source = self.root / "Shared" / DATA
        self.drive = self.root / "drive"
        self.computer = computer
        #: The guard watches for program names of this world's own: a timeSensor LEGAL that runs
        #: elsewhere on the machine (a developer's, another test run's) never disturbs a scenario.
        #: The scenario about timeSensor starts a real program under `timesensor_name`.
        self.own_app = f"tsbackup reliability {uuid.uuid4().hex[:8]}"
        # (not "timeSensor LEGAL …": the guard counts a program whose 15+ character name begins a
        # wanted name as that name, so a real timeSensor LEGAL would match it)
        self.timesensor_name = f"tsb timeSensor {uuid.uuid4().hex[:8]}"
        env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "TSBACKUP_", "RESTIC_", "AWS_"))}
        env.update({
            "TSBACKUP_HOME": str(self.home),
            "PYTHON_KEYRING_BACKEND": "keyrings.alt.file.PlaintextKeyring",
            "XDG_DATA_HOME": str(self.root / "xdg-data"),
            "LANG": "C.UTF-8",
            "TZ": "Europe/Zurich",
        })
        self.env = env

    # -- the command ---------------------------------------------------------------

    def argv(self, *args) -> list[str]:
        return [sys.executable, "-m", "tsbackup_gui.cli", *map(str, args)]

    def environment(self, fault: str | None = None, env: dict | None = None) -> dict:
        full = dict(self.env)
        if fault:
            full["TSBACKUP_FAULT"] = fault
        if env:
            for key, value in env.items():
                if value is None:
                    full.pop(key, None)
                else:
                    full[key] = value
        return full

    def cli(self, *args, fault: str | None = None, env: dict | None = None, input: str | None = None,
            timeout: float = 120, prefix: list[str] | None = None) -> subprocess.CompletedProcess:
        return subprocess.run([*self.prefix, *(prefix or []), *self.argv(*args)], env=self.environment(fault, env), input=input,
                              capture_output=True, text=True, timeout=timeout,
                              stdin=None if input is not None else subprocess.DEVNULL)

    def start(self, *args, fault: str | None = None, env: dict | None = None) -> subprocess.Popen:
        return subprocess.Popen([*self.prefix, *self.argv(*args)], env=self.environment(fault, env), stdin=subprocess.DEVNULL,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    # -- building ------------------------------------------------------------------

    def populate(self) -> Path:
        """A few dozen files of the kinds a real data folder has (umlauts, nesting, empty ones, a link)."""
        src = self.source
        write(src / "timeSensor.4DD", os.urandom(120_000))
        write(src / "timeSensor.4DIndx", os.urandom(20_000))
        write(src / "timeSensor.journal", b"journal " * 200)
        write(src / "Settings" / "Backup.4DSettings", b"<Preferences4D/>")
        for index in range(24):
            write(src / "STUFF" / "Akten" / f"{index // 8}" / f"Akte {index:02d} Müller.pdf", os.urandom(800 + index))
        write(src / "Logs" / "Backup Journal[001].txt", b"2026-11-27\t02:00\tbackup\n")
        write(src / "leer.txt", b"")
        (src / "STUFF" / "BACKUP").mkdir(parents=True, exist_ok=True)
        (src / "Logs" / "latest").symlink_to("Backup Journal[001].txt")
        return src

    def setup(self, *extra, input: str | None = None, env: dict | None = None, populate: bool = True,
              process_names: list[str] | None = None) -> subprocess.CompletedProcess:
        if populate and not self.source.exists():
            self.populate()
        self.drive.mkdir(parents=True, exist_ok=True)
        if not extra:  # an off-site copy handled outside: no restic, and no "no off-site backup" warning
            extra = ("--secondary", "external:NAS-Sync der Kanzlei")
        result = self.cli("setup", "--source", self.source, "--primary", self.drive, "--computer", self.computer,
                          *extra, input=input, env=env)
        assert result.returncode == 0, result.stdout + result.stderr
        # the recovery sheet counts as printed and stored: its warning would hide every other state
        self.set_config(process_names=process_names or [self.own_app],
                        recovery_sheet_confirmed=datetime.date.today().isoformat())
        return result

    @property
    def config_file(self) -> Path:
        return self.home / "config" / "config.json"

    def config(self) -> dict:
        return json.loads(self.config_file.read_text(encoding="utf-8"))

    def set_config(self, **values) -> None:
        data = self.config()
        data.update(values)
        self.config_file.write_text(json.dumps(data, indent=2), encoding="utf-8")

    @property
    def folder(self) -> Path:
        return self.drive / "timeSensor Backups" / self.computer

    # -- the five checks -----------------------------------------------------------

    def snapshot(self, root: Path | None = None) -> dict:
        return tree_snapshot(root or self.source)

    def generations(self) -> list[dict]:
        listed = self.cli("generations", "--json")
        assert listed.returncode == 0, listed.stdout + listed.stderr
        return json.loads(listed.stdout)

    def status(self, prefix: list[str] | None = None) -> dict:
        """`tsbackup status --json` through the real command."""
        result = self.cli("status", "--json", prefix=prefix)
        assert result.returncode in (0, 1, 2), result.stdout + result.stderr
        return json.loads(result.stdout)

    def status_here(self) -> dict:
        """What `tsbackup status --json` prints, computed by the same core calls in this process
        (the kill trials ask after every kill; a process start each time would double their time)."""
        from tsbackup_gui.core.store import config as config_mod
        from tsbackup_gui.core.clock import Clock
        from tsbackup_gui.core.store.history import History
        from tsbackup_gui.core.status.model import compute_status
        from tsbackup_gui.core.status.facts import gather, load_attempts

        where = self.places()
        config = config_mod.require(where)
        attempts = load_attempts(History(where.history_db, lock_path=where.lock_file))
        result = compute_status(config, attempts, Clock().now(), gather(config, where))
        return result.to_json(lambda message: message.english())

    def places(self):
        from tsbackup_gui.core.places import Places

        return Places(self.home / "config", self.home / "state", self.home / "logs", self.home / "cache")

    def partials(self) -> list[str]:
        return sorted(p.name for p in self.folder.iterdir() if p.name.startswith(".partial-"))

    def assert_generations_match(self) -> list[dict]:
        """No partial is ever listed, and every listed generation is exactly what its manifest says."""
        rows = self.generations()
        for row in rows:
            assert not row["id"].startswith("."), row
            assert ".partial-" not in row["path"], row
            assert_matches_manifest(Path(row["path"]))
        return rows

    def run_ok(self, days_back: int = 0, prefix: list[str] | None = None) -> dict:
        """The next plain run: it cleans up what a fault left and succeeds.

        ``days_back``: run it with the clock that many days back (faketime), so that the next
        run's retention has an old generation to remove.
        """
        if days_back:
            prefix = [FAKETIME, "-f", f"-{days_back}d"]
        result = self.cli("run", "--json", prefix=prefix)
        assert result.returncode == 0, result.stdout + result.stderr
        summary = summary_of(result)
        assert (summary["outcome"], summary["exit_code"]) == ("ok", 0), summary
        assert self.partials() == []
        on_disk = sorted(p.name for p in self.folder.iterdir() if not p.name.startswith("."))
        for name in on_disk:
            assert_matches_manifest(self.folder / name)
        assert summary["generation"] in on_disk
        assert_same_data(self.source, self.folder / summary["generation"] / DATA)
        return summary


def in_the_slot(hour: int = 19) -> list[str]:
    """A faketime prefix that runs a command on the next working day at `hour`:00 in Zurich. At 19:00
    the daily slot (18:30) is half an hour due: a wait then is the status's news; at 12:00 a run is the
    good backup of that morning."""
    from zoneinfo import ZoneInfo

    zurich = ZoneInfo("Europe/Zurich")
    now = datetime.datetime.now(zurich)
    day = now.date() + datetime.timedelta(days=1)
    while day.weekday() >= 5:
        day += datetime.timedelta(days=1)
    moment = datetime.datetime.combine(day, datetime.time(hour, 0), zurich)
    return [FAKETIME, "-f", f"+{int((moment - now).total_seconds())}"]


# -- helpers ---------------------------------------------------------------------------


def write(path: Path, data: bytes = b"") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def summary_of(result) -> dict:
    events = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert events and events[-1]["event"] == "summary", result.stdout + result.stderr
    return events[-1]


def tree_snapshot(root: Path) -> dict:
    """Everything a backup must leave alone: kind, bytes or link target, mtime and mode of every entry."""
    found = {}
    root = Path(root)
    for folder, dirs, files in os.walk(root):
        for name in dirs + files:
            path = Path(folder) / name
            info = path.lstat()
            rel = path.relative_to(root).as_posix()
            if stat.S_ISLNK(info.st_mode):
                found[rel] = ("link", os.readlink(path))
            elif stat.S_ISDIR(info.st_mode):
                found[rel] = ("dir", info.st_mtime_ns, info.st_mode)
            else:
                try:
                    content = hashlib.sha256(path.read_bytes()).hexdigest()
                except PermissionError:
                    content = "unreadable"
                found[rel] = ("file", content, info.st_size, info.st_mtime_ns, info.st_mode)
    return found


def assert_matches_manifest(generation: Path) -> None:
    """Every entry of the manifest is on disk as described (hash, size, link), and nothing else is."""
    manifest = json.loads((generation / "tsbackup-manifest.json").read_text(encoding="utf-8"))
    assert manifest["generation"] == generation.name
    on_disk = {p.relative_to(generation).as_posix() for p in generation.rglob("*")} - {"tsbackup-manifest.json"}
    listed = set()
    for entry in manifest["entries"]:
        path = generation / entry["path"]
        if entry.get("skipped_reason") and entry["type"] == "file":
            assert not path.exists(), entry
            continue
        listed.add(entry["path"])
        if entry["type"] == "file":
            data = path.read_bytes()
            assert len(data) == entry["size"], entry["path"]
            assert hashlib.sha256(data).hexdigest() == entry["sha256"], entry["path"]
        elif entry["type"] == "dir":
            assert path.is_dir() and not path.is_symlink(), entry["path"]
        else:
            assert os.readlink(path) == entry["target"], entry["path"]
    assert on_disk == listed, sorted(on_disk ^ listed)[:5]


def assert_same_data(source: Path, copy: Path) -> None:
    """The copy holds the source's files (bytes), links and folders."""
    def view(root):
        return {rel: (entry[0], None if entry[0] == "dir" else entry[1]) for rel, entry in tree_snapshot(root).items()}
    assert view(copy) == view(source)


def script(path: Path, body: str) -> Path:
    """A shell script the fault hook runs at a checkpoint (``exec-at=WHEN:path``)."""
    path.write_text("#!/bin/sh\n" + body, encoding="utf-8")
    path.chmod(0o755)
    return path


def lines_of(result) -> list[str]:
    """What a person reads on stderr, line by line; never a traceback."""
    assert "Traceback" not in result.stderr, result.stderr
    return result.stderr.strip().splitlines()
