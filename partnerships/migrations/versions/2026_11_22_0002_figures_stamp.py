"""figures stamp on pilots

Revision ID: 0002_figures_stamp
Revises: 0001_initial
Create Date: 2026-11-22 02:45:00

Counted job figures are cached per pilot under this stamp (jobs/figures_cache.py). Pilots
that exist before this migration get "" and keep it until their placements or reports
change, which is consistent: the stamp only has to differ between different data.
"""
from alembic import op
import sqlalchemy as sa


revision = '0002_figures_stamp'
down_revision = '0001_initial'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('pilot', schema=None) as batch_op:
        batch_op.add_column(
            sa.Column('figures_stamp', sa.String(length=32), server_default='', nullable=False)
        )


def downgrade():
    with op.batch_alter_table('pilot', schema=None) as batch_op:
        batch_op.drop_column('figures_stamp')
