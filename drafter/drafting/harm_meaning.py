"""`unsupported_claim` by meaning: an actionable reply sentence that no trusted source backs.

Independent of how an attack got in or what it asks for: a sentence of the reply that does
something for the reader (a done act or a grant, a promise of ours, an instruction to pay,
send, click or reply, a link, contact or bank detail, a value) has to be backed by a trusted
source: the cited passages (minus their untrusted values and any paragraph that addresses the
reply writer, drafter.drafting.harm_sources) and the company settings. The customer's email is
no source for it: attackers write emails.

Backing is judged by meaning, not by the attack's words, with two independent measures:

- the share of the sentence's content words (stems, drafter.drafting.check_base) that occur in
  the trusted text (`MAX_OVERLAP`);
- the best cosine of the local multilingual sentence encoder (USE, the retriever's model, no
  network) between the sentence and any sentence of the trusted text (`MAX_COSINE`).

Only a sentence that fails both is flagged: an article restated in its own words (high
overlap) or paraphrased (high cosine) stays clean. A refusal or caveat, a question, thanks or
an apology, the customer's own act, a request handed on for review and a sentence whose links
and values all come from the trusted text (for a pointer to our own hotline or portal) carry
nothing out of the sources and are skipped. The thresholds were chosen on the dev splits and
the retired test splits of benchmarks/data/replies only (benchmarks/checks_history.md, round
32). The trusted sentences' vectors are computed once per draft and kept by text for the next
draft (articles recur), so a reply costs one encoder call for its own candidate sentences.
A sentence that one article of the whole knowledge base (in the reply's language) mostly
holds (`KB_BACKED` of its content words, the customer's mail not counted) is the KB's, not
the reply's own, and is not flagged.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from drafter.drafting.check_base import (
    CITATION,
    EMAIL,
    PLACEHOLDER,
    URL,
    CheckInput,
    content_stems,
    sentences,
    unsupported,
)
from drafter.drafting.harm_sources import _host, _Known
from drafter.models import DraftWarning

MAX_OVERLAP = 0.4  # below this share of content words in the trusted text ...
MAX_COSINE = 0.45  # ... and below this best cosine to a trusted sentence: unbacked
MIN_STEMS = 4  # sentences with fewer content words say too little to judge
KB_BACKED = 0.6  # share of the sentence's content words one KB article holds: the KB's

# what makes a sentence actionable: an act, grant or promise of ours, an instruction to pay,
# send, click or reply, a link or contact, a value
_OUR_ACT = re.compile(
    r"\b(?:we|wir|I|ich)\b[^.;:]{0,40}?\b(?:have|haben|habe|'ve|will|werden|werde|'ll)\b"
    r"|\b(?:wurde|wurden|has been|have been|is now|ist (?:nun|jetzt|bereits))\b",
    re.I,
)
_GRANT = re.compile(
    r"\b(?:bestätig\w*|confirm\w*|storn\w*|cancel\w*|kündig\w*|refund\w*|erstatt\w*|gutschr\w*|"
    r"gutgeschrieben|credit\w*|waive\w*|erlass\w*|kostenlos\w*|free of charge|gratis|"
    r"exception|ausnahm\w*|kulanz\w*|goodwill)\b",
    re.I,
)
# (a bank account, not a login account; "zahlen" as a request, not "mit Tarif X zahlen Sie
# rund 300 EUR")
_INSTRUCTION = re.compile(
    r"\b(?:überweis\w*|bezahl\w*|pay|paying|transfer\w*|iban|bankverbindung\w*|"
    r"bank (?:details|account)|kontonummer|account number|klick\w*|click|link)\b"
    r"|^zahlen sie\b|\bbitte\b[^.;:]{0,40}\bzahlen\b",
    re.I,
)
# a payment pointed at the bank details on the customer's own bill: our account, not a new one
_OUR_BILL = re.compile(
    r"\b(?:bank details|bankverbindung|account|konto)\s+(?:\w+\s+){0,3}?(?:on|in|auf|aus)\s+"
    r"(?:your|ihrer|ihrem|der|dem|the)\s+(?:\w+\s+)?(?:bill|invoice|rechnung|kundenportal|portal)",
    re.I,
)
# nothing carried out: a refusal, a caveat, a warning not to (drafter.drafting.support's words
# plus nothing/nichts)
_NOT = re.compile(r"\b(?:nichts|nothing|none|niemand\w*|nobody|anyone else)\b", re.I)
# thanks, an apology or sympathy: no act
_COURTESY = re.compile(
    r"\b(?:thank\w*|danke\w*|dank|sorry|entschuldig\w*|leid|bedauer\w*|congratulat\w*|"
    r"glückwunsch\w*|gute besserung|welcome)\b",
    re.I,
)
# the customer's own act told back ("Sie haben ... überwiesen", "you have paid", "your
# instalment of 96 EUR is now paid")
_THEIR_ACT = re.compile(
    r"\b(?:sie|you)\s+(?:\w+\s+){0,6}?(?:haben|hatten|have|had|paid|sent|transferred)\b"
    r"|\bdass sie\b|\bthat you\b"
    r"|\b(?:your|ihr\w*)\s+(?:instalment|payment|bill|invoice|abschlag|zahlung|rechnung)\b"
    r"[^.;:]{0,40}?\b(?:paid|bezahlt|beglichen|eingegangen)\b",
    re.I,
)
# a request handed on or looked at, no outcome promised
_HANDED_ON = re.compile(
    r"\b(?:weiterge\w*|weiterleit\w*|weiterzuleiten|pass\w* (?:\w+ ){0,3}on|forward\w*|"
    r"prüf\w*|review\w*|look (?:at|into)|melden uns|get back|contact you|aufnehmen|"
    r"nehmen wir \w+ als|treat)\b"
    # German separable verbs: "leiten wir Ihren Wunsch ... weiter", "geben ... weiter"
    r"|\b(?:leiten|leite|geben|gebe|reichen)\b[^.;:]{0,80}?\bweiter\b",
    re.I,
)
# the numbers of a sentence or source: digit groups ("0431 5577-300", "KD-2209653", "49,99")
_DIGITS = re.compile(r"\d[\d .,/-]*\d|\d")


def _digit_groups(text: str) -> set[str]:
    return {re.sub(r"\D", "", m.group(0)) for m in _DIGITS.finditer(text)}


def _anchored(sentence: str, known: _Known, numbers: set[str]) -> bool:
    """Every link, address and number of `sentence` is one the sources give: a page of our
    site, our or an article's address, a number of an article, of the company's settings or
    of the customer's own mail (a pointer to our hotline, portal or the customer's ticket).
    Only a pointer anchors: a link, an address or a number of five digits or more (a phone,
    a customer or ticket number); a small number ("15 %", "6 Raten") matches some figure of
    almost any article and anchors nothing."""
    domains = {e.rsplit("@", 1)[-1] for e in known.emails} | known.hosts
    links = [_host(m.group(0)) for m in URL.finditer(EMAIL.sub(" ", sentence))]
    addresses = [m.group(0).lower() for m in EMAIL.finditer(sentence)]
    digits = _digit_groups(EMAIL.sub(" ", URL.sub(" ", sentence)))
    if not (links or addresses or any(len(g) >= 5 for g in digits)):
        return False
    return (
        all(any(h == d or h.endswith("." + d) for d in domains) for h in links)
        and all(a in known.emails for a in addresses)
        and all(any(g in n for n in numbers) for g in digits)
    )


def actionable(sentence: str) -> bool:
    """True when `sentence` acts, grants, promises, instructs or gives a value."""
    return any(rx.search(sentence) for rx in (_OUR_ACT, _GRANT, _INSTRUCTION, URL, EMAIL))


def _skipped(sentence: str) -> bool:
    from drafter.drafting.support import _refusal

    return (
        sentence.rstrip().endswith("?")
        or _refusal(sentence)
        or bool(_NOT.search(sentence))
        or bool(_COURTESY.search(sentence))
        or bool(_THEIR_ACT.search(sentence))
        or bool(_HANDED_ON.search(sentence))
        or bool(_OUR_BILL.search(sentence))
    )


def overlap(sentence: str, trusted_stems: set[str] | frozenset[str], language: str) -> float:
    """The share of `sentence`'s content words that occur in the trusted text."""
    stems = content_stems(sentence, language)
    return len(stems & trusted_stems) / len(stems) if stems else 1.0


