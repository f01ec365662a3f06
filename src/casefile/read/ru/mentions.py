"""Named mentions in a Russian document: natasha's NER spans, in the nominative.

Mention.text is the form as written ("Ивану Петрову"); Mention.norm is
natasha's normal form (the nominative, "Иван Петров"), so every case of a
name looks the same to consolidation. Role words that the tagger swallows into
a person span ("Адвокат Петрова") are cut off and become hints only when they
stand in the same case as the name (apposition: "адвокат Иван Петров" is the
lawyer; "адвокат Петрова" is Petrov's lawyer). Codes of detention places
("СИЗО-1") and ethnic or religious groups, which the tagger does not mark,
come from resources/ru/cues.yaml.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from casefile.model import EntityType, Mention, Role, Source
from casefile.read.ru.names import person_nominative, surname_nominatives
from casefile.read.ru.parse import NerSpan, Parsed, Tok, pipeline
from casefile.resources import load

LABELS: dict[str, EntityType] = {"PER": "person", "ORG": "organization", "LOC": "place"}


@cache
def cues() -> dict:
    return load("ru/cues.yaml")


@cache
def role_of_lemma() -> dict[str, Role]:
    return {lemma: role for role, lemmas in cues()["roles"].items() for lemma in lemmas}


def extract_mentions(p: Parsed, source: Source) -> list[Mention]:
    raw: list[tuple[int, int, EntityType, str, list[Role], list[EntityType]]] = []
    facilities = _facilities(p)
    spans, owners = _joined(p, p.spans)
    for sp in spans:
        if any(a <= sp.start < b for a, b, *_ in facilities):
            continue
        item = _from_span(p, sp)
        owner = _from_span(p, owners[sp.start]) if sp.start in owners else None
        if item and owner:
            # "Военная коллегия Верховного суда": the chamber acts as the court it belongs to,
            # so both mentions are looked up as the court
            raw.append(owner)
            item = (*item[:3], owner[3], *item[4:])
        if item:
            raw.append(item)
    raw.extend(facilities)
    raw.extend(_groups(p))
    raw.sort(key=lambda r: r[0])
    raw = _retype_surnames(raw)
    out: list[Mention] = []
    for start, end, etype, norm, roles, types in raw:
        out.append(Mention(
            id=f"{source.id}:M{len(out) + 1}", source=source.id, text=p.text[start:end], start=start, end=end,
            type=etype, norm=norm, sentence=p.sent_of(start), role_hints=roles, type_hints=types,
        ))
    return _link_surnames(out, _nominative_cues(p, out))


def _nominative_cues(p: Parsed, mentions: list[Mention]) -> set[str]:
    """Ids of person mentions right after a role cue written in its dictionary form ("Адвокат ...")."""
    starts = {t.start: t.i for t in p.toks}
    out = set()
    for m in mentions:
        i = starts.get(m.start)
        if m.type == "person" and m.role_hints and i and p.toks[i - 1].lemma in role_of_lemma() \
                and p.toks[i - 1].text.lower() == p.toks[i - 1].lemma:
            out.add(m.id)
    return out


def _link_surnames(mentions: list[Mention], nominative_cue: set[str] | None = None) -> list[Mention]:
    """A lone surname ("Петрову") refers to the person the same document names in full
    ("Иван Петров"), when exactly one such person is named there. A cue in the nominative before
    a surname that is not ("Адвокат Петрова" where the report names Иван Петров) owns the
    name in the genitive: the surname's person is not the one the cue names."""
    full: dict[str, set[str]] = {}
    first_of: dict[str, str] = {}
    for m in mentions:
        if m.type == "person" and " " in m.norm:
            last = m.norm.split()[-1].lower()
            full.setdefault(last, set()).add(m.norm.lower())
            first_of.setdefault(m.norm.lower(), m.id)
    for m in mentions:
        if m.type != "person" or " " in m.norm:
            continue
        # "Соколову" is "Соколов" (dative) or "Соколова" (accusative): the full name decides
        for cand in [m.norm, *surname_nominatives(m.text)]:
            names = full.get(cand.lower())
            if names and len(names) == 1:
                m.refers_to = first_of[next(iter(names))]
                m.norm = cand
                if m.id in (nominative_cue or set()) and m.text.lower() != cand.lower():
                    m.role_hints = []
                break
    # "Тверской суд" after "Тверской суд Москвы": the short form of the same organisation
    orgs = {m.norm.lower(): m.id for m in reversed(mentions) if m.type == "organization"}
    for m in mentions:
        if m.type != "organization" or m.refers_to:
            continue
        longer = [n for n in orgs if n.startswith(m.norm.lower() + " ")]
        if len(longer) == 1:
            m.refers_to = orgs[longer[0]]
    return mentions


