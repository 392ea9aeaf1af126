"""one-time form tokens

Revision ID: 0010_locking
Revises: 0020_inputs
Create Date: 2026-12-06 19:20:00

A creating form carries a one-time token; the first request that sends it records it here,
so the same form sent twice creates one row (partnerships/once.py).
"""
from alembic import op
import sqlalchemy as sa

from partnerships.database import UTCDateTime


revision = '0010_locking'
down_revision = '0020_inputs'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'form_submission',
        sa.Column('token', sa.String(length=64), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=True),
        sa.Column('target', sa.String(length=2000), nullable=True),
        sa.Column('created_at', UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint('token', name=op.f('pk_form_submission')),
    )
    with op.batch_alter_table('form_submission', schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f('ix_form_submission_created_at'), ['created_at'], unique=False
        )


def downgrade():
    with op.batch_alter_table('form_submission', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_form_submission_created_at'))
    op.drop_table('form_submission')
