"""Event merging across sources: the same act told by several reports is one event.

Event mentions of one type are grouped by date. Full dates go first, so that a
coarser mention ("in March", "last month") or an undated one ("after his
release") joins the act it can only be, rather than founding one of its own.
Two sources that differ by one day on a full date are one act told differently
(the conflict is found later from the evidence); one source giving two dates
tells two acts. Each evidence item keeps what its own source says; the event
takes the value most sources support.

Acts whose person resolves to another named person than the case's subject are
background and are left out.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache, lru_cache

from rapidfuzz import fuzz

from casefile.consolidate.entities import EntityResolution, other_given_name
from casefile.core.dates import PartialDate, compatible, parse_iso, year_slip
from casefile.core.durations import duration_days
from casefile.core.event_types import event_types
from casefile.model import (
    Amount,
    Attributes,
    DocAnalysis,
    Entity,
    Event,
    EventMention,
    Evidence,
    Participant,
    Role,
    Source,
)
from casefile.resources import per_language

ONE_DAY = 1  # sources disagreeing by this many days on one act still tell one act
# a source that tells the act on one day, where others tell it a few days off (and it tells
# none of theirs), disagrees with them on one act
REPORTS_DIFFER_DAYS = 3
# sources naming one charge may disagree on its date by this much (beyond, two acts): the
# same window in which assess/conflicts.py shows a disagreement rather than a doubt
SAME_ACT_DAYS = 45
_RANK = {"day": 0, "month": 1, "year": 2, "unknown": 3}
# a term this long is given to a person once (event_types.yaml `one_per_term`); a shorter one,
# fifteen days' arrest, may well be given again
ONCE_GIVEN_DAYS = 365


@dataclass
class _Item:
    em: EventMention
    order: int  # source order, then position
    date: PartialDate | None
    place: str | None
    participants: list[tuple[str, Role]]
    sibling_days: bool = False
    other_days_near: bool = False  # its source tells an act of its type a few days off, too
    published: PartialDate | None = None  # of its source: a report tells no later act


@dataclass
class _Cluster:
    type: str
    items: list[_Item] = field(default_factory=list)
    # the voted date, kept until an item joins: placing each mention asks every cluster of its
    # type for its date, and voting again each time made a large case quadratic in mentions
    _date: PartialDate | None = None
    _voted: bool = False

    @property
    def date(self) -> PartialDate | None:
        if not self._voted:
            self._date, self._voted = _vote_date(self.items), True
        return self._date

    def add(self, item: _Item) -> None:
        self.items.append(item)
        self._voted = False

    def sources(self) -> set[str]:
        return {i.em.source for i in self.items}


def merge_events(analyses: list[DocAnalysis], resolution: EntityResolution, sources: list[Source]) -> list[Event]:
    """Every source's act mentions to the case's events. An act the subject underwent together
    with other named persons (co-defendants sentenced in one sentence) is the subject's; one only
    another named person underwent is background."""
    order = {s.id: k for k, s in enumerate(sources)}
    by_id = {e.id: e for e in resolution.entities}
    items = [_item(em, order, resolution) for a in analyses for em in a.events]
    # a date the text gives itself; a "content" estimate is only the latest date it names
    published = {s.id: parse_iso(s.published) for s in sources
                 if s.published and s.published_basis in ("dateline", "metadata")}
    for i in items:
        i.published = published.get(i.em.source)
    items = [i for i in items if _concerns_case(i, by_id, resolution.subject)]
    told: dict[tuple[str, int, str], set[str]] = {}
    for i in items:
        if i.em.date:
            told.setdefault((i.em.source, i.em.sentence, i.em.type), set()).add(i.em.date)
    for i in items:
        i.sibling_days = len(told.get((i.em.source, i.em.sentence, i.em.type), ())) > 1
    _mark_other_days_near(items)
    clusters = _cluster(items)
    if _complete_years(items, clusters):
        clusters = _cluster(items)
    clusters = _one_term_told_twice(clusters)
    clusters = _summarised_verdicts(clusters)
    clusters = _slipped_years(clusters)
    events = [_event(c, resolution) for c in clusters]
    events.sort(key=_chronology)
    return [e.model_copy(update={"id": f"V{k}"}) for k, e in enumerate(events, start=1)]


# --------------------------------------------------------------------------- relevance


def _item(em: EventMention, order: dict[str, int], res: EntityResolution) -> _Item:
    parts = [(res.of_mention[m], r) for m, r in em.participants if m in res.of_mention]
    place = res.of_mention.get(em.place) if em.place else None
    return _Item(em=em, order=order.get(em.source, 0) * 10_000_000 + em.start,
                 date=parse_iso(em.date), place=place, participants=parts)


def _name_tokens(e: Entity) -> set[str]:
    return {w.lower() for n in [e.name, *e.aliases] for w in n.replace("-", " ").split() if len(w) > 2}


def _concerns_case(i: _Item, by_id: dict[str, Entity], subject: str | None) -> bool:
    """False when the person the act happened to is another named person than the subject
    (names sharing a word with the subject's count as the subject: resolution may split them;
    unless both give another given name: a relative who shares the surname)."""
    if subject is None or subject not in by_id:
        return True
    subj_words = _name_tokens(by_id[subject])
    if any(eid == subject and role == "subject" for eid, role in i.participants):
        return True  # co-defendants: an act done to several people, the case's among them
    # acts on an organisation or premises (whose "person" is often a mis-typed organisation)
    org_acts = event_types().on_organisation()
    for eid, role in i.participants:
        ent = by_id.get(eid)
        if role != "subject" or ent is None or ent.type != "person" or eid == subject or i.em.type in org_acts:
            continue
        if not (_name_tokens(ent) & subj_words) or other_given_name(ent.name, by_id[subject].name):
            return False  # (one surname, two given names: a relative's act)
    return True


# --------------------------------------------------------------------------- clustering


def _mark_other_days_near(items: list[_Item]) -> None:
    """Mark the items whose source tells another act of their type on a day a few days off
    ("detained on the 2nd; a court remanded him on the 4th"): two acts, not a disagreement."""
    days: dict[tuple[str, str], set[date]] = {}
    for i in items:
        if i.date is not None and i.date.precision == "day":
            days.setdefault((i.em.source, i.em.type), set()).add(_earliest(i.date))
    for i in items:
        if i.date is not None and i.date.precision == "day":
            mine = _earliest(i.date)
            i.other_days_near = any(0 < abs((d - mine).days) <= REPORTS_DIFFER_DAYS
                                    for d in days[(i.em.source, i.em.type)])


def _rank(i: _Item) -> int:
    if i.date is None:
        return 4
    return _RANK[i.date.precision] if i.date.year is not None else 3


def _focus(items: list[_Item]) -> dict[str, PartialDate]:
    """The latest full-year date each source gives: what the report is mainly about."""
    out: dict[str, PartialDate] = {}
    for i in items:
        if i.date is None or i.date.year is None:
            continue
        cur = out.get(i.em.source)
        if cur is None or (i.date.latest() or date.min) > (cur.latest() or date.min):
            out[i.em.source] = i.date
    return out


def _cluster(items: list[_Item]) -> list[_Cluster]:
    clusters: list[_Cluster] = []
    focus = _focus(items)
    placed: dict[tuple[str, int], list[PartialDate]] = {}  # (source, sentence) -> dates of acts joined

    by_type: dict[str, list[_Cluster]] = {}

    def place(it: _Item, near: list[PartialDate]) -> None:
        same = by_type.setdefault(it.em.type, [])
        home = _home(it, same, near)
        if home is None:
            home = _Cluster(type=it.em.type)
            clusters.append(home)
            same.append(home)
        home.add(it)
        if home.date is not None:
            placed.setdefault((it.em.source, it.em.sentence), []).append(home.date)

    dated = sorted((i for i in items if i.date is not None), key=lambda i: (_rank(i), i.order))
    for it in dated:
        place(it, [])
    # undated mentions last, those with no choice first, so that a sentence's other acts can say
    # which act of several an undated one is ("Moved back to her home town ..., she was put under house arrest")
    undated = [i for i in items if i.date is None]
    choices = Counter(c.type for c in clusters)
    for it in sorted(undated, key=lambda i: (choices[i.em.type] > 1, i.order)):
        anchors = placed.get((it.em.source, it.em.sentence), [])[:1]
        own = focus.get(it.em.source)
        place(it, anchors + ([own] if own else []))
    return clusters


def _subjects(c: _Cluster) -> set[str]:
    return {e for i in c.items for e, role in i.participants if role == "subject"}


def _term(c: _Cluster) -> str | None:
    """The one term a cluster's mentions give, if they give one and only one."""
    terms = {i.em.duration for i in c.items if i.em.duration}
    return next(iter(terms)) if len(terms) == 1 else None


