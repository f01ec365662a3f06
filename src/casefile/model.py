"""The types of casefile, defined once.

Two groups live here:

* the contract (`casefile/1`, see the README): `Source`, `Entity`, `Event`,
  `Evidence`, `Conflict`, `Quote`, `Status`, `SummarySentence`, `CaseFile`;
* what the reading stage hands to consolidation, one document at a time:
  `Mention`, `EventMention`, `QuoteMention`, `DocAnalysis`.

Offsets are always character offsets into `Source.text`.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal, get_args

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_serializer

from casefile.core.event_types import check_event_type, event_types

SCHEMA = "casefile/1"

EntityType = Literal["person", "organization", "place", "group"]
# the event types are the rows of resources/event_types.yaml (casefile.core.event_types):
# a field of this type takes any name of the table in force
EventType = Annotated[str, AfterValidator(check_event_type)]
Role = Literal[
    "subject", "lawyer", "authority", "organization", "relative", "witness", "supporter",
    "spokesperson", "advocate", "other",
]
ROLES: tuple[str, ...] = get_args(Role)
StatusValue = Literal[
    "detained", "house_arrest", "imprisoned", "released", "convicted_at_liberty", "missing",
    "deceased", "in_exile", "unknown",
]
STATUS_VALUES: tuple[str, ...] = get_args(StatusValue)
Precision = Literal["day", "month", "year", "unknown"]
PublishedBasis = Literal["dateline", "metadata", "content", "none"]


def __getattr__(name: str) -> Any:
    """`EVENT_TYPES`: the names of the event types in force, in the contract's order."""
    if name == "EVENT_TYPES":
        return event_types().names
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


# --------------------------------------------------------------------------- contract


class Source(_Model):
    id: str
    file: str
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    published_basis: PublishedBasis = "none"
    language: str = "en"
    text: str = ""
    duplicate_of: str | None = None
    # additions to the contract: where the file came from and what ingest noticed
    path: str | None = None
    format: str = "text"
    sha256: str | None = None
    warnings: list[str] = Field(default_factory=list)


class Amount(_Model):
    value: float
    currency: str
    usd: float | None = None

    @model_serializer
    def _ser(self) -> dict[str, Any]:
        out: dict[str, Any] = {"value": _num(self.value), "currency": self.currency}
        if self.usd is not None:
            out["usd"] = _num(self.usd)
        return out


def _num(x: float) -> float | int:
    return int(x) if float(x).is_integer() else x


