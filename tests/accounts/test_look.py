"""The look: NL Design System CSS at pinned versions, an organisation's theme and logo."""

from __future__ import annotations

import io
import re
import struct
import zlib

from partnerships.extensions import db
from tests.quality.forms import form_with, forms_in

COMPONENTS = "/static/css/utrecht-component-library-css-9.0.4.css"
TOKENS = "/static/css/voorbeeld-design-tokens-7.4.1.css"


def _png(extra: int = 0) -> bytes:
    """A real 1x1 PNG, padded with a text chunk of `extra` bytes to make it as big as needed."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\xff\xff")
    padding = chunk(b"tEXt", b"c\x00" + b"x" * extra) if extra else b""
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + padding
        + chunk(b"IDAT", pixels)
        + chunk(b"IEND", b"")
    )


def _body_class(html: str) -> str:
    return re.search(r'<body class="([^"]*)"', html).group(1)


def _look_form(client, org_id):
    page = client.get(f"/organisations/{org_id}/look")
    assert page.status_code == 200
    return form_with(forms_in(page.text, f"/organisations/{org_id}/look"), "theme")


def _send(client, org_id, **changes):
    form = _look_form(client, org_id)
    data = form.data(**{k: v for k, v in changes.items() if k != "logo"})
    if "logo" in changes:
        data["logo"] = changes["logo"]
    return client.post(form.action, data=data, content_type="multipart/form-data")


def test_pages_reference_the_vendored_css_with_its_version_and_it_is_served(client):
    page = client.get("/login")
    assert f'href="{COMPONENTS}"' in page.text
    assert f'href="{TOKENS}"' in page.text
    for path in (COMPONENTS, TOKENS, "/static/css/themes.css"):
        css = client.get(path)
        assert css.status_code == 200
        assert css.mimetype == "text/css"
    assert ".utrecht-button" in client.get(COMPONENTS).text
    assert ".voorbeeld-theme" in client.get(TOKENS).text
    # The licences travel with the files.
    for path in (COMPONENTS, TOKENS):
        licence = client.get(path.replace(".css", ".LICENSE.md"))
        assert licence.status_code == 200
        assert "EUPL" in licence.text
    # The login form's fields come from the shared macro with the component classes.
    assert "utrecht-form-field" in page.text
    assert "utrecht-textbox" in page.text


def test_a_chosen_theme_changes_the_body_class_for_that_organisation_only(app, make, login_as):
    admin = make.user(org_role="admin")
    colleague = make.user(admin.organisation)
    outsider = make.user(make.org())
    db.session.commit()
    client = login_as(admin)
    assert "partnerships-theme-blue" in _body_class(client.get("/settings").text)

    saved = _send(client, admin.organisation_id, theme="green")
    assert saved.status_code == 303

    assert "partnerships-theme-green" in _body_class(login_as(colleague).get("/settings").text)
    assert "partnerships-theme-blue" in _body_class(login_as(outsider).get("/settings").text)
    assert "partnerships-theme-green" not in login_as(outsider).get("/settings").text


def test_only_the_organisations_admin_chooses_its_look(app, make, login_as):
    admin = make.user(org_role="admin")
    colleague = make.user(admin.organisation)
    other_admin = make.user(make.org(), org_role="admin")
    db.session.commit()
    path = f"/organisations/{admin.organisation_id}/look"
    assert login_as(colleague).get(path).status_code == 403
    assert login_as(other_admin).get(path).status_code == 403
    assert login_as(admin).get(path).status_code == 200


def test_a_valid_logo_is_shown_in_the_header_with_its_content_type(app, make, login_as):
    admin = make.user(org_role="admin")
    colleague = make.user(admin.organisation)
    db.session.commit()
    client = login_as(admin)
    image = _png()
    saved = _send(client, admin.organisation_id, logo=(io.BytesIO(image), "logo.png"))
    assert saved.status_code == 303

    page = login_as(colleague).get("/settings")
    logo_path = f"/organisations/{admin.organisation_id}/logo"
    assert f'<img class="org-logo" src="{logo_path}"' in page.text
    served = login_as(colleague).get(logo_path)
    assert served.status_code == 200
    assert served.mimetype == "image/png"
    assert served.headers["X-Content-Type-Options"] == "nosniff"
    assert served.data == image


def test_a_logo_of_the_wrong_type_is_refused_with_a_message(app, make, login_as):
    admin = make.user(org_role="admin")
    db.session.commit()
    client = login_as(admin)
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    refused = _send(client, admin.organisation_id, logo=(io.BytesIO(svg), "logo.png"))
    assert refused.status_code == 422
    assert "Het logo moet een PNG- of JPEG-afbeelding zijn." in refused.text
    assert client.get(f"/organisations/{admin.organisation_id}/logo").status_code == 404


def test_a_logo_over_200_kb_is_refused_with_a_message(app, make, login_as):
    admin = make.user(org_role="admin")
    db.session.commit()
    client = login_as(admin)
    # 200 KB is 204,800 bytes; this PNG is a valid image just over that.
    too_big = _png(extra=204_800)
    assert len(too_big) > 204_800
    refused = _send(client, admin.organisation_id, logo=(io.BytesIO(too_big), "big.png"))
    assert refused.status_code == 422
    assert "Het logo is groter dan 200 KB." in refused.text
    assert client.get(f"/organisations/{admin.organisation_id}/logo").status_code == 404
