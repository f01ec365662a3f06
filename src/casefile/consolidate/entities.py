"""Entity resolution across the bundle: one entity per real-world referent.

Mentions are first grouped by their folded lookup form (`norm`; in Russian the
nominative). A one-word person name ("Petrov", "Смолина") is kept per source,
so that it can be resolved against the full names of *its* source. The groups
are then linked, most certain evidence first, under guards that keep apart
what must stay apart:

1. equal transliteration skeletons ("Tamyrjol" / "Tamyrzhol" / "Tamyr Jol",
   "Иван Петров" / "Ivan Petrov");
2. one geonames place under two names ("Bombay" / "Mumbai");
3. a name in parentheses right after another ("Northern Valley Autonomous Region (NVAR)",
   "Tamyr Jolu (Roots Road)");
4. an acronym and the name it abbreviates ("UN" / "United Nations");
5. full person names whose first names and surnames are close (rapidfuzz), or
   that differ by a middle name or patronymic;
6. an organisation's name with a place or middle word added ("Supreme Court" /
   "Supreme Court of X", "Заречный суд" / "Заречный суд Тарвика");
7. a one-word name to the full name that contains it, same source first, exact
   before close ("Petrov", "Dariga's", "Tulemenova"; "Example");
8. a people's singular and plural ("Orvani" / "Orvanis").

A person cue on a mention (a role noun, "detained X") outweighs geonames: "the
poet Jane Sokolov" and a later "Sokolov" are a person, though Sokolov is a town.

Guards: two places that geonames knows as different places never merge, and
two persons whose known first names differ never merge, whatever the chain of
links. Types are decided per entity by a weighted vote over the reader's labels,
the cue words next to each mention, name head words and geonames; roles by the
cue words; the subject is the most central person, not the most frequent string.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, cached_property
from os.path import commonprefix
from typing import TypeVar, cast

from rapidfuzz import fuzz

from casefile.core.names import (
    acronym_matches,
    fold,
    is_acronym,
    is_known_place,
    place_key,
    skeleton,
    token_skeletons,
    tokens,
)
from casefile.core.patterns import alternation
from casefile.model import DocAnalysis, Entity, EntityType, Mention, Role, Source
from casefile.resources import load, per_language

# Weights of the type vote: a cue word or a name's head word says more than the
# small model's label; geonames' main names say most.
_W_LABEL, _W_HINT, _W_HEAD, _W_PLACE = 1, 2, 3, 3
_FIRST_NAME_SIM = 85.0  # rapidfuzz ratio: "Nurlan" / "Nurlen"
_SAME_SURNAME_GIVEN_SIM = 75.0  # given names under one surname, in two romanisations
_SURNAME_SIM = 80.0  # "Tulegenova" / "Tolegenova" / "Tulemenova": one letter in ten
_INFLECTION = 2  # letters an inflected form adds to a word ("суд" / "суда" / "судом")
_MIN_FUZZY_LEN = 5  # shorter words differ in one letter too easily ("Lu" / "Li")
_T = TypeVar("_T")
_SUBJECT_PENALTY_ROLES = {"lawyer", "spokesperson", "authority", "relative", "witness", "advocate"}


@dataclass
class EntityResolution:
    entities: list[Entity] = field(default_factory=list)
    of_mention: dict[str, str] = field(default_factory=dict)  # mention id -> entity id
    subject: str | None = None  # entity id


@dataclass
class _Node:
    """All mentions of one name form (one-word person names: of one source)."""

    key: str
    mentions: list[Mention] = field(default_factory=list)
    votes: Counter[str] = field(default_factory=Counter)

    @cached_property
    def norm(self) -> str:
        return Counter(m.norm for m in self.mentions).most_common(1)[0][0]

    @cached_property
    def words(self) -> list[str]:
        return token_skeletons(self.norm)

    @cached_property
    def multi(self) -> bool:
        return len(self.words) >= 2

    @property
    def type(self) -> str:
        return _top(self.votes)

    @cached_property
    def sources(self) -> set[str]:
        return {m.source for m in self.mentions}


def resolve_entities(analyses: list[DocAnalysis], sources: list[Source]) -> EntityResolution:
    order = {s.id: i for i, s in enumerate(sources)}
    for a in analyses:
        order.setdefault(a.source, len(order))
    mentions = [m for a in analyses for m in a.mentions]
    nodes = _nodes(mentions)
    clusters = _Clusters(nodes)
    _link_skeletons(clusters)
    _link_places(clusters)
    _link_designated(clusters)
    _link_parentheses(clusters, mentions, {s.id: s.text for s in sources})
    _link_acronyms(clusters)
    _link_initials(clusters)
    _link_full_names(clusters)
    _link_qualified_names(clusters)
    _link_institutions(clusters)
    _link_facilities(clusters)
    _link_syllabic(clusters)
    _link_referents(clusters)
    _link_short_forms(clusters)
    _link_plurals(clusters)
    return _build(clusters, analyses, order, {s.id: s.text for s in sources})


# ------------------------------------------------------------------ nodes and clusters


def _nodes(mentions: list[Mention]) -> list[_Node]:
    by_key: dict[str, _Node] = {}
    for m in mentions:
        base = fold(m.norm) or fold(m.text) or m.text
        single = len(tokens(m.norm)) == 1 and not is_acronym(m.norm)
        key = f"{m.source}|{base}" if single else base
        node = by_key.setdefault(key, _Node(key))
        node.mentions.append(m)
    for node in by_key.values():
        node.votes = _node_votes(node)
    return list(by_key.values())


def _node_votes(node: _Node) -> Counter[str]:
    votes: Counter[str] = Counter()
    for m in node.mentions:
        votes[m.type] += _W_LABEL
        for t in m.type_hints:
            votes[t] += _W_HINT
    words = tokens(node.norm)
    heads = _heads()
    if len(words) >= 2 and words[-1] in heads:
        votes[heads[words[-1]]] += _W_HEAD * len(node.mentions)
    if is_known_place(node.norm):
        # a person cue beats geonames: "the poet Jane Sokolov", "Sokolov said" after her full name
        votes["place"] += _W_PLACE * sum("person" not in m.type_hints for m in node.mentions)
    return votes


@cache
def _heads() -> dict[str, EntityType]:
    return _name_lexicon("name_heads")  # type: ignore[return-value]


@cache
def _name_lexicon(key: str) -> dict[str, str]:
    """word -> value from `key` of every language's entities.yaml (names mix scripts in one bundle)."""
    out: dict[str, str] = {}
    for data in per_language("entities.yaml").values():
        for value, words in (data.get(key) or {}).items():
            out.update({fold(w): value for w in words})
    return out


