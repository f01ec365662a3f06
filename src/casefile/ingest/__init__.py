"""Ingest: files to `Source`s (cleaned text plus metadata), one per report.

`ingest_paths` takes files and folders; every file that cannot be read becomes
a `Problem` naming the file, and the rest of the bundle is still taken.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

import py3langid

from casefile.errors import IngestError
from casefile.ingest.clean import clean_text, unwrap
from casefile.ingest.decode import decode
from casefile.ingest.dedupe import mark_duplicates
from casefile.ingest.html import extract_html
from casefile.ingest.meta import (
    bundle_years,
    content_date,
    counts_from_own_year,
    dateline_date,
    find_dates,
    infer_outlet,
    infer_title,
    infer_years,
    latest_date,
    lead_day,
    named_years,
    own_year,
    tied_years,
    trim_site_name,
    url_date,
    yearless_dates,
)
from casefile.ingest.pdf import extract_pdf
from casefile.model import Source

SUFFIXES = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html",
            ".pdf": "pdf"}
MAX_BYTES = 10 * 1024 * 1024  # a report is a few kB; ten megabytes is a dump, not a report
MIN_CHARS = 40
# the longest text the parsers take at once (spaCy's default `max_length`); a report is far shorter
MAX_CHARS = 1_000_000
# NUL and the other control characters but tab and line breaks: no text has them, and databases
# (PostgreSQL) and XML refuse them
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class Problem:
    file: str
    problem: str

    def __str__(self) -> str:
        return f"{self.file}: {self.problem}"


@dataclass
class IngestResult:
    sources: list[Source] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def collect_files(paths: list[Path]) -> tuple[list[Path], list[Problem]]:
    """Expand folders (recursively) into the files casefile can read, sorted by name."""
    files: list[Path] = []
    problems: list[Problem] = []
    for p in paths:
        if p.is_dir():
            found = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES
                           and not any(part.startswith(".") for part in f.relative_to(p).parts))
            if not found:
                problems.append(Problem(str(p), "the folder holds no .txt, .md or .html files"))
            files.extend(found)
        elif p.is_file():
            files.append(p)
        elif p.exists():
            problems.append(Problem(str(p), "not a regular file"))
        else:
            problems.append(Problem(str(p), "no such file or folder"))
    return list(dict.fromkeys(files)), problems


def detect_language(text: str) -> str:
    lang, _ = py3langid.classify(text[:5000])
    return str(lang)


@dataclass(frozen=True)
class Ingested:
    """One file read alone: its Source (dated by itself only) and what the bundle steps
    (`bundle_sources`) need from its raw text besides, which the cleaned text no longer shows."""

    source: Source
    yearless: tuple[int, int] | None  # (month, day) of a dateline without a year


@dataclass(frozen=True)
class Known:
    """Metadata the caller already has (a batch record's date, title, outlet): taken as given,
    and not inferred from the text, which costs a scan of its lines per field."""

    published: str | None = None  # ISO date, basis "metadata"
    title: str | None = None
    outlet: str | None = None


def read_source(path: Path, data: bytes, source_id: str, known: Known | None = None) -> Source:
    """One file's bytes to a Source. Raises IngestError naming the file."""
    return ingest_file(path, data, source_id, known).source


def ingest_file(path: Path, data: bytes, source_id: str, known: Known | None = None) -> Ingested:
    """One file's bytes to a Source dated by itself alone, and its year-less dateline if any.
    Raises IngestError naming the file, whatever goes wrong inside: one bad file is a named
    problem, never the end of its bundle."""
    try:
        return _ingest_file(path, data, source_id, known)
    except IngestError:
        raise
    except Exception as exc:  # a library's failure on a malformed file: the file's problem
        raise IngestError(path.name, f"could not be read ({type(exc).__name__}: {str(exc)[:200]})") from exc


def _ingest_file(path: Path, data: bytes, source_id: str, known: Known | None) -> Ingested:
    known = known or Known()
    name = path.name
    fmt = SUFFIXES.get(path.suffix.lower())
    if fmt is None:
        raise IngestError(name, f"unsupported file type {path.suffix or '(none)'!r}; casefile reads .txt, .md, .html and .pdf")
    if len(data) > MAX_BYTES:
        raise IngestError(name, f"the file is {len(data) / 1e6:.1f} MB, over the {MAX_BYTES // 2**20} MB limit for one report")
    title = outlet = published = None
    basis = "none"
    html_lang = None
    if fmt == "pdf":
        doc = extract_pdf(data, name)
        raw, title = doc.text, doc.title
        if doc.published:
            published, basis = doc.published, "metadata"
    else:
        raw, _encoding = decode(data, name)
    if fmt == "pdf":
        body, extracted = raw, False
    elif fmt == "html" or (fmt != "html" and raw.lstrip()[:200].lower().startswith(("<!doctype html", "<html"))):
        page = extract_html(raw, name)
        body = page.text
        title = trim_site_name(page.title, page.outlet) if page.title else None
        outlet, html_lang = page.outlet, page.language
        if page.published:
            published, basis = page.published, "metadata"
        extracted = True
    else:
        body, extracted = raw, False
    language = detect_language(body)
    text = _CONTROL.sub("", clean_text(body, language=language, markdown=(fmt == "markdown"), extracted=extracted))
    if len(text) > MAX_CHARS:
        raise IngestError(name, f"{len(text):,} characters of text after cleaning, over the {MAX_CHARS:,} "
                                "a report may have; split it into its articles and add those")
    if len(text.strip()) < MIN_CHARS:
        raise IngestError(name, "no readable report text left after removing page furniture")
    yearless = None
    if known.published:
        published, basis = known.published, "metadata"
    elif published is None:
        published, yearless = dateline_date(body)
        if published:
            basis = "dateline"
        elif url := url_date(body):
            published, basis, yearless = url, "metadata", None
        else:
            published = content_date(text)
            basis = "content" if published else "none"
    source = Source(
        id=source_id,
        file=name,
        path=str(path),
        format=fmt,
        title=known.title or title or infer_title(text, language) or (
            # (nothing dropped: the same answer; a wrapped text's title is no line of a paragraph)
            infer_title("\n".join(unwrap(body.splitlines(), language)), language) if body != text else None),
        outlet=known.outlet or outlet or infer_outlet(body, language),
        published=published,
        published_basis=basis,  # type: ignore[arg-type]
        language=html_lang if html_lang and len(html_lang) == 2 and html_lang == language else language,
        text=text,
        sha256=hashlib.sha256(data).hexdigest(),
    )
    return Ingested(source, yearless)


def date_yearless(sources: list[Source], yearless: dict[str, tuple[int, int]]) -> list[Source]:
    """Give a year to datelines that name only a day and month, from the other
    sources of the bundle (see `meta.infer_years`); the source says how."""
    if not yearless:
        return sources
    published = {s.id: s.published for s in sources if s.published_basis in ("dateline", "metadata")}
    found = infer_years(published, yearless, {s.id: s.text for s in sources})
    out = []
    for s in sources:
        if s.id in found and (s.published is None or s.published_basis == "content"):
            iso, how = found[s.id]
            month, day = yearless[s.id]
            s = s.model_copy(update={
                "published": iso, "published_basis": "dateline",
                "warnings": [*s.warnings, f"the dateline gives day {day} of month {month} without a year; "
                                          f"year {iso[:4]} from the bundle: {how}"]})
        out.append(s)
    return out


def _lead_days(sources: list[Source]) -> list[Source]:
    """A report dated to a month by what it tells, whose lead opens with a day of that month and
    calls it today ("30 мая в суде ... Сегодня суд ..."), was written that day."""
    out = []
    for s in sources:
        if s.published_basis == "content" and s.published and len(s.published) == 7:
            lead = lead_day(s.text)
            if lead is not None and lead.day is not None and f"{lead.month:02d}" == s.published[5:7] \
                    and (lead.year is None or f"{lead.year:04d}" == s.published[:4]):
                s = s.model_copy(update={"published": f"{s.published}-{lead.day:02d}"})
        out.append(s)
    return out


def _tie_guessed_years(sources: list[Source]) -> list[Source]:
    """A report dated by what it tells, whose days written without a year ("detained on
    November 27") another report writes with a later year than its estimate gave them: its
    estimate is redone with that year as the floor, with a warning."""
    guessed = {s.id for s in sources if s.published_basis == "content" and s.published}
    if not guessed:
        return sources
    published = {s.id: s.published for s in sources if s.published_basis in ("dateline", "metadata")}
    dates = {s.id: find_dates(s.text) for s in sources}
    out = []
    for s in sources:
        if s.id in guessed and s.published:
            # (a day the report itself writes with its year somewhere is dated by the report)
            own = {(f.date.month, f.date.day) for f in dates[s.id] if f.date.year}
            mine = {**dates, s.id: [f for f in dates[s.id] if f.date.year or (f.date.month, f.date.day) not in own]}
            floor = max(tied_years(mine, s.id, published), default=0)
            found = latest_date(s.text, floor=floor) if floor > int(s.published[:4]) else None
            if found is not None and found.date.year and found.date.month:
                iso = f"{found.date.year:04d}-{found.date.month:02d}"
                s = s.model_copy(update={"published": iso, "warnings": [*s.warnings, (
                    f"dated {s.published} by what it tells, but another report writes its days with {floor}: "
                    f"{iso}, the month of the latest date it names: a guess, check it")]})
        out.append(s)
    return out


def date_by_bundle(sources: list[Source]) -> list[Source]:
    """Date the reports that have no date of their own from the rest of the bundle, with a
    warning saying how: a report that counts from its own year ("last year") by the years of
    the others (see `meta.own_year`); a report that writes days and months but no year by the
    years the others give those days, else the bundle's earliest year (`meta.yearless_dates`).
    The basis stays "content": the estimate comes from what the report tells, not from a date
    line."""
    sources = _tie_guessed_years(sources)
    undated = {s.id for s in sources if s.published is None}
    if not undated:
        return sources
    published = {s.id: s.published for s in sources if s.published_basis in ("dateline", "metadata")}
    texts = {s.id: s.text for s in sources}
    counting = {sid for sid in undated if counts_from_own_year(texts[sid])}
    found: dict[str, tuple[str, str]] = {}
    if counting:
        named = named_years(texts)
        dates = {sid: find_dates(t) for sid, t in texts.items()}
        for sid in counting:
            own = own_year(texts[sid], bundle_years(published, named, but=sid), tied=tied_years(dates, sid, published))
            if own:
                found[sid] = (own[1], own[2])
    found.update(yearless_dates(published, undated - counting, texts))
    out = []
    for s in sources:
        if s.id in found:
            iso, how = found[s.id]
            s = s.model_copy(update={"published": iso, "published_basis": "content",
                                     "warnings": [*s.warnings, how]})
        out.append(s)
    return out


def ingest_paths(paths: list[Path]) -> IngestResult:
    files, problems = collect_files(paths)
    result = IngestResult(problems=problems)
    yearless: dict[str, tuple[int, int]] = {}
    n = 0
    for path in files:
        try:
            size = path.stat().st_size
            if size > MAX_BYTES:  # refuse before reading a dump into memory
                result.problems.append(Problem(path.name, f"the file is {size / 1e6:.1f} MB, over the "
                                                          f"{MAX_BYTES // 2**20} MB limit for one report"))
                continue
            data = path.read_bytes()
        except OSError as exc:
            result.problems.append(Problem(path.name, f"cannot be read: {exc.strerror or exc}"))
            continue
        try:
            read = ingest_file(path, data, f"S{n + 1}")
        except IngestError as exc:
            result.problems.append(Problem(exc.file, exc.problem))
            continue
        n += 1
        result.sources.append(read.source)
        if read.yearless:
            yearless[read.source.id] = read.yearless
    result.sources = bundle_sources(result.sources, yearless)
    return result


def bundle_sources(sources: list[Source], yearless: dict[str, tuple[int, int]]) -> list[Source]:
    """The steps that need the whole bundle, over sources each read alone (`ingest_file`):
    year-less datelines and undated reports dated from the others, near-duplicates marked.
    Pure, and the same for a one-shot build and for every add to a registry case, so that both
    give the same case file; `yearless` maps source ids to their `Ingested.yearless`."""
    return mark_duplicates(_lead_days(date_by_bundle(date_yearless(sources, yearless))))
