from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
EXAMPLE = ROOT / "examples" / "sample-case"


@pytest.fixture(scope="session")
def corpus() -> Path:
    if not (CORPUS / "bilash" / "gold.json").exists():
        pytest.skip("the shared corpus is not present next to the repository")
    return CORPUS
