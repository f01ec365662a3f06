"""The cue words assessment looks for in evidence quotes (approximate figures, bounds on a
term, terms served at liberty, acts in absentia), merged over every language's
`resources/<lang>/assess.yaml`: an event's evidence may come from a report in any of them."""

from __future__ import annotations

import re
from functools import cache

from casefile.resources import per_language


@cache
def cues(key: str) -> tuple[str, ...]:
    """The cues of one list (`approximate`, `duration_qualifiers`, `non_custodial` and its
    `non_custodial_except`, `suspended`, `in_absentia`) in every language."""
    return tuple(c for lang in per_language("assess.yaml").values() for c in lang.get(key) or [])


def has_cue(text: str, key: str) -> bool:
    """A cue of `key` begins a word of `text`, its words as written ("up to", "около")."""
    low = text.lower()
    return any(re.search(rf"(?<!\w){re.escape(c)}", low) for c in cues(key))


@cache
def _stem_pattern(key: str) -> re.Pattern[str] | None:
    alts = [r"\w*\s+".join(re.escape(w) for w in cue.split()) for cue in cues(key)]
    return re.compile(r"(?<!\w)(?:" + "|".join(alts) + ")", re.I) if alts else None


def has_stemmed_cue(text: str, key: str) -> bool:
    """A cue of `key` in `text`, each of its words a stem ("ограничени свободы" matches
    "ограничения свободы", "restricted freedom" matches "restricted freedoms"), outside the phrases of the list `<key>_except` where there is one
    ("условно-досрочное освобождение", parole from a prison term, is no suspended term)."""
    found = _stem_pattern(key)
    if found is None:
        return False
    unless = _stem_pattern(f"{key}_except")
    return bool(found.search(unless.sub(" ", text) if unless else text))
