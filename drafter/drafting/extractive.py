"""The honest no-LLM draft: greeting, the best-matching passage sentences with citations, closing.

Used when no model is configured or with `--no-llm`. Sentences from the top passages are
ranked by a BM25-style score (Snowball-stemmed terms, IDF over the candidate sentences)
against the query; the best few are kept verbatim, in their original order, so amounts and
steps survive. The lead article is the one answering the request by words
(drafter.drafting.layout.lead_article); when that one does not plainly answer the subject, a
local embedding model may choose one clearly closer in meaning to the question; either choice
leaves the best-retrieved article only for one whose title is not farther from both the
question and the subject (one stray sentence must not move the lead), and an article whose
title is clearly closer to the question and the subject leads (drafter.drafting.closeness).
A knowledge-gap doubt of retrieval gives way when one of the two best articles plainly
answers the subject (`covers_topic`): that article leads instead of a gap text (the engine's
gap warning stays for the agent). Sources are numbered by their first citation in the reply
([1] before [2]); `TemplateReply.order` lists the passages in that order for the draft. The
contact and emergency lines come from drafter.drafting.contact, the closing and signature
from drafter.drafting.closing, the knowledge-gap and holding paragraphs from
drafter.drafting.holding. The result is deterministic. The engine labels it with the warning
code `template_draft`, which the CLI and TUI show prominently; the body itself carries no label
so nothing internal can be sent by accident.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from drafter.config import Settings
from drafter.drafting.register import to_du
from drafter.drafting.salutation import detect_register, greeting
from drafter.drafting.sender import parse_name

__all__ = ["contact_line", "emergency_line", "extractive_reply", "split_name"]
from drafter.drafting.acknowledge import acknowledgement
from drafter.drafting.amounts import relation
from drafter.drafting.article_units import Unit, parse_article, split_sentences, terms
from drafter.drafting.care_needs import care_unit
from drafter.drafting.closeness import (
    Embed,
    closeness,
    covers_topic,
    keep_closer_title,
    lead_by_meaning,
    lead_by_title,
    named_by_mail,
    title_closeness,
)
from drafter.drafting.closing import closing
from drafter.drafting.conditions import unmet_condition
from drafter.drafting.contact import EMAIL as _EMAIL
from drafter.drafting.contact import PHONE as _PHONE
from drafter.drafting.contact import (
    bare_call,
    closing_offer,
    contact_line,
    emergency_article,
    emergency_line,
    public_emergency,
)
from drafter.drafting.done_acts import done_units
from drafter.drafting.holding import IDENTIFYING, gap_text, holding_text, prospective
from drafter.drafting.layout import lead_article, render
from drafter.drafting.portal import portal_units
from drafter.drafting.sentences import select_units
from drafter.drafting.situation import (
    about_death,
    article_events,
    asks_for_given,
    given_data,
    is_welcome,
    life_events,
    requests,
    situation,
    topic,
)
from drafter.drafting.thresholds import applied_rules
from drafter.models import Citation, DraftWarning, InboundEmail, Passage

MAX_PASSAGES = 4  # the best-retrieved ones; the one answering the request may lead
BUDGET = 200  # words of knowledge-base text in one draft
CLOSE = 0.85  # a further article is used only when its score is this close to the best
ALWAYS_CONTACT = True  # end every template draft with the service contact line
COVER_TOP = 2  # a knowledge-gap doubt is overruled by one of this many best articles


def split_name(display: str) -> tuple[str, str, str]:
    """(title, first, last) of a display name (drafter.drafting.salutation.parse_name)."""
    name = parse_name(display)
    return name.title, name.first, name.last


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


@dataclass
class TemplateReply:
    """A template draft: body, the citations it uses, notes for the agent, its register."""

    body: str
    citations: list[Citation]
    warnings: list[DraftWarning] = field(default_factory=list)
    formality: str = "sie"
    # passage indices in source order: cited ones by first citation (the body's [1], [2], ...),
    # then the others; the draft lists its passages in this order so [n] is its n-th passage
    order: list[int] = field(default_factory=list)


def extractive_reply(
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
    embed: Embed | None = None,
) -> TemplateReply:
    """The template draft for `email`.

    Only passages in the reply language are used (a German article never goes into an
    English reply); `texts` may give the full article text per passage to pick sentences
    from (default: the passage chunks). Sentences answering the customer's questions weigh
    extra; sentences asking for data the mail already has are left out. When `urgent`, the
    knowledge base's emergency hotline sentence (if a passage has one) comes first. The
    register follows the customer (`formality` is the default); a Du draft is written only
    when every sentence converts, else the whole draft stays Sie with a warning. `embed`
    (a local embedding model, drafter.drafting.closeness) lets meaning choose the lead article.
    """
    formality = detect_register(email, language, formality)
    mail_text = f"{email.subject}\n{email.body}"
    about = topic(email.subject)
    # "KD-6012774" under the name, or in the customer's own earlier mail they forward or quote
    # (session-10 blind review, mail 01: asked for what the forwarded mail gave)
    given = given_data(f"{mail_text}\n{email.signature}\n{email.quoted}")
    # a holding reply asks for a customer number only from a customer: someone asking for a
    # quote or building a house has none (blind reviews of sessions 9 and 10)
    known = given | IDENTIFYING if prospective(mail_text) else given
    usable = [
        i for i, p in enumerate(passages[:MAX_PASSAGES]) if not p.language or p.language == language
    ]
    sources = list(texts) if texts is not None else [p.text for p in passages]
    chosen: list[Unit] = []
    already: set[tuple[int, int]] = set()  # how-to list items for what the mail already does
    lead = 0  # among the usable passages: the one answering the request leads the draft
    # an article for a life event the mail is not about (the heirs' final bill in an
    # instalment mail, a move-in welcome in a power-cut mail) is not used; none left: a gap
    events = life_events(mail_text)
    foreign = [n for n, i in enumerate(usable) if article_events(passages[i].title) - events]
    # articles that plainly answer the subject: one leads even when the gap model doubts
    covering = [
        n
        for n, i in enumerate(usable[:COVER_TOP])
        if about
        and n not in foreign
        and covers_topic(about, passages[i].title, sources[i], language)
    ]
    doubt = kb_gap and bool(covering)
    if doubt:
        kb_gap = False
    kb_gap = kb_gap or (bool(usable) and len(foreign) == len(usable))
    # an emergency the knowledge base has instructions for is no knowledge gap: the article
    # telling what to do leads (a gas smell gets the safety rules, not a holding reply)
    alarm = emergency_article([sources[i] for i in usable]) if urgent and kb_gap else -1
    if alarm in foreign:
        alarm = -1
    if alarm >= 0:
        kb_gap = False
    if not kb_gap and usable:
        shares = weights(passages, usable)
        asked = requests(email.subject, email.body)
        lead = lead_article([sources[i] for i in usable], shares, asked, language)
        if doubt:
            lead = covering[0]
        elif embed is not None and lead not in covering:
            # words chose an article that does not plainly answer the subject: meaning may
            # choose one closer to the question
            units = [
                u
                for n, i in enumerate(usable, 1)
                if shares[n - 1] > 0
                for u in parse_article(sources[i], n)
            ]
            lead = lead_by_meaning(closeness(embed, asked, units), shares, lead)
        if not doubt:
            # words and meaning chose by one unit: an article whose title is farther from the
            # question and the subject does not take the lead from the best-retrieved one
            titles = [passages[i].title for i in usable]
            lead = keep_closer_title(title_closeness(embed, asked, about, titles), lead, 0)
            lead = lead_by_title(embed, asked, about, titles, shares, lead)
        # an article whose title the mail names whole ("Passwort vergessen") leads over one
        # whose title it hardly names; never over one that plainly answers the subject
        # ("Abschlag erhöhen" after a "Nachzahlung nach der Jahresabrechnung")
        if lead not in covering:
            lead = named_by_mail(
                [passages[i].title for i in usable], shares, mail_text, language, lead
            )
        shares = [0.0 if n in foreign else share for n, share in enumerate(shares)]
        if lead in foreign:  # the best other article leads
            lead = next(n for n in range(len(usable)) if n not in foreign)
        if alarm >= 0:
            lead = alarm
        mourning = situation(mail_text) == "bereavement"
        deaths = [n for n, i in enumerate(usable) if about_death(passages[i].title, sources[i])]
        if mourning and deaths:  # an article about a death answers a bereavement, alone
            lead = deaths[0]
            shares = [share if n in deaths else 0.0 for n, share in enumerate(shares)]
        shares[lead] = 1.0  # it answers the request: it may fill the draft like the best

        # an article's opening paragraph states its general case ("Wenn Sie mehr oder weniger
        # verbrauchen, können Sie Ihren Abschlag ändern"): never judged as another situation
        opening = {
            n: units[0].block
            for n, i in enumerate(usable, 1)
            if (units := parse_article(sources[i], n))
        }

        # portal steps for a customer who said they do not use the portal
        portal = portal_units([sources[i] for i in usable], email.body)
        # how to make a request, for a customer whose mail makes it ("hiermit kündige ich")
        already = done_units(
            [sources[i] for i in usable], [passages[i].title for i in usable], mail_text
        )

        def keep(unit: Unit) -> bool:
            return not (
                asks_for_given(f"{unit.lead} {unit.text}", given)
                or (mourning and is_welcome(unit.text))
                or (unit.passage, unit.position) in portal
                or bare_call(unit.text)  # the closing contact line says it with a reason
                # a paragraph sentence for another customer's situation (a list item is
                # left: a step's "if two-factor login is active" or a safety line)
                or (
                    unit.kind == "sentence"
                    and unit.block != opening.get(unit.passage)
                    and unmet_condition(unit.text, mail_text, language)
                )
            )

        def choose(rule: Callable[[Unit], bool]) -> list[Unit]:
            texts = [sources[i] for i in usable]
            return select_units(
                query, texts, shares, language, budget=BUDGET, focus=asked, keep=rule,
                lead=lead + 1,
            )  # fmt: skip

        # the how-to list for what the mail already does is left out, and nothing weaker
        # takes its place (the draft gets shorter); only when nothing else was chosen, the
        # best of the rest is
        chosen = [u for u in choose(keep) if (u.passage, u.position) not in already] or (
            choose(lambda u: keep(u) and (u.passage, u.position) not in already) if already else []
        )
        chosen = _without_restatements(chosen, lead + 1, language, mail_text)
    order: list[int] = []  # passage indices in order of first citation: they number [1], [2]

    def cite(index: int) -> str:
        if index not in order:
            order.append(index)
        return f"[{order.index(index) + 1}]"

    paragraphs: list[str] = []  # after the greeting, in Sie (German) until converted
    hotline = ""  # the emergency line at the top of an urgent draft
    # a household on medical equipment: the article's line for it is never left out
    care = care_unit(chosen, [sources[i] for i in usable], mail_text)
    if care is not None and all(u.text != care.text for u in chosen):
        chosen = sorted([*chosen, care], key=lambda u: (u.passage, u.position))
    if urgent:
        n, hotline = emergency_line([sources[i] for i in usable])
        if hotline:
            chosen = [u for u in chosen if u.text != hotline]
            # the public emergency number goes with it, never last in a list further down
            # (session-13 blind review, mail 19: an oxygen device on battery in a power cut)
            # (session-13 review, mail 19); the care line ("tell us when you call") first
            calls = [u for u in chosen if care is not None and u.text == care.text]
            calls += [u for u in chosen if public_emergency(u.text)][:1]
            chosen = [u for u in chosen if u not in calls]
            # in the hotline's paragraph when the same article gives both: the two numbers to
            # call belong together, and "dial 112" alone names nothing of the mail it answers
            top = [(hotline, usable[n - 1])] + [(u.text, usable[u.passage - 1]) for u in calls]
            paragraphs += _cited_runs(top, cite)
    gap = not chosen and kb_gap and not urgent
    ack = acknowledgement(mail_text, language, "sie")
    paragraphs.append(ack)
    if not chosen:
        paragraphs.append(
            gap_text(language, "sie", known, about) if gap else holding_text(language, "sie", known)
        )
        contact = _closing_offer([sources[i] for i in usable], settings, language, False)
        if contact:
            paragraphs.append(contact)
    else:
        blocks = render(chosen, language)
        shown = " ".join(b for _, b in blocks)
        paragraphs += [r for r in [relation(mail_text, shown, language)] if r]  # amount & rule
        done: set[str] = set()  # the kinds of rule applied to the customer's own figures
        for n, shown_block in sorted(blocks, key=lambda nb: nb[0] != lead + 1):
            block, below = applied_rules(shown_block, mail_text, email.date, language, done)
            paragraphs.append(f"{block} {cite(usable[n - 1])}")
            paragraphs += below  # the customer's date, monthly price or amount under the rule
        # an emergency is not reported by e-mail or in office hours: an urgent draft with the
        # hotline on top gets no general contact line (session-13 review, mails 09 and 19)
        if ALWAYS_CONTACT and not hotline:
            contact = _closing_offer([sources[i] for i in usable], settings, language, True)
            routes = {*_EMAIL.findall(contact), *_PHONE.findall(contact)}
            if contact and not any(r in "\n".join(paragraphs) for r in routes):
                paragraphs.append(contact)  # a template draft may miss the point: say how to ask
    warnings: list[DraftWarning] = []
    if language == "de" and formality == "du":
        du_ack = acknowledgement(mail_text, "de", "du")
        converted = _to_du(paragraphs, (ack, du_ack), known, about)
        if converted is None:
            formality = "sie"
            warnings.append(SIE_KEPT)
        else:
            paragraphs = converted
    hello = greeting(email, language, formality)
    letter = [
        hello.first_line,
        *_sentence_case(paragraphs, hello.lowercase_next),
        closing(settings, language, formality),
    ]
    body = "\n\n".join(letter)
    citations = [_citation(passages, index, n) for n, index in enumerate(order, 1)]
    rest = [i for i in range(len(passages)) if i not in order]
    return TemplateReply(body.strip() + "\n", citations, warnings, formality, order + rest)


RESTATED = 0.6  # share of a further article's unit's content words another article's unit has
_URL = re.compile(r"https?://\S+|\bwww\.\S+")


def _without_restatements(
    units: list[Unit], lead: int, language: str, mail_text: str = ""
) -> list[Unit]:
    """`units` without those of a further article that say again what a unit of another
    article already chosen says: most (RESTATED) of the content words of the shorter of the
    two, at least four shared, numbers and web addresses aside ("Preisgarantie: Haben Sie
    Fix 24, bleiben Energiepreis und Netzentgelte bis zum Ende der Garantie gleich" below
    "Preisgarantie: Bei Fix 24 ändern wir Energiepreis und Netzentgelte während der Garantie
    nicht"). The lead
    article (`lead`, 1-based) keeps its units; the others are read in the order of their
    articles. A unit naming a phone number or address stays (the closing offer and
    drafter.drafting.tidy see to repeated contact lines), and so does a numbered step. A unit
    that names a word of the mail (`mail_text`) the unit it repeats lacks is no mere repeat
    ("Im Kundenportal unter Verträge > Abschlag ändern ..." for a mail asking about the
    Kundenportal, after "... unter Verträge > Abschlag ändern")."""
    asked = set(terms(mail_text, language)) if mail_text else set()
    kept: list[Unit] = []
    seen: list[tuple[int, set[str]]] = []
    for unit in sorted(units, key=lambda u: (u.passage != lead, u.passage, u.position)):
        bare = _URL.sub(" ", unit.text)  # the portal's address is no shared point
        own = {t for t in terms(bare, language) if not t.isdigit()}
        if _PHONE.search(unit.text) or _EMAIL.search(unit.text) or unit.numbered:
            # a way to reach us (the closing offer and tidy see to repeats); a step of a
            # numbered list (steps make sense only together)
            kept.append(unit)
            continue
        if unit.passage != lead and any(
            passage != unit.passage
            and len(own & words) >= max(4, RESTATED * min(len(own), len(words)))
            and not (own - words) & asked
            for passage, words in seen
        ):
            continue
        kept.append(unit)
        seen.append((unit.passage, own))
    return sorted(kept, key=lambda u: (u.passage, u.position))


def _closing_offer(texts: Sequence[str], settings: Settings, language: str, answered: bool) -> str:
    """The draft's closing offer (drafter.drafting.contact.closing_offer: our service number,
    its hours and our own address, written as an offer to ask), else the knowledge base's own
    contact sentence (`contact_line`)."""
    found = _EMAIL.findall(settings.mail_from)
    own = found[0] if found else ""
    return closing_offer(texts, own, language, answered=answered) or contact_line(
        texts, own, language
    )


SIE_KEPT = DraftWarning(
    code="register_sie_kept",
    message="the customer writes 'du', but a copied sentence could not be converted to Du "
    "reliably, so this template draft stays with 'Sie'; switch the register by hand if needed",
)


def _cited_runs(sentences: Sequence[tuple[str, int]], cite: Callable[[int], str]) -> list[str]:
    """Paragraphs of sentences: one per run of sentences from the same source, its marker at
    the end ("… 0431 5577-112. In case of acute danger … dial 112. [1]")."""
    runs: list[tuple[list[str], int]] = []
    for text, source in sentences:
        if runs and runs[-1][1] == source:
            runs[-1][0].append(text)
        else:
            runs.append(([text], source))
    return [f"{' '.join(texts)} {cite(source)}" for texts, source in runs]


def _citation(passages: Sequence[Passage], index: int, n: int) -> Citation:
    """Passage `index` cited as [n] (n: its place among the draft's sources)."""
    passage = passages[index]
    return Citation(n=n, kb_id=passage.kb_id, title=passage.title, url=passage.url)


def _to_du(
    paragraphs: list[str], ack: tuple[str, str], given: set[str], about: str
) -> list[str] | None:
    """The paragraphs in Du, or None when one sentence cannot be converted reliably
    (`ack`: the acknowledgement in Sie and in Du)."""
    out: list[str] = []
    for paragraph in paragraphs:
        if paragraph == ack[0]:
            out.append(ack[1])
            continue
        if paragraph == holding_text("de", "sie", given):
            out.append(holding_text("de", "du", given))
            continue
        if paragraph == gap_text("de", "sie", given, about):
            out.append(gap_text("de", "du", given, about))
            continue
        lines = []
        for line in paragraph.split("\n"):
            pieces = [to_du(s) for s in split_sentences(line)] if line else []
            if any(p is None for p in pieces):
                return None
            lines.append(" ".join(p for p in pieces if p))
        out.append("\n".join(lines))
    return out


def _sentence_case(paragraphs: list[str], lowercase_first: bool) -> list[str]:
    """Each paragraph starts with a capital letter, except the first one of a German letter
    (it continues the greeting line "…,")."""
    out = []
    for i, paragraph in enumerate(paragraphs):
        head = paragraph[:1]
        if i == 0 and lowercase_first and paragraph.split(" ", 1)[0] in _LOWER_OPENERS:
            head = head.lower()
        else:
            head = head.upper()
        out.append(head + paragraph[1:])
    return out


_LOWER_OPENERS = frozenset(["vielen", "danke", "Vielen", "Danke"])