def _told_in(c: _Cluster) -> set[tuple[str, int]]:
    return {(i.em.source, i.em.sentence) for i in c.items}


def _one_term_told_twice(clusters: list[_Cluster]) -> list[_Cluster]:
    """One long term told by two sources at dates that did not join ("sentenced to seven years
    in March" against "On November 16 ... seven years"): a person is given such a term
    once (`one_per_term`), so the clusters are one act and their dates a conflict between the
    sources. The acts of the same step told in the same sentences (the conviction) go with it.
    Clusters that share a source stay apart: a source telling both tells two acts."""
    types = event_types()
    out = list(clusters)
    for name in types.one_per_term():
        stage = types[name].stage
        terms = [c for c in out if c.type == name and c.date is not None and (t := _term(c))
                 and (duration_days(t) or 0) >= ONCE_GIVEN_DAYS]
        for a in sorted(terms, key=lambda c: (-len(c.sources()), min(i.order for i in c.items))):
            if not any(x is a for x in out):
                continue
            for b in [b for b in terms if b is not a and any(x is b for x in out)]:
                assert a.date is not None and b.date is not None
                if _term(a) != _term(b) or a.sources() & b.sources() or not _subjects(a) & _subjects(b):
                    continue
                with_b, with_a = _told_in(b), _told_in(a)
                _absorb(out, a, b)
                for c in [c for c in out if c.type != name and types[c.type].stage == stage
                          and _told_in(c) <= with_b]:
                    home = next((h for h in out if h.type == c.type and h is not c and _told_in(h) & with_a), None)
                    if home is not None:
                        _absorb(out, home, c)
    return out


