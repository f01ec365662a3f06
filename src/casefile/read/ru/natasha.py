"""natasha's parse of a Russian document, loaded into a spaCy `Doc`.

Everything after parsing is language-neutral code over a spaCy `Doc`; this hook
is what Russian needs that spaCy's own packages do not give: natasha's
segmentation, lemmas, morphology (Universal Dependencies features), dependency
parse (UD relations) and NER (PER, ORG, LOC) become the `Doc`'s words, lemmas,
morphs, heads, deps and ents. The text is rebuilt exactly (a run of whitespace
between natasha's tokens becomes a whitespace token, as spaCy's tokenizer makes
one), so character offsets are those of `Source.text`. natasha's normal forms
of its names (the nominative) are kept in `doc.user_data["ent_norms"]`, keyed by
character span.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache

import spacy
from spacy.tokens import Doc
from spacy.vocab import Vocab

from casefile.read.ru.parse import Parsed, parse

SPACE_POS = "SPACE"
ROOT = "ROOT"


@cache
def vocab() -> Vocab:
    """spaCy's Russian vocabulary: its lexical attributes (like_num, is_stop, ...) for the Doc."""
    return spacy.blank("ru").vocab


def tree_heads(p: Parsed) -> dict[int, int | None]:
    """Each natasha token's head, repaired into one tree per sentence.

    The parser sometimes leaves a sentence with no root, two roots, or a cycle; spaCy's `Doc`
    reads sentences off the tree, so each sentence keeps one root (the one natasha labels
    "root", else its first), further roots hang on it, and a cycle is cut where it is entered.
    """
    heads: dict[int, int | None] = {t.i: t.head for t in p.toks}
    for s in p.sents:
        members = range(s.first, s.stop)
        for i in members:  # a head outside the sentence cannot be kept
            h = heads[i]
            if h is not None and not s.first <= h < s.stop:
                heads[i] = None
        roots = [i for i in members if heads[i] is None]
        if not roots:
            labelled = [i for i in members if p.toks[i].rel == "root"]
            roots = [labelled[0] if labelled else s.first]
            heads[roots[0]] = None
        main = next((i for i in roots if p.toks[i].rel == "root"), roots[0])
        for i in roots:
            if i != main:
                heads[i] = main
        for i in members:
            seen: list[int] = []
            j: int | None = i
            while j is not None and j not in seen:
                seen.append(j)
                j = heads[j]
            if j is not None:  # a cycle: cut it at the member reached first
                heads[j] = main if j != main else None
    return heads


def to_doc(p: Parsed) -> Doc:
    """The flattened natasha parse as a spaCy `Doc` over exactly the same text."""
    text = p.text
    fixed = tree_heads(p)
    words: list[str] = []
    spaces: list[bool] = []
    lemmas: list[str] = []
    pos: list[str] = []
    morphs: list[str] = []
    deps: list[str] = []
    heads: list[int | None] = []  # natasha index of the head, or None for a root / whitespace
    index: dict[int, int] = {}  # natasha token -> Doc token

    def gap(chunk: str, attach_to: int | None) -> None:
        words.append(chunk)
        spaces.append(False)
        lemmas.append(chunk)
        pos.append(SPACE_POS)
        morphs.append("")
        deps.append("dep")
        heads.append(attach_to)

    pos_char = 0
    pending_space: list[int] = []  # whitespace tokens waiting for a token to attach to
    for t in p.toks:
        between = text[pos_char:t.start]
        if between:
            if between == " " and words:
                spaces[-1] = True
            else:
                if words and between.startswith(" ") and not spaces[-1]:
                    spaces[-1] = True
                    between = between[1:]
                if between:
                    gap(between, None)
                    pending_space.append(len(words) - 1)
        index[t.i] = len(words)
        words.append(t.text)
        spaces.append(False)
        lemmas.append(t.lemma)
        pos.append(t.pos or "X")
        morphs.append("|".join(f"{k}={v}" for k, v in sorted(t.feats.items())))
        head = fixed[t.i]
        deps.append(ROOT if head is None else ("parataxis" if t.rel == "root" else t.rel))
        heads.append(t.i if head is None else head)
        pos_char = t.end
    tail = text[pos_char:]
    if tail:
        if tail == " " and words:
            spaces[-1] = True
        else:
            gap(tail, None)
    # heads as Doc indices; a whitespace token hangs on the token before it (as spaCy's parser
    # attaches it), or on the one after it at the very start of the text
    doc_heads: list[int] = []
    for k, h in enumerate(heads):
        if pos[k] == SPACE_POS:
            prev = next((j for j in range(k - 1, -1, -1) if pos[j] != SPACE_POS), None)
            nxt = next((j for j in range(k + 1, len(words)) if pos[j] != SPACE_POS), None)
            doc_heads.append(prev if prev is not None else (nxt if nxt is not None else k))
        else:
            doc_heads.append(index.get(h, k) if h is not None else k)
    doc = Doc(vocab(), words=words, spaces=spaces, lemmas=lemmas, pos=pos, morphs=morphs,
              heads=doc_heads, deps=deps)
    ents = []
    norms: dict[tuple[int, int], str] = {}
    for sp in p.spans:
        span = doc.char_span(sp.start, sp.end, label=sp.label)
        if span is None:
            continue
        ents.append(span)
        norms[(span.start_char, span.end_char)] = sp.normal
    from spacy.util import filter_spans

    doc.ents = filter_spans(ents)
    doc.user_data["ent_norms"] = norms
    doc.user_data["sentence_runs"] = {s.start: s.run for s in p.sents}
    doc.user_data["parsed"] = p  # the flat parse, for the steps not yet moved onto the Doc
    return doc


def parse_docs(texts: Iterable[str]) -> Iterator[Doc]:
    """One `Doc` per text, in order (natasha parses one document at a time)."""
    for text in texts:
        yield to_doc(parse(text)) if text.strip() else Doc(vocab(), words=[text] if text else [],
                                                           spaces=[False] if text else [])
