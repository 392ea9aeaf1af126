"""theme: an organisation chooses its look (a token theme) and a logo for the header

Revision ID: 0090_theme
Revises: 0070_socialreturn
Create Date: 2026-12-06 20:40:00

Existing organisations get the default theme and no logo.
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0090_theme'
down_revision = '0070_socialreturn'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('organisation', schema=None) as batch_op:
        batch_op.add_column(sa.Column('theme', sa.String(length=20), server_default='blue', nullable=False))
        batch_op.add_column(sa.Column('logo', sa.LargeBinary(), nullable=True))


def downgrade():
    with op.batch_alter_table('organisation', schema=None) as batch_op:
        batch_op.drop_column('logo')
        batch_op.drop_column('theme')