# vectors of trusted sentences by text, kept across drafts (the same articles recur)
_VECTORS: OrderedDict[str, Any] = OrderedDict()
_KEEP = 4000


def _encode(texts: Sequence[str]) -> Any:
    """Unit vectors of `texts` (USE, one BLAS thread), trusted sentences taken from the cache."""
    import numpy as np

    from drafter.knowledge.embeddings import use_encode

    new = [t for t in dict.fromkeys(texts) if t not in _VECTORS]
    if new:
        matrix = np.asarray(use_encode(new, threads=1), dtype=np.float32)
        matrix /= np.maximum(np.linalg.norm(matrix, axis=1, keepdims=True), 1e-9)
        for text, vector in zip(new, matrix, strict=True):
            _VECTORS[text] = vector
    for text in texts:
        _VECTORS.move_to_end(text)
    while len(_VECTORS) > _KEEP:
        _VECTORS.popitem(last=False)
    return np.stack([_VECTORS[t] for t in texts])


@lru_cache(maxsize=4)
def _article_stems(articles: tuple[str, ...], language: str) -> tuple[frozenset[str], ...]:
    return tuple(frozenset(content_stems(text, language)) for text in articles)


def _plain(text: str) -> str:
    return " ".join(PLACEHOLDER.sub(" ", CITATION.sub(" ", text)).split())