def _summarised_verdicts(clusters: list[_Cluster]) -> list[_Cluster]:
    """A verdict a summary dates with the arrest it is coordinated after ("In 2021 she was
    arrested and sentenced to two years"), when that arrest is one other sources tell: the verdict
    of its type that followed that arrest (the first one other sources date after it, before the
    person's next arrest), the summary's date and term being its telling of that act (a conflict,
    or a note where they lie far apart). With no such verdict in the case it keeps its own."""
    types = event_types()
    out = list(clusters)
    for c in [c for c in clusters if c.items and all(i.em.summary_time for i in c.items)]:
        stage = types[c.type].stage or 0
        told = _told_in(c)
        arrest = next((a for a in out if (types[a.type].stage or stage) < stage and a.date is not None
                       and _told_in(a) & told and a.sources() - c.sources()), None)
        if arrest is None or arrest.date is None:
            continue
        begun, who = _earliest(arrest.date), _subjects(c)
        later = [a.date for a in out if a.type == arrest.type and a.date is not None and who & _subjects(a)
                 and _earliest(a.date) > (arrest.date.latest() or begun)]
        until = min((_earliest(x) for x in later), default=date.max)
        after = [v for v in out if v.type == c.type and v is not c and v.date is not None and who & _subjects(v)
                 and not v.sources() & c.sources() and begun < _earliest(v.date) < until and _terms_alike(c, v)]
        if after:
            _absorb(out, min(after, key=lambda v: _earliest(v.date) if v.date else date.max), c)
    return out


def _slipped_years(clusters: list[_Cluster]) -> list[_Cluster]:
    """One source's date for an act a year off, in the same month (and day), from the date two or
    more other sources agree on ("in May 2031" against "on 9 May 2030"): one act, its year
    slipped in that source (a conflict on the date), unless the source tells both or the two
    give unlike charges or terms."""
    out = list(clusters)
    for a in sorted(clusters, key=lambda c: -len(c.sources())):
        if a.date is None or len(a.sources()) < 2 or not any(x is a for x in out):
            continue
        for b in [b for b in out if b.type == a.type and b is not a and len(b.sources()) == 1]:
            if b.date is not None and year_slip(a.date, b.date) and _told_alike_elsewhere(a, b):
                _absorb(out, a, b)
    return out


