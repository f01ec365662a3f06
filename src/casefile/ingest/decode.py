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


def utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 saved without a byte-order mark (some Windows exports): text in a
    Latin or Cyrillic script then has a zero byte in every other position, which
    would otherwise read as binary. Returns the text, or None."""
    head = data[:4096]
    if len(head) < 8 or len(head) % 2:
        head = head[: len(head) - len(head) % 2]
    if len(head) < 8:
        return None
    even, odd = head[0::2], head[1::2]
    for zeros, enc in ((odd, "utf-16-le"), (even, "utf-16-be")):
        # the high bytes of text in one or two scripts take a handful of values, zero among them
        if zeros.count(0) / len(zeros) < 0.1 or len(set(zeros)) > 8:
            continue
        try:
            text = data[: len(data) - len(data) % 2].decode(enc)
        except UnicodeDecodeError:
            continue
        sample = text[:2048]
        if sample and sum(ch.isprintable() or ch in "\n\r\t" for ch in sample) / len(sample) > 0.97:
            return text
    return None


def decode(data: bytes, file: str) -> tuple[str, str]:
    """Return (text, encoding name) or raise IngestError naming the file."""
    if not data.strip():
        raise IngestError(file, "the file is empty")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc), enc.replace("-sig", "")
            except UnicodeDecodeError as exc:  # a byte-order mark, then bytes that are not that encoding
                raise IngestError(file, f"starts with a {enc.replace('-sig', '')} byte-order mark but is not "
                                        f"{enc.replace('-sig', '')} text ({exc.reason} at byte {exc.start})") from exc
    if b"\x00" in data[:4096]:
        text = utf16_without_bom(data)
        if text is not None and text.strip():
            return text, "utf-16"
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
