"""Dutch is the default language, so every UI string needs a Dutch translation."""

from __future__ import annotations

from partnerships import catalogues


def test_every_ui_string_has_a_dutch_translation():
    problems = catalogues.problems()
    assert not problems, (
        f"{len(problems)} UI strings lack a Dutch translation. Run `make translations`, "
        "fill in the msgstr entries and compile:\n" + "\n".join(problems)
    )


def test_the_compiled_catalogues_are_current():
    """A .po file edited without `catalogues compile` leaves the app showing old text."""
    stale = []
    for domain in catalogues.domains():
        po = domain.po_path("nl")
        mo = po.with_suffix(".mo")
        if po.exists() and (not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime):
            stale.append(str(po.relative_to(catalogues.ROOT)))
    assert not stale, "Run `python -m partnerships.catalogues compile` for: " + ", ".join(stale)


def test_a_message_translated_differently_in_two_domains_fails_the_check(tmp_path, monkeypatch):
    # Flask-Babel merges the domains' catalogues into one: one translation would silently win.
    for name, dutch in (("team", "Route gekozen"), ("meetings", "Gekozen route")):
        po = tmp_path / name / "translations" / "nl" / "LC_MESSAGES" / "messages.po"
        po.parent.mkdir(parents=True)
        po.write_text(f'msgid "Route chosen"\nmsgstr "{dutch}"\n\nmsgid "Save"\nmsgstr "Opslaan"\n')
    monkeypatch.setattr(catalogues, "PACKAGE", tmp_path)
    monkeypatch.setattr(
        catalogues,
        "domains",
        lambda: [catalogues.Domain("meetings", (), ()), catalogues.Domain("team", (), ())],
    )
    assert catalogues.clashes() == [
        "translated differently in nl: 'Route chosen': "
        "'Gekozen route' in meetings; 'Route gekozen' in team"
    ]


def test_no_message_is_translated_differently_in_two_domains():
    assert catalogues.clashes() == []


def test_the_dutch_speaks_to_the_reader_as_je_everywhere():
    """One register: the pages say "je"; a formal "u" or "uw" slipped into one domain reads
    as another product."""
    import re
    from pathlib import Path

    from babel.messages.pofile import read_po

    formal = re.compile(r"(?<![\w-])(u|uw|uzelf)(?![\w-])", re.IGNORECASE)
    found = []
    for po in Path(catalogues.__file__).parent.glob("**/translations/nl/LC_MESSAGES/*.po"):
        with po.open("rb") as handle:
            for message in read_po(handle):
                strings = message.string if isinstance(message.string, tuple) else (message.string,)
                found += [
                    f"{po.parent.parent.parent.parent.name}: {s}"
                    for s in strings
                    if s and formal.search(s)
                ]
    assert found == []
