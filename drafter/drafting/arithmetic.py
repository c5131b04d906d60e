"""Figures a reply computes from the sources' figures.

A correct reply often works something out: "at 3,000 kWh that is roughly 1,137 EUR a year"
(3,000 kWh x 32.90 ct + 12 x 12.50 EUR), "a 26 % reduction" (95 -> 70 EUR). Such a figure is
in no source, yet it is not invented. `derivable` says whether a figure equals, within
rounding, a quantity times a price, such a product plus twelve monthly prices, a price split
into 2 to 36 equal parts (instalments, months), a yearly quantity per month, the sum or
difference of two prices, a percentage of a price (to the cent, also below 10: "10 % of
64.99 EUR is 6.50 EUR"), a price lowered or raised by a percentage ("20 % below 90 EUR: 72
EUR"), the percentage of one figure in another or of their difference, or a quantity
converted by one or two decimal factors the text gives (m³ x Zustandszahl x Brennwert =
kWh).
drafter.drafting.checks.check_numbers does not call those unsupported.

Only figures with a unit take part in the sums and products: a quantity (kWh, m³, months,
years, days; and 12 months) times a price (EUR, or ct as euros: 3,000 kWh x 32.90 ct = 987
EUR), plus twelve monthly prices; the sum or difference of two prices. Percentages come from
any two figures. Identifiers (more than 7 digits) are not figures. The figures come from the
customer's email and the reply's own supported figures (check_numbers), not from whole
articles. An amount promised or demanded is still judged by the commitment and payment checks
(drafter.drafting.harm, .commitments) against the trusted articles only.
"""

from __future__ import annotations

import re
from bisect import bisect_left

_FIGURE = re.compile(r"(?<![\w.,])\d[\d.,]*\d(?!\d)|(?<![\w.,])\d(?![\d\w])")
_QUANTITY = re.compile(
    r"\s?-?(?:kwh|m³|m3|kilowattstunden|monate?n?|months?|jahre?n?|years?|tage?n?|days?|raten|"
    r"monatsraten|teilbeträgen?|teilen|teile|parts|instal+ments?|payments?)\b",
    re.I,
)
_PRICE = re.compile(r"\s?(?:€|eur\b|euros?\b|cent\b|ct\b)", re.I)
_CENTS = re.compile(r"\s?(?:cent|ct)\b", re.I)


def values(raw: str) -> set[float]:
    """The values a written figure may mean: "1,137" is 1137 (EN) or 1.137 (DE), "2.500" is
    2500 (DE) or 2.5 (EN), "33,90" is 33.9."""
    raw = raw.strip(".,")
    if not raw or len(re.sub(r"\D", "", raw)) > 7:
        return set()
    found: set[float] = set()
    for thousands, decimal in ((",", "."), (".", ",")):
        text = raw.replace(thousands, "")
        if text.count(decimal) > 1:
            continue
        try:
            found.add(float(text.replace(decimal, ".")))
        except ValueError:
            continue
    return found


# a count written as a word before a quantity: "zwei Raten", "in three instalments"
_COUNT_WORDS = {
    word: float(n)
    for n, words in enumerate(
        [
            "-",
            "-",
            "zwei:two",
            "drei:three",
            "vier:four",
            "fünf:five",
            "sechs:six",
            "sieben:seven",
            "acht:eight",
            "neun:nine",
            "zehn:ten",
            "elf:eleven",
            "zwölf:twelve",
        ]
    )
    for word in words.split(":")
    if word != "-"
}
_COUNT = re.compile(r"\b(" + "|".join(_COUNT_WORDS) + r")\b", re.I)


def _factors(text: str) -> set[float]:
    """Decimal figures with no unit after them ("Zustandszahl 0.9583", "Brennwert 11.18"):
    the factors a conversion multiplies a quantity by."""
    found: set[float] = set()
    for match in _FIGURE.finditer(text):
        after = text[match.end() : match.end() + 20]
        if re.search(r"\d[.,]\d", match.group(0)) and not (
            _QUANTITY.match(after) or _PRICE.match(after) or after.lstrip().startswith("%")
        ):
            found |= {v for v in values(match.group(0)) if v}
    return found


# a count written before a multiplication sign ("6 × 70.00 EUR", "6 x 70 EUR") or before
# its noun with one or two adjectives between ("6 interest-free monthly instalments",
# "6 zinsfreie Monatsraten")
_TIMES = re.compile(r"\s?(?:×|x(?=\s))", re.I)
_ADJECTIVE = re.compile(r"^\s+[a-zäöüß][\w-]*(?=\s)")


