"""The honest no-LLM draft: greeting, the best-matching passage sentences with citations, closing.

Used when no model is configured or with `--no-llm`. Sentences from the top passages are
ranked by a BM25-style score (Snowball-stemmed terms, IDF over the candidate sentences)
against the query; the best few are kept verbatim, in their original order, so amounts and
steps survive. The result is deterministic. The engine labels it with the warning code
`template_draft`, which the CLI and TUI show prominently; the body itself carries no label
so nothing internal can be sent by accident.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

import Stemmer

from drafter.config import Settings
from drafter.models import Citation, InboundEmail, Passage

MAX_SENTENCES = 4
MAX_PASSAGES = 3
_MD = re.compile(r"\*\*|__|`")
_SENT = re.compile(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ0-9\"„])")
_WORD = re.compile(r"[^\W_]+", re.U)


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
_STOP = _words(
    "der die das und ist ich sie wir ein eine mit für auf von zu den dem des im bitte ihr "
    "ihre mein meine kann wie was wann the and is are to of in for on with my your it "
    "this that have how what when can i you we a an"
)


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
    return f"{formula}\n{signature(settings, language)}"


def signature(settings: Settings, language: str) -> str:
    if settings.signature.strip():
        return settings.signature.replace("\\n", "\n").strip()
    agent = settings.agent_name.strip()
    if language == "en" and agent == "Ihr Kundenservice-Team":
        agent = "Your customer service team"
    return f"{agent}\n{settings.brand_name}".strip()


def _stem(language: str) -> Stemmer.Stemmer:
    return Stemmer.Stemmer("german" if language == "de" else "english")


def _terms(text: str, stemmer: Stemmer.Stemmer) -> list[str]:
    words = [w.lower() for w in _WORD.findall(text)]
    return list(stemmer.stemWords([w for w in words if w not in _STOP and len(w) > 1]))


_ABBREV = re.compile(
    r"(?:\b(?:[A-Za-z]|ggf|bzw|ca|Nr|Tel|inkl|zzgl|evtl|usw|etc|vgl|Mo|Di|Mi|Do|Fr|Sa|So|"
    r"Str|e\.g|i\.e|Mr|Mrs|Ms|Dr|No|approx)|\d)\.$",
)


def _split_sentences(line: str) -> list[str]:
    out: list[str] = []
    current = ""
    for piece in _SENT.split(line):
        current = f"{current} {piece}".strip() if current else piece.strip()
        if not _ABBREV.search(current):
            out.append(current)
            current = ""
    if current:
        out.append(current)
    return [s for s in out if len(s) > 2]


@dataclass(frozen=True)
class Candidate:
    passage: int  # 1-based passage number
    position: int
    text: str
    bullet: bool


def _logical_lines(text: str) -> list[str]:
    """Join soft-wrapped Markdown lines: a paragraph or a list item becomes one line."""
    lines: list[str] = []
    joinable = False
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            joinable = False
            continue
        starts_block = bool(re.match(r"^(?:#|[-*•]\s|\d+[.)]\s|\|)", line))
        if joinable and not starts_block:
            lines[-1] += " " + line
        else:
            lines.append(line)
        joinable = not line.startswith(("#", "|"))
    return lines


def candidate_sentences(text: str) -> list[tuple[str, bool]]:
    """(sentence, is_list_item) of a passage; Markdown marks removed, headings dropped."""
    out: list[tuple[str, bool]] = []
    for raw in _logical_lines(text):
        line = _MD.sub("", raw).strip()
        if not line or line.startswith("#") or set(line) <= set("-=|* "):
            continue
        bullet = bool(re.match(r"^(?:[-*•]|\d+[.)])\s+", line))
        line = re.sub(r"^(?:[-*•]|\d+[.)])\s+", "", line)
        if bullet:
            out.append((line, True))
        else:
            out.extend((s, False) for s in _split_sentences(line))
    return out


def rank_sentences(query: str, texts: Sequence[str], language: str) -> list[Candidate]:
    """The best sentences of the passage texts (numbered from 1), in reading order."""
    stemmer = _stem(language)
    query_terms = set(_terms(query, stemmer))
    candidates: list[tuple[Candidate, list[str]]] = []
    for n, text in enumerate(texts, start=1):
        for pos, (sentence, bullet) in enumerate(candidate_sentences(text)):
            candidates.append((Candidate(n, pos, sentence, bullet), _terms(sentence, stemmer)))
    if not candidates:
        return []
    df: Counter[str] = Counter()
    for _, terms in candidates:
        df.update(set(terms))
    total = len(candidates)
    avg = sum(len(t) for _, t in candidates) / total or 1.0
    scored: list[tuple[float, Candidate]] = []
    for candidate, terms in candidates:
        counts = Counter(terms)
        score = 0.0
        for term in query_terms & counts.keys():
            idf = math.log(1 + (total - df[term] + 0.5) / (df[term] + 0.5))
            tf = counts[term]
            score += idf * tf * 2.2 / (tf + 1.2 * (0.25 + 0.75 * len(terms) / avg))
        score *= 1.0 / (1.0 + 0.3 * (candidate.passage - 1))  # prefer better-ranked passages
        if re.search(r"\d", candidate.text):
            score *= 1.1  # amounts, deadlines and steps are what customers ask for
        if len(terms) < 3:
            score *= 0.5  # fragments ("Auszugsdatum") say little on their own
        scored.append((score, candidate))
    best = sorted(scored, key=lambda s: (-s[0], s[1].passage, s[1].position))
    chosen = [c for score, c in best if score > 0][:MAX_SENTENCES]
    if not chosen:  # nothing matched: the lead of passage 1
        chosen = [c for _, c in scored if c.passage == 1 and not c.bullet][:2]
    return sorted(chosen, key=lambda c: (c.passage, c.position))


def _holding(language: str, formality: str) -> str:
    if language == "de" and formality == "du":
        return (
            "wir haben deine Anfrage erhalten und prüfen sie. Damit wir dir schnell helfen "
            "können, schick uns bitte deine Kundennummer und beschreibe kurz, worum es genau "
            "geht. Wir melden uns so bald wie möglich bei dir."
        )
    if language == "de":
        return (
            "wir haben Ihre Anfrage erhalten und prüfen sie. Damit wir Ihnen schnell helfen "
            "können, nennen Sie uns bitte Ihre Kundennummer und beschreiben Sie kurz, worum es "
            "genau geht. Wir melden uns so bald wie möglich bei Ihnen."
        )
    return (
        "We have received your request and are looking into it. So that we can help you "
        "quickly, please send us your customer number and a short description of what it is "
        "about. We will get back to you as soon as possible."
    )


def _intro(language: str, formality: str) -> str:
    if language == "de":
        return (
            "danke für deine Nachricht." if formality == "du" else "vielen Dank für Ihre Nachricht."
        )
    return "Thank you for your message."


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
) -> tuple[str, list[Citation]]:
    """The template draft body and the citations it uses.

    Only passages in the reply language are used (a German article never goes into an
    English reply); `texts` may give the full article text per passage to pick sentences
    from (default: the passage chunks).
    """
    hello = greeting(email, language, formality)
    parts = [hello.first_line, ""]
    citations: list[Citation] = []
    usable = [
        i for i, p in enumerate(passages[:MAX_PASSAGES]) if not p.language or p.language == language
    ]
    sources = list(texts) if texts is not None else [p.text for p in passages]
    chosen: list[Candidate] = []
    if not kb_gap and usable:
        ranked = rank_sentences(query, [sources[i] for i in usable], language)
        chosen = [replace(c, passage=usable[c.passage - 1] + 1) for c in ranked]
    if not chosen:
        parts.append(_holding(language, formality))
    else:
        parts.append(_intro(language, formality))
        by_passage: dict[int, list[Candidate]] = {}
        for candidate in chosen:
            by_passage.setdefault(candidate.passage, []).append(candidate)
        for n, items in by_passage.items():
            passage = passages[n - 1]
            lines: list[str] = []
            for item in items:
                if item.bullet:
                    lines.append(f"- {item.text}")
                elif lines and not lines[-1].startswith("- "):
                    lines[-1] += " " + item.text
                else:
                    lines.append(item.text)
            lines[-1] += f" [{n}]"
            parts += ["", "\n".join(lines)]
            citations.append(
                Citation(n=n, kb_id=passage.kb_id, title=passage.title, url=passage.url)
            )
    parts += ["", closing(settings, language, formality)]
    return "\n".join(parts).strip() + "\n", citations
