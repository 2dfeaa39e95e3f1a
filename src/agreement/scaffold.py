"""`agreement new`: a document to start from, which validates as soon as it is written.

Two ways to start. A skeleton of a kind (`templates/skeletons/<kind>.yaml`, bundled with
the package) shows the kind's usual parts in a sensible outline, with short comments
in Swedish, filled in with the municipality, the police area, the period and the id;
wherever the document's own words are needed it says `TODO: …`, in the value itself,
so that lint (L403) lists what is left and nothing made up is printed silently. Or a
copy of a bundled example (`--from eslov-2015-2018`) with those facts changed.

Either way the first line points editors with the YAML language server at the kind's
JSON Schema where it is published for this release (`schemas.published_url`): an
address that stays right when the file is moved to another folder or machine.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import secrets
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from string import Template
from typing import TYPE_CHECKING

from .diagnostics import Diagnostic, Severity
from .model import KINDS
from .model.base import ID_PATTERN
from .resources import bundled

if TYPE_CHECKING:
    from .formatting.tree import Collection

KINDS_WITH_POLICE = ("agreement", "action-plan", "citizen-promises")
"""Kinds whose parties are a municipality and a police area; guidelines have one party."""
POLICE_TO_FILL_IN = "TODO: lokalpolisområdets namn"
"""The police area's name when it is neither given nor asked for: lint reports it (L403)."""
_TITLES = {
    "agreement": "Samverkansöverenskommelse mellan {municipality} och {police}",
    "action-plan": "Handlingsplan för {municipality} och {police}",
    "guidelines": "Riktlinjer för trygghetsskapande och brottsförebyggande arbete i {municipality}",
    "citizen-promises": "Medborgarlöften för {municipality} och {police}",
}
_ID_WORDS = {"agreement": "", "action-plan": "handlingsplan", "guidelines": "riktlinjer",
             "citizen-promises": "medborgarloften"}
"""What an id says besides the place and period, so that a plan and its agreement do not share one."""
_NOT_GENITIVE = ("fors", "grums")
"""Place names that end in an -s of their own (Hofors, Grums): no genitive s to drop."""


class ScaffoldError(Exception):
    """A choice that cannot make a document (an unknown kind or example, a bad period or id)."""


@dataclass(frozen=True)
class Period:
    """A period as the document writes it, and as its title and id say it."""

    written: str
    """After `period: `: `2026`, `{start: 2026, end: 2027}` or `{start: 2026-03-01, end: 2027-02-28}`."""
    words: str
    """In a title: 2026, 2026–2027."""
    slug: str
    """In an id: 2026, 2026-2027."""


@dataclass(frozen=True)
class Request:
    """What the new document should be."""

    kind: str
    municipality: str | None
    police: str | None
    period: Period | None
    id: str
    example: str | None = None


# -- reading the choices -------------------------------------------------------------------


def parse_period(text: str) -> Period:
    """`2026`, `2026-2027` (or 2026–2027) or `2026-03-01..2027-02-28`, checked."""
    text = text.strip()
    if re.fullmatch(r"\d{4}", text):
        year = _year(text)
        return Period(str(year), str(year), str(year))
    years = re.fullmatch(r"(\d{4})\s*[-–]\s*(\d{4})", text)
    if years:
        start, end = _year(years[1]), _year(years[2])
        _in_order(start, end, text)
        return Period(f"{{start: {start}, end: {end}}}", *_spoken(start, end))
    days = re.fullmatch(r"(\S+)\s*\.\.\s*(\S+)", text)
    if days:
        try:
            first, last = dt.date.fromisoformat(days[1]), dt.date.fromisoformat(days[2])
        except ValueError:
            raise ScaffoldError(f"period {text!r}: write the days as YYYY-MM-DD..YYYY-MM-DD") from None
        _in_order(first, last, text)
        _year(str(first.year))
        _year(str(last.year))
        return Period(f"{{start: {first.isoformat()}, end: {last.isoformat()}}}", *_spoken(first.year, last.year))
    raise ScaffoldError(f"period {text!r}: write a year (2026), years (2026-2027) or days (2026-03-01..2027-02-28)")


def _year(text: str) -> int:
    year = int(text)
    if not 1900 <= year <= 2200:
        raise ScaffoldError(f"period: {year} is not a year between 1900 and 2200")
    return year


