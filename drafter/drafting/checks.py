"""Deterministic checks run on every finished draft (after placeholders are restored).

Each check returns DraftWarnings with a stable code: `empty`, `truncated`, `bad_citation`,
`wrong_language`, `unsupported_claim`, `placeholder`, `injection` (in
drafter.drafting.injection), `garbled` (in drafter.drafting.garbled), and through
drafter.drafting.harm `link`, `payment`, `commitment`, `credentials` (harmful output).
Inputs are the draft body, the numbered passages, the customer's own text and settings; no
language model and no network are involved, so the same draft always gets the same warnings.
A "sentence in no source" or "figure in no source" finding that one article of the whole KB
(settings.kb_dir) backs is dropped (drafter.drafting.library), and a figure with its unit that
an article in the other language states in a sentence saying the same (the local multilingual
sentence encoder, deterministic; loaded only then); no other kind is.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from drafter.config import Settings
from drafter.drafting.check_base import (
    _WORD,
    CITATION,
    EMAIL,
    NUMBER,
    PLACEHOLDER,
    URL,
    CheckInput,
    sentence_at,
    sentences,
    strip_markup,
    with_company_phones,
)
from drafter.drafting.garbled import check_garbled
from drafter.drafting.injection import check_injection
from drafter.drafting.letter_checks import check_letter
from drafter.language import detect_language
from drafter.models import DraftWarning, Passage

_COLON = re.compile(r"(?<=\d):\s+(?=\d)")  # "Fix 24: 9.90 ct" is two numbers, not one
_COMMA = re.compile(r"(?<=\d),\s+(?=\d)")  # "0431 5577-112, 24 hours": a list, not one number
# "from day 5 10 EUR per day", "Glasfaser 1000 64,99 EUR" (a product number before its price):
# two figures, not one (a thousands group has three digits)
_SPACED = re.compile(
    r"(?:(?<=[^\d.,]\d)|(?<=[^\d.,]\d\d)|(?<=\d\d\d))\s+"
    r"(?=\d{1,2}(?:[.,]\d+)?\s?(?:%|€|EUR|Euro|ct|kWh)\b)"
)
_UNIT = re.compile(r"\s?(?:%|€|EUR|Euro|ct|kWh)$")
_MONEY = re.compile(r"(?:€|EUR|Euro)$")
# a period after a number ("12 months", "14 Tagen", "24-month", "10 to 14 days"): a period is
# backed by a period, not by the same digits in an address ("Hafenstraße 12") or a phone number
_PERIOD = re.compile(
    r"\s?(?:-\s?)?(?:(?:–|-|bis|to|und|and|or|oder)\s?\d{1,3}\s)?(?:calendar |working |business )?"
    r"(?:months?|monthly|monat\w*|years?|yearly|jahr\w*|weeks?|woche\w*|days?|tag\w*|"
    r"werktag\w*|arbeitstag\w*|kalendertag\w*|hours?|stunde\w*)\b",
    re.I,
)


# a reference number written straight after its letters, no hyphen or space (not an IBAN:
# its 20 digits or so are no customer reference)
_GLUED = re.compile(r"(?<=[A-Za-z])(\d{5,10})\b")


def _digits(value: str) -> str:
    return re.sub(r"\D", "", value)


def citation_numbers(body: str) -> list[int]:
    """Every citation number written in `body` ([1], [2, 3]), in order of appearance."""
    return [int(part) for match in CITATION.finditer(body) for part in match.group(1).split(",")]


def check_citations(body: str, passages: Sequence[Passage]) -> list[DraftWarning]:
    bad: list[int] = []
    for n in citation_numbers(body):
        if not 1 <= n <= len(passages) and n not in bad:
            bad.append(n)
    if not bad:
        return []
    numbers = ", ".join(f"[{n}]" for n in bad)
    return [
        DraftWarning(
            code="bad_citation",
            message=f"the draft cites {numbers}, but only {len(passages)} passages were retrieved",
        )
    ]


def check_language(body: str, language: str) -> list[DraftWarning]:
    text = strip_markup(body)
    if len(_WORD.findall(text)) < 4:
        return []
    found = detect_language(text, default=language)  # type: ignore[arg-type]
    if found == language:
        return []
    names = {"de": "German", "en": "English"}
    return [
        DraftWarning(
            code="wrong_language",
            message=f"the draft is in {names.get(found, found)}, the customer wrote in "
            f"{names.get(language, language)}",
            span=_sentence_in(body, found),
        )
    ]


def _sentence_in(body: str, found: str) -> str:
    """The first sentence of `body` (4+ words) in language `found`, as written; else the
    first sentence of 4+ words: the text the wrong_language warning points at."""
    candidates = [
        body[a:b] for a, b in sentences(body) if len(_WORD.findall(strip_markup(body[a:b]))) >= 4
    ]
    for sentence in candidates:
        if detect_language(strip_markup(sentence), default="") == found:  # type: ignore[arg-type]
            return sentence.strip()
    return candidates[0].strip() if candidates else body.strip()[:80]


def check_numbers(data: CheckInput) -> list[DraftWarning]:
    sources = " ".join([*(p.text + " " + p.title for p in data.passages), data.customer_text])
    sources += " " + data.extra_known
    from drafter.drafting.dates import (
        derived_spans,
        unsupported_spans,
        year_follows,
        year_of_named_month,
    )

    sources = _COMMA.sub(" ; ", _COLON.sub(" ; ", sources))
    known = {_digits(m.group(0)) for m in NUMBER.finditer(strip_markup(sources))}
    # the customer's own reference glued to its letters ("KD7203381", "VN30219844"), which
    # the reply may write as "KD-7203381"
    known |= {m.group(1) for m in _GLUED.finditer(data.customer_text)}
    known |= {_digits(m.group(0)) for m in URL.finditer(sources)}
    # an amount is backed by an amount (or any number of the customer's email), not by the
    # same digits inside a phone number, a date or a count ("100 EUR" by "0431 5577-100")
    plain = strip_markup(sources)
    money = {
        _digits(m.group(0))
        for m in NUMBER.finditer(plain)
        if _MONEY.search(m.group(0)) or plain[max(0, m.start() - 2) : m.start()].strip() == "€"
    }
    money |= {_digits(m.group(0)) for m in NUMBER.finditer(data.customer_text)}
    periods = {_digits(m.group(0)) for m in NUMBER.finditer(plain) if _PERIOD.match(plain, m.end())}
    periods |= {_digits(m.group(0)) for m in NUMBER.finditer(data.customer_text)}
    body = _COLON.sub(" ; ", URL.sub(" ", EMAIL.sub(" ", strip_markup(data.body))))
    body = _SPACED.sub(" ; ", _COMMA.sub(" ; ", body))
    derived = derived_spans(body, sources)  # "bill of 3 March + 14 days" -> "by 17 March"
    # ... and a date no source gives is check_dates' finding, in its own words: not twice
    derived += unsupported_spans(body, sources)
    from drafter.drafting.arithmetic import written_results

    results = written_results(body)  # "2 × 5 EUR + 2 × 10 EUR = 30 EUR"
    derived += results
    # a result the reply has worked out is its own figure when it is used again as a term
    # ("49020 − 48213 = 807 kWh", then "807 + 1566 = 2373 kWh")
    worked = {_digits(body[a:b]) for a, b in results}
    known, money, periods = known | worked, money | worked, periods | worked
    unsupported: list[str] = []
    for match in NUMBER.finditer(body):
        if any(a <= match.start() < b for a, b in derived):
            continue
        raw = match.group(0).strip(" -/.,:")
        digits = _digits(raw)
        if not digits or (len(digits) == 1 and raw.isdigit()):
            continue  # list numbering, "2 Schritte": too small to be a claim
        pool = money if _MONEY.search(raw) else known
        if pool is known and _PERIOD.match(body, match.end()):
            pool = periods
        if digits in pool or (len(digits) >= 3 and any(digits in k for k in pool)):
            continue
        year = re.fullmatch(r"(?:19|20)\d\d", raw)
        if year and year_follows(int(raw), sources, data.customer_text):
            continue  # "Beginn 1. September 2025" + "24 Monate": the term ends in 2027
        if year_of_named_month(body, match.start(), data.customer_text):
            continue  # the customer's "im Januar" as "im Januar 2026"
        if raw not in unsupported:
            unsupported.append(raw)
    # figures the reply works out from supported ones (3,000 kWh x 32.90 ct), and then from
    # those ("rund 872 EUR ... rund 760 EUR: Sie sparen etwa 112 EUR")
    articles = " \n".join(p.text for p in data.passages)
    for _ in range(2):
        if not unsupported:
            break
        unsupported = _not_derived(body, unsupported, data.customer_text, articles)
    return [
        DraftWarning(
            code="unsupported_claim",
            message=f"{value!r} appears in neither the cited passages nor the customer's email",
            span=_sentence_with(data.body, value),
        )
        for value in unsupported
    ]


def _sentence_with(body: str, value: str) -> str:
    """The sentence of `body` that holds `value` (the offending text for the desk), or the
    value itself when the draft writes it differently."""
    from drafter.drafting.check_base import sentences

    for a, b in sentences(body):
        if value in body[a:b]:
            return body[a:b].strip()
    return value


_ROUGHLY = re.compile(
    r"(?:rund|etwa|ungefähr|circa|ca\.|knapp|about|roughly|around|approximately|approx\.|some|"
    r"~)\s*(?:\d[\d.,]*\s*(?:bis|to|-|–)\s*)?$",
    re.I,
)


_PERCENT_WORD = re.compile(r"\s?(?:prozent|percent|per cent)\b", re.I)


def _not_derived(body: str, unsupported: list[str], customer: str, articles: str) -> list[str]:
    """The figures of `unsupported` that no computation from the email, the reply's other
    figures and the articles' tariff rows gives (drafter.drafting.arithmetic)."""
    from drafter.drafting.arithmetic import (
        Derivations,
        period_left,
        sentence_share,
        sentence_sum,
    )

    given = body
    for raw in unsupported:
        given = given.replace(raw, " ")
    derivations = Derivations(f"{customer}\n{given}", articles)
    left: list[str] = []
    for raw in unsupported:
        at = body.find(raw)
        rounded = at >= 0 and bool(_ROUGHLY.search(body[max(0, at - 30) : at]))
        value = _UNIT.sub("", raw)
        # a rate written out ("43 Prozent", "43 percent") is a percentage as much as "43 %"
        spelled = at >= 0 and bool(_PERCENT_WORD.match(body[at + len(raw) : at + len(raw) + 12]))
        percent = raw.endswith("%") or spelled
        if derivations.derivable(value, percent=percent, rounded=rounded):
            continue
        if at >= 0 and period_left(
            body[at : at + len(raw) + 20], f"{customer}\n{given}\n{articles}"
        ):
            continue  # "within 14 days", "3 days old": "the next 11 days"
        sentence = sentence_at(body, at) if at >= 0 else ""
        if at < 0 or not (sentence_sum(sentence, raw) or sentence_share(sentence, raw)):
            left.append(raw)
    return left


