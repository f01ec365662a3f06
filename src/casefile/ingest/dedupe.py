"""Near-duplicates: a wire story republished by several outlets.

Word 5-gram shingles and Jaccard similarity; the later source (by publication
date, then by order) points at the earlier one. Both are kept.
"""

from __future__ import annotations

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


def mark_duplicates(sources: list[Source]) -> list[Source]:
    order = sorted(range(len(sources)), key=lambda i: (sources[i].published or "9999", i))
    sh = {i: shingles(sources[i].text) for i in order}
    out = list(sources)
    for pos, i in enumerate(order):
        original = original_of(sh[i], [(out[j], sh[j]) for j in order[:pos]])
        if original is not None:
            out[i] = out[i].model_copy(update={"duplicate_of": original})
    return out
