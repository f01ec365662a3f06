"""The languages casefile reads, registered by their resources folders.

A language is a folder `resources/<code>/` with a `language.yaml` (how its documents
are parsed, the parser's labels) and the lexicons and patterns the readers walk. The
list of languages is the list of such folders, found in every resource root
(`casefile.resources.add_root` adds one), so a language is added as data alone; a
language that needs what data cannot express names a hook (a Python callable) there.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

from casefile.model import EntityType
from casefile.resources import exists, language_codes, load


@dataclass(frozen=True)
class Language:
    """One language's settings and data, read from `resources/<code>/`."""

    code: str
    config: dict[str, Any]

    def lex(self, name: str) -> dict[str, Any]:
        """`resources/<code>/<name>.yaml`, or an empty table where the language has none."""
        path = f"{self.code}/{name}.yaml"
        return (load(path) or {}) if exists(path) else {}

    @property
    def parser(self) -> dict[str, Any]:
        return dict(self.config.get("parser") or {"kind": "blank"})

    def entity_type(self, label: str) -> EntityType | None:
        value = (self.config.get("entities") or {}).get(label)
        return value  # type: ignore[no-any-return]

    def hook(self, name: str) -> Callable[..., Any] | None:
        """A callable named in language.yaml's `hooks` (or the parser's), "module:attribute"."""
        ref = (self.config.get("hooks") or {}).get(name)
        return resolve(ref) if ref else None


def resolve(ref: str) -> Callable[..., Any]:
    module, _, attr = ref.partition(":")
    return getattr(importlib.import_module(module), attr)  # type: ignore[no-any-return]


def languages() -> tuple[str, ...]:
    """Codes of every language with a folder and a `language.yaml`, in code order."""
    return language_codes()


def default_code() -> str:
    return str(load("languages.yaml")["default"])


def code_for(language: str | None) -> str:
    """The registered language a source in `language` is read as."""
    return language if language and language in languages() else default_code()


@cache
def _language(code: str) -> Language:
    return Language(code, load(f"{code}/language.yaml") or {})


def language(code: str | None) -> Language:
    return _language(code_for(code))


def forget() -> None:
    """Drop the languages read so far (after a resource root was added or removed)."""
    _language.cache_clear()
    language_codes.cache_clear()
