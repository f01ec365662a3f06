"""Bytes to text: encodings, byte-order marks, binary files, and arbitrary bytes."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casefile.errors import IngestError
from casefile.ingest.decode import decode, looks_binary

TEXT = "Суд в Тарвике арестовал блогера Елену Ворцову на два месяца, сообщил ее адвокат Оскар Брандт.\n"
LATIN = "Le tribunal de Tarvik a condamné la blogueuse Léna Vortsova à deux ans, a déclaré son avocat.\n"


@pytest.mark.parametrize("data, expected", [
    (TEXT.encode("utf-8"), TEXT),
    (codecs.BOM_UTF8 + TEXT.encode("utf-8"), TEXT),
    (TEXT.encode("utf-16"), TEXT),  # with its byte-order mark
    (TEXT.encode("cp1251"), TEXT),
    (LATIN.encode("latin-1"), LATIN),
])
def test_encodings(data: bytes, expected: str) -> None:
    text, _ = decode(data, "x.txt")
    assert text == expected


def test_empty_and_binary_are_refused_with_the_file_named() -> None:
    with pytest.raises(IngestError, match="x.txt: the file is empty"):
        decode(b"  \n", "x.txt")
    with pytest.raises(IngestError, match="binary"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "x.txt")
    assert looks_binary(b"\x00\x01\x02abc")
    assert not looks_binary(TEXT.encode())


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_decode_or_raise_ingest_error(data: bytes) -> None:
    try:
        text, encoding = decode(data, "x.txt")
    except IngestError as exc:
        assert exc.file == "x.txt" and exc.problem
    else:
        assert isinstance(text, str) and encoding


def test_utf16_without_bom_is_text_not_binary() -> None:
    for enc in ("utf-16-le", "utf-16-be"):
        text, _ = decode(TEXT.encode(enc), "x.txt")
        assert text == TEXT


def test_a_byte_order_mark_before_bytes_of_another_encoding_is_named() -> None:
    with pytest.raises(IngestError) as err:
        decode(b"\xfe\xff\x00", "odd.txt")
    assert err.value.file == "odd.txt" and "byte-order mark" in err.value.problem
