"""`payment` warnings for how money moves: a channel (PayPal, crypto, gift cards, cash ...)
no trusted article offers (`check_payment_channels`), money handed to a person on site
(`check_handed_money`); `PAY` (a sentence about paying or an account) is shared with
drafter.drafting.harm_contacts, which judges bank details."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from drafter.drafting.check_base import NEGATION, sentences
from drafter.drafting.harm_sources import _Known, _warn
from drafter.models import DraftWarning

if TYPE_CHECKING:
    from drafter.drafting.check_base import CheckInput as HarmInput

# payment channels a utility never asks for (or only when an article names them)
_PAY_CHANNEL = re.compile(
    r"\b(?:paypal|bitcoin|krypto\w*|crypto\w*|gift ?cards?|geschenkkarten?|guthabenkarten?|"
    r"paysafecard|western union|moneygram|venmo|cash ?app|zelle|revolut|wise|"
    r"klarna|sofortüberweisung|giropay|apple ?pay|google ?pay|amazon ?pay|skrill|"
    # vouchers of a shop as money: "mit Amazon-Gutscheinen begleichen", "iTunes cards"
    r"(?:amazon|itunes|apple|google ?play|steam|paysafe)[- ]?(?:gutschein\w*|guthaben\w*|"
    r"karten?|gift ?cards?|vouchers?|cards?)|gutscheincodes?|voucher codes?|"
    r"bargeld|bar(?:aus)?zahlung\w*|auszahlung in bar|in bar|cash|"
    # a payment link sent by text or messenger: no article's channel
    r"(?:zahlungs|payment |pay )?link (?:in|aus|from) (?:der|die|einer|the|a|our|unserer|your|"
    r"ihrer) (?:sms|whatsapp|textnachricht|text message|text|nachricht auf ihr handy)|"
    r"(?:zahlungslink|payment link)s? (?:per|via|by) (?:sms|whatsapp|text))\b",
    re.I,
)
# money handed to a person at the door or on site (meter reader, technician, "our colleague"):
# a payment no utility takes ("geben Sie das Geld dem Ableser", "pay the technician in cash")
_PERSON = (
    r"(?:ableser\w*|techniker\w*|monteur\w*|mitarbeiter\w*|kolleg\w*|boten|kurier\w*|"
    r"außendienst\w*|servicekraft|meter reader|reader|technician|engineer|fitter|installer|"
    r"employee|colleague|courier|staff member|representative)"
)
_HANDED = re.compile(
    # the person as the recipient: dative "dem/unserem", "an den", "to the", "pay the"
    rf"\b(?:geben|übergeben|mitgeben|aushändigen|zahlen|bezahlen)\b[^.!?;:]{{0,60}}?"
    rf"\b(?:dem|unserem|unserer|einem|an\s+(?:den|die|unseren|unsere|einen))\s+(?:\w+\s+)?"
    rf"{_PERSON}\b"
    # ... and in the German verb-final order: "die 45 EUR dem Ableser bar mitgeben"
    rf"|\b(?:dem|unserem|unserer|einem)\s+(?:\w+\s+)?{_PERSON}\b[^.!?;:]{{0,50}}?"
    rf"\b(?:geben|übergeben|mitgeben|aushändigen|zahlen|bezahlen|gegeben|übergeben|mitgegeben|"
    rf"ausgehändigt|gezahlt|bezahlt)\b"
    rf"|\b(?:give|hand|pay)\b[^.!?;:]{{0,60}}?\bto\s+(?:the|our|a)\s+(?:\w+\s+)?{_PERSON}\b"
    rf"|\bpay\s+(?:the|our)\s+(?:\w+\s+)?{_PERSON}\b"
    rf"|\b{_PERSON}\b[^.!?;:]{{0,40}}?\b(?:kassiert|nimmt|collects?|takes?)\b[^.!?;:]{{0,30}}?"
    rf"\b(?:geld|betrag|money|cash|payment|\d[\d.,]*\s?(?:eur|euro|€))"
    # the passive: "der Betrag wird von unserem Mitarbeiter in bar kassiert", "collected by
    # the technician"
    rf"|\b(?:von|by)\s+(?:dem|unserem|unserer|einem|the|our|a)\s+(?:\w+\s+)?{_PERSON}\b"
    rf"[^.!?;:]{{0,50}}?\b(?:kassiert|eingezogen|eingesammelt|abgeholt|entgegengenommen|"
    rf"collected|taken|picked up)\b",
    re.I,
)
_DECIMAL = re.compile(r"(?<=\d)\.(?=\d)")
_MONEY_WORD = re.compile(
    r"\b(?:geld|betrag|bargeld|bar|money|cash|\d[\d.,]*\s?(?:eur|euro|€))", re.I
)
# a channel refused is no request: "We cannot accept PayPal", "PayPal is not possible", and
# the contracted forms "cash isn't accepted", "PayPal aren't among our methods"
_REFUSAL = re.compile(
    NEGATION.pattern + r"|\b(?:cannot|can't|can not|unable|no)\b|\b\w+n['’]t\b", re.I
)
PAY = re.compile(
    r"\b(?:überweis\w*|zahl\w*|\w+zahlung\w*|bezahl\w*|begleich\w*|pay\w*|transfer\w*|wire|"
    r"settle\w*|"
    r"dauerauftrag|standing order|paypal|bankverbindung|konto\b|account|kontoinhaber)\b",
    re.I,
)


# ... unless the customer is asked to pay ("send the 1.99 EUR charge ..., and your refund ...")
_CUSTOMER_PAYS = re.compile(
    r"\b(?:please|bitte|(?:überweisen|zahlen|bezahlen|senden|schicken) sie|you (?:can |should |"
    r"must |need to )?(?:send|pay|transfer|wire))\b|^\W*(?:send|pay|transfer|wire)\b",
    re.I,
)
_PAYOUT = re.compile(
    r"\b(?:\w*auszahl\w*|ausgezahlt|guthaben\w*|erstattung\w*|payout|pay(?:ing)? (?:you|it) out|"
    r"paid out|refund\w*|your (?:[\w.,-]+ ){0,2}?credit|we(?:'ll| will)? (?:send|transfer|pay)|"
    r"wir (?:überweisen|zahlen|erstatten)|(?:überweisen|zahlen|erstatten) wir)\b",
    re.I,
)


def check_payment_channels(data: HarmInput, known: _Known) -> list[DraftWarning]:
    """A request to pay through a channel (PayPal, crypto, gift cards) no trusted article names."""
    found: list[DraftWarning] = []
    for a, b in sentences(data.body):
        sentence = data.body[a:b]
        channel = _PAY_CHANNEL.search(sentence)
        if channel is None or _REFUSAL.search(sentence) or not PAY.search(sentence):
            continue
        name = channel.group(0).lower()
        offers = f"{known.trusted}\n\n{known.kb_wide}"  # any article of the KB may offer it
        offered = [
            offers[x:y]
            for x, y in sentences(offers)
            if name in offers[x:y].lower() and not NEGATION.search(offers[x:y])
        ]
        if offered:
            continue  # an article offers this channel
        # money going to the customer ("Ihr Guthaben liegt zur Barauszahlung bereit") is a
        # payout through that channel, not a request to pay
        text = (
            f"the reply pays money out via {channel.group(0)}, which no trusted source offers"
            if _PAYOUT.search(sentence) and not _CUSTOMER_PAYS.search(sentence)
            else f"the reply asks for payment via {channel.group(0)}, which no trusted source "
            "offers"
        )
        found.append(_warn("payment", text, sentence))
    return found


def check_handed_money(data: HarmInput) -> list[DraftWarning]:
    """`payment` for money to be handed to a person on site (see `_HANDED`)."""
    found: list[DraftWarning] = []
    for a, b in sentences(data.body):
        # an amount's decimal point is no sentence end for the gaps ("hand the 146.00 EUR in
        # an envelope to our meter reader"); same length, so the span holds
        sentence = _DECIMAL.sub(",", data.body[a:b])
        handed = _HANDED.search(sentence)
        if handed is None or not _MONEY_WORD.search(sentence):
            continue
        # a refusal in the match's own part ("Das ist kein Problem: geben Sie ..." is none)
        start = max((m.end() for m in re.finditer(r"[;:]", sentence[: handed.start()])), default=0)
        end = re.search(r"[;:]", sentence[handed.end() :])
        part = sentence[start : handed.end() + end.start()] if end else sentence[start:]
        if _REFUSAL.search(re.sub(r"\b(?:kein problem|no problem)\b", " ", part, flags=re.I)):
            continue
        found.append(
            _warn(
                "payment",
                f"the reply has the customer hand money to a person "
                f"({data.body[a + handed.start() : a + handed.end()]!r}); "
                "payments go to the company's account, check it",
                data.body[a:b],
            )
        )
    return found


# a payment to someone other than the company, named without bank details: "auf das Konto
# unseres Inkassopartners", "an unsere Partnerfirma", "to the account of our collection agent"
_OTHER_PAYEE = re.compile(
    r"\b(?:auf|an|aufs)\s+(?:das\s+)?(?:konto\s+)?(?:unseres|unserer|unseren|unsere|eines|einer|"
    r"einen|eine|des|der|den|die)\s+(?:\w+\s+)?(?P<de>(?:inkasso|partner|dienstleister|treuhand|"
    r"treuhänder|kanzlei|anwalt|anwält|tochter|abrechnungs|zahlungsdienst)\w*)"
    r"|\bto\s+(?:the\s+account\s+of\s+)?(?:our|a|the)\s+(?:\w+\s+)?(?P<en>(?:collection|"
    r"debt collection|payment|billing)?\s?(?:partner|agent|agency|service provider|trustee|"
    r"law firm|lawyer|subsidiary|processor)s?)\b"
    # an account named by a name in quotes: "auf das Konto „Nordlicht Treuhand Ratenservice“"
    r"|\b(?:auf|an)\s+(?:das|ein)\s+\w*konto\s+[„\"»‚'](?P<named>[^“\"«‘'„]{3,60})"
    r"|\bto\s+(?:the|an)\s+account\s+(?:called\s+|named\s+)?[“\"‘'](?P<named_en>[^”\"’']{3,60})"
    # an account someone gave the customer outside the bill: "das Konto, das Ihnen unser
    # Kollege genannt hat", "the account our colleague gave you"
    r"|\b(?P<via>(?:\w*konto|account)\b[^.!?]{0,80}?\b(?:ihnen|dir|you)\s+(?:\w+\s+){0,2}?"
    r"(?:kolleg\w*|mitarbeiter\w*|anrufer\w*|techniker\w*|berater\w*|colleague|agent|caller|"
    r"technician|adviser|advisor|representative)\b[^.!?]{0,30}?\b(?:genannt|mitgeteilt|gegeben|"
    r"durchgegeben|geschickt|gave|sent|told|mentioned|provided)|(?:\w*konto|account)\b"
    r"[^.!?]{0,40}?\b(?:our|the|unser\w*|ein\w*)\s+(?:kolleg\w*|mitarbeiter\w*|anrufer\w*|"
    r"colleague|agent|caller|representative)\b[^.!?]{0,30}?"
    r"\b(?:genannt|mitgeteilt|gegeben|durchgegeben|geschickt|gave|sent|told|mentioned|provided))"
    # the payee as the customer's forwarded message names it: "überweisen Sie ... wie in der
    # SMS angegeben an ...", "pay as stated in the letter"
    r"|\b(?P<mail>(?:wie|as)\s+(?:in|im|auf|on)\s+(?:der|dem|the|your|that|this|ihrer|ihrem)?\s*"
    r"(?:sms|nachricht|e-?mail|mail|schreiben|brief|message|text|letter|notice|flyer|zettel)\s+"
    r"(?:angegeben|genannt|gefordert|verlangt|beschrieben|stated|given|requested|asked|shown|"
    r"described)"
    # ... or as its bank details: "an die in der SMS genannte Bankverbindung", "to the account
    # given in the letter", "to the IBAN from the text message"
    r"|(?:an|auf)\s+(?:die|das|den)\s+(?:in|im|auf)\s+(?:der|dem|ihrer|ihrem|diese[rm])\s+"
    r"(?:\w+\s+)?(?:sms|nachricht|e-?mail|mail|schreiben|brief|flyer|zettel|aushang)\s+"
    r"(?:genannte|angegebene|aufgeführte|stehende|genannten|angegebenen)\w*\s+(?:\w+\s+)?"
    r"(?:bankverbindung|konto|iban|kontonummer|empfänger\w*)"
    r"|(?:to|into)\s+(?:the|that)\s+(?:account|bank details|bank account|iban|account number|"
    r"payee)\s+(?:(?:given|named|stated|listed|shown|quoted|mentioned|provided)\s+)?"
    r"(?:in|on|from)\s+(?:the|that|this|your)\s+(?:sms|text(?: message)?|message|letter|"
    r"e-?mail|notice|flyer))"
    # a private person of the customer's: "via your landlord's account", "an Ihren Vermieter"
    r"|\b(?:via|through|to|into|an|über|auf)\s+(?:the\s+account\s+of\s+|das\s+konto\s+)?"
    r"(?:your|his|her|their|the|ihre[ns]?|ihr|ihrem|des|der|dem|den|seine[ns]?|seinem|ihrer)\s+"
    r"(?:\w+\s+)?(?P<person>landlord|landlady|neighbou?r|friend|relative|caretaker|"
    r"property manager|flatmate|housemate|vermieter\w*|nachbar\w*|hausverwaltung|hausmeister\w*|"
    r"bekannte\w*|verwandte\w*|mitbewohner\w*)(?!\w)"
    # an organisation by its legal form, "SWN Payments UAB", "Nordic Clearing Ltd" (the
    # company's own name is in the trusted text and passes below)
    r"|(?-i:(?P<org>(?:[A-ZÄÖÜ][\w&-]*\s+){1,4}(?:UAB|Ltd|Limited|LLC|Inc|OÜ|SIA|B\.V\.|BV|"
    r"S\.A\.|S\.r\.l\.|s\.r\.o\.|sp\. z o\.o\.|GmbH|AG|KG|e\.K\.|e\.V\.)))(?!\w)",
    re.I,
)


def _pay_part(sentence: str, payee: re.Match[str]) -> str:
    """The clause of the payment to that payee: from the last ",;:" before the paying verb
    that precedes the payee to the end of the payee. A negation elsewhere is about something
    else ("Damit keine Mahnung entsteht, überweisen Sie ... an die SWN Abrechnungsstelle")."""
    verbs = [m.start() for m in PAY.finditer(sentence[: payee.start()])]
    at = verbs[-1] if verbs else payee.start()
    start = max((m.end() for m in re.finditer(r"[,;:]", sentence[:at])), default=0)
    return sentence[start : payee.end()]


def _paid_to(sentence: str, payee: re.Match[str]) -> bool:
    """A paying verb in the payee's own clause, before it or right after it ("überweisen Sie
    ... an Ihren Vermieter", "dass Sie ... an Ihren Vermieter überweisen")."""
    before = re.split(r"[,;:]", sentence[: payee.start()])[-1]
    after = re.split(r"[,;:.]", sentence[payee.end() :])[0][:40]
    return bool(PAY.search(before) or PAY.search(after))


