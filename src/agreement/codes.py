"""Documentation of every validation code, shown by `agreement explain CODE`.

Codes are stable: a code is never reused for another meaning. `Y` codes are about
reading the file (YAML), `S` codes about its shape (the schema), `R` codes about
its consistency (references and dates). Lint rules have codes of their own.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Code:
    """A validation code and its documentation (Markdown)."""

    code: str
    name: str
    summary: str
    doc: str


def _code(code: str, name: str, summary: str, doc: str) -> Code:
    return Code(code, name, summary, doc.strip())


CODES: dict[str, Code] = {c.code: c for c in [
    _code("Y101", "unreadable-file", "The file cannot be read.", """
The path exists but cannot be opened or read (permissions, a folder named `.yaml`,
a broken link). `agreement` exits with status 2 for such input/output errors.
"""),
    _code("Y102", "file-too-large", "The file is larger than 5 MB or has more than 100,000 values.", """
A collaboration agreement or action plan is tens of kilobytes with a few thousand
values. Files over 5 MB are refused before they are parsed, and files with more
than 100,000 values (scalars, lists and mappings) while they are parsed, so that a
wrong path or a generated dump cannot exhaust memory. Split the document, or check
that the path is the one you meant.
"""),
    _code("Y103", "not-utf8", "The file is not valid UTF-8.", """
Documents are read as UTF-8 (with or without a byte-order mark). A file saved as
Windows-1252 or Latin-1 shows up here at its first `å`, `ä` or `ö`.

## Use instead
Save the file as UTF-8 in your editor, or convert it:
`iconv -f WINDOWS-1252 -t UTF-8 plan.yaml > plan-utf8.yaml`.
"""),
    _code("Y104", "binary-file", "The file is binary, not text.", """
The file contains a NUL byte, so it is not a text file: perhaps a Word document or
a PDF saved with a `.yaml` name.
"""),
    _code("Y105", "yaml-syntax", "The file is not valid YAML.", """
The YAML parser stopped at the position shown. Common causes: indentation with tabs,
an unclosed quote or bracket, a `:` inside an unquoted value, or a file that was cut
off. The message names what the parser expected.

## Example
```yaml
title: "Samverkansavtal 2015–2018
```

## Use instead
```yaml
title: "Samverkansavtal 2015–2018"
```
"""),
    _code("Y106", "duplicate-key", "A key appears twice in the same mapping.", """
YAML parsers differ on duplicate keys (most keep the last silently), so a duplicate
is always an error: one of the two values would be lost without a word.

## Example
```yaml
title: Handlingsplan 2014
title: Handlingsplan 2015
```
"""),
    _code("Y107", "alias-budget", "Aliases expand past the budget, or refer to themselves.", """
Anchors (`&name`) and aliases (`*name`) let YAML repeat a value. Nested aliases can
expand exponentially (the "billion laughs" attack), so all aliases in a file may
together expand to at most 10,000 values, and an alias may not refer to the
collection it is inside. Write repeated values out instead.
"""),
    _code("Y108", "too-deep", "The file nests deeper than 64 levels.", """
The document model is less than ten levels deep; deeper nesting is refused before it
can exhaust the parser's stack.
"""),
    _code("Y109", "unsupported-yaml", "The file uses a YAML feature documents do not need.", """
Refused: custom tags (`!foo`), mappings or lists used as keys, and several documents
(`---`) in one file. Each file holds one document written with plain keys and
values.
"""),
    _code("Y110", "empty-file", "The file holds no document.", """
The file is empty or contains only comments. A document starts with `kind:` and
`schema: 1`.
"""),
    _code("S201", "unknown-key", "A key the document model does not have (often a misspelling).", """
Unknown keys are errors, not silently dropped: a misspelt `folow_up` would otherwise
leave an action without a follow-up date and nobody would notice. The message
suggests the closest valid key.

Keys are English, but every key knows its Swedish term: a key written in Swedish
gets the English key, in any case, with or without å, ä and ö, and inflected
(`ordlista`, `Ordlistan`, `ordlistor`: "did you mean 'glossary'? (the English key
for ordlista)"; `ansvarig`: `owner`; `åtgärder`: `actions`). The JSON Schemas list
each key's terms as `x-swedish`.

## Example
```yaml
actions:
  - title: Trygghetsvandringar
    ownr: eslov/tillvaxt
```

## Use instead
```yaml
actions:
  - title: Trygghetsvandringar
    owner: eslov/tillvaxt
```
"""),
    _code("S202", "missing-key", "A required key is missing.", """
