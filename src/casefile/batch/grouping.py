"""Reports to cases: the same person across reports, spellings and scripts, is one case.

Blocking first (a key from the transliterated surname), pairwise name comparison only
inside a block, union-find over (report, person) nodes: no quadratic step over the corpus.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from rapidfuzz import fuzz

from casefile.core.names import NAME_SUFFIXES, romanize

_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_VOWELS = re.compile(r"[aeiouy]+")


def latin(name: str) -> str:
    """A name in plain lower-case Latin letters (romanised as entity resolution does), without
    suffixes: "Jane Doe Jr." is Jane Doe's case."""
    words = re.sub(r"[^a-z ]+", " ", romanize(name).lower()).split()
    return " ".join(w for w in words if w not in NAME_SUFFIXES)


def skeleton(token: str) -> str:
    """Consonant skeleton of a name part, folding common transliteration variants."""
    t = token.replace("kh", "h").replace("zh", "j").replace("dzh", "j").replace("q", "k").replace("w", "v")
    t = t.replace("ks", "x").replace("ts", "c").replace("sh", "s").replace("ch", "c")
    t = re.sub(r"(.)\1+", r"\1", t)
    if not t:
        return t
    head = "a" if t[0] in "aeiouy" else t[0]  # Usmonova / Osmonova: romanisations differ in the first vowel
    return head + _VOWELS.sub("", t[1:])


def block_key(name: str) -> str | None:
    parts = latin(name).split()
    if len(parts) < 2:
        return None  # a single name is too weak to found a case on
    return skeleton(parts[-1])[:4]


def same_person(a: str, b: str) -> bool:
    la, lb = latin(a), latin(b)
    if la == lb:
        return True
    pa, pb = la.split(), lb.split()
    if skeleton(pa[-1]) != skeleton(pb[-1]) and fuzz.ratio(pa[-1], pb[-1]) < 85:
        return False
    # first names must agree too: same skeleton, or close spelling
    return skeleton(pa[0]) == skeleton(pb[0]) or fuzz.ratio(pa[0], pb[0]) >= 80


@dataclass
class Case:
    id: str
    name: str
    docs: list[str]


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[int, int] = {}

    def find(self, x: int) -> int:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        self.parent[self.find(a)] = self.find(b)


def group_reports(doc_persons: list[tuple[str, list[dict]]]) -> list[Case]:
    """[(doc id, [{"name", "forms"}, ...]), ...] to cases. A report naming two people's
    cases feeds both."""
    nodes: list[tuple[str, str]] = []  # (doc id, full name)
    blocks: dict[str, list[int]] = defaultdict(list)
    for doc, persons in doc_persons:
        for p in persons:
            # the canonical name (a nominative in Russian) where it is a full name, else the longest form
            full = p["name"] if len(p["name"].split()) > 1 else max(p["forms"], key=lambda f: (len(f.split()), len(f)))
            key = block_key(full)
            if key is None:
                continue
            blocks[key].append(len(nodes))
            nodes.append((doc, full))
    uf = _UnionFind()
    for members in blocks.values():
        reps: list[int] = []  # one representative per distinct name spelling in the block
        seen: dict[str, int] = {}
        for i in members:
            spelled = latin(nodes[i][1])
            if spelled in seen:
                uf.union(i, seen[spelled])
                continue
            seen[spelled] = i
            for j in reps:
                if same_person(nodes[i][1], nodes[j][1]):
                    uf.union(i, j)
            reps.append(i)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(nodes)):
        groups[uf.find(i)].append(i)
    cases = []
    for members in groups.values():
        name = Counter(nodes[i][1] for i in members).most_common(1)[0][0]
        docs = sorted({nodes[i][0] for i in members})
        cases.append(Case(id=_slug(name), name=name, docs=docs))
    cases.sort(key=lambda c: (-len(c.docs), c.id))
    used: Counter[str] = Counter()
    for c in cases:  # two different people with one name get two case ids
        used[c.id] += 1
        if used[c.id] > 1:
            c.id = f"{c.id}-{used[c.id]}"
    return cases


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", latin(name)).strip("-") or "case"
