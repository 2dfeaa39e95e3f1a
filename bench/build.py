"""Benchmark of `agreement build`: against the bare pandoc and typst calls, across cores, and no-op.

    python bench/build.py          (also run by `make bench`)

Corpus: 50 documents, copies of the examples with their own ids. Figures, each
a ratio of two wall times measured in this run (the machine is shared and noisy,
so absolute times say little; the build and its baseline are measured in
alternating rounds, best of each kept, and their CPU times are shown too, which
other load on the machine disturbs far less):

1. `agreement build --jobs 1` of the 50 to html, docx and pdf, against the bare
   calls on the same Markdown one after another: for each document pandoc to
   docx, to HTML and to typst (with the same options, filter and templates) and
   typst to PDF. Target: at most 1.3.
2. the same 50 with `--jobs 2` against `--jobs 1`.
3. a second, no-op build of the same 50 against the first.
4. the wall time of building one example from the command line, and its ratio
   to the bare calls for that example.
"""

from __future__ import annotations

import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
OUT = Path(__file__).resolve().parent / "out" / "build"
AGREEMENT = str(Path(sys.executable).with_name("agreement"))
COPIES = 50
ROUNDS = 2
TARGET = 1.3


def make_corpus(folder: Path, count: int = COPIES) -> list[Path]:
    """`count` documents: the examples in turn, each with an id of its own."""
    sources = sorted(EXAMPLES.glob("*/*.yaml"))
    if not sources:
        raise SystemExit("no examples to copy in examples/")
    folder.mkdir(parents=True, exist_ok=True)
    made = []
    for number in range(count):
        source = sources[number % len(sources)]
        text = source.read_text(encoding="utf-8")
        text = re.sub(r"^id: (\S+)", rf"id: \g<1>-{number:03d}", text, count=1, flags=re.MULTILINE)
        target = folder / f"{source.parent.name}-{number:03d}.yaml"
        target.write_text(text, encoding="utf-8")
        made.append(target)
    return made


