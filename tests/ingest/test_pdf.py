"""PDF reports: the text layer through pypdf; broken and text-less PDFs named with their problem."""

from __future__ import annotations

from pathlib import Path

import pytest

from casefile.errors import IngestError
from casefile.ingest import read_source
from casefile.ingest.pdf import extract_pdf


def make_pdf(lines: list[str]) -> bytes:
    """A minimal one-page PDF with a text layer (Helvetica), written by hand for the test."""
    ops = ["BT", "/F1 11 Tf", "14 TL", "50 780 Td"]
    for line in lines:
        esc = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        ops += [f"({esc}) Tj", "T*"]
    ops.append("ET")
    stream = "\n".join(ops).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, obj in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


REPORT = ["Police in Mariupol detained the volunteer Olena Hrytsenko on 3 March 2024,",
          "her lawyer said. She was charged with hooliganism and released on bail two days later."]


def test_a_pdf_report_is_read_from_its_text_layer() -> None:
    doc = extract_pdf(make_pdf(REPORT), "report.pdf")
    assert "detained the volunteer Olena Hrytsenko" in doc.text


def test_a_pdf_source_goes_through_ingest(tmp_path: Path) -> None:
    src = read_source(tmp_path / "statement.pdf", make_pdf(REPORT), "S1")
    assert src.format == "pdf" and "charged with hooliganism" in src.text
    assert (src.published or "").startswith("2024-03") and src.published_basis in ("dateline", "content")


def test_a_broken_pdf_is_named_with_its_problem() -> None:
    with pytest.raises(IngestError, match="could not read the PDF"):
        extract_pdf(b"%PDF-1.4 garbage", "scan.pdf")


def test_a_pdf_without_text_says_so() -> None:
    with pytest.raises(IngestError, match="no text layer"):
        extract_pdf(make_pdf([]), "scan.pdf")
