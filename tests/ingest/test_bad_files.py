"""One bad file is a named problem, never an exception that sinks its bundle."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casefile.errors import IngestError
from casefile.ingest import MAX_CHARS, ingest_file, ingest_paths
from casefile.model import Source

REPORT = ("Police in the capital detained the blogger Ivo Stanev on Tuesday, his lawyer said. "
          "A court ordered him held for two months while investigators examine his posts. ")


def _pdf(text: str, info: str) -> bytes:
    """A one-page PDF with a text layer and the document information dictionary `info`."""
    stream = f"BT /F1 12 Tf 72 712 Td ({text}) Tj ET".encode()
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
               b"/Resources << /Font << /F1 5 0 R >> >> >>",
               b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
               info.encode()]
    out, offsets = b"%PDF-1.4\n", []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info 6 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return out


def test_a_pdf_with_malformed_metadata_is_read_without_it() -> None:
    data = _pdf(REPORT, "<< /CreationDate (D:2024-not-a-date) /Title 42 >>")
    source = ingest_file(Path("report.pdf"), data, "S1").source
    assert "Ivo Stanev" in source.text and source.title != 42


def test_a_nul_byte_deep_in_a_text_never_reaches_the_source() -> None:
    data = (REPORT * 120).encode() + b"\x00\x01 more text after the nul" + REPORT.encode()
    source = ingest_file(Path("report.txt"), data, "S1").source
    assert "\x00" not in source.text and "\x01" not in source.text and "more text" in source.text


def test_a_text_too_long_to_parse_is_a_named_problem(tmp_path: Path) -> None:
    (tmp_path / "huge.txt").write_text(REPORT * (MAX_CHARS // len(REPORT) + 10), encoding="utf-8")
    (tmp_path / "fine.txt").write_text(REPORT, encoding="utf-8")
    result = ingest_paths([tmp_path])
    assert [s.file for s in result.sources] == ["fine.txt"]
    assert [p.file for p in result.problems] == ["huge.txt"] and "split it" in result.problems[0].problem


SUFFIXES = st.sampled_from(["report.txt", "report.md", "report.html", "report.pdf"])


def _mutated(data: bytes, cuts: list[int], flips: list[int]) -> bytes:
    b = bytearray(data)
    for f in flips:
        b[f % len(b)] ^= 0xFF
    for c in cuts:
        b = b[: c % max(1, len(b))]
    return bytes(b)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=SUFFIXES, data=st.binary(max_size=4000))
def test_random_bytes_give_a_source_or_a_named_problem(name: str, data: bytes) -> None:
    try:
        assert isinstance(ingest_file(Path(name), data, "S1").source, Source)
    except IngestError as exc:
        assert exc.file == name and exc.problem


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(which=st.sampled_from(["pdf", "html"]), cuts=st.lists(st.integers(0, 5000), max_size=1),
       flips=st.lists(st.integers(0, 5000), max_size=8))
def test_mutated_pdfs_and_pages_give_a_source_or_a_named_problem(which: str, cuts: list[int], flips: list[int]) -> None:
    if which == "pdf":
        data = _pdf(REPORT, "<< /CreationDate (D:20240305120000Z) /Title (Report) >>")
    else:
        data = (f"<html><head><title>Report</title><script>alert(1)</script></head><body><div><p>{REPORT}"
                f"<p>{REPORT}</div><table><tr><td>menu</body>").encode()
    name = f"report.{which}"
    try:
        source = ingest_file(Path(name), _mutated(data, cuts, flips), "S1").source
        # no script reaches the text (a mutation that destroys the tag's "<" leaves words, not a script)
        assert not re.search(r"<\s*/?\s*script", source.text, re.I)
    except IngestError as exc:
        assert exc.file == name and exc.problem


@pytest.mark.parametrize("text", ["Полиция задержала блогера во вторник, сообщил адвокат. " * 200 + "\x00\x02 конец", "\ufeff" + REPORT + "\x7f"])
def test_control_characters_are_dropped(text: str) -> None:
    source = ingest_file(Path("r.txt"), text.encode("utf-8"), "S1").source
    assert not any(ord(c) < 9 or c == "\x7f" for c in source.text)


def test_a_page_whose_title_swallows_the_rest_gives_its_words_not_its_markup() -> None:
    # the "<" of "<html>" and of "</title>" lost (a byte flipped: the page is no longer UTF-8): a
    # parser reads the rest of the page as the title's text, markup and all
    data = (f"<html><head><title>Report</title><script>alert(1)</script></head><body><div><p>{REPORT}"
            f"<p>{REPORT}</div><table><tr><td>menu</body>").encode()
    source = ingest_file(Path("report.html"), _mutated(data, [], [0, 463]), "S1").source
    assert "alert(1)" not in source.text and "<div>" not in source.text and "detained the blogger" in source.text
