from __future__ import annotations

import pytest

from casefile.model import DocAnalysis, Source
from casefile.read.reader import read_one


@pytest.fixture(scope="session")
def read_ru():
    """Read one Russian text (natasha loads once per session)."""

    def _read(text: str, published: str | None = "2023-05-19", basis: str | None = None) -> DocAnalysis:
        extra = {"published_basis": basis} if basis else {}
        return read_one(Source(id="S1", file="t.txt", language="ru", text=text, published=published, **extra))

    return _read
