"""Does a template draft read as one letter? Sentences that do not belong, found mechanically.

A template draft copies sentences out of their articles. Owns `find_incoherent` (the findings
per line of a draft body), used twice: drafter.drafting.tidy drops them when the template
draft is assembled, and drafter.evaluation.defects counts them. The kinds (each from the
team-lead review of the sample-inbox drafts, /work/blind/inbox_review):

- `dangling_reference`: a sentence that points back to something the draft does not say
  ("Ihr Vertrag endet dann spätestens zu diesem Tag.", "Sie können ihn außerdem ...",
  "Kündigen Sie dann nicht selbst, ..."): it opens its paragraph with a back-reference, or
  (with the articles) its article sentence before it is missing from the draft; also the way
  besides the portal ("Ohne Portal …") where neither the draft above nor the mail names one;
- `lost_heading`: (with the articles) the answer to an FAQ question or a conditional
  heading ("No reading?", "Kein Strom in der neuen Wohnung?") shown without it, when it does
  not say the question itself ("We estimate your consumption and mark the bill as estimated.");
- `bare_contact`: a line that is only a channel and an address ("E-Mail an service@...");
- `example_as_fact`: (with the articles) a sentence of an article's example shown without the
  word "Beispiel"/"Example" ("Der Vertrag endet am 31. Dezember."), or an example cut in half;
- `off_product`: a sentence about fibre in a reply to a mail that never mentions fibre (or
  about electricity/gas only, in a reply to a fibre-only mail), or labelled with gas only
  ("Nordlicht Gas Basis – …") in a reply to a mail naming only electricity (and the other
  way round);
- `duplicate`: a line or sentence that says again what an earlier one said;
- `asks_given_data`: a request or "Das brauchen wir:" item naming data the mail already has
  (customer/contract/meter number, meter reading, IBAN, address, date of birth);
- `late_acknowledgement`: the "Vielen Dank für Ihre Nachricht ..." line below other text
  (after an emergency instruction).

Deterministic, no model; the articles are optional (the KB-backed kinds need them).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from drafter.closings import SIGN_OFF
from drafter.drafting.article_units import Unit, parse_article, split_sentences, terms
from drafter.drafting.letter_checks import is_greeting
from drafter.drafting.mail_facts import asks_known, energies, energy_of, known_data, products
from drafter.drafting.register import to_du

KINDS = (
    "dangling_reference",
    "lost_heading",
    "bare_contact",
    "example_as_fact",
    "off_product",
    "duplicate",
    "asks_given_data",
    "late_acknowledgement",
)
MARKER = re.compile(r"\s*\[\d+(?:\s*,\s*\d+)*\]")


@dataclass(frozen=True)
class Finding:
    kind: str
    line: int  # index into body.split("\n")
    sentence: str  # the offending sentence (or the whole line), marker removed


_ACK = re.compile(
    r"^(?:vielen dank für ihre nachricht|danke für deine nachricht|thank you for your message)",
    re.I,
)

# a sentence that opens with a back-reference to text before it
_BACK_START = re.compile(
    r"^(?:Dann|Sonst|Andernfalls|Dies|Diese[mnrs]?|Dabei|Dafür|Damit|Dazu|Daher|Deshalb|"
    r"Außerdem|Trotzdem|Ebenso|Auch das|Das gilt|Das ist|Das geht|Er|Ihn|Then|Otherwise|"
    r"This|These|That|Those|It|They|Such|Also|In that case|In this case|"
    r"Oder|Or|Danach|Anschließend|Afterwards)\b(?![^.!?]*:$)"
)
# ... or that refers back inside its first clause ("Ihr Vertrag endet dann ...")
# (a pronoun or adverb within the first words: further on, "ihn" has its noun in the sentence,
# "Wir setzen Ihren Widerspruch ... um und bestätigen ihn ...")
_BACK_INSIDE = re.compile(
    r"^(?:[^\s,;:]+\s+){0,2}ihn\b|"
    r"^(?:[^\s,;:]+\s+){0,5}(?:dann|aber|ebenfalls|trotzdem|außerdem|then)\b|"
    r"^[^,;:]*?\b(?:diese[mn]? (?:Tag|Fall|Datum|Zeitpunkt|Betrag|Fällen)|zu diesem|an diesem|"
    r"solche[nrm]?|such cases|this date|that day|as well)\b"
)
_CONDITION = re.compile(r"\b(?:wenn|falls|sobald|solange|if|when|once|unless)\b", re.I)
# "Ohne Portal erreichen Sie uns …", "Without the portal, email …": the way besides the
# portal, in a draft that names no portal above it, to a mail that names none (blind reviews
# of sessions 9 and 10: four drafts)
_BESIDES_PORTAL = re.compile(
    r"^(?:Ohne (?:das |unser |ein )?(?:Kunden)?portal|Without (?:the |our |a )?(?:customer )?"
    r"portal)\b",
    re.I,
)
_PORTAL = re.compile(r"portal", re.I)

_CHANNEL = re.compile(
    r"^(?:per |by )?(?:e-?mail|telefon|phone|tel\.?|brief|letter|post|fax|online|kundenportal|"
    r"customer portal|portal)(?: an| to| unter| at| via)?:?\s+\S+\.?$",
    re.I,
)


def bare_contact(line: str) -> bool:
    """True for a line that is only a channel and an address ("E-Mail an service@...")."""
    return bool(_CHANNEL.match(line))


_EXAMPLE_WORD = re.compile(r"\b(?:Beispiel|Rechenbeispiel|Example|for example|z\.\s?B\.)", re.I)
_EXAMPLE_OPEN = re.compile(r"^(?:Ein |An |For )?(?:Beispiel|Rechenbeispiel|Example)\b", re.I)

_CONTACT = re.compile(r"@|\d{3,}[\s/-]\d{3,}")

# a list whose items the customer is to provide
_NEED_LEAD = re.compile(
    r"(?:brauchen wir|benötigen wir|hilft uns|helfen uns|bereithalten|halten sie\b.*bereit|"
    r"geben sie\b.*an|what we need|we need|helps us|have\b.*ready|please include|tell us)",
    re.I,
)


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


def _forms(sentence: str) -> set[str]:
    """An article sentence as a draft may show it: as written, or in Du ("Halten Sie die
    Reset-Taste gedrückt." -> "Halte die Reset-Taste gedrückt.")."""
    du = to_du(sentence)
    return {_norm(sentence), _norm(du)} if du else {_norm(sentence)}


@dataclass
class _Source:
    """The article units of a draft's sources, by their shown text."""

    units: dict[str, Unit]
    by_key: dict[tuple[int, int], list[Unit]]  # (passage, block) -> units in order
    opening: dict[int, int]  # passage -> its first block (the article's introduction)
    product: dict[int, set[str]]  # passage -> the products its title names

    homes: dict[str, set[int]]  # shown text -> the passages that have it

    def product_of(self, sentence: str) -> set[str]:
        """The product of the articles a sentence comes from, when they all name the same."""
        found = [self.product.get(n, set()) for n in self.homes.get(_norm(sentence), set())]
        return set.intersection(*found) if found else set()

    @classmethod
    def of(cls, articles: Sequence[str]) -> _Source:
        units: dict[str, Unit] = {}
        by_key: dict[tuple[int, int], list[Unit]] = {}
        for n, text in enumerate(articles, 1):
            for unit in parse_article(text, n):
                units.setdefault(_norm(unit.text), unit)
                by_key.setdefault((unit.passage, unit.block), []).append(unit)
        opening: dict[int, int] = {}
        for passage, block in by_key:
            opening[passage] = min(block, opening.get(passage, block))
        product = {n: products(_title(text)) for n, text in enumerate(articles, 1)}
        homes: dict[str, set[int]] = {}
        for key, members in by_key.items():
            for unit in members:
                homes.setdefault(_norm(unit.text), set()).add(key[0])
        return cls(units, by_key, opening, product, homes)

    def find(self, sentence: str) -> Unit | None:
        return self.units.get(_norm(sentence))

    def before(self, unit: Unit) -> Unit | None:
        block = self.by_key.get((unit.passage, unit.block), [])
        i = block.index(unit) if unit in block else -1
        return block[i - 1] if i > 0 else None

    def first(self, unit: Unit) -> Unit:
        return self.by_key.get((unit.passage, unit.block), [unit])[0]


def is_acknowledgement(line: str) -> bool:
    """True for the "Vielen Dank für Ihre Nachricht ..." line drafter writes after the greeting."""
    return bool(_ACK.match(line.strip()))


def _title(article: str) -> str:
    """An article's title (front matter `title:` or its first "# " heading)."""
    found = re.search(r"^title:\s*(.+)$|^#\s+(.+)$", article, re.M)
    return (found.group(1) or found.group(2)) if found else ""


def letter_span(lines: Sequence[str]) -> tuple[int, int]:
    """(first, end) line indices of the text between greeting and closing formula."""
    first = 1 if lines and is_greeting(lines[0]) else 0
    end = next(
        (i for i in range(first, len(lines)) if SIGN_OFF.match(lines[i].strip())), len(lines)
    )
    return first, end


def _question(context: str) -> str:
    """The question a unit answers (the last "...?" of its context), '' if none."""
    found = re.findall(r"[^?]*\?", context)
    return found[-1].strip() if found else ""


def find_incoherent(
    body: str, mail_text: str, language: str, articles: Sequence[str] = ()
) -> list[Finding]:
    """Every finding in `body`, a draft answering `mail_text` (`articles`: the full texts of
    the articles the draft was built from, if known)."""
    lines = body.split("\n")
    first, end = letter_span(lines)
    source = _Source.of(articles) if articles else None
    given = known_data(mail_text)
    mail_products = products(mail_text)
    mail_energies = energies(mail_text)
    mail_terms = set(terms(mail_text, language))
    shown = _norm(" ".join(MARKER.sub("", line) for line in lines[first:end]))
    found: list[Finding] = []
    seen_lines: set[str] = set()
    seen_terms: list[tuple[set[str], bool]] = []  # content words of each sentence, item?
    previous = ""  # the sentence before, in reading order
    lead_in = ""  # the lead-in of the current list
    for i in range(first, end):
        line = MARKER.sub("", lines[i]).strip()
        if not line:
            previous, lead_in = "", ""
            continue
        item = line.startswith("- ")
        text = line[2:] if item else line
        if not item:
            lead_in = line if line.endswith((":", "?")) else ""
        paragraph_start = previous == "" and not item
        key = _norm(line)
        if key in seen_lines and len(key) > 8:
            found.append(Finding("duplicate", i, line))
            continue
        seen_lines.add(key)
        if _ACK.match(text):
            if any(MARKER.sub("", x).strip() for x in lines[first:i]):
                found.append(Finding("late_acknowledgement", i, line))
            previous = text
            continue
        if bare_contact(text) and not (item and lead_in):
            found.append(Finding("bare_contact", i, line))
        # a list item labelled with the other energy ("- Strom: Notieren Sie … Bei
        # Zweitarifzählern …" under a gas question) is foreign as a whole
        other_energy = item and _other_energy(energy_of(text), mail_energies)
        for j, sentence in enumerate(split_sentences(text)):
            if _BESIDES_PORTAL.match(sentence) and not _PORTAL.search(
                f"{mail_text} {' '.join(lines[first:i])} {' '.join(split_sentences(text)[:j])}"
            ):
                found.append(Finding("dangling_reference", i, sentence))
                previous = sentence
                continue
            kind = _judge(
                sentence,
                opens=paragraph_start and j == 0,
                previous=previous,
                source=source,
                shown=shown,
                language=language,
                mail_terms=mail_terms,
            )
            if kind:
                found.append(Finding(kind, i, sentence))
            elif _other_product(
                products(sentence, strong=True)
                # a line of its own naming a way to reach us and no product ("Fragen
                # beantworten wir unter 0431 …") is no fibre sentence for standing in the fibre
                # article; a list item is ("Störung melden: - Telefon 0431 5577-300 (24/7)")
                or (
                    source.product_of(sentence) or source.product_of(text)
                    if source and (item or not _CONTACT.search(sentence))
                    else set()
                ),
                mail_products,
            ) or (other_energy or _other_energy(energy_of(sentence), mail_energies)):
                found.append(Finding("off_product", i, sentence))
            elif asks_known(sentence, given, need_item=item and bool(_NEED_LEAD.search(lead_in))):
                found.append(Finding("asks_given_data", i, sentence))
            elif not sentence.endswith(":") and _repeats(
                set(terms(sentence, language)), item, seen_terms
            ):  # a lead-in ("So melden Sie sich ab:") may echo the text above it
                found.append(Finding("duplicate", i, sentence))
            previous = sentence
    return found


def _other_energy(own: set[str], mail: set[str]) -> bool:
    """A sentence naming only gas in a reply to a mail naming only electricity, or the other
    way round ("Nordlicht Gas Basis – Arbeitspreis: …" under a question on a power tariff)."""
    return bool(own and mail and not own & mail)


def _other_product(own: set[str], mail: set[str]) -> bool:
    """A sentence about another product than the mail's (a mail naming none is about energy:
    sentences naming fibre are foreign to it, "Schließen Sie Router und ONT an den Strom an")."""
    if not own:
        return False
    return not own & mail if mail else "fibre" in own


def _repeats(own: set[str], item: bool, seen: list[tuple[set[str], bool]]) -> bool:
    """True when a sentence says again what an earlier one said: a sentence whose content
    words (at least 3) are nearly all (80 %) in an earlier sentence, or a list item sharing 70 %
    of all its and an earlier item's words (steps of two procedures often share a few)."""
    repeated = False
    if len(own) >= 3:
        for earlier, was_item in seen:
            shared = len(own & earlier)
            if len(earlier) < 3:
                continue
            if item or was_item:
                repeated |= item == was_item and shared >= 0.7 * len(own | earlier)
            else:
                repeated |= shared >= 0.8 * min(len(own), len(earlier))
    seen.append((own, item))
    return repeated


_W_QUESTION = re.compile(
    r"^(?:wann|wie|was|warum|wieso|weshalb|wo|wer|welche\w*|ab wann|bis wann|wozu|"
    r"when|how|what|why|where|who|which|do|does|is|are|can|muss|kann|darf|bekomme|gilt)\b",
    re.I,
)
_ANSWER_START = re.compile(
    r"^(?:ja|nein|am besten|grundsätzlich|meist|meistens|in der regel|nur|yes|no|ideally|"
    r"in principle|usually|only|normally)\b",
    re.I,
)
# a sentence offering a way or an option stands on its own
_OPTION = re.compile(r"^(?:Sie können|Du kannst|You can)\b")


def _conditional(question: str, sentence: str) -> bool:
    """True when `sentence` answers `question` only under its condition: a question that
    states a case ("Kein Strom in der neuen Wohnung?", "No reading?") rather than asking for
    a fact, or a fact question answered by a bare "Am besten ..."/"In principle yes: ..."."""
    if _CONTACT.search(sentence) or _OPTION.match(sentence):
        return False  # "Fragen? Rufen Sie uns an: ...", "Sie können ... auch selbst ändern"
    if _W_QUESTION.match(question):
        return bool(_ANSWER_START.match(sentence))
    return True


def _judge(
    sentence: str,
    *,
    opens: bool,
    previous: str,
    source: _Source | None,
    shown: str,
    language: str,
    mail_terms: set[str],
) -> str:
    """The kind of a sentence that does not stand on its own, '' when it does."""
    back = bool(_BACK_START.match(sentence)) or (
        bool(_BACK_INSIDE.search(sentence)) and not _CONDITION.search(sentence.split(",")[0])
    )
    unit = source.find(sentence) if source else None
    if unit is None or source is None:
        return "dangling_reference" if opens and back else ""
    before = source.before(unit)
    if back and before is not None and _norm(previous) not in _forms(before.text):
        return "dangling_reference"
    if back and before is None and opens and unit.kind == "sentence":
        return "dangling_reference"
    head = source.first(unit)
    in_example = _EXAMPLE_WORD.search(unit.context) or (
        head is not unit and _EXAMPLE_OPEN.match(head.text) and _norm(head.text) not in shown
    )
    if in_example and not _EXAMPLE_WORD.search(sentence):
        return "example_as_fact"
    if _EXAMPLE_OPEN.match(sentence):
        rest = source.by_key.get((unit.passage, unit.block), [])
        if any(_norm(u.text) not in shown for u in rest[rest.index(unit) + 1 :]):
            return "example_as_fact"
    question = _question(unit.context)
    if (
        unit.kind == "sentence"
        and question
        and unit.block != source.opening.get(unit.passage)
        and _norm(question) not in shown
        and _conditional(question, sentence)
    ):
        wanted = set(terms(question, language))
        shared = wanted & set(terms(sentence, language))
        holds = wanted & mail_terms  # the mail states the case itself ("Kein Strom ...")
        said = len(shared) >= 2 and 3 * len(shared) >= 2 * len(wanted)
        if not said and not (len(holds) >= 2 and 3 * len(holds) >= 2 * len(wanted)):
            return "lost_heading"
    return ""
