"""Named mentions in an English document: spaCy's entities, typed for the contract."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from casefile.model import EntityType, Mention, Source

LABELS: dict[str, EntityType] = {
    "PERSON": "person", "ORG": "organization", "GPE": "place", "LOC": "place", "FAC": "place", "NORP": "group",
}
_POSSESSIVE = re.compile(r"[’']s?$")


def norm_form(text: str) -> str:
    """The lookup form of a name: no possessive, no surrounding punctuation, single spaces."""
    text = re.sub(r"\s+", " ", text).strip(" \t\n.,;:\"“”«»()[]")
    return _POSSESSIVE.sub("", text).strip()


def extract_mentions(doc: Doc, source: Source) -> list[Mention]:
    sent_index = {s.start: i for i, s in enumerate(doc.sents)}
    out: list[Mention] = []
    for ent in doc.ents:
        etype = LABELS.get(ent.label_)
        if etype is None:
            continue
        sent = sent_index.get(ent.sent.start, 0)
        out.append(Mention(
            id=f"{source.id}:M{len(out) + 1}", source=source.id, text=ent.text,
            start=ent.start_char, end=ent.end_char, type=etype, norm=norm_form(ent.text), sentence=sent,
        ))
    return out