def _top(votes: Counter[str]) -> str:
    if not votes:
        return "organization"
    rank = {"person": 0, "organization": 1, "place": 2, "group": 3}
    return min(votes, key=lambda t: (-votes[t], rank.get(t, 9)))


class _Clusters:
    """Union-find over nodes, keeping what the guards need per cluster."""

    def __init__(self, nodes: list[_Node]) -> None:
        self.nodes = nodes
        self.parent = list(range(len(nodes)))
        self.members: dict[int, list[int]] = {i: [i] for i in range(len(nodes))}
        self.root_votes: dict[int, Counter[str]] = {i: Counter(n.votes) for i, n in enumerate(nodes)}

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def votes(self, i: int) -> Counter[str]:
        return self.root_votes[self.find(i)]

    def type(self, i: int) -> str:
        return _top(self.votes(i))

    def places(self, i: int) -> set[str]:
        keys = set()
        for j in self.members[self.find(i)]:
            n = self.nodes[j]
            if n.type == "place" and is_known_place(n.norm):
                keys.add(place_key(n.norm))
        return {k for k in keys if k}

    def first_names(self, i: int) -> set[str]:
        if self.type(i) != "person":
            return set()
        # every given name of the full names: "Ivo Dan Stanev" may be written "Dan Stanev"; a name
        # written with initials gives its initials, wherever they stand ("Ospan T.")
        return {w for j in self.members[self.find(i)]
                if self.nodes[j].multi and self.nodes[j].type == "person" for w in _given_names(self.nodes[j].words)}

    def can_join(self, a: int, b: int, given_sim: float | None = None) -> bool:
        """Whether two clusters may be one referent: no two places apart, given names that agree
        (closer than `given_sim` when the caller knows the surnames are one)."""
        pa, pb = self.places(a), self.places(b)
        if pa and pb and not pa & pb:
            return False
        fa, fb = self.first_names(a), self.first_names(b)
        if not (fa and fb):
            return True
        # an initial ("T. Ospan") agrees with the names it begins; two written out must be close
        full_a, full_b = {w for w in fa if len(w) > 1}, {w for w in fb if len(w) > 1}
        if full_a and full_b:
            return any(_given_match(x, y) or (given_sim is not None and _similar(x, y, given_sim))
                       for x in full_a for y in full_b)
        return bool({w[0] for w in fa} & {w[0] for w in fb})

    def union(self, a: int, b: int, given_sim: float | None = None) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        if not self.can_join(a, b, given_sim):
            return False
        if ra > rb:
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.members[ra] += self.members.pop(rb)
        self.root_votes[ra] += self.root_votes.pop(rb)
        return True


def _given_names(words: list[str]) -> list[str]:
    letters = [w for w in words if len(w) == 1]
    return letters if letters and len(letters) < len(words) else words[:-1]


@cache
def _hypocorisms() -> dict[str, frozenset[str]]:
    """Given-name skeleton -> the full names it may stand for ("sasa" -> "aleksandr", "aleksandra"),
    from every language's entities.yaml `hypocorisms`; a full name stands for itself."""
    out: dict[str, set[str]] = defaultdict(set)
    for data in per_language("entities.yaml").values():
        for full, short in (data.get("hypocorisms") or {}).items():
            key = skeleton(str(full))
            out[key].add(key)
            for s in short or []:
                out[skeleton(str(s))].add(key)
    return {k: frozenset(v) for k, v in out.items()}


def other_given_name(a: str, b: str) -> bool:
    """Two full names whose given names are of two people ("Дарья Лосик", "Игорь Лосик": a
    surname two members of a family share)."""
    wa, wb = token_skeletons(a), token_skeletons(b)
    return len(wa) >= 2 and len(wb) >= 2 and not _given_match(wa[0], wb[0])


def _given_match(a: str, b: str) -> bool:
    """Two given names of one person: close spellings, or a name and its familiar form ("Женя",
    "Евгения"; "Sasha", "Aleksandra")."""
    if _similar(a, b, _FIRST_NAME_SIM):
        return True
    forms = _hypocorisms()
    return bool(forms.get(a, frozenset({a})) & forms.get(b, frozenset({b})))


def _familiar_pair(a: list[str], b: list[str]) -> bool:
    """ "Женя Лесных" and "Евгения Лесных": one surname, and given names a familiar form apart
    (one report may well write both)."""
    if len(a) != 2 or len(b) != 2 or a[-1] != b[-1] or a[0] == b[0]:
        return False
    forms = _hypocorisms()
    return bool(forms.get(a[0], frozenset()) & forms.get(b[0], frozenset()))


def _similar(a: str, b: str, threshold: float) -> bool:
    if a == b:
        return True
    if min(len(a), len(b)) < _MIN_FUZZY_LEN:
        return False
    return fuzz.ratio(a, b) >= threshold


def _person_single(n: _Node) -> bool:
    return not n.multi and n.type == "person"


# ------------------------------------------------------------------ linking steps


