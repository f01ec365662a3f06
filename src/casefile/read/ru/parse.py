"""One natasha parse per Russian document, flattened into plain, indexable tokens.

natasha (slovnet models over navec embeddings) gives segmentation, morphology,
a dependency parse and NER for Russian news text; its models ship inside the
installed packages and load offline. The stages below want global token
indices, heads and children, which natasha keeps as per-sentence string ids,
so the parse is flattened once here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any

from natasha import (
    Doc,
    MorphVocab,
    NewsEmbedding,
    NewsMorphTagger,
    NewsNERTagger,
    NewsSyntaxParser,
    Segmenter,
)
from natasha.doc import DocSent


@dataclass(frozen=True)
class Pipeline:
    segmenter: Segmenter
    morph_vocab: MorphVocab
    morph: NewsMorphTagger
    syntax: NewsSyntaxParser
    ner: NewsNERTagger


@cache
def pipeline() -> Pipeline:
    """The natasha models, loaded once per process (about a second)."""
    emb = NewsEmbedding()
    return Pipeline(Segmenter(), MorphVocab(), NewsMorphTagger(emb), NewsSyntaxParser(emb), NewsNERTagger(emb))


@dataclass(frozen=True)
class Tok:
    i: int  # global index in the document
    text: str
    lemma: str
    pos: str
    feats: dict[str, str]
    start: int
    end: int
    sent: int
    head: int | None  # global index of the head, None at a root
    rel: str


@dataclass(frozen=True)
class Sent:
    index: int
    first: int  # first token index
    stop: int  # one past the last token index
    start: int  # character offsets into the text
    end: int
    run: int = 0  # index of the segmenter's sentence this line of it belongs to (see _lines)


@dataclass(frozen=True)
class NerSpan:
    label: str  # PER, ORG, LOC
    start: int
    end: int
    first: int  # token indices [first, stop)
    stop: int
    normal: str


@dataclass
class Parsed:
    text: str
    toks: list[Tok]
    sents: list[Sent]
    spans: list[NerSpan]
    children: dict[int, list[int]] = field(default_factory=dict)

    def sent_of(self, char: int) -> int:
        for s in self.sents:
            if s.start <= char < s.end:
                return s.index
        return len(self.sents) - 1 if self.sents else 0

    def sent_toks(self, sent: int) -> list[Tok]:
        s = self.sents[sent]
        return self.toks[s.first:s.stop]

    def ancestors(self, i: int) -> list[int]:
        out: list[int] = []
        h = self.toks[i].head
        while h is not None and h not in out and len(out) < 30:
            out.append(h)
            h = self.toks[h].head
        return out

    def subtree(self, i: int, depth: int = 99) -> list[int]:
        out, frontier = [i], [i]
        for _ in range(depth):
            frontier = [c for f in frontier for c in self.children.get(f, [])]
            if not frontier:
                break
            out.extend(frontier)
        return sorted(out)


def parse(text: str) -> Parsed:
    p = pipeline()
    doc = Doc(text)
    doc.segment(p.segmenter)
    runs = _lines(doc)
    doc.tag_morph(p.morph)
    doc.parse_syntax(p.syntax)
    doc.tag_ner(p.ner)
    toks: list[Tok] = []
    sents: list[Sent] = []
    for si, s in enumerate(doc.sents):
        base = len(toks)
        ids = {t.id: base + k for k, t in enumerate(s.tokens)}
        for k, t in enumerate(s.tokens):
            t.lemmatize(p.morph_vocab)
            toks.append(Tok(i=base + k, text=t.text, lemma=(t.lemma or t.text).lower(), pos=t.pos or "",
                            feats=dict(t.feats or {}), start=t.start, end=t.stop, sent=si,
                            head=ids.get(t.head_id), rel=t.rel or ""))
        if s.tokens:
            sents.append(Sent(si, base, len(toks), s.tokens[0].start, s.tokens[-1].stop, runs[si]))
    children: dict[int, list[int]] = {}
    for t in toks:
        if t.head is not None and t.head != t.i:
            children.setdefault(t.head, []).append(t.i)
    return Parsed(text, toks, sents, _spans(doc, toks, p.morph_vocab), children)


def _lines(doc: Any) -> list[int]:
    """Cut the segmenter's sentences at line breaks, before tagging: it runs a headline or a
    caption with no full stop into the next line, and the tagger then reads both as one
    sentence ("Адвокат Петрова" taken as one name). Returns, for each line-sentence, the
    index of the segmenter's sentence it came from (what "the lead" counts in)."""
    out, runs = [], []
    for ri, s in enumerate(doc.sents):
        group: list[Any] = []
        for t in s.tokens:
            if group and "\n" in doc.text[group[-1].stop:t.start]:
                out.append(DocSent(group[0].start, group[-1].stop, doc.text[group[0].start:group[-1].stop], tokens=group))
                runs.append(ri)
                group = []
            group.append(t)
        if group:
            out.append(DocSent(group[0].start, group[-1].stop, doc.text[group[0].start:group[-1].stop], tokens=group))
            runs.append(ri)
    doc.sents = out
    return runs


def _spans(doc: Any, toks: list[Tok], morph_vocab: MorphVocab) -> list[NerSpan]:
    by_start = {t.start: t.i for t in toks}
    by_end = {t.end: t.i for t in toks}
    out: list[NerSpan] = []
    for sp in doc.spans:
        sp.normalize(morph_vocab)
        first, last = by_start.get(sp.start), by_end.get(sp.stop)
        if first is None or last is None:
            continue
        out.append(NerSpan(sp.type, sp.start, sp.stop, first, last + 1, sp.normal or sp.text))
    return out
