"""Initial schema: stations and codes, the registry with its change clock, submissions.

Revision ID: 0001
Revises:
Create Date: 2026-11-23 10:43:37.150529
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        "enrol_code",
        sa.Column("code_hash", sa.String(length=64), nullable=False),
        sa.Column("ward", sa.String(length=100), nullable=False),
        sa.Column("group_name", sa.String(length=100), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("used_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("station_id", sa.String(length=40), nullable=True),
        sa.PrimaryKeyConstraint("code_hash", name=op.f("pk_enrol_code")),
    )
    op.create_table(
        "household",
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.Column("ward", sa.String(length=100), nullable=False),
        sa.Column("group_name", sa.String(length=100), nullable=False),
        sa.Column("address", sa.String(length=500), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("removed", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_household")),
    )
    with op.batch_alter_table("household", schema=None) as batch_op:
        batch_op.create_index("ix_household_ward_seq_id", ["ward", "seq", "id"], unique=False)

    op.create_table(
        "roster_clock",
        sa.Column("ward", sa.String(length=100), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("ward", name=op.f("pk_roster_clock")),
    )
    op.create_table(
        "server_key",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("private_key", sa.LargeBinary(length=32), nullable=False),
        sa.Column("public_key", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_server_key")),
    )
    op.create_table(
        "station",
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("ward", sa.String(length=100), nullable=False),
        sa.Column("group_name", sa.String(length=100), nullable=False),
        sa.Column("signing_key", sa.String(length=64), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_station")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_station_token_hash")),
    )
    op.create_table(
        "rate_bucket",
        sa.Column("station_id", sa.String(length=40), nullable=False),
        sa.Column("tokens", sa.Float(), nullable=False),
        sa.Column("updated", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(
            ["station_id"], ["station.id"], name=op.f("fk_rate_bucket_station_id_station")
        ),
        sa.PrimaryKeyConstraint("station_id", name=op.f("pk_rate_bucket")),
    )
    op.create_table(
        "resident",
        sa.Column("id_number", sa.String(length=12), nullable=False),
        sa.Column("household_id", sa.String(length=40), nullable=False),
        sa.Column("full_name", sa.String(length=100), nullable=False),
        sa.Column("birth_date", sa.Date(), nullable=False),
        sa.Column("sex", sa.String(length=6), nullable=False),
        sa.Column("phone", sa.String(length=20), nullable=True),
        sa.Column("cleaned_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("cleaned_station", sa.String(length=40), nullable=True),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("removed", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["household_id"], ["household.id"], name=op.f("fk_resident_household_id_household")
        ),
        sa.PrimaryKeyConstraint("id_number", name=op.f("pk_resident")),
    )
    with op.batch_alter_table("resident", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_resident_household_id"), ["household_id"], unique=False
        )

    op.create_table(
        "session_close",
        sa.Column("station_id", sa.String(length=40), nullable=False),
        sa.Column("session_id", sa.String(length=64), nullable=False),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ids", sa.Integer(), nullable=False),
        sa.Column("missing", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["station_id"], ["station.id"], name=op.f("fk_session_close_station_id_station")
        ),
        sa.PrimaryKeyConstraint("station_id", "session_id", name=op.f("pk_session_close")),
    )
    op.create_table(
        "submission",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("station_id", sa.String(length=40), nullable=False),
        sa.Column("reference", sa.String(length=9), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("session_id", sa.String(length=36), nullable=True),
        sa.Column("resident_id_number", sa.String(length=12), nullable=False),
        sa.Column("ward", sa.String(length=100), nullable=False),
        sa.Column("group_name", sa.String(length=100), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("repeat", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["station_id"], ["station.id"], name=op.f("fk_submission_station_id_station")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_submission")),
        sa.UniqueConstraint("station_id", "reference", name="uq_submission_station_reference"),
    )
    with op.batch_alter_table("submission", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_submission_resident_id_number"), ["resident_id_number"], unique=False
        )
        batch_op.create_index("ix_submission_ward_day", ["ward", "day"], unique=False)

    op.create_table(
        "licence",
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.Column("resident_id_number", sa.String(length=12), nullable=False),
        sa.Column("number", sa.String(length=12), nullable=False),
        sa.Column("class", sa.String(length=4), nullable=False),
        sa.Column("scheme", sa.String(length=4), nullable=False),
        sa.Column("issue_date", sa.Date(), nullable=False),
        sa.Column("expiry_date", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["resident_id_number"],
            ["resident.id_number"],
            name=op.f("fk_licence_resident_id_number_resident"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_licence")),
    )
    with op.batch_alter_table("licence", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_licence_resident_id_number"), ["resident_id_number"], unique=False
        )

    op.create_table(
        "vehicle",
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.Column("resident_id_number", sa.String(length=12), nullable=False),
        sa.Column("plate", sa.String(length=20), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("brand", sa.String(length=100), nullable=True),
        sa.Column("model", sa.String(length=100), nullable=True),
        sa.Column("colour", sa.String(length=100), nullable=True),
        sa.Column("chassis_number", sa.String(length=40), nullable=True),
        sa.Column("engine_number", sa.String(length=40), nullable=True),
        sa.Column("owner_name", sa.String(length=100), nullable=True),
        sa.Column("owner_id_number", sa.String(length=12), nullable=True),
        sa.ForeignKeyConstraint(
            ["resident_id_number"],
            ["resident.id_number"],
            name=op.f("fk_vehicle_resident_id_number_resident"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_vehicle")),
    )
    with op.batch_alter_table("vehicle", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_vehicle_resident_id_number"), ["resident_id_number"], unique=False
        )


def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table("vehicle", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_vehicle_resident_id_number"))

    op.drop_table("vehicle")
    with op.batch_alter_table("licence", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_licence_resident_id_number"))

    op.drop_table("licence")
    with op.batch_alter_table("submission", schema=None) as batch_op:
        batch_op.drop_index("ix_submission_ward_day")
        batch_op.drop_index(batch_op.f("ix_submission_resident_id_number"))

    op.drop_table("submission")
    op.drop_table("session_close")
    with op.batch_alter_table("resident", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_resident_household_id"))

    op.drop_table("resident")
    op.drop_table("rate_bucket")
    op.drop_table("station")
    op.drop_table("server_key")
    op.drop_table("roster_clock")
    with op.batch_alter_table("household", schema=None) as batch_op:
        batch_op.drop_index("ix_household_ward_seq_id")

    op.drop_table("household")
    op.drop_table("enrol_code")
