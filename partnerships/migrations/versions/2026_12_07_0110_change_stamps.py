"""change stamps: one per organisation's pilots (and one for everything else), renewed by
every commit that changes them, so that pages can be kept while nothing changes

Revision ID: 0110_change_stamps
Revises: 0100_remarks
Create Date: 2026-12-07 06:40:00

No rows to start with: a missing stamp reads as empty until the first change renews it.
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0110_change_stamps'
down_revision = '0100_remarks'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'change_stamp',
        sa.Column('organisation_id', sa.Integer(), autoincrement=False, nullable=False),
        sa.Column('stamp', sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint('organisation_id', name=op.f('pk_change_stamp')),
    )


def downgrade():
    op.drop_table('change_stamp')
