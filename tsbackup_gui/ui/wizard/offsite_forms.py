"""The detail forms of the off-site page: cloud storage (S3) and the IT partner's computer
(SFTP with a generated key, or a network folder). Each turns its fields into setup's
``--secondary`` text; none of them touches the disk or the network itself."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QButtonGroup, QComboBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QRadioButton,
    QSpinBox, QVBoxLayout, QWidget,
)

from tsbackup_gui.render.translate import resources_dir

CUSTOM = "custom"


def load_presets(path: Path | None = None) -> list[dict[str, str]]:
    """Provider presets from `resources/s3_presets.json` (a list, or {"presets": [...]}); [] when absent.

    Each preset needs a name and an endpoint; other keys are ignored.
    """
    path = path or resources_dir() / "s3_presets.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    if isinstance(data, dict):
        data = data.get("presets", data.get("providers", []))
    presets = []
    for item in data if isinstance(data, list) else []:
        if not isinstance(item, dict):
            continue
        name = item.get("name") or item.get("label") or item.get("id")
        endpoint = item.get("endpoint") or item.get("url") or item.get("host")
        if name and endpoint:
            presets.append({"name": str(name), "endpoint": str(endpoint), "id": str(item.get("id") or name),
                            "note": str(item.get("note") or "")})
    return presets


def s3_target(endpoint: str, bucket: str, prefix: str = "") -> str:
    """restic's ``s3:https://endpoint/bucket/prefix``."""
    endpoint = endpoint.strip().rstrip("/")
    if "://" not in endpoint:
        endpoint = "https://" + endpoint
    parts = [endpoint, bucket.strip().strip("/")]
    if prefix.strip().strip("/"):
        parts.append(prefix.strip().strip("/"))
    return "s3:" + "/".join(parts)


def sftp_target(user: str, host: str, port: int, path: str) -> str:
    """``sftp://user@host:port//absolute/path`` (the double slash keeps the path absolute)."""
    path = path.strip()
    if not path.startswith("/"):
        path = "/" + path
    return f"sftp://{user.strip()}@{host.strip()}:{int(port)}/{path}"