def cpu_seconds() -> float:
    """CPU time of this process and every child it has waited for (pandoc, typst, agreement)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def timed(command: list[str]) -> tuple[float, float]:
    """Wall and CPU time of a command; it must succeed."""
    start, cpu = time.perf_counter(), cpu_seconds()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start, cpu_seconds() - cpu
    if done.returncode != 0:
        raise SystemExit(f"`{' '.join(command)}` failed ({done.returncode}):\n{done.stderr[-2000:]}")
    return elapsed


def build(corpus: Path, out: Path, jobs: int, force: bool = True) -> tuple[float, float]:
    # Without LibreOffice's page numbers: the bare calls have no counterpart to them.
    return timed([AGREEMENT, "build", str(corpus), "--to", "html,docx,pdf", "--out", str(out), "--no-page-numbers",
                  "--jobs", str(jobs), *(["--force"] if force else [])])


def bare_calls(documents: list[Path], markdown_dir: Path) -> tuple[float, float]:
    """pandoc x3 and typst for every document, one after another, on the Markdown the build made."""
    from agreement.render.build import pandoc_metadata, typst_inputs, build_date
    from agreement.render.pandoc import arguments, environment
    from agreement.render.template_folders import TemplateSet
    from agreement.render.typst_pdf import compile_pdf
    from agreement.render.viewmodel import build_view
    from agreement.render.wording import Wording
    from agreement.validation import check_file

    templates = TemplateSet()
    prepared = []
    with tempfile.TemporaryDirectory(prefix="agreement-bench-") as name:
        scratch = Path(name)
        for index, path in enumerate(documents):  # untimed: what the calls need
            document = check_file(path).document
            assert document is not None
            view = build_view(document, Wording(templates.labels(document.language)), document.language)
            metadata = scratch / f"{index}.json"
            metadata.write_text(pandoc_metadata(view).dump(), encoding="utf-8")
            commands = [arguments(target, templates, metadata)
                        + [f"--output={scratch / f'{index}.{target}'}", str(markdown_dir / f"{document.id}.md")]
                        for target in ("docx", "html", "typst")]
            prepared.append((index, commands, typst_inputs(view), build_date(view, None)))
        env = environment(0)
        start, cpu = time.perf_counter(), cpu_seconds()
        for index, commands, inputs, date in prepared:
            for command in commands:
                subprocess.run(command, check=True, env=env, capture_output=True)
            compile_pdf((scratch / f"{index}.typst").read_bytes(), templates, inputs, date)
        return time.perf_counter() - start, cpu_seconds() - cpu


def best(pairs: list[tuple[float, float]]) -> tuple[float, float]:
    """The fastest wall time of some runs, and the least CPU time."""
    return min(wall for wall, _ in pairs), min(cpu for _, cpu in pairs)


def measure() -> dict[str, tuple[float, float]]:
    """Wall and CPU seconds of each case."""
    if OUT.exists():
        shutil.rmtree(OUT)
    corpus = OUT / "corpus"
    documents = make_corpus(corpus)
    markdown = OUT / "markdown"
    timed([AGREEMENT, "build", str(corpus), "--to", "md", "--out", str(markdown)])
    bare, jobs1 = [], []
    for _ in range(ROUNDS):  # alternating, so a burst of other load hits both
        bare.append(bare_calls(documents, markdown))
        jobs1.append(build(corpus, OUT / "jobs1", jobs=1))
    figures = {"documents": (float(len(documents)), 0.0), "bare": best(bare), "jobs1": best(jobs1)}
    figures["noop"] = build(corpus, OUT / "jobs1", jobs=1, force=False)
    figures["jobs2"] = best([build(corpus, OUT / "jobs2", jobs=2) for _ in range(ROUNDS)])
    one = (sorted(EXAMPLES.glob("eslov*/*.yaml")) or sorted(EXAMPLES.glob("*/*.yaml")))[0]
    one_markdown = markdown_for(one)
    singles, single_bare = [], []
    for _ in range(3):
        singles.append(build(one, OUT / "one", jobs=1))
        single_bare.append(bare_calls([one], one_markdown))
    figures["one"], figures["one_bare"] = best(singles), best(single_bare)
    return figures


def markdown_for(source: Path) -> Path:
    folder = OUT / "markdown-one"
    timed([AGREEMENT, "build", str(source), "--to", "md", "--out", str(folder)])
    return folder


def report(figures: dict[str, tuple[float, float]]) -> tuple[str, str | None]:
    """The figures as a table, and a problem when the build misses its target."""
    n = int(figures["documents"][0])

    def row(label: str, case: str, against: str, what: str) -> str:
        (wall, cpu), (base_wall, base_cpu) = figures[case], figures[against]
        return (f"  {label:<44}{wall:7.2f} s {wall / base_wall:6.2f}x {what:<16} "
                f"(CPU {cpu:6.2f} s, {cpu / base_cpu:5.2f}x)")

    bare_wall, bare_cpu = figures["bare"]
    ratio = figures["jobs1"][0] / bare_wall
    lines = [
        f"build benchmark ({n} documents, html + docx + pdf; best of {ROUNDS} alternating rounds)",
        f"  {'bare pandoc x3 + typst, one after another':<44}{bare_wall:7.2f} s {'':<25}(CPU {bare_cpu:6.2f} s)",
        row("agreement build --jobs 1", "jobs1", "bare", f"bare (<= {TARGET})"),
        row("agreement build --jobs 2", "jobs2", "jobs1", "--jobs 1"),
        row("second build, nothing changed", "noop", "jobs1", "first build"),
        row("one example from the command line", "one", "one_bare", "its bare calls"),
    ]
    problem = f"agreement build is {ratio:.2f}x the bare calls (target {TARGET})" if ratio > TARGET else None
    return "\n".join(lines), problem


def main() -> None:
    text, problem = report(measure())
    print(text)
    if problem:
        print(f"  FAIL: {problem}")


if __name__ == "__main__":
    main()