def _counted(after: str) -> bool:
    """A quantity noun after one or two lower-case words: " interest-free monthly
    instalments" (a unit, "EUR", "ct", is no such word)."""
    for _ in range(2):
        word = _ADJECTIVE.match(after)
        if word is None or _PRICE.match(word.group(0)) or _QUANTITY.match(word.group(0)):
            return False
        after = after[word.end() :]
        if _QUANTITY.match(after):
            return True
    return False


def _figures(text: str) -> tuple[set[float], set[float], set[float]]:
    """(quantities, prices in euros, all figures) of a text."""
    quantities: set[float] = {12.0}  # months of a year
    for match in _COUNT.finditer(text):
        after = text[match.end() : match.end() + 40]
        # "zwei Raten", or with one word between: "two equal instalments"
        if _QUANTITY.match(after) or _QUANTITY.match(re.sub(r"^\s+\w+", "", after)):
            quantities.add(_COUNT_WORDS[match.group(1).lower()])
    prices: set[float] = set()
    every: set[float] = set()
    for match in _FIGURE.finditer(text):
        after = text[match.end() : match.end() + 40]
        found = {v for v in values(match.group(0)) if v}
        every |= found
        if _QUANTITY.match(after) or _TIMES.match(after) or _counted(after):
            quantities |= found
        elif _PRICE.match(after):
            cents = bool(_CENTS.match(after))
            prices |= {v / 100 for v in found} if cents else found
    return quantities, prices, every


_RATE = re.compile(r"(?<![\w.,])(\d+(?:[.,]\d+)?)\s?%")
_UNIT_PRICE = re.compile(r"(\d+[.,]\d+)\s?(?:ct|cent)\s?/\s?kwh", re.I)
_MONTHLY = re.compile(
    r"(\d+[.,]\d+)\s?(?:€|eur|euro)\s?(?:/|pro |per |a |im )\s?(?:monat|month)", re.I
)


def tariff_rows(sources: str) -> list[tuple[float, float | None]]:
    """(unit price in euros per kWh, monthly base price or None) of each line of the sources
    that states a ct/kWh price: a tariff table row or sentence ("Nordlicht Öko | 33,90 ct/kWh
    | 12,50 EUR/Monat")."""
    rows: list[tuple[float, float | None]] = []
    for line in sources.splitlines():
        unit = _UNIT_PRICE.search(line)
        if unit is None:
            continue
        month = _MONTHLY.search(line)
        base = min(values(month.group(1))) if month and values(month.group(1)) else None
        for value in values(unit.group(1)):
            if value < 100:  # "33,90" is 33.9 ct, never 3390
                rows.append((value / 100, base))
    return rows


