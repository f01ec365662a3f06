"""resources/ru/entities.yaml, as consolidation reads it for Russian names."""

from __future__ import annotations

from casefile.consolidate.entities import resolve_entities
from casefile.model import Source


def test_russian_name_words_tell_type_and_role(read_ru):
    text = ("Сотрудники Северного правозащитного центра сообщили, что Кировский районный суд "
            "арестовал Ивана Смолина, жителя Заречного муниципального округа.")
    a = read_ru(text)
    src = Source(id="S1", file="t.txt", language="ru", text=text, published="2023-05-19")
    res = resolve_entities([a], [src])
    by_name = {e.name: e for e in res.entities}
    court = next(e for n, e in by_name.items() if n.startswith("Кировский районный суд"))
    assert court.type == "organization" and "authority" in court.roles
    centre = next((e for n, e in by_name.items() if "правозащитный центр" in n.lower()), None)
    assert centre is not None and "advocate" in centre.roles
    district = next(e for n, e in by_name.items() if n.endswith("муниципальный округ"))
    assert district.type == "place"
