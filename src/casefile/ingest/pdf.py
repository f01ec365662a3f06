"""PDF reports through pypdf: the text layer of every page, and the document's own metadata."""

from __future__ import annotations

import io
from dataclasses import dataclass

from pypdf import PdfReader
from pypdf.errors import PdfReadError

from casefile.errors import IngestError


@dataclass(frozen=True)
class PdfExtract:
    text: str
    title: str | None
    published: str | None


def extract_pdf(data: bytes, file: str) -> PdfExtract:
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise IngestError(file, "the PDF is encrypted; save an unprotected copy and add that")
        pages = [page.extract_text() or "" for page in reader.pages]
        meta = reader.metadata
    except IngestError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise IngestError(file, f"could not read the PDF: {exc}") from exc
    text = "\n\n".join(p.strip() for p in pages if p.strip())
    if not text:
        raise IngestError(file, "the PDF has no text layer (a scan?); casefile does not run OCR")
    published = title = None
    try:  # metadata is often malformed (a date pypdf cannot parse, a number for a title): then none
        created = getattr(meta, "creation_date", None) if meta else None
        published = created.date().isoformat() if created is not None else None
    except (ValueError, TypeError, AttributeError):
        published = None
    try:
        raw_title = meta.title if meta else None
        title = raw_title.strip() or None if isinstance(raw_title, str) else None
    except (ValueError, TypeError, AttributeError):
        title = None
    return PdfExtract(text=text, title=title, published=published)