Some keys must always be present: a document's `kind`, `schema`, `id`, `title`,
`period` and `parties`; an action's `title`; a party's `id`, `name` and `type`.
The message names the key and where it is missing.
"""),
    _code("S203", "wrong-type", "A value has the wrong type (text where a list is expected, …).", """
The value is of another type than the key takes: for example a single text where a
list is expected, or a list where one text is expected.

## Example
```yaml
parties: Eslövs kommun
```

## Use instead
```yaml
parties:
  - {id: eslov, name: Eslövs kommun, type: municipality}
```
"""),
    _code("S204", "invalid-value", "A value is not one of the allowed values or has the wrong form.", """
The key takes one of a fixed set of values (a status, a party type, a goal kind), or
a value of a given form (an id of letters, digits, `-`, `_` and `.`; a month from 1
to 12). The message lists what is allowed and suggests the closest.

Values are English, but every fixed value knows its Swedish term: a value written
in Swedish gets the English value, in any case, with or without å, ä and ö, and
inflected (`pågående`, `Pågående` and `pagaende`: "did you mean 'ongoing'? (the
English value for pågående)"; `genomfört`: `done`; `kommun`: `municipality`;
`effektmål`: `effect`; `kvartalsvis`: `quarter`).

## Example
```yaml
status: pågående
```

## Use instead
```yaml
status: ongoing
```
"""),
    _code("S205", "invalid-date", "A date is not a valid date written YYYY-MM-DD.", """
Dates are ISO dates: `2015-11-26`. Swedish forms such as `26/11 2015` or
`26 november 2015` are written that way in the built documents, not in the YAML.

A date written YYYY-MM-DD that does not exist is named by its wrong part:
"2018-13-01: month 13 is not a month (1–12)" (with the date as meant when the
month and day are swapped), "2018-04-31: day 31 does not exist in April 2018",
"2018-02-29: 2018 is not a leap year". A date written another way (`26/11 2015`,
`26.11.2015`, `26 november 2015`, `1:a maj 2016`, a date with a time of day) gets
its ISO form as the hint: "write 2015-11-26". Day and month are read the Swedish
way, the day first.

## Example
```yaml
    follow_up: 26/11 2015
```

## Use instead
```yaml
    follow_up: 2015-11-26
```
"""),
    _code("S206", "unknown-kind", "The file's `kind` is missing or unknown.", """
Every document says what it is: `kind: agreement` (samverkansöverenskommelse) or
`kind: action-plan` (handlingsplan). When a folder is validated, YAML files without
a top-level `kind` key are skipped (and counted in the summary), unless they look like
a document that lost it: a key that is `kind` misspelt (`Kind:`, `knd:`, `kinds:`), a
key only documents have (`parties`, `focus_areas`, `areas`, `period`, `promises`,
`signatures`, `working_model`, `implements`) or `schema: 1`. Such a file is reported
here rather than silently left out. A file named on the command line must have one.

A kind written in Swedish gets the English one, in any case and inflected:
`kind: handlingsplan` gets "did you mean 'action-plan'? (the English kind for
handlingsplan)", `kind: Samverkansavtalet` gets `agreement`.

## Example
```yaml
kind: handlingsplan
```

## Use instead
```yaml
kind: action-plan
```
"""),
    _code("S207", "unsupported-schema", "The file's `schema` version is not supported.", """
`schema:` states the version of the file format, so that files written today can
still be read when the format changes. This version of `agreement` reads
`schema: 1`.
"""),
    _code("S208", "too-many-problems", "The file has more problems than are shown.", """
After 100 problems in one file the rest are counted, not shown. A file with that
many is usually not a document at all, or has one mistake that causes the others
(an indentation error that moves every action into the wrong place). Fix the first
problems and validate again.
"""),
    _code("S209", "text-limit", "A text is longer, or nested deeper, than any real document needs.", """
Text is held to limits that no agreement, plan or guideline reaches, because a few
shapes of input make the build take minutes and gigabytes: more than 250,000
characters of text in one document (about sixty pages), a plain-text value (a
title, a name, a goal) of more than 2,000 characters, a Markdown value (a
background, a description) of more than 50,000, a word of more than 500
characters without a space, and in Markdown: brackets `[` and `(` nested (or left
open) more than 8 deep within a paragraph, block quotes nested more than 8 deep,
a line indented more than 32 columns, a table row of more than 50 cells. The
message says which limit the value exceeds.

## Example
```yaml
background: |
  [[[[[[[[[[Bakgrund]]]]]]]]]]
```

