"""Direct quotes in an English document (filled in by the assessment work, issue 5)."""

from __future__ import annotations

from spacy.tokens import Doc

from casefile.model import Mention, QuoteMention, Source


def extract_quotes(doc: Doc, source: Source, mentions: list[Mention]) -> list[QuoteMention]:
    return []
