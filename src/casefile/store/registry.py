"""The registry API: cases, adding reports incrementally, versions, review, audit, export."""

from __future__ import annotations

import hashlib
import json
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event, func, inspect, select, update
from sqlalchemy.orm import Session, sessionmaker

from casefile.errors import CasefileError, IngestError
from casefile.ingest import Ingested, Problem, bundle_sources, collect_files, ingest_file
from casefile.model import CaseFile, DocAnalysis, Source, rebase_analysis
from casefile.pipeline import consolidate_case, timestamp
from casefile.read import READER_VERSION, read_sources
from casefile.store.diff import describe, diff_casefiles
from casefile.store.redaction import Redactor, redact
from casefile.store.review import KINDS, Decision, ReviewError, apply_decisions, check_decision
from casefile.store.schema import AuditRow, CaseRow, DecisionRow, ReadingRow, SourceRow, VersionRow

MIGRATIONS = Path(__file__).parent / "migrations"


class StoreError(CasefileError):
    """A registry operation that cannot be done; names the case."""


@dataclass
class AddResult:
    case: str
    version: int | None
    added: list[str] = field(default_factory=list)
    already_known: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    diff: dict[str, Any] = field(default_factory=dict)

    @property
    def changes(self) -> list[str]:
        return describe(self.diff) if self.diff else ["no changes"]


@dataclass(frozen=True)
class CaseSummary:
    slug: str
    title: str
    subject: str | None
    status: str
    sources: int
    open_conflicts: int
    last_change: datetime
    versions: int
    restricted: bool = False


def database_url(db: str) -> str:
    """A path becomes a SQLite URL; a PostgreSQL URL gets the psycopg (3) driver; others are used as they are."""
    if "://" not in db:
        return f"sqlite:///{Path(db).expanduser().resolve()}"
    for plain in ("postgresql://", "postgres://"):
        if db.startswith(plain):
            return "postgresql+psycopg://" + db[len(plain):]
    return db


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


_MIGRATE_LOCK = threading.Lock()  # Alembic's context is module-global: one migration at a time


def migrate(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to `revision` (Alembic); a no-op on an up-to-date database."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with _MIGRATE_LOCK, engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


def make_engine(db: str) -> Engine:
    url = database_url(db)
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 60})

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA journal_mode=WAL")
            cur.close()

        return engine
    return create_engine(url, pool_pre_ping=True)


