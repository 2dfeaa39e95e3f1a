"""Generate the benchmark corpus: valid agreements of about 20 KB each, shaped like the examples.

Each file has parties with units, four focus areas with several actions (description,
goal, owner, follow-up), citizen promises, an organisation and signatures, in Swedish.
The output depends only on the seed, so runs on different machines compare the same
input.

    python bench/corpus.py [--count 1000] [--out bench/corpus] [--seed 2015]
"""

from __future__ import annotations

import argparse
import random
import shutil
import textwrap
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_OUT = HERE / "corpus"
DEFAULT_COUNT = 1000
DEFAULT_SEED = 2015
TARGET_BYTES = 20_000

MUNICIPALITIES = [
    ("eslov", "Eslövs kommun", "Eslöv"), ("ljusdal", "Ljusdals kommun", "Ljusdal"),
    ("malmo", "Malmö stad", "Malmö"), ("hoor", "Höörs kommun", "Höör"),
    ("orebro", "Örebro kommun", "Örebro"), ("vasteras", "Västerås stad", "Västerås"),
    ("angelholm", "Ängelholms kommun", "Ängelholm"), ("skovde", "Skövde kommun", "Skövde"),
]
UNITS = [
    ("gtp", "Gata, trafik, park inom Miljö och samhällsbyggnad"),
    ("kultur-fritid", "Kultur och fritid"),
    ("tillvaxt", "Tillväxtavdelningen på kommunledningskontoret"),
    ("resursavdelningen", "Resursavdelningen inom Barn och utbildning"),
    ("socialtjanst", "Socialtjänsten inom Vård och omsorg"),
    ("grundskolan", "Grundskolan inom Barn och utbildning"),
]
AREAS = [
    ("offentlig-miljo", "Trygghet i offentlig miljö"),
    ("tidig-upptackt", "Tidig upptäckt av barn och unga vuxna i riskmiljöer"),
    ("vald-nara-relationer", "Våld i nära relationer"),
    ("alkohol-drog", "Alkohol- och drogförebyggande arbete"),
]
ACTION_TITLES = [
    "Trygghetsvandringar i bostadsområden", "Förbättrad belysning i gångtunnlar",
    "Samverkan skola, socialtjänst och polis", "Föräldravandringar helger",
    "Krogar mot knark", "Stöd till barn som bevittnat våld", "Tobakstillsyn på skolområden",
    "Medling mellan brottsoffer och gärningsman", "Lägesbild varje månad",
    "Kulturutbud i ytterområden", "Bekymmerssamtal med unga", "Riskhelger med extra närvaro",
]
WORDS = (
    "arbetet trygghet samverkan kommunen polisen ungdomar skolan fritidsgårdar brottslighet "
    "förebyggande åtgärder insatser uppföljning lägesbild medborgare bostadsområden belysning "
    "socialtjänsten föräldrar nattvandring alkohol droger våld relationer stöd utveckling "
    "genomförs tillsammans regelbundet långsiktigt systematiskt ökad minskad upplevd "
    "otrygghet centrum helger kvällar verksamheter ansvar rutiner information kunskap"
).split()


def sentence(rng: random.Random) -> str:
    """One Swedish-looking sentence: common domain words in a random order."""
    words = [rng.choice(WORDS) for _ in range(rng.randint(8, 16))]
    return " ".join(words).capitalize() + "."


def paragraph(rng: random.Random, sentences: int, indent: int) -> str:
    """A block scalar body (`|`), wrapped at 88 columns and indented for its key."""
    text = " ".join(sentence(rng) for _ in range(sentences))
    return textwrap.indent(textwrap.fill(text, 88 - indent), " " * indent)


def _action(rng: random.Random, number: int, owners: list[str], start: int, end: int) -> str:
    title = rng.choice(ACTION_TITLES)
    owner = rng.choice(owners)
    if rng.random() < 0.2:
        owner = "[" + ", ".join(sorted(set(rng.sample(owners, 2)))) + "]"
    follow_up = rng.choice([
        "{every: year}", "{every: quarter}", "{months: [4, 8, 12]}",
        f"{rng.randint(start, end)}-12-31", f"[{start}-06-30, {end}-06-30]",
    ])
    status = rng.choice(["planned", "ongoing", "done", "possible"])
    return (
        f"      - id: atgard-{number}\n"
        f"        title: {title} {number}\n"
        f"        description: |\n{paragraph(rng, rng.randint(2, 4), 10)}\n"
        f"        goal: {sentence(rng)}\n"
        f"        owner: {owner}\n"
        f"        status: {status}\n"
        f"        follow_up: {follow_up}\n"
    )


