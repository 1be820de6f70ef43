"""Linux: a .tar.gz of the one-folder bundle with an install.sh, and an AppImage when appimagetool is there.

install.sh is the installer: it registers the unpacked folder where it lies
(menu entry, icon, `tsbackup` on ~/.local/bin) and writes the XDG autostart
entry, so the tray comes back after every login (an app started without it
registers itself on its first start: core/platform/autostart_first_run.py).
The entry has the same name and keys as the one core/platform/autostart.py
writes, so the app and the script never make two.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tarfile
from pathlib import Path

from .project import APP_NAME, CLI_NAME, DESCRIPTION, DISPLAY_NAME, GUI_NAME

DESKTOP_FILE = "tsbackup.desktop"  # = core.platform.autostart.DESKTOP_FILE


def desktop_entry_text(exec_line: str, icon: str = APP_NAME, autostart: bool = False) -> str:
    """A freedesktop entry; `exec_line` is already quoted for Exec=."""
    lines = [
        "[Desktop Entry]",
        "Type=Application",
        "Version=1.0",
        f"Name={DISPLAY_NAME}",
        f"Comment={DESCRIPTION}",
        "Comment[de]=Datensicherung für timeSensor LEGAL, geprüft",
        f"Exec={exec_line}",
        f"Icon={icon}",
        "Terminal=false",
        "Categories=Utility;Archiving;",
        "StartupNotify=false",
    ]
    if autostart:
        lines += ["NoDisplay=false", "Hidden=false", "X-GNOME-Autostart-enabled=true", "X-GNOME-Autostart-Delay=10"]
    return "\n".join(lines) + "\n"


def install_script_text() -> str:
    """install.sh in the bundle folder: `./install.sh` registers, `./install.sh --uninstall` undoes it."""
    menu = desktop_entry_text("@EXEC@")
    autostart = desktop_entry_text("@EXEC@", autostart=True)
    return f"""#!/bin/sh
# Registers tsbackup from the folder this script lies in: menu entry, icon, the `tsbackup`
# command on ~/.local/bin, and start at login. Run it again after moving the folder.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
DATA="${{XDG_DATA_HOME:-$HOME/.local/share}}"
CONFIG="${{XDG_CONFIG_HOME:-$HOME/.config}}"
MENU="$DATA/applications/{DESKTOP_FILE}"
AUTOSTART="$CONFIG/autostart/{DESKTOP_FILE}"
ICON="$DATA/icons/hicolor/256x256/apps/{APP_NAME}.png"
LINK="$HOME/.local/bin/{CLI_NAME}"

if [ "${{1:-}}" = "--uninstall" ]; then
  rm -f "$MENU" "$AUTOSTART" "$ICON"
  [ -L "$LINK" ] && rm -f "$LINK"
  "$HERE/{CLI_NAME}" task remove >/dev/null 2>&1 || true
  echo "tsbackup is no longer registered; you can delete $HERE now."
  exit 0
fi

# Exec= quoting (Desktop Entry spec): the path in double quotes with \\ " ` $ escaped, then every \\ doubled.
ESCAPED=$(printf '%s' "$HERE/{GUI_NAME}" | sed -e 's/[\\\\"`$]/\\\\&/g' -e 's/\\\\/\\\\\\\\/g' -e 's/%/%%/g')
EXEC="\\"$ESCAPED\\""
mkdir -p "$(dirname "$MENU")" "$(dirname "$AUTOSTART")" "$(dirname "$ICON")" "$(dirname "$LINK")"
cp "$HERE/{APP_NAME}.png" "$ICON"
write_entry() {{
  sed "s|@EXEC@|$(printf '%s' "$EXEC" | sed 's/[|&\\\\]/\\\\&/g')|" > "$1.tmp" && mv "$1.tmp" "$1"
}}
write_entry "$MENU" <<'ENTRY'
{menu}ENTRY
write_entry "$AUTOSTART" <<'ENTRY'
{autostart}ENTRY
ln -sf "$HERE/{CLI_NAME}" "$LINK"
echo "tsbackup is installed: it is in the applications menu and starts at login."
echo "Start it now with: $HERE/{GUI_NAME}"
"""


def apprun_text() -> str:
    """AppRun: the GUI by default; `tsbackup.AppImage tsbackup ARGS` runs the command."""
    return f"""#!/bin/sh
HERE=$(dirname "$(readlink -f "$0")")
if [ "${{1:-}}" = "{CLI_NAME}" ]; then
  shift
  exec "$HERE/usr/lib/{APP_NAME}/{CLI_NAME}" "$@"
fi
exec "$HERE/usr/lib/{APP_NAME}/{GUI_NAME}" "$@"
"""


def add_installer_files(bundle: Path, icon_png: Path) -> None:
    script = bundle / "install.sh"
    script.write_text(install_script_text(), encoding="utf-8")
    script.chmod(0o755)
    shutil.copy2(icon_png, bundle / f"{APP_NAME}.png")


def make_tarball(bundle: Path, out: Path) -> Path:
    """`tsbackup/` with the executables, restic and install.sh; modes (the x bits) are kept."""
    with tarfile.open(out, "w:gz", compresslevel=6) as tar:
        tar.add(bundle, arcname=bundle.name)
    return out


def unpacked_size(tarball: Path) -> int:
    with tarfile.open(tarball, "r:gz") as tar:
        return sum(member.size for member in tar.getmembers() if member.isfile())


def make_appimage(bundle: Path, icon_png: Path, out: Path, work: Path, tool: str,
                  run=subprocess.run) -> Path:
    appdir = work / f"{APP_NAME}.AppDir"
    if appdir.exists():
        shutil.rmtree(appdir)
    shutil.copytree(bundle, appdir / "usr" / "lib" / APP_NAME, symlinks=True)
    (appdir / "AppRun").write_text(apprun_text(), encoding="utf-8")
    (appdir / "AppRun").chmod(0o755)
    (appdir / DESKTOP_FILE).write_text(desktop_entry_text(GUI_NAME), encoding="utf-8")
    shutil.copy2(icon_png, appdir / f"{APP_NAME}.png")
    env = dict(os.environ)
    env.setdefault("ARCH", os.uname().machine)
    run([tool, str(appdir), str(out)], check=True, env=env)
    return out


def package(dist: Path, bundle: Path, version: str, icon_png: Path, work: Path,
            appimagetool: str | None = None) -> list[Path]:
    add_installer_files(bundle, icon_png)
    machine = os.uname().machine
    made = [make_tarball(bundle, dist / f"{APP_NAME}-{version}-linux-{machine}.tar.gz")]
    tool = appimagetool or shutil.which("appimagetool")
    if tool:
        made.append(make_appimage(bundle, icon_png, dist / f"{APP_NAME}-{version}-{machine}.AppImage", work, tool))
    return made
