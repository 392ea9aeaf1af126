"""The organisation's sign-in settings: identity provider, two-factor and session limits."""

from __future__ import annotations

import re

from flask_babel import lazy_gettext as _l
from wtforms import (
    BooleanField,
    IntegerField,
    PasswordField,
    RadioField,
    StringField,
    TextAreaField,
)
from wtforms.validators import Length, NumberRange, Optional, ValidationError

from ..forms import Form, NoControlCharacters, choices, strip
from .signin_models import SignInMode

DOMAIN = re.compile(r"^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")

MODE_LABELS = {
    SignInMode.PASSWORD: _l("Password only"),
    SignInMode.SSO_OR_PASSWORD: _l(
        "Through the organisation's sign-in service, or with a password"
    ),
    SignInMode.SSO_ONLY: _l("Only through the organisation's sign-in service"),
}


class SignInSettingsForm(Form):
    mode = RadioField(
        _l("How people of this organisation log in"), choices=choices(MODE_LABELS.items())
    )
    issuer = StringField(
        _l("Issuer URL"),
        description=_l(
            "The address of your OpenID Connect provider, for example "
            "https://login.microsoftonline.com/TENANT-ID/v2.0 or the address of your "
            "Keycloak realm."
        ),
        validators=[Length(max=300), NoControlCharacters()],
        filters=[strip],
    )
    client_id = StringField(
        _l("Client ID"), validators=[Length(max=300), NoControlCharacters()], filters=[strip]
    )
    client_secret = PasswordField(
        _l("Client secret"),
        description=_l(
            "Stored encrypted and never shown again. Leave empty to keep the current one."
        ),
        validators=[Length(max=500)],
    )
    allowed_domains = TextAreaField(
        _l("Allowed e-mail domains"),
        description=_l("One per line, for example voorbeeldstad.nl."),
        validators=[Length(max=2000)],
        filters=[strip],
    )
    create_accounts = BooleanField(
        _l("Give people with an allowed address but no account a member account at first sign-in")
    )
    require_two_factor = BooleanField(
        _l("Everyone who logs in with a password must use two-factor sign-in")
    )
    session_idle_minutes = IntegerField(
        _l("Log out after this many minutes without activity"),
        description=_l("Empty: 120 minutes."),
        validators=[Optional(), NumberRange(min=5, max=24 * 60)],
    )
    session_max_hours = IntegerField(
        _l("Log out after this many hours in any case"),
        description=_l('Empty: 12 hours, or 30 days with "keep me logged in".'),
        validators=[Optional(), NumberRange(min=1, max=24 * 90)],
    )

    has_secret = False  # set by the view: a secret is stored already

    def domains(self) -> list[str]:
        return [
            line.strip().lower()
            for line in (self.allowed_domains.data or "").splitlines()
            if line.strip()
        ]

    def validate_allowed_domains(self, field):
        wrong = [d for d in self.domains() if not DOMAIN.match(d)]
        if wrong:
            raise ValidationError(_l("Not a domain: %(domain)s", domain=wrong[0]))
        if self.mode.data != SignInMode.PASSWORD and not self.domains():
            raise ValidationError(_l("Name at least one domain."))

    def validate_issuer(self, field):
        from .sso import issuer_is_acceptable

        if self.mode.data == SignInMode.PASSWORD and not field.data:
            return
        if not field.data or not issuer_is_acceptable(field.data):
            raise ValidationError(_l("Enter the provider's https:// address."))

    def validate_client_id(self, field):
        if self.mode.data != SignInMode.PASSWORD and not field.data:
            raise ValidationError(_l("Enter the client ID you got from the provider."))

    def validate_client_secret(self, field):
        if self.mode.data != SignInMode.PASSWORD and not field.data and not self.has_secret:
            raise ValidationError(_l("Enter the client secret you got from the provider."))
