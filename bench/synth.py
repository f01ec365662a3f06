"""A synthetic bundle of wire-style reports about fictional detained activists.

Deterministic (seeded): the same arguments write the same files. Names, towns and
groups are made up; sentences use the constructions real reports use (relative
dates, year-less dates, sums with conversions, terms, negated and background acts)
so that every stage has real work to do.
"""

from __future__ import annotations

import argparse
import random
from datetime import date, timedelta
from pathlib import Path

FIRST = ["Ivo", "Marta", "Petar", "Lina", "Dara", "Emil", "Nadia", "Oleg", "Vera", "Timur"]
LAST = ["Stanev", "Velkova", "Dimov", "Karaeva", "Ostrova", "Belov", "Zhunusova", "Radev", "Mirova", "Tokov"]
TOWNS = ["Varna", "Plovdiv", "Ruse", "Burgas", "Sliven", "Pleven", "Gabrovo", "Shumen"]
GROUPS = ["Free Voices", "River Watch", "Open Steppe", "Citizens Forum"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
MENU = ["Skip to main content", "Subscribe to our newsletter", "Share this article", "Related stories"]


def _day(d: date) -> str:
    return f"{d.day} {MONTHS[d.month - 1]}"


def report(rng: random.Random, name: str) -> str:
    last = name.split()[1]
    town, capital = rng.sample(TOWNS, 2)
    group = rng.choice(GROUPS)
    start = date(2018, 1, 1) + timedelta(days=rng.randrange(0, 1500))
    pub = start + timedelta(days=rng.randrange(20, 200))
    fine_local = rng.randrange(50, 400) * 1000
    usd = round(fine_local / 380)
    years = rng.choice(["five", "seven", "ten"])
    months = rng.choice(["two", "three", "six"])
    lines = [rng.choice(MENU), "", f"date {pub.isoformat()} AGENCY, {town.upper()}", ""]
    sents = [
        f"{name}, the leader of the rights group {group}, was detained in {town} on {_day(start)}.",
        f"The offices of {group} in {town} were searched the same day.",
        f"{last} was charged with inciting discord and transferred to house arrest in {capital} "
        f"for a period of {months} months.",
        f"In {MONTHS[(start.month - 2) % 12]}, a court found {last} guilty of leading an unregistered "
        f"organization and fined him {fine_local:,} tenges (${usd}).",
        f"{last} faced {years} years in prison if convicted.",
        "His lawyer refused to sign the plea deal.",
        "The detention of an estimated 1 million people in camps has raised concerns.",
        f"{last} was freed on Friday after a hearing in {town}.",
        f"He is unable to leave {town} for the next three months and agreed to stop campaigning.",
        f"\u201cI had no choice,\u201d {last} told reporters.",
    ]
    rng.shuffle(sents[4:7])
    body = [" ".join(sents[i:i + 2]) for i in range(0, len(sents), 2)]
    return "\n".join(lines) + "\n\n".join(body) + f"\n\n{rng.choice(MENU)}\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("out", type=Path)
    ap.add_argument("-n", type=int, default=500)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"  # one case: every report is about one person
    args.out.mkdir(parents=True, exist_ok=True)
    for k in range(args.n):
        (args.out / f"{k:04d}.txt").write_text(report(rng, name), encoding="utf-8")
    print(f"wrote {args.n} reports to {args.out}")


if __name__ == "__main__":
    main()
