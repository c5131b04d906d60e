"""Article Markdown -> units: the pieces of an article a no-LLM draft can quote.

Owns `parse_article` and the `Unit` it returns: an article is split into paragraph
sentences, list items and table rows (a row becomes "first cell – Header: value"). Each list
item or row remembers its lead-in (the line introducing the list, or the section heading) and
each FAQ answer its question, so a unit can be scored with its context and shown with its
lead-in. Cross-references, pointers to other articles and worked examples are left out, and
example values ("KD-1234567") are cut (`strip_examples`). Also owns the text helpers the
parser and its readers share: `split_sentences` (abbreviation-aware, `ABBREVIATION`),
`terms` (Snowball stems without stopwords) and `fragment_item`. Scoring and choosing units is
drafter.drafting.sentences.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from drafter.toolkit import stem_words, wordset

_MD = re.compile(r"\*\*|__|`")
# a bold UI label ending in ? or ! inside a sentence ("klicken Sie auf **Passwort vergessen?**
# unter ...") keeps quotes, or, unmarked, it would read as a sentence end
_LABEL = re.compile(r"\*\*([^*\n]+[?!])\*\*(?=\s+[a-zäöüß])")


def plain_text(text: str) -> str:
    """Markdown emphasis removed; bold UI labels ending in ? or ! quoted."""
    return _MD.sub("", _LABEL.sub(r'"\1"', text))


_SENT = re.compile(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ0-9\"„])")
_WORD = re.compile(r"[^\W_]+", re.U)
_BULLET = re.compile(r"^(?:[-*•]|\d+[.)])\s+")
_FAQ = re.compile(r"^\*\*([^*]+[?:.])\*\*\s*(.*)$")
# a bold FAQ "question" in the customer's voice: "**Ich zahle per Dauerauftrag.** ..."
_VOICE = re.compile(r"^(?:Ich|Mein|Meine|Wir|Unser|Unsere|I|My|We|Our)\b[^.?!]*\.$")
_CROSS_REFERENCE = re.compile(r"^(?:Siehe auch|Mehr dazu|See also|More on)\b", re.I)
# a pointer to another article: "Mehr in „Termin verschieben“." after a sentence is cut off;
# a sentence that only sends the reader there ("Sie haben noch kein Konto? Lesen Sie
# „Registrierung im Kundenportal“.", "Ist etwas unklar, lesen Sie „…“.") is not copied
_TITLE = r"[„\"“][^„\"“”]{3,80}[“\"”]\.?"
_POINTER_TAIL = re.compile(
    rf"(?:^|(?<=[.!?])\s+)(?:Mehr(?: dazu)? in|Details in|Siehe(?: auch)?|See(?: also)?|"
    rf"More (?:in|on)) {_TITLE}$"
)
_POINTER = re.compile(rf"(?:^|[\s,?])(?:lesen Sie(?: bitte)?|read|see) {_TITLE}$", re.I)
# a worked calculation ("Ein Beispiel: 1.000 m³ × 0,9650 × 11,2 = 10.808 kWh") computes with
# made-up values; a dated example ("Beispiel: Geht Ihre Kündigung am 20. März ein, ...") stays
_WORKED_EXAMPLE = re.compile(
    r"^(?:Ein |An )?(?:Beispiel|Rechenbeispiel|Example)\b\s*:.*\d\s*[×x*=]\s*\d", re.I
)
# "(siehe „Rechnung fehlerhaft? Korrektur beantragen“)": a pointer into the knowledge base
_INLINE_REFERENCE = re.compile(
    r"\s*\((?:siehe|see)\s+[„\"“][^)]*[“\"”]\)|[;,]\s*(?:siehe|see)\s+[„\"“][^„\"“”]*[“\"”](?=[.;]?$)",
    re.I,
)
ABBREVIATION = _ABBREV = re.compile(
    r"(?:\b(?:[A-Za-z]|ggf|bzw|ca|Nr|Tel|inkl|zzgl|evtl|usw|etc|vgl|Mo|Di|Mi|Do|Fr|Sa|So|"
    r"Str|Abs|Art|Ziff|Kap|e\.g|i\.e|Mr|Mrs|Ms|Dr|No|approx|z\. B|u\. a|d\. h)|\d)\.$",
)


# example values copied from an article are never the customer's: "(KD-1234567)",
# "(z. B. 1NLT0012345678)", ", e.g. DE02 1203 0000 0000 2020 51"
_CODE = r"(?:[A-Z]{2}\d{2}(?:\s?\d{4}){3,}(?:\s?\d{1,4})?|[A-Z0-9][\w-]*\d{3,}[\w-]*)"
_EXAMPLE_MARK = (
    r"(?:z\.\s?B\.|e\.\s?g\.,?|for example|zum Beispiel|such as|etwa|"
    r"(?:Format|format)(?: der \w+| of the [\w ]+)?:?)"
)
# "KD-1234567", "VN-12345678", "1NLT0012345678": the knowledge base's sample numbers
_SAMPLE_NUMBER = re.compile(r"\s*\b\d?[A-Z]{0,4}-?0*12345678?\b")
_EXAMPLE_PAREN = re.compile(rf"\s*\((?:{_EXAMPLE_MARK}\s*)?{_CODE}\)")
_EXAMPLE_INLINE = re.compile(rf",?\s*{_EXAMPLE_MARK}\s+{_CODE}(?:\s*,(?=\s))?(?=[\s,.;:)]|$)")
_FRAGMENT_END = re.compile(r"(?:\b(?:oder|und|or|and|sowie|bzw\.)|,)$", re.I)
_OPEN_END = re.compile(r"[^.!?)\"“”:]$")


def strip_examples(text: str) -> str:
    """`text` without example values ("Kundennummer (KD-1234567)" -> "Kundennummer")."""
    text = _EXAMPLE_PAREN.sub("", text)
    text = _EXAMPLE_INLINE.sub("", text)
    return _SAMPLE_NUMBER.sub("", text)


def fragment_item(text: str) -> bool:
    """A list item that only makes sense inside its list ("Sie eine PV-Anlage betreiben oder")."""
    return bool(_FRAGMENT_END.search(text.rstrip())) or text[:1].islower()


_STOP = wordset(
    "der die das und ist ich sie wir ein eine mit für auf von zu den dem des im bitte ihr "
    "ihre ihren ihrem ihnen mein meine meinen meinem kann können wie was wann wo warum "
    "es er an am als auch aber oder wenn dann so noch nur schon sehr mir mich uns unser "
    "nicht kein keine hallo guten tag damen herren geehrte geehrter grüße freundlichen "
    "vielen dank danke gern gerne habe hat haben sind bin war wird werden würde möchte "
    "the and is are to of in for on with my your it this that have how what when can i "
    "you we a an be do does did at by from or as me our us would could will please hello "
    "dear thanks thank regards kind best there here"
)


@dataclass(frozen=True)
class Unit:
    """One selectable piece of an article."""

    passage: int  # 1-based passage number
    position: int  # order within the article
    text: str
    kind: str  # "sentence" | "item"
    block: int  # paragraph or list number; units of one block are shown together
    lead: str = ""  # lead-in line of a list/table (shown before the first chosen item)
    context: str = ""  # heading, lead-in or FAQ question: scored, never shown
    numbered: bool = False  # a step of a numbered list: shown only with all its steps
    heading: str = ""  # the heading of its section ("So widersprechen Sie"): never shown


def terms(text: str, language: str) -> list[str]:
    words = [w.lower() for w in _WORD.findall(text)]
    return stem_words([w for w in words if w not in _STOP and len(w) > 1], language)


def split_sentences(line: str) -> list[str]:
    out: list[str] = []
    current = ""
    for piece in _SENT.split(line):
        current = f"{current} {piece}".strip() if current else piece.strip()
        if not _ABBREV.search(current) and current.count("„") <= current.count("“"):
            out.append(current)
            current = ""
    if current:
        out.append(current)
    return [s for s in out if len(s) > 2]


def _logical_lines(text: str) -> list[str]:
    """Join soft-wrapped Markdown lines; a blank line is kept as "" (a block break)."""
    lines: list[str] = []
    joinable = False
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            if lines and lines[-1]:
                lines.append("")
            joinable = False
            continue
        starts_block = bool(re.match(r"^(?:#|[-*•]\s|\d+[.)]\s|\||\*\*)", line))
        if joinable and not starts_block:
            lines[-1] += " " + line
        else:
            lines.append(line)
        joinable = not line.startswith(("#", "|"))
    return lines


def _cells(line: str) -> list[str]:
    return [plain_text(c).strip() for c in line.strip().strip("|").split("|")]


def _row(cells: list[str], header: list[str]) -> str:
    """A table row as text: "first cell – Header: value; Header: value"."""
    if len(cells) < 2:
        return ""
    values = []
    for i, cell in enumerate(cells[1:], start=1):
        label = header[i] if i < len(header) else ""
        if cell:
            values.append(f"{label}: {cell}" if label and label.lower() != cell.lower() else cell)
    return f"{cells[0]} – {'; '.join(values)}"


def parse_article(text: str, passage: int = 1) -> list[Unit]:
    """The units of one article, in reading order (headings and table headers dropped)."""
    units: list[Unit] = []
    heading = ""
    lead = ""  # the last paragraph line, when it introduces a list (ends with ":")
    block = 0
    in_list = False
    header: list[str] | None = None
    said = False  # the current section already has text before this point

    def add(
        text: str, kind: str, lead_in: str = "", context: str = "", numbered: bool = False
    ) -> None:
        text = _INLINE_REFERENCE.sub("", strip_examples(" ".join(text.split())))
        text = _POINTER_TAIL.sub("", text)
        lead_in = strip_examples(lead_in)
        if _CROSS_REFERENCE.match(text) or _WORKED_EXAMPLE.match(text) or _POINTER.search(text):
            return  # "Siehe auch „...“" points into the knowledge base, not for the customer
        if len(text) > 2 and (text[:1].isalnum() or text[:1] in '„"('):
            unit = Unit(passage, len(units), text, kind, block, lead_in, context, numbered, heading)
            units.append(unit)

    for raw in _logical_lines(text):
        if not raw:
            in_list, header = False, None
            block += 1
            continue
        if raw.startswith("#"):
            heading, lead, header, in_list = raw.lstrip("#").strip(), "", None, False
            said = False
            block += 1
            continue
        if raw.startswith("|"):
            if set(raw) <= set("-=|:* "):
                continue
            cells = _cells(raw)
            if header is None:
                header = cells
                continue
            row = _row(cells, header)
            add(row, "item", lead or heading, " ".join(header) + " " + heading)
            continue
        bullet = _BULLET.match(raw)
        if bullet:
            if not in_list:
                block += 1
                in_list = True
            item = plain_text(raw[bullet.end() :]).strip()
            # a list straight under a heading is introduced by the heading ("So geht's:"); after
            # text of its section the heading would stand below that text, so it is not used
            opener = "" if said else heading
            add(item, "item", lead or opener, f"{heading} {lead}", numbered=raw[:1].isdigit())
            continue
        if in_list:
            block += 1
            in_list = False
        faq = _FAQ.match(raw)
        if faq and (faq.group(1).endswith("?") or _VOICE.match(faq.group(1))):
            question, answer = plain_text(faq.group(1)), plain_text(faq.group(2))
            for sentence in split_sentences(answer):
                if len(terms(sentence, "de")) >= 2 or len(sentence.split()) > 3:
                    add(sentence, "sentence", context=f"{heading} {question} {question}")
            block += 1
            lead, said = "", True
            continue
        line = plain_text(raw).strip()
        sentences = split_sentences(line)
        lead = ""
        if sentences and (line.endswith(":") or _OPEN_END.search(line)):
            # "So geht's:", "Der Einbau ist Pflicht, wenn" -- shown with its list, never alone
            lead = sentences.pop()
        asked = ""
        for sentence in sentences:
            if sentence.endswith("?"):  # "Der Link ist abgelaufen?": context, not a reply line
                asked = f"{asked} {sentence}"
                continue
            add(sentence, "sentence", context=f"{heading} {asked}".strip())
        said = said or bool(sentences)
        block += 1
    return units
