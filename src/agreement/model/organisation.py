"""How the parties organise the work: bodies (styrgrupp, arbetsgrupp) and the working model."""

from __future__ import annotations

from typing import Iterator, Literal

from ..diagnostics import YamlPath
from .base import Id, Markdown, Model, PartyRef, Terms, Text, field, nested, required

BodyKind = Literal["steering-group", "working-group", "council", "network", "other"]
BODY_KIND_SV: dict[str, Terms] = {
    "steering-group": ("styrgrupp", "ledningsgrupp"),
    "working-group": "arbetsgrupp",
    "council": "råd",
    "network": "nätverk",
    "other": ("annan", "övrig"),
}


class Member(Model):
    """A member of a body, by role and party, optionally by name."""

    role: Text | None = field(
        "Role or position (funktion, titel).", "Chefen för Polisområde Malmö",
        sv=("roll", "funktion", "befattning"),
    )
    name: Text | None = field("Name of the person, when the document names one.", "Johan Olsson", sv="namn")
    party: PartyRef | None = field("Party or unit the member represents.", "malmo", sv=("part", "representerar"))
    organisation: Text | None = field(
        "Organisation the member represents when it is not a party of the document (organisation).",
        "Räddningstjänsten Syd",
        sv=("organisation", "myndighet"),
    )
    note: Text | None = field(
        "What the document says of the member (anmärkning), printed as written after the name, "
        "role and whom the member represents, following a comma.", "som är sammankallande för gruppen",
        sv=("anmärkning", "not"),
    )
    convener: bool = field(
        "Whether the member convenes the body (sammankallande). Data, not printed: the document's "
        "own words for it go in `note`.", True, default=False,
        sv="sammankallande",
    )
    adjunct: bool = field(
        "Whether the member is co-opted rather than a full member (adjungerad). Data, not printed: "
        "the document's own words for it go in `note`.", True, default=False,
        sv="adjungerad",
    )


class Body(Model):
    """A body that leads or carries out the joint work (styrgrupp, arbetsgrupp, råd), with its members,
    its responsibilities and the bodies under it."""

    id: Id | None = field("Key of the body.", "styrgrupp", sv=("id", "nyckel"))
    name: Text = required("Name of the body (namn); not printed unless it is the title.", "Styrgruppen", sv="namn")
    title: Text | None = field("Heading the document gives the body (rubrik); left out, it has none.",
                               "Kommunstyrelsen", sv=("rubrik", "titel"))
    kind: BodyKind = field(
        "steering-group (styrgrupp), working-group (arbetsgrupp), council (råd), network (nätverk) or other.",
        "steering-group",
        default="other",
        sv=("typ", "slag"), sv_values=BODY_KIND_SV,
    )
    description: Markdown | None = field(
        "Mandate and tasks of the body (uppdrag).",
        "Gruppens uppgift är att skapa förutsättningar, leda, utveckla och följa upp det brottsförebyggande arbetet.",
        sv=("uppdrag", "beskrivning"),
    )
    members: list[Member] = field(
        "Members (ledamöter, representanter).",
        [{"role": "Chefen för Polisområde Malmö", "party": "polisen"}],
        default_factory=list,
        sv=("ledamöter", "medlemmar", "representanter", "deltagare", "sammansättning"),
    )
    meets: Text | None = field(
        "How often the body meets (mötesfrekvens), as written. Printed as a line of its own only when the "
        "body has no description or notes, which otherwise say it in the document's words.",
        "minst tre gånger per termin",
        sv=("mötesfrekvens", "möten", "sammanträden"),
    )
    notes: Markdown | None = field("Text after the list of members (noter).",
                                   "Arbetsgruppen sammanträder minst 4 gånger per termin.",
                                   sv=("noter", "anmärkningar", "fotnoter"))
    responsibilities: list[Text] = field(
        "What the body is responsible for (ansvar), one item each.",
        ["Leda och följa upp det brottsförebyggande arbetet"], default_factory=list,
        sv=("ansvar", "ansvarsområden", "arbetsuppgifter"))
    bodies: list["Body"] = field(
        "Bodies under this one (undergrupper).", [{"name": "Arbetsgruppen", "kind": "working-group"}],
        default_factory=list, sv=("undergrupper", "grupper", "organ"))


class Role(Model):
    """A named role that is not a body (roll): a coordinator, a contact person."""

    role: Text = required("The role (roll, funktion).", "Samordnare för brottsförebyggande arbete",
                          sv=("roll", "funktion", "befattning"))
    name: Text | None = field("Name of the person (namn).", "Cecilia Tegelberg", sv="namn")
    party: PartyRef | None = field("Party or unit the role belongs to.", "ljusdal/klk", sv="part")
    organisation: Text | None = field("Organisation, when it is not a party of the document (organisation).",
                                      "Räddningstjänsten Syd", sv=("organisation", "myndighet"))
    description: Markdown | None = field("What the role does (uppdrag).", "Samordnar det brottsförebyggande arbetet.",
                                         sv=("uppdrag", "beskrivning"))
    responsibilities: list[Text] = field("What the role is responsible for (ansvar).",
                                         ["Kalla till styrgruppens möten"], default_factory=list,
                                         sv=("ansvar", "ansvarsområden", "arbetsuppgifter"))


class Organisation(Model):
    """The organisation of the joint work (organisation, ledning och styrning)."""

    description: Markdown | None = field(
        "How the work is led, as the document states it.",
        "Parterna tillsätter representanter som ska ingå i en styrgrupp.",
        sv="beskrivning",
    )
    bodies: list[Body] = field(
        "Bodies that lead or carry out the work.",
        [{"name": "Arbetsgruppen", "kind": "working-group", "meets": "minst 4 gånger per termin"}],
        default_factory=list,
        sv=("organ", "grupper"),
    )
    roles: list[Role] = field(
        "Named roles that are not bodies (roller): coordinator, contact person.",
        [{"role": "Samordnare", "name": "Cecilia Tegelberg", "party": "ljusdal/klk"}], default_factory=list,
        sv=("roller", "funktioner"))

    def all_bodies(self) -> Iterator[tuple[Body, YamlPath]]:
        """Every body, those under others too, with its data path (relative to the organisation)."""
        return nested(self.bodies, "bodies")


class Step(Model):
    """One step of the working model (samverkansmodellens moment), with sub-steps if it has any."""

    title: Text = required(
        "The step (moment).", "Gemensam lägesbild baserad på underrättelser och omvärldsorienteringen.",
        sv=("moment", "rubrik", "steg"),
    )
    description: Markdown | None = field(
        "What the step involves.",
        "Alla insatser och aktiviteter som genomförs ska följas upp och resultatet ska utvärderas.",
        sv="beskrivning",
    )
    steps: list["Step"] = field("Sub-steps (delmoment), in order.", [{"title": "Inhämta polisens lägesbild"}],
                                default_factory=list, sv=("delmoment", "delsteg"))


class WorkingModel(Model):
    """The working model (samverkansmodell, arbetsmodell) in numbered steps."""

    title: Text | None = field(
        "Heading of the working model, as the document names it.", "Samverkansmodellen",
        sv=("rubrik", "titel"),
    )
    description: Markdown | None = field(
        "Introduction to the steps.", "Samverkansmodellen har en enkel uppbyggnad och innefattar följande moment:",
        sv=("beskrivning", "inledning"),
    )
    steps: list[Step] = field(
        "The steps, in order.",
        [{"title": "Underrättelseinhämtning/omvärldsorientering av Polisen och Malmö stad."}],
        default_factory=list,
        sv=("moment", "steg"),
    )