class CloudForm(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None, presets: list[dict[str, str]] | None = None):
        super().__init__(parent)
        self.presets = load_presets() if presets is None else presets
        form = QFormLayout(self)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.provider = QComboBox(self)
        self.provider.setAccessibleName(self.tr("Storage provider"))
        for preset in self.presets:
            self.provider.addItem(preset["name"], preset["id"])
        self.provider.addItem(self.tr("Other provider (enter the address)"), CUSTOM)
        self.endpoint = self._edit(self.tr("Address of the storage (endpoint)"), "https://")
        self.bucket = self._edit(self.tr("Bucket"))
        self.prefix = self._edit(self.tr("Folder in the bucket (optional)"))
        self.key_id = self._edit(self.tr("Access key ID"))
        self.secret = self._edit(self.tr("Secret access key"))
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        for caption, widget in (
            (self.tr("&Provider:"), self.provider), (self.tr("A&ddress:"), self.endpoint),
            (self.tr("B&ucket:"), self.bucket), (self.tr("Fo&lder:"), self.prefix),
            (self.tr("Access &key ID:"), self.key_id), (self.tr("&Secret key:"), self.secret),
        ):
            label = QLabel(caption, self)
            label.setBuddy(widget)
            form.addRow(label, widget)
        self.note = QLabel("", self)
        self.note.setWordWrap(True)
        self.note.setAccessibleName(self.tr("About this provider"))
        form.insertRow(1, "", self.note)
        self.provider.currentIndexChanged.connect(self._provider_changed)
        self._provider_changed()

    def _edit(self, accessible: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit(self)
        edit.setAccessibleName(accessible)
        edit.setPlaceholderText(placeholder)
        edit.textChanged.connect(lambda _text: self.changed.emit())
        return edit

    def _provider_changed(self, _index: int = 0) -> None:
        key = self.provider.currentData()
        preset = next((p for p in self.presets if p["id"] == key), None)
        self.endpoint.setReadOnly(preset is not None)
        self.note.setText(preset.get("note", "") if preset is not None else "")
        self.note.setVisible(bool(self.note.text()))
        if preset is not None:
            self.endpoint.setText(preset["endpoint"])
        self.changed.emit()

    def complete(self) -> bool:
        return all(edit.text().strip() for edit in (self.endpoint, self.bucket, self.key_id, self.secret))

    def target(self) -> str:
        return s3_target(self.endpoint.text(), self.bucket.text(), self.prefix.text())

    def keys(self) -> tuple[str, str]:
        return self.key_id.text().strip(), self.secret.text().strip()

    def fill(self, repo: str) -> None:
        """A stored ``s3:https://endpoint/bucket/prefix`` back into the fields."""
        rest = repo[3:] if repo.startswith("s3:") else repo
        scheme, _, tail = rest.partition("://")
        pieces = tail.split("/") if tail else rest.split("/")
        endpoint = f"{scheme}://{pieces[0]}" if tail else pieces[0]
        match = next((i for i, p in enumerate(self.presets) if p["endpoint"].rstrip("/") in (endpoint, pieces[0])), None)
        self.provider.setCurrentIndex(match if match is not None else self.provider.count() - 1)
        self.endpoint.setText(endpoint)
        self.bucket.setText(pieces[1] if len(pieces) > 1 else "")
        self.prefix.setText("/".join(pieces[2:]))


class PartnerForm(QWidget):
    """SFTP to the IT partner's server (with a key this computer makes), or a network folder."""

    changed = Signal()
    make_key = Signal()
    choose = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.sftp_choice = QRadioButton(self.tr("Over a secure connection (S&FTP) to the partner's server"), self)
        self.sftp_choice.setAccessibleName(self.tr("Over SFTP"))
        self.folder_choice = QRadioButton(self.tr("Into a network fo&lder"), self)
        self.folder_choice.setAccessibleName(self.tr("Into a network folder"))
        group = QButtonGroup(self)
        group.addButton(self.sftp_choice)
        group.addButton(self.folder_choice)
        self.sftp_choice.setChecked(True)
        row = QHBoxLayout()
        row.addWidget(self.sftp_choice)
        row.addWidget(self.folder_choice)
        row.addStretch(1)
        layout.addLayout(row)

        self.sftp_box = QWidget(self)
        form = QFormLayout(self.sftp_box)
        form.setContentsMargins(0, 0, 0, 0)
        self.host = self._edit(self.sftp_box, self.tr("Server name or address"))
        self.port = QSpinBox(self.sftp_box)
        self.port.setRange(1, 65535)
        self.port.setValue(22)
        self.port.setAccessibleName(self.tr("Port"))
        self.port.valueChanged.connect(lambda _v: self.changed.emit())
        self.user = self._edit(self.sftp_box, self.tr("User name on the server"))
        self.path = self._edit(self.sftp_box, self.tr("Folder on the server"))
        self.path.setPlaceholderText("/backups/kanzlei")
        server_row = QHBoxLayout()
        server_row.addWidget(self.host, 1)
        port_label = QLabel(self.tr("&Port:"), self.sftp_box)
        port_label.setBuddy(self.port)
        server_row.addWidget(port_label)
        server_row.addWidget(self.port)
        server_label = QLabel(self.tr("Se&rver:"), self.sftp_box)
        server_label.setBuddy(self.host)
        form.addRow(server_label, server_row)
        for caption, widget in ((self.tr("&User:"), self.user), (self.tr("Fol&der:"), self.path)):
            label = QLabel(caption, self.sftp_box)
            label.setBuddy(widget)
            form.addRow(label, widget)
        key_row = QHBoxLayout()
        self.key_button = QPushButton(self.tr("Create &key"), self.sftp_box)
        self.key_button.setAccessibleName(self.tr("Create a key for this computer"))
        self.key_button.clicked.connect(self.make_key.emit)
        self.copy_button = QPushButton(self.tr("Cop&y key"), self.sftp_box)
        self.copy_button.setAccessibleName(self.tr("Copy the public key"))
        self.copy_button.clicked.connect(self.copy_key)
        self.copy_button.setEnabled(False)
        key_row.addWidget(self.key_button)
        key_row.addWidget(self.copy_button)
        key_row.addStretch(1)
        form.addRow(key_row)
        self.key_hint = QLabel(self.tr(
            "Send this public key to your IT partner; the server lets in only this computer's key. "
            "It is not secret."), self.sftp_box)
        self.key_hint.setWordWrap(True)
        self.key_hint.setAccessibleName(self.tr("About the key"))
        form.addRow(self.key_hint)
        self.public_key = QPlainTextEdit(self.sftp_box)
        self.public_key.setReadOnly(True)
        self.public_key.setMaximumHeight(56)
        self.public_key.setAccessibleName(self.tr("Public key for the IT partner"))
        form.addRow(self.public_key)
        layout.addWidget(self.sftp_box)

        self.folder_box = QWidget(self)
        folder_row = QHBoxLayout(self.folder_box)
        folder_row.setContentsMargins(0, 0, 0, 0)
        self.folder = self._edit(self.folder_box, self.tr("Network folder for the off-site backup"))
        self.folder.setPlaceholderText(self.tr("for example \\\\nas\\backup\\kanzlei or /Volumes/backup/kanzlei"))
        folder_label = QLabel(self.tr("Fol&der:"), self.folder_box)
        folder_label.setBuddy(self.folder)
        self.choose_button = QPushButton(self.tr("C&hoose a folder…"), self.folder_box)
        self.choose_button.setAccessibleName(self.tr("Choose the network folder"))
        self.choose_button.clicked.connect(self.choose.emit)
        folder_row.addWidget(folder_label)
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.choose_button)
        layout.addWidget(self.folder_box)
        self.key_path: Path | None = None
        self.sftp_choice.toggled.connect(self._kind_changed)
        self._kind_changed()

    def _edit(self, parent: QWidget, accessible: str) -> QLineEdit:
        edit = QLineEdit(parent)
        edit.setAccessibleName(accessible)
        edit.textChanged.connect(lambda _text: self.changed.emit())
        return edit

    def _kind_changed(self, _on: bool = True) -> None:
        self.sftp_box.setVisible(self.sftp_choice.isChecked())
        self.folder_box.setVisible(self.folder_choice.isChecked())
        self.changed.emit()

    @property
    def kind(self) -> str:
        return "sftp" if self.sftp_choice.isChecked() else "folder"

    def set_key(self, path: Path, public: str) -> None:
        self.key_path = path
        self.public_key.setPlainText(public.strip())
        self.copy_button.setEnabled(bool(public.strip()))
        self.changed.emit()

    def copy_key(self) -> None:
        clipboard = QGuiApplication.clipboard()
        if clipboard is not None:
            clipboard.setText(self.public_key.toPlainText())

    def complete(self) -> bool:
        if self.kind == "folder":
            return bool(self.folder.text().strip())
        return all(edit.text().strip() for edit in (self.host, self.user, self.path)) and self.key_path is not None

    def target(self) -> str:
        if self.kind == "folder":
            return self.folder.text().strip()
        return sftp_target(self.user.text(), self.host.text(), self.port.value(), self.path.text())

    def fill(self, secondary: dict[str, Any]) -> None:
        repo = str(secondary.get("repo") or "")
        if repo.startswith("sftp:"):
            self.sftp_choice.setChecked(True)
            rest = repo[len("sftp://"):] if repo.startswith("sftp://") else repo[len("sftp:"):]
            user, _, rest = rest.rpartition("@")
            hostport, _, path = rest.partition("/")
            host, _, port = hostport.partition(":")
            self.user.setText(user)
            self.host.setText(host)
            if port.isdigit():
                self.port.setValue(int(port))
            self.path.setText(path if path.startswith("/") else "/" + path)
            key = secondary.get("ssh_key") or secondary.get("key")
            if key:
                self.key_path = Path(str(key))
        else:
            self.folder_choice.setChecked(True)
            self.folder.setText(repo)
