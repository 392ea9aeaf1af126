"""Recognise personal data of a placed person in free text: BSN, e-mail address, phone
number, IBAN and birth date, each with where it is in the text.

The detectors aim at few false alarms on ordinary Dutch project text: amounts, years,
hours, postal codes and recent dates such as contract dates pass. What the app does with a
finding (refuse, or warn and ask to confirm) and what it says is privacy.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Literal

import phonenumbers
from stdnum import iban as stdnum_iban
from stdnum.nl import bsn as stdnum_bsn

from . import clock

Kind = Literal["bsn", "email", "phone", "birth_date", "iban"]

# Placed people are of working age; a full date at least this many years back is more
# likely a birth date than a contract date.
MIN_AGE_YEARS = 14
EARLIEST_BIRTH_YEAR = 1900


@dataclass(frozen=True)
class Finding:
    """Something in a text that looks like personal data, masked so it is not repeated."""

    kind: Kind
    excerpt_masked: str
    start: int  # offsets into the text, for highlighting the spot in a form
    end: int


# --- BSN ---------------------------------------------------------------------------------

# Nine digits, bare or in the usual groupings 123.456.782 / 1234.56.782, with one kind of
# separator. Not part of a longer number or a decimal such as 1.250.000,00.
_BSN = re.compile(
    r"(?<!\d)(?<!\d[.,])"
    r"(?:\d{9}|\d{3}([. \-])\d{3}\1\d{3}|\d{4}([. \-])\d{2}\2\d{3})"
    r"(?!\d|[.,]\d|,-)"
)
_CURRENCY_BEFORE = re.compile(r"(?:€|\beur|\beuro)\s*$", re.IGNORECASE)
_CURRENCY_AFTER = re.compile(r"^\s*(?:euro|eur)\b", re.IGNORECASE)
_BSN_LABEL = re.compile(r"(?:\bbsn|burgerservicenummer|sofinummer|sofi-nummer)\W{0,3}$", re.I)


def is_valid_bsn(digits: str) -> bool:
    """The 11-test (elfproef) that every BSN passes, as python-stdnum checks it."""
    if len(digits) != 9 or not digits.isdigit() or set(digits) == {"0"}:
        return False
    return stdnum_bsn.is_valid(digits)


def _bsn_spans(text: str) -> list[tuple[int, int]]:
    """Spans of nine-digit numbers that pass the 11-test or are labelled as a BSN."""
    spans = []
    for m in _BSN.finditer(text):
        before, after = text[max(0, m.start() - 25) : m.start()], text[m.end() : m.end() + 6]
        if _CURRENCY_BEFORE.search(before) or _CURRENCY_AFTER.search(after):
            continue  # an amount of money, not a person
        # A number labelled "BSN" is refused even when it fails the 11-test: the intent
        # to record a BSN is clear, and a typo does not make it anonymous.
        if is_valid_bsn(re.sub(r"\D", "", m.group())) or _BSN_LABEL.search(before):
            spans.append(m.span())
    return spans


# --- e-mail ------------------------------------------------------------------------------

_EMAIL = re.compile(r"(?<![\w.+\-])[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)*\.[A-Za-z]{2,}(?![\w\-])")

# --- phone -------------------------------------------------------------------------------

# Dutch numbers: a trunk 0 or +31/0031 (optionally with "(0)") and nine more digits,
# separated at most by a space, a hyphen or a closing parenthesis: 06-12345678,
# +31 6 12345678, +31 (0)20 123 4567, (020) 123 45 67, 0201234567.
_PHONE = re.compile(
    r"(?<![\w+])"
    r"(?P<prefix>(?:\+|00)31[ \-]?(?:\(0\)[ \-]?)?|\(?0)"
    r"(?P<rest>[1-9](?:\)?(?:[ ]?-[ ]?|[ ])?\d){8})"
    r"(?!\d|[.,]\d)"
)
# Other countries: a plus, a country code and 7 to 12 more digits, single separators.
_FOREIGN_PHONE = re.compile(r"(?<![\w+])\+(?!31)[1-9]\d{0,2}(?:[ \-]?\(?\d\)?){7,12}(?!\d)")
# Free service numbers and paid information lines belong to organisations, not people.
_SERVICE_NUMBERS = ("800", "900", "906", "909")


def _phone_spans(text: str) -> list[tuple[int, int]]:
    """Spans of phone numbers: Dutch landline and mobile, and foreign ones with a +.

    The patterns above find numbers written the ways people write them; phonenumbers
    (Google's libphonenumber) finds Dutch numbers in running text written any other way.
    Our own context rules apply to both: service numbers belong to organisations, and a
    Dutch number has at most one hyphen.
    """
    dutch = [
        m.span()
        for m in _PHONE.finditer(text)
        # A Dutch number has at most one hyphen, after the area code; "010-2025-123" is a
        # reference, not a number in Rotterdam.
        if m.group("rest").count("-") <= 1
        and not re.sub(r"\D", "", m.group("rest")).startswith(_SERVICE_NUMBERS)
    ]
    for match in phonenumbers.PhoneNumberMatcher(text, "NL", leniency=phonenumbers.Leniency.VALID):
        national = str(match.number.national_number)
        if match.number.country_code != 31 or national.startswith(_SERVICE_NUMBERS):
            continue
        # A person's number has nine digits after the 0; shorter ones ("14 013", a
        # municipality's short number) belong to organisations.
        if len(national) != 9:
            continue
        if match.raw_string.count("-") > 1:
            continue
        dutch.append((match.start, match.end))
    return dutch + [m.span() for m in _FOREIGN_PHONE.finditer(text)]


# --- IBAN --------------------------------------------------------------------------------

_IBAN_START = re.compile(r"(?<![A-Za-z0-9])[A-Za-z]{2}\d{2}")


def is_valid_iban(compact: str) -> bool:
    """ISO 13616 check digits (python-stdnum): move four characters to the end, mod 97 is 1."""
    if not 15 <= len(compact) <= 34 or not compact.isascii() or not compact.isalnum():
        return False
    # The ISO check digits only: a bank-specific check would let a mistyped account pass.
    return stdnum_iban.is_valid(compact, check_country=False)


def _iban_spans(text: str) -> list[tuple[int, int]]:
    """Spans of IBANs with a valid checksum, written compact or in groups of four."""
    spans = []
    for m in _IBAN_START.finditer(text):
        compact, i, best_end = "", m.start(), None
        while i < len(text) and len(compact) < 34:
            char = text[i]
            if char == " " and i + 1 < len(text) and text[i + 1].isalnum():
                i += 1
                continue
            if not (char.isascii() and char.isalnum()):
                break
            compact += char
            i += 1
            at_boundary = i == len(text) or not text[i].isalnum()
            if at_boundary and is_valid_iban(compact):
                best_end = i
        if best_end is not None:
            spans.append((m.start(), best_end))
    return spans


# --- dates -------------------------------------------------------------------------------

_MONTHS = {
    "januari": 1, "january": 1, "jan": 1,
    "februari": 2, "february": 2, "feb": 2, "febr": 2,
    "maart": 3, "march": 3, "mrt": 3, "mar": 3,
    "april": 4, "apr": 4,
    "mei": 5, "may": 5,
    "juni": 6, "june": 6, "jun": 6,
    "juli": 7, "july": 7, "jul": 7,
    "augustus": 8, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9,
    "oktober": 10, "october": 10, "okt": 10, "oct": 10,
    "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip
_MONTH_NAMES = "|".join(sorted(_MONTHS, key=len, reverse=True))
_NO_NUMBER_BEFORE = r"(?<![\d.,/\-])"
_NO_NUMBER_AFTER = r"(?!\d|[.,/\-]\d)"
_DATE_PATTERNS = [
    # 12-03-1985, 12/03/1985, 12.03.1985 (day first, as the Dutch write it)
    re.compile(
        _NO_NUMBER_BEFORE + r"(?P<day>\d{1,2})(?P<sep>[\-/.])(?P<month>\d{1,2})(?P=sep)"
        r"(?P<year>\d{4})" + _NO_NUMBER_AFTER
    ),
    # 1985-03-12 (ISO)
    re.compile(
        _NO_NUMBER_BEFORE + r"(?P<year>\d{4})(?P<sep>[\-/.])(?P<month>\d{1,2})(?P=sep)"
        r"(?P<day>\d{1,2})" + _NO_NUMBER_AFTER
    ),
    # 12 maart 1985, 12e mrt. 1985, 12th of March, 1985
    re.compile(
        r"\b(?P<day>\d{1,2})(?:e|ste|de|st|nd|rd|th)?\.?\s+(?:of\s+)?"
        rf"(?P<month_name>{_MONTH_NAMES})\.?,?\s+(?P<year>\d{{4}})\b",
        re.IGNORECASE,
    ),
    # March 12, 1985
    re.compile(
        rf"\b(?P<month_name>{_MONTH_NAMES})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+"
        r"(?P<year>\d{4})\b",
        re.IGNORECASE,
    ),
]
# A birth keyword, then at most a couple of filler words, right before the date.
_BIRTH_LABEL = re.compile(
    r"(?<!\w)(?:geboren|geboortedatum|geboortedag|geb|born|d\.?o\.?b|date\s+of\s+birth"
    r"|birth\s*date|birthday|verjaardag)"
    r"[\s:.,\-]*(?:(?:op|on|de|the|is|was|in)\s+){0,2}$",
    re.IGNORECASE,
)


# A year alone identifies nobody, unless it is labelled as the year of birth.
_YEAR = re.compile(r"(?<![\d.,/\-])(?:19|20)\d{2}(?!\d|[.,/\-]\d)")
_BIRTH_YEAR_LABEL = re.compile(
    r"(?<!\w)(?:geboortejaar|birth\s*year|year\s+of\s+birth"
    r"|geboren(?:\s+in)?|born(?:\s+in)?)[\s:.,\-]*$",
    re.IGNORECASE,
)


def _parse_date(m: re.Match[str]) -> date | None:
    """The calendar date a match spells, or None when it is no real date (31-02-1985)."""
    groups = m.groupdict()
    month = _MONTHS[groups["month_name"].lower()] if groups.get("month_name") else None
    try:
        return date(int(groups["year"]), month or int(groups["month"]), int(groups["day"]))
    except ValueError:
        return None


def _date_spans(text: str, today: date) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Spans of likely birth dates, and spans of other dates (which hide nothing)."""
    birth, other = [], []
    latest_birth_year = today.year - MIN_AGE_YEARS
    for pattern in _DATE_PATTERNS:
        for m in pattern.finditer(text):
            found = _parse_date(m)
            if found is None:
                continue
            labelled = _BIRTH_LABEL.search(text[max(0, m.start() - 40) : m.start()])
            if labelled or EARLIEST_BIRTH_YEAR <= found.year <= latest_birth_year:
                birth.append(m.span())
            else:
                other.append(m.span())
    for m in _YEAR.finditer(text):
        if _BIRTH_YEAR_LABEL.search(text[max(0, m.start() - 40) : m.start()]):
            birth.append(m.span())
    return birth, other


# --- putting it together -----------------------------------------------------------------


def _mask(excerpt: str) -> str:
    """Hide all but the last two letters or digits, so a message never repeats the data."""
    positions = [i for i, char in enumerate(excerpt) if char.isalnum()]
    keep = set(positions[-2:]) if len(positions) > 4 else set()
    return "".join(
        "*" if char.isalnum() and i not in keep else char for i, char in enumerate(excerpt)
    )


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether two half-open spans share a character."""
    return a[0] < b[1] and b[0] < a[1]


def personal_data_findings(text: str, *, today: date | None = None) -> list[Finding]:
    """Everything in the text that looks like personal data, in reading order.

    Detected: BSNs (nine digits passing the 11-test, or labelled "BSN"); e-mail
    addresses; Dutch phone numbers, and foreign ones written with +; IBANs with a valid
    checksum; full dates that are a birth date because they are labelled (geboren, geb.,
    geboortedatum, born, DOB, date of birth) or their year lies between 1900 and
    ``today.year - 14``; and a bare year labelled as a birth year ("geboortejaar 1985",
    "born in 1985"). Other dates, such as contract dates, are not findings, and numbers
    inside them are not taken for phone numbers or BSNs. Where other findings overlap,
    the one starting first (then the longest) wins, so "+31 612 345 678" is one phone
    number, not a BSN.
    """
    today = today or clock.today()
    birth, other_dates = _date_spans(text, today)
    # Dates are settled first: a date claims its digits, so "01-03-2026 12" is a contract
    # date followed by a number, never a phone number.
    taken: list[tuple[int, int]] = []
    findings: list[Finding] = []
    for span in sorted(birth):
        if not any(_overlaps(span, other) for other in taken):
            taken.append(span)
            findings.append(_finding("birth_date", text, span))
    taken.extend(other_dates)
    candidates: list[tuple[Kind, tuple[int, int]]] = [
        *(("iban", span) for span in _iban_spans(text)),
        *(("email", m.span()) for m in _EMAIL.finditer(text)),
        *(("phone", span) for span in _phone_spans(text)),
        *(("bsn", span) for span in _bsn_spans(text)),
    ]
    candidates.sort(key=lambda c: (c[1][0], -(c[1][1] - c[1][0])))
    for kind, span in candidates:
        if not any(_overlaps(span, other) for other in taken):
            taken.append(span)
            findings.append(_finding(kind, text, span))
    return sorted(findings, key=lambda f: f.start)


def _finding(kind: Kind, text: str, span: tuple[int, int]) -> Finding:
    """A finding for this span of the text, with the excerpt masked."""
    return Finding(kind, _mask(text[span[0] : span[1]]), span[0], span[1])