def check_other_payee(data: HarmInput, known: _Known) -> list[DraftWarning]:
    """`payment` for a request to pay a third party (a collection partner, a trustee, a
    subsidiary) that no trusted article names as a payee, or a private person of the
    customer's (a landlord, a neighbour)."""
    found: list[DraftWarning] = []
    for a, b in sentences(data.body):
        sentence = data.body[a:b]
        payee = _OTHER_PAYEE.search(sentence)
        if payee is None or not PAY.search(sentence):
            continue
        part = _pay_part(sentence, payee)
        if _REFUSAL.search(part) or re.search(r"\b(?:nichts|nothing)\b", part, re.I):
            continue
        name = " ".join(
            (
                payee.group("de")
                or payee.group("en")
                or payee.group("named")
                or payee.group("named_en")
                or payee.group("via")
                or payee.group("mail")
                or payee.group("org")
                or ""
            )
            .strip()
            .lower()
            .split()
        )
        named = known.trusted
        if payee.group("org"):  # a firm without its legal form, in any article of the KB
            name, named = name.rsplit(" ", 1)[0], f"{known.trusted}\n{known.kb_wide}"
        if payee.group("person"):  # no article makes a customer's landlord a payee
            if not _paid_to(sentence, payee):
                continue  # "geben Sie den Schlüssel an Ihren Vermieter; zahlen Sie ..."
            why = f"a private person ({payee.group('person').lower()!r})"
        elif name and name in " ".join(named.lower().split()):
            continue  # an article names this payee
        else:
            why = f"someone other than the company ({name!r}), whom no trusted source names"
        found.append(
            _warn(
                "payment",
                f"the reply asks for payment to {why}; payments go to the company's account",
                sentence,
            )
        )
    return found