## Use instead
```yaml
background: |
  Bakgrund
```
"""),
    _code("R301", "unknown-reference", "An owner, partner, signature party, registration key or member names no declared party or unit.", """
References name a declared party (`polisen`) or one of its units (`eslov/gtp`). A
reference to anything else is an error, with the closest declared name suggested.

References and dates (R301–R304) are checked in a file with schema errors too, on
the part of it that validates: a wrong owner is reported in the same run as a
misspelt key elsewhere. A reference to a party, unit or goal that is written in
the file but refused for a schema error of its own is not reported.

## Example
```yaml
parties:
  - id: eslov
    name: Eslövs kommun
    type: municipality
    units: [{id: gtp, name: "Gata, trafik, park"}]
focus_areas:
  - id: offentlig-miljo
    title: Trygghet i offentlig miljö
    actions:
      - title: Förbättra tryggheten i tunnlar
        owner: eslov/gata
```

## Use instead
```yaml
        owner: eslov/gtp
```
"""),
    _code("R302", "unknown-goal", "A `goal_ref` names no goal of its area or of the document.", """
An action or promise may serve a goal stated once on its area or on the document,
by naming that goal's `id` in `goal_ref`. The id must exist.
"""),
    _code("R303", "period-end-before-start", "The period ends before it starts.", """
## Example
```yaml
period: {start: 2018-12-31, end: 2015-01-01}
```

## Use instead
```yaml
period: {start: 2015-01-01, end: 2018-12-31}
```
"""),
    _code("R305", "unknown-outline-entry", "The outline names no part or section of the document, or one twice.", """
An `outline:` lists the parts to print, by key (`background`, `goals`, `focus_areas`, …)
or by a free section's `id`. Each entry must name a part the document has or a
top-level section, once. The message suggests the closest name.

## Example
```yaml
outline:
  - bakgrund
  - goals
goals: [{text: Ökad trygghet}]
background: Text.
```

## Use instead
```yaml
outline:
  - background: Bakgrund
  - goals
```
"""),
    _code("R304", "follow-up-outside-period", "A follow-up date lies outside the document's period.", """
A follow-up is a promise to check progress while the document is in force; a date
before the period starts or after it ends cannot be kept. Schedules (`every:`,
`months:`) only expand inside the period, so this concerns dates written out.

## Example
```yaml
period: {start: 2015-01-01, end: 2018-12-31}
...
    follow_up: 2019-06-30
```
"""),
    _code("R306", "unknown-document", "A follow-up file names a document that does not exist or does not validate.", """
A follow-up file (`kind: follow-up`) records the progress of one document, named by
its path relative to the follow-up file. The file must exist and be a valid
agreement or action plan, or no report in the follow-up file can be matched to an
action.

## Example
```yaml
kind: follow-up
schema: 1
document: handlingsplan.yaml
```

## Use instead
```yaml
kind: follow-up
schema: 1
document: action-plan.yaml
```
"""),
    _code("R307", "unknown-commitment", "A follow-up file reports on an id that no action or citizen promise of its document has.", """
Progress in a follow-up file is filed by the `id` of an action or citizen promise of
the document. An id that the document does not have (misspelt, or the action was
renamed) would be a report that counts for nothing, so it is an error, with the
closest id suggested. An id written on two items of the document is an error too:
the report could belong to either.

## Example
```yaml
progress:
  bekymmersamtel:
    - {date: 2014-04-30, rating: green}
```

## Use instead
```yaml
progress:
  bekymmersamtal:
    - {date: 2014-04-30, rating: green}
```
"""),
    _code("R308", "progress-outside-period", "A progress entry in a follow-up file is dated outside its document's period.", """
A progress entry reports on a follow-up of the document while it is in force; a
date before the period starts or after it ends is a typing mistake or a report
filed under the wrong year's document.

## Example
```yaml
progress:
  bekymmersamtal:
    - {date: 2041-04-30, rating: green}
```

## Use instead
```yaml
progress:
  bekymmersamtal:
    - {date: 2014-04-30, rating: green}
```
"""),
    _code("R309", "unknown-indicator", "A follow-up file gives measurements for an indicator id that its document does not have.", """
Measured values in a follow-up file are filed by the `id` of an indicator of the
document (of the document, a goal, an area, a group of actions or an action). Give the indicator an
`id` in the document and use it here.

## Example
```yaml
measurements:
  antal-lob:
    - {year: 2014, value: 23}
```

## Use instead
```yaml
measurements:
  lob:
    - {year: 2014, value: 23}
```
"""),
]}
