"""Regular-expression pieces built from a language's word lists, for every stage."""

from __future__ import annotations

import re
from collections.abc import Iterable


def alternation(words: Iterable[str]) -> str:
    """The words as one regex alternation, longest first (so that a longer phrase wins over its
    start), each escaped, a space within a phrase matching any run of spaces."""
    return "|".join(r"\s+".join(map(re.escape, w.split())) for w in sorted(words, key=len, reverse=True))
