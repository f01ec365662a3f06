"""Input records, streamed: a folder of reports, JSONL files (one report per line), or globs.

A bad record (empty or non-JSON line, binary, huge) is yielded as a `BadRecord`
with its line number; reading goes on.
"""

from __future__ import annotations

import glob
import json
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

from casefile.ingest import SUFFIXES

MAX_RECORD = 2 * 1024 * 1024


@dataclass(frozen=True)
class Record:
    id: str  # "file.jsonl:17" or the file's path
    body: bytes
    kind: str  # text | html | markdown
    url: str | None = None
    date: str | None = None
    outlet: str | None = None
    title: str | None = None

    def to_dict(self) -> dict:
        d = asdict(self)
        d["body"] = self.body.decode("utf-8", "surrogateescape")
        return d

    @staticmethod
    def from_dict(d: dict) -> Record:
        return Record(**{**d, "body": d["body"].encode("utf-8", "surrogateescape")})


@dataclass(frozen=True)
class BadRecord:
    id: str
    problem: str


def expand_inputs(inputs: list[str]) -> list[Path]:
    out: list[Path] = []
    for item in inputs:
        matches = sorted(glob.glob(item, recursive=True)) if any(c in item for c in "*?[") else [item]
        for m in matches:
            p = Path(m)
            if p.is_dir():
                out.extend(sorted(f for f in p.rglob("*") if f.is_file() and
                                  (f.suffix.lower() in SUFFIXES or f.suffix.lower() == ".jsonl")))
            else:
                out.append(p)
    return out


def iter_records(inputs: list[str]) -> Iterator[Record | BadRecord]:
    for path in expand_inputs(inputs):
        if not path.exists():
            yield BadRecord(str(path), "no such file or folder")
        elif path.suffix.lower() == ".jsonl":
            yield from _jsonl(path)
        else:
            kind = SUFFIXES.get(path.suffix.lower())
            if kind is None:
                yield BadRecord(str(path), f"unsupported file type {path.suffix!r}")
                continue
            size = path.stat().st_size
            if size > MAX_RECORD:
                yield BadRecord(str(path), f"{size / 1e6:.1f} MB, over the {MAX_RECORD // 2**20} MB limit for one report")
                continue
            yield Record(id=str(path), body=path.read_bytes(), kind=kind)


def _jsonl(path: Path) -> Iterator[Record | BadRecord]:
    with path.open("rb") as fh:
        for n, line in enumerate(fh, start=1):
            rid = f"{path.name}:{n}"
            if len(line) > MAX_RECORD:
                yield BadRecord(rid, f"line {n}: record of {len(line) / 1e6:.1f} MB, over the limit")
                continue
            if not line.strip():
                yield BadRecord(rid, f"line {n}: empty line")
                continue
            try:
                obj = json.loads(line)
            except (json.JSONDecodeError, UnicodeDecodeError) as exc:
                yield BadRecord(rid, f"line {n}: not JSON ({str(exc)[:60]})")
                continue
            if not isinstance(obj, dict):
                yield BadRecord(rid, f"line {n}: a JSON object is expected")
                continue
            html, text = obj.get("html"), obj.get("text")
            body = html if isinstance(html, str) and html.strip() else text
            if not isinstance(body, str) or not body.strip():
                yield BadRecord(rid, f"line {n}: no 'text' or 'html'")
                continue
            yield Record(id=str(obj.get("id") or rid), body=body.encode("utf-8", "surrogateescape"),
                         kind="html" if body is html else "text", url=_s(obj.get("url")), date=_s(obj.get("date")),
                         outlet=_s(obj.get("outlet")), title=_s(obj.get("title")))


def _s(x: object) -> str | None:
    return x if isinstance(x, str) and x.strip() else None