def agreement(index: int, seed: int) -> str:
    """The YAML text of agreement number `index`; the same for the same (index, seed)."""
    rng = random.Random(seed * 100_003 + index)
    party_id, party_name, place = rng.choice(MUNICIPALITIES)
    start = rng.randint(2011, 2020)
    end = start + rng.randint(1, 3)
    units = rng.sample(UNITS, 4)
    owners = [f"{party_id}/{unit}" for unit, _ in units] + ["polisen"]
    out = [
        "kind: agreement\nschema: 1\n",
        f"id: {party_id}-{start}-{end}-{index}\n",
        f"title: Samverkansöverenskommelse mellan polisen och {party_name} {start}–{end}\n",
        "language: sv\n",
        f"period: {{start: {start}-01-01, end: {end}-12-31}}\n",
        "status: adopted\n",
        f"decision: {{body: Kommunstyrelsen, date: {start - 1}-11-26, section: \"§ {rng.randint(1, 300)}\"}}\n",
        f"registration: {{{party_id}: \"KS {start - 1}/{rng.randint(100, 999)}\"}}\n",
        "parties:\n",
        f"  - id: {party_id}\n    name: {party_name}\n    type: municipality\n    units:\n",
        *(f"      - {{id: {unit}, name: \"{name}\"}}\n" for unit, name in units),
        f"  - {{id: polisen, name: Lokalpolisområde {place}, type: police}}\n",
        f"background: |\n{paragraph(rng, 5, 2)}\n",
        f"purpose: |\n{paragraph(rng, 4, 2)}\n",
        "goals:\n",
        f"  - {{id: tryggare, kind: overall, text: {sentence(rng)}}}\n",
        "organisation:\n  bodies:\n",
        "    - id: styrgrupp\n      name: Styrgruppen\n      kind: steering-group\n",
        f"      meets: minst fyra gånger per år\n      members:\n",
        f"        - {{role: Kommundirektör, party: {party_id}, convener: true}}\n",
        "        - {role: Lokalpolisområdeschef, party: polisen}\n",
        "follow_up:\n  every: year\n  reported_to: Brottsförebyggande rådet\n",
        "focus_areas:\n",
    ]
    number = 0
    for area_id, area_title in AREAS:
        out.append(f"  - id: {area_id}\n    title: {area_title}\n")
        out.append(f"    description: |\n{paragraph(rng, 3, 6)}\n")
        out.append(f"    goals:\n      - {{kind: effect, text: {sentence(rng)}}}\n    actions:\n")
        for _ in range(5):
            number += 1
            out.append(_action(rng, number, owners, start, end))
    out.append("promises:\n")
    out.extend(f"  - {{id: lofte-{p}, text: \"Polisen lovar att {sentence(rng).lower()}\", owner: polisen}}\n"
               for p in range(1, 4))
    out.append("signatures:\n")
    for party, title in ((party_id, "Kommunstyrelsens ordförande"), ("polisen", "Lokalpolisområdeschef")):
        out.append(f"  - {{party: {party}, name: Anna Andersson, title: {title}, place: {place}, "
                   f"date: {start - 1}-11-26}}\n")
    text = "".join(out)
    while len(text.encode()) < TARGET_BYTES:  # pad with background text up to the target size
        text += f"sections:\n  - title: Bakgrund\n    text: |\n{paragraph(rng, 10, 6)}\n" if "sections:" not in text \
            else f"  - title: Lägesbild\n    text: |\n{paragraph(rng, 10, 6)}\n"
    return text


def generate(out: Path = DEFAULT_OUT, count: int = DEFAULT_COUNT, seed: int = DEFAULT_SEED) -> list[Path]:
    """Write `count` agreements into `out` (emptied first) and return their paths."""
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    paths = []
    for index in range(count):
        path = out / f"agreement-{index:04d}.yaml"
        path.write_text(agreement(index, seed), encoding="utf-8")
        paths.append(path)
    (out / ".seed").write_text(f"{count} {seed}\n", encoding="utf-8")
    return paths


def is_current(out: Path = DEFAULT_OUT, count: int = DEFAULT_COUNT, seed: int = DEFAULT_SEED) -> bool:
    """Whether `out` already holds the corpus for this count and seed."""
    marker = out / ".seed"
    return marker.is_file() and marker.read_text(encoding="utf-8").split() == [str(count), str(seed)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=DEFAULT_COUNT)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = parser.parse_args()
    paths = generate(args.out, args.count, args.seed)
    size = sum(path.stat().st_size for path in paths)
    print(f"wrote {len(paths)} agreements ({size / 1e6:.1f} MB) to {args.out}")


if __name__ == "__main__":
    main()
