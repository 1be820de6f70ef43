"""The status window on the demo installation, as a person would see it (offscreen)."""

from pathlib import Path

from tsbackup_gui.ui.status_window import StatusWindow


def _wait_loaded(qtbot, window):
    qtbot.waitUntil(lambda: window.snapshot is not None, timeout=20000)


def test_demo_window_shows_the_installation(qtbot, tmp_path):
    window = StatusWindow(demo_root=tmp_path / "demo-root", language="en")
    qtbot.addWidget(window)
    window.show()
    window.refresh()
    _wait_loaded(qtbot, window)
    assert window.mode_label.text() == "Single-user (timeSensor LEGAL on this Mac)"
    assert window.data_label.text() == str(tmp_path / "demo-root" / "Users" / "Shared" / "timeSensor DataFiles")
    assert "fresh" in window.archive_label.text() and "timeSensor[0093" in window.archive_label.text()
    assert window.headline.text() == "timeSensor LEGAL was found. The backup is not set up yet."
    assert window.demo_note.isVisible()
    shot = window.grab()
    assert not shot.isNull() and shot.width() >= 600
    shot.save(str(Path(tmp_path) / "status-window.png"))


def test_window_speaks_german(qtbot, tmp_path):
    window = StatusWindow(demo_root=tmp_path / "demo-root", language="de")
    qtbot.addWidget(window)
    window.refresh()
    _wait_loaded(qtbot, window)
    assert window.headline.text() == "timeSensor LEGAL wurde gefunden. Die Datensicherung ist noch nicht eingerichtet."


def test_demo_flow_set_up_then_back_up(qtbot, tmp_path):
    """A newcomer's whole flow: demo found → set up → back up now → a generation is listed."""
    window = StatusWindow(demo_root=tmp_path / "demo-root", language="en")
    qtbot.addWidget(window)
    window.refresh()
    _wait_loaded(qtbot, window)
    assert window.setup_demo_button.isVisibleTo(window) and not window.backup_button.isEnabled()
    window.setup_demo_button.click()
    qtbot.waitUntil(lambda: window.loads == 2, timeout=20000)
    assert window.snapshot.configured
    assert window.backup_button.isEnabled()
    window.backup_button.click()
    qtbot.waitUntil(lambda: window.loads == 3, timeout=60000)
    assert window.table.rowCount() == 1
    assert window.table.item(0, 1).text() == "consistent (timeSensor was closed)"
    # the demo's backup drive shares the data's disk: the status model says so instead of "all good"
    assert window.snapshot.state == "warning"
    assert window.headline.text().startswith("The backup is on the same disk as the timeSensor LEGAL data")
    generations = list((tmp_path / "demo-root" / "Volumes" / "Backup Drive" / "timeSensor Backups" / "Demo-Mac").iterdir())
    assert any((g / "tsbackup-manifest.json").is_file() for g in generations)