def _told_alike_elsewhere(a: _Cluster, b: _Cluster) -> bool:
    """Two clusters no source tells both of, whose subjects, charges and terms do not differ."""
    same_subject = not _subjects(a) or not _subjects(b) or bool(_subjects(a) & _subjects(b))
    terms = {_term(a), _term(b)} - {None}
    return not a.sources() & b.sources() and same_subject and _charges_alike(a, b) and len(terms) < 2


def _charges_alike(a: _Cluster, b: _Cluster) -> bool:
    """No charge told in one of them, or one told alike in both."""
    told = [i for i in b.items if i.em.charge]
    return not told or not any(i.em.charge for i in a.items) or any(
        _articles_fit(i, a) and _same_charge(i, a) for i in told)


def _terms_alike(a: _Cluster, b: _Cluster) -> bool:
    """Both give long terms, or one gives none: a short term ("15 days") is another kind of act."""
    terms = [duration_days(t) or 0 for c in (a, b) if (t := _term(c))]
    return len(terms) < 2 or min(terms) >= ONCE_GIVEN_DAYS


def _absorb(clusters: list[_Cluster], into: _Cluster, other: _Cluster) -> None:
    """`other`'s mentions into `into`; `other` leaves the list (by identity: two clusters may
    hold equal mentions)."""
    for i in other.items:
        into.add(i)
    del clusters[next(k for k, c in enumerate(clusters) if c is other)]


def _complete_years(items: list[_Item], clusters: list[_Cluster]) -> bool:
    """Date a source's year-less dates ("on March 10") by the year of the acts they matched in
    other sources, when that year is one and the same for the whole source. True if any changed."""
    years: dict[str, set[int]] = {}
    for c in clusters:
        cd = c.date
        if cd is None or cd.year is None:
            continue
        for i in c.items:
            if i.date is not None and i.date.year is None and i.date.month is not None:
                years.setdefault(i.em.source, set()).add(cd.year)
    changed = False
    for i in items:
        ys = years.get(i.em.source)
        if i.date is not None and i.date.year is None and i.date.month is not None and ys and len(ys) == 1:
            i.date = i.date.with_year(next(iter(ys)))
            changed = True
    return changed


def _amount_fits(it: _Item, c: _Cluster) -> bool:
    """A sum that differs by more than rounding from the act's sums names another act."""
    a = it.em.amount
    if a is None:
        return True
    others = [i.em.amount for i in c.items if i.em.amount is not None]
    if not others:
        return True
    return any(_close(a, b) for b in others)


def _close(a: Amount, b: Amount) -> bool:
    pairs = [(a.value, b.value)] if a.currency == b.currency else []
    if a.usd is not None and b.usd is not None:
        pairs.append((a.usd, b.usd))
    return any(y and abs(x - y) / abs(y) <= 0.1 for x, y in pairs)


# two long terms this close (the longer over the shorter) given on one day are one sentence
# the sources disagree on ("five years" and "six years" on 10 October), shown as a conflict
CLOSE_TERMS = 1.5


def _duration_fits(it: _Item, c: _Cluster) -> bool:
    """A term of another length ("15 days" against "25 years") is another act; a long term
    close to the cluster's, on the very day the cluster is dated, is the same act told otherwise."""
    d = it.em.duration
    others = {i.em.duration for i in c.items if i.em.duration}
    if d is None or not others or d in others:
        return True
    if it.date is None or c.date is None or it.date.day is None or it.date != c.date:
        return False
    days = [duration_days(x) or 0 for x in (d, *others)]
    return min(days) >= ONCE_GIVEN_DAYS and max(days) <= CLOSE_TERMS * min(days)


def _months_apart(a: PartialDate, b: PartialDate) -> int | None:
    if a.year is None or b.year is None or a.month is None or b.month is None:
        return None
    return abs((a.year * 12 + a.month) - (b.year * 12 + b.month))


def _authorities(items: list[_Item]) -> set[str]:
    return {e for i in items for e, role in i.participants if role == "authority"}


