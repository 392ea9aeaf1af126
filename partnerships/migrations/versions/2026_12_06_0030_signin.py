"""sign-in: server-side sessions, two-factor, identity providers, throttling by kind

Revision ID: 0030_signin
Revises: 0050_meetings
Create Date: 2026-12-06 18:27:31.095474

Sessions become rows checked on every request (so logging out ends them on the server);
users get a TOTP secret, recovery codes and a link to their account at the organisation's
OpenID Connect provider; organisations get a session and two-factor policy; login attempts
also count requests for password links. Everyone signed in before this is signed out once.
"""
from alembic import op
import sqlalchemy as sa

import partnerships.database


# revision identifiers, used by Alembic.
revision = '0030_signin'
down_revision = '0050_meetings'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('identity_provider',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('mode', sa.String(length=20), nullable=False),
    sa.Column('issuer', sa.String(length=300), nullable=False),
    sa.Column('client_id', sa.String(length=300), nullable=False),
    sa.Column('client_secret_encrypted', sa.Text(), nullable=False),
    sa.Column('allowed_domains', sa.Text(), nullable=False),
    sa.Column('create_accounts', sa.Boolean(), nullable=False),
    sa.Column('updated_at', partnerships.database.UTCDateTime(timezone=True), nullable=False),
    sa.CheckConstraint("mode IN ('password', 'sso_or_password', 'sso_only')", name=op.f('ck_identity_provider_mode_valid')),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'], name=op.f('fk_identity_provider_organisation_id_organisation'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_identity_provider')),
    sa.UniqueConstraint('organisation_id', name=op.f('uq_identity_provider_organisation_id'))
    )
    op.create_table('recovery_code',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('code_hash', sa.String(length=64), nullable=False),
    sa.Column('used_at', partnerships.database.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name=op.f('fk_recovery_code_user_id_user_account'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_recovery_code')),
    sa.UniqueConstraint('code_hash', name=op.f('uq_recovery_code_code_hash'))
    )
    with op.batch_alter_table('recovery_code', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_recovery_code_user_id'), ['user_id'], unique=False)

    op.create_table('user_session',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('epoch', sa.Integer(), nullable=False),
    sa.Column('method', sa.String(length=10), nullable=False),
    sa.Column('remember', sa.Boolean(), nullable=False),
    sa.Column('created_at', partnerships.database.UTCDateTime(timezone=True), nullable=False),
    sa.Column('last_seen_at', partnerships.database.UTCDateTime(timezone=True), nullable=False),
    sa.Column('expires_at', partnerships.database.UTCDateTime(timezone=True), nullable=False),
    sa.Column('ended_at', partnerships.database.UTCDateTime(timezone=True), nullable=True),
    sa.Column('user_agent', sa.String(length=200), nullable=False),
    sa.Column('address', sa.String(length=64), nullable=False),
    sa.CheckConstraint("method IN ('password', 'sso', 'link')", name=op.f('ck_user_session_method_valid')),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name=op.f('fk_user_session_user_id_user_account'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_user_session')),
    sa.UniqueConstraint('token_hash', name=op.f('uq_user_session_token_hash'))
    )
    with op.batch_alter_table('user_session', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_user_session_user_id'), ['user_id'], unique=False)

    with op.batch_alter_table('login_attempt', schema=None) as batch_op:
        batch_op.add_column(sa.Column('kind', sa.String(length=10), server_default='login', nullable=False))
        batch_op.create_index(batch_op.f('ix_login_attempt_at'), ['at'], unique=False)
        batch_op.create_check_constraint(op.f('ck_login_attempt_kind_valid'), "kind IN ('login', 'reset')")

    with op.batch_alter_table('organisation', schema=None) as batch_op:
        batch_op.add_column(sa.Column('require_two_factor', sa.Boolean(), server_default=sa.false(), nullable=False))
        batch_op.add_column(sa.Column('session_idle_minutes', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('session_max_hours', sa.Integer(), nullable=True))

    with op.batch_alter_table('user_account', schema=None) as batch_op:
        batch_op.add_column(sa.Column('totp_secret', sa.String(length=300), nullable=True))
        batch_op.add_column(sa.Column('totp_enabled_at', partnerships.database.UTCDateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('totp_last_step', sa.BigInteger(), nullable=True))
        batch_op.add_column(sa.Column('sso_issuer', sa.String(length=300), nullable=True))
        batch_op.add_column(sa.Column('sso_subject', sa.String(length=255), nullable=True))
        batch_op.create_unique_constraint('uq_user_account_sso', ['sso_issuer', 'sso_subject'])



def downgrade():
    with op.batch_alter_table('user_account', schema=None) as batch_op:
        batch_op.drop_constraint('uq_user_account_sso', type_='unique')
        batch_op.drop_column('sso_subject')
        batch_op.drop_column('sso_issuer')
        batch_op.drop_column('totp_last_step')
        batch_op.drop_column('totp_enabled_at')
        batch_op.drop_column('totp_secret')

    with op.batch_alter_table('organisation', schema=None) as batch_op:
        batch_op.drop_column('session_max_hours')
        batch_op.drop_column('session_idle_minutes')
        batch_op.drop_column('require_two_factor')

    with op.batch_alter_table('login_attempt', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_login_attempt_kind_valid'), type_='check')
        batch_op.drop_index(batch_op.f('ix_login_attempt_at'))
        batch_op.drop_column('kind')

    with op.batch_alter_table('user_session', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_user_session_user_id'))

    op.drop_table('user_session')
    with op.batch_alter_table('recovery_code', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_recovery_code_user_id'))

    op.drop_table('recovery_code')
    op.drop_table('identity_provider')
