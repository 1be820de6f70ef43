"""Helpers for the monthly-check and drill tests (this module holds no tests itself)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import unicodedata
import xml.etree.ElementTree as ET
from datetime import datetime, timedelta, timezone
from pathlib import Path

from test_restic_support import COMPUTER, PASSWORD, SAMPLE, new_repo, write_source

from tsbackup_gui.core.store import config as config_mod
from tsbackup_gui.core.store.config import Config
from tsbackup_gui.core.primary.target import Target
from tsbackup_gui.core.primary.copier import make_generation
from tsbackup_gui.core.primary.generations import Generation
from tsbackup_gui.core.restic.driver import Restic
from tsbackup_gui.core.offsite.upload import backup_generation, setup_tag
from tsbackup_gui.core.setup.configure import SetupOptions, configure

DATA = "timeSensor DataFiles"
ZURICH = timezone(timedelta(hours=1))
#: A Monday in March: the monthly check reads part 3/12 of the off-site data.
NOW = datetime(2026, 3, 2, 18, 30, tzinfo=ZURICH)
REPO_ROOT = Path(__file__).resolve().parents[1]
TRANSLATIONS = REPO_ROOT / "resources" / "translations"


def set_up(tmp_path: Path, *, secondary: dict | None = None, sheet_confirmed: bool = True) -> tuple[Config, Path]:
    """A configured setup (in-process) with the SAMPLE data folder; returns (config, source)."""
    source = write_source(tmp_path / DATA, SAMPLE)
    drive = tmp_path / "drive"
    drive.mkdir()
    config = configure(SetupOptions(str(source), str(drive), computer=COMPUTER)).config
    config.secondary = secondary
    config.recovery_sheet_confirmed = "2026-01-05" if sheet_confirmed else None
    config_mod.save(config)
    return config, source


def target_of(config: Config) -> Target:
    return Target(Path(config.primary), config.computer)


def new_generation(config: Config, now: datetime = NOW, **kwargs) -> Generation:
    return make_generation(Path(config.source), target_of(config), setup_id=config.setup_id, computer=config.computer,
                           now=now, **kwargs).generation


def with_repo(tmp_path: Path, config: Config, generation: Generation | None, when: datetime = NOW) -> Path:
    """A folder repository for this setup with one snapshot of `generation` taken at `when`."""
    repo = new_repo(tmp_path / "offsite-repo")
    config.secondary = {"kind": "folder", "repo": str(repo)}
    config_mod.save(config)
    if generation is not None:
        backup_generation(Restic(str(repo), PASSWORD), generation, host=config.computer,
                          setup_tag=setup_tag(config.setup_id), snapshot_time=when)
    return repo


def store_password_for_cli(cli_env: dict, setup_id: str, password: str = PASSWORD) -> None:
    """Puts the password into the keyring the child processes use (keyrings.alt in tmp)."""
    subprocess.run([sys.executable, "-c", "import sys; from tsbackup_gui.core.store.secrets import SecretStore; "
                    "SecretStore(sys.argv[1]).set('repo-password', sys.stdin.read())", setup_id],
                   input=password, text=True, env=cli_env, check=True)


def writable(path: Path):
    """Context for changing a read-only generation file or folder; puts the mode back afterwards."""

    class _Writable:
        def __enter__(self):
            self.mode = path.stat().st_mode & 0o777
            path.chmod(self.mode | 0o200)
            return path

        def __exit__(self, *exc):
            path.chmod(self.mode)

    return _Writable()


def flip_byte_keeping_size_and_time(path: Path, offset: int = 10) -> None:
    """Silent damage: one byte differs, size and mtime are as the manifest says."""
    st = path.stat()
    with writable(path):
        data = bytearray(path.read_bytes())
        data[offset] ^= 0xFF
        path.write_bytes(bytes(data))
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))


def delete_from_generation(path: Path) -> None:
    with writable(path.parent):
        path.unlink()


def pdf_text(path: Path) -> str:
    """The PDF's text in drawing order with whitespace folded to single spaces (pdftotext from
    poppler-utils); a path wrapped after a slash in a table cell is joined again."""
    done = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True)
    return re.sub(r"/ (?=\S)", "/", " ".join(unicodedata.normalize("NFKC", done.stdout).split()))


def german_translator(tmp_path: Path):
    """A German `Translator` that already knows this feature's sentences.

    Until the lead merges ``pending_de_*.json`` into the .ts and rebuilds the
    .qm, the shipped translation lacks them; then this builds one from the
    shipped .ts plus the pending files. Once merged, the shipped one is used.
    """
    from PySide6.QtCore import QTranslator

    from tsbackup_gui.render.drill_report import T_TITLE
    from tsbackup_gui.render.translate import Translator

    shipped = Translator("de")
    if shipped.text("DrillReport", T_TITLE) != T_TITLE:
        return shipped
    import json

    pending: dict[str, str] = {}
    for path in sorted(TRANSLATIONS.glob("pending_de_*.json")):
        pending.update(json.loads(path.read_text(encoding="utf-8")))
    tree = ET.parse(TRANSLATIONS / "tsbackup_de.ts")
    root = tree.getroot()
    for name in ("core", "DrillReport"):
        context = next((c for c in root.iter("context") if c.findtext("name") == name), None)
        if context is None:
            context = ET.SubElement(root, "context")
            ET.SubElement(context, "name").text = name
        known = {m.findtext("source") for m in context.iter("message")}
        for english, german in pending.items():
            if english in known:
                continue
            message = ET.SubElement(context, "message")
            ET.SubElement(message, "source").text = english
            ET.SubElement(message, "translation").text = german
    ts = tmp_path / "tsbackup_de.ts"
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    qm = tmp_path / "tsbackup_de.qm"
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    subprocess.run([str(lrelease if lrelease.exists() else shutil.which("pyside6-lrelease")), "-silent", str(ts),
                    "-qm", str(qm)], check=True)
    qt = QTranslator()
    assert qt.load(str(qm))
    translator = Translator("en")
    translator.language, translator._qt = "de", qt  # the shipped .qm plus this feature's pending sentences
    return translator