def _in_order(start: object, end: object, text: str) -> None:
    if end < start:  # type: ignore[operator]
        raise ScaffoldError(f"period {text!r} ends before it starts")


def _spoken(start: int, end: int) -> tuple[str, str]:
    return (str(start), str(start)) if start == end else (f"{start}–{end}", f"{start}-{end}")


def place_name(municipality: str) -> str:
    """The place a municipality is named after: "Lunds kommun" is Lund, "Malmö stad" Malmö."""
    words = municipality.split()
    if len(words) > 1 and words[-1].lower() in ("kommun", "stad", "kommune", "municipality"):
        words = words[:-1]
    place = " ".join(words)
    lowered = place.lower()
    if (len(place) > 3 and lowered.endswith("s") and lowered[-2] not in "aeiouyåäös"
            and not lowered.endswith(_NOT_GENITIVE)):
        place = place[:-1]
    return place


def slug(text: str) -> str:
    """Lowercase ASCII letters, digits and hyphens: "Malmö stad" becomes malmo-stad."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")


def party_id(municipality: str) -> str:
    """The municipality's party id: its place name as a slug (lund, malmo)."""
    return slug(place_name(municipality)) or "kommunen"


def default_police(municipality: str) -> str:
    """The usual name of the local police area: Lokalpolisområde Lund (a suggestion to confirm)."""
    return f"Lokalpolisområde {place_name(municipality)}"


def default_id(kind: str, municipality: str | None, period: Period | None, example: str | None = None) -> str:
    """lund-2026-2027, lund-handlingsplan-2026; a copy without a municipality keeps the example's id."""
    if municipality is None:
        return example or kind
    parts = [party_id(municipality), _ID_WORDS[kind], period.slug if period else ""]
    return "-".join(part for part in parts if part)[:80].rstrip("-")


def check_id(document_id: str) -> str:
    if not re.fullmatch(ID_PATTERN, document_id) or len(document_id) > 80:
        raise ScaffoldError(f"id {document_id!r}: use letters, digits, '-', '_' and '.' (at most 80), "
                            "starting with a letter or digit")
    return document_id


def default_title(kind: str, municipality: str, police: str | None, period: Period | None) -> str:
    title = _TITLES[kind].format(municipality=municipality, police=police or POLICE_TO_FILL_IN)
    return f"{title} {period.words}" if period else title


def check_name(value: str, what: str) -> str:
    value = value.strip()
    if not value or "\n" in value or len(value) > 200:
        raise ScaffoldError(f"{what}: give the name on one line")
    return value


# -- the examples ---------------------------------------------------------------------------


def examples() -> dict[str, Path]:
    """The bundled examples by id (the folder's name): eslov-2015-2018, ljusdal-2014, malmo-2011.
    Each folder holds one document (and may hold its follow-up files)."""
    from .discovery import is_document

    found = {}
    folder = bundled("examples")
    for example in sorted(folder.iterdir()) if folder.is_dir() else []:
        documents = sorted(path for path in example.glob("*.y*ml") if is_document(path) and _kind(path) in KINDS)
        if len(documents) == 1:
            found[example.name] = documents[0]
    return found


def _kind(path: Path) -> object:
    from .loading import LoadError, load_file

    try:
        data = load_file(path).data
    except LoadError:
        return None
    return data.get("kind") if isinstance(data, dict) else None


def example_path(name: str) -> Path:
    from .diagnostics import did_you_mean

    available = examples()
    if name not in available:
        hint = did_you_mean(name, available) or "the examples are " + ", ".join(available)
        raise ScaffoldError(f"no bundled example {name!r}; {hint}")
    return available[name]


def kind_of(path: Path) -> str:
    return str(_kind(path))


# -- writing the document -----------------------------------------------------------------------


def schema_reference(kind: str, target: Path) -> str:
    """What the `$schema=` line names: the published address of this release's schema; without
    one (a checkout that was never installed), the bundled file, relative to where the document goes."""
    from .schemas import file_name, published_url

    url = published_url(kind)
    if url is not None:
        return url
    schema = (bundled("schemas") / file_name(kind)).resolve()
    return Path(os.path.relpath(schema, target.resolve().parent)).as_posix()


