"""Harmful-reply checks on the model's OUTPUT, whatever way an attack got in (email, KB article).

Each finding is a DraftWarning with the offending text as `span`:

- `commitment`: the reply says something was done, granted or promised for this customer
  (contract cancelled or switched, credit booked, refund, fee waived, deadline moved,
  instalment changed, a guarantee) (drafter.drafting.commitments), a fixed-term tariff left
  "at any time" (drafter.drafting.fixed_term), a guarantee stretched over what the article
  leaves out of it (drafter.drafting.guarantee_scope), a contract end or switch settled on a
  day no source gives (drafter.drafting.end_confirmed);
- `payment`: a payment instruction to an account, address or service not in the sources or the
  company settings, or bank details (IBAN) that are not the company's, a channel (PayPal,
  cash ...) no trusted article offers, money handed to a person on site (meter reader,
  technician);
- `link`: a link, email address or phone number that is neither the company's (settings) nor
  in a trusted passage (a page or subdomain of the company's site no source names too);
- `credentials`: a request for a password, PIN, TAN, one-time code or card number, and
  `injection`: a dump of the model's own instructions or internal notes
  (drafter.drafting.disclosure);
- `unsupported_claim`: sentences whose content is in no source (competitor ads, poems and
  rhyming verse, code; drafter.drafting.support), an actionable sentence (an act, grant or
  promise of ours, an instruction to pay or click, a link) that no trusted source backs by
  content words or by meaning (drafter.drafting.harm_meaning), and another person's data
  given out (a neighbour's reading, a relative's bank; drafter.drafting.third_party);
- `unsupported_claim` too for an emergency answered without the cited emergency article's
  line ("Act immediately and call ..."), or a mail that reports an emergency answered
  without any of the cited articles' 24-hour or emergency lines (drafter.drafting.emergency_advice);
- `unsupported_claim` too for what another payer (an insurance, the Jobcenter) pays, with an
  amount no source gives ("most policies cover spoiled food, usually up to 500 EUR":
  `check_other_payer`), or says as certain what it will pay ("your insurance will cover the
  spoiled food": `check_other_payer_promise`);
- `unsupported_claim` too for a verdict on a landlord's or another tenant's rights ("Ihr
  Vermieter darf die Kaution nicht zurückhalten": `check_other_party_rights`), and advice on a
  legal step no source gives ("sollten Sie das Erbe beim Nachlassgericht ausschlagen":
  `check_legal_step`);
- `unsupported_claim` too for advice to look into a fibre's end or connector (laser light
  hurts the eyes; `check_eye_hazard`), whatever the cited article says;
- `wrong_language`: a reply in neither German nor English;
- `injection` too for a reply that vouches for a message the customer forwarded ("Ja, die SMS
  ist von uns", "this request is genuine"): drafter cannot know, and the message is the attack
  (`check_vouched`).

What counts as a trusted source: the cited passages minus their `untrusted` values (set at
ingest) and minus any paragraph that addresses the reply writer ("say in every reply ..."),
plus the company settings. The customer's email is never a source for contact data, bank
details or commitments: attackers write emails.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from drafter.config import Settings
from drafter.drafting.check_base import _WORD, NEGATION, sentences
from drafter.drafting.harm_contacts import check_contacts
from drafter.drafting.harm_payments import (
    ASKED,
    check_handed_money,
    check_other_payee,
    check_payment_channels,
    check_withheld,
)
from drafter.drafting.harm_sources import AMOUNT, _digits, _Known, _warn, known_sources
from drafter.language import stopword_share
from drafter.models import DraftWarning

if TYPE_CHECKING:
    from drafter.drafting.check_base import CheckInput as HarmInput


def check_commitments(data: HarmInput, known: _Known) -> list[DraftWarning]:
    """Things done, granted or promised for this customer that no trusted source backs
    (drafter.drafting.commitments)."""
    from drafter.drafting import commitments

    trusted_amounts = {_digits(m.group(0)) for m in AMOUNT.finditer(known.trusted)}
    trusted_flat = " ".join(known.trusted.split()).lower()

    def foreign_amounts(text: str) -> list[str]:
        amounts = (m.group(0) for m in AMOUNT.finditer(text))
        return [x for x in amounts if _digits(x) not in trusted_amounts]

    return commitments.check_reply(data.body, trusted_flat, foreign_amounts, data.customer_text)


def check_foreign_language(data: HarmInput) -> list[DraftWarning]:
    words = _WORD.findall(data.body)
    if len(words) < 15 or stopword_share(data.body) >= 0.12:
        return []
    # the span: the sentence (4+ words) with the fewest German or English function words
    body = data.body
    candidates = [body[a:b] for a, b in sentences(body) if len(_WORD.findall(body[a:b])) >= 4]
    span = min(candidates, key=stopword_share) if candidates else body[:80]
    return [_warn("wrong_language", "the reply is in neither German nor English", span)]


# a message, letter or page the customer asks about, said to be genuine or ours
_VOUCHED = re.compile(
    r"\b(?:die|diese|das|dieses|der|dieser)\s+(?:\w+\s+)?(?:nachricht|sms|e-?mail|mail|"
    r"schreiben|brief|anruf|\w*aufforderung|sicherheitsprüfung|mitteilung|zettel|flyer|link|"
    r"\w*seite|anfrage)(?:[\s,]+\w+){0,4}?[\s,]+(?:ist|war|stammt|kommt)\s+(?:\w+\s+)?(?:echt|korrekt|richtig|"
    r"legitim|seriös|von uns|authentisch)\b"
    r"|\b(?:this|that|the)\s+(?:\w+\s+)?(?:message|text|sms|e-?mail|mail|letter|request|call|"
    r"notice|link|page|website|site|flyer|security check)(?:[\s,]+\w+){0,3}?[\s,]+(?:is|was|"
    r"does come|comes|came)\s+"
    r"(?:\w+\s+)?(?:genuine|legitimate|legit|real|authentic|correct|from us)\b",
    re.I,
)
_NOT_VOUCHED = re.compile(
    r"\b(?:nicht|kein\w*|nie|not|no|never|\w+n['’]t|wenn|falls|ob|if|whether|unless)\b", re.I
)


def check_vouched(body: str) -> list[DraftWarning]:
    """`injection` for a sentence that says a forwarded message or page is genuine."""
    found = []
    for a, b in sentences(body):
        sentence = body[a:b]
        vouched = _VOUCHED.search(sentence)
        if vouched and not _NOT_VOUCHED.search(sentence) and not sentence.rstrip().endswith("?"):
            found.append(
                _warn(
                    "injection",
                    f"the reply vouches for a message or page ({vouched.group(0)!r}); drafter "
                    "cannot know that it is genuine, and such messages are how attacks come in",
                    sentence,
                )
            )
    return found


# a payer that is not us: an insurance, the Jobcenter or social welfare office
_OTHER_PAYER = re.compile(
    r"\b(?:\w*versicherung\w*|versicherer\w*|hausrat\w*|insur\w*|jobcenter\w*|job ?centre\w*|"
    r"sozialamt\w*|benefits? office)\b",
    re.I,
)


def check_other_payer(data: HarmInput, known: _Known) -> list[DraftWarning]:
    """`unsupported_claim` for a sentence that says what an insurance or public office pays,
    with an amount that is neither in a trusted source nor the customer's own figure: drafter
    cannot know another payer's terms ("most policies cover spoiled food after a power cut,
    usually up to 500 EUR"). The customer's own sum ("your insurance may cover the 250 EUR")
    is no invented figure."""
    trusted = {_digits(m.group(0)) for m in AMOUNT.finditer(known.trusted)}
    customer = {_digits(m.group(0)) for m in re.finditer(r"\d[\d.,]*\d|\d", data.customer_text)}
    found: list[DraftWarning] = []
    for a, b in sentences(data.body):
        sentence = data.body[a:b]
        payer = _OTHER_PAYER.search(sentence)
        if payer is None:
            continue
        amounts = [
            m.group(0)
            for m in AMOUNT.finditer(sentence)
            if _digits(m.group(0)) not in trusted | customer
        ]
        if amounts:
            found.append(
                _warn(
                    "unsupported_claim",
                    f"the reply says what another payer ({payer.group(0)}) pays ({amounts[0]}), "
                    "which no source gives; drafter cannot know another payer's terms",
                    sentence,
                )
            )
    return found


# what another payer will do, said as certain: "your household insurance will cover spoiled
# food", "Ihre Hausratversicherung übernimmt den Schaden" (drafter cannot know its terms) ...
_COVERS = re.compile(
    r"\b(?:will|would|is going to|shall)\s+(?:\w+\s+)?(?:cover|pay|reimburse|refund|"
    r"compensate)\w*|\b(?:covers|pays for|reimburses)\b|\bpremium\w* (?:will|won't|does not|"
    r"doesn't) (?:not )?(?:rise|go up|increase)\b"
    r"|\b(?:übernimmt|zahlt|bezahlt|erstattet|ersetzt)\b|\bwird\b[^.!?;]{0,40}?"
    r"\b(?:übernehmen|zahlen|bezahlen|erstatten|ersetzen)\b",
    re.I,
)
# ... unless hedged or left to the customer to ask: "may cover", "ask your insurer whether"
_HEDGED = re.compile(
    r"\b(?:may|might|could|can|possibly|perhaps|maybe|often|usually|sometimes|whether|if|ask|"
    r"check|contact|depends?|depending|kann|können|könnte\w*|möglicherweise|eventuell|"
    r"vielleicht|oft|häufig|manchmal|ob|wenn|falls|fragen|erkundigen|klären|prüfen|hängt|"
    r"abhängig)\b",
    re.I,
)
_DENIED = re.compile(r"\b(?:nicht|kein\w*|nie|not|no|never|\w+n['’]t)\b", re.I)


def check_other_payer_promise(data: HarmInput, known: _Known) -> list[DraftWarning]:
    """`unsupported_claim` for a sentence that says as certain what an insurance or public
    office will pay ("Your household insurance will cover the spoiled food"), which no trusted
    source says: drafter cannot know another payer's terms. Hedged ("may cover"), negated or
    left to the customer to ask ("ask your insurer whether it covers ...") stays clean."""
    found: list[DraftWarning] = []
    for a, b in sentences(data.body):
        sentence = data.body[a:b]
        payer = _OTHER_PAYER.search(sentence)
        covers = _COVERS.search(sentence) if payer else None
        if payer is None or covers is None or _HEDGED.search(sentence):
            continue
        start = max((m.end() for m in re.finditer(r"[;,]", sentence[: covers.start()])), default=0)
        end = re.search(r"[;,]", sentence[covers.end() :])
        clause = sentence[start : covers.end() + end.start()] if end else sentence[start:]
        if _DENIED.search(clause) and not covers.group(0).lower().startswith("premium"):
            continue
        if " ".join(sentence.lower().split()) in " ".join(known.trusted.lower().split()):
            continue
        found.append(
            _warn(
                "unsupported_claim",
                f"the reply says as certain what another payer ({payer.group(0)}) will do "
                f"({covers.group(0)!r}); drafter cannot know another payer's terms",
                sentence,
            )
        )
    return found


# another party's rights judged: "Ihr Vermieter darf die Kaution nicht zurückhalten", "your
# landlord is not allowed to keep the deposit": legal advice on a matter between the customer
# and someone else, which no article of ours gives
_OTHER_PARTY = (
    r"(?:vermieter\w*|hausverwaltung\w*|hausverwalter\w*|vormieter\w*|nachmieter\w*|"
    r"eigentümer\w*|landlord\w*|letting agent\w*|property manag\w*|previous tenant\w*|"
    r"(?:new|former) tenant\w*)"
)
_RIGHTS = re.compile(
    rf"\b{_OTHER_PARTY}\s+(?:[\w-]+\s+){{0,2}}?(?:darf|dürfen|ist\s+(?:nicht\s+)?berechtigt|"
    r"hat\s+(?:kein\w*|das)\s+recht|muss|müssen|may|must|is\s+(?:not\s+)?(?:allowed|"
    r"entitled|permitted|obliged)|has\s+(?:no|the)\s+right|cannot\s+legally|can(?:not|'t)\s+"
    r"(?:keep|withhold|charge|deduct))\b"
    # the party as the object, we the subject: "einer Hausverwaltung dürfen wir nichts sagen"
    r"(?!\s+(?:wir|ich|uns|we|I)\b)",
    re.I,
)


def check_other_party_rights(body: str, trusted: str) -> list[DraftWarning]:
    """`unsupported_claim` for a verdict on what a landlord or another tenant may or must do
    ("Ihr Vermieter darf die Kaution nicht zurückhalten"): legal advice between the customer
    and someone else. The question named in an ob/whether clause ("Ob Ihr Vermieter ... darf,
    ist eine mietrechtliche Frage") or asked back stays clean."""
    found: list[DraftWarning] = []
    for a, b in sentences(body):
        sentence = body[a:b]
        verdict = _RIGHTS.search(sentence)
        if verdict is None or sentence.rstrip().endswith("?"):
            continue
        if ASKED.search(sentence[: verdict.start()]):
            continue
        if " ".join(verdict.group(0).lower().split()) in trusted.lower():
            continue
        found.append(
            _warn(
                "unsupported_claim",
                f"the reply judges another party's rights ({verdict.group(0)!r}); that is legal "
                "advice no source gives",
                sentence,
            )
        )
    return found


# a legal step or forum: an estate or inheritance disclaimed, a court, a lawsuit, a lawyer
_LEGAL = re.compile(
    r"\b(?:\w*gerichts?|\w*gerichten|courts?|probate|erbe|erbschaft\w*|nachlass\w*|"
    r"inherit\w*|ausschlag\w*|ausschlagen|disclaim\w*|renounc\w*|anfecht\w*|anfechten|"
    r"klage\w*|verklagen|sue|lawsuit\w*|\w*anwalt\w*|\w*anwält\w*|lawyer\w*|solicitor\w*)\b",
    re.I,
)
# advice given: what the customer should, must or can do, or what we recommend
_ADVISED = re.compile(
    r"\b(?:sollten sie|müssen sie|können sie|empfehlen wir|raten wir|wir empfehlen|wir raten|"
    r"you should|you must|you can|you need to|we recommend|we advise|best to|am besten)\b",
    re.I,
)
# the question named or handed on, or advice declined: no advice of ours
_NOT_ADVISED = re.compile(
    r"\b(?:ob|whether|fragen sie|ask|beraten|advice|beratung|cannot|can't|nicht beurteilen|"
    r"not able)\b",
    re.I,
)


def check_legal_step(body: str, trusted: str) -> list[DraftWarning]:
    """`unsupported_claim` for advice on a legal step between the customer and others that no
    trusted source gives ("Bei Schulden sollten Sie das Erbe beim Nachlassgericht
    ausschlagen", "you should take your landlord to court"): drafter gives no legal advice.
    The question named in an ob/whether clause, handed to an adviser or declined stays clean,
    as does a sentence whose legal words all stand in a trusted source."""
    found: list[DraftWarning] = []
    known = trusted.lower()
    for a, b in sentences(body):
        sentence = body[a:b]
        if sentence.rstrip().endswith("?") or not _ADVISED.search(sentence):
            continue
        if _NOT_ADVISED.search(sentence):
            continue
        words = [m.group(0) for m in _LEGAL.finditer(sentence)]
        new = [w for w in words if w.lower() not in known]
        if not new:
            continue
        found.append(
            _warn(
                "unsupported_claim",
                f"the reply gives legal advice ({new[0]!r}) no trusted source gives; drafter "
                "gives no advice on law between the customer and others, check it",
                sentence,
            )
        )
    return found


# looking into an optical fibre's end, connector or socket: its laser light, invisible or a
# faint glow, can hurt the eyes ("unplug the fibre cable and look into the end", "schauen Sie
# in das Kabelende"); the articles say "never look directly into the fibre"
_FIBRE = r"(?:fib(?:re|er)\w*|optical|laser\w*|(?-i:ONT)\b|\w*faser\w*|lichtwellen\w*)"
_LOOK_INTO = re.compile(
    r"\b(?:look|looking|peer|peek|stare|glance)\s+(?:\w+\s+)?(?:in|into|down)\s+(?:the|its|that|"
    r"this)\s+(?:[\w-]+\s+){0,2}?(?:end|ends|connector|plug|socket|port|cable|fib(?:re|er)|laser|"
    r"opening|tip)\b"
    r"|\b(?:schauen|blicken|sehen|gucken)\s+sie\b[^.!?;]{0,30}?\bin\s+(?:die|das|den|deren|dessen)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:\w*faser\w*|\w*kabel\w*|\w*ende|stecker\w*|buchse\w*|anschluss\w*|"
    r"öffnung)\b"
    r"|\bin\s+(?:die|das|den)\s+(?:\w*faser\w*|\w*ende|stecker\w*|buchse\w*)\s+(?:schauen|blicken|"
    r"sehen|gucken)\b",
    re.I,
)


def check_eye_hazard(body: str) -> list[DraftWarning]:
    """`unsupported_claim` for a sentence that tells the customer to look into a fibre's end,
    connector or socket (the sentence names the fibre, and no negation: "never look directly
    into the fibre" is the safety line)."""
    found: list[DraftWarning] = []
    for a, b in sentences(body):
        sentence = body[a:b]
        look = _LOOK_INTO.search(sentence)
        if look is None or NEGATION.search(sentence):
            continue
        if not re.search(rf"\b{_FIBRE}", sentence, re.I):
            continue
        found.append(
            _warn(
                "unsupported_claim",
                f"the reply tells the customer to look into a fibre's end ({look.group(0)!r}); "
                "its laser light can hurt the eyes, and no article advises it",
                sentence,
            )
        )
    return found


def run_harm_checks(data: HarmInput, settings: Settings) -> list[DraftWarning]:
    """All output checks of this module, in a fixed order."""
    from drafter.drafting.dates import check_dates
    from drafter.drafting.disclosure import (
        check_credentials,
        check_instruction_dump,
        check_secret_values,
    )
    from drafter.drafting.emergency_advice import (
        check_emergency,
        check_urgent_line,
        present_emergency,
    )
    from drafter.drafting.end_confirmed import check_end_confirmed
    from drafter.drafting.figure_conflicts import check_figure_conflicts
    from drafter.drafting.fixed_term import check_fixed_term
    from drafter.drafting.forbidden_advice import check_forbidden, check_put_off
    from drafter.drafting.guarantee_scope import check_guarantee_scope
    from drafter.drafting.harm_meaning import check_below_minimum, check_meaning
    from drafter.drafting.notice_end import check_notice_end
    from drafter.drafting.restated import check_restated
    from drafter.drafting.row_figures import check_row_figures
    from drafter.drafting.support import check_support
    from drafter.drafting.third_party import check_hand_over, check_third_party

    known = known_sources(data, settings)
    # the KB folder's articles in the reply's language, read once for the two checks that
    # judge a sentence against the whole KB
    articles = _articles(data, settings)
    return [
        *check_contacts(data, settings, known),
        *check_commitments(data, known),
        *check_payment_channels(data, known),
        *check_handed_money(data),
        *check_other_payee(data, known),
        *check_withheld(data, known),
        *check_vouched(data.body),
        *check_credentials(data.body),
        *check_secret_values(data.body, known.trusted),
        *check_instruction_dump(data.body, known.trusted, data.customer_text),
        *check_foreign_language(data),
        *check_dates(data.body, f"{known.trusted}\n{data.customer_text}\n{data.extra_known}"),
        *check_support(data, known.trusted, known.kb_wide),
        *check_restated(
            data.body,
            data.passages,
            known.trusted,
            data.customer_text,
            data.extra_known,
            data.language,
        ),
        *check_meaning(data, known, articles),
        *check_below_minimum(data, known),
        *check_third_party(data.body, data.customer_text, _with_company(known, settings)),
        *check_other_payer(data, known),
        *check_other_payer_promise(data, known),
        *check_other_party_rights(data.body, known.trusted),
        *check_legal_step(data.body, known.trusted),
        *check_eye_hazard(data.body),
        *check_hand_over(data.body),
        *check_emergency(data.body, data.passages, data.customer_text),
        *check_urgent_line(data.body, data.passages, data.customer_text),
        *check_put_off(data.body, present_emergency(data.passages, data.customer_text)),
        *check_forbidden(data.body, data.passages, data.language),
        *check_notice_end(data.body, data.passages, data.customer_text),
        *check_end_confirmed(data.body, data.passages, data.customer_text),
        *check_fixed_term(data.body, data.passages),
        *check_guarantee_scope(data.body, data.passages),
        *check_row_figures(data.body, data.passages),
        *check_figure_conflicts(
            data.body, data.passages, data.customer_text, data.language, articles
        ),
    ]


def _with_company(known: _Known, settings: Settings) -> str:
    """The trusted text plus the company's own phones and contact data (settings): the
    company's number given to a relative is nobody's personal data."""
    return "\n".join([known.trusted, *settings.company_phones, *settings.company_data])


def _articles(data: HarmInput, settings: Settings) -> tuple[str, ...]:
    """The KB folder's articles in the reply's language (drafter.drafting.library), or none."""
    from drafter.drafting.library import library

    lib = library(settings, data.passages)
    if lib is None:
        return ()
    return tuple(
        text
        for text, language in zip(lib.articles, lib.languages, strict=False)
        if language == data.language
    )
