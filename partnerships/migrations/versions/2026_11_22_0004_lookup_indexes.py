"""lookup indexes

Revision ID: 0004_lookup_indexes
Revises: 0003_membership_version
Create Date: 2026-11-22 03:10:00

Found by EXPLAIN on the benchmark data: the decision that stands (a later decision
superseding it) and a pilot's contracts were sequential scans that grow with every
organisation's data.
"""
from alembic import op


revision = '0004_lookup_indexes'
down_revision = '0003_membership_version'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('decision', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_decision_supersedes_id'), ['supersedes_id'], unique=False)
    with op.batch_alter_table('contract_pilot', schema=None) as batch_op:
        batch_op.create_index('ix_contract_pilot_pilot_id', ['pilot_id'], unique=False)


def downgrade():
    with op.batch_alter_table('contract_pilot', schema=None) as batch_op:
        batch_op.drop_index('ix_contract_pilot_pilot_id')
    with op.batch_alter_table('decision', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_decision_supersedes_id'))