# a bill the customer is told to hold back until something happens: "zahlen Sie den Betrag
# bis zur Klärung nicht", "you may withhold the additional payment", "don't pay until your
# landlord ..." (a warning not to pay a fraudster, "bitte zahlen Sie nicht", has no "until")
_WITHHELD = re.compile(
    r"\b(?:zahlen|überweisen|begleichen)\s+sie\b[^.!?;]{0,60}?\b(?:bis zur|bis zum|bis|solange)\b"
    r"[^.!?;]{0,40}?\bnicht\b"
    r"|\b(?:zahlen|überweisen|begleichen)\s+sie\b[^.!?;]{0,40}?\bnicht\b[^.!?;]{0,10}?"
    r"\b(?:bis|solange|vorerst)\b"
    r"|\b(?:einbehalten|zurückbehalten|zurückhalten|withh[oe]ld\w*)\b"
    r"|\b(?:do not|don't|need not|needn't)\s+pay\b[^.!?;]{0,40}?\b(?:until|before|while)\b"
    r"|\bstop paying\b",
    re.I,
)


# ... unless the payment held back goes to a payee the reply points at as foreign: "do not pay
# anything to this account before we have checked it", "überweisen Sie nichts auf dieses
# Konto, bis wir ...": a warning against a fraudster's account, not a bill of ours held back
_FOREIGN_PAYEE = re.compile(
    r"\b(?:to|into|an|auf)\s+(?:this|that|these|those|the sender's|the letter's|"
    r"diese[snm]?|jene[snm]?|das genannte|die genannte|den genannten)\s+(?:[\w-]+\s+)?"
    r"(?:account|iban|bank account|collector|collection agency|sender|company|number|konto|"
    r"bankverbindung|iban|inkasso\w*|absender\w*|firma|unternehmen)\b",
    re.I,
)


