"""social return: valuation, obligations, contributions, people counted once

Revision ID: 0070_socialreturn
Revises: 0010_locking
Create Date: 2026-12-06 18:26:59

Contracts gain their total value, and the valuation scheme they
were tendered with; placements the seconding organisation and a lasting support need; the
organisation settings its scheme and contract-value thresholds. New tables hold purchases,
community hours and trajectories (sr_contribution) and own schemes (sr_own_scheme).
Existing rows get empty texts and "no lasting support need" through server defaults.
"""
from alembic import op
import sqlalchemy as sa

import partnerships.database


# revision identifiers, used by Alembic.
revision = '0070_socialreturn'
down_revision = '0010_locking'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('sr_own_scheme',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('created_at', partnerships.database.UTCDateTime(timezone=True), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['created_by_id'], ['user_account.id'], name=op.f('fk_sr_own_scheme_created_by_id_user_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'], name=op.f('fk_sr_own_scheme_organisation_id_organisation'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sr_own_scheme')),
    sa.UniqueConstraint('organisation_id', 'version', name=op.f('uq_sr_own_scheme_organisation_id_version'))
    )
    with op.batch_alter_table('sr_own_scheme', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sr_own_scheme_organisation_id'), ['organisation_id'], unique=False)

    op.create_table('sr_contribution',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('pilot_id', sa.Integer(), nullable=False),
    sa.Column('contract_id', sa.Integer(), nullable=False),
    sa.Column('supplier_organisation_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('occurred_on', sa.Date(), nullable=False),
    sa.Column('description', sa.String(length=200), nullable=False),
    sa.Column('amount', sa.Numeric(precision=14, scale=2), nullable=True),
    sa.Column('enterprise', sa.String(length=200), nullable=False),
    sa.Column('certificate', sa.String(length=40), nullable=True),
    sa.Column('certified_on', sa.Date(), nullable=True),
    sa.Column('hours', sa.Numeric(precision=9, scale=2), nullable=True),
    sa.Column('people', sa.Integer(), nullable=True),
    sa.Column('target_group', sa.String(length=80), nullable=True),
    sa.Column('created_at', partnerships.database.UTCDateTime(timezone=True), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.CheckConstraint("kind IN ('purchase', 'community', 'trajectory')", name=op.f('ck_sr_contribution_kind_valid')),
    sa.CheckConstraint('amount IS NULL OR amount >= 0', name=op.f('ck_sr_contribution_amount_valid')),
    sa.CheckConstraint('hours IS NULL OR hours >= 0', name=op.f('ck_sr_contribution_hours_valid')),
    sa.CheckConstraint('people IS NULL OR people >= 0', name=op.f('ck_sr_contribution_people_valid')),
    sa.ForeignKeyConstraint(['contract_id'], ['contract.id'], name=op.f('fk_sr_contribution_contract_id_contract')),
    sa.ForeignKeyConstraint(['created_by_id'], ['user_account.id'], name=op.f('fk_sr_contribution_created_by_id_user_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['pilot_id'], ['pilot.id'], name=op.f('fk_sr_contribution_pilot_id_pilot'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['supplier_organisation_id'], ['organisation.id'], name=op.f('fk_sr_contribution_supplier_organisation_id_organisation')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sr_contribution'))
    )
    with op.batch_alter_table('sr_contribution', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sr_contribution_contract_id'), ['contract_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_sr_contribution_pilot_id'), ['pilot_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_sr_contribution_supplier_organisation_id'), ['supplier_organisation_id'], unique=False)

    with op.batch_alter_table('contract', schema=None) as batch_op:
        batch_op.add_column(sa.Column('contract_value', sa.Numeric(precision=14, scale=2), nullable=True))
        batch_op.add_column(sa.Column('sr_scheme', sa.String(length=80), nullable=True))

    with op.batch_alter_table('jobs_settings', schema=None) as batch_op:
        batch_op.add_column(sa.Column('sr_scheme', sa.String(length=80), nullable=True))
        batch_op.add_column(sa.Column('sr_value_threshold_work', sa.Numeric(precision=14, scale=2), nullable=True))
        batch_op.add_column(sa.Column('sr_value_threshold_service', sa.Numeric(precision=14, scale=2), nullable=True))
        batch_op.add_column(sa.Column('sr_value_threshold_supply', sa.Numeric(precision=14, scale=2), nullable=True))
        batch_op.add_column(sa.Column('sr_policy_source', sa.String(length=300), nullable=False, server_default=''))

    with op.batch_alter_table('placement', schema=None) as batch_op:
        batch_op.add_column(sa.Column('seconding_organisation', sa.String(length=200), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('lasting_support_need', sa.Boolean(), nullable=False, server_default=sa.false()))



def downgrade():
    with op.batch_alter_table('placement', schema=None) as batch_op:
        batch_op.drop_column('lasting_support_need')
        batch_op.drop_column('seconding_organisation')

    with op.batch_alter_table('jobs_settings', schema=None) as batch_op:
        batch_op.drop_column('sr_policy_source')
        batch_op.drop_column('sr_value_threshold_supply')
        batch_op.drop_column('sr_value_threshold_service')
        batch_op.drop_column('sr_value_threshold_work')
        batch_op.drop_column('sr_scheme')

    with op.batch_alter_table('contract', schema=None) as batch_op:
        batch_op.drop_column('sr_scheme')
        batch_op.drop_column('contract_value')

    with op.batch_alter_table('sr_contribution', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sr_contribution_supplier_organisation_id'))
        batch_op.drop_index(batch_op.f('ix_sr_contribution_pilot_id'))
        batch_op.drop_index(batch_op.f('ix_sr_contribution_contract_id'))

    op.drop_table('sr_contribution')
    with op.batch_alter_table('sr_own_scheme', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sr_own_scheme_organisation_id'))

    op.drop_table('sr_own_scheme')
