"""What every document has, whatever its kind: header, decision metadata, parties,
text sections, goals, organisation, follow-up, promises, signatures and glossary."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Iterator, Literal

from pydantic import BeforeValidator, PrivateAttr, model_validator

from ..diagnostics import YamlPath
from .actions import Action, Promise
from .base import AlsoAccepts, Id, Markdown, Model, PartyRef, Terms, Text, field, nested, required
from .follow_up import FollowUp, FollowUpSpec
from .goals import Goal, Indicator
from .organisation import Organisation, WorkingModel
from .outline import OutlineItem, outline_field
from .parties import Party

DocumentStatus = Literal["draft", "consultation", "adopted", "repealed"]
DOCUMENT_STATUS_SV: dict[str, Terms] = {
    "draft": "utkast",
    "consultation": ("på remiss", "remiss", "remissversion"),
    "adopted": ("antagen", "fastställd", "beslutad"),
    "repealed": ("upphävd", "ersatt"),
}
Language = Literal["sv", "en"]
LANGUAGE_SV: dict[str, Terms] = {"sv": "svenska", "en": "engelska"}
KIND_SV: Terms = ("typ", "dokumenttyp")
"""Swedish terms of the `kind` key, which each kind of document declares with its own value."""
LabelKey = Literal["goal", "owner", "partners", "status", "follow_up", "target_group", "problem", "causes",
                   "places", "effects", "indicators", "source", "baseline", "target", "meets",
                   "responsibilities", "activities", "dialogue", "action", "promise"]
"""Fields whose label a document can give in its own words (`labels:`)."""
LABEL_SV: dict[str, Terms] = {
    "goal": ("mål", "effektmål"),
    "owner": ("ansvarig", "ägare"),
    "partners": ("samverkanspartner", "medverkande"),
    "status": ("status", "läge"),
    "follow_up": "uppföljning",
    "target_group": "målgrupp",
    "problem": ("problembild", "problembeskrivning"),
    "causes": ("orsaker", "troliga orsaker"),
    "places": "platser",
    "effects": ("effekter", "förväntade effekter"),
    "indicators": ("indikatorer", "mått"),
    "source": "källa",
    "baseline": ("utgångsvärde", "nuläge"),
    "target": "målvärde",
    "meets": "mötesfrekvens",
    "responsibilities": "ansvar",
    "activities": "aktiviteter",
    "dialogue": ("medborgardialog", "dialog"),
    "action": ("åtgärd", "insats"),
    "promise": ("medborgarlöfte", "löfte"),
}
"""Swedish terms of the fields a document can label, the same words as those fields' own terms."""


_YEAR = {"type": "integer", "minimum": 1900, "maximum": 2200, "description": "A year: from 1 January, to 31 December."}


class Period(Model):
    """The period the document is valid for (giltighetsperiod), in days or in whole years.

    Written as years (`{start: 2015, end: 2018}`, or `period: 2014` for one year) it
    prints as years ("2015–2018"); the days it covers are 1 January to 31 December.
    """

    start: Annotated[dt.date, AlsoAccepts((_YEAR,))] = required(
        "First day, or first year (från och med).", "2015-01-01",
        sv=("från och med", "startdatum", "startår", "början"),
    )
    end: Annotated[dt.date, AlsoAccepts((_YEAR,))] = required(
        "Last day, or last year (till och med).", "2018-12-31",
        sv=("till och med", "slutdatum", "slutår", "slut"),
    )
    _in_years: bool = PrivateAttr(default=False)

    @model_validator(mode="wrap")
    @classmethod
    def _years(cls, value: Any, handler: Any) -> "Period":
        years = isinstance(value, dict) and all(type(value.get(key)) is int for key in ("start", "end"))
        if isinstance(value, dict):
            value = dict(value)
            for key, (month, day) in (("start", (1, 1)), ("end", (12, 31))):
                if type(value.get(key)) is int and 1 <= value[key] <= 9999:
                    value[key] = dt.date(value[key], month, day)
        period = handler(value)
        period._in_years = years
        return period

    @property
    def in_years(self) -> bool:
        """Whether the period was written as whole years (and prints so)."""
        return self._in_years


def _one_year(value: Any) -> Any:
    """`period: 2014` means `period: {start: 2014, end: 2014}`."""
    return {"start": value, "end": value} if type(value) is int else value


PeriodSpec = Annotated[Period, BeforeValidator(_one_year), AlsoAccepts((_YEAR,))]


