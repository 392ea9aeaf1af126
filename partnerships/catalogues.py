"""Translation catalogues, one per domain, kept in step with the source.

Run as `python -m partnerships.catalogues update [DOMAIN]|compile|check|todo`. Message ids are
English; the Dutch catalogue must translate every one of them (Dutch is the default language).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_file
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

PACKAGE = Path(__file__).resolve().parent
ROOT = PACKAGE.parent
TEMPLATES = ROOT / "templates"
TRANSLATED = ("nl",)
KEYWORDS = {
    "_": None,
    "gettext": None,
    "ngettext": (1, 2),
    "lazy_gettext": None,
    "_l": None,
    "lazy_ngettext": (1, 2),
}


@dataclass(frozen=True)
class Domain:
    """A catalogue: the sources it covers and where its .po files live."""

    name: str
    python: tuple[Path, ...]
    templates: tuple[Path, ...]

    @property
    def directory(self) -> Path:
        if self.name == "core":
            return PACKAGE / "translations"
        return PACKAGE / self.name / "translations"

    def po_path(self, locale: str) -> Path:
        return self.directory / locale / "LC_MESSAGES" / "messages.po"


def domains() -> list[Domain]:
    """The core catalogue and one per domain package that has a blueprint."""
    result = []
    subpackages = sorted(
        p
        for p in PACKAGE.iterdir()
        if (p / "__init__.py").exists() and p.name not in ("migrations",)
    )
    domain_names = {p.name for p in subpackages if (p / "views.py").exists()}
    core_py = [p for p in PACKAGE.glob("*.py")]
    for p in subpackages:
        if p.name not in domain_names:
            core_py += list(p.rglob("*.py"))
    core_tpl = [p for p in TEMPLATES.glob("*.html")]
    for d in TEMPLATES.iterdir():
        if d.is_dir() and d.name not in domain_names:
            core_tpl += list(d.rglob("*.html"))
    result.append(Domain("core", tuple(sorted(core_py)), tuple(sorted(core_tpl))))
    for name in sorted(domain_names):
        result.append(
            Domain(
                name,
                tuple(sorted((PACKAGE / name).rglob("*.py"))),
                tuple(sorted((TEMPLATES / name).rglob("*.html"))),
            )
        )
    return result


def extract(domain: Domain) -> Catalog:
    """Every translatable string in the domain's sources, with where it occurs."""
    catalog = Catalog(project="partnerships", locale=None)
    sources = [(p, "python") for p in domain.python] + [(p, "jinja2") for p in domain.templates]
    for path, method in sources:
        options = {"extensions": "jinja2.ext.do"} if method == "jinja2" else {}
        for lineno, message, comments, context in extract_from_file(
            method, str(path), keywords=KEYWORDS, options=options
        ):
            catalog.add(
                message,
                None,
                [(str(path.relative_to(ROOT)), lineno)],
                auto_comments=comments,
                context=context,
            )
    return catalog


def _read(path: Path, locale: str) -> Catalog:
    if not path.exists():
        return Catalog(locale=locale, project="partnerships")
    with path.open("rb") as handle:
        return read_po(handle, locale=locale)


def update(only: str | None = None) -> None:
    """Bring .po files in step with the source, keeping existing translations."""
    for domain in domains():
        if only and domain.name != only:
            continue
        template = extract(domain)
        for locale in TRANSLATED:
            path = domain.po_path(locale)
            catalog = _read(path, locale)
            catalog.update(template, no_fuzzy_matching=True)
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("wb") as handle:
                write_po(
                    handle,
                    catalog,
                    width=100,
                    omit_header=False,
                    ignore_obsolete=True,
                    include_previous=False,
                    sort_output=True,
                )


def compile_all() -> None:
    """Write the .mo files Flask-Babel reads."""
    for domain in domains():
        for locale in TRANSLATED:
            po = domain.po_path(locale)
            if not po.exists():
                continue
            catalog = _read(po, locale)
            with po.with_suffix(".mo").open("wb") as handle:
                write_mo(handle, catalog, use_fuzzy=False)


def problems() -> list[str]:
    """Strings in the UI without a (non-fuzzy) Dutch translation, and stale catalogues."""
    found = []
    for domain in domains():
        template = extract(domain)
        for locale in TRANSLATED:
            catalog = _read(domain.po_path(locale), locale)
            for message in template:
                if not message.id:
                    continue
                entry = catalog.get(message.id, context=message.context)
                where = f"{message.locations[0][0]}:{message.locations[0][1]}"
                msg_id = message.id if isinstance(message.id, str) else message.id[0]
                if entry is None:
                    found.append(f"{where}: not in {domain.name}/{locale}: {msg_id!r}")
                elif entry.fuzzy or not (
                    entry.string if isinstance(entry.string, str) else all(entry.string)
                ):
                    found.append(f"{where}: untranslated in {domain.name}/{locale}: {msg_id!r}")
    return found + clashes()


def clashes() -> list[str]:
    """Message ids translated differently in two domains. Flask-Babel merges the catalogues
    into one, so one of the translations would silently win everywhere."""
    found = []
    for locale in TRANSLATED:
        seen: dict[tuple, dict] = {}
        for domain in domains():
            path = domain.po_path(locale)
            if not path.exists():
                continue
            for message in _read(path, locale):
                if message.id and message.string and not message.fuzzy:
                    key = (message.context, message.id)
                    seen.setdefault(key, {}).setdefault(message.string, []).append(domain.name)
        for (_, msg_id), translations in seen.items():
            if len(translations) > 1:
                text = msg_id if isinstance(msg_id, str) else msg_id[0]
                ways = "; ".join(f"{t!r} in {', '.join(d)}" for t, d in translations.items())
                found.append(f"translated differently in {locale}: {text!r}: {ways}")
    return found


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else "check"
    if command == "update":
        update(argv[2] if len(argv) > 2 else None)
    elif command == "compile":
        compile_all()
    elif command == "check":
        issues = problems()
        for line in issues:
            print(line)
        return 1 if issues else 0
    elif command == "todo":
        for line in problems():
            print(line)
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
