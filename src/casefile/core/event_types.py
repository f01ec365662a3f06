"""The event types and what each means to every stage, from one table.

`resources/event_types.yaml` holds one row per type: its effect on the subject's status, the
attributes that apply to it, its order within a day, its part in the summary, its chart
colour and its words in each language. Every stage asks `event_types()`; none names a
type's meaning in code, so a new event type is one row of the table.

For the readers:

* `event_types().taking("duration")` (likewise "end_date", "amount", "charge", "place"): the
  types a term, an end date, a sum, a charge or a place is read for;
* `event_types().inheriting_date()`: the types whose undated mention takes the date of the
  dated act of such a type told just before it (a release's fine, a verdict's sentence);
* `event_types().sequels()`: {type: types it is the immediate sequel of} ("transfer" after
  "detention");
* `event_types().on_organisation()`: the types whose act may befall an organisation or
  premises rather than a person.

`use_event_types(path_or_table)` puts another table in force for a while (a test, or a
deployment trying out a type before it joins the packaged table); `load_event_types(path)`
reads and checks one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

Argument = Literal["duration", "end_date", "amount", "charge", "place"]
SummaryPart = Literal["opens", "accusation", "outcome", "held", "ends"]
ARGUMENTS: tuple[str, ...] = ("duration", "end_date", "amount", "charge", "place")
# a summary phrase's placeholders and the argument each needs
PLACEHOLDERS = {"dur": "duration", "amount": "amount", "charge": "charge"}
PACKAGED = "event_types.yaml"
# the step of a prosecution that is the verdict (the table's `stage`: 1 the opening, 3 the
# verdict, 4 the appeal): the readers and the year check compare other steps with it
VERDICT_STAGE = 3


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)


class StatusEffect(_Frozen):
    """What an act does to the subject's status."""

    to: str | None = None  # None: the status stays
    from_: frozenset[str] | None = Field(default=None, alias="from")
    keeps: frozenset[str] = frozenset()  # from these statuses the status stays
    at_liberty: str | None = None
    absentia: StatusEffect | None = None
    final: bool = False

    def after(self, state: str, at_liberty: bool = False) -> str:
        """The status after an act with this effect, from `state`; `at_liberty`: a source
        words the act as served at liberty."""
        if self.from_ is not None and state not in self.from_ or state in self.keeps:
            return state
        if at_liberty and self.at_liberty:
            return self.at_liberty
        return self.to or state

    @property
    def unconditional(self) -> bool:
        """The act sets the status whatever it was: a change of custody, not a court's finding
        that only counts for someone at liberty."""
        return self.to is not None and self.from_ is None


class Wording(_Frozen):
    label: str
    summary: str | None = None
    condition: str | None = None


class EventTypeSpec(_Frozen):
    """One row of the table."""

    name: str
    position: int
    status: StatusEffect | None = None
    custody: bool = False
    condition: bool = False
    lifts: bool = False
    day_order: int
    arguments: frozenset[Argument]
    inherits_date: bool = False
    follows: frozenset[str] = frozenset()
    on_organisation: bool = False
    legal: bool = False
    in_session: bool = False
    in_session_with_term: bool = False
    stage: int | None = None
    ends_term: bool = False
    one_per_term: bool = False
    summary: frozenset[SummaryPart] = frozenset()
    color: str
    words: Mapping[str, Wording]

    def takes(self, argument: str) -> bool:
        return argument in self.arguments

    def wording(self, language: str = "en") -> Wording:
        return self.words.get(language) or self.words["en"]

    def label(self, language: str = "en") -> str:
        return self.wording(language).label

    def phrase(self, language: str = "en") -> str | None:
        """What the summary says of the act (a template with [optional {placeholders}]), or
        None when it is never stated."""
        return self.wording(language).summary

    def condition_phrase(self, language: str = "en") -> str | None:
        return self.wording(language).condition


