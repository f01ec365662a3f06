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
