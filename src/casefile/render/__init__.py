"""Render a `CaseFile`: JSON (the contract), a readable HTML case file, Markdown, CSV of the timeline."""

from __future__ import annotations

import json

from casefile.model import CaseFile
from casefile.render.html import render_html
from casefile.render.tabular import render_csv, render_markdown

__all__ = ["FORMATS", "render", "render_csv", "render_html", "render_json", "render_markdown"]

FORMATS = ("json", "html", "md", "csv")


def render_json(cf: CaseFile) -> str:
    return json.dumps(cf.to_dict(), ensure_ascii=False, indent=2) + "\n"


def render(cf: CaseFile, fmt: str) -> str:
    renderers = {"json": render_json, "html": render_html, "md": render_markdown, "csv": render_csv}
    if fmt not in renderers:
        raise ValueError(f"unknown format {fmt!r}; one of {', '.join(FORMATS)}")
    return renderers[fmt](cf)