class Registry:
    def __init__(self, db: str = "casefile.db") -> None:
        self.url = database_url(db)
        self.engine = make_engine(db)
        migrate(self.engine)
        self._session = sessionmaker(self.engine, expire_on_commit=False)
        self._parsed: dict[int, CaseFile] = {}  # version row id -> parsed case file
        self._redactor: tuple[Any, Redactor] = (None, Redactor())

    # ----------------------------------------------------------------- cases

    def new_case(self, slug: str, title: str = "", user: str = "") -> None:
        with self._session.begin() as s:
            if s.scalar(select(CaseRow).where(CaseRow.slug == slug)):
                raise StoreError(f"case {slug!r} exists already")
            now = _now()
            row = CaseRow(slug=slug, title=title or slug, created_at=now, updated_at=now, revision=0)
            s.add(row)
            s.flush()
            s.add(AuditRow(case_id=row.id, user=user or _user(), at=now, action="new",
                           before=None, after={"slug": slug, "title": row.title}))

    def _case(self, s: Session, slug: str, lock: bool = False) -> CaseRow:
        row = s.scalar(select(CaseRow).where(CaseRow.slug == slug))
        if row is None:
            raise StoreError(f"no case {slug!r}; create it with `casefile new {slug}`")
        if lock:
            # a write first thing in the transaction: SQLite takes its write lock, PostgreSQL the
            # row lock, so two adds to one case run one after the other
            s.execute(update(CaseRow).where(CaseRow.id == row.id).values(revision=CaseRow.revision + 1))
            s.refresh(row)
        return row

    def cases(self) -> list[CaseSummary]:
        out = []
        with self._session() as s:
            for row in s.scalars(select(CaseRow).order_by(CaseRow.updated_at.desc())):
                cf = self._latest(s, row)
                n_versions = s.scalar(select(func.count()).where(VersionRow.case_id == row.id)) or 0
                subject = next((e.name for e in cf.entities if e.id == cf.subject), None) if cf else None
                out.append(CaseSummary(
                    slug=row.slug, title=row.title, subject=subject,
                    status=cf.status.value if cf else "unknown",
                    sources=len(cf.sources) if cf else 0,
                    open_conflicts=sum(1 for c in cf.conflicts if not c.resolved) if cf else 0,
                    last_change=row.updated_at, versions=n_versions, restricted=bool(row.restricted)))
        return out

    def _latest(self, s: Session, row: CaseRow, number: int | None = None) -> CaseFile | None:
        """A version of the case file (the latest by default). Versions never change once
        written, so parsed ones are kept in a small cache; callers must not modify them."""
        q = select(VersionRow.id).where(VersionRow.case_id == row.id)
        q = q.where(VersionRow.number == number) if number else q.order_by(VersionRow.number.desc())
        vid = s.scalars(q.limit(1)).first()
        if vid is None:
            if number:
                raise StoreError(f"case {row.slug!r} has no version {number}")
            return None
        cached = self._parsed.get(vid)
        if cached is None:
            cached = CaseFile.model_validate(s.scalar(select(VersionRow.casefile).where(VersionRow.id == vid)))
            self._parsed[vid] = cached
            while len(self._parsed) > 64:
                self._parsed.pop(next(iter(self._parsed)))
        return cached

    def casefile(self, slug: str, version: int | None = None) -> CaseFile:
        with self._session() as s:
            cf = self._latest(s, self._case(s, slug), version)
        if cf is None:
            raise StoreError(f"case {slug!r} has no reports yet; add some with `casefile add {slug} FILES`")
        return cf

    def latest_version(self, slug: str) -> int:
        """The latest version's number (0 before the first add): cheap, for caches keyed on it."""
        with self._session() as s:
            row = self._case(s, slug)
            return s.scalar(select(func.max(VersionRow.number)).where(VersionRow.case_id == row.id)) or 0

    def versions(self, slug: str) -> list[dict[str, Any]]:
        with self._session() as s:
            row = self._case(s, slug)
            cols = (VersionRow.number, VersionRow.created_at, VersionRow.created_by, VersionRow.reason,
                    VersionRow.unapplied)
            return [{"number": v.number, "created_at": v.created_at, "created_by": v.created_by,
                     "reason": v.reason, "unapplied": v.unapplied}
                    for v in s.execute(select(*cols).where(VersionRow.case_id == row.id).order_by(VersionRow.number))]

    def diff(self, slug: str, from_v: int | None = None, to_v: int | None = None) -> dict[str, Any]:
        with self._session() as s:
            row = self._case(s, slug)
            latest = s.scalar(select(func.max(VersionRow.number)).where(VersionRow.case_id == row.id)) or 0
            if latest == 0:
                raise StoreError(f"case {slug!r} has no versions yet")
            to_v = to_v or latest
            from_v = from_v if from_v is not None else to_v - 1
            old = self._latest(s, row, from_v) if from_v > 0 else None
            new = self._latest(s, row, to_v)
        assert new is not None
        return {"from": from_v, "to": to_v, **diff_casefiles(old, new)}

    # ----------------------------------------------------------------- adding reports

    def add(self, slug: str, paths: list[Path], user: str = "",
            progress: Callable[[Source], None] | None = None) -> AddResult:
        """Add reports to a case: only new ones are read; the case is consolidated again.

        Every add runs the steps a one-shot build runs over its whole bundle (`bundle_sources`:
        year-less and undated reports dated from the others, copies marked), over all of the
        case's reports, so the case file is the one `build` gives on the same reports. A report
        the new ones date differently is read again with its new date; every other reading is
        taken from the store.

        All or nothing: the sources, readings and the new version are written in one
        transaction, so a crash half-way leaves the case as it was."""
        user = user or _user()
        files, problems = collect_files(paths)
        result = AddResult(case=slug, version=None, problems=problems)
        with self._session() as s:
            row = self._case(s, slug)
            known = set(s.scalars(select(SourceRow.sha256).where(SourceRow.case_id == row.id)))
        fresh: list[_Fresh] = []
        for path in files:
            try:
                data = path.read_bytes()
            except OSError as exc:
                result.problems.append(Problem(path.name, f"cannot be read: {exc.strerror or exc}"))
                continue
            sha = hashlib.sha256(data).hexdigest()
            if sha in known or sha in {f.ingested.source.sha256 for f in fresh}:
                result.already_known.append(path.name)
                continue
            try:
                fresh.append(_Fresh(path.name, data, ingest_file(path, data, f"N{len(fresh) + 1}")))
            except IngestError as exc:
                result.problems.append(Problem(exc.file, exc.problem))
        if not fresh:
            return result
        ahead = self._read_ahead(slug, fresh, progress)
        return self._commit(slug, fresh, user, result, ahead)

    def add_read(self, slug: str, items: list[tuple[bytes, Source, DocAnalysis]], user: str = "") -> AddResult:
        """Add reports that were already ingested and read elsewhere (batch mode)."""
        user = user or _user()
        result = AddResult(case=slug, version=None)
        with self._session.begin() as s:
            for _data, src, analysis in items:
                _store_reading(s, src, analysis)
        fresh = [_Fresh(src.file, data, Ingested(src, None)) for data, src, _ in items]
        return self._commit(slug, fresh, user, result)

    def _read_ahead(self, slug: str, fresh: list[_Fresh],
                    progress: Callable[[Source], None] | None) -> list[Source]:
        """Read, before taking the case's write lock, what the add will need: the new reports
        and the stored ones the new reports date differently, each in the frame the whole
        bundle gives it (the commit reads whatever another add changed meanwhile). Returns the
        case's sources as the bundle steps give them, for the commit to reuse if nothing changed."""
        with self._session() as s:
            row = self._case(s, slug)
            rows = _source_rows(s, row)
            stored = [_stored(r) for r in rows]
            news = [Ingested(f.ingested.source.model_copy(update={"id": f"S{len(rows) + i}"}), f.ingested.yearless)
                    for i, f in enumerate(fresh, 1)]
            sources = bundle_of([*stored, *news])
            stored_frames = set(s.execute(select(ReadingRow.sha256, ReadingRow.frame).where(
                ReadingRow.reader_version == READER_VERSION,
                ReadingRow.sha256.in_([src.sha256 for src in sources]))).tuples())
            missing = [src for src in sources if (src.sha256, frame_of(src)) not in stored_frames]
        if missing:
            analyses = read_sources(missing, progress=progress)
            with self._session.begin() as s:
                for src, a in zip(missing, analyses, strict=True):
                    _store_reading(s, src, a)
        return sources

    def _commit(self, slug: str, fresh: list[_Fresh], user: str, result: AddResult,
                ahead: list[Source] | None = None) -> AddResult:
        """Write new sources and a new version in one transaction (all or nothing). `ahead`: the
        sources `_read_ahead` found, used if the case holds just those reports in that order."""
        with self._session.begin() as s:
            row = self._case(s, slug, lock=True)
            rows = _source_rows(s, row)
            have = {r.sha256 for r in rows}
            before = self._latest(s, row)
            pos = len(rows)
            now = _now()
            for f in fresh:
                src = f.ingested.source
                if src.sha256 in have:  # another add took it meanwhile
                    result.already_known.append(f.name)
                    continue
                pos += 1
                meta = src.model_dump(mode="json", exclude={"text", "id", "duplicate_of"})
                s.add(SourceRow(case_id=row.id, position=pos, sha256=src.sha256 or "", file=src.file,
                                original=f.data, text=src.text, meta=meta, added_at=now, added_by=user,
                                ingest_notes=_notes(f.ingested)))
                have.add(src.sha256 or "")
                result.added.append(src.file)
            if not result.added:
                return result
            s.flush()
            cf, unapplied = self._consolidate(s, row, ahead)
            number = self._store_version(s, row, cf, unapplied, user, f"added {', '.join(result.added)}")
            s.add(AuditRow(case_id=row.id, user=user, at=now, action="add",
                           before={"version": number - 1 if before else None},
                           after={"version": number, "files": result.added}))
            result.version = number
            result.diff = diff_casefiles(before, cf)
        return result

    def _consolidate(self, s: Session, row: CaseRow,
                     ahead: list[Source] | None = None) -> tuple[CaseFile, list[dict[str, Any]]]:
        """The case file from stored sources and readings, decisions applied: the bundle steps
        over all the case's reports, then each report's reading in the frame they give it
        (read now only where none is stored: a reader upgrade, or a date the bundle changed)."""
        rows = _source_rows(s, row)
        stored = []
        for r in rows:
            ingested = _stored(r)
            if r.ingest_notes is None:  # stored before schema 0004: keep what was found now
                r.ingest_notes = _notes(ingested)
            stored.append(ingested)
        same = ahead is not None and [(i.source.id, i.source.sha256) for i in stored] == \
            [(src.id, src.sha256) for src in ahead]
        sources = ahead if ahead is not None and same else bundle_of(stored)
        readings = _readings(s, sources)
        missing = [src for src in sources if src.sha256 not in readings]
        if missing:
            for src, a in zip(missing, read_sources(missing), strict=True):
                readings[src.sha256 or ""] = _store_reading(s, src, a)
        analyses = [DocAnalysis.model_validate(rebase_analysis(readings[src.sha256 or ""], "S0", src.id))
                    for src in sources]
        cf = consolidate_case(sources, analyses, generated_at=timestamp())
        decisions = [_decision_of(d) for d in s.scalars(
            select(DecisionRow).where(DecisionRow.case_id == row.id).order_by(DecisionRow.id))]
        return apply_decisions(cf, decisions)

    def _store_version(self, s: Session, row: CaseRow, cf: CaseFile, unapplied: list[dict[str, Any]],
                       user: str, reason: str) -> int:
        number = (s.scalar(select(func.max(VersionRow.number)).where(VersionRow.case_id == row.id)) or 0) + 1
        now = _now()
        s.add(VersionRow(case_id=row.id, number=number, created_at=now, created_by=user, reason=reason[:500],
                         casefile=cf.to_dict(), unapplied=unapplied))
        row.updated_at = now
        return number

    def rebuild(self, slug: str, user: str = "") -> int:
        """Consolidate again from stored readings (after a reader upgrade, say): a new version."""
        user = user or _user()
        with self._session.begin() as s:
            row = self._case(s, slug, lock=True)
            cf, unapplied = self._consolidate(s, row)
            number = self._store_version(s, row, cf, unapplied, user, "rebuilt")
            s.add(AuditRow(case_id=row.id, user=user, at=_now(), action="rebuild", before=None,
                           after={"version": number}))
            return number

    # ----------------------------------------------------------------- review

    def decide(self, slug: str, kind: str, target: dict[str, Any], payload: dict[str, Any] | None = None,
               note: str = "", user: str = "") -> tuple[int, list[dict[str, Any]]]:
        """Record a review decision and apply it: a new version. Returns (version, unapplied)."""
        if kind not in KINDS:
            raise ReviewError(f"unknown decision {kind!r}; one of {', '.join(KINDS)}")
        user = user or _user()
        with self._session.begin() as s:
            row = self._case(s, slug, lock=True)
            before = self._latest(s, row)
            payload = check_decision(before, kind, target, payload)
            d = DecisionRow(case_id=row.id, kind=kind, target=target, payload=payload or {}, note=note,
                            user=user, created_at=_now())
            s.add(d)
            s.flush()
            cf, unapplied = self._consolidate(s, row)
            if any(u["decision"] == d.id for u in unapplied):
                raise ReviewError(f"case {slug!r}: {next(u['reason'] for u in unapplied if u['decision'] == d.id)}")
            number = self._store_version(s, row, cf, unapplied, user, f"review: {kind}")
            s.add(AuditRow(case_id=row.id, user=user, at=_now(), action=f"review:{kind}",
                           before={"version": number - 1, "target": target} if before else None,
                           after={"version": number, "payload": payload or {}, "note": note}))
            return number, unapplied

    def decisions(self, slug: str) -> list[Decision]:
        with self._session() as s:
            row = self._case(s, slug)
            return [_decision_of(d) for d in s.scalars(
                select(DecisionRow).where(DecisionRow.case_id == row.id).order_by(DecisionRow.id))]

    def unapplied(self, slug: str) -> list[dict[str, Any]]:
        """Decisions whose target the latest version no longer has."""
        with self._session() as s:
            row = self._case(s, slug)
            latest = s.scalars(select(VersionRow.unapplied).where(VersionRow.case_id == row.id)
                               .order_by(VersionRow.number.desc()).limit(1)).first()
        return latest or []

    # ----------------------------------------------------------------- export and audit

    def redactor(self) -> Redactor:
        """The names marked sensitive in any case of the registry (every spelling of them), to
        withhold from readers without access. A person in danger is in danger whichever case
        names them, so one case's mark withholds the name in all. Kept until a version is written."""
        with self._session() as s:
            key = (s.scalar(select(func.max(VersionRow.id))), s.scalar(select(func.count(CaseRow.id))))
            if self._redactor[0] == key:
                return self._redactor[1]
            names = [n for row in s.scalars(select(CaseRow)) if (cf := self._latest(s, row)) is not None
                     for e in cf.entities if e.sensitive for n in (e.name, *e.aliases)]
        redactor = Redactor.of_names(names)
        self._redactor = (key, redactor)
        return redactor

    def export(self, slug: str, fmt: str, user: str = "", redacted: bool = False) -> str:
        from casefile.render import render

        cf = self.casefile(slug)
        if redacted:
            cf = redact(cf, self.redactor())
        text = render(cf, fmt)
        if redacted and fmt != "json":  # what the format adds around the case file's texts
            text = self.redactor().text(text)
        with self._session.begin() as s:
            row = self._case(s, slug)
            s.add(AuditRow(case_id=row.id, user=user or _user(), at=_now(), action="export",
                           before=None, after={"format": fmt, "redacted": redacted}))
        return text

    def audit(self, slug: str) -> list[dict[str, Any]]:
        with self._session() as s:
            row = self._case(s, slug)
            return [{"user": a.user, "at": a.at, "action": a.action, "before": a.before, "after": a.after}
                    for a in s.scalars(select(AuditRow).where(AuditRow.case_id == row.id).order_by(AuditRow.id))]

    def schema_revision(self) -> str | None:
        with self.engine.connect() as conn:
            if "alembic_version" not in inspect(conn).get_table_names():
                return None
            return conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()