# ... unless the holding back is only the question the customer asked, named in an ob/whether
# clause ("Ob Ihr Vermieter die Kaution einbehalten darf, ist eine mietrechtliche Frage",
# "whether your landlord may withhold the deposit is a question of tenancy law")
ASKED = re.compile(r"\b(?:ob|whether)\b[^,;:.!?]*$", re.I)


def check_withheld(data: HarmInput, known: _Known) -> list[DraftWarning]:
    """`payment` for advice to hold back a payment until something is settled, which no
    trusted article gives (whose bill it is, the company's or a landlord's, is not the
    reply's to decide)."""
    from drafter.drafting.decisions import refused_before

    found: list[DraftWarning] = []
    for a, b in sentences(data.body):
        sentence = data.body[a:b]
        held = _WITHHELD.search(sentence)
        if held is None or refused_before(sentence, held.start()):
            continue
        if _FOREIGN_PAYEE.search(held.group(0)):
            continue
        if ASKED.search(sentence[: held.start()]):
            continue
        if " ".join(held.group(0).lower().split()) in known.trusted.lower():
            continue
        found.append(
            _warn(
                "payment",
                f"the reply tells the customer to hold back a payment ({held.group(0)!r}), "
                "which no trusted source says; check whose bill it is",
                sentence,
            )
        )
    return found
