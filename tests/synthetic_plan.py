"""A long synthetic action plan (about forty printed pages) for the pagination and accessibility tests.

The examples are short and their actions print as sections, so they never put a long
table, a member list or the signatures across a page boundary. This plan has what a
large municipality's plan has, in quantity: many areas with long and short action
tables (actions with their own goal, owner and follow-up and no description print as
a table, see `ActionList` in the view model), actions that print as sections, headings
at every level (parts, areas, groups, actions, and headings inside descriptions),
bodies with lists of members, a reporting table, signatures with lines to sign on, links
in the text and among the references, and a glossary with terms longer than their column.

Text is made from a fixed vocabulary with a seeded random generator, so the plan (and
therefore where its page breaks fall) is the same on every run; paragraph lengths vary
so that tables, lists and headings meet page ends in many different ways.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

SEED = 2025
DOCUMENT_ID = "syntetisk-plan"
TITLE = "Handlingsplan för trygghet och brottsförebyggande arbete i Storby kommun 2025"

WORDS = (
    "trygghet samverkan kommunen polisen förvaltningen arbetet lägesbilden åtgärderna ungdomar boende "
    "centrum stationen skolan fritidsgården socialtjänsten räddningstjänsten bostadsbolaget föreningar "
    "näringsidkare kvällstid helger belysning uppföljning insatser dialog medborgare området stadsdelen "
    "brottsligheten skadegörelse inbrott narkotika alkohol våld relationer förebyggande långsiktigt "
    "gemensamt systematiskt kunskapsbaserat särskilt tydligt regelbundet tillsammans därför också "
    "ska kan bör har är blir genom inom mellan under efter enligt utifrån med och för av på i till"
).split()

# Action-table lengths, in rows below the header: around the short-table limit (eight) and
# well beyond it, so that tables meet page ends both ways.
TABLE_ROWS = (3, 9, 30, 8, 14, 5, 22, 12, 7, 18, 11, 26, 4, 16, 10, 20, 6, 9)
AREAS = 15

PARTIES = [
    {"id": "kommun", "name": "Storby kommun", "type": "municipality", "units": [
        {"id": "klk", "name": "Kommunledningskontoret"},
        {"id": "social", "name": "Socialförvaltningen"},
        {"id": "skola", "name": "Barn- och utbildningsförvaltningen"},
        {"id": "fritid", "name": "Kultur- och fritidsförvaltningen"},
        {"id": "gata", "name": "Gata, trafik, park inom Samhällsbyggnadsförvaltningen"},
    ]},
    {"id": "polisen", "name": "Lokalpolisområde Storby", "short_name": "Polisen", "type": "police"},
    {"id": "region", "name": "Region Storlän", "type": "region"},
    {"id": "bostad", "name": "Storbyhem AB", "type": "other"},
]
OWNERS = ("kommun/klk", "kommun/social", "kommun/skola", "kommun/fritid", "kommun/gata", "polisen", "region",
          "bostad", ["polisen", "kommun/fritid"], ["kommun/social", "region"])

# Terms longer than the glossary's term column, some as one unbroken word: they must wrap
# within the column, never run over the definition beside it.
GLOSSARY = (
    ("BRÅ", "Brottsförebyggande rådet."),
    ("Samverkansöverenskommelseuppföljningsansvarig", "Den som ansvarar för att överenskommelsen följs upp."),
    ("Trygghetsundersökningsresultatsammanställning",
     "Den årliga sammanställningen av trygghetsundersökningens resultat per stadsdel."),
    ("Lokal lägesbild för brottsförebyggande och trygghetsskapande arbete",
     "En gemensam beskrivning av brottsligheten och tryggheten i kommunen, som polisen och kommunen tar "
     "fram tillsammans varje år."),
    ("SSPF", "Samverkan mellan skola, socialtjänst, polis och fritid kring unga i riskzon."),
    ("Medborgarlöfte", "Ett löfte från polisen och kommunen till medborgarna om en konkret insats."),
    ("LVU-placeringsuppföljningsrutinerna", "Rutinerna för att följa upp placeringar enligt LVU."),
)


class Writer:
    """Deterministic Swedish-looking text of varied length."""

    def __init__(self, seed: int = SEED) -> None:
        self.random = random.Random(seed)

    def sentence(self, low: int = 6, high: int = 16) -> str:
        words = [self.random.choice(WORDS) for _ in range(self.random.randint(low, high))]
        return " ".join(words).capitalize() + "."

    def paragraph(self, low: int = 2, high: int = 6) -> str:
        return " ".join(self.sentence() for _ in range(self.random.randint(low, high)))

    def text(self, paragraphs: int) -> str:
        return "\n\n".join(self.paragraph() for _ in range(paragraphs))

    def title(self, low: int = 3, high: int = 8) -> str:
        return self.sentence(low, high).rstrip(".")

    def pick(self, options: tuple | list):  # type: ignore[no-untyped-def]
        return self.random.choice(options)


def tabled_actions(writer: Writer, area: int, rows: int) -> list[dict[str, object]]:
    """Actions with their own goal, owner and follow-up and no description: a table of `rows` rows."""
    return [{"id": f"a{area}-{row}", "title": writer.title(), "goal": writer.sentence(3, 9),
             "owner": writer.pick(OWNERS), "follow_up": f"2025-{writer.random.randint(3, 12):02d}-28"}
            for row in range(rows)]


def described_actions(writer: Writer, area: int, count: int) -> list[dict[str, object]]:
    """Actions with descriptions: each a section under its own heading; some descriptions have
    headings of their own, one level further down."""
    actions: list[dict[str, object]] = []
    for number in range(count):
        description = writer.text(writer.random.randint(1, 3))
        if number % 2 == 0:
            description += f"\n\n## {writer.title(2, 4)}\n\n{writer.paragraph(1, 3)}"
        actions.append({"id": f"d{area}-{number}", "title": writer.title(), "description": description,
                        "goal": writer.sentence(), "owner": writer.pick(OWNERS), "status": "planned"})
    return actions


def area(writer: Writer, number: int) -> dict[str, object]:
    """One priority area: text, goals, an action table, and every third area groups per party."""
    found: dict[str, object] = {
        "id": f"omrade-{number}", "title": f"Område {number}: {writer.title(2, 5)}",
        "description": writer.text(writer.random.randint(1, 3)),
        "target_group": writer.title(2, 4),
        "goals": [{"id": f"mal-{number}", "kind": "effect", "text": writer.sentence(),
                   "indicators": [{"name": writer.title(2, 4), "source": "Trygghetsmätningen", "baseline": "42 %",
                                   "target": "60 %"}]}],
        "actions": tabled_actions(writer, number, TABLE_ROWS[number % len(TABLE_ROWS)]),
    }
    if number % 3 == 0:
        found["by_party"] = [
            {"party": "polisen", "actions": described_actions(writer, number, 2)},
            {"party": "kommun/social", "title": "Socialförvaltningen", "actions": tabled_actions(
                writer, 100 + number, TABLE_ROWS[(number + 5) % len(TABLE_ROWS)])},
        ]
    if number % 4 == 1:
        found["notes"] = writer.paragraph(1, 2)
    return found


def body(writer: Writer, number: int, members: int, children: list[dict[str, object]]) -> dict[str, object]:
    """A body with a list of members, which stays whole on one page."""
    return {
        "id": f"grupp-{number}", "name": f"Grupp {number}", "title": f"Arbetsgrupp {number}: {writer.title(2, 4)}",
        "description": writer.paragraph(1, 3),
        "members": [{"role": writer.title(2, 4), "name": f"Person {number}-{member}",
                     "party": writer.pick(("kommun/klk", "kommun/social", "polisen", "region", "bostad")),
                     **({"convener": True} if member == 0 else {})} for member in range(members)],
        "meets": "fyra gånger per år",
        "bodies": children,
    }


def sections(writer: Writer) -> list[dict[str, object]]:
    """Free sections nested three deep, with Markdown headings inside."""
    return [{
        "id": f"avsnitt-{number}", "title": writer.title(2, 5), "text": writer.text(2),
        "sections": [{"title": writer.title(2, 5), "text": writer.text(2) + f"\n\n## {writer.title(2, 4)}\n\n"
                      + writer.paragraph(),
                      "sections": [{"title": writer.title(2, 5), "text": writer.text(1)}]}
                     for _ in range(2)],
    } for number in range(2)]


def plan(seed: int = SEED) -> dict[str, object]:
    """The synthetic plan as data (what the YAML file holds)."""
    writer = Writer(seed)
    return {
        "kind": "action-plan", "schema": 1, "id": DOCUMENT_ID, "title": TITLE, "language": "sv",
        "period": {"start": "2025-01-01", "end": "2025-12-31"}, "status": "adopted",
        "decision": {"body": "Kommunstyrelsen", "date": "2025-02-10", "section": "§ 17"},
        "registration": {"kommun": "KS 2025/101", "polisen": "A555.123/2025"},
        "document_owner": "Trygghetssamordnaren",
        "parties": PARTIES,
        "background": writer.text(3) + "\n\nLäs mer i [Brottsförebyggande rådets handbok om lokal lägesbild]"
                      "(https://bra.se/forebygga-brott/lagesbild.html). " + writer.paragraph(),
        "sections": sections(writer),
        "organisation": {
            "description": writer.paragraph(),
            "bodies": [
                body(writer, 1, 9, [body(writer, 2, 14, []), body(writer, 3, 5, [])]),
                body(writer, 4, 12, [body(writer, 5, 7, [])]),
                body(writer, 6, 16, []),
            ],
        },
        "follow_up": {
            "months": [4, 8, 12], "reported_to": "Kommunstyrelsen",
            "reporting": [{"what": writer.title(), "when": "Årligen i mars", "to": "Kommunstyrelsen",
                           "by": "Trygghetssamordnaren"} for _ in range(6)],
        },
        "areas": [area(writer, number) for number in range(1, AREAS + 1)],
        "signatures": [
            {"party": "kommun", "name": "Anna Andersson", "title": "Kommunstyrelsens ordförande", "place": "Storby",
             "date": "2025-02-12"},
            {"party": "polisen", "name": "Bo Berg", "title": "Lokalpolisområdeschef", "place": "Storby",
             "lines": True},
            {"party": "region", "lines": True},
            {"party": "bostad", "name": "Cilla Carlsson", "title": "Vd", "place": "Storby", "date": "2025-02-14"},
        ],
        "references": [
            {"title": "Nationellt brottsförebyggande program", "url": "https://www.regeringen.se/brottsforebyggande",
             "note": "Regeringens program för det brottsförebyggande arbetet."},
            {"title": "Polisens medborgarlöften", "url": "https://polisen.se/medborgarloften"},
        ],
        "glossary": [{"term": term, "definition": definition} for term, definition in GLOSSARY],
    }


def write_plan(folder: Path, seed: int = SEED) -> Path:
    """Write the plan as YAML (JSON is YAML) into `folder`; the file's path."""
    path = folder / f"{DOCUMENT_ID}.yaml"
    path.write_text(json.dumps(plan(seed), ensure_ascii=False, indent=1), encoding="utf-8")
    return path
