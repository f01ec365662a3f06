"""Entity resolution across the bundle: one entity per real-world referent.

(First version: mentions with the same lookup form are one entity; the type is
the majority of the readers' guesses. Issue 3 replaces the grouping.)
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from casefile.model import DocAnalysis, Entity, Source


@dataclass
class EntityResolution:
    entities: list[Entity] = field(default_factory=list)
    of_mention: dict[str, str] = field(default_factory=dict)  # mention id -> entity id
    subject: str | None = None  # entity id


def resolve_entities(analyses: list[DocAnalysis], sources: list[Source]) -> EntityResolution:
    groups: dict[str, list] = {}
    for a in analyses:
        for m in a.mentions:
            groups.setdefault(m.norm.lower(), []).append(m)
    ordered = sorted(groups.values(), key=lambda ms: -len(ms))
    res = EntityResolution()
    for i, ms in enumerate(ordered, start=1):
        eid = f"E{i}"
        names = Counter(m.norm for m in ms)
        name = names.most_common(1)[0][0]
        aliases = sorted({m.text for m in ms} - {name})
        etype = Counter(m.type for m in ms).most_common(1)[0][0]
        res.entities.append(Entity(id=eid, type=etype, name=name, aliases=aliases,
                                   sources=sorted({m.source for m in ms}, key=_sid)))
        for m in ms:
            res.of_mention[m.id] = eid
    persons = [e for e in res.entities if e.type == "person"]
    if persons:
        res.subject = persons[0].id
        persons[0].roles = ["subject"]
    return res


def _sid(source_id: str) -> int:
    return int(source_id.lstrip("S") or 0)
