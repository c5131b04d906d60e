"""The honest no-LLM draft: greeting, the best-matching passage sentences with citations, closing.

Used when no model is configured or with `--no-llm`. Sentences from the top passages are
ranked by a BM25-style score (Snowball-stemmed terms, IDF over the candidate sentences)
against the query; the best few are kept verbatim, in their original order, so amounts and
steps survive. The result is deterministic. The engine labels it with the warning code
`template_draft`, which the CLI and TUI show prominently; the body itself carries no label
so nothing internal can be sent by accident.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from drafter.config import Settings
from drafter.drafting.register import to_du, writes_du
from drafter.drafting.sentences import Unit, parse_article, render, select_units
from drafter.models import Citation, InboundEmail, Passage
from drafter.privacy.patterns import EMAIL_RE

MAX_PASSAGES = 3
BUDGET = 150  # words of knowledge-base text in one draft
CLOSE = 0.85  # a further article is used only when its score is this close to the best


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_FEMALE = _words(
    "anna andrea angelika anja barbara birgit brigitte christina claudia daniela doris "
    "elisabeth emma erika eva gabriele heike helga ingrid jana julia karin katharina "
    "kerstin laura lea lena lisa maria marie martina melanie monika nicole petra renate "
    "sabine sandra sarah silke sophie stefanie susanne tanja ursula ute hannah mia "
    "emily olivia jessica jennifer linda mary patricia elizabeth susan margaret"
)
_MALE = _words(
    "alexander andreas bernd christian daniel david dieter felix frank hans jan jonas "
    "jürgen karl klaus lukas markus martin matthias michael niklas paul peter ralf "
    "sebastian stefan thomas tim tobias uwe wolfgang leon max ben finn luca noah elias "
    "james john robert william richard joseph charles george mark steven"
)
_TITLE = re.compile(r"^(frau|herr|herrn|mrs|ms|miss|mr|dr)\.?\s+", re.I)


@dataclass(frozen=True)
class Greeting:
    first_line: str
    lowercase_next: bool  # German letters continue in lowercase after "…,"


def split_name(display: str) -> tuple[str, str, str]:
    """(title, first, last) from a display name like 'Frau Erika Schulz' or 'Schulz, Erika'."""
    name = " ".join(display.replace('"', " ").split())
    if "," in name:
        last, _, first = name.partition(",")
        name = f"{first.strip()} {last.strip()}"
    title = ""
    match = _TITLE.match(name)
    if match:
        title = match.group(1).lower().rstrip(".")
        name = name[match.end() :]
    parts = [p for p in name.split() if p[:1].isalpha()]
    if not parts:
        return title, "", ""
    return title, parts[0], parts[-1] if len(parts) > 1 else ""


def greeting(email: InboundEmail, language: str, formality: str) -> Greeting:
    title, first, last = split_name(email.from_.name)
    female = title in ("frau", "mrs", "ms", "miss") or (not title and first.lower() in _FEMALE)
    male = title in ("herr", "herrn", "mr") or (not title and first.lower() in _MALE)
    if language == "de":
        if formality == "du":
            return Greeting(f"Hallo {first}," if first else "Hallo,", True)
        if last and female:
            return Greeting(f"Sehr geehrte Frau {last},", True)
        if last and male:
            return Greeting(f"Sehr geehrter Herr {last},", True)
        if first and last:
            return Greeting(f"Guten Tag {first} {last},", True)
        return Greeting("Sehr geehrte Damen und Herren,", True)
    if last and female:
        return Greeting(f"Dear Ms {last},", False)
    if last and male:
        return Greeting(f"Dear Mr {last},", False)
    if first:
        return Greeting(f"Dear {first} {last}".rstrip() + ",", False)
    return Greeting("Dear Sir or Madam,", False)


def closing(settings: Settings, language: str, formality: str) -> str:
    """Closing formula plus signature block (DRAFTER_SIGNATURE, else agent and brand)."""
    if language == "de":
        formula = "Viele Grüße" if formality == "du" else "Mit freundlichen Grüßen"
    else:
        formula = "Kind regards"
    return f"{formula}\n{signature(settings, language, formality)}"


DEFAULT_AGENT = str(Settings.model_fields["agent_name"].default)


def signature(settings: Settings, language: str, formality: str = "sie") -> str:
    """DRAFTER_SIGNATURE as is, else agent and brand; the default agent name follows the
    language and register ("Dein Kundenservice-Team" in a Du reply), a configured one not."""
    if settings.signature.strip():
        return settings.signature.replace("\\n", "\n").strip()
    agent = settings.agent_name.strip()
    if agent == DEFAULT_AGENT:
        if language == "en":
            agent = "Your customer service team"
        elif formality == "du":
            agent = "Dein Kundenservice-Team"
    return f"{agent}\n{settings.brand_name}".strip()


_EMAIL = EMAIL_RE
_PHONE = re.compile(r"(?<![\w-])\+?\d[\d /-]{6,}\d\b")


def _holding(language: str, formality: str) -> str:
    if language == "de" and formality == "du":
        return (
            "danke für deine Nachricht. Damit wir dir richtig weiterhelfen können, prüfen wir "
            "dein Anliegen mit der zuständigen Fachabteilung. Schick uns bitte deine "
            "Kundennummer und beschreibe kurz, worum es genau geht. Wir melden uns so bald wie "
            "möglich bei dir."
        )
    if language == "de":
        return (
            "vielen Dank für Ihre Nachricht. Damit wir Ihnen richtig weiterhelfen können, "
            "prüfen wir Ihr Anliegen mit der zuständigen Fachabteilung. Bitte nennen Sie uns "
            "Ihre Kundennummer und beschreiben Sie kurz, worum es genau geht. Wir melden uns so "
            "bald wie möglich bei Ihnen."
        )
    return (
        "Thank you for your message. So that we can help you properly, we are checking your "
        "request with the team responsible. Please send us your customer number and a short "
        "description of what it is about. We will get back to you as soon as possible."
    )


_HAS_NUMBER = re.compile(r"\b(?:KD|VN)[- ]?\d{5,}|kundennummer|customer (?:number|no)", re.I)


def gap_text(language: str, formality: str, email_text: str) -> str:
    """A knowledge gap said plainly: no answer from our information, passed on, what we need."""
    has_number = bool(_HAS_NUMBER.search(email_text))
    if language == "de":
        du = formality == "du"
        you, your = ("dir", "deine") if du else ("Ihnen", "Ihre")
        number = "" if has_number else (f"{your} Kundennummer, ")
        ask = "Schick uns bitte" if du else "Bitte senden Sie uns"
        want = "du wissen oder erreichen möchtest" if du else "Sie wissen oder erreichen möchten"
        return (
            f"{'danke für deine' if du else 'vielen Dank für Ihre'} Nachricht. Diese Frage "
            f"können wir mit den Informationen, die uns gerade vorliegen, leider nicht "
            f"sicher beantworten; wir geben sie an die zuständige Fachabteilung weiter. "
            f"{ask} dafür noch {number}die betroffene Adresse oder Zählernummer und kurz, "
            f"was genau {want}. "
            f"Wir melden uns dann so bald wie möglich bei {you}."
        )
    number = "" if has_number else "your customer number, "
    return (
        "Thank you for your message. We cannot answer this question reliably from the "
        "information we have at hand, so we are passing it on to the team responsible. To "
        f"help them, please send us {number}the address or meter number concerned and a short "
        "description of what exactly you would like to know or have done. We will get back "
        "to you as soon as possible."
    )


def template_text(language: str) -> str:
    """Every fixed sentence drafter itself may write into a draft (the checks' own text)."""
    registers = ("sie", "du") if language == "de" else ("you",)
    return " ".join(
        gap_text(language, r, "") + " " + _holding(language, r) + " " + _intro(language, r, "")
        for r in registers
    )


def _intro(language: str, formality: str, topic: str) -> str:
    topic = topic.strip().rstrip(".:")
    if language == "de":
        thanks = (
            "danke für deine Nachricht." if formality == "du" else "vielen Dank für Ihre Nachricht."
        )
        return f"{thanks} Hier das Wichtigste zum Thema „{topic}“:" if topic else thanks
    thanks = "Thank you for your message."
    return f'{thanks} Here is the key information on "{topic}":' if topic else thanks


def contact_line(texts: Sequence[str], own_address: str = "") -> str:
    """The knowledge base's own sentence on how to reach the service (email and phone).

    Taken from the given article texts: the sentence naming an email address and a phone
    number that recur across the articles (the general service line, not a special one).
    """
    units = [u for n, text in enumerate(texts, 1) for u in parse_article(text, n)]
    counts: dict[str, int] = {}
    for unit in units:
        for found in {*_EMAIL.findall(unit.text), *_PHONE.findall(unit.text)}:
            counts[found] = counts.get(found, 0) + 1
    best: tuple[float, int, str] | None = None
    for unit in units:
        emails, phones = _EMAIL.findall(unit.text), _PHONE.findall(unit.text)
        if (not emails and not phones) or unit.text.endswith("?"):
            continue
        score = sum(counts[x] for x in {*emails, *phones}) + 2.0 * (bool(emails) + bool(phones))
        score += 1.0 if own_address and own_address.lower() in unit.text.lower() else 0.0
        score -= len(unit.text.split()) / 20
        key = (-score, unit.position, unit.text)
        if best is None or key < best:
            best = key
    return best[2] if best else ""


_HOTLINE = re.compile(
    r"notfall|notruf|störung|24\s*h|24\s*stunden|rund um die uhr|emergenc|around the clock",
    re.IGNORECASE,
)


def emergency_line(texts: Sequence[str]) -> tuple[int, str]:
    """(1-based text number, sentence) of the first sentence that names a phone number and an
    emergency/24 h service; (0, "") when the texts have none."""
    for n, text in enumerate(texts, 1):
        for unit in parse_article(text, n):
            if _PHONE.search(unit.text) and _HOTLINE.search(f"{unit.context} {unit.text}"):
                return n, unit.text
    return 0, ""


def weights(passages: Sequence[Passage], usable: Sequence[int]) -> list[float]:
    """Per usable passage: 1 for the best, less for those scoring close to it, else 0."""
    if not usable:
        return []
    top = passages[usable[0]].score
    out = [1.0]
    for i in usable[1:]:
        ratio = passages[i].score / top if top > 0 else 0.0
        out.append(0.7 * max(0.0, (ratio - CLOSE) / (1 - CLOSE)))
    return out


def extractive_draft(
    email: InboundEmail,
    query: str,
    passages: Sequence[Passage],
    *,
    settings: Settings,
    language: str,
    formality: str,
    kb_gap: bool,
    texts: Sequence[str] | None = None,
    urgent: bool = False,
) -> tuple[str, list[Citation]]:
    """The template draft body and the citations it uses.

    Only passages in the reply language are used (a German article never goes into an
    English reply); `texts` may give the full article text per passage to pick sentences
    from (default: the passage chunks). When `urgent`, the knowledge base's emergency
    hotline sentence (if a passage has one) comes first.
    """
    if language == "de" and writes_du(email.body):
        formality = "du"  # answer in the register the customer chose
    hello = greeting(email, language, formality)
    parts = [hello.first_line, ""]
    citations: list[Citation] = []
    usable = [
        i for i, p in enumerate(passages[:MAX_PASSAGES]) if not p.language or p.language == language
    ]
    sources = list(texts) if texts is not None else [p.text for p in passages]
    chosen: list[Unit] = []
    if not kb_gap and usable:
        chosen = select_units(
            query,
            [sources[i] for i in usable],
            weights(passages, usable),
            language,
            budget=BUDGET,
            rewrite=to_du if language == "de" and formality == "du" else None,
        )
    own = _EMAIL.findall(settings.mail_from)
    if urgent:
        n, line = emergency_line([sources[i] for i in usable])
        if line:
            index = usable[n - 1]
            chosen = [u for u in chosen if u.text != line]
            parts += [f"{line} [{index + 1}]", ""]
            passage = passages[index]
            citations.append(
                Citation(n=index + 1, kb_id=passage.kb_id, title=passage.title, url=passage.url)
            )
    if kb_gap and not urgent:
        parts.append(gap_text(language, formality, f"{email.subject}\n{email.body}"))
    elif not chosen:
        parts.append(_holding(language, formality))
    if not chosen:
        contact = contact_line([sources[i] for i in usable], own[0] if own else "")
        if contact and language == "de" and formality == "du":
            contact = to_du(contact) or ""
        if contact:
            parts += ["", contact]
    else:
        parts.append(_intro(language, formality, passages[usable[0]].title))
        for n, block in render(chosen):
            index = usable[n - 1]
            passage = passages[index]
            parts += ["", f"{block} [{index + 1}]"]
            citations.append(
                Citation(n=index + 1, kb_id=passage.kb_id, title=passage.title, url=passage.url)
            )
    parts += ["", closing(settings, language, formality)]
    unique = {c.n: c for c in citations}  # an article cited twice is one source
    return "\n".join(parts).strip() + "\n", [unique[n] for n in sorted(unique)]