class Derivations:
    """What the given figures yield (see the module docstring); build once per check.

    `sources` (the cited articles) add their tariff rows only: a quantity of the email or the
    reply times a row's unit price, plus twelve times that row's monthly price ("2,200 kWh in
    Basis: 847.00 + 178.80 = 1,025.80 EUR"), not every sum of their figures."""

    def __init__(self, text: str, sources: str = "") -> None:
        quantities, prices, every = _figures(text)
        products = {round(q * p, 2) for q in quantities for p in prices}
        # a yearly total: consumption x unit price + 12 x the monthly base price
        yearly = {round(x + 12 * p, 2) for x in products for p in prices}
        for unit, base in tariff_rows(sources):
            for q in quantities:
                products.add(round(q * unit, 2))
                if base is not None:
                    yearly.add(round(q * unit + 12 * base, 2))
            if base is not None:
                products.add(round(12 * base, 2))
        # a conversion by the text's own factors: 1,240 m³ x 0.9583 x 11.18 = 13,285 kWh
        # (a real quantity, factors below 100: "1,240" read as 1.24, "0.9583" as 9583 are not)
        factors = {f for f in _factors(text) if f < 100}
        for q in {q for q in quantities if q >= 10} - {12.0}:
            products |= {round(q * f, 2) for f in factors}
            products |= {round(q * f * g, 2) for f in factors for g in factors if f < g}
        # a total split into equal parts: 300 EUR in 6 instalments -> 50 EUR, 960 EUR / 12
        shares = {round(p / q, 2) for p in prices for q in quantities if 1 < q <= 36}
        # ... and a yearly quantity per month: 2,400 kWh a year -> 200 kWh a month
        shares |= {round(q / 12, 2) for q in quantities if q > 36}
        self._results = sorted(
            products
            | yearly
            | shares
            | {round(a + b, 2) for a in prices for b in prices}
            | {round(abs(a - b), 2) for a in prices for b in prices}
        )
        # a percentage of a price: "10 % of 64.99 EUR is 6.50 EUR" (to the cent)
        rates = {v for m in _RATE.finditer(text) for v in values(m.group(1)) if 0 < v <= 100}
        # ... and a price lowered or raised by it: "up to 20 % lower: from 90 EUR to 72 EUR"
        self._shares = sorted(
            {round(p * r / 100 + 1e-9, 2) for p in prices for r in rates}
            | {
                round(p * (1 + sign * r / 100) + 1e-9, 2)
                for p in prices
                for r in rates
                for sign in (1, -1)
            }
        )
        self._percent = sorted(
            {round(100 * a / b, 2) for a in every for b in every if b}
            | {round(100 * abs(a - b) / b, 2) for a in every for b in every if b}
        )

    def derivable(self, raw: str, percent: bool = False, rounded: bool = False) -> bool:
        """Whether the written figure `raw` is such a result (`percent`: written with %;
        `rounded`: said to be approximate, "rund 760 EUR", "roughly 150": within half the
        unit its trailing zeros show, 760 -> +-5)."""
        cents = re.search(r"[.,]\d\d$", raw.strip()) is not None
        for target in values(raw):
            if not percent and cents and _near(self._shares, target, 0.006):
                return True  # a percentage of a price, to the cent (any size)
            if target < 10:
                continue  # small figures are too easy to hit
            if not percent and _near(self._shares, target, max(0.5, target * 0.001)):
                return True
            if percent and _near(self._percent, target, 0.6):
                return True
            tolerance = max(0.5, target * 0.001)
            if rounded and target == int(target):
                digits = str(int(target))
                unit = 10 ** (len(digits) - len(digits.rstrip("0")))
                tolerance = max(tolerance, min(unit / 2, target * 0.05))
            if not percent and _near(self._results, target, tolerance):
                return True
        return False


def _near(ordered: list[float], target: float, tolerance: float) -> bool:
    i = bisect_left(ordered, target - tolerance)
    return i < len(ordered) and ordered[i] <= target + tolerance


# a computation the reply writes out: "2 × 5 EUR + 2 × 10 EUR = 30 EUR", "12 x 13.90 EUR =
# 166.80 EUR", "1,354.80 EUR ÷ 12 = 112.90 EUR"
_TERM = r"\d[\d.,]*\d?(?:\s?(?:%|€|EUR\b|Euro\b|ct\b|kWh\b))?"
_OPERATOR = r"\s?(?:[×*·+÷/]|\bx\b|\s[-−]\s)\s?"
_WRITTEN = re.compile(
    rf"(?<![\w.,])(?P<terms>{_TERM}(?:{_OPERATOR}{_TERM})+)\s?=\s?(?P<result>\d[\d.,]*\d|\d)"
)
_SPLIT = re.compile(rf"({_OPERATOR})")


def written_results(text: str) -> list[tuple[int, int]]:
    """(start, end) of each result of `text` that its written-out computation gives (to the
    cent, × and ÷ before + and -, either notation of decimals). The terms are figures of
    their own, which the checks judge as any other; only the result is vouched for by them."""
    found: list[tuple[int, int]] = []
    for match in _WRITTEN.finditer(text):
        parts = _SPLIT.split(match.group("terms"))
        terms = [re.sub(r"[^\d.,]", "", p) for p in parts[::2]]
        operators = [p.strip() for p in parts[1::2]]
        for thousands, decimal in ((",", "."), (".", ",")):
            try:
                numbers = [float(t.replace(thousands, "").replace(decimal, ".")) for t in terms]
                result = float(match.group("result").replace(thousands, "").replace(decimal, "."))
            except ValueError:
                continue
            value = _evaluate(numbers, operators)
            if value is not None and abs(value - result) < 0.006:
                found.append(match.span("result"))
                break
    return found


def _evaluate(numbers: list[float], operators: list[str]) -> float | None:
    """`numbers` joined by `operators`, products and quotients first; None on a division by 0."""
    sums: list[float] = [numbers[0]]
    for operator, number in zip(operators, numbers[1:], strict=True):
        if operator in {"×", "*", "·", "x"}:
            sums[-1] *= number
        elif operator in {"÷", "/"}:
            if number == 0:
                return None
            sums[-1] /= number
        else:
            sums.append(-number if operator in {"-", "−"} else number)
    return round(sum(sums), 2)


