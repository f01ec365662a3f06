"""Event mentions in an English document (filled in by the timeline work, issue 4)."""

from __future__ import annotations

from spacy.tokens import Doc

from casefile.model import EventMention, Mention, Source


def extract_events(doc: Doc, source: Source, mentions: list[Mention]) -> list[EventMention]:
    return []