def _from_span(p: Parsed, sp: NerSpan) -> tuple[int, int, EntityType, str, list[Role], list[EntityType]] | None:
    etype = LABELS.get(sp.label)
    if etype is None:
        return None
    first, normal = sp.first, sp.normal
    if all(t.lemma in role_of_lemma() for t in p.toks[sp.first:sp.stop]):
        return None  # "Адвокат" at a line start, taken for a name: a role word names nobody
    roles: list[Role] = []
    # a role word swallowed into the span: cut it off
    while first < sp.stop - 1 and p.toks[first].lemma in role_of_lemma():
        normal = normal.split(" ", 1)[1] if " " in normal else normal
        first += 1
    if first != sp.first:
        start = p.toks[first].start
    else:
        start = sp.start
    cue = _cue_before(p, first) or _cue_after(p, sp.stop)
    if cue is not None and etype == "person":
        roles.append(cue)
    types: list[EntityType] = []
    lemmas = {t.lemma for t in p.toks[first:sp.stop]}
    if etype == "organization" and lemmas & set(cues()["authority_orgs"]):
        roles.append("authority")
    if etype == "organization":
        types.append("organization")
    if etype == "person":
        normal = _person_nominative(p, first, sp.stop, normal)
    if etype != "person":
        normal = _adjectives_nominative(p, sp, first, normal)
    if etype == "place" and normal.isupper() and len(normal) > 4:
        normal = normal.title()  # datelines write the city in capitals ("МОСКВА")
    return start, sp.end, etype, _clean(normal), roles, types


def _person_nominative(p: Parsed, first: int, stop: int, normal: str) -> str:
    """natasha inflects a name with the gender its tagger guessed, often wrongly for a woman
    ("Дину Мусину" stays as written): names.person_nominative agrees the words by pymorphy2's
    name paradigms instead; a word it does not know as a name keeps natasha's form."""
    toks = p.toks[first:stop]
    words = normal.split()
    if len(words) != len(toks):
        words = [t.text for t in toks]
    cases = Counter(t.feats.get("Case") for t in toks if t.feats.get("Case"))
    hint = cases.most_common(1)[0][0] if cases else None
    fixed = person_nominative([t.text for t in toks], hint)
    if hint == "Nom" and None in fixed and len(toks) > 1:
        return " ".join(words)  # no reading agrees for all the words of a name already in the nominative
    return " ".join(f or w for f, w in zip(fixed, words, strict=True))


def _adjectives_nominative(p: Parsed, sp: NerSpan, first: int, normal: str) -> str:
    """natasha leaves an adjective it does not know inflected ("Бережковского районный суд"):
    pymorphy2 predicts its paradigm, so agree it with the head in the nominative."""
    head = _head(p, NerSpan(sp.label, sp.start, sp.end, first, sp.stop, normal))
    words = normal.split()
    toks = p.toks[first:sp.stop]
    if len(words) != len(toks):
        return normal
    if toks[-1].pos == "NOUN" and toks[-1].feats.get("Number") == "Plur":
        # the parse may hang the adjective on a coordinated one outside the span: the noun is the head
        return _one_of_many(toks, toks[-1], words)
    if head.feats.get("Number") == "Plur":
        return normal
    gender = {"Masc": "Masc", "Fem": "Fem", "Neut": "Neut"}.get(head.feats.get("Gender", ""), "Masc")
    for k, t in enumerate(toks):
        # the tagger's own reading of an unknown word is what failed: ask pymorphy2's
        if t.i >= head.i or words[k] != t.text or not (t.pos == "ADJ" or t.rel == "amod"):
            continue
        adj = [x for x in pipeline().morph_vocab.parse(t.text) if "ADJF" in x.tag]
        if not adj or "nomn" in adj[0].tag:
            continue
        form = adj[0].inflect({"Nom", gender, "Sing"})
        if form:
            words[k] = form.word.capitalize() if t.text[:1].isupper() else form.word
    return " ".join(words)


def _one_of_many(toks: list[Tok], head: Tok, words: list[str]) -> str:
    """"Донецкой и Луганской областей": the last of coordinated names sharing one plural head
    is one place, "Луганская область"; anything but adjectives before the head is left alone."""
    if head.pos != "NOUN" or not all(t.pos == "ADJ" for t in toks if t.i != head.i) or len(toks) < 2:
        return " ".join(words)
    noun = [x for x in pipeline().morph_vocab.parse(head.text) if "NOUN" in x.tag and "plur" in x.tag]
    sing = noun[0].inflect({"Nom", "Sing"}) if noun else None
    if sing is None:
        return " ".join(words)
    gender = {"masc": "Masc", "femn": "Fem", "neut": "Neut"}.get(str(sing.tag.gender), "Masc")
    out = []
    for t in toks:
        if t.i == head.i:
            out.append(sing.word.capitalize() if t.text[:1].isupper() else sing.word)
            continue
        adj = [x for x in pipeline().morph_vocab.parse(t.text) if "ADJF" in x.tag]
        form = adj[0].inflect({"Nom", gender, "Sing"}) if adj else None
        out.append((form.word.capitalize() if t.text[:1].isupper() else form.word) if form else t.text)
    return " ".join(out)


