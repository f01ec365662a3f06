"""HTML pages through trafilatura: the article's text and the page's own metadata."""

from __future__ import annotations

import re
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


# markup left in an extractor's text: a page so broken (an unclosed <title>, a tag with its "<"
# lost) that the parser read the rest of it as text
_LEFT_MARKUP = re.compile(r"</?(?:html|head|body|title|script|style|div|p|span|table|tr|td|a|br)\b[^<>]*>", re.I)
_SCRIPT_TEXT = re.compile(r"<(script|style)\b[^>]*>.*?(?:</\1\s*>|$)", re.I | re.S)


def _without_markup(text: str) -> str:
    """The text with any script or style block and tag it still carries taken out."""
    if not _LEFT_MARKUP.search(text):
        return text
    return re.sub(r"[ \t]{2,}", " ", _LEFT_MARKUP.sub(" ", _SCRIPT_TEXT.sub(" ", text))).strip()


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
    text = _without_markup(doc.text or "") if doc is not None else ""
    if doc is None or not text.strip():
        raise IngestError(file, "no article text found in the HTML page")
    published = doc.date
    if published:
        try:
            if date.fromisoformat(published[:10]) > date.today():
                published = None
        except ValueError:
            published = None
    return HtmlExtract(
        text=text,
        title=doc.title or None,
        published=published[:10] if published else None,
        outlet=doc.sitename or None,
        language=doc.language or None,
    )
