"""checks that measure the guide's outcome: new decision kinds and the fields they read

Revision ID: 0080_guided
Revises: 0030_signin
Create Date: 2026-12-06 18:40:00

Decisions gain the kinds the guide names for 2Ab (social procurement strategy), 2Ac (the
market consultation), 2Ad (how the tender asks for social return) and 5d (sharing the
results). A pilot gets its ambassador on the board (1e), a contract the "passend"
judgement with its reason, and a monitoring report the costs of social return (4a).
Existing rows keep their data: the new columns start empty, and every existing decision
kind stays allowed.
"""
from alembic import op
import sqlalchemy as sa


revision = '0080_guided'
down_revision = '0030_signin'
branch_labels = None
depends_on = None

OLD_KINDS = "'principebesluit', 'route', 'supplier_choice', 'budget', 'policy_adoption', 'other'"
NEW_KINDS = (
    "'principebesluit', 'route', 'supplier_choice', 'budget', 'policy_adoption', "
    "'procurement_strategy', 'market_consultation', 'sr_requirement', 'results_shared', 'other'"
)


def upgrade():
    with op.batch_alter_table('decision', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_decision_kind_valid'), type_='check')
        batch_op.create_check_constraint(op.f('ck_decision_kind_valid'), f"kind IN ({NEW_KINDS})")
    with op.batch_alter_table('pilot', schema=None) as batch_op:
        batch_op.add_column(
            sa.Column('ambassador', sa.String(length=200), server_default='', nullable=False)
        )
    with op.batch_alter_table('contract', schema=None) as batch_op:
        batch_op.add_column(sa.Column('sr_fitting', sa.Boolean(), nullable=True))
        batch_op.add_column(
            sa.Column('sr_fitting_reason', sa.Text(), server_default='', nullable=False)
        )
    with op.batch_alter_table('monitoring_report', schema=None) as batch_op:
        batch_op.add_column(
            sa.Column('sr_costs', sa.Numeric(precision=12, scale=2), nullable=True)
        )


def downgrade():
    with op.batch_alter_table('monitoring_report', schema=None) as batch_op:
        batch_op.drop_column('sr_costs')
    with op.batch_alter_table('contract', schema=None) as batch_op:
        batch_op.drop_column('sr_fitting_reason')
        batch_op.drop_column('sr_fitting')
    with op.batch_alter_table('pilot', schema=None) as batch_op:
        batch_op.drop_column('ambassador')
    op.execute("UPDATE decision SET kind = 'other' WHERE kind NOT IN (" + OLD_KINDS + ")")
    with op.batch_alter_table('decision', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_decision_kind_valid'), type_='check')
        batch_op.create_check_constraint(op.f('ck_decision_kind_valid'), f"kind IN ({OLD_KINDS})")
