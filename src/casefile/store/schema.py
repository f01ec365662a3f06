"""The registry's tables. Changes here need an Alembic migration in `migrations/versions/`."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class CaseRow(Base):
    __tablename__ = "cases"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    slug: Mapped[str] = mapped_column(String(200), unique=True)
    title: Mapped[str] = mapped_column(String(500), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    # bumped by every write, so that a writer takes the row's lock first (serialises adds)
    revision: Mapped[int] = mapped_column(Integer, default=0)
    # a restricted case is visible only to its members (and admins)
    restricted: Mapped[bool] = mapped_column(Boolean, default=False)


class SourceRow(Base):
    __tablename__ = "sources"
    __table_args__ = (UniqueConstraint("case_id", "sha256"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)  # 1-based; the source's id in the case is S<position>
    sha256: Mapped[str] = mapped_column(String(64))
    file: Mapped[str] = mapped_column(String(500))
    original: Mapped[bytes] = mapped_column(LargeBinary)
    text: Mapped[str] = mapped_column(Text)
    meta: Mapped[dict] = mapped_column(JSON)  # the Source without its text, as ingested alone
    # what the bundle steps need from the raw text: {"yearless": [month, day] | null}; NULL for
    # rows stored before schema 0004 (ingested again from `original` when needed)
    ingest_notes: Mapped[dict | None] = mapped_column(JSON, nullable=True)
    added_at: Mapped[datetime] = mapped_column(DateTime)
    added_by: Mapped[str] = mapped_column(String(200))


class ReadingRow(Base):
    """One source's reading, keyed by content, reader version and the frame it was read in
    (the date it counts from: see `store.registry.frame_of`), shared by every case."""

    __tablename__ = "readings"
    __table_args__ = (UniqueConstraint("sha256", "reader_version", "frame", name="uq_readings_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    reader_version: Mapped[str] = mapped_column(String(100))
    frame: Mapped[str] = mapped_column(String(64))
    analysis: Mapped[dict] = mapped_column(JSON)  # DocAnalysis, with source id "S0"


class VersionRow(Base):
    __tablename__ = "versions"
    __table_args__ = (UniqueConstraint("case_id", "number"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    created_by: Mapped[str] = mapped_column(String(200))
    reason: Mapped[str] = mapped_column(String(500))
    casefile: Mapped[dict] = mapped_column(JSON)
    # decisions whose target could not be found in this version
    unapplied: Mapped[list] = mapped_column(JSON, default=list)


class DecisionRow(Base):
    __tablename__ = "decisions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(50))
    target: Mapped[dict] = mapped_column(JSON)  # identity of what it concerns, never a generated id
    payload: Mapped[dict] = mapped_column(JSON)
    note: Mapped[str] = mapped_column(Text, default="")
    user: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime)


class AuditRow(Base):
    __tablename__ = "audit"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    user: Mapped[str] = mapped_column(String(200))
    at: Mapped[datetime] = mapped_column(DateTime)
    action: Mapped[str] = mapped_column(String(50))
    before: Mapped[dict | None] = mapped_column(JSON, nullable=True)
    after: Mapped[dict | None] = mapped_column(JSON, nullable=True)


class UserRow(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    password_hash: Mapped[str] = mapped_column(String(500))
    role: Mapped[str] = mapped_column(String(20))  # admin | editor | viewer
    created_at: Mapped[datetime] = mapped_column(DateTime)


class MemberRow(Base):
    """Who may see a restricted case."""

    __tablename__ = "members"
    __table_args__ = (UniqueConstraint("case_id", "user_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
