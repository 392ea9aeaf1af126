"""membership version

Revision ID: 0003_membership_version
Revises: 0002_figures_stamp
Create Date: 2026-11-22 03:40:00

A membership's task description is edited with optimistic locking (team/services.py), like
every row two coordinators may change at once.
"""
from alembic import op
import sqlalchemy as sa


revision = '0003_membership_version'
down_revision = '0002_figures_stamp'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('membership', schema=None) as batch_op:
        batch_op.add_column(
            sa.Column('version', sa.Integer(), server_default='1', nullable=False)
        )


def downgrade():
    with op.batch_alter_table('membership', schema=None) as batch_op:
        batch_op.drop_column('version')
