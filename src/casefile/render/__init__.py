"""Render a `CaseFile`: JSON (the contract) and a readable HTML case file."""

from __future__ import annotations

import json

from casefile.model import CaseFile
from casefile.render.html import render_html

__all__ = ["render_html", "render_json"]


def render_json(cf: CaseFile) -> str:
    return json.dumps(cf.to_dict(), ensure_ascii=False, indent=2) + "\n"