class Decision(Model):
    """The decision that adopted the document (beslut)."""

    body: Text | None = field(
        "Body that adopted it (beslutad av, fastställd av).", "Kommunstyrelsen",
        sv=("beslutad av", "fastställd av", "beslutsorgan"),
    )
    date: dt.date | None = field("Date of the decision (beslutsdatum).", "2015-11-26", sv=("beslutsdatum", "datum"))
    section: Text | None = field(
        "Minute number of the decision (paragraf).", "§ 123",
        sv=("paragraf", "protokollsparagraf"),
    )


class Section(Model):
    """A section of free text (avsnitt) under the document's own heading, with sub-sections if it has any."""

    id: Id | None = field("Key of the section; the outline places a section by it.", "inriktning",
                          sv=("id", "nyckel"))
    title: Text | None = field("Heading of the section (rubrik); left out, the text has none.", "Inriktning",
                               sv=("rubrik", "titel"))
    text: Markdown | None = field(
        "The text of the section.", "Det brottsförebyggande arbetet ska ske på samhälls-, grupp- och individnivå.",
        sv=("text", "brödtext"),
    )
    sections: list["Section"] = field(
        "Sub-sections (underavsnitt), under the section's heading.",
        [{"title": "Barn och unga", "text": "Särskild prioritet ska ges tidig upptäckt."}],
        default_factory=list,
        sv=("underavsnitt", "delavsnitt"),
    )

    @model_validator(mode="after")
    def _has_content(self) -> "Section":
        if self.text is None and not self.sections:
            raise ValueError("a section needs `text`, `sections` or both")
        return self


class Signature(Model):
    """A signature (underskrift) of a party."""

    party: PartyRef = required("Party that signs (part).", "eslov", sv="part")
    name: Text | None = field("Name of the signatory (namn).", "Johan Andersson", sv="namn")
    title: Text | None = field(
        "Position of the signatory (befattning).", "Kommunstyrelsens ordförande",
        sv=("befattning", "titel"),
    )
    place: Text | None = field("Place of signing (ort).", "Eslöv", sv="ort")
    date: dt.date | None = field("Date of signing (datum).", "2015-11-26", sv="datum")
    lines: bool = field(
        "Print lines to sign on (namnteckning, namnförtydligande, ort och datum), for a draft "
        "circulated for signing.", True, default=False,
        sv=("namnteckningsrader", "underskriftsrader", "linjer"))


class Contact(Model):
    """Someone to ask about the document (kontaktperson)."""

    name: Text | None = field("Name (namn).", "Cecilia Tegelberg", sv="namn")
    title: Text | None = field("Position or role (befattning).", "Folkhälsosamordnare", sv=("befattning", "titel"))
    organisation: Text | None = field("Organisation or unit (organisation).", "Kommunledningskontoret",
                                      sv=("organisation", "förvaltning"))
    email: Text | None = field("E-mail address (e-post).", "kommun@ljusdal.se", sv=("e-post", "mejladress", "mejl"))
    phone: Text | None = field("Telephone number (telefon).", "0651-180 00", sv=("telefon", "telefonnummer"))


class Reference(Model):
    """A document or source the text refers to (referens, underlag)."""

    title: Text = required(
        "Title of the referenced document.", "Malmö stads budget 2010 Hållbar stad",
        sv=("titel", "rubrik"),
    )
    url: Text | None = field("Where to find it.", "https://www.eslov.se/", sv=("länk", "webbadress"))
    note: Text | None = field(
        "Why it is referenced.", "Det här dokumentet ersätter Tiopunktsprogrammet.",
        sv=("anmärkning", "kommentar"),
    )


class Term(Model):
    """A glossary entry (ordlista, förkortning)."""

    term: Text = required("The term or abbreviation.", "LOB", sv=("term", "begrepp", "förkortning"))
    definition: Markdown = required(
        "What it means.", "Lagen om omhändertagande av berusade personer m.m.",
        sv=("definition", "förklaring", "betydelse"),
    )


def group_indicators() -> Any:
    """The `indicators` of a group of actions (`by_party`, `action_groups`), as the source lists
    them among its actions ("Antal LOB*" at the end of the municipality's list)."""
    return field(
        "Indicators the document lists among these actions (indikatorer), printed after them: at the "
        "end of their list, unlabelled, when the actions print as a list of titles and the indicators "
        "are names only; else under their label.",
        [{"id": "lob", "name": "Antal LOB"}], default_factory=list, sv=("indikatorer", "mått"),
    )


