"""Synthetic German/English customer emails with gold spans of personal data, and scoring.

`generate(n_entities, seed)` builds emails from realistic sentence templates filled with
Faker values (de_DE, de_AT, de_CH, en_US) in the format variants customers actually write:
phones with/without spaces and +49/0049/0 prefixes, grouped/ungrouped and mistyped IBANs,
names with titles, street addresses, postcode + town. Distractors (invoice dates, amounts,
order numbers, meter readings, brand names) are mixed in unlabelled, so precision is real.
`score(docs, pseudonymizer)` measures per-type recall/precision and the restore round trip.
Used by benchmarks/bench_privacy.py and tests/unit/test_privacy_synth.py.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from faker import Faker
from stdnum.de import idnr
from stdnum.eu import vat as eu_vat
from stdnum.iso7064 import mod_11_10

from drafter.privacy import Pseudonymizer, Vault, restore
from drafter.privacy.spans import Span

STRUCTURED = ("EMAIL", "PHONE", "IBAN", "CARD", "TAX_ID", "VAT_ID", "CUSTOMER_NO")
FUZZY = ("NAME", "ADDRESS", "POSTCODE_CITY", "DOB")


@dataclass
class Gold:
    type: str
    start: int
    end: int
    value: str


@dataclass
class SynthDoc:
    text: str
    language: str
    gold: list[Gold]
    known_names: list[str] = field(default_factory=list)


class _Builder:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.gold: list[Gold] = []

    def add(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text)

    def ent(self, type_: str, value: str) -> None:
        self.gold.append(Gold(type_, self.length, self.length + len(value), value))
        self.add(value)

    def fill(self, template: str, values: dict[str, tuple[str, str]]) -> None:
        """`template` with {slot}s; each slot maps to (type, value); type "" = unlabelled."""
        rest = template
        while "{" in rest:
            before, _, tail = rest.partition("{")
            slot, _, rest = tail.partition("}")
            self.add(before)
            type_, value = values[slot]
            if type_:
                self.ent(type_, value)
            else:
                self.add(value)
        self.add(rest)


_MOBILE = ["151", "152", "157", "160", "170", "171", "172", "175", "176", "177", "178", "179"]
_AREA = ["30", "40", "89", "221", "431", "511", "711", "6221", "4651", "33203", "4321", "381"]
_MONTHS_DE = "Januar Februar März April Mai Juni Juli August September Oktober November Dezember"
_MONTHS_EN = "January February March April May June July August September October November December"
_PREP_STREETS = ["Am Hang", "Am Markt", "Zur Mühle", "An der Kirche", "Im Winkel", "Auf dem Berg"]


class _Values:
    """Random personal data in the format variants customers write."""

    def __init__(self, seed: int) -> None:
        self.r = random.Random(seed)
        self.fakers = {loc: Faker(loc) for loc in ("de_DE", "de_AT", "de_CH", "en_US")}
        for i, f in enumerate(self.fakers.values()):
            f.seed_instance(seed * 10 + i)

    def phone(self, lang: str) -> str:
        r = self.r
        if lang == "en" and r.random() < 0.5:
            a, b, c = r.randint(201, 989), r.randint(200, 999), r.randint(0, 9999)
            formats = [f"+1 {a}-{b}-{c:04d}", f"({a}) {b}-{c:04d}", f"{a}-{b}-{c:04d}"]
            return r.choice([*formats, f"+1 {a} {b} {c:04d}"])
        if r.random() < 0.1:
            return r.choice(
                [f"+43 1 {r.randint(200, 999)} {r.randint(1000, 9999)}",
                 f"+41 44 {r.randint(200, 999)} {r.randint(10, 99)} {r.randint(10, 99)}",
                 f"044 {r.randint(200, 999)} {r.randint(10, 99)} {r.randint(10, 99)}",
                 self.fakers["de_DE"].phone_number()]
            )  # fmt: skip
        area = r.choice(_MOBILE) if r.random() < 0.4 else r.choice(_AREA)
        sub = str(r.randint(10**5, 10**8 - 1))
        spaced = " ".join(sub[i : i + 2] for i in range(0, len(sub), 2))
        return r.choice(
            [f"0{area} {sub}", f"0{area}/{sub}", f"0{area}-{sub}", f"0{area}{sub}",
             f"(0{area}) {spaced}", f"+49 {area} {sub}", f"+49 (0){area} {sub}",
             f"+49{area}{sub}", f"0049 {area} {sub}", f"+49 {area} {spaced}", f"0{area} / {sub}"]
        )  # fmt: skip

    def iban(self) -> str:
        loc = self.r.choice(["de_DE", "de_DE", "de_DE", "de_AT", "de_CH"])
        value: str = self.fakers[loc].iban()
        if self.r.random() < 0.1:  # mistyped: one digit off, checksum fails
            i = self.r.randint(5, len(value) - 1)
            value = value[:i] + str((int(value[i]) + 1) % 10) + value[i + 1 :]
        if self.r.random() < 0.5:
            value = " ".join(value[i : i + 4] for i in range(0, len(value), 4))
        return value

    def card(self) -> str:
        kind = self.r.choice(["visa16", "mastercard", "visa16", "amex"])
        number: str = self.fakers["en_US"].credit_card_number(card_type=kind)
        sep = self.r.choice(["", " ", "-"])
        if len(number) == 16 and sep:
            return sep.join(number[i : i + 4] for i in range(0, 16, 4))
        if len(number) == 15 and sep:
            return f"{number[:4]}{sep}{number[4:10]}{sep}{number[10:]}"
        return number

    def tax_id(self) -> str:
        while True:
            head = str(self.r.randint(1, 9)) + "".join(str(self.r.randint(0, 9)) for _ in range(9))
            number = head + mod_11_10.calc_check_digit(head)
            if idnr.is_valid(number):
                break
        if self.r.random() < 0.4:
            return f"{number[:2]} {number[2:5]} {number[5:8]} {number[8:]}"
        return number

    def vat_id(self) -> str:
        while True:
            number = "DE" + str(self.r.randint(10**8, 10**9 - 1))
            if eu_vat.is_valid(number):
                return number

    def customer_no(self) -> tuple[str, str]:
        """(context words, number)."""
        r = self.r
        kind = r.randrange(6)
        if kind == 0:
            return "Kundennummer", f"KD-{r.randint(10**6, 10**7 - 1)}"
        if kind == 1:
            return "Vertragsnummer", f"VN-{r.randint(10**7, 10**8 - 1)}"
        if kind == 2:
            letters = "".join(r.choice("ABCDEFGHKLMNPRSTXYZ") for _ in range(3))
            return "Zählernummer", f"1{letters}{r.randint(0, 10**10 - 1):010d}"
        context = r.choice(["Kundennummer", "Kunden-Nr.", "Vertragskonto", "Zähler-Nr."])
        return context, str(r.randint(10**5, 10**12 - 1))

    def dob(self, lang: str) -> str:
        d = self.fakers["de_DE"].date_of_birth(minimum_age=18, maximum_age=90)
        if lang == "de":
            month = _MONTHS_DE.split()[d.month - 1]
            return self.r.choice(
                [f"{d:%d.%m.%Y}", f"{d.day}.{d.month}.{d:%Y}", f"{d.day}. {month} {d:%Y}"]
            )
        month = _MONTHS_EN.split()[d.month - 1]
        formats = [f"{month} {d.day}, {d:%Y}", f"{d.day} {month} {d:%Y}", f"{d:%Y-%m-%d}"]
        return self.r.choice(formats)

    def street(self, lang: str) -> str:
        r = self.r
        if lang == "en":
            if r.random() < 0.15:
                return f"{r.randint(1, 300)}{r.choice(['', 'B'])} Baker Street"
            return str(self.fakers["en_US"].street_address())
        if r.random() < 0.2:
            return f"{r.choice(_PREP_STREETS)} {r.randint(1, 60)}{r.choice(['', 'a', 'b'])}"
        if r.random() < 0.15:
            town = self.fakers["de_DE"].city().split()[0].split("-")[0]
            return f"{town}er Straße {r.randint(1, 200)}"
        loc = r.choice(["de_DE", "de_DE", "de_AT", "de_CH"])
        return str(self.fakers[loc].street_address())

    def postcode_city(self, lang: str) -> str:
        if lang == "en":
            f = self.fakers["en_US"]
            return f"{f.city()}, {f.state_abbr()} {f.zipcode()}"
        return f"{self.fakers['de_DE'].postcode()} {self.fakers['de_DE'].city()}"

    def person(self, lang: str) -> tuple[str, str, str, str]:
        """(title, first, last, gender) of a customer."""
        f = self.fakers["de_DE" if lang == "de" else "en_US"]
        female = self.r.random() < 0.5
        first = f.first_name_female() if female else f.first_name_male()
        last = f.last_name()
        while " " in last or not last[0].isupper():  # Faker artefacts like "Dussen van"
            last = f.last_name()
        if lang == "de":
            title = ("Frau" if female else "Herr") + self.r.choice(["", "", "", " Dr."])
        else:
            title = ("Ms" if female else "Mr") + self.r.choice(["", ".", "", " Dr"])
        return title, first, last, "f" if female else "m"


_DE = [
    "mein Name ist {name} und ich wohne in der {street}, {city}.",
    "Bitte buchen Sie den Abschlag ab sofort von meinem Konto {iban} ab.",
    "Sie erreichen mich tagsüber unter {phone} oder per Mail an {email}.",
    "Zur Identifikation: ich bin geboren am {dob}.",
    "Für die Bescheinigung brauchen Sie sicher meine Steuer-ID {tax}.",
    "Die letzte Zahlung habe ich mit meiner Kreditkarte {card} geleistet.",
    "Meine {cno_ctx} lautet {cno}.",
    "Herr {other} von Ihrem Außendienst war gestern schon da.",
    "Seit dem {date} wohne ich in der {street}, {city}.",
    "Unsere USt-IdNr. ist {vat}, bitte auf der Rechnung angeben.",
    "Die Rechnung vom {date} über {amount} € ist mir zu hoch, der Zählerstand war {reading} kWh.",
    "Ihre Bestellnummer {order} habe ich notiert, Vorgangsnummer {ref}.",
    "Neue Telefonnummer: {phone}",
    "Kontoinhaberin: {name}",
    "Der Vertrag läuft weiterhin auf {fullname}, das Konto ist {iban}.",
    "Ich bin seit 2019 Kunde bei Stadtwerke Nordlicht und war immer zufrieden.",
    "Mein Zähler {cno} wurde am {date} um 14:30 Uhr abgelesen.",
]
_EN = [
    "my name is {name} and I live at {street}, {city}.",
    "Please debit future payments from my account {iban}.",
    "You can reach me on {phone} or by email at {email}.",
    "For verification, my date of birth is {dob}.",
    "I paid the last bill with my card {card}.",
    "My {cno_ctx} is {cno}.",
    "Mr {other} from your field service visited yesterday.",
    "Since {date} I have been living at {street}, {city}.",
    "The invoice dated {date} for {amount} EUR looks too high; the meter read {reading} kWh.",
    "I noted your order number {order} and reference {ref}.",
    "New phone number: {phone}",
    "Account holder: {name}",
    "The contract is still in the name of {fullname}; the account is {iban}.",
    "I have been a customer of Stadtwerke Nordlicht since 2019.",
    "Our VAT number is {vat}, please put it on the invoice.",
]
# Unlabelled look-alikes: dates, amounts, readings, invoice/order/ticket numbers, brand words.
_NOISE_DE = [
    "Mein Zählerstand am {date} war {lead0},{d1} kWh.",
    "Die Rechnung RE-{year}-{n6} vom {date} über {big} € habe ich erhalten.",
    "Laut § 41 EnWG müssen Sie mich rechtzeitig informieren.",
    "Ich habe am {dm} zwischen 8 und 12 Uhr Zeit für den Ableser.",
    "Der Tarif Nordlicht Strom 24 kostet {d2},{d1} Cent pro kWh.",
    "Infos stehen unter https://www.stadtwerke-nordlicht.de/abschlag.",
    "Ihr Schreiben vom {d2}. März {year} (Az. {year}/03-{n3}) habe ich erhalten.",
    "Im Jahr {year} habe ich {n4} kWh verbraucht, also {d2} Prozent mehr.",
    "Meine Bestellung {order} ist noch nicht angekommen.",
    "Bitte rufen Sie nicht vor 9:30 Uhr an, die Hotline war {d2} Minuten besetzt.",
    "Im Anhang: Foto_{date}.jpg und Rechnung {year}.pdf.",
]
_NOISE_EN = [
    "My meter reading on {usdate} was {lead0} kWh.",
    "Invoice INV-{year}-{n4} for ${big} arrived on {usdate}.",
    "I am free between 8 and 12 am on {usdate}.",
    "Ticket #{n6} is still open after {d2} days.",
    "Details are at https://www.stadtwerke-nordlicht.de/en/billing.",
    "Order {n8} has not arrived yet.",
    "In {year} I used {n4} kWh, which is {d2} percent more.",
]
_CNO_EN = {"Kundennummer": "customer number", "Vertragsnummer": "contract number",
           "Zählernummer": "meter number", "Kunden-Nr.": "customer number",
           "Vertragskonto": "account number", "Zähler-Nr.": "meter number"}  # fmt: skip


def _doc(v: _Values, lang: str) -> SynthDoc:
    r = v.r
    title, first, last, _ = v.person(lang)
    full = f"{first} {last}"
    other = v.person(lang)[2]
    b = _Builder()
    if lang == "de":
        b.add(r.choice(["Sehr geehrte Damen und Herren,\n\n", "Hallo liebes Team,\n\n", "Moin,\n"]))
    else:
        b.add(r.choice(["Dear Sir or Madam,\n\n", "Hello,\n\n", "Hi team,\n\n"]))
    templates = _DE if lang == "de" else _EN
    for template in r.sample(templates, r.randint(4, 7)):
        ctx, cno = v.customer_no()
        first_word = {"de": ["Ich schreibe Ihnen", "Kurz zur Info"], "en": ["I am writing"]}
        values: dict[str, tuple[str, str]] = {
            "name": ("NAME", full),
            "fullname": ("NAME", full),
            "other": ("NAME", other),
            "street": ("ADDRESS", v.street(lang)),
            "city": ("POSTCODE_CITY", v.postcode_city(lang)),
            "iban": ("IBAN", v.iban()),
            "phone": ("PHONE", v.phone(lang)),
            "email": ("EMAIL", v.fakers["de_DE" if lang == "de" else "en_US"].free_email()),
            "dob": ("DOB", v.dob(lang)),
            "tax": ("TAX_ID", v.tax_id()),
            "card": ("CARD", v.card()),
            "vat": ("VAT_ID", v.vat_id()),
            "cno_ctx": ("", ctx if lang == "de" else _CNO_EN[ctx]),
            "cno": ("CUSTOMER_NO", cno),
            "date": ("", f"{r.randint(1, 28):02d}.{r.randint(1, 12):02d}.{r.randint(2019, 2025)}"),
            "amount": ("", f"{r.randint(20, 900)},{r.randint(0, 99):02d}"),
            "reading": ("", str(r.randint(1000, 99999))),
            "order": ("", f"AB{r.randint(10, 99)} {r.randint(1000, 9999)} {r.randint(1000, 9999)}"),
            "ref": ("", f"{r.randint(2019, 2025)}{r.randint(1, 12):02d}-{r.randint(1, 9999):04d}"),
        }
        if template.startswith(("mein", "my")):
            b.add(r.choice(first_word[lang]) + ", " if r.random() < 0.3 else "")
            template = template[0].upper() + template[1:]
        if "Zähler {cno}" in template:
            values["cno"] = ("CUSTOMER_NO", f"1NLT{r.randint(0, 10**10 - 1):010d}")
        b.fill(template, values)
        b.add(" " if r.random() < 0.6 else "\n")
    noise = _NOISE_DE if lang == "de" else _NOISE_EN
    for template in r.sample(noise, r.randint(1, 3)):
        year = str(r.randint(2015, 2025))
        order = " ".join(str(r.randint(1000, 9999)) for _ in range(3))
        fields = {
            "date": f"{r.randint(1, 28):02d}.{r.randint(1, 12):02d}.{year}",
            "usdate": f"{r.randint(1, 12)}/{r.randint(1, 28)}/{year}",
            "dm": f"{r.randint(1, 28)}.{r.randint(1, 12)}.",
            "year": year,
            "lead0": f"0{r.randint(1000, 99999)}",
            "d1": r.randint(0, 9),
            "d2": r.randint(10, 99),
            "n3": r.randint(100, 999),
            "n4": r.randint(1000, 9999),
            "n6": r.randint(10**5, 10**6 - 1),
            "n8": r.randint(10**7, 10**8 - 1),
            "big": f"1.{r.randint(100, 999)},{r.randint(10, 99)}",
            "order": f"AB{r.randint(10, 99)} {order}",
        }
        b.add(template.format(**fields))
        b.add(" " if r.random() < 0.6 else "\n")
    if r.random() < 0.3:
        greet = "Bitte grüßen Sie " if lang == "de" else "Please say hello to "
        b.add(f"\n{greet}{title} ")
        b.ent("NAME", other)
        b.add(".")
    closing = {
        "de": ["Mit freundlichen Grüßen", "Viele Grüße", "Beste Grüße", "MfG"],
        "en": ["Best regards,", "Kind regards,", "Thanks,", "Sincerely,"],
    }[lang]
    b.add("\n\n" + r.choice(closing) + "\n")
    b.ent("NAME", first if r.random() < 0.15 else full)
    if r.random() < 0.5:
        b.add("\n")
        b.ent("ADDRESS", v.street(lang))
        b.add("\n")
        b.ent("POSTCODE_CITY", v.postcode_city(lang))
        b.add("\nTel. ")
        b.ent("PHONE", v.phone(lang))
    b.add("\n")
    known = [full] if r.random() < 0.5 else []
    return SynthDoc("".join(b.parts), lang, b.gold, known)


def generate(n_entities: int = 2000, seed: int = 1) -> list[SynthDoc]:
    """Synthetic emails (about 60% German) holding at least `n_entities` gold entities."""
    values = _Values(seed)
    docs: list[SynthDoc] = []
    total = 0
    while total < n_entities:
        doc = _doc(values, "de" if values.r.random() < 0.6 else "en")
        docs.append(doc)
        total += len(doc.gold)
    return docs


@dataclass
class Score:
    tp: Counter[str] = field(default_factory=Counter)  # gold found with the right type
    fn: Counter[str] = field(default_factory=Counter)
    fp: Counter[str] = field(default_factory=Counter)  # predicted spans not on gold of its type
    hidden: Counter[str] = field(default_factory=Counter)  # gold covered by any type
    gold: Counter[str] = field(default_factory=Counter)
    round_trips: int = 0
    docs: int = 0
    misses: list[tuple[str, str]] = field(default_factory=list)
    false_positives: list[tuple[str, str]] = field(default_factory=list)

    def recall(self, type_: str) -> float:
        return self.tp[type_] / self.gold[type_] if self.gold[type_] else 1.0

    def precision(self, type_: str) -> float:
        found = self.tp[type_] + self.fp[type_]
        return self.tp[type_] / found if found else 1.0

    def types(self) -> list[str]:
        return [t for t in (*STRUCTURED, *FUZZY) if self.gold[t] or self.fp[t]]


def _covers(span: Span, gold: Gold, text: str) -> bool:
    inner = text[gold.start : gold.end]
    lead = len(inner) - len(inner.lstrip())
    trail = len(inner) - len(inner.rstrip(" .,"))
    return span.start <= gold.start + lead and span.end >= gold.end - trail


def score(
    docs: list[SynthDoc], pz: Pseudonymizer, *, find: Callable[..., list[Span]] | None = None
) -> Score:
    """Per-type recall and precision of `pz.find`, and exact restore() round trips."""
    s = Score()
    finder = find or pz.find
    for doc in docs:
        spans = finder(doc.text, doc.known_names)
        for g in doc.gold:
            s.gold[g.type] += 1
            if any(sp.type == g.type and _covers(sp, g, doc.text) for sp in spans):
                s.tp[g.type] += 1
            else:
                s.fn[g.type] += 1
                s.misses.append((g.type, g.value))
            if any(_covers(sp, g, doc.text) for sp in spans):
                s.hidden[g.type] += 1
        for sp in spans:
            hits = (g.type == sp.type and sp.start < g.end and g.start < sp.end for g in doc.gold)
            if not any(hits):
                s.fp[sp.type] += 1
                s.false_positives.append((sp.type, doc.text[sp.start : sp.end]))
        vault = Vault()
        redacted = pz.redact(doc.text, vault, doc.known_names)
        s.round_trips += restore(redacted, vault).text == doc.text
        s.docs += 1
    return s
