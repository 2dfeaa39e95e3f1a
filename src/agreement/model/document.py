"""What every document has, whatever its kind: header, decision metadata, parties,
text sections, goals, organisation, follow-up, promises, signatures and glossary."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from .actions import Action, Promise
from .base import Id, Markdown, Model, PartyRef, Terms, Text, field, required
from .follow_up import FollowUp, FollowUpSpec
from .goals import Goal, Indicator
from .organisation import Organisation, WorkingModel
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


class Period(Model):
    """The period the document is valid for (giltighetsperiod)."""

    start: dt.date = required("First day (från och med).", "2015-01-01", sv=("från och med", "startdatum", "början"))
    end: dt.date = required("Last day (till och med).", "2018-12-31", sv=("till och med", "slutdatum", "slut"))


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
    """A section of free text that the document has under its own heading."""

    id: Id | None = field("Key of the section.", "inriktning", sv=("id", "nyckel"))
    title: Text = required("Heading of the section.", "Inriktning", sv=("rubrik", "titel"))
    text: Markdown = required(
        "The text of the section.", "Det brottsförebyggande arbetet ska ske på samhälls-, grupp- och individnivå.",
        sv=("text", "brödtext"),
    )


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


class Area(Model):
    """What focus areas and plan areas share: problem, goals, indicators and actions."""

    id: Id = required("Key of the area.", "offentlig-miljo", sv=("id", "nyckel"))
    title: Text = required("Heading of the area.", "Trygghet i offentlig miljö", sv=("rubrik", "titel"))
    description: Markdown | None = field(
        "Problem description and background (problembeskrivning).",
        "Barn som bevittnar våld riskerar ett långvarigt utanförskap om de inte får hjälp.",
        sv=("problembeskrivning", "beskrivning"),
    )
    target_group: Text | None = field("Who the work is aimed at (målgrupp).", "Barn och ungdomar", sv="målgrupp")
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

    def all_actions(self) -> list[tuple[Action, PartyActions | None]]:
        """Every action of the area, with the party group it was written in (if any)."""
        found: list[tuple[Action, PartyActions | None]] = [(action, None) for action in self.actions]
        for group in self.by_party:
            found.extend((action, group) for action in group.actions)
        return found


class Document(Model):
    """The header and sections every kind of document has."""

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
    period: Period = required(
        "Period the document covers (period).", {"start": "2015-01-01", "end": "2018-12-31"},
        sv=("period", "giltighetsperiod"),
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
        "Further text sections under their own headings.",
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