class PartyActions(Model):
    """The actions one party (or unit) takes in an area; they inherit it as owner."""

    party: PartyRef = required(
        "Party or unit that owns these actions unless an action says otherwise.", "polisen",
        sv="part",
    )
    title: Text | None = field(
        "Heading of the group, when the document gives one.", "Polisen Norra Gävleborg, Ljusdal",
        sv=("rubrik", "titel"),
    )
    actions: list[Action] = field(
        "The party's actions.", [{"title": "Arbeta med bekymmersamtal"}], default_factory=list,
        sv=("åtgärder", "aktiviteter", "insatser"),
    )
    indicators: list[Indicator] = group_indicators()


class ActionGroup(Model):
    """Actions under a sub-heading of the document's own (åtgärdsgrupp): "Pågående aktiviteter", say."""

    title: Text = required("Heading of the group (rubrik).", "Tänkbara aktiviteter", sv=("rubrik", "titel"))
    party: PartyRef | None = field("Party or unit that owns these actions unless an action says otherwise.",
                                   "polisen", sv="part")
    actions: list[Action] = field(
        "The group's actions.", [{"title": "Trygghetsvandring i centrum"}], default_factory=list,
        sv=("åtgärder", "aktiviteter", "insatser"),
    )
    indicators: list[Indicator] = group_indicators()


class Area(Model):
    """What focus areas and plan areas share: problem, causes, goals, indicators and actions."""

    id: Id = required("Key of the area.", "offentlig-miljo", sv=("id", "nyckel"))
    title: Text = required("Heading of the area.", "Trygghet i offentlig miljö", sv=("rubrik", "titel"))
    description: Markdown | None = field(
        "Text about the area, as the document writes it (beskrivning).",
        "Barn som bevittnar våld riskerar ett långvarigt utanförskap om de inte får hjälp.",
        sv=("beskrivning", "områdesbeskrivning"),
    )
    problem: Markdown | None = field(
        "The problem picture (problembild): what the situation is, and for whom.",
        "Otryggheten i centrum har ökat enligt trygghetsmätningen, särskilt bland kvinnor kvällstid.",
        sv=("problembild", "problembeskrivning", "problemformulering"),
    )
    causes: Markdown | None = field(
        "Probable causes of the problem (troliga orsaker), as Brå asks every agreement to state.",
        "Dålig belysning och få människor i rörelse efter klockan 20.",
        sv=("orsaker", "troliga orsaker", "bakomliggande orsaker"),
    )
    target_group: Text | None = field("Who the work is aimed at (målgrupp).", "Barn och ungdomar", sv="målgrupp")
    places: list[Text] = field("Named places, hot spots (platser).", ["Stortorget", "Resecentrum"],
                               default_factory=list, sv=("platser", "utsatta platser"))
    effects: Markdown | None = field(
        "The effects the work is expected to have (förväntade effekter).",
        "Fler kvinnor upplever sig trygga i centrum kvällstid.",
        sv=("förväntade effekter", "effekter"),
    )
    goals: list[Goal] = field(
        "Goals of the area (mål).",
        [{"kind": "follow-up", "text": "Ett tydligt stöd till våldsutsatta familjer ska etableras."}],
        default_factory=list,
        sv="mål",
    )
    indicators: list[Indicator] = field(
        "Indicators of the area (indikatorer).", [{"name": "Antal LOB", "source": "Polisen"}], default_factory=list,
        sv=("indikatorer", "mått"),
    )
    follow_up: FollowUpSpec | None = field(
        "Follow-up of the area's actions when they state none (uppföljning).", {"months": [4, 8, 12]},
        sv="uppföljning",
    )
    actions: list[Action] = field(
        "Actions of the area (åtgärder, aktiviteter).",
        [{"id": "tunnlar", "title": "Förbättra tryggheten i tunnlar och andra miljöer", "owner": "eslov/gtp"}],
        default_factory=list,
        sv=("åtgärder", "aktiviteter", "insatser"),
    )
    by_party: list[PartyActions] = field(
        "Actions grouped per party, as plans often list them (Polisen / kommunen).",
        [
            {
                "party": "polisen",
                "title": "Polisen Norra Gävleborg, Ljusdal",
                "actions": [{"title": "Arbeta med bekymmersamtal"}],
            }
        ],
        default_factory=list,
        sv=("per part", "åtgärder per part"),
    )
    action_groups: list[ActionGroup] = field(
        "Actions under the document's own sub-headings (åtgärdsgrupper), after those above.",
        [{"title": "Pågående aktiviteter", "actions": [{"title": "Trygghetsvandringar"}]}],
        default_factory=list,
        sv=("åtgärdsgrupper", "aktivitetsgrupper"),
    )
    notes: Markdown | None = field(
        "Notes on the area's actions (noter, fotnoter), printed after them.",
        "*SMADIT står för samverkan mot alkohol och droger i trafiken.",
        sv=("noter", "fotnoter", "anmärkningar"),
    )

    def groups(self) -> Iterator[tuple[str, int, "PartyActions | ActionGroup"]]:
        """Every group of actions with the key and index it is written under."""
        for g, group in enumerate(self.by_party):
            yield "by_party", g, group
        for g, action_group in enumerate(self.action_groups):
            yield "action_groups", g, action_group

    def all_actions(self) -> list[tuple[Action, "PartyActions | ActionGroup | None"]]:
        """Every action of the area, with the group it was written in (if any)."""
        found: list[tuple[Action, PartyActions | ActionGroup | None]] = [(action, None) for action in self.actions]
        for _, _, group in self.groups():
            found.extend((action, group) for action in group.actions)
        return found


