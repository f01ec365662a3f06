"""Bytes to text: byte-order marks, UTF-8, then charset-normalizer's guess.

Binary files are refused here so that nothing downstream sees them.
"""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from casefile.errors import IngestError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Control characters other than tab, newline, carriage return and form feed
# mark a binary file; a text file in any encoding has (almost) none.
_CONTROL = set(range(0, 32)) - {9, 10, 12, 13}


def looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if not head:
        return False
    if any(head.startswith(bom) for bom, _ in _BOMS):
        return False
    if b"\x00" in head:
        return True
    control = sum(1 for b in head if b in _CONTROL)
    return control / len(head) > 0.01


def decode(data: bytes, file: str) -> tuple[str, str]:
    """Return (text, encoding name) or raise IngestError naming the file."""
    if not data.strip():
        raise IngestError(file, "the file is empty")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return data.decode(enc), enc.replace("-sig", "")
    if looks_binary(data):
        raise IngestError(file, "binary content, not text (is it an image, archive or office file?)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(data[:200_000]).best()
    if best is None or best.encoding is None:
        raise IngestError(file, "could not tell the text encoding")
    try:
        return data.decode(best.encoding), best.encoding
    except (UnicodeDecodeError, LookupError) as exc:
        raise IngestError(file, f"could not decode as {best.encoding}: {exc}") from exc
