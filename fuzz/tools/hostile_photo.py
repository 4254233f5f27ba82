#!/usr/bin/env python3
"""Writes hostile photos for measuring the EXIF reader's memory bound (not used by tests).

A TIFF whose first IFD has ENTRIES entries, each claiming the same DATA bytes as its value:
exiv2 copies the data once per entry. Written bare (.tif) and inside a WebP EXIF chunk (.webp),
a format phones produce, so the bound is exercised past the magic-bytes check too.

usage: hostile_photo.py OUT_PREFIX [SIZE_MIB] [ENTRIES]
"""
import struct
import sys


def hostile_tiff(size, entries):
    ifd = 8
    data_offset = ifd + 2 + 12 * entries + 4
    data_len = size - data_offset
    out = bytearray(b"II*\x00" + struct.pack("<I", ifd))
    out += struct.pack("<H", entries)
    for i in range(entries):
        # Distinct private tags, type 7 (UNDEFINED), all pointing at the same data.
        out += struct.pack("<HHII", 0xC000 + i, 7, data_len, data_offset)
    out += struct.pack("<I", 0)
    out += bytes([0x41]) * data_len
    return bytes(out)


def webp_with_exif(tiff):
    vp8x = b"VP8X" + struct.pack("<I", 10) + bytes([0x08, 0, 0, 0]) + b"\x00\x00\x00" * 2
    exif = b"EXIF" + struct.pack("<I", len(tiff)) + tiff + (b"\x00" if len(tiff) % 2 else b"")
    body = b"WEBP" + vp8x + exif
    return b"RIFF" + struct.pack("<I", len(body)) + body


def main():
    prefix = sys.argv[1]
    size = int(float(sys.argv[2]) * (1 << 20)) if len(sys.argv) > 2 else 8 << 20
    entries = int(sys.argv[3]) if len(sys.argv) > 3 else 256
    tiff = hostile_tiff(size, entries)
    with open(prefix + ".tif", "wb") as f:
        f.write(tiff)
    with open(prefix + ".webp", "wb") as f:
        f.write(webp_with_exif(tiff))


if __name__ == "__main__":
    main()
