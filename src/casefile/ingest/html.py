"""HTML pages through trafilatura: the article's text and the page's own metadata."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import trafilatura

from casefile.errors import IngestError


@dataclass(frozen=True)
class HtmlExtract:
    text: str
    title: str | None
    published: str | None
    outlet: str | None
    language: str | None


def extract_html(html: str, file: str) -> HtmlExtract:
    """Main text and metadata of a page. Script, style and navigation never reach the text."""
    try:
        doc = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, include_tables=True, favor_recall=True
        )
    except Exception as exc:  # trafilatura raises many kinds on broken markup
        raise IngestError(file, f"could not parse the HTML: {exc}") from exc
    if isinstance(doc, dict):  # only with as_dict=True, which is not asked for
        raise IngestError(file, "the HTML extractor returned an unexpected result")
    if doc is None or not (doc.text or "").strip():
        raise IngestError(file, "no article text found in the HTML page")
    published = doc.date
    if published:
        try:
            if date.fromisoformat(published[:10]) > date.today():
                published = None
        except ValueError:
            published = None
    return HtmlExtract(
        text=doc.text or "",
        title=doc.title or None,
        published=published[:10] if published else None,
        outlet=doc.sitename or None,
        language=doc.language or None,
    )
