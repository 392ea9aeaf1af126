"""Find the forms on a page and fill them as a browser would (standard library only)."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin

TEXT_TYPES = {"text", "search", "email", "url", "tel", "password", ""}
SKIP_NAMES = {"csrf_token", "version"}


@dataclass
class Field:
    name: str
    kind: str  # input type, "textarea" or "select"
    value: str = ""
    options: list[str] = field(default_factory=list)
    checked: bool = False
    required: bool = False
    maxlength: int | None = None
    formaction: str = ""  # a submit button's own address

    @property
    def is_text(self) -> bool:
        return self.kind == "textarea" or self.kind in TEXT_TYPES


@dataclass
class Form:
    action: str
    method: str
    fields: list[Field] = field(default_factory=list)
    # Submit buttons: a named one sends its value, one with formaction posts elsewhere.
    buttons: list[Field] = field(default_factory=list)

    def data(self, **overrides) -> dict[str, str | list[str]]:
        """What a browser submits unchanged: values, checked boxes, selected options."""
        data: dict[str, list[str]] = {}
        for f in self.fields:
            if f.kind in ("checkbox", "radio") and not f.checked:
                continue
            if f.kind in ("submit", "button", "reset", "file", "image"):
                continue
            value = f.value
            if f.kind == "select" and not value and f.options:
                value = f.options[0]
            data.setdefault(f.name, []).append(value)
        for name, value in overrides.items():
            data[name] = [value]
        return {k: v if len(v) > 1 else v[0] for k, v in data.items()}

    @property
    def text_fields(self) -> list[Field]:
        return [f for f in self.fields if f.is_text and f.name not in SKIP_NAMES]

    def has(self, name: str) -> bool:
        return any(f.name == name for f in self.fields)


class _Parser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[Form] = []
        self._form: Form | None = None
        self._textarea: Field | None = None
        self._select: Field | None = None
        self._option_value: str | None = None
        self.by_id: dict[str, Form] = {}
        self.elsewhere: dict[str, Form] = {}  # form id -> controls with form="id"

    def handle_starttag(self, tag, attrs):
        a = {k: (v or "") for k, v in attrs}
        if tag == "form":
            self._form = Form(action=a.get("action", ""), method=a.get("method", "get").lower())
            self.forms.append(self._form)
            if a.get("id"):
                self.by_id[a["id"]] = self._form
        if tag == "option":
            owner = self._form if self._select is None else self._select
        elif a.get("form") and tag in ("input", "textarea", "select", "button"):
            # A control outside its form, tied to it by id (the form may come later).
            owner = self.elsewhere.setdefault(a["form"], Form("", "post"))
        else:
            owner = self._form
        if owner is None:
            return
        kind = a.get("type", "submit" if tag == "button" else "text").lower()
        if (tag == "button" and kind == "submit") or (
            tag == "input" and kind in ("submit", "image")
        ):
            # htmx posts the form's fields to a button's hx-post, as a browser to formaction.
            elsewhere = a.get("formaction") or a.get("hx-post", "")
            owner.buttons.append(
                Field(a.get("name", ""), kind, a.get("value", ""), formaction=elsewhere)
            )
        if "name" not in a and tag not in ("option",):
            return
        if "disabled" in a and tag in ("input", "textarea", "select"):
            return  # a browser does not send a disabled control
        if tag == "input":
            owner.fields.append(
                Field(
                    a["name"],
                    a.get("type", "text").lower(),
                    a.get("value", ""),
                    checked="checked" in a,
                    required="required" in a,
                    maxlength=int(a["maxlength"]) if a.get("maxlength", "").isdigit() else None,
                )
            )
        elif tag == "textarea":
            self._textarea = Field(
                a["name"],
                "textarea",
                required="required" in a,
                maxlength=int(a["maxlength"]) if a.get("maxlength", "").isdigit() else None,
            )
            owner.fields.append(self._textarea)
        elif tag == "select":
            self._select = Field(a["name"], "select", required="required" in a)
            owner.fields.append(self._select)
        elif tag == "option" and self._select is not None:
            self._option_value = a.get("value")
            if self._option_value is not None:
                self._select.options.append(self._option_value)
                if "selected" in a:
                    self._select.value = self._option_value

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea.value += data
        elif self._select is not None and self._option_value is None and data.strip():
            # <option>text</option> without a value submits its text
            self._select.options.append(data.strip())

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "textarea":
            # HTML drops one newline right after <textarea> (CR LF counts as one).
            if self._textarea is not None:
                value = self._textarea.value
                self._textarea.value = (
                    value.removeprefix("\r\n")
                    if value.startswith("\r\n")
                    else value.removeprefix("\n")
                )
            self._textarea = None
        elif tag == "select":
            self._select = None
        elif tag == "option":
            self._option_value = None


def forms_in(html: str, page_url: str) -> list[Form]:
    """The POST forms of a page, with their action resolved against the page's path."""
    parser = _Parser()
    parser.feed(html)
    for form_id, controls in parser.elsewhere.items():
        if form_id in parser.by_id:
            parser.by_id[form_id].fields += controls.fields
            parser.by_id[form_id].buttons += controls.buttons
    found = []
    for form in parser.forms:
        if form.method != "post":
            continue
        form.action = form.action or page_url
        for button in form.buttons:
            button.formaction = button.formaction and urljoin(page_url, button.formaction)
        found.append(form)
    return found


def form_with(forms: list[Form], *names: str) -> Form:
    """The first form that has all these fields (pages also hold e.g. the language switch)."""
    for form in forms:
        if all(form.has(name) for name in names):
            return form
    raise LookupError(f"no form with fields {names}")