_SUM_WORDS = re.compile(
    r"\b(?:difference|differenz|unterschied|together|zusammen|in total|insgesamt|total|sum|"
    r"summe|minus|plus|less|weniger|more|mehr|abzüglich|zuzüglich|makes|macht|ergibt)\b",
    re.I,
)


def sentence_sum(sentence: str, raw: str) -> bool:
    """Whether the figure `raw` of `sentence` is the sum or the difference of two other
    figures the same sentence names ("the difference between the estimated 48,915 and your
    reading of 47,602 is 1,313 kWh"): worked out in front of the reader, not invented. The
    sentence must name the operation (`_SUM_WORDS`) and the figure have two digits or more:
    "Mo–Fr 7–22 Uhr, Sa 9–13 Uhr" holds 22 - 9 = 13 by chance."""
    if not _SUM_WORDS.search(sentence) or len(re.sub(r"\D", "", raw)) < 2:
        return False
    at = sentence.find(raw)
    others = [
        values(m.group(0))
        for m in _FIGURE.finditer(sentence)
        if not (m.start() <= at < m.end()) and values(m.group(0))
    ]
    figure = _FIGURE.search(raw)
    wanted = values(figure.group(0)) if figure else set()
    for i, first in enumerate(others):
        for second in others[i + 1 :]:
            for a in first:
                for b in second:
                    if any(abs(abs(a - b) - w) < 0.005 or abs(a + b - w) < 0.005 for w in wanted):
                        return True
    return False


def sentence_share(sentence: str, raw: str) -> bool:
    """Whether the figure `raw` of `sentence` is a percentage the same sentence names of
    another figure it names ("bei Glasfaser 600 ... bei 90 %, also 540 Mbit/s", "20 % of the
    150 EUR, i.e. 30 EUR"): worked out in front of the reader, not invented. The figure needs
    two digits or more and must follow both the rate and the figure it is taken of."""
    if len(re.sub(r"\D", "", raw)) < 2:
        return False
    at = sentence.find(raw)
    if at < 0:
        return False
    figure = _FIGURE.search(raw)
    wanted = values(figure.group(0)) if figure else set()
    rates = [
        (m.start(), v)
        for m in _RATE.finditer(sentence)
        if m.end() <= at
        for v in values(m.group(1))
        if 0 < v < 100
    ]
    bases = [
        (m.start(), v)
        for m in _FIGURE.finditer(sentence[:at])
        if not _RATE.match(sentence, m.start())
        for v in values(m.group(0))
        if v
    ]
    for _, rate in rates:
        for _, base in bases:
            share = base * rate / 100
            if any(abs(share - w) <= max(0.006, share * 0.005) for w in wanted):
                return True
    return False


# a period and its unit family: "14 days", "3 Tage", "2 working days", "24 Monate"
_PERIOD_FIGURE = re.compile(
    r"(?<![\w.,])(\d{1,3})\s?(?:-\s?)?(?P<unit>(?:working |business )?days?|"
    r"(?:werk|arbeits|kalender)?tag(?:e|en)?|weeks?|wochen?|months?|monat(?:e|en)?|years?|"
    r"jahr(?:e|en)?)\b",
    re.I,
)


def _family(unit: str) -> str:
    unit = unit.lower()
    if re.match(r"working|business|werk|arbeits", unit):
        return "workday"
    for family, pattern in (("day", "day|tag|kalender"), ("week", "week|woche"), ("month", "mon")):
        if re.match(pattern, unit):
            return family
    return "year"


def period_left(figure: str, text: str) -> bool:
    """Whether the period `figure` ("11 days") is what is left of one period of `text` after
    another of the same unit ("within 14 days of the bill date" and "your bill is 3 days old":
    11 days): the rest of a period worked out, not an invented one."""
    mine = _PERIOD_FIGURE.match(figure.strip())
    if mine is None:
        return False
    value, family = int(mine.group(1)), _family(mine.group("unit"))
    others = {
        int(m.group(1))
        for m in _PERIOD_FIGURE.finditer(text)
        if _family(m.group("unit")) == family and m.group(0) != mine.group(0)
    }
    return value >= 2 and any(a - b == value for a in others for b in others if b > 0)