class EventTypes:
    """The table: rows by name, in the contract's order."""

    def __init__(self, specs: list[EventTypeSpec], source: str = PACKAGED) -> None:
        self.source = source
        self._by_name = {s.name: s for s in specs}
        self.names: tuple[str, ...] = tuple(self._by_name)
        finals = {s.status.to for s in specs if s.status and s.status.final and s.status.to}
        self.final_states: frozenset[str] = frozenset(finals)
        self._sets: dict[tuple[str, str], frozenset[str]] = {}  # what the sets below found, kept

    def __getitem__(self, name: str) -> EventTypeSpec:
        return self._by_name[name]

    def get(self, name: str) -> EventTypeSpec | None:
        return self._by_name.get(name)

    def __contains__(self, name: object) -> bool:
        return name in self._by_name

    def __iter__(self) -> Iterator[EventTypeSpec]:
        return iter(self._by_name.values())

    def __len__(self) -> int:
        return len(self._by_name)

    def _set(self, key: tuple[str, str], test: Callable[[EventTypeSpec], bool]) -> frozenset[str]:
        found = self._sets.get(key)
        if found is None:
            found = self._sets[key] = frozenset(s.name for s in self if test(s))
        return found

    def taking(self, argument: str) -> frozenset[str]:
        """The types that `argument` (duration, end_date, amount, charge, place) applies to."""
        if argument not in ARGUMENTS:
            raise ValueError(f"unknown argument {argument!r}; one of {', '.join(ARGUMENTS)}")
        return self._set(("argument", argument), lambda s: s.takes(argument))

    def inheriting_date(self) -> frozenset[str]:
        return self._set(("inherits_date", ""), lambda s: s.inherits_date)

    def sequels(self) -> dict[str, frozenset[str]]:
        return {s.name: s.follows for s in self if s.follows}

    def conditions(self) -> frozenset[str]:
        """Acts that bind the subject until they run out or are lifted (a ban, a fine)."""
        return self._set(("condition", ""), lambda s: s.condition)

    def on_organisation(self) -> frozenset[str]:
        return self._set(("on_organisation", ""), lambda s: s.on_organisation)

    def in_session(self) -> frozenset[str]:
        """Acts a court decides in a session (a report of one tells of a hearing that day)."""
        return self._set(("in_session", ""), lambda s: s.in_session)

    def in_session_with_term(self) -> frozenset[str]:
        """Acts a court decides in a session when they come with a term (custody for two months)."""
        return self._set(("in_session_with_term", ""), lambda s: s.in_session_with_term)

    def one_per_term(self) -> frozenset[str]:
        """Acts a person undergoes once per term of a given length (a sentence)."""
        return self._set(("one_per_term", ""), lambda s: s.one_per_term)

    def legal(self) -> frozenset[str]:
        """Acts of a legal or custodial process (a report that tells one of a named person is
        about a case)."""
        return self._set(("legal", ""), lambda s: s.legal)

    def with_summary_part(self, part: str) -> frozenset[str]:
        return self._set(("summary", part), lambda s: part in s.summary)


def load_event_types(path: Path | str | None = None) -> EventTypes:
    """The table at `path` (the packaged one by default), checked: a row that is not
    well-formed is named with its file and what is wrong."""
    if path is None:
        text = resources.files("casefile.resources").joinpath(PACKAGED).read_text(encoding="utf-8")
        where = f"resources/{PACKAGED}"
    else:
        text, where = Path(path).read_text(encoding="utf-8"), str(path)
    data = yaml.safe_load(text) or {}
    defaults: dict[str, Any] = data.get("defaults") or {}
    rows: dict[str, Any] = data.get("types") or {}
    if not rows:
        raise ValueError(f"{where}: no event types under `types`")
    specs = []
    for position, (name, row) in enumerate(rows.items()):
        fields = {**defaults, **(row or {}), "name": name, "position": position}
        try:
            spec = EventTypeSpec.model_validate(fields)
        except ValidationError as err:
            raise ValueError(f"{where}: event type {name!r}: {err}") from None
        _check(spec, where)
        specs.append(spec)
    table = EventTypes(specs, source=where)
    for spec in table:
        unknown = spec.follows - set(table.names)
        if unknown:
            raise ValueError(f"{where}: event type {spec.name!r} follows unknown types {sorted(unknown)}")
    return table


def _check(spec: EventTypeSpec, where: str) -> None:
    if not re.fullmatch(r"[a-z][a-z_]*", spec.name):
        raise ValueError(f"{where}: event type {spec.name!r}: a name is lower-case letters and underscores")
    if "en" not in spec.words:
        raise ValueError(f"{where}: event type {spec.name!r}: no English words (words.en.label)")
    for language, words in spec.words.items():
        for key in re.findall(r"\{(\w+)\}", words.summary or ""):
            needed = PLACEHOLDERS.get(key)
            if needed is None or needed not in spec.arguments:
                raise ValueError(f"{where}: event type {spec.name!r}: the {language} summary uses {{{key}}}, "
                                 f"which is not among its arguments {sorted(spec.arguments)}")


@cache
def _packaged() -> EventTypes:
    return load_event_types()


_in_force: list[EventTypes] = []


def event_types() -> EventTypes:
    """The table in force: the packaged one unless `use_event_types` put another in force."""
    return _in_force[-1] if _in_force else _packaged()


@contextmanager
def use_event_types(table: EventTypes | Path | str) -> Iterator[EventTypes]:
    """Put another table in force inside the `with` block (for the whole process: stages read
    the table on every call, and nothing derived from it is kept across calls)."""
    loaded = table if isinstance(table, EventTypes) else load_event_types(table)
    _in_force.append(loaded)
    try:
        yield loaded
    finally:
        _in_force.remove(loaded)


def event_label(name: str, language: str = "en") -> str:
    """The label of an event type (a condition is one too) in `language`; a name the table in
    force does not know (a case file written under another table) as it is, without "_"."""
    spec = event_types().get(name)
    return spec.label(language) if spec else name.replace("_", " ")


def check_event_type(value: str) -> str:
    """A pydantic validator: `value` names a type of the table in force."""
    if value not in event_types():
        raise ValueError(f"unknown event type {value!r} (not in {event_types().source})")
    return value
