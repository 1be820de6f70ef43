"""Rows both restore screens build the same way: the wizard's "Restore from an existing backup" page
and the status window's Restore dialog. The words come translated from the screen that shows them."""

from __future__ import annotations

from typing import Callable

from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QProgressBar, QPushButton, QWidget


def push_button(parent: QWidget, text: str, accessible: str, clicked: Callable[[], None]) -> QPushButton:
    button = QPushButton(text, parent)
    button.setAccessibleName(accessible)
    button.clicked.connect(clicked)
    return button


def folder_row(parent: QWidget, edit: QLineEdit, label: str, button_text: str, button_accessible: str,
               choose: Callable[[], None]) -> tuple[QHBoxLayout, QPushButton]:
    """Label (with ``edit`` as its buddy), the folder field taking the room, then the "Choose…" button."""
    row = QHBoxLayout()
    caption = QLabel(label, parent)
    caption.setBuddy(edit)
    button = push_button(parent, button_text, button_accessible, choose)
    row.addWidget(caption)
    row.addWidget(edit, 1)
    row.addWidget(button)
    return row, button


def restore_row(parent: QWidget, text: str, accessible: str, restore: Callable[[], None],
                progress_accessible: str) -> tuple[QHBoxLayout, QPushButton, QProgressBar]:
    """The Restore button and, beside it, a busy bar (hidden until a restore runs)."""
    row = QHBoxLayout()
    button = push_button(parent, text, accessible, restore)
    progress = QProgressBar(parent)
    progress.setRange(0, 0)
    progress.setAccessibleName(progress_accessible)
    progress.setVisible(False)
    row.addWidget(button)
    row.addWidget(progress, 1)
    return row, button, progress
