"""Input records, streamed: folders of reports, JSONL files (one report per line), WARC files
(web archives and news crawls, plain or gzipped), RSS/Atom feed files, or globs of these.

A bad record (an empty or non-JSON line, a damaged WARC record, a feed entry with no text, a
file too large) is yielded as a `BadRecord` that says where it is in its file; reading goes on.
A record that is no report (a WARC response holding an image, a redirect) is yielded as
`NotReport`, to be counted.
"""

from __future__ import annotations

import glob
import html as htmllib
import json
import time
import zlib
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from casefile.ingest import SUFFIXES

MAX_RECORD = 2 * 1024 * 1024
MAX_FEED = 50 * 1024 * 1024
WARC_SUFFIXES = (".warc", ".warc.gz")
FEED_SUFFIXES = (".rss", ".atom", ".xml")
_FEED_ROOTS = (b"<rss", b"<feed", b"<rdf:rdf")


@dataclass(frozen=True)
class Record:
    id: str  # "file.jsonl:17", "crawl.warc.gz:12", "feed.xml:3" or the file's path
    body: bytes
    kind: str  # text | html | markdown
    url: str | None = None
    date: str | None = None  # the report's own publication date, taken as given
    outlet: str | None = None
    title: str | None = None
    # when the record was captured (a WARC record's date): the report's date only where
    # the report itself gives none
    captured: str | None = None

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
    problem: str  # begins with where it is: "line 4: ...", "record 12 (byte 3456): ..."


@dataclass(frozen=True)
class NotReport:
    """A record that holds no report (an image, a style sheet, a redirect, a 404 page)."""

    id: str
    why: str


Item = Record | BadRecord | NotReport


def _kind_of(path: Path) -> str | None:
    name = path.name.lower()
    if name.endswith(".jsonl"):
        return "jsonl"
    if name.endswith(WARC_SUFFIXES):
        return "warc"
    if name.endswith(FEED_SUFFIXES):
        return "feed"
    return SUFFIXES.get(path.suffix.lower())


def _looks_like_feed(path: Path) -> bool:
    with path.open("rb") as fh:
        head = fh.read(2048).lower()
    return any(root in head for root in _FEED_ROOTS)


def expand_inputs(inputs: list[str]) -> list[Path]:
    out: list[Path] = []
    for item in inputs:
        matches = sorted(glob.glob(item, recursive=True)) if any(c in item for c in "*?[") else [item]
        for m in matches:
            p = Path(m)
            if p.is_dir():
                # in a folder, an .xml file is taken only when it is a feed
                out.extend(sorted(f for f in p.rglob("*") if f.is_file() and _kind_of(f) is not None
                                  and not (f.name.lower().endswith(".xml") and not _looks_like_feed(f))))
            else:
                out.append(p)
    return out


def iter_records(inputs: list[str]) -> Iterator[Item]:
    for path in expand_inputs(inputs):
        kind = _kind_of(path)
        if not path.exists():
            yield BadRecord(str(path), "no such file or folder")
        elif kind == "jsonl":
            yield from _jsonl(path)
        elif kind == "warc":
            yield from _warc(path)
        elif kind == "feed":
            yield from _feed(path)
        elif kind is None:
            yield BadRecord(str(path), f"unsupported file type {path.suffix!r}")
        else:
            size = path.stat().st_size
            if size > MAX_RECORD:
                yield BadRecord(str(path), f"{size / 1e6:.1f} MB, over the {MAX_RECORD // 2**20} MB limit for one report")
                continue
            yield Record(id=str(path), body=path.read_bytes(), kind=kind)


def _jsonl(path: Path) -> Iterator[Item]:
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
            except json.JSONDecodeError as exc:
                yield BadRecord(rid, f"line {n}: not JSON ({_brief(exc.msg)} at column {exc.colno})")
                continue
            except UnicodeDecodeError as exc:
                yield BadRecord(rid, f"line {n}: not JSON ({_brief(str(exc))})")
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


def _brief(message: str, limit: int = 120) -> str:
    """A library's message shortened for one line of a report: cut at a word, with an ellipsis,
    never mid-word (a half word reads as a different word)."""
    message = " ".join(message.split())
    if len(message) <= limit:
        return message
    cut = message[:limit].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + " …"


def _s(x: object) -> str | None:
    return x if isinstance(x, str) and x.strip() else None


# ------------------------------------------------------------------------------------------ WARC


def _media_type(content_type: str | None) -> str:
    return (content_type or "").split(";")[0].strip().lower()


def _report_kind(media: str) -> str | None:
    if media in ("text/html", "application/xhtml+xml"):
        return "html"
    if media == "text/plain":
        return "text"
    return None


