"""macOS: the .app (PyInstaller's BUNDLE), signed and notarised when an identity is given, in a .dmg.

Only the commands run on a Mac; what they are is decided by pure functions
that the tests read on any OS. Start at login is not the installer's job on
macOS (a .dmg has no install step): the app's LaunchAgent
(core/platform/autostart.py, label ch.tsbackup.app) does it.
"""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Sequence

from .project import BUNDLE_ID, DISPLAY_NAME

MINIMUM_MACOS = "11.0"


def info_plist(version: str, numeric_version: str) -> dict:
    """Info.plist values on top of PyInstaller's defaults."""
    short = ".".join(numeric_version.split(".")[:3])
    return {
        "CFBundleName": DISPLAY_NAME,
        "CFBundleDisplayName": DISPLAY_NAME,
        "CFBundleIdentifier": BUNDLE_ID,
        "CFBundleShortVersionString": short,
        "CFBundleVersion": version,
        "LSMinimumSystemVersion": MINIMUM_MACOS,
        # A tray app: no Dock icon; the status window still opens from the menu-bar icon.
        "LSUIElement": True,
        "NSHighResolutionCapable": True,
        "NSHumanReadableCopyright": "tsbackup",
        "NSRequiresAquaSystemAppearance": False,
        # App Nap would slow the tray's timers and a run it started while no window is in front.
        "NSAppSleepDisabled": True,
    }


def codesign_commands(app: Path) -> list[list[str]]:
    """PyInstaller already signs every binary (restic included) and the .app with the identity, hardened
    runtime and timestamp; this checks the result before anything is uploaded to Apple."""
    return [["codesign", "--verify", "--deep", "--strict", "--verbose=2", str(app)]]


def dmg_command(app: Path, dmg: Path, volume_name: str = DISPLAY_NAME) -> list[str]:
    return ["hdiutil", "create", "-volname", volume_name, "-srcfolder", str(app), "-ov", "-format", "UDZO", str(dmg)]


def notarize_commands(dmg: Path, profile: str) -> list[list[str]]:
    """notarytool with a stored keychain profile (`xcrun notarytool store-credentials PROFILE`), then staple."""
    return [
        ["xcrun", "notarytool", "submit", str(dmg), "--keychain-profile", profile, "--wait"],
        ["xcrun", "stapler", "staple", str(dmg)],
    ]


def package(dist: Path, version: str, identity: str | None, notary_profile: str | None,
            run=subprocess.run) -> list[Path]:
    """The .app (already built by the spec) → signed → .dmg → notarised. Returns what was made."""
    app = dist / "tsbackup.app"
    commands: list[Sequence[str]] = []
    if identity:
        commands += codesign_commands(app)
    dmg = dist / f"tsbackup-{version}-macos.dmg"
    commands.append(dmg_command(app, dmg))
    if identity and notary_profile:
        commands += notarize_commands(dmg, notary_profile)
    for command in commands:
        run(list(command), check=True)
    return [app, dmg]
