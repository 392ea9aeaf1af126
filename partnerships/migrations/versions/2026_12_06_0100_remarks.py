"""remarks: the coordinator answers a board remark, and each board member marks it seen

Revision ID: 0100_remarks
Revises: 0090_theme
Create Date: 2026-12-07 00:30:00

Existing remarks stay unanswered; nothing is seen yet.
"""
from alembic import op
import sqlalchemy as sa

import partnerships.database


# revision identifiers, used by Alembic.
revision = '0100_remarks'
down_revision = '0090_theme'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('note_remark', schema=None) as batch_op:
        batch_op.add_column(sa.Column('answer', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('answered_by_id', sa.Integer(), nullable=True))
        batch_op.add_column(
            sa.Column('answered_at', partnerships.database.UTCDateTime(timezone=True), nullable=True)
        )
        batch_op.create_foreign_key(
            batch_op.f('fk_note_remark_answered_by_id_user_account'),
            'user_account',
            ['answered_by_id'],
            ['id'],
            ondelete='SET NULL',
        )

    op.create_table('remark_answer_seen',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('remark_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('at', partnerships.database.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['remark_id'], ['note_remark.id'], name=op.f('fk_remark_answer_seen_remark_id_note_remark'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name=op.f('fk_remark_answer_seen_user_id_user_account'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_remark_answer_seen')),
    sa.UniqueConstraint('remark_id', 'user_id', name=op.f('uq_remark_answer_seen_remark_id_user_id'))
    )
    with op.batch_alter_table('remark_answer_seen', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_remark_answer_seen_user_id'), ['user_id'], unique=False)


def downgrade():
    with op.batch_alter_table('remark_answer_seen', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_remark_answer_seen_user_id'))
    op.drop_table('remark_answer_seen')
    with op.batch_alter_table('note_remark', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_note_remark_answered_by_id_user_account'), type_='foreignkey')
        batch_op.drop_column('answered_at')
        batch_op.drop_column('answered_by_id')
        batch_op.drop_column('answer')