def _warc(path: Path) -> Iterator[Item]:
    """Each HTTP response that carries an HTML page (or plain text) is a report, with the
    record's target URL and its capture date; a WARC `resource` or `conversion` record (the
    text of a WET file) likewise. Requests, metadata and other media are no reports."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    n = 0
    offset = 0
    try:
        with path.open("rb") as fh:
            records = ArchiveIterator(fh)
            for rec in records:
                n += 1
                found = _warc_item(rec, f"{path.name}:{n}")
                cut = _cut_off(rec)
                offset = records.get_record_offset()  # known once the record has been read
                if cut:
                    yield BadRecord(f"{path.name}:{n}", f"record {n} (byte {offset}): the file ends inside "
                                                        "this record (cut off); the rest of the file is skipped")
                    return
                item: Item | None
                if isinstance(found, Record) or found is None:
                    item = found
                elif isinstance(found, BadRecord):
                    item = BadRecord(found.id, f"record {n} (byte {offset}): {found.problem}")
                else:
                    item = NotReport(found.id, f"record {n} (byte {offset}): {found.why}")
                if item is not None:
                    yield item
    except (ArchiveLoadFailed, EOFError, OSError, zlib.error, ValueError) as exc:
        where = f"record {n + 1} (after byte {offset})" if n else "record 1"
        yield BadRecord(f"{path.name}:{n + 1}", f"{where}: not a readable WARC record "
                                                f"({_brief(str(exc).splitlines()[0])}); the rest of the file is skipped")


def _cut_off(rec: Any) -> bool:
    """Whether the file ended before the record's declared length (a download broken off)."""
    stream = rec.raw_stream
    while stream.read(1 << 16):
        pass
    return getattr(stream, "limit", 0) > 0


def _warc_item(rec: Any, rid: str) -> Item | None:
    rtype = rec.rec_type
    if rtype not in ("response", "resource", "conversion"):
        return None  # warcinfo, request, metadata, revisit: no document
    url = rec.rec_headers.get_header("WARC-Target-URI") or None
    captured = rec.rec_headers.get_header("WARC-Date") or None
    if rtype == "response":
        if rec.http_headers is None:
            return NotReport(rid, "not an HTTP response")
        status = rec.http_headers.get_statuscode() or ""
        if not status.startswith("2"):
            return NotReport(rid, f"HTTP status {status}")
        media = _media_type(rec.http_headers.get_header("Content-Type"))
    else:
        media = _media_type(rec.rec_headers.get_header("Content-Type"))
    kind = _report_kind(media)
    if kind is None:
        return NotReport(rid, media or "no media type")
    try:
        body = rec.content_stream().read(MAX_RECORD + 1)
    except (OSError, zlib.error, ValueError, EOFError) as exc:
        return BadRecord(rid, f"its content cannot be decoded ({_brief(str(exc))})")
    if len(body) > MAX_RECORD:
        return BadRecord(rid, f"over the {MAX_RECORD // 2**20} MB limit for one report")
    if not body.strip():
        return BadRecord(rid, "empty")
    return Record(id=rid, body=body, kind=kind, url=url, captured=captured)


# ----------------------------------------------------------------------------------------- feeds


def _feed(path: Path) -> Iterator[Item]:
    """RSS and Atom: each entry with its text (its content, else its summary), link, date and
    title; the feed's title is the outlet. A feed that is not well-formed gives the entries
    read before the fault and names the line of the fault."""
    import feedparser

    size = path.stat().st_size
    if size > MAX_FEED:
        yield BadRecord(str(path), f"{size / 1e6:.1f} MB, over the {MAX_FEED // 2**20} MB limit for a feed")
        return
    parsed = feedparser.parse(path.read_bytes())
    fault = parsed.get("bozo_exception") if parsed.get("bozo") else None
    harmless = (feedparser.CharacterEncodingOverride,)
    if fault is not None and not isinstance(fault, harmless):
        line = getattr(fault, "getLineNumber", lambda: None)()
        where = f"line {line}" if line else "the feed"
        if not parsed.entries:
            yield BadRecord(str(path), f"{where}: not a readable RSS or Atom feed ({_brief(str(fault))})")
            return
        yield BadRecord(str(path), f"{where}: the feed is damaged ({_brief(str(fault))}); "
                                   f"{len(parsed.entries)} entries before it are read")
    outlet = _s(parsed.feed.get("title"))
    for n, entry in enumerate(parsed.entries, start=1):
        rid = f"{path.name}:{n}"
        title = _s(entry.get("title"))
        body, media = _entry_text(entry)
        if not body:
            yield BadRecord(rid, f"entry {n}: no content or summary")
            continue
        kind = "html" if "html" in media else "text"
        if kind == "html":  # a fragment: made a page, so that the HTML path reads it as one
            page = f"<html><head><title>{htmllib.escape(title or '')}</title></head><body><article>{body}</article></body></html>"
            body = page
        struct = entry.get("published_parsed") or entry.get("updated_parsed")
        date = time.strftime("%Y-%m-%d", struct) if struct else None
        yield Record(id=rid, body=body.encode("utf-8"), kind=kind, url=_s(entry.get("link")), date=date,
                     outlet=outlet, title=title)


def _entry_text(entry: Any) -> tuple[str, str]:
    contents = [c for c in entry.get("content") or [] if _s(c.get("value"))]
    if contents:
        best = max(contents, key=lambda c: len(c["value"]))
        return best["value"], best.get("type") or "text/html"
    summary = _s(entry.get("summary"))
    if summary:
        return summary, (entry.get("summary_detail") or {}).get("type") or "text/html"
    return "", ""