def _link_skeletons(cl: _Clusters) -> None:
    """Spelling variants: equal skeletons, spaces and hyphens ignored ("Tamyr Jol" / "Tamyrjol")."""
    groups: dict[str, list[int]] = defaultdict(list)
    for i, n in enumerate(cl.nodes):
        key = "".join(n.words) or skeleton(n.norm)
        if key and not _person_single(n):
            groups[key].append(i)
    for members in groups.values():
        for j in members[1:]:
            cl.union(members[0], j)


def _link_places(cl: _Clusters) -> None:
    """One geonames place under several names: a renamed city, an old spelling."""
    by_place: dict[str, list[int]] = defaultdict(list)
    for i, n in enumerate(cl.nodes):
        key = place_key(n.norm)
        if key and n.type == "place":
            by_place[key].append(i)
    for members in by_place.values():
        for j in members[1:]:
            cl.union(members[0], j)


def _link_designated(cl: _Clusters) -> None:
    """A territory named with its status and without ("Republic of X", "X"): one place."""
    designators, connectors = _designator_words()
    bare: dict[str, list[int]] = defaultdict(list)
    for i, n in enumerate(cl.nodes):
        if cl.type(i) == "place":
            bare[" ".join(n.words)].append(i)
    for i, n in enumerate(cl.nodes):
        if cl.type(i) != "place" or not any(w in designators for w in n.words):
            continue
        rest = " ".join(w for w in n.words if w not in designators and w not in connectors)
        if rest and rest != " ".join(n.words):
            for j in bare.get(rest, []):
                cl.union(i, j)


@cache
def _designator_words() -> tuple[frozenset[str], frozenset[str]]:
    """Every language's `state_designators` and name connectors, as skeletons."""
    designators: set[str] = set()
    connectors: set[str] = set()
    for data in per_language("entities.yaml").values():
        designators |= {skeleton(str(w)) for w in data.get("state_designators") or []}
        connectors |= {skeleton(str(w)) for w in data.get("name_connectors") or []}
    return frozenset(designators), frozenset(connectors)


def _link_parentheses(cl: _Clusters, mentions: list[Mention], texts: dict[str, str]) -> None:
    """ "Full Name (ACRONYM)", "Name (Translated Name)": the second names the first."""
    index = {m.id: i for i, n in enumerate(cl.nodes) for m in n.mentions}
    by_source: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        by_source[m.source].append(m)
    for sid, ms in by_source.items():
        text = texts.get(sid, "")
        ms = sorted(ms, key=lambda m: m.start)
        for a, b in zip(ms, ms[1:], strict=False):
            between, after = text[a.end:b.start], text[b.end:b.end + 3]
            if between.strip() != "(" or not after.lstrip().startswith(")"):
                continue
            ia, ib = index[a.id], index[b.id]
            if _names_in_parentheses(cl, ia, ib):
                cl.union(ia, ib)


def _names_in_parentheses(cl: _Clusters, ia: int, ib: int) -> bool:
    """Whether "A (B)" gives B as another name of A, not as a place, party or agency beside it."""
    a, b = cl.nodes[ia], cl.nodes[ib]
    if "person" in (cl.type(ia), cl.type(ib)) and cl.type(ia) != cl.type(ib):
        return False  # "Jane Doe (Example Party)" is a person and her party
    if is_known_place(a.norm) or is_known_place(b.norm):
        return place_key(a.norm) == place_key(b.norm)  # "Town (Country)", "TOWN, Country (AP)"
    if is_acronym(b.norm):
        # "State Committee for National Security (GKNB)": an
        # organisation's acronym is often of its name in another language, so the letters need
        # not match; for anything else they must
        if cl.type(ia) == "organization":
            return True
        return acronym_matches(b.norm, a.norm) or skeleton(b.norm)[:1] == skeleton(a.norm)[:1]
    return True


def _link_acronyms(cl: _Clusters) -> None:
    """An acronym and the name it abbreviates ("UN" / "United Nations"), also with the words after it
    written out in both ("ВС РФ" / "Верховный суд РФ", "UN Security Council" / "United Nations
    Security Council"). The letters may stand for every word, as Russian writes names in lower case."""
    for i, n in enumerate(cl.nodes):
        if cl.type(i) == "person":
            continue
        words = n.norm.split()
        if is_acronym(n.norm):
            acronym, tail = n.norm, []
        elif len(words) >= 2 and is_acronym(words[0]):
            acronym, tail = words[0], n.words[1:]
        else:
            continue
        cands = set()
        for j, o in enumerate(cl.nodes):
            if not o.multi or cl.type(j) == "person" or (tail and o.words[-len(tail):] != tail):
                continue
            head = " ".join(o.norm.split()[:len(o.norm.split()) - len(tail)])
            if head and (acronym_matches(acronym, head) or _all_initials(acronym, head)):
                cands.add(cl.find(j))
        cands.discard(cl.find(i))
        if len(cands) == 1:
            cl.union(i, cands.pop())


def _all_initials(acronym: str, name: str) -> bool:
    """ "ВС" of "Верховный суд": the first letters of every word of two or more (connectors aside)."""
    words = [w for w in tokens(name) if w not in ("of", "the", "and", "for", "и", "по")]
    letters = re.sub(r"[/.&\-\s]", "", acronym).lower()
    return len(words) >= 2 and "".join(w[0] for w in words) == letters


def _link_initials(cl: _Clusters) -> None:
    """A name written with initials ("T. Ospan", "Оспанов Т.", "Ospan T. K.") is the one full name
    of that surname whose given name begins with the initial, where the bundle has exactly one."""
    full = [j for j, o in enumerate(cl.nodes) if o.multi and cl.type(j) == "person"
            and all(len(w) > 1 for w in o.words)]
    for i, n in enumerate(cl.nodes):
        if not n.multi or cl.type(i) != "person":
            continue
        letters = [w for w in n.words if len(w) == 1]
        names = [w for w in n.words if len(w) > 1]
        if not letters or len(names) != 1:
            continue
        surname, initial = names[0], letters[0]
        cands = {cl.find(j) for j in full if cl.find(j) != cl.find(i)
                 and _similar(cl.nodes[j].words[-1], surname, _SURNAME_SIM)
                 and any(w.startswith(initial) for w in cl.nodes[j].words[:-1])}
        if len(cands) == 1:
            cl.union(i, cands.pop())