def _home(it: _Item, same: list[_Cluster], anchors: list[PartialDate]) -> _Cluster | None:
    if it.date is not None:
        # acts more than two months apart never join (not even one charge dated differently),
        # so most clusters of a large case are passed over before the costlier checks
        mine = it.date
        same = [c for c in same if c.date is None or (_months_apart(mine, c.date) or 0) <= 2]
    same = [c for c in same if _amount_fits(it, c) and _duration_fits(it, c)]
    if it.date is None and _authorities([it]):
        # an undated act before one court is not the dated act of that type before another
        # ("the city court heard his appeal" is not "the Supreme Court rejected his appeal")
        courts = _authorities([it])
        same = [c for c in same if not _authorities(c.items) or _authorities(c.items) & courts]
    same = [c for c in same if _articles_fit(it, c)]
    if it.date is None and it.published is not None and it.published.year is not None:
        # an undated mention is not of an act dated after its report was published
        bound = it.published.latest()
        assert bound is not None
        same = [c for c in same if c.date is None or c.date.year is None or _earliest(c.date) <= bound]
    if it.date is None:
        # an undated mention: the act of that type its charge names, else the one nearest to
        # the acts told in its sentence or to what its report is about, else the best attested
        if not same:
            return None
        return max(same, key=lambda c: (_charge_fit(it, c), -min((_gap(c.date, a) for a in anchors), default=0),
                                        len(c.sources()),
                                        -min(i.order for i in c.items)))
    fits = []
    for c in same:
        cd = c.date
        if cd is None:
            fits.append((1, c))
            continue
        own: list[PartialDate | None] = [i.date for i in c.items
                                         if i.em.source == it.em.source and i.date and i.date.precision == "day"]
        if it.sibling_days:
            own = own or [None]
        if it.date in own:
            fits.append((0, c))
            continue
        tolerance = _tolerance(it, cd, bool(own))
        if (_lagging(it) and _lags(it.date, cd)) or (all(_lagging(i) for i in c.items) and _lags(cd, it.date)):
            # told as news on the report's day, or custody a court ordered, the act stated (the
            # arrest made) a few days before
            fits.append((1, c))
            continue
        if compatible(it.date, cd, tolerance):
            exact = it.date.iso() == cd.iso()
            fits.append((0 if exact else 1, c))
        elif _same_charge(it, c) and it.em.source not in c.sources() and _near(it.date, cd):
            fits.append((2, c))  # one charge dated differently by two sources: one act, a conflict
    if not fits:
        return None
    return min(fits, key=lambda f: (f[0], -_charge_fit(it, f[1]), -_told_alike(it, f[1]), -len(f[1].sources())))[1]


def _tolerance(it: _Item, cd: PartialDate, its_source_tells_it: bool) -> int:
    """Days an item's date may differ from a cluster's for one act: none where its own source
    already tells that act on a day; a few where each of two sources tells one day of it
    (`REPORTS_DIFFER_DAYS`); else one."""
    assert it.date is not None
    if its_source_tells_it:
        return 0 if it.date.precision == "day" else ONE_DAY
    if it.other_days_near or it.date.precision != "day" or cd.precision != "day":
        return ONE_DAY
    return REPORTS_DIFFER_DAYS


def _lags(reported: PartialDate, stated: PartialDate) -> bool:
    """A report's own day (an act it tells as news) up to `REPORT_LAG_DAYS` after a day stated
    for the act: the report appeared after the act."""
    if reported.day is None or stated.day is None or reported.year is None or stated.year is None:
        return False
    gap = (_earliest(reported) - _earliest(stated)).days
    return 0 < gap <= REPORT_LAG_DAYS


def _told_alike(it: _Item, c: _Cluster) -> bool:
    """Told with the same word as one of the act's mentions ("задержана" / "задержали", not
    "продлил"): of two acts a day either side, the likelier one."""
    stem = it.em.trigger[:5].lower()
    return any(i.em.trigger[:5].lower() == stem for i in c.items)


def _near(a: PartialDate, b: PartialDate) -> bool:
    """Two dates close enough to be two reports of one day (the periods they cover, compared)."""
    if a.year is None or b.year is None:
        return False
    first = lambda d: date(d.year, d.month or 1, d.day or 1)  # noqa: E731
    lo_a, hi_a, lo_b, hi_b = first(a), a.latest(), first(b), b.latest()
    assert hi_a is not None and hi_b is not None
    return max((lo_b - hi_a).days, (lo_a - hi_b).days) <= SAME_ACT_DAYS


def _earliest(d: PartialDate) -> date:
    assert d.year is not None
    return date(d.year, d.month or 1, d.day or 1)