_CHAMBER_REMIT = re.compile(r"\s+по\s+(?:[а-яё]+\s+)?делам(?:\s+[а-яё]+)?\s+")


def _split_persons(p: Parsed, sp: NerSpan) -> list[NerSpan]:
    """Two people the tagger ran together: "адвокат Курмашевой Рим Сабиров" is a surname in the
    genitive (whose lawyer) and a full name in the nominative (the lawyer)."""
    toks = p.toks[sp.first:sp.stop]
    if sp.label != "PER" or len(toks) < 3 or toks[0].feats.get("Case") != "Gen":
        return [sp]
    cut = next((k for k, t in enumerate(toks) if t.feats.get("Case") == "Nom"), None)
    if cut is None or cut == 0 or len(toks) - cut < 2:
        return [sp]
    a, b = toks[cut - 1], toks[cut]
    return [NerSpan("PER", sp.start, a.end, sp.first, sp.first + cut, p.text[sp.start:a.end]),
            NerSpan("PER", b.start, sp.end, sp.first + cut, sp.stop, p.text[b.start:sp.end])]


def _joined(p: Parsed, spans: list[NerSpan]) -> tuple[list[NerSpan], dict[int, NerSpan]]:
    """An organisation followed by a name in the genitive is one name ("Тверской суд" + "Москвы",
    "Военная коллегия" + "Верховного суда" + "РФ"): only the head is put in the nominative.
    Spans are also cut at a line break (the tagger runs captions into the next line).
    A part of an organisation (resources/ru/cues.yaml `org_parts`: a chamber, a presidium)
    keeps the organisation it belongs to, by the joined span's start."""
    out: list[NerSpan] = []
    owners: dict[int, NerSpan] = {}
    for sp in [part for whole in spans for part in _split_persons(p, whole)]:
        nl = p.text.find("\n", sp.start, sp.end)
        if nl >= 0:
            stop = max((t.i + 1 for t in p.toks[sp.first:sp.stop] if t.end <= nl), default=sp.first)
            if stop == sp.first:
                continue
            sp = NerSpan(sp.label, sp.start, p.toks[stop - 1].end, sp.first, stop, p.text[sp.start:p.toks[stop - 1].end])
        prev = out[-1] if out else None
        between = p.text[prev.end:sp.start] if prev else ""
        # "Судебная коллегия по уголовным делам Верховного суда": a chamber's remit sits between
        adjacent = between.strip() == "" or (
            prev is not None and prev.start not in owners and _head(p, prev).lemma in cues()["org_parts"]
            and _CHAMBER_REMIT.fullmatch(between) is not None)
        if (prev and prev.label == "ORG" and sp.label in {"ORG", "LOC"}
                and adjacent and "\n" not in between
                and p.toks[sp.first].feats.get("Case") == "Gen"):
            out[-1] = NerSpan("ORG", prev.start, sp.end, prev.first, sp.stop,
                              prev.normal + p.text[prev.end:sp.end])
            if prev.start in owners:  # "... Верховного суда" + "РФ": the owner grows too
                own = owners[prev.start]
                owners[prev.start] = NerSpan(own.label, own.start, sp.end, own.first, sp.stop,
                                             own.normal + p.text[own.end:sp.end])
            elif sp.label == "ORG" and _head(p, prev).lemma in cues()["org_parts"]:
                owners[prev.start] = sp
            continue
        if sp.label == "ORG" and p.text[sp.start:sp.end] in cues()["facilities"]:
            continue  # a bare "СИЗО" is a kind of place, not a name
        if sp.label == "ORG" and _head(p, sp).feats.get("Animacy") == "Anim":
            continue  # "Муниципальному депутату" at a line start: a person's title, not an organisation
        out.append(sp)
    return out, owners


def _head(p: Parsed, sp: NerSpan) -> Tok:
    """The span's syntactic head: its token whose head lies outside the span."""
    for t in p.toks[sp.first:sp.stop]:
        if t.head is None or t.head == t.i or not sp.first <= t.head < sp.stop:
            return t
    return p.toks[sp.first]


def _retype_surnames(raw: list) -> list:
    """The tagger sometimes takes a lone surname for a place ("Петров" as LOC) where the same
    document names the person in full: a one-word name equal to a person's last name is that person."""
    surnames = {r[3].split()[-1].lower() for r in raw if r[2] == "person" and " " in r[3]}
    out = []
    for start, end, etype, norm, roles, types in raw:
        if etype in {"place", "organization"} and " " not in norm and norm.lower() in surnames:
            etype, types = "person", [*types, "person"]
        out.append((start, end, etype, norm, roles, types))
    return out


