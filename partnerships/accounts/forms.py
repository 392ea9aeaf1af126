"""Forms for logging in, passwords, invitations and organisations."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, EmailField, PasswordField, SelectField, StringField
from wtforms.validators import DataRequired, Email, EqualTo, Length, ValidationError

from ..forms import Form, NoControlCharacters, choices, strip
from .models import BuyerType, OrganisationKind, OrgRole

MIN_PASSWORD = 10


class LoginForm(Form):
    email = EmailField(
        _l("E-mail address"), validators=[DataRequired(), Length(max=254)], filters=[strip]
    )
    password = PasswordField(_l("Password"), validators=[DataRequired(), Length(max=200)])
    remember = BooleanField(_l("Keep me logged in on this device"))


class PasswordRules:
    """A password long enough to resist guessing, and not the e-mail address."""

    def __call__(self, form, field):
        if len(field.data or "") < MIN_PASSWORD:
            raise ValidationError(_l("Use at least %(n)s characters.", n=MIN_PASSWORD))


class NewPasswordForm(Form):
    password = PasswordField(
        _l("New password"), validators=[DataRequired(), PasswordRules(), Length(max=200)]
    )
    confirm = PasswordField(
        _l("Repeat the new password"),
        validators=[DataRequired(), EqualTo("password", message=_l("The passwords differ."))],
    )


class AcceptInvitationForm(NewPasswordForm):
    name = StringField(
        _l("Your name"),
        validators=[DataRequired(), Length(max=200), NoControlCharacters()],
        filters=[strip],
    )


class ChangePasswordForm(NewPasswordForm):
    current = PasswordField(_l("Current password"), validators=[DataRequired()])


class ResetRequestForm(Form):
    email = EmailField(
        _l("E-mail address"), validators=[DataRequired(), Length(max=254)], filters=[strip]
    )


class SettingsForm(Form):
    name = StringField(
        _l("Your name"),
        validators=[DataRequired(), Length(max=200), NoControlCharacters()],
        filters=[strip],
    )
    locale = SelectField(_l("Language"), choices=choices([("nl", "Nederlands"), ("en", "English")]))
    reminders_enabled = BooleanField(_l("E-mail me reminders about my overdue and soon-due tasks"))


class InviteeForm(Form):
    """Who is invited: a name and a work e-mail address (accounts and team invitations)."""

    name = StringField(
        _l("Name"),
        validators=[DataRequired(), Length(max=200), NoControlCharacters()],
        filters=[strip],
    )
    email = EmailField(
        _l("E-mail address"),
        validators=[
            DataRequired(),
            Email(message=_l("Enter a valid e-mail address.")),
            Length(max=254),
        ],
        filters=[strip],
    )


class InviteForm(InviteeForm):
    org_role = SelectField(
        _l("Role in the organisation"),
        choices=choices([(OrgRole.MEMBER, _l("Member")), (OrgRole.ADMIN, _l("Administrator"))]),
    )


ORG_KIND_LABELS = {
    OrganisationKind.BUYER: _l("Buyer (public body)"),
    OrganisationKind.SUPPLIER: _l("Supplier"),
}
BUYER_TYPE_LABELS = {
    BuyerType.GEMEENTE: _l("Municipality"),
    BuyerType.PROVINCIE: _l("Province"),
    BuyerType.RIJK: _l("Ministry or central government agency"),
    BuyerType.WATERSCHAP: _l("Water authority"),
    BuyerType.ONDERWIJS: _l("Education"),
    BuyerType.OTHER: _l("Other public body"),
}


class OrganisationForm(Form):
    name = StringField(
        _l("Name"),
        validators=[DataRequired(), Length(max=200), NoControlCharacters()],
        filters=[strip],
    )
    kind = SelectField(_l("Kind"), choices=choices(ORG_KIND_LABELS.items()))
    buyer_type = SelectField(
        _l("Type of public body"),
        choices=choices([("", _l("(not a buyer)")), *BUYER_TYPE_LABELS.items()]),
    )
    is_social_enterprise = BooleanField(_l("Social enterprise"))
    social_enterprise_basis = StringField(
        _l("Basis for the social-enterprise status"),
        description=_l(
            "For example: Aanbestedingswet art. 2.82 (at least 30% of staff from the "
            "target groups), or a certificate."
        ),
        # No Optional(): it would stop the validate_* checks below on an empty field.
        validators=[Length(max=300), NoControlCharacters()],
        filters=[strip],
    )

    def validate_buyer_type(self, field):
        if self.kind.data == OrganisationKind.BUYER and not field.data:
            raise ValidationError(_l("Choose the type of public body."))

    def validate_social_enterprise_basis(self, field):
        if self.is_social_enterprise.data and not field.data:
            raise ValidationError(_l("Say on what basis this is a social enterprise."))


class AdminUserForm(InviteForm):
    """The site admin invites the first administrator of an organisation."""


class CodeForm(Form):
    """The second step of signing in: a code from the app, or a recovery code."""

    code = StringField(
        _l("Code"),
        description=_l(
            "The 6 digits your authenticator app shows now, or one of your recovery codes."
        ),
        validators=[DataRequired(), Length(max=40)],
        filters=[strip],
        render_kw={
            "autocomplete": "one-time-code",
            "autocapitalize": "none",
            "spellcheck": "false",
        },
    )


class ConfirmCodeForm(Form):
    """Proof that the authenticator app has the secret: the code it shows now."""

    code = StringField(
        _l("Code from the app"),
        validators=[DataRequired(), Length(max=10)],
        filters=[strip],
        render_kw={"autocomplete": "one-time-code", "inputmode": "numeric"},
    )


class SsoStartForm(Form):
    email = EmailField(
        _l("Your work e-mail address"),
        validators=[DataRequired(), Length(max=254)],
        filters=[strip],
    )