def _link_full_names(cl: _Clusters) -> None:
    """Full person names spelled differently: first names and surnames both close."""
    people = [i for i, n in enumerate(cl.nodes) if n.multi and n.type == "person"]
    for x, i in enumerate(people):
        for j in people[x + 1:]:
            a, b = cl.nodes[i], cl.nodes[j]
            if cl.find(i) == cl.find(j):
                continue
            if len(a.words) != len(b.words):
                # a middle name or patronymic: "Ivan Smolin" / "Ivan Petrovich Smolin"
                if abs(len(a.words) - len(b.words)) == 1 and a.words[0] == b.words[0] \
                        and a.words[-1] == b.words[-1]:
                    cl.union(i, j)
                # a double first name written in part: "Dan Stanev" / "Ivo Dan Stanev"
                short, long = sorted((a.words, b.words), key=len)
                if len(long) - len(short) == 1 and long[1:] == short:
                    cl.union(i, j)
                continue
            if _vowels_apart(a.words, b.words) and cl.union(i, j, given_sim=_SAME_SURNAME_GIVEN_SIM):
                continue  # "Raman Kalatsevich" / "Roman Kolotsevich": two romanisations' vowels
            if a.sources & b.sources and not _familiar_pair(a.words, b.words):
                continue  # one report writing two spellings of a full name names two people
            if all(_similar(p, q, _SURNAME_SIM) if k else _given_match(p, q)
                   for k, (p, q) in enumerate(zip(a.words, b.words, strict=True))):
                cl.union(i, j)
            elif a.words[-1] == b.words[-1] and len(a.words) == 2 and \
                    _similar(a.words[0], b.words[0], _SAME_SURNAME_GIVEN_SIM):
                # one surname, the given name in two romanisations ("Siarhei"/"Sergei",
                # "Aliaksei"/"Aleksei": the Belarusian and the Russian form)
                cl.union(i, j, given_sim=_SAME_SURNAME_GIVEN_SIM)


_VOWELS = re.compile(r"[aeiouy]")


def _vowels_apart(a: list[str], b: list[str]) -> bool:
    """Names whose words differ in their vowels alone ("Aliyev" / "Aliyov", "Raman Kalatsevich"
    / "Roman Kolotsevich": romanisations of one vowel, Belarusian and Russian forms), each word
    ending alike (a vowel or not: "Petrova" is not "Petrov"): one person, even in one report."""
    if len(a) != len(b) or len(a[-1]) <= 3:
        return False
    return all(_VOWELS.sub("", p) == _VOWELS.sub("", q) and bool(_VOWELS.match(p[-1])) == bool(_VOWELS.match(q[-1]))
               for p, q in zip(a, b, strict=True))


def _link_qualified_names(cl: _Clusters) -> None:
    """An organisation's name and the same with a place or a middle word added, or with what it is
    written before it.

    "Supreme Court" / "Supreme Court of Country", "Заречный суд" / "Заречный
    суд Тарвика", "X court" / "X district court", "Example" / "Human Rights Center
    Example". Only when one longer name fits.
    """
    place_words = {fold(m.text) for n in cl.nodes if n.type == "place" for m in n.mentions}
    place_words |= {fold(n.norm) for n in cl.nodes if n.type == "place"}
    orgs = [i for i, n in enumerate(cl.nodes) if n.multi and cl.type(i) == "organization"]
    for i in orgs:
        a = cl.nodes[i].words
        cands = set()
        for j in orgs:
            b = cl.nodes[j].words
            if len(b) <= len(a) or cl.find(i) == cl.find(j):
                continue
            if b[-len(a):] == a and _heads().get(tokens(cl.nodes[j].norm)[len(b) - len(a) - 1]) == "organization":
                # "Human Rights Center “Example”" / "Example": its own name after what it is
                cands.add(cl.find(j))
                continue
            if b[0] != a[0]:
                continue
            extra = tokens(cl.nodes[j].norm)[len(a):]
            if b[:len(a)] == a and extra and all(_is_place_word(w, place_words) for w in extra):
                cands.add(cl.find(j))
            elif b[-1] == a[-1] and _is_subsequence(a, b):
                cands.add(cl.find(j))
        if len(cands) == 1:
            cl.union(i, cands.pop())


@dataclass(frozen=True)
class _Institution:
    kind: str
    levels: frozenset[str]
    words: frozenset[str]  # its distinctive words, as skeletons


@cache
def _institution_words() -> tuple[dict[str, str], dict[str, str], frozenset[str]]:
    """Every language's institution kinds and levels (word skeleton -> key) and fillers."""
    kinds: dict[str, str] = {}
    levels: dict[str, str] = {}
    fillers: set[str] = set()
    for data in per_language("entities.yaml").values():
        for table, out in ((data.get("institution_kinds"), kinds), (data.get("institution_levels"), levels)):
            out.update({skeleton(str(w)): str(k) for k, ws in (table or {}).items() for w in ws or []})
        fillers |= {skeleton(str(w)) for w in data.get("institution_fillers") or []}
    return kinds, levels, frozenset(fillers)


def _word_in(word: str, table: dict[str, str]) -> str | None:
    """The table's value for a word or an inflected form of it ("суда", "суду" for "суд")."""
    if word in table:
        return table[word]
    return next((v for k, v in table.items() if word.startswith(k) and len(word) - len(k) <= _INFLECTION), None)


