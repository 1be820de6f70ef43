"""Config: atomic round trip, damage reported (never reset), newer schema refused."""

import json

import pytest

from tsbackup_gui.core.store import config
from tsbackup_gui.core.errors import Exit, UserError
from tsbackup_gui.core.places import places


def test_round_trip_keeps_every_field_and_unknown_keys(tsbackup_home):
    cfg = config.Config(source="/data/timeSensor DataFiles", primary="/Volumes/Backup", computer="Kanzlei-Mac")
    cfg.extra["future_key"] = {"a": 1}
    path = config.save(cfg)
    assert path == tsbackup_home / "config" / "config.json"
    stored = json.loads(path.read_text(encoding="utf-8"))
    assert stored["schema"] == config.SCHEMA_VERSION
    assert stored["future_key"] == {"a": 1}
    loaded = config.load()
    assert loaded == cfg
    assert [p.name for p in path.parent.iterdir()] == ["config.json"]  # no temp file left


def test_no_config_is_none_and_require_says_set_up_first():
    assert config.load() is None
    with pytest.raises(UserError) as info:
        config.require()
    assert info.value.exit_code == Exit.USAGE
    assert info.value.message.english() == "The backup is not set up yet. Run the setup first."


@pytest.mark.parametrize("content", [b"{not json", b"[1, 2]", b'{"schema": 1}', b"\xff\xfe\x00", b'{"source": "x", "primary": "y"}'])
def test_damaged_config_names_the_file_and_is_left_alone(content):
    path = places().config_file
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    with pytest.raises(UserError) as info:
        config.load()
    assert str(path) in info.value.message.english()
    assert "damaged" in info.value.message.english()
    assert path.read_bytes() == content


def test_newer_schema_is_refused_not_rewritten():
    path = places().config_file
    path.parent.mkdir(parents=True)
    content = json.dumps({"schema": 99, "source": "a", "primary": "b"}).encode()
    path.write_bytes(content)
    with pytest.raises(UserError) as info:
        config.load()
    assert "newer version" in info.value.message.english()
    assert path.read_bytes() == content


def test_unreadable_config_is_one_sentence():
    path = places().config_file
    path.mkdir(parents=True)  # a folder where the file should be: reading fails for root too
    with pytest.raises(UserError) as info:
        config.load()
    assert info.value.message.id == "config.unreadable"
    assert str(path) in info.value.message.english()



@pytest.mark.parametrize("drives", [1, "E:/Backup B", [1], [{"label": "Drive B"}], [{"path": 5}], [{"path": ""}]])
def test_a_hand_edited_drive_list_of_the_wrong_shape_is_a_damaged_file_in_one_sentence(drives):
    path = places().config_file
    path.parent.mkdir(parents=True)
    content = json.dumps({"schema": config.SCHEMA_VERSION, "source": "/src", "primary": "/dst",
                          "extra_drives": drives}).encode()
    path.write_bytes(content)
    with pytest.raises(UserError) as info:
        config.load()
    text = info.value.message.english()
    assert info.value.exit_code == Exit.USAGE and "\n" not in text
    assert text.startswith(f"The settings file {path} is damaged ('extra_drives'") or \
        text.startswith(f"The settings file {path} is damaged (each entry of 'extra_drives'")
    assert text.endswith("It was left as it is; restore it from a backup or run the setup again.")
    assert path.read_bytes() == content


def test_a_proper_drive_list_loads():
    drives = [{"path": "/Volumes/Backup B", "label": "Backup B", "added": "2026-11-01", "drive_id": "ab" * 16}]
    config.save(config.Config(source="/src", primary="/dst", extra_drives=drives))
    assert config.load().extra_drives == drives
