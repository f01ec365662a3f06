"""A generated news corpus with known cases, for batch-mode tests and benchmarks.

Everything here is invented: names are drawn from short lists of common first names and
surnames, so no real person is described. Case reports follow the shapes of real wire
stories (detention, charge, custody, sentence, fine, release); the other reports are
ordinary news with no act of prosecution. Russian and English reports are mixed, and a
person's name appears in several transliterations.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import iuliia

FIRST_F = ["Айгерим", "Дина", "Асель", "Гульнара", "Жанна", "Ирина", "Светлана", "Наталья", "Елена", "Зарина"]
FIRST_M = ["Марат", "Ержан", "Тимур", "Руслан", "Бахыт", "Олег", "Денис", "Павел", "Артём", "Нурлан"]
LAST_M = ["Жакупов", "Сейтказиев", "Абдрахманов", "Тулегенов", "Кенжебаев", "Оспанов", "Мусин", "Ахметов",
          "Волков", "Соколов", "Лебедев", "Морозов", "Ермеков", "Садыков", "Исаев", "Бекмуханов", "Кузнецов",
          "Григорьев", "Усманов", "Досжанов", "Рахимов", "Нуриев", "Калиев", "Шарипов"]
CITIES = [("Караганда", "Karaganda"), ("Павлодар", "Pavlodar"), ("Актобе", "Aktobe"), ("Костанай", "Kostanay"),
          ("Семей", "Semey"), ("Тараз", "Taraz"), ("Уральск", "Uralsk"), ("Атырау", "Atyrau")]
SCHEMES = [iuliia.WIKIPEDIA, iuliia.ICAO_DOC_9303, iuliia.BGN_PCGN]  # the schemes news outlets use
ROLES_EN = ["activist", "blogger", "journalist", "trade unionist", "lawyer", "poet"]
MONTHS_RU = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
             "ноября", "декабря"]

EN_CASE = [
    "{city}, {d:%B} {d.day}, {d.year} (Steppe Wire) — Police in {city} detained {who} on {d:%B} {d.day}, "
    "{pos} lawyer said. {Pron} was taken to a police station and questioned for several hours.",
    "A court in {city} on {d:%B} {d.day}, {d.year} ordered {who} held in pre-trial detention for two "
    "months on charges of spreading false information, {pos} lawyer told reporters.",
    "{Who} was sentenced to {n} years in prison by a court in {city} on {d:%B} {d.day}, {d.year}. "
    "{surname} denied the charges and said {pron} would appeal.",
    "A court in {city} fined {who} 150,000 tenge on {d:%B} {d.day}, {d.year} for organising an "
    "unsanctioned picket. {surname} said the fine was punishment for {pos} reporting.",
    "{Who} was released from custody in {city} on {d:%B} {d.day}, {d.year} after {n} months in "
    "detention, {pos} supporters said. {surname} is barred from leaving the city.",
]
RU_CASE = [
    "{city_ru}, {d.day} {month_ru} {d.year} года. Полиция задержала {name_acc} {d.day} {month_ru}, "
    "сообщил адвокат. {surname_ru} доставили в отдел полиции.",
    "Суд {d.day} {month_ru} {d.year} года арестовал {name_acc} на два месяца по делу о "
    "распространении ложной информации, сообщил адвокат.",
    "{d.day} {month_ru} {d.year} года суд приговорил {name_acc} к {n} годам колонии. "
    "{surname_ru} не признал вину и намерен обжаловать приговор.",
]
EN_OTHER = [
    "{city} hosted a regional football final on Saturday, and the home team won 2-1 in front of a crowd of "
    "{n}0,000 people. The mayor congratulated the players.",
    "The central bank kept its base rate unchanged at {n} percent on Friday, citing stable inflation and "
    "higher oil prices. Analysts had expected the decision.",
    "A new bridge over the river in {city} opened to traffic on Monday after two years of construction, "
    "the regional administration said. It cost {n} billion tenge.",
    "Farmers near {city} expect a record wheat harvest this year thanks to a wet spring, the agriculture "
    "ministry said on Tuesday. Exports are set to rise.",
    "The {city} philharmonic opened its season with a concert of music by local composers on Sunday. "
    "Tickets sold out within {n} days.",
]
RU_OTHER = [
    "В городе {city_ru} в субботу прошёл фестиваль уличной еды, который посетили около {n} тысяч человек. "
    "Организаторы обещают повторить его в следующем году.",
    "Национальный банк сохранил базовую ставку на уровне {n} процентов, сообщили в пятницу. Аналитики "
    "ожидали такого решения.",
]


@dataclass(frozen=True)
class Person:
    first: str
    last: str  # nominative
    female: bool

    @property
    def key(self) -> str:
        return f"{self.first} {self.last}"

    def accusative(self) -> str:
        first = self.first[:-1] + "у" if self.first.endswith("а") else (
            self.first[:-1] + "ю" if self.first.endswith("я") else self.first + ("" if self.female else "а"))
        last = self.last[:-1] + "у" if self.female else self.last + "а"
        return f"{first} {last}"


def _people(rnd: random.Random, n: int) -> list[Person]:
    surnames = rnd.sample(LAST_M, min(n, len(LAST_M)))  # one person per surname: unambiguous truth
    out = []
    for s in surnames:
        female = rnd.random() < 0.5
        out.append(Person(rnd.choice(FIRST_F if female else FIRST_M), s + ("а" if female else ""), female))
    return out


def generate(n_reports: int, share_cases: float = 0.1, seed: int = 7, russian_share: float = 0.3,
             reports_per_case: tuple[int, int] = (3, 5), date_pool: int | None = None) -> tuple[list[dict], dict[str, str]]:
    """Records (dicts for JSONL) and the truth: record id -> the person's case key.

    `date_pool`: a case's reports retell acts on at most that many dates (a long-running case
    covered by many outlets), instead of each report bringing a new date."""
    rnd = random.Random(seed)
    pool = sorted(date(2023, 1, 10) + timedelta(days=rnd.randint(0, 700)) for _ in range(date_pool or 0))
    n_case_reports = int(n_reports * share_cases)
    people = _people(rnd, max(1, n_case_reports // reports_per_case[0]))
    records: list[dict] = []
    truth: dict[str, str] = {}
    start = date(2023, 1, 10)
    i = 0
    while len(truth) < n_case_reports:
        p = people[i % len(people)]
        i += 1
        d = start + timedelta(days=rnd.randint(0, 500))
        for j in range(rnd.randint(*reports_per_case)):
            d = rnd.choice(pool) if pool else d + timedelta(days=rnd.randint(1, 40))
            rid = f"case-{len(records):06d}"
            city_ru, city = rnd.choice(CITIES)
            n = rnd.randint(2, 8)
            if rnd.random() < russian_share:
                text = RU_CASE[j % len(RU_CASE)].format(city_ru=city_ru, d=d, month_ru=MONTHS_RU[d.month - 1], n=n,
                                                        name_acc=p.accusative(), surname_ru=p.last)
            else:
                name = rnd.choice(SCHEMES).translate(p.key)
                role = rnd.choice(ROLES_EN)
                # the three ways wires name a person with a role: "the poet X", "poet X", "X, a poet,"
                who = [f"the {role} {name}", f"{role} {name}", f"{name}, {'an' if role[0] in 'aeiou' else 'a'} {role},"][
                    len(records) % 3]
                text = EN_CASE[j % len(EN_CASE)].format(
                    city=city, d=d, who=who, Who=who[0].upper() + who[1:], n=n, surname=name.split()[-1],
                    pos="her" if p.female else "his", pron="she" if p.female else "he",
                    Pron="She" if p.female else "He")
            records.append({"id": rid, "text": text, "date": d.isoformat(), "outlet": "Steppe Wire"})
            truth[rid] = p.key
    while len(records) < n_reports:
        city_ru, city = rnd.choice(CITIES)
        rid = f"news-{len(records):06d}"
        if rnd.random() < russian_share:
            text = rnd.choice(RU_OTHER).format(city_ru=city_ru, n=rnd.randint(2, 9))
        else:
            text = rnd.choice(EN_OTHER).format(city=city, n=rnd.randint(2, 9))
        records.append({"id": rid, "text": text, "date": (start + timedelta(days=rnd.randint(0, 600))).isoformat()})
    rnd.shuffle(records)
    return records, truth


def write_jsonl(path: Path, records: list[dict]) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    import sys

    recs, _ = generate(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
    write_jsonl(Path(sys.argv[2] if len(sys.argv) > 2 else "synthetic.jsonl"), recs)