def _institution(n: _Node) -> _Institution | None:
    kinds, levels, fillers = _institution_words()
    kind, level, rest = None, set(), set()
    for w in n.words:
        k, lv = _word_in(w, kinds), _word_in(w, levels)
        if lv:
            level.add(lv)
        if k:
            kind = kind or k
        elif not lv and w not in fillers and len(w) > 2:
            rest.add(w)
    return _Institution(kind, frozenset(level), frozenset(rest)) if kind and rest else None


def _among(words: frozenset[str], others: frozenset[str]) -> bool:
    """Every word of one name is a word of the other, or a form of it (an ending apart:
    "okrujnoi", "okrujni", one adjective in two forms a normaliser may give)."""
    return all(any(_one_word(w, o) for o in others) for w in words)


def _one_word(a: str, b: str) -> bool:
    common = len(commonprefix([a, b]))
    return a == b or (common >= 3 and common >= max(len(a), len(b)) - _INFLECTION)


def _link_institutions(cl: _Clusters) -> None:
    """One institution under names in several languages or forms ("Заречный суд Велброда",
    "Заречный райсуд", "Zarechny District Court"): the same kind (a court), no level that
    differs (district, city), and the distinctive words of one all among the other's, compared
    by skeleton so that scripts and romanisations agree. Only when one other name fits."""
    found = [(i, x) for i, n in enumerate(cl.nodes) if cl.type(i) == "organization" and (x := _institution(n))]

    def fit(a: _Institution, b: _Institution) -> bool:
        return a.kind == b.kind and not (a.levels and b.levels and a.levels != b.levels) \
            and (_among(a.words, b.words) or _among(b.words, a.words))

    _link_fitting(cl, found, fit)


def _link_fitting(cl: _Clusters, found: list[tuple[int, _T]], fit: Callable[[_T, _T], bool],
                  clash: Callable[[_T, _T], bool] | None = None) -> None:
    """Join each name to the clusters one of whose names fits one of its cluster's and none
    clashes (by default, every name must fit every name: "X court" does not join "X City Court"
    when it has already joined "X district court"), when those clusters fit one another too:
    several may fit when they are one referent ("X суд Москвы", "X райсуд Москвы"), not when
    they are two ("X суд Москвы", "X суд Твери")."""

    def members(i: int) -> list[_T]:
        return [x for j, x in found if cl.find(j) == cl.find(i)]

    def apart(a: _T, b: _T) -> bool:
        return not fit(a, b) if clash is None else clash(a, b)

    def compatible(i: int, j: int) -> bool:
        return not any(apart(a, b) for a in members(i) for b in members(j))

    def fits(i: int, j: int) -> bool:
        return compatible(i, j) and any(fit(a, b) for a in members(i) for b in members(j))

    def cands(i: int) -> dict[int, int]:
        return {cl.find(j): j for j, _ in found if cl.find(i) != cl.find(j) and fits(i, j)}

    def agree(c: dict[int, int]) -> bool:
        return all(compatible(j, k) for j in c.values() for k in c.values() if j != k)

    for i, _ in found:
        mine = cands(i)
        # where one fitting pair suffices, nor when a cluster that fits may be of another
        # referent too ("colony No. 9" of two towns' colonies)
        if mine and agree(mine) and (clash is None or all(agree(cands(j)) for j in mine.values())):
            for j in mine.values():
                cl.union(i, j)


@dataclass(frozen=True)
class _Facility:
    kind: str
    number: str | None
    names: frozenset[str]  # skeletons of its own capitalised words: the town, its name


@cache
def _facility_words() -> tuple[dict[str, str], tuple[str, ...]]:
    """Every language's kind words of detention places (skeleton -> kind) and the qualifiers
    of a kind ("penal", "исправительная": stems, as skeletons)."""
    kinds: dict[str, str] = {}
    qualifiers: list[str] = []
    for data in per_language("entities.yaml").values():
        fac = data.get("facilities") or {}
        kinds.update({skeleton(str(w)): str(k) for k, ws in (fac.get("kinds") or {}).items() for w in ws or []})
        qualifiers += [skeleton(str(w)) for w in fac.get("qualifiers") or []]
    return kinds, tuple(qualifiers)


_FACILITY_NUMBER = re.compile(r"(?<![\d])(\d{1,3})(?![\d])")


def _facility(n: _Node) -> _Facility | None:
    """A detention place's kind, number and own names, from a name such as "Velbrod penal colony
    № 9", "ИК-2 Мордовии" or "the Velbrod colony"."""
    kinds, qualifiers = _facility_words()
    kind, names = None, set()
    for word in n.norm.split():
        letters = re.sub(r"[\d\W_]+$", "", word)  # "ИК-2": the code
        key = skeleton(letters)
        if not key:
            continue
        k = _word_in(key, kinds)
        if k:
            kind = kind or k
        elif letters[:1].isupper() and len(key) > 2 and not letters.isupper() \
                and not any(key.startswith(q) for q in qualifiers):
            names.add(key)
    if kind is None:
        return None
    m = _FACILITY_NUMBER.search(n.norm)
    return _Facility(kind, m.group(1) if m else None, frozenset(names))


def _link_facilities(cl: _Clusters) -> None:
    """One detention place under several names ("Velbrod penal colony № 9", "correctional colony
    No. 9", "ИК-9", "the Velbrod colony"): the same kind and number, and no own names that differ
    (the town); a name without a number joins the one numbered place of its kind and town."""
    found = [(i, x) for i, n in enumerate(cl.nodes) if cl.type(i) == "place" and (x := _facility(n))]

    def clash(a: _Facility, b: _Facility) -> bool:
        return a.kind != b.kind or bool(a.number and b.number and a.number != b.number) \
            or bool(a.names and b.names and not (_among(a.names, b.names) or _among(b.names, a.names)))

    def fit(a: _Facility, b: _Facility) -> bool:
        return not clash(a, b) and (a.number is not None and a.number == b.number or bool(a.names and b.names))

    _link_fitting(cl, found, fit, clash)


