"""Placements are anonymous: free text that looks like personal data is refused."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st
from wtforms import Form, TextAreaField

from partnerships.i18n import force_locale
from partnerships.privacy import (
    MESSAGES,
    Anonymous,
    check_anonymous,
    is_valid_bsn,
    is_valid_iban,
    personal_data_findings,
)

TODAY = date(2026, 11, 21)  # birth years run up to 2026 - 14 = 2012


def kinds(text: str) -> list[str]:
    """The kinds of personal data found, in reading order."""
    return [f.kind for f in personal_data_findings(text, today=TODAY)]


# --- BSN ---------------------------------------------------------------------------------


def test_the_eleven_test():
    # 111222333: 9+8+7+12+10+8+9+6-3 = 66 = 6 * 11
    assert is_valid_bsn("111222333")
    # 123456782: 9+16+21+24+25+24+21+16-2 = 154 = 14 * 11
    assert is_valid_bsn("123456782")
    # 123456789: 161 - 9 = 147, 147 % 11 = 4
    assert not is_valid_bsn("123456789")
    assert not is_valid_bsn("000000000")
    assert not is_valid_bsn("12345678")


@pytest.mark.parametrize(
    "text",
    [
        "BSN 111222333",
        "123456782",
        "kandidaat 123.456.782 gestart",
        "nummer 1234.56.782",
        "nummer 123 456 782.",
        "nummer 123-456-782",
        "(123456782)",
    ],
)
def test_a_bsn_is_flagged(text):
    assert kinds(text) == ["bsn"]


@pytest.mark.parametrize(
    "text",
    [
        "nummer 123456789",  # fails the 11-test
        "nummer 111222334",  # fails the 11-test
        "nummer 000000000",
        "ordernummer 1234567820",  # ten digits
        "loonsom € 111.222.333",  # an amount, although 111222333 passes the 11-test
        "loonsom 111.222.333 euro",
        "loonsom 111222333,-",
        "factor 0,111222333",
    ],
)
def test_other_nine_digit_numbers_are_not_a_bsn(text):
    assert kinds(text) == []


def test_a_number_labelled_bsn_is_refused_even_when_it_fails_the_eleven_test():
    assert kinds("BSN: 123456789") == ["bsn"]
    assert kinds("burgerservicenummer 123.456.789") == ["bsn"]


# --- e-mail ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "address",
    ["jan.jansen@example.nl", "j.de-vries+werk@gemeente-utrecht.nl", "X_Y@sub.domein.org"],
)
def test_an_email_address_is_flagged(address):
    assert kinds(f"Mail naar {address} voor het contract.") == ["email"]


def test_an_at_sign_alone_is_no_email():
    assert kinds("overleg @ het stadhuis, of @team") == []


# --- phone -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "number",
    [
        "06-12345678",
        "06 12345678",
        "0612345678",
        "06 - 12 34 56 78",
        "06 1234 5678",
        "+31 6 12345678",
        "+31612345678",
        "+31 (0)6 12345678",
        "0031 6 12345678",
        "0031612345678",
        "020-1234567",
        "020 123 4567",
        "0201234567",
        "(020) 123 45 67",
        "0471-123456",
        "+31 20 123 4567",
        "+32 2 123 45 67",  # Belgium
        "+49 30 1234567",  # Germany
    ],
)
def test_a_dutch_phone_number_is_flagged(number):
    assert kinds(f"bel {number} na vijven") == ["phone"]


@pytest.mark.parametrize(
    "text",
    [
        "0800-1234567 is de servicelijn",  # free service number of an organisation
        "0900 1234567",
        "loonsom 1.250.000",
        "in 2025 en 2026",
        "25,5 uur per week, 0,5 fte",
        "32 uur per week van 08:30-17:00",
        "3511 AB Utrecht",
        "contract 01-03-2026 12 maanden",  # a date followed by a number
        "KvK 12345678",
        "06-1234567",  # one digit short
        "ref 010-2025-123",  # a Dutch number has one hyphen at most
        "temperatuur +20 graden, bedrag +1.250.000",
    ],
)
def test_numbers_that_are_no_phone_number_pass(text):
    assert kinds(text) == []


def test_a_phone_number_in_groups_of_three_is_not_also_a_bsn():
    # "612 345 678" would pass as a grouped nine-digit number: the phone number wins
    assert kinds("+31 612 345 678") == ["phone"]


# --- IBAN --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "iban", ["NL91ABNA0417164300", "NL91 ABNA 0417 1643 00", "nl91abna0417164300"]
)
def test_an_iban_is_flagged(iban):
    assert kinds(f"rekening {iban} bij de bank") == ["iban"]


def test_an_iban_with_a_wrong_checksum_is_not_flagged_as_iban():
    assert is_valid_iban("NL91ABNA0417164300")
    assert is_valid_iban("BE68539007547034")
    assert not is_valid_iban("NL92ABNA0417164300")
    assert "iban" not in kinds("NL92ABNA0417164300")


# --- birth dates -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "12-03-1985",
        "12/03/1985",
        "12.03.1985",
        "1985-03-12",
        "12 maart 1985",
        "3 mrt. 1990",
        "3 March 1990",
        "March 3, 1990",
        "3rd of March 1990",
        "1-1-2012",  # the latest birth year: 2026 - 14
        "1-1-1900",
        "geboren op 01-03-2015",  # recent, but labelled
        "geb. 5-6-2013",
        "DOB: 2014-01-01",
        "Geboortedatum: 1 januari 2016",
        "born on 4 July 2020",
        "geboortejaar 1985",  # a bare year, but labelled
        "geboren in 1985",
    ],
)
def test_a_birth_date_is_flagged(text):
    assert kinds(text) == ["birth_date"]


@pytest.mark.parametrize(
    "text",
    [
        "start 01-03-2026",
        "start 1 maart 2026",
        "2026-03-01 tot 31-12-2027",
        "contract sinds 1-1-2013",  # too recent for a birth date
        "opgericht 1-1-1899",  # too old for a birth date
        "31-02-1985",  # no such day
        "in 1985 begonnen",  # a year alone identifies nobody
        "sinds 1985",
        "gebruik vanaf 01-03-2026",  # "geb" inside a word is no label
    ],
)
def test_other_dates_pass(text):
    assert kinds(text) == []


def test_the_birth_year_window_follows_today():
    assert kinds("1-1-2013") == []
    assert [f.kind for f in personal_data_findings("1-1-2013", today=date(2027, 1, 1))] == [
        "birth_date"
    ]


# --- all together ------------------------------------------------------------------------


def test_a_realistic_dutch_narrative_is_anonymous():
    text = (
        "Per 01-03-2026 is een medewerker uit het doelgroepregister gestart als "
        "schoonmaker op locatie Utrecht (3584 CS), 25,5 uur per week, contract tot "
        "31-12-2027 met uitzicht op een vast dienstverband. De opdracht (loonsom "
        "€ 1.250.000 per jaar, looptijd 2025-2028) valt onder social return; 5% van de "
        "opdrachtwaarde, ca. 62.500 euro. Jobcoach via UWV tot 1 juni 2026, werkplek "
        "aangepast in Q2. In 2025 waren er 3 proefplaatsingen van 2 maanden; 2 zijn "
        "doorgestroomd. Overleg met de contractmanager om 10:30 uur, zaal 2.14. "
        "Offerte nr. 2026-0412, KvK 30123456. Tel. servicedesk 0800-0432."
    )
    assert personal_data_findings(text, today=TODAY) == []
    assert check_anonymous(text, today=TODAY) is None


def test_findings_come_in_reading_order_with_their_place():
    text = "Jan, geb. 12-03-1985, tel 06-12345678, jan@example.nl, BSN 123456782"
    findings = personal_data_findings(text, today=TODAY)
    assert [f.kind for f in findings] == ["birth_date", "phone", "email", "bsn"]
    for finding in findings:
        assert len(text[finding.start : finding.end]) == len(finding.excerpt_masked)


def test_excerpts_are_masked_so_the_data_is_not_repeated():
    (bsn,) = personal_data_findings("BSN 123.456.782", today=TODAY)
    assert bsn.excerpt_masked == "***.***.*82"
    (email,) = personal_data_findings("jan@example.nl", today=TODAY)
    assert email.excerpt_masked == "***@*******.nl"
    (born,) = personal_data_findings("12-03-1985", today=TODAY)
    assert born.excerpt_masked == "**-**-**85"


BSN_EN = (
    "This looks like a BSN. Placements are anonymous: do not enter personal data "
    "of the placed person."
)
EMAIL_EN = (
    "This looks like an e-mail address. Placements are anonymous: do not enter contact details."
)


def test_check_anonymous_explains_why():
    assert check_anonymous("BSN 123456782") == BSN_EN  # outside a request: the source text
    assert "anonymous" in check_anonymous("bel 06-12345678")
    assert check_anonymous("") is None


def test_every_kind_has_a_message():
    assert set(MESSAGES) == {"bsn", "email", "phone", "birth_date", "iban"}


class NotesForm(Form):
    notes = TextAreaField(validators=[Anonymous()])


def test_the_form_validator_refuses_personal_data():
    form = NotesForm(data={"notes": "Kandidaat, mail jan@example.nl"})
    assert not form.validate()
    assert [str(e) for e in form.notes.errors] == [EMAIL_EN]


def test_the_explanation_comes_in_dutch_and_english(app):
    with force_locale("nl"):
        assert check_anonymous("BSN 123456782") == (
            "Dit lijkt op een BSN. Plaatsingen zijn anoniem: vul geen persoonsgegevens in "
            "van de geplaatste persoon."
        )
        form = NotesForm(data={"notes": "mail jan@example.nl"})
        assert not form.validate()
        assert [str(e) for e in form.notes.errors] == [
            "Dit lijkt op een e-mailadres. Plaatsingen zijn anoniem: vul geen contactgegevens in."
        ]
    with force_locale("en"):
        assert check_anonymous("BSN 123456782") == BSN_EN


def test_the_form_validator_accepts_anonymous_text_and_empty_fields():
    assert NotesForm(data={"notes": "Gestart per 01-03-2026, 25,5 uur."}).validate()
    assert NotesForm(data={"notes": ""}).validate()
    assert NotesForm().validate()


def test_the_form_validator_takes_a_custom_message():
    class Custom(Form):
        notes = TextAreaField(validators=[Anonymous(message="Geen persoonsgegevens.")])

    form = Custom(data={"notes": "06-12345678"})
    assert not form.validate()
    assert form.notes.errors == ["Geen persoonsgegevens."]


# --- properties --------------------------------------------------------------------------

letters = st.text(
    alphabet=st.characters(categories=["L"]) | st.sampled_from(" .,;:!?'-()\n"), max_size=300
)


@given(letters)
def test_text_without_digits_or_at_signs_is_never_flagged(text):
    assert personal_data_findings(text, today=TODAY) == []


@given(st.integers(min_value=0, max_value=10**8 - 1))
def test_numbers_below_a_hundred_million_are_never_flagged(n):
    assert personal_data_findings(f"aantal {n} stuks", today=TODAY) == []


@given(st.lists(st.integers(0, 9), min_size=8, max_size=8))
def test_every_number_passing_the_eleven_test_is_flagged(digits):
    check = sum(w * d for w, d in zip((9, 8, 7, 6, 5, 4, 3, 2), digits, strict=True)) % 11
    if check == 10 or (check == 0 and not any(digits)):
        return  # no check digit makes this a BSN
    bsn = "".join(map(str, digits)) + str(check)
    assert kinds(f"nummer {bsn}.") == ["bsn"]