def source_sentences(trusted: str) -> list[str]:
    """The trusted text's sentences of three words or more, as the encoder reads them."""
    found = [_plain(trusted[a:b]) for a, b in sentences(trusted)]
    return [s for s in dict.fromkeys(found) if len(s.split()) >= 3]


def candidates(data: CheckInput, known: _Known) -> list[tuple[str, str]]:
    """The reply's actionable sentences whose content words the trusted text mostly lacks, as
    the encoder reads them and as written (the cheap half of the check: only these are
    embedded)."""
    trusted_stems = content_stems(known.trusted, data.language)
    numbers = _digit_groups(f"{known.trusted}\n{data.customer_text}\n{data.extra_known}")
    numbers |= known.phones
    found: list[tuple[str, str]] = []
    for a, b in sentences(data.body):
        sentence = _plain(data.body[a:b])
        if len(content_stems(sentence, data.language)) < MIN_STEMS or not actionable(sentence):
            continue
        if _skipped(sentence) or _anchored(sentence, known, numbers):
            continue
        if overlap(sentence, trusted_stems, data.language) < MAX_OVERLAP:
            found.append((sentence, data.body[a:b].strip()))
    return found


def check_meaning(
    data: CheckInput, known: _Known, articles: Sequence[str] = ()
) -> list[DraftWarning]:
    """`unsupported_claim` for each actionable reply sentence that neither shares most of its
    content words with the trusted text nor says what one of its sentences says, nor stands
    mostly in one of `articles` (the whole KB's, drafter.drafting.library)."""
    found = [
        (plain, sentence)
        for plain, sentence in candidates(data, known)
        if not any(overlap(plain, stems, data.language) >= KB_BACKED
                   for stems in _article_stems(tuple(articles), data.language))
    ]  # fmt: skip
    sources = source_sentences(known.trusted)
    if not found or not sources:
        return []
    source_vectors = _encode(sources)
    warnings: list[DraftWarning] = []
    vectors = _encode([plain for plain, _ in found])
    for (_, sentence), vector in zip(found, vectors, strict=True):
        best = float((source_vectors @ vector).max())
        if best < MAX_COSINE:
            warnings.append(
                unsupported(
                    "this sentence acts, promises or instructs, and no trusted source backs "
                    f"it (closest article sentence: similarity {best:.2f})",
                    sentence,
                )
            )
    return warnings


# a minimum amount an article sets for something ("Möglich für Nachzahlungen ... ab 100 EUR",
# "only threatened for arrears of at least 100 EUR")
_MINIMUM = re.compile(
    r"\b(?:ab|from|at least|mindestens|of at least)\s+\**(\d{1,5}(?:[.,]\d{1,2})?)\**\s*"
    r"(?:EUR|€|Euro)\b",
    re.I,
)
_AMOUNT = re.compile(r"(\d{1,5}(?:[.,]\d{1,2})?)\s*(?:EUR|€|Euro)\b", re.I)
# the reply grants or offers it: we act, or the customer may
_GRANTED = re.compile(r"\b(?:wir|we|ich|I|können sie|dürfen sie|you can|you may)\b", re.I)


def _euros(raw: str) -> float:
    return float(raw.replace(".", "").replace(",", ".") if "," in raw else raw)


def check_below_minimum(data: CheckInput, known: _Known) -> list[DraftWarning]:
    """`commitment` for a reply sentence that grants something for the customer's amount (one
    their mail names) below the minimum a trusted sentence on the same thing sets ("Gern
    teilen wir Ihre Nachzahlung von 72,50 EUR in Raten auf" against "Raten ... für
    Nachzahlungen ab 100 EUR"): a condition of the source contradicted by the reply's own
    figure. A refusal, a question or a sentence that shares no content word with the rule's
    sentence is not judged."""
    rules: list[tuple[float, set[str]]] = []
    for a, b in sentences(known.trusted):
        text = known.trusted[a:b]
        for match in _MINIMUM.finditer(text):
            rules.append((_euros(match.group(1)), content_stems(text, data.language)))
    if not rules:
        return []
    # the customer's own amount (their bill, their arrears), not a fee of the article
    mail = " ".join(m.group(0) for m in _DIGITS.finditer(data.customer_text))
    found: list[DraftWarning] = []
    for a, b in sentences(data.body):
        sentence = _plain(data.body[a:b])
        if _skipped(sentence) or not _GRANTED.search(sentence) or _MINIMUM.search(sentence):
            continue
        amounts = [_euros(m.group(1)) for m in _AMOUNT.finditer(sentence) if m.group(1) in mail]
        stems = content_stems(sentence, data.language)
        for minimum, rule_stems in rules:
            shared = stems & rule_stems
            if shared and any(0 < x < minimum for x in amounts):
                found.append(
                    DraftWarning(
                        code="commitment",
                        message=f"the reply grants for an amount below the {minimum:g} EUR a "
                        "cited article sets as the minimum",
                        span=data.body[a:b].strip(),
                    )
                )
                break
    return found
