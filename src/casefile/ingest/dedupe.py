"""Near-duplicates: a wire story republished by several outlets.

Word 5-gram shingles and Jaccard similarity; the later source (by publication
date, then by order) points at the earlier one. Both are kept.
"""

from __future__ import annotations

import math
import re

from casefile.model import Source

THRESHOLD = 0.6
_WORD = re.compile(r"\w+")


def shingles(text: str, n: int = 5) -> set[tuple[str, ...]]:
    words = [w.lower() for w in _WORD.findall(text)]
    return {tuple(words[i : i + n]) for i in range(max(1, len(words) - n + 1))}


def jaccard(a: set[tuple[str, ...]], b: set[tuple[str, ...]]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def original_of(mine: set[tuple[str, ...]], earlier: list[tuple[Source, set[tuple[str, ...]]]]) -> str | None:
    """The first earlier source (itself no copy) that a text with these shingles copies, or None."""
    for src, theirs in earlier:
        if src.duplicate_of is None and jaccard(mine, theirs) >= THRESHOLD:
            return src.id
    return None


def similar_pairs(sets: list[set[tuple[str, ...]]], threshold: float = THRESHOLD) -> set[tuple[int, int]]:
    """The pairs (i, j), i < j, of sets whose Jaccard similarity reaches `threshold`: exactly
    those, without comparing every pair (a registry case runs this on every add).

    Prefix filtering: with the elements of every set in one global order (rarest first), two
    sets of similarity at least t share at least ceil(t * |a|) elements, so they share one among
    the first |a| - ceil(t * |a|) + 1 of either; only pairs that do are compared."""
    freq: dict[tuple[str, ...], int] = {}
    for s in sets:
        for x in s:
            freq[x] = freq.get(x, 0) + 1
    index: dict[tuple[str, ...], list[int]] = {}
    candidates: set[tuple[int, int]] = set()
    for i, s in enumerate(sets):
        if not s:
            continue
        keep = len(s) - math.ceil(threshold * len(s) - 1e-9) + 1
        for x in sorted(s, key=lambda x: (freq[x], x))[:keep]:
            posting = index.setdefault(x, [])
            candidates.update((j, i) for j in posting)
            posting.append(i)
    return {(i, j) for i, j in candidates if jaccard(sets[i], sets[j]) >= threshold}


def mark_duplicates(sources: list[Source]) -> list[Source]:
    """Each source that copies an earlier one (by publication date, then by order) points at
    the first earlier source, itself no copy, that it copies (`original_of`, on every pair)."""
    order = sorted(range(len(sources)), key=lambda i: (sources[i].published or "9999", i))
    pairs = similar_pairs([shingles(s.text) for s in sources])
    similar: dict[int, set[int]] = {}
    for i, j in pairs:
        similar.setdefault(i, set()).add(j)
        similar.setdefault(j, set()).add(i)
    rank = {i: pos for pos, i in enumerate(order)}
    out = list(sources)
    for i in order:
        original = next((out[j].id for j in sorted(similar.get(i, ()), key=rank.__getitem__)
                         if rank[j] < rank[i] and out[j].duplicate_of is None), None)
        if original is not None:
            out[i] = out[i].model_copy(update={"duplicate_of": original})
    return out
