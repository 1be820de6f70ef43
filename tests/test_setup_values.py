"""The single values `tsbackup setup` takes: each bad one is one plain sentence (exit 2)."""

from __future__ import annotations

import pytest

from tsbackup_gui.core.errors import Exit, UserError
from tsbackup_gui.core.setup.configure import check_source
from tsbackup_gui.core.setup.values import (
    parse_computer, parse_keep, parse_time, parse_working_days, sanitise_computer_name,
)


@pytest.mark.parametrize(
    "text, days",
    [
        ("mon-fri", ["mon", "tue", "wed", "thu", "fri"]),
        ("mon,tue,thu", ["mon", "tue", "thu"]),
        ("mon-sat", ["mon", "tue", "wed", "thu", "fri", "sat"]),
        ("Sat-Sun", ["sat", "sun"]),
        ("fri-mon", ["mon", "fri", "sat", "sun"]),
        ("thu, mon", ["mon", "thu"]),
        ("monday-wednesday,fri", ["mon", "tue", "wed", "fri"]),
        ("wed", ["wed"]),
    ],
)
def test_working_days(text, days):
    assert parse_working_days(text) == days


@pytest.mark.parametrize("text", ["xyz", "", "mon-", "mon--fri", "mon,,tue", "mo-fr", "mon-tue-wed"])
def test_bad_working_days(text):
    with pytest.raises(UserError) as caught:
        parse_working_days(text)
    assert caught.value.exit_code == Exit.USAGE
    assert caught.value.message.english() == (
        f"'{text}' is not a list of working days. Use day names such as mon-fri or mon,tue,thu (mon tue wed thu fri sat sun)."
    )


@pytest.mark.parametrize("text, value", [("18:30", "18:30"), ("7:05", "07:05"), ("00:00", "00:00"), ("23:59", "23:59")])
def test_time(text, value):
    assert parse_time(text) == value


@pytest.mark.parametrize("text", ["24:00", "12:60", "7.30", "1830", "", "noon", "-1:00"])
def test_bad_time(text):
    with pytest.raises(UserError) as caught:
        parse_time(text)
    assert caught.value.exit_code == Exit.USAGE
    assert "is not a time of day. Give the time as HH:MM between 00:00 and 23:59" in caught.value.message.english()


def test_keep_counts():
    assert parse_keep("keep-daily", "3") == 3
    assert parse_keep("keep-daily", 1) == 1
    for bad in ("0", "-1", "x", "1.5", ""):
        with pytest.raises(UserError) as caught:
            parse_keep("keep-daily", bad)
        assert caught.value.message.english() == f"--keep-daily needs a whole number of 1 or more, not '{bad}'."


def test_computer_names():
    assert sanitise_computer_name("Johns-MacBook.local") == "Johns-MacBook"
    assert sanitise_computer_name("Büro:PC/2") == "Büro-PC-2"
    assert sanitise_computer_name("") == "computer"
    assert sanitise_computer_name("CON") == "computer"
    assert sanitise_computer_name("10.0.0.7") == "10.0.0.7"
    assert parse_computer("Empfang PC") == "Empfang PC"
    for bad in ("a/b", ".hidden", "", "NUL", "x" * 65, "trail."):
        with pytest.raises(UserError):
            parse_computer(bad)


def test_source_recognised_by_name_or_4dd(tmp_path):
    named = tmp_path / "timeSensor DataFiles"
    named.mkdir()
    assert check_source(named) == []
    other = tmp_path / "Daten"
    (other / "a" / "b").mkdir(parents=True)
    (other / "a" / "b" / "timeSensor.4DD").write_bytes(b"")
    assert check_source(other) == []
    plain = tmp_path / "Fotos"
    plain.mkdir()
    (warning,) = check_source(plain)
    assert warning.id == "setup.source_unusual"
