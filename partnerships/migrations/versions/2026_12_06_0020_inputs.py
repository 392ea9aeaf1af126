"""api token expiry and rate limit; monitoring reports per pilot

Revision ID: 0020_inputs
Revises: 0080_guided
Create Date: 2026-12-06 19:00:00

API tokens get an expiry date (existing ones: a year after they were made) and a request
window for the rate limit. A contract shared by two pilots has a report for each: the
unique version number of a report now includes the pilot.
"""
from datetime import timedelta

from alembic import op
import sqlalchemy as sa

import partnerships.database


revision = '0020_inputs'
down_revision = '0080_guided'
branch_labels = None
depends_on = None

# Too long for PostgreSQL: op.f() lets SQLAlchemy shorten it as it did when creating it.
OLD_UNIQUE = 'uq_monitoring_report_contract_id_supplier_organisation_id_period_start_version_no'


def upgrade():
    with op.batch_alter_table('api_token', schema=None) as batch_op:
        batch_op.add_column(sa.Column('expires_at', partnerships.database.UTCDateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('window_start', partnerships.database.UTCDateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('window_count', sa.Integer(), server_default='0', nullable=False))
    tokens = sa.table(
        'api_token',
        sa.column('id', sa.Integer()),
        sa.column('created_at', partnerships.database.UTCDateTime(timezone=True)),
        sa.column('expires_at', partnerships.database.UTCDateTime(timezone=True)),
    )
    connection = op.get_bind()
    for token_id, created_at in connection.execute(sa.select(tokens.c.id, tokens.c.created_at)).all():
        connection.execute(
            tokens.update().where(tokens.c.id == token_id).values(expires_at=created_at + timedelta(days=365))
        )
    with op.batch_alter_table('api_token', schema=None) as batch_op:
        batch_op.alter_column('expires_at', existing_type=partnerships.database.UTCDateTime(timezone=True), nullable=False)

    with op.batch_alter_table('monitoring_report', schema=None) as batch_op:
        batch_op.drop_constraint(op.f(OLD_UNIQUE), type_='unique')
        batch_op.create_unique_constraint(
            'uq_monitoring_report_version',
            ['pilot_id', 'contract_id', 'supplier_organisation_id', 'period_start', 'version_no'],
        )


def downgrade():
    with op.batch_alter_table('monitoring_report', schema=None) as batch_op:
        batch_op.drop_constraint('uq_monitoring_report_version', type_='unique')
        batch_op.create_unique_constraint(
            op.f(OLD_UNIQUE), ['contract_id', 'supplier_organisation_id', 'period_start', 'version_no']
        )
    with op.batch_alter_table('api_token', schema=None) as batch_op:
        batch_op.drop_column('window_count')
        batch_op.drop_column('window_start')
        batch_op.drop_column('expires_at')
