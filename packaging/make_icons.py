"""Render the app icon (gridworker/resources/icons/gridworker.svg) in the sizes each platform wants.

    uv run python packaging/make_icons.py

Writes gridworker/resources/icons/gridworker-<size>.png (the window icon and the Linux
hicolor theme: 16 … 512) and packaging/windows/gridworker.ico (16 … 256, PNG-compressed
entries as Windows Vista and later read them). The outputs are committed; run this again
only when the SVG changes.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
ICONS = ROOT / "gridworker" / "resources" / "icons"
SVG = ICONS / "gridworker.svg"
ICO = HERE / "windows" / "gridworker.ico"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)  # freedesktop hicolor sizes
ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 256)  # what Windows asks for at 100-250 % scaling


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """An .ico file holding the given square PNG images (ICONDIR, ICONDIRENTRY × n, data)."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = 6 + 16 * len(pngs)
    entries, data = b"", b""
    for size, png in sorted(pngs.items()):
        side = 0 if size >= 256 else size  # 0 means 256
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset + len(data))
        data += png
    return header + entries + data


def ico_sizes(ico: bytes) -> list[int]:
    """The image sizes an .ico file holds (for the tests)."""
    _reserved, kind, count = struct.unpack_from("<HHH", ico, 0)
    if kind != 1:
        raise ValueError("not an icon file")
    sizes = []
    for i in range(count):
        w = ico[6 + 16 * i]
        sizes.append(w or 256)
    return sizes


def render(size: int) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(SVG))
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    out = QByteArray()
    buffer = QBuffer(out)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, b"PNG")
    return bytes(out.data())


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication(sys.argv[:1])
    pngs = {size: render(size) for size in sorted({*PNG_SIZES, *ICO_SIZES})}
    for size in PNG_SIZES:
        (ICONS / f"gridworker-{size}.png").write_bytes(pngs[size])
    ICO.write_bytes(ico_bytes({s: pngs[s] for s in ICO_SIZES}))
    print(f"wrote {len(PNG_SIZES)} PNGs to {ICONS} and {ICO}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