@cache
def _charge_words() -> tuple[re.Pattern[str], frozenset[str]]:
    """An article of a criminal or administrative code ("Article 318", its number caught) and
    the words too common in charges to tell two apart, from every language's charges.yaml."""
    tables = per_language("charges.yaml").values()
    article = "|".join(rf"\b{w}" for t in tables for w in t.get("article_words") or [])
    generic = frozenset(str(w).lower()[:STEM] for t in tables for w in t.get("generic_words") or [])
    return re.compile(rf"(?:{article})\s*(\d+(?:\.\d+)*)", re.I), generic


# asked for every cluster an item is weighed against: keyed on a case's few charge wordings
@lru_cache(maxsize=4096)
def _articles(charge: str | None) -> frozenset[str]:
    return frozenset(_charge_words()[0].findall(charge)) if charge else frozenset()


def _articles_fit(it: _Item, c: _Cluster) -> bool:
    """Charges under different articles of the code are different accusations, never one act."""
    mine = _articles(it.em.charge)
    if not mine:
        return True
    theirs = set().union(*(_articles(i.em.charge) for i in c.items))
    return not theirs or bool(mine & theirs)


STEM = 6  # letters of a word compared across its inflected forms ("терроризма", "терроризм")


def _content_words(text: str) -> set[str]:
    """A charge's distinctive words, cut to their first letters so that one word's forms agree
    ("оправдания" / "оправданию", "terrorism" / "terrorist"), in any alphabet."""
    generic = _charge_words()[1]
    return {w[:STEM] for w in re.findall(r"[^\W\d_]+", text.lower()) if len(w) > 3 and w[:STEM] not in generic}


def _same_charge(it: _Item, c: _Cluster) -> bool:
    """Two wordings of one accusation: nearly the same words, or two distinctive ones in common
    ("funding a banned opposition group" / "financing of a banned political organisation")."""
    if not it.em.charge:
        return False
    mine = _content_words(it.em.charge)
    for other in (i.em.charge for i in c.items if i.em.charge):
        theirs = _content_words(other)
        shared = len(mine & theirs)
        if fuzz.token_set_ratio(it.em.charge, other) >= 90 or (shared >= 2 and 2 * shared >= min(len(mine), len(theirs))):
            return True
    return False


def _gap(a: PartialDate | None, b: PartialDate | None) -> int:
    """Days between a cluster's date and a report's focus; an undated cluster is farthest
    when the report has a focus (a dated act is the likelier referent)."""
    if b is None or b.latest() is None:
        return 0
    da, db = (a.latest() if a else None), b.latest()
    if da is None or db is None:
        return 10**6
    return abs((da - db).days)


def _charge_fit(it: _Item, c: _Cluster) -> float:
    if not it.em.charge:
        return 0.0
    charges = [i.em.charge for i in c.items if i.em.charge]
    return max((fuzz.token_set_ratio(it.em.charge, ch) for ch in charges), default=0.0)


# --------------------------------------------------------------------------- the merged event


REPORT_LAG_DAYS = 7  # how long after an act a report that dates it by its own date may appear


def _lagging(i: _Item) -> bool:
    """Dated by a day that may come some days after the act: its report's (a lead told as news),
    or a court's order of the custody the police began (`EventMention.ordered`)."""
    return i.em.by_report or i.em.ordered


def _yielding(items: list[_Item]) -> set[int]:
    """The items (by id) dated only by their report's date (a lead told as news) when another
    source states a day up to a week before it: the report appeared after the act, and the day
    it states is the act's, not a second reading of it. Sorted once: a large case's cluster
    holds many such items."""
    stated = sorted(_earliest(o.date) for o in items
                    if o.date is not None and o.date.day is not None and o.date.year is not None and not _lagging(o))
    out: set[int] = set()
    for i in items:
        if not stated or not _lagging(i) or i.date is None or i.date.day is None or i.date.year is None:
            continue
        mine = _earliest(i.date)
        k = bisect_left(stated, mine - timedelta(days=REPORT_LAG_DAYS))
        if k < len(stated) and stated[k] < mine:
            out.add(id(i))
    return out