@dataclass(frozen=True)
class _Fresh:
    """A report to add: its file name, bytes, and what ingest made of it alone."""

    name: str
    data: bytes
    ingested: Ingested


def frame_of(src: Source) -> str:
    """What a reading depends on besides the text (and the reader's version): the date the
    report counts from and how it was found, its title and language. The bundle steps may give
    one report different dates in different cases, or as its case grows."""
    told = json.dumps([src.published, src.published_basis, src.title, src.language], ensure_ascii=False)
    return hashlib.sha256(told.encode()).hexdigest()[:32]


def bundle_of(stored: list[Ingested]) -> list[Source]:
    """The case's sources as a one-shot build of the same reports gives them (`bundle_sources`)."""
    yearless = {i.source.id: i.yearless for i in stored if i.yearless}
    return bundle_sources([i.source for i in stored], yearless)


def _source_rows(s: Session, row: CaseRow) -> list[SourceRow]:
    return list(s.scalars(select(SourceRow).where(SourceRow.case_id == row.id).order_by(SourceRow.position)))


def _notes(ingested: Ingested) -> dict[str, Any]:
    return {"yearless": list(ingested.yearless) if ingested.yearless else None}


def _stored(r: SourceRow) -> Ingested:
    """A stored report as ingest read it alone (its own date, no copy marked), with its
    year-less dateline: from `ingest_notes`, or for a row stored before they were kept, by
    ingesting its original bytes again."""
    meta = {k: v for k, v in r.meta.items() if k not in ("id", "duplicate_of")}
    src = Source.model_validate({**meta, "text": r.text, "id": f"S{r.position}"})
    if r.ingest_notes is not None:
        yearless = r.ingest_notes.get("yearless")
        return Ingested(src, (int(yearless[0]), int(yearless[1])) if yearless else None)
    try:
        again = ingest_file(Path(r.file), r.original, src.id)
    except IngestError:
        return Ingested(src, None)
    return Ingested(src, again.yearless if again.source.text == r.text else None)