def _link_syllabic(cl: _Clusters) -> None:
    """An organisation's one-word name made of the first letters of each word of another's full
    name, in turn ("Мосгорсуд" of "Московский городской суд", "Минюст" of "Министерство
    юстиции"): one organisation, where exactly one full name fits."""
    fillers = _institution_words()[2]
    full = [(i, [w for w in n.words if w not in fillers]) for i, n in enumerate(cl.nodes)
            if n.multi and cl.type(i) == "organization"]
    for i, n in enumerate(cl.nodes):
        if n.multi or not n.words or cl.type(i) != "organization" or is_acronym(n.norm) \
                or len(n.words[0]) < _MIN_SYLLABIC:
            continue
        cands = {cl.find(j) for j, words in full if len(words) >= 2 and _syllabic(n.words[0], words)}
        if len(cands) == 1:
            cl.union(i, cands.pop())


_MIN_SYLLABIC = 6  # letters of a compound abbreviation ("минюст"): shorter ones fit too much


def _syllabic(word: str, words: list[str]) -> bool:
    """`word` is the first letters (two or more) of each of `words` in turn; of the last, the
    whole word with an ending, or its start ("mosgorsud": "moskovski gorodskoi sud")."""
    head = words[0]
    if len(words) == 1:
        return len(word) >= 2 and (head.startswith(word) or (word.startswith(head) and len(word) - len(head) <= _INFLECTION))
    return any(word[:k] == head[:k] and _syllabic(word[k:], words[1:]) for k in range(2, min(len(head), len(word)) + 1))


def _is_place_word(word: str, place_words: set[str]) -> bool:
    if word in ("of", "in", "the"):
        return True
    return word in place_words or is_known_place(word) or (len(word) <= 3 and word.isalpha())


def _is_subsequence(short: list[str], long: list[str]) -> bool:
    it = iter(long)
    return all(w in it for w in short)


def _link_referents(cl: _Clusters) -> None:
    """A one-word name the reader already tied to a full name of its report (by the language's
    morphology: "Кудеину" is a man's dative, not his mother's "Кудеина") joins that name."""
    node_of = {m.id: j for j, n in enumerate(cl.nodes) for m in n.mentions}
    for i, n in enumerate(cl.nodes):
        if n.multi:
            continue
        targets = {cl.find(node_of[m.refers_to]) for m in n.mentions if m.refers_to in node_of}
        if len(targets) == 1 and all(m.refers_to for m in n.mentions):
            cl.union(i, targets.pop())


def _link_short_forms(cl: _Clusters) -> None:
    """A one-word name to the full name containing it: same source first, exact before close."""
    multi = [j for j, o in enumerate(cl.nodes) if o.multi]
    by_word: dict[str, list[int]] = defaultdict(list)
    for j in multi:
        for w in set(cl.nodes[j].words):
            by_word[w].append(j)
    # a word some report uses as a people's name ("Orvani") is no short name of
    # "Orvani Writers Union" in another, whatever the label there
    fold_votes: dict[str, Counter[str]] = defaultdict(Counter)
    for n in cl.nodes:
        if not n.multi:
            fold_votes[fold(n.norm)].update(n.votes)
            if fold(n.norm).endswith("s"):  # "Orvanis" votes for "Orvani" too
                fold_votes[fold(n.norm)[:-1]].update(n.votes)
    peoples = {k for k, v in fold_votes.items() if _top(v) == "group"}
    for i, n in enumerate(cl.nodes):
        if n.multi or is_acronym(n.norm) or not n.words:
            continue
        word, own_type = n.words[0], cl.type(i)
        if is_known_place(n.norm) and own_type not in ("person", "group"):
            continue
        if own_type == "group":
            # a given name the tagger took for a people's ("Ales was placed in a cell"): the one
            # person with that given name in each report that writes it
            told = {sid for k in cl.members[cl.find(i)] for sid in cl.nodes[k].sources}
            given = [{cl.find(j) for j in by_word.get(word, []) if cl.type(j) == "person"
                      and cl.nodes[j].words[0] == word and sid in cl.nodes[j].sources} for sid in told]
            if all(len(g) == 1 for g in given) and len(set.union(*given)) == 1:
                cl.union(i, given[0].pop())
            continue
        if own_type != "person" and fold(n.norm) in peoples:
            continue
        for exact in (True, False):
            pool = by_word.get(word, []) if exact else multi
            full = [j for j in pool if cl.find(j) != cl.find(i)]
            for same_source in (True, False):
                cands = {cl.find(j) for j in full
                         if (not same_source or cl.nodes[j].sources & n.sources)
                         and _fits(own_type, cl.type(j)) and _contains(cl, j, word, exact)}
                if _attach(cl, i, cands, same_source):
                    break
            else:
                continue
            break
    # one-word person names left alone in several sources are one entity, or
    # join the one full name their siblings joined
    siblings: dict[str, list[int]] = defaultdict(list)
    for i, n in enumerate(cl.nodes):
        if _person_single(n):
            siblings[n.key.split("|", 1)[-1]].append(i)  # an acronym or a word-less name has no source prefix
    for members in siblings.values():
        attached = {cl.find(i) for i in members if len(cl.members[cl.find(i)]) > 1}
        target = attached.pop() if len(attached) == 1 else None
        for i in members:
            if len(cl.members[cl.find(i)]) == 1:
                cl.union(target if target is not None else members[0], i)


def _fits(short_type: str, full_type: str) -> bool:
    """Whether a one-word name of this type can be short for a full name of that type.

    The tagger calls foreign organisations persons often enough that a "person"
    short form may name an organisation; a place is no short name of one.
    """
    if full_type == "organization":
        return short_type in ("organization", "person")
    return short_type != "group"


