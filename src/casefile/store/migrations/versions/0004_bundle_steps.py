"""Readings keyed by the date they were read with too; what ingest noticed of each source.

A report's reading depends on the date it counts from, and that date may come from the
rest of its case (the bundle steps of `ingest.bundle_sources`), so one report may be read
with different dates in different cases or as its case grows. Readings are a cache of what
the reader gives: the table is made again with `frame` in its key, and stored reports are
read once more as their case is next consolidated. `sources.ingest_notes` keeps what the
bundle steps need from a report's raw text (a dateline without a year); NULL for reports
stored before, which are ingested again from `original` when needed.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("sources") as batch:
        batch.add_column(sa.Column("ingest_notes", sa.JSON, nullable=True))
    op.drop_table("readings")
    op.create_table(
        "readings",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("sha256", sa.String(64), nullable=False, index=True),
        sa.Column("reader_version", sa.String(100), nullable=False),
        sa.Column("frame", sa.String(64), nullable=False),
        sa.Column("analysis", sa.JSON, nullable=False),
        sa.UniqueConstraint("sha256", "reader_version", "frame", name="uq_readings_key"),
    )


def downgrade() -> None:
    op.drop_table("readings")
    op.create_table(
        "readings",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("sha256", sa.String(64), nullable=False, index=True),
        sa.Column("reader_version", sa.String(100), nullable=False),
        sa.Column("analysis", sa.JSON, nullable=False),
        sa.UniqueConstraint("sha256", "reader_version"),
    )
    with op.batch_alter_table("sources") as batch:
        batch.drop_column("ingest_notes")
