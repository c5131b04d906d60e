"""The service's contact line and emergency line in a template draft, taken from the articles.

Owns `contact_line` (the knowledge base's own sentence on how to reach the service, never an
emergency or fault number), `emergency_line` (the hotline sentence an urgent draft starts
with) and `emergency_phones` (the numbers the articles name as emergency, fault or 24 h lines).
Deterministic, no model.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence

from drafter.drafting.article_units import Unit, parse_article
from drafter.drafting.coherence import bare_contact
from drafter.drafting.layout import as_line
from drafter.models import Passage
from drafter.privacy.patterns import EMAIL_RE
from drafter.toolkit import wordset

EMAIL = EMAIL_RE  # the one e-mail pattern (drafter.privacy.patterns)
PHONE = re.compile(r"(?<![\w-])\+?\d[\d /-]{6,}\d\b")


# a sentence continuing the one before it: "Oder …", "Or call …", "Sie können uns auch …",
# "You can also email …" (an alternative to a route the draft does not show)
_CONTINUES = re.compile(
    r"^(?:Oder|Or|Alternativ|Alternatively|Auch|Also|Ebenso|Außerdem)\b|"
    r"^(?:[^\s,;:]+\s+){1,3}(?:auch|also|alternativ|alternatively|ebenfalls)\b",
    re.I,
)
CONTINUES_PENALTY = 10.0  # below any sentence that stands alone


def contact_line(texts: Sequence[str], own_address: str = "", language: str = "") -> str:
    """The knowledge base's own sentence on how to reach the service (email and phone).

    Taken from the given article texts: the sentence naming an email address and a phone
    number that recur across the articles (the general service line, not a special one).
    A sentence naming an emergency or fault number (`emergency_phones`) is never the contact
    line: "Call from outside: 0431 5577-112 ..." under an IT question would send the
    customer to the gas emergency service.
    A sentence that continues another one ("Oder per E-Mail an …", "Or call …", "You can
    also email …") reads as a fragment on its own: it is shown without the continuing word
    (`standalone`), or, when that cannot be done ("Außerdem erreichen Sie uns …"), ranked
    below every sentence that stands alone.
    Only a sentence that says nothing but how to reach the service is a contact line
    (`only_contact`): "Tell us within 7 days of the bill date by email to …", "Without the
    portal, email …" or "Schäden melden Sie bitte schriftlich an …" under an unrelated reply
    were fragments of another article's rule (session-9 blind review, mails 24, 25, 34, 39).
    When no sentence qualifies, the line is written from the recurring address and number
    (`written_contact`, given the reply `language`; "" without one). A bare order to call
    ("Call 0431 … (hours).", `bare_call`) is not the line either: the line is then written.
    """
    units = [u for n, text in enumerate(texts, 1) for u in parse_article(text, n)]
    urgent = emergency_phones(units)
    counts: dict[str, int] = {}
    for unit in units:
        for found in {*EMAIL.findall(unit.text), *PHONE.findall(unit.text)}:
            counts[found] = counts.get(found, 0) + 1
    best: tuple[float, int, str] | None = None
    for unit in units:
        emails, phones = EMAIL.findall(unit.text), PHONE.findall(unit.text)
        if (not emails and not phones) or unit.text.endswith("?") or urgent & set(phones):
            continue
        text = standalone(unit.text)  # "Or call …" -> "Call …"
        if bare_call(text):
            continue
        if not only_contact(text) or bare_contact(text):
            continue  # another rule's sentence, or a list item torn from its lead-in
        score = sum(counts[x] for x in {*emails, *phones}) + 2.0 * (bool(emails) + bool(phones))
        score += 1.0 if own_address and own_address.lower() in unit.text.lower() else 0.0
        score -= len(unit.text.split()) / 20
        score -= CONTINUES_PENALTY if _CONTINUES.search(text) else 0.0
        key = (-score, unit.position, text)
        if best is None or key < best:
            best = key
    if best is not None:
        return as_line(best[2])  # a list item ends like a sentence
    return written_contact(units, counts, urgent, own_address, language)


# the words of a sentence that only says how to reach the service ("Sie erreichen uns per
# E-Mail an … oder telefonisch unter …", "Questions: …", "You can email … or call …"); a
# label before a colon may name the subject ("Fragen zur Rechnung: …")
_CONTACT_WORDS = wordset(
    "sie erreichen uns unter per e-mail email mail telefonisch telefon oder bzw und an "
    "fragen beantworten wir gern gerne rufen schreiben kontakt hilfe service-hotline hotline "
    "service beratung melden sich bitte jederzeit "
    "you can reach us at on by phone call or and questions contact write to via please help"
)
_LABEL = re.compile(
    r"^(?:fragen|questions|kontakt|contact|hilfe|help|beratung|service\S*|telefon\S*|phone|"
    r"e-?mail)\b[^:.!?]{0,40}:\s*",
    re.I,
)
_HOURS = re.compile(r"\s*\([^()]*\)")
_URL = re.compile(r"\bhttps?://\S+|\bwww\.\S+")


# a bare order to call, with no reason ("Call 0431 5577-100 (Mon–Fri 8 am–6 pm).", "Rufen Sie
# uns an unter 0431 …"): torn from its section ("No access to your email address?"), it read
# as a fragment to the session-9 and session-10 reviewers (four drafts); the contact line is
# then written ("You can call us on …")
_BARE_CALL = re.compile(
    rf"^(?:(?:Call|Ring|Phone)(?: us)?(?: on| at)?|Rufen Sie(?: uns)?(?: an)?(?: unter)?)\s+"
    rf"{PHONE.pattern}(?:\s*\([^()]*\))?(?:\s+an)?\.?$"
)


def bare_call(sentence: str) -> bool:
    """True for a sentence that only tells the customer to call a number (see above)."""
    return bool(_BARE_CALL.match(sentence.strip()))


def only_contact(sentence: str) -> bool:
    """True when `sentence` says nothing but how to reach the service: besides addresses,
    phone numbers, opening hours in brackets and a leading label ("Fragen zur Rechnung:"),
    only words of asking and reaching (no rule, deadline, condition or other task)."""
    text = _LABEL.sub("", sentence.replace("*", ""))
    text = _HOURS.sub(" ", EMAIL.sub(" ", PHONE.sub(" ", _URL.sub(" ", text))))
    if re.search(r"\d", text):
        return False
    return all(w.lower() in _CONTACT_WORDS for w in re.findall(r"[^\W\d_][\w-]*", text))


# (with a number, with a number and an address, with an address only)
_WRITTEN = {
    "de": (
        "Sie erreichen uns unter {phone}{hours}.",
        "Sie erreichen uns unter {phone}{hours} oder per E-Mail an {email}.",
        "Sie erreichen uns per E-Mail an {email}.",
    ),
    "en": (
        "You can call us on {phone}{hours}.",
        "You can call us on {phone}{hours} or email {email}.",
        "You can email us at {email}.",
    ),
}


_NO_REPLY = re.compile(r"no-?reply|do-?not-?reply", re.I)


def written_contact(
    units: Sequence[Unit],
    counts: dict[str, int],
    urgent: set[str],
    own_address: str,
    language: str,
) -> str:
    """A contact line written from the articles' most recurring service number (with its
    opening hours as the articles give them) and our own address (`own_address`, else the
    articles' most recurring one), in `language`; "" without a language or without either."""
    if language not in _WRITTEN:
        return ""
    phones = [p for p in counts if PHONE.fullmatch(p) and p not in urgent]
    emails = [e for e in counts if EMAIL.fullmatch(e)]
    # our own address (the one the reply comes from) is how to write to us; an article's
    # address may be a department's for its own topic only ("datenschutz@" under a fibre
    # speed question: session-10 blind review, mail 34); written only where an article
    # gives an address at all
    own = own_address if EMAIL.fullmatch(own_address) and not _NO_REPLY.search(own_address) else ""
    phone = max(phones, key=lambda p: counts[p], default="")
    email = (own or max(emails, key=lambda e: counts[e])) if emails else ""
    if not phone and not email:
        return ""
    hours = Counter(
        found.group(1)
        for unit in units
        for found in re.finditer(re.escape(phone) + r"\s*(\([^()]*\))", unit.text)
    )
    only_phone, both, only_email = _WRITTEN[language]
    pattern = both if phone and email else only_phone if phone else only_email
    around = f" {hours.most_common(1)[0][0]}" if phone and hours else ""
    return pattern.format(phone=phone, hours=around, email=email)


# the closing offer of a template draft: how to reach us, as a reply's last paragraph says it
# (the golden reference answers: "Wenn Sie vorab sprechen möchten, erreichen Sie uns unter …
# (Mo–Fr …) oder per E-Mail an …"), for a draft that answers (`answered`) or one that holds
_OFFER = {
    ("de", True): "Wenn Sie Fragen haben, erreichen Sie uns telefonisch unter {routes}.",
    ("de", False): "Wenn Sie vorab mit uns sprechen möchten, erreichen Sie uns telefonisch "
    "unter {routes}.",
    ("en", True): "If you have any questions, call us on {routes}.",
    ("en", False): "If you would like to talk to us in the meantime, call {routes}.",
}
_ONLY_EMAIL = {
    ("de", True): "Wenn Sie Fragen haben, erreichen Sie uns per E-Mail an {email}.",
    ("de", False): "Wenn Sie vorab Fragen haben, erreichen Sie uns per E-Mail an {email}.",
    ("en", True): "If you have any questions, email us at {email}.",
    ("en", False): "If you have any questions in the meantime, email us at {email}.",
}


def closing_offer(texts: Sequence[str], own_address: str, language: str, *, answered: bool) -> str:
    """The closing offer of a template draft, written in `language`: the service number the
    articles name most often (never an emergency or fault number) with its opening hours as
    the articles give them, and our own address (`own_address`, the one the reply is sent
    from; else the articles' most recurring one): "Wenn Sie Fragen haben, erreichen Sie uns
    telefonisch unter 0431 … (Mo–Fr 8–18 Uhr, Sa 9–13 Uhr) oder per E-Mail an …". A draft
    that holds the question (`answered` False) offers to talk in the meantime. "" when the
    articles give neither a number nor an address (the caller falls back to `contact_line`)."""
    if (language, answered) not in _OFFER:
        return ""
    units = [u for n, text in enumerate(texts, 1) for u in parse_article(text, n)]
    urgent = emergency_phones(units)
    counts: Counter[str] = Counter()
    for unit in units:
        counts.update({*EMAIL.findall(unit.text), *PHONE.findall(unit.text)})
    phone, hours, email = _routes(units, counts, urgent, own_address)
    if not phone:
        return _ONLY_EMAIL[(language, answered)].format(email=email) if email else ""
    joined = " oder per E-Mail an " if language == "de" else " or email "
    routes = f"{phone}{hours}{joined}{email}" if email else f"{phone}{hours}"
    return _OFFER[(language, answered)].format(routes=routes)


def _routes(
    units: Sequence[Unit], counts: dict[str, int], urgent: set[str], own_address: str
) -> tuple[str, str, str]:
    """(service number, " (its opening hours)" or "", address) as `written_contact` picks
    them: the most recurring number that is no emergency line, the hours most often written
    after it, our own address (not a no-reply one) where an article gives an address at all."""
    phones = [p for p in counts if PHONE.fullmatch(p) and p not in urgent]
    emails = [e for e in counts if EMAIL.fullmatch(e)]
    own = own_address if EMAIL.fullmatch(own_address) and not _NO_REPLY.search(own_address) else ""
    phone = max(phones, key=lambda p: counts[p], default="")
    email = (own or max(emails, key=lambda e: counts[e])) if emails else ""
    hours = (
        Counter(
            found.group(1)
            for unit in units
            for found in re.finditer(re.escape(phone) + r"\s*(\([^()]*\))", unit.text)
        )
        if phone
        else Counter()
    )
    return phone, (f" {hours.most_common(1)[0][0]}" if hours else ""), email


# a conjunction or an adverb that can go without changing the word order ("Außerdem
# erreichen Sie uns …" would need a new word order: it is only ranked down); German
# "Alternativ" only before a bare route ("Alternativ per E-Mail an …")
_OPENER = re.compile(r"^(?:Oder|Or|Alternatively|Alternativ),?\s+")
_INNER = re.compile(r"^((?:[^\s,;:]+\s+){1,3}?)(?:auch|also|alternativ|alternatively|ebenfalls)\s+")
_ROUTE_ONLY = re.compile(r"^(?:per|by|via|telefonisch|unter|at|on)\b", re.I)


def standalone(sentence: str) -> str:
    """`sentence` without the word that continued another one: "Or call 0431 …" -> "Call
    0431 …", "Oder per E-Mail an …" -> "Sie erreichen uns per E-Mail an …", "You can also
    email …" -> "You can email …"."""
    opener = _OPENER.match(sentence)
    if opener:
        rest = sentence[opener.end() :]
        word = opener.group(0).rstrip(", ")
        german = word in ("Oder", "Alternativ")
        if _ROUTE_ONLY.match(rest):
            return f"{'Sie erreichen uns' if german else 'You can reach us'} {rest}"
        if word == "Alternativ":
            return sentence  # "Alternativ können Sie …" needs its word order: ranked down
        return rest[:1].upper() + rest[1:]
    return _INNER.sub(r"\1", sentence, count=1)


_HOTLINE = re.compile(
    r"notfall|notruf|störung|24[\s-]*h|24\s*stunden|rund um die uhr|emergenc|around the clock",
    re.IGNORECASE,
)


def _first_hotlines(texts: Sequence[str]) -> Iterator[tuple[int, Unit]]:
    """(1-based text number, unit) of each text's first unit that names a phone number and
    an emergency/24 h service."""
    for n, text in enumerate(texts, 1):
        for unit in parse_article(text, n):
            if PHONE.search(unit.text) and _HOTLINE.search(f"{unit.context} {unit.text}"):
                yield n, unit
                break


def emergency_line(texts: Sequence[str]) -> tuple[int, str]:
    """(1-based text number, sentence) of the first sentence that names a phone number and an
    emergency/24 h service; (0, "") when the texts have none."""
    return next(((n, unit.text) for n, unit in _first_hotlines(texts)), (0, ""))


# the public emergency number, as an instruction ("rufen Sie den Notruf 112", "dial 112"); not
# our own hotline "0431 5577-112", nor "Notrufe (110, 112) bleiben möglich"
_PUBLIC_CALL = re.compile(r"\b(?:rufen|wählen|call|dial)\b.*(?<![\d-])\*{0,2}11[02]\b", re.I)


def public_emergency(sentence: str) -> bool:
    """True for a sentence telling the customer to call the public emergency number."""
    return bool(_PUBLIC_CALL.search(sentence))


def emergency_article(texts: Sequence[str]) -> int:
    """The 0-based number of the first text that tells the customer what to do in an
    emergency: its first emergency/24 h line is a sentence ("Handeln Sie sofort und rufen Sie
    ... an"), not a row of a contact table; -1 when none does."""
    return next((n - 1 for n, unit in _first_hotlines(texts) if unit.kind == "sentence"), -1)


def covers_emergency(passages: Sequence[Passage], articles: Sequence[str], language: str) -> bool:
    """Whether an article in the reply's language tells the customer what to do in an
    emergency (`emergency_article`): then an urgent mail is answered from it, never with a
    holding reply, whatever the gap decision doubts."""
    texts = [
        text
        for passage, text in zip(passages, articles, strict=False)
        if not passage.language or passage.language == language
    ]
    return emergency_article(texts) >= 0


_SPECIAL_LINE = re.compile(rf"{_HOTLINE.pattern}|24\s*/\s*7|\bfault\b", re.IGNORECASE)


def emergency_phones(units: Sequence[Unit]) -> set[str]:
    """Phone numbers a sentence of the articles names as an emergency, fault or 24 h line."""
    return {
        phone
        for unit in units
        if _SPECIAL_LINE.search(unit.text)
        for phone in PHONE.findall(unit.text)
    }