class Document(Model):
    """The header and sections every kind of document has."""

    _written: tuple[str, ...] = PrivateAttr(default=())

    @model_validator(mode="wrap")
    @classmethod
    def _remember_order(cls, value: Any, handler: Any) -> "Document":
        document = handler(value)
        if isinstance(value, dict):
            document._written = tuple(value)
        return document

    @property
    def written_order(self) -> tuple[str, ...]:
        """The document's keys in the order the file writes them: without an outline, its parts print so."""
        return self._written

    schema_version: Literal[1] = required(
        "Version of this file format (1). Lets files written today still be read in years.", 1,
        alias="schema", sv=("schemaversion", "formatversion"),
    )
    id: Id = required("Key of the document; names the built files.", "eslov-2015-2018", sv=("id", "nyckel"))
    title: Text = required(
        "Title of the document (titel).", "Samverkansavtal mellan polisen och Eslövs kommun 2015–2018",
        sv=("titel", "rubrik"),
    )
    subtitle: Text | None = field(
        "Subtitle (undertitel).", "överenskommelse mellan Malmö stad och Polisområde Malmö",
        sv=("undertitel", "underrubrik"),
    )
    language: Language = field(
        "Language of the text: sv (svenska) or en (English).", "sv", default="sv",
        sv="språk", sv_values=LANGUAGE_SV,
    )
    period: PeriodSpec | None = field(
        "Period the document covers (period, giltighetstid): days, whole years, or one year. Left out when "
        "the source states none.", {"start": "2015-01-01", "end": "2018-12-31"},
        sv=("period", "giltighetsperiod", "giltighetstid"),
    )
    status: DocumentStatus | None = field(
        "draft (utkast), consultation (på remiss), adopted (antagen) or repealed (upphävd).", "adopted",
        sv=("status", "dokumentstatus"), sv_values=DOCUMENT_STATUS_SV,
    )
    decision: Decision | None = field(
        "The decision that adopted the document (beslut).",
        {"body": "Kommunstyrelsen", "date": "2015-11-26", "section": "§ 123"},
        sv="beslut",
    )
    registration: dict[Id, Text] = field(
        "Registration number per party (diarienummer), keyed by party id.",
        {"eslov": "KS 2015/456"},
        default_factory=dict,
        sv=("diarienummer", "dnr"),
    )
    document_owner: Text | None = field(
        "Who keeps the document up to date (dokumentansvarig).", "Folkhälsosamordnare, Kommunledningskontoret",
        sv=("dokumentansvarig", "dokumentägare"),
    )
    valid_until: dt.date | None = field(
        "Date until which the document applies (giltig till).", "2018-12-31",
        sv=("giltig till", "gäller till"),
    )
    revision_responsible: Text | None = field(
        "Who is responsible for revising the document (ansvarig för revidering).", "Kommunstyrelsen",
        sv=("ansvarig för revidering", "revideringsansvarig"))
    follow_up_responsible: Text | None = field(
        "Who is responsible for following up the document as a whole (ansvarig för uppföljning), as its "
        "header states it; who follows up each action is `follow_up.responsible`.", "Kommunstyrelsen",
        sv=("ansvarig för uppföljning", "uppföljningsansvarig"))
    applies_to: Text | None = field(
        "What or whom the document applies to (gäller för).", "Kommunens samtliga förvaltningar och bolag",
        sv=("gäller för", "omfattar", "tillämpningsområde"))
    contact: list[Contact] = field(
        "Whom to ask about the document (kontaktpersoner).",
        [{"name": "Cecilia Tegelberg", "title": "Folkhälsosamordnare", "email": "kommun@ljusdal.se"}],
        default_factory=list,
        sv=("kontaktpersoner", "kontakt", "kontaktuppgifter"),
    )
    outline: list[OutlineItem] | None = outline_field()
    labels: dict[LabelKey, Text] = field(
        "What the document calls its fields (etiketter), where it differs from the usual word: "
        "`goal: Effektmål` prints an action's goal as \"Effektmål: …\".",
        {"goal": "Effektmål", "owner": "Ansvarig"},
        default_factory=dict,
        sv=("etiketter", "benämningar"), sv_values=LABEL_SV,
    )
    parties: list[Party] = required(
        "The parties (parter).",
        [
            {"id": "eslov", "name": "Eslövs kommun", "type": "municipality"},
            {"id": "polisen", "name": "Polisen", "type": "police"},
        ],
        min_length=1,
        sv="parter",
    )
    background: Markdown | None = field(
        "Background (bakgrund).",
        "För att nå framgång i arbetet med att minska brottsligheten krävs att samhällets alla aktörer samarbetar.",
        sv="bakgrund",
    )
    purpose: Markdown | None = field(
        "Purpose (syfte).", "Överenskommelsen anger ramarna och formerna för samverkan och kontinuerlig dialog.",
        sv="syfte",
    )
    sections: list[Section] = field(
        "Free sections (avsnitt) under the document's own headings, with sub-sections.",
        [
            {
                "title": "Inriktning",
                "text": "Det brottsförebyggande arbetet ska ske på samhälls-, grupp- och individnivå.",
            }
        ],
        default_factory=list,
        sv=("avsnitt", "kapitel"),
    )
    goals: list[Goal] = field(
        "Overall goals of the document (övergripande mål, inriktningsmål).",
        [{"kind": "overall", "text": "Alla Malmöbor ska känna sig trygga i sin stad."}],
        default_factory=list,
        sv=("mål", "övergripande mål", "inriktningsmål"),
    )
    indicators: list[Indicator] = field(
        "Indicators of the document as a whole.",
        [{"name": "Andel som känner sig trygga", "source": "Polisens trygghetsmätning"}],
        default_factory=list,
        sv=("indikatorer", "mått"),
    )
    organisation: Organisation | None = field(
        "Organisation of the joint work (organisation).",
        {"bodies": [{"name": "Styrgruppen", "kind": "steering-group", "meets": "minst tre gånger per termin"}]},
        sv=("organisation", "ledning och styrning"),
    )
    working_model: WorkingModel | None = field(
        "The working model in steps (samverkansmodell).",
        {
            "title": "Samverkansmodellen",
            "steps": [{"title": "Gemensam lägesbild baserad på underrättelser och omvärldsorienteringen."}],
        },
        sv=("samverkansmodell", "arbetsmodell", "arbetssätt"),
    )
    follow_up: FollowUp | None = field(
        "Default follow-up of every action (uppföljning), and to whom it is reported.",
        {"every": "year", "reported_to": "Rådet för hälsa och trygghet"},
        sv="uppföljning",
    )
    promises: list[Promise] = field(
        "Citizen promises (medborgarlöften).",
        [{"text": "Polisen lovar att vara synlig i centrum fredags- och lördagskvällar.", "owner": "polisen"}],
        default_factory=list,
        sv=("medborgarlöften", "löften"),
    )
    signatures: list[Signature] = field(
        "Signatures (underskrifter).",
        [
            {
                "party": "eslov",
                "name": "Johan Andersson",
                "title": "Kommunstyrelsens ordförande",
                "place": "Eslöv",
                "date": "2015-11-26",
            }
        ],
        default_factory=list,
        sv=("underskrifter", "signaturer"),
    )
    references: list[Reference] = field(
        "Referenced documents (referenser).",
        [{"title": "Malmö stads budget 2010 Hållbar stad"}],
        default_factory=list,
        sv=("referenser", "underlag", "källor"),
    )
    glossary: list[Term] = field(
        "Terms and abbreviations (ordlista).",
        [{"term": "LOB", "definition": "Lagen om omhändertagande av berusade personer."}],
        default_factory=list,
        sv=("ordlista", "förkortningar", "begrepp"),
    )

    def area_places(self) -> list[tuple[Area, YamlPath]]:
        """Every area with the data path it is written at, in reading order; a kind with areas says
        where they are (and has `areas`, the same areas as a list)."""
        return []

    def has_part(self, key: str) -> bool:
        """Whether the document writes part `key` (a value, or a list with something in it)."""
        if key == "focus_areas":
            return bool(getattr(self, "focus_areas", None) or getattr(self, "focus_area_groups", None))
        value = getattr(self, key, None)
        return bool(value) if isinstance(value, list) else value is not None

    def all_sections(self) -> Iterator[tuple[Section, YamlPath]]:
        """Every free section, sub-sections too, with its data path."""
        return nested(self.sections, "sections")