def check_placeholders(data: CheckInput) -> list[DraftWarning]:
    warnings = [
        DraftWarning(
            code="placeholder",
            message=f"placeholder {m.group(0)} was not replaced (invented or mangled by the model)",
        )
        for m in PLACEHOLDER.finditer(data.body)
    ]
    warnings += [DraftWarning(code="placeholder", message=p) for p in data.restore_problems]
    return warnings


def check_completion(data: CheckInput) -> list[DraftWarning]:
    if data.finish_reason == "length":
        return [
            DraftWarning(
                code="truncated",
                message="the model hit the length limit; the reply is cut off",
            )
        ]
    if len(_WORD.findall(strip_markup(data.body))) < 5:
        return [DraftWarning(code="empty", message="the draft is empty or almost empty")]
    return []


def run_checks(data: CheckInput, settings: Settings) -> list[DraftWarning]:
    """All checks of this module and drafter.drafting.harm in a fixed order; duplicates
    (same code and message) are dropped."""
    from drafter.drafting.harm import run_harm_checks

    warnings = [
        *check_completion(data),
        *check_citations(data.body, data.passages),
        *check_language(data.body, data.language),
        *check_numbers(with_company_phones(data, settings.company_phones)),
        *check_placeholders(data),
        *check_injection(data, settings),
        *check_garbled(data),
        *run_harm_checks(data, settings),
        *check_letter(data.body, data.customer_text, data.language),
    ]
    warnings = _kb_backed(warnings, data, settings)
    unique: list[DraftWarning] = []
    for warning in warnings:
        if all((w.code, w.message) != (warning.code, warning.message) for w in unique):
            unique.append(warning)
    return unique