def _vote_date(items: list[_Item]) -> PartialDate | None:
    """The finest date most sources support (one vote per source and value); a report's own
    date yields to a day another source states just before it."""
    yielding = _yielding(items)
    dated = [i for i in items if i.date is not None and i.date.year is not None and id(i) not in yielding]
    if not dated:
        return None
    best = min(_RANK[i.date.precision] for i in dated if i.date)
    votes: Counter[str] = Counter()
    first: dict[tuple[str, str], int] = {}
    for i in dated:
        assert i.date is not None
        if _RANK[i.date.precision] != best:
            continue
        key = i.date.iso() or ""
        if (i.em.source, key) in first:
            continue
        first[(i.em.source, key)] = i.order
        votes[key] += 1
    top = max(votes.values())
    winners = [k for k, n in votes.items() if n == top]
    pick = min(winners, key=lambda k: min(o for (_s, kk), o in first.items() if kk == k))
    return parse_iso(pick)


def _complete(d: PartialDate | None, event_date: PartialDate | None) -> PartialDate | None:
    """A source's year-less date takes the year of the act it was merged into."""
    if d is None or d.year is not None:
        return d
    if event_date is None or event_date.year is None:
        return None
    return d.with_year(event_date.year)


def _majority(values: list):
    """The value most sources give (one vote per source), the earliest on a tie."""
    values = [v for v in values if v is not None]
    if not values:
        return None
    counts = Counter(values)
    top = max(counts.values())
    return next(v for v in values if counts[v] == top)


def _per_source(items: list[_Item], get) -> list:
    seen, out = set(), []
    for i in items:
        v = get(i)
        if v is not None and (i.em.source, v) not in seen:
            seen.add((i.em.source, v))
            out.append(v)
    return out


def _amount(items: list[_Item]) -> Amount | None:
    amounts = [i.em.amount for i in items if i.em.amount is not None]
    if not amounts:
        return None
    # the figure in the original currency with the reporter's conversion says the most
    converted = [a for a in amounts if a.usd is not None and a.currency != "USD"]
    if converted:
        return converted[0]
    key = _majority([(a.value, a.currency) for a in amounts])
    return next(a for a in amounts if (a.value, a.currency) == key)


def _event(c: _Cluster, res: EntityResolution) -> Event:
    items = sorted(c.items, key=lambda i: i.order)
    date = c.date
    yielding = _yielding(items)
    evidence = []
    seen: set[tuple[str, int, int]] = set()
    for i in items:
        em = i.em
        if (em.source, em.start, em.end) in seen:
            continue
        seen.add((em.source, em.start, em.end))
        d = None if id(i) in yielding else _complete(i.date, date)
        evidence.append(Evidence(
            source=em.source, quote=em.quote, start=em.start, end=em.end,
            date=d.iso() if d else None, date_precision=d.precision if d else "unknown",
            amount=em.amount, duration=em.duration, place=i.place, charge=em.charge,
        ))
    participants: dict[str, Role] = {}
    by_id = {e.id: e for e in res.entities}
    for i in items:
        for eid, _role in i.participants:
            participants.setdefault(eid, _role_of(eid, res.subject, by_id))
    return Event(
        id="V0", type=c.type,  # type: ignore[arg-type]
        date=date.iso() if date else None, date_precision=date.precision if date else "unknown",
        end_date=_end_date(items),
        place=_majority(_per_source(items, lambda i: i.place)),
        participants=[Participant(entity=e, role=r) for e, r in participants.items()],
        attributes=Attributes(amount=_amount(items), duration=_majority(_per_source(items, lambda i: i.em.duration)),
                              charge=_majority(_per_source(items, lambda i: i.em.charge))),
        evidence=evidence,
    )


def _end_date(items: list[_Item]) -> str | None:
    """When the act's term ends as the sources give it: the latest one, since a later report of
    one custody tells of its extension ("extended until 5 April")."""
    ends = [i.em.end_date for i in items if i.em.end_date]
    ends = [d for d in ends if not d.startswith("--")] or ends  # a year-less end only when none has one
    return max(ends, key=lambda d: d + "-99" * (2 - d.count("-"))) if ends else None


def _role_of(eid: str, subject: str | None, by_id: dict[str, Entity]) -> Role:
    """The subject is "subject"; others keep the role resolution gave them, or their kind's."""
    if eid == subject:
        return "subject"
    ent = by_id.get(eid)
    if ent is None:
        return "other"
    if ent.roles:
        return ent.roles[0]
    return "organization" if ent.type in ("organization", "group") else "other"


def _chronology(e: Event) -> tuple[str, int, str]:
    return (e.date or "9999", 0, e.type)