def _readings(s: Session, sources: list[Source]) -> dict[str, dict[str, Any]]:
    """The stored readings of these sources in their frames, by content hash."""
    wanted = {(src.sha256, frame_of(src)) for src in sources}
    rows = s.execute(select(ReadingRow.sha256, ReadingRow.frame, ReadingRow.analysis).where(
        ReadingRow.reader_version == READER_VERSION,
        ReadingRow.sha256.in_([src.sha256 for src in sources])))
    return {sha: analysis for sha, frame, analysis in rows if (sha, frame) in wanted}


def _store_reading(s: Session, src: Source, analysis: DocAnalysis) -> dict[str, Any]:
    """Store one reading (unless another add stored it meanwhile); its JSON under source id S0."""
    data = rebase_analysis(analysis.model_dump(mode="json"), src.id, "S0")
    frame = frame_of(src)
    if not s.scalar(select(ReadingRow.id).where(ReadingRow.sha256 == src.sha256, ReadingRow.frame == frame,
                                                ReadingRow.reader_version == READER_VERSION)):
        s.add(ReadingRow(sha256=src.sha256 or "", reader_version=READER_VERSION, frame=frame, analysis=data))
    return data


def _decision_of(d: DecisionRow) -> Decision:
    return Decision(kind=d.kind, target=d.target, payload=d.payload, note=d.note, user=d.user, at=d.created_at, id=d.id)


def _user() -> str:
    return os.environ.get("CASEFILE_USER") or os.environ.get("USER") or "analyst"