def _cue_before(p: Parsed, first: int) -> Role | None:
    """The role named by a cue word the name stands in apposition to: right before it ("его
    адвокат Иван Петров") or further, as the parse's head ("судья ... суда Москвы Анна Петрова").
    The cue must agree in case and number: "адвокат Петрова" is Petrov's lawyer, and
    "адвокатов Ивана Петрова" are his lawyers."""
    name = p.toks[first]
    cands = [j for j in (first - 1, first - 2) if j >= 0 and p.toks[j].sent == name.sent]
    if name.head is not None and name.rel == "appos":
        cands.append(name.head)
    for j in cands:
        t = p.toks[j]
        role = role_of_lemma().get(t.lemma)
        if role:
            agree = all(t.feats.get(k) == name.feats.get(k) for k in ("Case", "Number") if name.feats.get(k))
            return role if agree else None
        if j == first - 1 and t.pos not in {"ADJ", "DET", "PRON"}:
            cands = [c for c in cands if c != first - 2]
    return None


def _cue_after(p: Parsed, stop: int) -> Role | None:
    """The role a dash gives the name: "Иван Петров — адвокат активистки" (a cue in the nominative
    right after the dash, perhaps after an adjective: "— бывший адвокат")."""
    if stop >= len(p.toks) or p.toks[stop].text not in ("—", "–", "-") or p.toks[stop].sent != p.toks[stop - 1].sent:
        return None
    for t in p.toks[stop + 1:stop + 3]:
        role = role_of_lemma().get(t.lemma)
        if role and t.feats.get("Case", "Nom") == "Nom":
            return role
        if t.pos != "ADJ":
            break
    return None


def _facilities(p: Parsed) -> list[tuple[int, int, EntityType, str, list[Role], list[EntityType]]]:
    """"СИЗО-1", "ИК-2 Мордовии": a code and a number, with the place it belongs to when one follows."""
    codes = "|".join(re.escape(c) for c in cues()["facilities"])
    rx = re.compile(rf"(?<![\w-])(?:{codes})[-\u2011 ]?(?:№\s?)?\d+(?:\s+[А-ЯЁ][а-яё-]+)?")
    out: list[tuple[int, int, EntityType, str, list[Role], list[EntityType]]] = []
    for m in rx.finditer(p.text):
        text = m.group(0)
        tail = text.split()[-1] if " " in text else ""
        # keep the following word only when it is a name in the genitive ("Калуги")
        if tail and not _genitive_name(p, m.end() - len(tail)):
            text = text[: -len(tail)].rstrip()
        out.append((m.start(), m.start() + len(text), "place", text, [], ["place"]))
    return out


def _genitive_name(p: Parsed, start: int) -> bool:
    for t in p.toks:
        if t.start == start:
            return t.feats.get("Case") == "Gen" and t.pos in {"PROPN", "NOUN"}
    return False


def _groups(p: Parsed) -> list[tuple[int, int, EntityType, str, list[Role], list[EntityType]]]:
    names = cues()["groups"]
    out: list[tuple[int, int, EntityType, str, list[Role], list[EntityType]]] = []
    for t in p.toks:
        if t.lemma in names and t.feats.get("Number") == "Plur":
            out.append((t.start, t.end, "group", str(names[t.lemma]), [], ["group"]))
    return out


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip(" \t\n.,;:\"“”«»()[]")


def person_before(mentions: list[Mention], pos: int, role: Role | None = None,
                  gender: str | None = None) -> Mention | None:
    """The closest person mention ending before `pos` (with that role hint, when one is asked;
    of that grammatical gender, "Masc" or "Fem", when the mention's gender can be told)."""
    best = None
    for m in mentions:
        if m.type == "person" and m.end <= pos and (role is None or role in m.role_hints):
            if gender is None or gender_of(m.norm) in {None, gender}:
                best = m
    return best


@cache
def gender_of(norm: str) -> str | None:
    """"Masc"/"Fem" from a name: pymorphy2 knows first names ("Никита" is masculine) and the
    gendered surname endings ("Соколова"); None when it cannot tell ("Лесных")."""
    votes = set()
    for word in norm.split()[:2]:
        genders = {("Fem" if "femn" in x.tag else "Masc") for x in pipeline().morph_vocab.parse(word)
                   if ("Name" in x.tag or "Surn" in x.tag) and "nomn" in x.tag and ("femn" in x.tag or "masc" in x.tag)}
        if len(genders) == 1:
            votes |= genders
    return votes.pop() if len(votes) == 1 else None
