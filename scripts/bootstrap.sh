#!/usr/bin/env bash
# Sourced by scripts/start-demo and scripts/test: installs what a fresh
# Debian/Ubuntu machine lacks (system packages, a venv with the project) and
# leaves $VENV set. Idempotent: a second call installs nothing new.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${TSBACKUP_VENV:-$ROOT/.venv}"
EXTRA="${1:-}"

# Qt's runtime libraries for the xcb/offscreen platforms, fonts for PDFs and
# screenshots, restic for the off-site backup, rsync and xvfb for benchmarks
# and GUI screenshots, openssh-server for the SFTP tests, faketime for the clock, binutils (objdump)
# for PyInstaller's build of the installer.
APT_PACKAGES=(python3-venv libglib2.0-0 libgl1 libegl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1
  libdbus-1-3 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0 libxcb-randr0
  libxcb-render-util0 libxcb-image0 fonts-dejavu-core restic rsync xvfb faketime poppler-utils openssh-server openssh-client
  binutils
  exfatprogs exfat-fuse dosfstools libfuse2 fusefat ntfs-3g fuse3 samba smbnetfs iproute2)
# The last line: the backup-drive file systems the tests mount through FUSE (tests/fs_mounts.py: exFAT,
# FAT32 images (FAT32 through tests/fatfuse.py, pyfatfs + fusepy on libfuse2; fusefat only as the faulty
# driver some tests need), NTFS images, a Samba share through smbnetfs in its own network namespace);
# root and /dev/fuse.

if command -v dpkg-query >/dev/null 2>&1; then
  missing=()
  for pkg in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    echo "Installing system packages: ${missing[*]}"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
else
  echo "Not a Debian/Ubuntu system: install restic and rsync yourself (see README)." >&2
fi

PYTHON="${PYTHON:-python3}"
if [ ! -x "$VENV/bin/python" ]; then
  "$PYTHON" -m venv "$VENV"
fi
"$VENV/bin/python" -m pip install -q --upgrade pip >/dev/null
if [ -n "$EXTRA" ]; then
  "$VENV/bin/python" -m pip install -q -e "$ROOT[$EXTRA]"
else
  "$VENV/bin/python" -m pip install -q -e "$ROOT"
fi
export PATH="$VENV/bin:$PATH"