def _contains(cl: _Clusters, j: int, word: str, exact: bool) -> bool:
    node = cl.nodes[j]
    ctype = cl.type(j)
    if ctype == "person":
        pool = node.words
    elif ctype == "organization":
        # a short name of "Example International" is "Example", of "Rights Centre Example" "Example"
        pool = [node.words[0], node.words[-1]]
    elif ctype == "place":
        pool = node.words[:1]
    else:
        return False
    if exact:
        return word in pool
    return ctype == "person" and any(_similar(word, w, _SURNAME_SIM) for w in pool[1:] or pool)


def _attach(cl: _Clusters, i: int, cands: set[int], same_source: bool) -> bool:
    if not cands:
        return False
    if len(cands) == 1:
        return cl.union(i, next(iter(cands)))
    if not same_source and all(cl.type(c) == "organization" for c in cands):
        # "Example" short for both "Example International" and "Example International USA"
        return all(cl.union(i, c) for c in sorted(cands))
    if same_source:  # several in the report: the one named last before this mention
        first = min(m.start for m in cl.nodes[i].mentions)
        sid = cl.nodes[i].mentions[0].source
        best, best_pos = None, -1
        for c in cands:
            for j in cl.members[c]:
                for m in cl.nodes[j].mentions:
                    if m.source == sid and best_pos < m.start < first:
                        best, best_pos = c, m.start
        if best is not None:
            return cl.union(i, best)
    return False


def _link_plurals(cl: _Clusters) -> None:
    """A people's singular and plural: "Orvani" / "Orvanis"."""
    by_fold = {fold(n.norm): i for i, n in enumerate(cl.nodes)}
    for i, n in enumerate(cl.nodes):
        j = by_fold.get(fold(n.norm) + "s")
        if j is not None and "group" in (cl.type(i), cl.type(j)):
            cl.union(i, j)


# ------------------------------------------------------------------ output


def _build(cl: _Clusters, analyses: list[DocAnalysis], order: dict[str, int],
           texts: dict[str, str]) -> EntityResolution:
    roots = sorted(cl.members, key=lambda r: _first_seen(cl, r, order))
    # the person an act happens to counts fully; one named in another role (who accused, who
    # was told) half
    participation: dict[str, float] = {}
    for a in analyses:
        for ev in a.events:
            for mid, role in ev.participants:
                participation[mid] = participation.get(mid, 0.0) + (1.0 if role == "subject" else 0.5)
    titles = _title_mentions(analyses)
    firsts = _first_persons(analyses, titles)
    root_of = {m.id: cl.find(j) for j, n in enumerate(cl.nodes) for m in n.mentions}
    types = {r: cl.type(r) for r in roots}
    roles_of = {r: _roles([m for j in cl.members[r] for m in cl.nodes[j].mentions], types[r]) for r in roots}
    for person, org in _affiliations(analyses, texts, root_of, types):
        inherited = [x for x in roles_of[org] if x in ("authority", "advocate")]
        roles_of[person] += [x for x in inherited if x not in roles_of[person]]
    drafts = []
    for r in roots:
        ms = [m for j in cl.members[r] for m in cl.nodes[j].mentions]
        drafts.append((r, ms, types[r], roles_of[r]))
    subject_root = _subject(drafts, participation, titles, firsts)
    if subject_root is not None:
        drafts.sort(key=lambda d: d[0] != subject_root)
    res = EntityResolution()
    for k, (r, ms, etype, roles) in enumerate(drafts, start=1):
        eid = f"E{k}"
        if r == subject_root:
            res.subject = eid
            roles = ["subject", *[x for x in roles if x != "subject"]]
        name = _canonical(ms, etype)
        aliases = _aliases(ms, name)
        srcs = sorted({m.source for m in ms}, key=lambda s: order.get(s, 0))
        res.entities.append(Entity(id=eid, type=cast(EntityType, etype), name=name, aliases=aliases, roles=roles, sources=srcs))
        for m in ms:
            res.of_mention[m.id] = eid
    return res


def _first_seen(cl: _Clusters, root: int, order: dict[str, int]) -> tuple[int, int]:
    return min((order.get(m.source, 0), m.start) for j in cl.members[root] for m in cl.nodes[j].mentions)


def _title_mentions(analyses: list[DocAnalysis]) -> set[str]:
    """Mentions in a report's first sentence (its headline or lead)."""
    return {m.id for a in analyses for m in a.mentions if m.sentence == 0}


def _roles(ms: list[Mention], etype: str) -> list[Role]:
    if etype in ("place", "group"):
        return []
    counts = Counter(r for m in ms for r in m.role_hints)
    if etype == "organization":
        name_roles = _name_roles()
        for m in ms:
            for w in tokens(m.norm):
                if w in name_roles:
                    counts[name_roles[w]] += 2  # the name itself says it: "City Court", "Rights Watch"
    roles: list[Role] = [r for r, _ in counts.most_common()]  # type: ignore[misc]
    if etype == "organization" and not roles:
        return ["organization"]
    return roles


def _name_roles() -> dict[str, Role]:
    return _name_lexicon("name_roles")  # type: ignore[return-value]


_AFFILIATION_REACH = 120  # characters: an apposition, not the next sentence


@dataclass(frozen=True)
class _Affiliation:
    """How a language ties a person to an organisation beside their names (`affiliation` in
    its entities.yaml): "NAME, <a few words> <noun> <link> [article] ORG" after a person,
    "ORG[possessive] <noun> NAME" before one."""

    after: re.Pattern[str] | None
    before: re.Pattern[str] | None
    nouns: frozenset[str]


