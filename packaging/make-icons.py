#!/usr/bin/env python3
"""Makes the Windows .ico and the macOS .icns from the PNG icons in resources/icons/hicolor
(which rsvg-convert made from resources/icons/memedesk.svg). Both formats hold PNG images as they
are, so no image library is needed. Run after changing the icon; the results are committed."""
import struct
from pathlib import Path

root = Path(__file__).resolve().parent.parent
png = lambda size: (root / f"resources/icons/hicolor/{size}x{size}/memedesk.png").read_bytes()

# ICO: a directory of entries, each image stored as PNG (Windows Vista and later read these).
sizes = [16, 24, 32, 48, 64, 128, 256]
images = [png(s) for s in sizes]
offset = 6 + 16 * len(sizes)
ico = struct.pack("<HHH", 0, 1, len(sizes))
for size, data in zip(sizes, images):
    ico += struct.pack("<BBBBHHII", size % 256, size % 256, 0, 0, 1, 32, len(data), offset)
    offset += len(data)
ico += b"".join(images)
(root / "packaging/windows/memedesk.ico").write_bytes(ico)

# ICNS: typed chunks of PNG data, big-endian lengths that include the 8-byte chunk header.
chunks = [(b"ic11", 32), (b"ic12", 64), (b"ic07", 128), (b"ic13", 256), (b"ic08", 256), (b"ic14", 512), (b"ic09", 512)]
body = b"".join(kind + struct.pack(">I", 8 + len(png(size))) + png(size) for kind, size in chunks)
(root / "packaging/macos/memedesk.icns").write_bytes(b"icns" + struct.pack(">I", 8 + len(body)) + body)
print("wrote packaging/windows/memedesk.ico and packaging/macos/memedesk.icns")