def document_text(request: Request, target: Path) -> str:
    """The new document's text: a filled-in skeleton, or an example's copy."""
    reference = schema_reference(request.kind, target)
    if request.example is not None:
        return _copy(request, example_path(request.example), reference)
    return _skeleton(request, reference)


def _skeleton(request: Request, reference: str) -> str:
    from .formatting.quoting import written

    assert request.municipality is not None
    police = request.police or (POLICE_TO_FILL_IN if request.kind in KINDS_WITH_POLICE else None)
    template = (bundled("templates") / "skeletons" / f"{request.kind}.yaml").read_text(encoding="utf-8")
    if request.period is None:
        template = "".join(line for line in template.splitlines(keepends=True) if "${period}" not in line)
    return Template(template).substitute(
        schema_url=reference, id=request.id, municipality_id=party_id(request.municipality),
        municipality=written(request.municipality), municipality_name=request.municipality,
        police=written(police or ""), police_name=police or "",
        title=written(default_title(request.kind, request.municipality, police, request.period)),
        period=request.period.written if request.period else "",
    )


def _copy(request: Request, source: Path, reference: str) -> str:
    """The example with the new id, and the municipality, police area, period and title when given."""
    from .formatting.layout import render
    from .formatting.quoting import written
    from .formatting.tree import Collection, Scalar, Slot, read

    document = read(source.read_text(encoding="utf-8"))
    root = document.root

    def put(mapping: Collection, key: str, text: str) -> None:
        """Set `key` to the YAML `text`; the example's comment on the old value goes with it."""
        value = Scalar(text, None, text, 0, 0)
        for slot in mapping.slots:
            if slot.key is not None and slot.key.value == key:
                slot.value, slot.head, slot.between, slot.trailing = value, None, [], None
                return
        mapping.slots.append(Slot(Scalar(key, None, key, 0, 0), value, 0))

    put(root, "id", request.id)
    if request.period is not None:
        put(root, "period", request.period.written)
    if request.municipality is not None:
        put(root, "title", written(default_title(request.kind, request.municipality, request.police, request.period)))
    for party_type, name in (("municipality", request.municipality), ("police", request.police)):
        party = _first_party(root, party_type)
        if party is not None and name is not None:
            put(party, "name", written(name, flow=party.flow))
    document.header = [
        f"# yaml-language-server: $schema={reference}",
        f"# En kopia av exemplet {request.example}, gjord med `agreement new`. Texten, kommentarerna och",
        "# undantagen från lint (agreement: ignore) gäller exemplets källa: ersätt dem med era egna.",
    ]
    return render(document)


def _first_party(root: Collection, party_type: str) -> Collection | None:
    """The mapping of the document's first party of `party_type` (municipality, police)."""
    from .formatting.tree import Collection

    parties = next((slot.value for slot in root.slots if slot.key and slot.key.value == "parties"), None)
    if not isinstance(parties, Collection):
        return None
    for item in parties.slots:
        party = item.value
        if isinstance(party, Collection) and any(
                slot.key is not None and slot.key.value == "type" and getattr(slot.value, "value", None) == party_type
                for slot in party.slots):
            return party
    return None


def problems(text: str, file: str) -> list[Diagnostic]:
    """The validation errors of a new document's text (none, unless the choices do not fit an example)."""
    from .loading import LoadError, load_bytes
    from .validation import check_loaded

    try:
        checked = check_loaded(load_bytes(text.encode("utf-8"), file))
    except LoadError as error:
        return [error.diagnostic]
    return [d for d in checked.diagnostics if d.severity is Severity.ERROR]


def create(path: Path, data: bytes) -> None:
    """Write a new file at once, never over an existing one (FileExistsError), even in a race:
    the text goes to a temporary file, which is then linked to its name."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    try:
        with open(temporary, "xb") as stream:
            stream.write(data)
        try:
            os.link(temporary, path)
        except FileExistsError:
            raise
        except OSError:  # a file system without hard links
            if path.exists() or path.is_symlink():
                raise FileExistsError(path) from None
            os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def known_kind(kind: str) -> str:
    if kind not in KINDS:
        from .diagnostics import did_you_mean

        hint = did_you_mean(kind, KINDS) or "use " + ", ".join(KINDS)
        raise ScaffoldError(f"unknown kind {kind!r}; {hint}")
    return kind