_NO_SOURCE = re.compile(r"^this sentence is in no source \(")
_NO_FIGURE = re.compile(r"^'(?P<raw>.+)' appears in neither the cited passages")


def _kb_backed(
    warnings: list[DraftWarning], data: CheckInput, settings: Settings
) -> list[DraftWarning]:
    """Drop the "in no source" and "figure in no source" findings whose sentence an article of
    the whole knowledge base backs (drafter.drafting.library), and every `unsupported_claim`
    whose sentence stands word for word in a KB article; every other kind stays."""
    from drafter.drafting.check_base import sentences
    from drafter.drafting.library import (
        _unit_of,
        article_backed,
        other_language_backed,
        translated_in_kb,
        verbatim_in_kb,
    )

    kept: list[DraftWarning] = []
    body = strip_markup(data.body)
    for warning in warnings:
        if warning.code == "unsupported_claim" and verbatim_in_kb(warning.span, data, settings):
            continue
        no_source = warning.code == "unsupported_claim" and _NO_SOURCE.match(warning.message)
        if no_source and (
            article_backed(warning.span, data, settings)
            or translated_in_kb(warning.span, data, settings)
        ):
            continue
        figure = _NO_FIGURE.match(warning.message) if warning.code == "unsupported_claim" else None
        if figure:
            raw = figure.group("raw")
            at = body.find(raw)
            sentence = next((body[a:b] for a, b in sentences(body) if a <= at < b), "")
            digits = _UNIT.sub("", raw).strip()
            unit = "period" if at >= 0 and _PERIOD.match(body, at + len(raw)) else _unit_of(raw)
            if sentence and (
                article_backed(sentence, data, settings, digits, unit)
                or other_language_backed(sentence, data, settings, digits, unit)
            ):
                continue
        kept.append(warning)
    return _worked_from_kb(kept, warnings, data)


def _worked_from_kb(
    kept: list[DraftWarning], found: list[DraftWarning], data: CheckInput
) -> list[DraftWarning]:
    """Drop a "figure in no source" finding that the reply works out from a figure the whole
    KB backs ("Glasfaser 1000 (64,99 EUR) ... 10 % ... sind 6,50 EUR" citing only the outage
    article): check_numbers could not use that figure, as no cited passage holds it."""
    figures = [w for w in found if w.code == "unsupported_claim" and _NO_FIGURE.match(w.message)]
    left = [w for w in figures if w in kept]
    if len(left) == len(figures) or not left:
        return kept  # no figure the KB backs, or none left to judge
    raws = [m.group("raw") for w in left if (m := _NO_FIGURE.match(w.message))]
    body = _COLON.sub(" ; ", URL.sub(" ", EMAIL.sub(" ", strip_markup(data.body))))
    body = _SPACED.sub(" ; ", _COMMA.sub(" ; ", body))  # as check_numbers reads it
    articles = " \n".join(p.text for p in data.passages)
    still = set(_not_derived(body, raws, data.customer_text, articles))
    worked = {id(w) for w, raw in zip(left, raws, strict=True) if raw not in still}
    return [w for w in kept if id(w) not in worked]
