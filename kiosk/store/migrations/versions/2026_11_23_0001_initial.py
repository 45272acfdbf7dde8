"""Initial schema: every table of DESIGN.md §4, and triggers keeping the audit log append-only.

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-23 10:43:04.658436
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


AUDIT_TRIGGERS = {
    "audit_event_no_update": "BEFORE UPDATE ON audit_event",
    "audit_event_no_delete": "BEFORE DELETE ON audit_event",
    "audit_head_no_delete": "BEFORE DELETE ON audit_head",
    "audit_head_one_step": "BEFORE UPDATE ON audit_head WHEN NEW.count != OLD.count + 1",
}
"""Append-only audit: rows are never changed or removed, and the head moves one row at a time."""


def upgrade() -> None:
    """Upgrade the schema."""
    op.create_table(
        "audit_event",
        sa.Column("seq", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("at", sa.String(length=40), nullable=False),
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.Column("action", sa.String(length=64), nullable=False),
        sa.Column("subject", sa.String(length=64), nullable=True),
        sa.Column("details", sa.Text(), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.CheckConstraint("seq >= 1", name=op.f("ck_audit_event_seq")),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_audit_event")),
    )
    op.create_table(
        "audit_head",
        sa.Column("slot", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("head_hash", sa.String(length=64), nullable=False),
        sa.CheckConstraint("slot = 1", name=op.f("ck_audit_head_one_row")),
        sa.PrimaryKeyConstraint("slot", name=op.f("pk_audit_head")),
    )
    op.create_table(
        "household",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("residential_group", sa.String(length=200), nullable=False),
        sa.Column("address", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_household")),
    )
    with op.batch_alter_table("household", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_household_residential_group"), ["residential_group"], unique=False
        )

    op.create_table(
        "operator",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("pin_hash", sa.LargeBinary(), nullable=False),
        sa.Column("pin_salt", sa.LargeBinary(), nullable=False),
        sa.Column("pin_params", sa.String(length=64), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("must_change_pin", sa.Boolean(), nullable=False),
        sa.Column("failed_attempts", sa.Integer(), nullable=False),
        sa.Column("locked_until", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=36), nullable=True),
        sa.Column("disabled_at", sa.DateTime(), nullable=True),
        sa.CheckConstraint("role IN ('officer', 'volunteer')", name=op.f("ck_operator_role")),
        sa.CheckConstraint("failed_attempts >= 0", name=op.f("ck_operator_failed_attempts")),
        sa.CheckConstraint("length(pin_salt) >= 16", name=op.f("ck_operator_salt")),
        sa.ForeignKeyConstraint(
            ["created_by"], ["operator.id"], name=op.f("fk_operator_created_by_operator")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_operator")),
        sa.UniqueConstraint("name", name=op.f("uq_operator_name")),
    )
    op.create_table(
        "station",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("slot", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("ward", sa.String(length=200), nullable=True),
        sa.Column("home_group", sa.String(length=200), nullable=True),
        sa.Column("token", sa.String(length=200), nullable=True),
        sa.Column("server_public_key", sa.String(length=200), nullable=True),
        sa.Column("signing_private_key", sa.LargeBinary(), nullable=True),
        sa.Column("signing_public_key", sa.LargeBinary(), nullable=True),
        sa.Column("training", sa.Boolean(), nullable=False),
        sa.Column("enrolled_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("slot = 1", name=op.f("ck_station_one_row")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_station")),
        sa.UniqueConstraint("slot", name=op.f("uq_station_slot")),
    )
    op.create_table(
        "daily_target",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("residential_group", sa.String(length=200), nullable=False),
        sa.Column("target", sa.Integer(), nullable=False),
        sa.Column("set_by", sa.String(length=36), nullable=False),
        sa.Column("set_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("target >= 0", name=op.f("ck_daily_target_target")),
        sa.ForeignKeyConstraint(
            ["set_by"], ["operator.id"], name=op.f("fk_daily_target_set_by_operator")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_daily_target")),
        sa.UniqueConstraint(
            "day", "residential_group", name=op.f("uq_daily_target_day_residential_group")
        ),
    )
    op.create_table(
        "evening_session",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("residential_group", sa.String(length=200), nullable=False),
        sa.Column("opened_at", sa.DateTime(), nullable=False),
        sa.Column("opened_by", sa.String(length=36), nullable=False),
        sa.Column("closed_at", sa.DateTime(), nullable=True),
        sa.Column("closed_by", sa.String(length=36), nullable=True),
        sa.CheckConstraint(
            "(closed_at IS NULL) = (closed_by IS NULL)", name=op.f("ck_evening_session_closed_by")
        ),
        sa.CheckConstraint(
            "closed_at IS NULL OR closed_at >= opened_at",
            name=op.f("ck_evening_session_closed_after_opened"),
        ),
        sa.ForeignKeyConstraint(
            ["closed_by"], ["operator.id"], name=op.f("fk_evening_session_closed_by_operator")
        ),
        sa.ForeignKeyConstraint(
            ["opened_by"], ["operator.id"], name=op.f("fk_evening_session_opened_by_operator")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evening_session")),
    )
    op.create_table(
        "resident",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("id_number", sa.String(length=12), nullable=False),
        sa.Column("household_id", sa.String(length=64), nullable=True),
        sa.Column("full_name", sa.String(length=200), nullable=False),
        sa.Column("search_key", sa.String(length=200), nullable=False),
        sa.Column("birth_date", sa.Date(), nullable=False),
        sa.Column("birth_year", sa.Integer(), nullable=False),
        sa.Column("sex", sa.String(length=8), nullable=False),
        sa.Column("phone", sa.String(length=20), nullable=True),
        sa.Column("cleaned_at", sa.DateTime(), nullable=True),
        sa.Column("cleaned_station", sa.String(length=64), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("sex IN ('male', 'female')", name=op.f("ck_resident_sex")),
        sa.CheckConstraint("length(id_number) = 12", name=op.f("ck_resident_id_number")),
        sa.ForeignKeyConstraint(
            ["household_id"],
            ["household.id"],
            name=op.f("fk_resident_household_id_household"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_resident")),
        sa.UniqueConstraint("id_number", name=op.f("uq_resident_id_number")),
    )
    with op.batch_alter_table("resident", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_resident_household_id"), ["household_id"], unique=False
        )
        batch_op.create_index("ix_resident_search", ["search_key", "birth_year"], unique=False)

    op.create_table(
        "registry_licence",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("resident_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=12), nullable=False),
        sa.Column("licence_class", sa.String(length=8), nullable=False),
        sa.Column("scheme", sa.String(length=4), nullable=False),
        sa.Column("issue_date", sa.Date(), nullable=False),
        sa.Column("expiry_date", sa.Date(), nullable=True),
        sa.CheckConstraint("scheme IN ('2008', '2024')", name=op.f("ck_registry_licence_scheme")),
        sa.CheckConstraint(
            "expiry_date IS NULL OR expiry_date >= issue_date",
            name=op.f("ck_registry_licence_expiry"),
        ),
        sa.ForeignKeyConstraint(
            ["resident_id"],
            ["resident.id"],
            name=op.f("fk_registry_licence_resident_id_resident"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_registry_licence")),
    )
    with op.batch_alter_table("registry_licence", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_registry_licence_number"), ["number"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_registry_licence_resident_id"), ["resident_id"], unique=False
        )

    op.create_table(
        "registry_vehicle",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("resident_id", sa.Integer(), nullable=False),
        sa.Column("plate", sa.String(length=20), nullable=False),
        sa.Column("plate_key", sa.String(length=20), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("brand", sa.String(length=100), nullable=True),
        sa.Column("model", sa.String(length=100), nullable=True),
        sa.Column("colour", sa.String(length=100), nullable=True),
        sa.Column("chassis_number", sa.String(length=40), nullable=True),
        sa.Column("engine_number", sa.String(length=40), nullable=True),
        sa.Column("registered_owner_name", sa.String(length=200), nullable=True),
        sa.Column("registered_owner_id_number", sa.String(length=12), nullable=True),
        sa.CheckConstraint(
            "kind IN ('car', 'motorbike', 'electric_motorbike', 'other')",
            name=op.f("ck_registry_vehicle_kind"),
        ),
        sa.ForeignKeyConstraint(
            ["resident_id"],
            ["resident.id"],
            name=op.f("fk_registry_vehicle_resident_id_resident"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_registry_vehicle")),
    )
    with op.batch_alter_table("registry_vehicle", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_registry_vehicle_plate_key"), ["plate_key"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_registry_vehicle_resident_id"), ["resident_id"], unique=False
        )

    op.create_table(
        "submission",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("reference", sa.String(length=9), nullable=False),
        sa.Column("station_id", sa.String(length=64), nullable=False),
        sa.Column("session_id", sa.String(length=36), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("training", sa.Boolean(), nullable=False),
        sa.Column("resident_id_number", sa.String(length=12), nullable=True),
        sa.Column("payload", sa.JSON(none_as_null=True), nullable=True),
        sa.Column("canonical", sa.LargeBinary(), nullable=True),
        sa.Column("sha256", sa.String(length=64), nullable=True),
        sa.Column("vehicle_count", sa.Integer(), nullable=False),
        sa.Column("licence_count", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=36), nullable=False),
        sa.Column("captured_at", sa.DateTime(), nullable=True),
        sa.Column("captured_by", sa.String(length=36), nullable=True),
        sa.Column("verified_at", sa.DateTime(), nullable=True),
        sa.Column("verified_by", sa.String(length=36), nullable=True),
        sa.Column("sent_at", sa.DateTime(), nullable=True),
        sa.Column("status_at", sa.DateTime(), nullable=False),
        sa.Column("return_reason", sa.Text(), nullable=True),
        sa.Column("supersedes_id", sa.String(length=36), nullable=True),
        sa.Column("upload_failures", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("purged_at", sa.DateTime(), nullable=True),
        sa.CheckConstraint(
            "NOT (status IN ('verified', 'sent', 'rejected', 'conflict', 'superseded', 'held')) OR sha256 IS NOT NULL",
            name=op.f("ck_submission_frozen"),
        ),
        sa.CheckConstraint(
            "NOT (training AND status IN ('sent', 'rejected', 'conflict', 'held', 'superseded'))",
            name=op.f("ck_submission_training"),
        ),
        sa.CheckConstraint(
            "status != 'sent' OR sent_at IS NOT NULL", name=op.f("ck_submission_sent_at")
        ),
        sa.CheckConstraint(
            "status IN ('draft', 'captured', 'returned', 'discarded', 'verified', 'sent', 'rejected', 'conflict', 'superseded', 'held')",
            name=op.f("ck_submission_status"),
        ),
        sa.CheckConstraint(
            "vehicle_count >= 0 AND licence_count >= 0", name=op.f("ck_submission_counts")
        ),
        sa.ForeignKeyConstraint(
            ["captured_by"], ["operator.id"], name=op.f("fk_submission_captured_by_operator")
        ),
        sa.ForeignKeyConstraint(
            ["created_by"], ["operator.id"], name=op.f("fk_submission_created_by_operator")
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["evening_session.id"],
            name=op.f("fk_submission_session_id_evening_session"),
        ),
        sa.ForeignKeyConstraint(
            ["supersedes_id"],
            ["submission.id"],
            name=op.f("fk_submission_supersedes_id_submission"),
        ),
        sa.ForeignKeyConstraint(
            ["verified_by"], ["operator.id"], name=op.f("fk_submission_verified_by_operator")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_submission")),
        sa.UniqueConstraint("reference", name=op.f("uq_submission_reference")),
    )
    with op.batch_alter_table("submission", schema=None) as batch_op:
        batch_op.create_index(
            "ix_submission_queue", ["status", "training", "verified_at"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_submission_resident_id_number"), ["resident_id_number"], unique=False
        )

    op.create_table(
        "submission_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("submission_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("answer", sa.String(length=16), nullable=False),
        sa.Column("registry_ref", sa.String(length=64), nullable=True),
        sa.Column("label", sa.String(length=40), nullable=True),
        sa.CheckConstraint(
            "(kind = 'vehicle' AND answer IN ('confirmed', 'updated', 'sold', 'transferred', 'scrapped', 'lost', 'not_mine', 'added')) OR (kind = 'licence' AND answer IN ('confirmed', 'updated', 'lost', 'not_mine', 'added'))",
            name=op.f("ck_submission_item_answer"),
        ),
        sa.CheckConstraint("position >= 0", name=op.f("ck_submission_item_position")),
        sa.ForeignKeyConstraint(
            ["submission_id"],
            ["submission.id"],
            name=op.f("fk_submission_item_submission_id_submission"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_submission_item")),
        sa.UniqueConstraint(
            "submission_id",
            "kind",
            "position",
            name=op.f("uq_submission_item_submission_id_kind_position"),
        ),
    )
    for name, when in AUDIT_TRIGGERS.items():
        op.execute(
            f"CREATE TRIGGER {name} {when} BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END"
        )


def downgrade() -> None:
    """Undo :func:`upgrade`."""
    for name in AUDIT_TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_table("submission_item")
    with op.batch_alter_table("submission", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_submission_resident_id_number"))
        batch_op.drop_index("ix_submission_queue")

    op.drop_table("submission")
    with op.batch_alter_table("registry_vehicle", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_registry_vehicle_resident_id"))
        batch_op.drop_index(batch_op.f("ix_registry_vehicle_plate_key"))

    op.drop_table("registry_vehicle")
    with op.batch_alter_table("registry_licence", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_registry_licence_resident_id"))
        batch_op.drop_index(batch_op.f("ix_registry_licence_number"))

    op.drop_table("registry_licence")
    with op.batch_alter_table("resident", schema=None) as batch_op:
        batch_op.drop_index("ix_resident_search")
        batch_op.drop_index(batch_op.f("ix_resident_household_id"))

    op.drop_table("resident")
    op.drop_table("evening_session")
    op.drop_table("daily_target")
    op.drop_table("station")
    op.drop_table("operator")
    with op.batch_alter_table("household", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_household_residential_group"))

    op.drop_table("household")
    op.drop_table("audit_head")
    op.drop_table("audit_event")
