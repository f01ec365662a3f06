from __future__ import annotations

from casefile.ingest import ingest_paths
from casefile.read.reader import Reader


def test_empty_and_odd_texts_read_without_error(read_ru):
    assert read_ru("").mentions == []
    assert read_ru("   \n\n ", published="2023-02-30").events == []


def test_every_offset_is_exact_on_the_russian_corpus(corpus):
    docs = sorted((corpus / "gorinov" / "docs").glob("*.txt"))
    sources = [s for s in ingest_paths(docs).sources if s.language == "ru"]
    assert sources
    analyses = list(Reader("ru").read_many(sources))
    assert [a.source for a in analyses] == [s.id for s in sources]
    for src, a in zip(sources, analyses, strict=True):
        ids = {m.id for m in a.mentions}
        for m in a.mentions:
            assert src.text[m.start:m.end] == m.text
            assert m.refers_to is None or m.refers_to in ids
        for e in a.events:
            assert src.text[e.start:e.end] == e.quote
            assert all(mid in ids for mid, _ in e.participants)
            assert e.place is None or e.place in ids
        for q in a.quotes:
            assert src.text[q.start:q.end] == q.text
            assert q.speaker is None or q.speaker in ids
    assert sum(len(a.events) for a in analyses) > 0