class Attributes(_Model):
    amount: Amount | None = None
    duration: str | None = None
    charge: str | None = None

    @model_serializer
    def _ser(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if self.amount is not None:
            out["amount"] = self.amount.model_dump()
        if self.duration:
            out["duration"] = self.duration
        if self.charge:
            out["charge"] = self.charge
        return out


class Entity(_Model):
    id: str
    type: EntityType
    name: str
    aliases: list[str] = Field(default_factory=list)
    roles: list[Role] = Field(default_factory=list)
    sources: list[str] = Field(default_factory=list)
    # addition: an analyst marked the name sensitive; exports for others withhold it
    sensitive: bool = False


class Participant(_Model):
    entity: str
    role: Role = "other"


class Evidence(_Model):
    source: str
    quote: str
    start: int
    end: int
    # additions to the contract: what this source itself says of the event's facts, so that
    # conflicts can name the values and the sources behind each
    date: str | None = Field(default=None, description="the event's date as this source gives it")
    date_precision: Precision = Field(default="unknown", description="how much of that date this source gives")
    amount: Amount | None = Field(default=None, description="the sum this source gives (a fine, a bail)")
    duration: str | None = Field(default=None, description="the term this source gives, ISO 8601")
    place: str | None = Field(default=None, description="the place this source gives (an entity id)")
    charge: str | None = Field(default=None, description="the charge as this source words it")


class Event(_Model):
    id: str
    type: EventType
    date: str | None = None
    date_precision: Precision = "unknown"
    end_date: str | None = None
    place: str | None = None
    participants: list[Participant] = Field(default_factory=list)
    attributes: Attributes = Field(default_factory=Attributes)
    evidence: list[Evidence] = Field(default_factory=list)
    # addition: an analyst's or the engine's note
    note: str | None = None
    # addition: "confirmed" or "corrected" once an analyst reviewed the event
    review: str | None = None


class ConflictValue(_Model):
    value: Any
    sources: list[str]


class Conflict(_Model):
    id: str
    event: str
    field: str
    values: list[ConflictValue]
    # addition: an analyst's pick {"value", "note", "by", "at"}; a resolved conflict is no longer open
    resolved: dict[str, Any] | None = None


class Quote(_Model):
    speaker: str | None
    text: str
    sources: list[str]
    # addition: where the quote stands in each source
    evidence: list[Evidence] = Field(default_factory=list)


class Status(_Model):
    value: StatusValue = "unknown"
    as_of: str | None = None
    conditions: list[str] = Field(default_factory=list)
    sources: list[str] = Field(default_factory=list)


class SummarySentence(_Model):
    text: str
    sources: list[str]


class CaseFile(_Model):
    schema_: str = Field(default=SCHEMA, alias="schema")
    generated_at: str
    subject: str | None = None
    status: Status = Field(default_factory=Status)
    sources: list[Source] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    conflicts: list[Conflict] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    summary: list[SummarySentence] = Field(default_factory=list)

    model_config = ConfigDict(extra="forbid", populate_by_name=True, validate_assignment=True)

    def to_dict(self) -> dict[str, Any]:
        return self.model_dump(mode="json", by_alias=True)


# --------------------------------------------------------------------------- reading stage


class Mention(_Model):
    """One occurrence of a named thing in one source."""

    id: str  # "S1:M3", unique in the bundle
    source: str
    text: str  # as written, offsets [start, end)
    start: int
    end: int
    type: EntityType  # the reader's guess; consolidation votes over all mentions
    norm: str  # lookup form: possessive stripped; in Russian the nominative
    sentence: int = 0
    # cues from the context ("his lawyer, X" gives "lawyer"), votes for roles and types
    role_hints: list[Role] = Field(default_factory=list)
    type_hints: list[EntityType] = Field(default_factory=list)
    # a mention that only refers to another one in the same source (a pronoun, "the activist")
    refers_to: str | None = None


class EventMention(_Model):
    """One act reported in one sentence of one source."""

    source: str
    type: EventType
    trigger: str
    quote: str  # exact text at [start, end) in the source
    start: int
    end: int
    sentence: int = 0
    date: str | None = None
    date_precision: Precision = "unknown"
    end_date: str | None = None
    place: str | None = None  # mention id
    participants: list[tuple[str, Role]] = Field(default_factory=list)  # (mention id, role)
    amount: Amount | None = None
    duration: str | None = None
    charge: str | None = None
    # dated by its report's own date (a lead's act told as news), not by words of its own
    by_report: bool = False
    # custody a court ordered that day ("a court remanded her on June 12", "арестовали на два
    # месяца"): the custody may have begun days before, with the police's detention
    ordered: bool = False
    # a later step dated by a time told before it and the earlier step it is coordinated after
    # ("In 2021 she was arrested and sentenced"): a summary's time, the arrest's first
    summary_time: bool = False


class QuoteMention(_Model):
    """A direct quote in one source, with its speaker where the text says who."""

    source: str
    text: str
    start: int
    end: int
    speaker: str | None = None  # mention id
    speaker_text: str | None = None  # the words that named the speaker ("she", "his lawyer")


class DocAnalysis(_Model):
    source: str
    language: str
    mentions: list[Mention] = Field(default_factory=list)
    events: list[EventMention] = Field(default_factory=list)
    quotes: list[QuoteMention] = Field(default_factory=list)


def rebase_analysis(data: dict[str, Any], old: str, new: str) -> dict[str, Any]:
    """A reading (`DocAnalysis` as JSON) made for source `old` re-keyed to source id `new`:
    the registry stores one reading per report under a neutral id and batch spills readings
    to disk, both to be numbered again within a case. Every field that holds a source or
    mention id ("S3", "S3:M7") is listed here, beside the types that define them."""
    keys = {"source", "id", "refers_to", "place", "speaker"}

    def fix(s: Any) -> Any:
        if isinstance(s, str) and (s == old or s.startswith(old + ":")):
            return new + s[len(old):]
        return s

    def walk(x: Any, key: str | None = None) -> Any:
        if isinstance(x, dict):
            return {k: walk(v, k) for k, v in x.items()}
        if isinstance(x, list):
            if key == "participants":
                return [[fix(p[0]), p[1]] for p in x]
            return [walk(v, key) for v in x]
        return fix(x) if key in keys else x

    return walk(data)
