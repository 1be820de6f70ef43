"""The app icon for each OS, made from resources/icons/tsbackup.svg at build time.

The SVG stays the single source: Windows wants a .ico, macOS a .icns, Linux
desktops a .png. Both containers accept PNG images inside (Windows Vista+,
macOS 10.7+), so writing them needs no image library beyond Qt's renderer.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# icns element types that hold PNG data, by pixel size (Apple's "ic07".."ic10"; ic10 is 512@2x)
ICNS_TYPES = {128: b"ic07", 256: b"ic08", 512: b"ic09", 1024: b"ic10"}
PNG_SIZE = 256


@dataclass(frozen=True)
class IconFiles:
    png: Path
    ico: Path
    icns: Path


def render_pngs(svg: Path, sizes: tuple[int, ...]) -> dict[int, bytes]:
    """PNG bytes per square size. Qt's raster painter needs no QGuiApplication for an SVG without text."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg} is not a valid SVG")
    out: dict[int, bytes] = {}
    for size in sizes:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        buffer.close()
        out[size] = bytes(data.data())
    return out


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """An ICO file with PNG-compressed entries (ICONDIR + ICONDIRENTRY, sizes ≥ 256 are written as 0)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, blobs = b"", b""
    for size in sizes:
        data = pngs[size]
        dim = 0 if size >= 256 else size
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(data), offset)
        blobs += data
        offset += len(data)
    return header + entries + blobs


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    """An ICNS file: 'icns' + total length, then one (type, length, PNG) element per size Apple knows."""
    body = b""
    for size in sorted(pngs):
        kind = ICNS_TYPES.get(size)
        if kind is None:
            continue
        body += kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size]
    if not body:
        raise ValueError("no size that an .icns file can hold")
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def write_icons(svg: Path, out_dir: Path) -> IconFiles:
    out_dir.mkdir(parents=True, exist_ok=True)
    pngs = render_pngs(svg, tuple(sorted(set(ICO_SIZES) | set(ICNS_TYPES) | {PNG_SIZE})))
    files = IconFiles(out_dir / "tsbackup.png", out_dir / "tsbackup.ico", out_dir / "tsbackup.icns")
    files.png.write_bytes(pngs[PNG_SIZE])
    files.ico.write_bytes(ico_bytes({s: pngs[s] for s in ICO_SIZES}))
    files.icns.write_bytes(icns_bytes({s: pngs[s] for s in ICNS_TYPES}))
    return files