@cache
def _affiliation(code: str) -> _Affiliation:
    try:
        data = (load(f"{code}/entities.yaml") or {}).get("affiliation") or {}
    except FileNotFoundError:
        data = {}
    nouns = frozenset(str(w).lower() for w in data.get("nouns") or [])
    if not nouns:
        return _Affiliation(None, None, nouns)
    lists = {k: v if isinstance(v := data.get(k), list) else [] for k in ("links", "articles", "possessives")}
    links, articles, poss = (alternation(str(w) for w in lists[k]) for k in ("links", "articles", "possessives"))
    link = rf"(?:{links})\s+" if links else ""
    if links and not data.get("link_required", True):
        link = f"(?:{link})?"
    article = rf"(?:(?:{articles})\s+)?" if articles else ""
    after = re.compile(rf"^,\s+(?:[\w\-’']+\s+){{0,6}}?(?P<noun>[\w\-]+)\s+{link}{article}$", re.I)
    before = re.compile(rf"^(?:{poss})?\s+(?P<noun>[\w\-]+)\s+$" if poss else r"^\s+(?P<noun>[\w\-]+)\s+$", re.I)
    return _Affiliation(after, before, nouns)


def _affiliations(analyses: list[DocAnalysis], texts: dict[str, str], root_of: dict[str, int],
                  types: dict[int, str]) -> list[tuple[int, int]]:
    """(person, organisation) pairs where a report names the person as working for the organisation."""
    out = []
    for a in analyses:
        aff = _affiliation(a.language)
        if aff.after is None or aff.before is None:
            continue
        text = texts.get(a.source, "")
        ms = sorted(a.mentions, key=lambda m: m.start)
        for k, x in enumerate(ms):
            rx = root_of[x.id]
            if types[rx] == "person":
                org = next((y for y in ms[k + 1:] if types[root_of[y.id]] == "organization"), None)
                m = aff.after.match(text[x.end:org.start]) if org else None
                if org and m and org.start - x.end < _AFFILIATION_REACH and m.group("noun").lower() in aff.nouns:
                    out.append((rx, root_of[org.id]))
            elif types[rx] == "organization" and k + 1 < len(ms) and types[root_of[ms[k + 1].id]] == "person":
                m = aff.before.match(text[x.end:ms[k + 1].start])
                if m and m.group("noun").lower() in aff.nouns:
                    out.append((root_of[ms[k + 1].id], rx))
    return out


def _first_persons(analyses: list[DocAnalysis], titles: set[str]) -> set[str]:
    """Each report's first person named after its headline: news names whom it is about first
    (background, "справка" notes and recalled cases come later)."""
    out: set[str] = set()
    for a in analyses:
        persons = sorted((m for m in a.mentions if m.type == "person" and m.id not in titles), key=lambda m: m.start)
        if persons:
            out.add(persons[0].id)
    return out


def _subject(drafts: list, participation: dict[str, float], titles: set[str], firsts: set[str]) -> int | None:
    """The most central person: named in most reports, in their headlines, first in their
    stories, in their acts."""
    best, best_score = None, 0.0
    for r, ms, etype, _roles in drafts:
        if etype != "person":
            continue
        n_sources = len({m.source for m in ms})
        score = 3.0 * n_sources + sum(participation.get(m.id, 0.0) for m in ms)
        score += 1.5 * len({m.source for m in ms if m.id in titles}) + 0.1 * len(ms)
        score += 1.0 * len({m.source for m in ms if m.id in firsts})
        if _mostly_in_role(ms, _SUBJECT_PENALTY_ROLES):
            score *= 0.5  # the case's lawyer or a spokesman is named often, but is not its subject
        if score > best_score:
            best, best_score = r, score
    return best


ROLE_SHARE = 0.25  # of a person's mentions that must carry a role for it to be theirs


def _mostly_in_role(ms: list[Mention], roles: set[str]) -> bool:
    """The person is named in one of these roles often enough for it to be what they are in the
    case (a lawyer called "lawyer X" throughout), not once in passing ("X's husband said")."""
    counts = Counter(r for m in ms for r in m.role_hints if r in roles)
    return bool(counts) and max(counts.values()) >= max(1.0, ROLE_SHARE * len(ms))


def _canonical(ms: list[Mention], etype: str) -> str:
    """The most used full form: for a person the most frequent name of two words or more."""
    counts = Counter(m.norm for m in ms)
    first: dict[str, int] = {}
    for m in ms:
        first.setdefault(m.norm, len(first))
    pool = [n for n in counts if len(tokens(n)) >= 2] if etype == "person" else []
    pool = pool or [n for n in counts if not is_acronym(n)] or list(counts)
    best = min(pool, key=lambda n: (-counts[n], first[n]))
    if etype == "person":
        # a fuller form of it that adds given names before ("Ivo Dan Stanev" for "Dan Stanev"), as
        # a report names someone in full once and shorter after
        fuller = [n for n in pool if tokens(n)[-len(tokens(best)):] == tokens(best) and len(tokens(n)) > len(tokens(best))]
        if fuller:
            best = min(fuller, key=lambda n: (-counts[n], first[n]))
    return best


def _aliases(ms: list[Mention], name: str) -> list[str]:
    """The forms written, then the dictionary forms of an organisation's or a place's names
    written inflected ("исправительную колонию №4": "исправительная колония №4"), each once. (A
    person's lone surname has no sure dictionary form: its gender is a guess.)"""
    seen = {fold(name)}
    out = []
    normal = [_surface(m.norm) for m in ms if m.type != "person" and len(m.norm.split()) == len(m.text.split())]
    for form in [*(_surface(m.text) for m in ms), *normal]:
        if form and fold(form) not in seen:
            seen.add(fold(form))
            out.append(form)
    return out


def _surface(text: str) -> str:
    """A surface form as written, without a trailing possessive or spacing runs."""
    text = " ".join(text.split())
    for suffix in ("'s", "’s", "'", "’"):
        if text.endswith(suffix) and len(text) > len(suffix) + 1:
            return text[: -len(suffix)]
    return text
