"""Reports to cases: the same person across reports, spellings and scripts, is one case.

Blocking first (a key from the transliterated surname), pairwise name comparison only
inside a block, union-find over (report, person) nodes: no quadratic step over the corpus.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cache

from rapidfuzz import fuzz

from casefile.core.names import NAME_SUFFIXES, romanize
from casefile.resources import per_language

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
    return surname_key(parts[-1])


def surname_key(surname: str) -> str:
    return skeleton(surname)[:4]


@cache
def _short_forms() -> dict[str, frozenset[str]]:
    """Skeleton of a given name -> skeletons of the names it may be the same person's as
    (a full name and its short forms, two short forms of one full name), both languages."""
    related: dict[str, set[str]] = defaultdict(set)
    for data in per_language("given_names.yaml").values():
        for full, shorts in (data.get("short_forms") or {}).items():
            forms = {skeleton(latin(full))} | {skeleton(latin(x)) for x in shorts}
            for f in forms:
                related[f] |= forms
    return {k: frozenset(v) for k, v in related.items()}


def _same_given(a: str, b: str) -> bool:
    sa, sb = skeleton(a), skeleton(b)
    return sa == sb or fuzz.ratio(a, b) >= 80 or sb in _short_forms().get(sa, frozenset())


def same_person(a: str, b: str) -> bool:
    la, lb = latin(a), latin(b)
    if la == lb:
        return True
    pa, pb = la.split(), lb.split()
    if not pa or not pb:
        return False
    if skeleton(pa[-1]) != skeleton(pb[-1]) and fuzz.ratio(pa[-1], pb[-1]) < 85:
        return False
    # given names must agree too (same skeleton, close spelling, or a short form of the other);
    # a name of three words or more may have a word before its given name (a title or a role
    # the reader left in it) or after it (a patronymic)
    ga = pa[:-1][:2] if len(pa) > 2 else pa[:1]
    gb = pb[:-1][:2] if len(pb) > 2 else pb[:1]
    return any(_same_given(x, y) for x in ga for y in gb)


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


def _full_name(p: dict) -> str:
    """The canonical name (a nominative in Russian) where it is a full name, else the longest form."""
    if len(p["name"].split()) > 1:
        return p["name"]
    return max(p["forms"], key=lambda f: (len(f.split()), len(f)))


def group_reports(doc_persons: list[tuple[str, list[dict]]]) -> list[Case]:
    """[(doc id, [{"name", "forms", "founding"}, ...]), ...] to cases. A report naming two
    people's cases feeds both. A case exists only where some report tells an act that founds
    one (`founding`, true when absent); a report naming a person by surname alone joins the
    case of the one person of that surname, and is left out where the surname is shared."""
    nodes: list[tuple[str, str]] = []  # (doc id, full name)
    founding: set[int] = set()
    blocks: dict[str, list[int]] = defaultdict(list)
    surnames: list[tuple[str, str]] = []  # (doc id, surname alone)
    for doc, persons in doc_persons:
        for p in persons:
            full = _full_name(p)
            key = block_key(full)
            if key is None:
                if latin(full):
                    surnames.append((doc, latin(full)))
                continue
            blocks[key].append(len(nodes))
            if p.get("founding", True):
                founding.add(len(nodes))
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
    groups = {root: members for root, members in groups.items() if founding.intersection(members)}
    # a surname alone: the one founded case in its block whose person has that surname
    by_surname: dict[str, set[int]] = defaultdict(set)
    for root, members in groups.items():
        for i in members:
            by_surname[latin(nodes[i][1]).split()[-1]].add(root)
    extra: dict[int, set[str]] = defaultdict(set)
    for doc, surname in surnames:
        roots = by_surname.get(surname, set())
        if len(roots) == 1:
            extra[next(iter(roots))].add(doc)
    cases = []
    for root, members in groups.items():
        # the most used spelling, the same whatever order the reports came in
        name = min(Counter(nodes[i][1] for i in members).items(), key=lambda kv: (-kv[1], kv[0]))[0]
        docs = sorted({nodes[i][0] for i in members} | extra[root])
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
