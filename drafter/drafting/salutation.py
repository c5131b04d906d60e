"""Who we write to and how: the customer's name, title, gender, register and the greeting.

Owns the house style for salutations (README "Greetings and register"):

- German, Sie: "Sehr geehrte Frau Dr. Weber," / "Sehr geehrter Herr Prof. Dr. Baumann," when
  the gender is clear (Frau/Herr/Mr/Ms in the name, else the first-name data set in
  drafter.drafting.names); "Guten Tag Kim Schulte," when it is not; "Sehr geehrte Familie
  Kaya," for "Familie Kaya" with nobody signing; "Sehr geehrte Damen und Herren," without a
  personal name (company, bare address, a first name alone). Dr., Prof. and the Austrian Ing.
  are kept ("Dr. med." and "Dr.-Ing." become "Dr."), a diploma is left out ("Dipl.-Ing.",
  "Dipl.-Kfm.", "DI", "Mag.": `greeting_title`; it still marks a person), particles (von,
  van der) stay with the last name; a noble rank is left out ("Freiherr von Alsen" -> "Herr
  von Alsen").
- German, Du: "Hallo Finn," ("Hallo," without a first name).
- English: "Dear Ms Berg," / "Dear Mr O'Connor," / "Dear Dr Carter," / "Dear Professor Stone,"
  / "Dear Jordan Lee," / "Dear Kaya family," / "Dear Sir or Madam,"; informal "Hi Finn,";
  "Dear Mrs Pangilinan," / "Dear Mx Ashby-Clarke," only when the customer writes Mrs or Mx
  with the name (`_own_form`). A family role the writer names ("als alleinerziehende
  Mutter", "As a father of two") gives the sex a unisex first name leaves open (`_self_kin`),
  as does a feminine noun of the writer's own ("als langjährige Kundin"); the generic
  masculine ("ich bin Student", "als langjähriger Kunde") says nothing.
  Couples: "Dear Mr and Mrs Hart," only when the customer writes "Mrs" (the house uses Mrs
  only then; "my wife" is not enough, she may go by Ms), else "Dear Ms Hart and Mr Hart,"
  (woman first, as in German); two family names alike: "Dear Ms Dubois and Mr Marchetti,";
  English writes "Dear" once, never "Dear Ms Hart, dear Mr Hart,". British honours and
  clergy: "Dear Sir Nigel," / "Dear Dame Judith," / "Dear Father Byrne," / "Dear Reverend
  Hale," / "Dear Lady Carrick," (Name.honour).

The register (Sie/Du, formal/informal) is drafter.drafting.salutation_register's
(`detect_register`, re-exported here).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace

from drafter import firstnames
from drafter.drafting import name_lists, name_words
from drafter.drafting.cues import gender_cue
from drafter.drafting.du_signals import german_register, register_signals, unquote
from drafter.drafting.forwards import own_thread
from drafter.drafting.names import gender_of, unclear_abroad
from drafter.drafting.persons import customer_names, greeted_before
from drafter.drafting.salutation_register import (
    detect_register,
    english_register,
    formality_for,
    in_capitals,
    no_last,
)
from drafter.drafting.sender import Name, name_case
from drafter.drafting.short_forms import signed_short_form_sex
from drafter.drafting.signoff import signed_initials, signed_name
from drafter.models import InboundEmail

__all__ = [
    "FORMALITIES",
    "Greeting",
    "detect_register",
    "english_register",
    "formality_for",
    "german_register",
    "greeted_surname",
    "greeting",
    "greeting_title",
    "register_signals",
]

#: formality values: German "sie"/"du", English "you" (formal) or "you_informal" ("Hi Finn,").
FORMALITIES = ("sie", "du", "you", "you_informal")


@dataclass(frozen=True)
class Greeting:
    first_line: str
    lowercase_next: bool  # German letters continue in lowercase after "…,"


# --- greeting helpers ---------------------------------------------------------------

_MRS = re.compile(r"\bMrs\b\.?", re.I)
#: "(Mrs)" or "(Mr & Mrs)" written after the signed names
_MRS_NOTE = re.compile(r"\((?:mr\.?\s*(?:&|and|\+)\s*)?mrs\.?\)", re.I)
#: the writer describing herself with a feminine noun ("als Eigentümerin", "ich bin Rentnerin",
#: "als langjährige Kundin"):
#: a woman, when the first name says nothing (Robin, Kim); the generic masculine says nothing,
#: with or without an adjective ("ich bin Student", "als langjähriger Kunde": the adjective
#: agrees with the masculine noun, so many women write it too; a wrong "Herr" is worse than a
#: neutral "Guten Tag Kim Berger,")
_SELF_FEMININE = re.compile(
    r"\b(?:ich\s+(?:bin|war)\s+(?:(?!(?:der|die|den|dem|des|einer|einem|meiner|meinem|mit|bei|"
    r"von|vom|zur|zum|für|an|auf|über|keine|nicht)\b)\w+\s+){0,3}|ich\s+als\s+|^als\s+|"
    r"(?<=[.!?]\s)als\s+)"
    # an adjective or two before the noun ("als langjährige Kundin", "als neue Mieterin")
    r"(?:(?-i:[a-zäöüß]+e)\s+){0,2}"
    r"(?-i:[A-ZÄÖÜ][a-zäöüß]*(?:erin|entin|antin|istin|andin|kundin|ärztin|eurin)|Kundin|"
    r"Ärztin)\b",
    re.I | re.M,
)


def _own_form(text: str, name: Name) -> str:
    """The "Mrs" or "Mx" the customer writes with her or their own name in the mail or
    the display name ("Mrs. Maricel Pangilinan" under the closing, "I am Mrs Pangilinan",
    "Mx Rowan Ashby-Clarke", "Sam Kent (Mx)"): the house writes Mrs only then, and then it
    does, and Mx too (session 21: the person's own form of address; "(they/them)" alone
    still gives "Dear Sam Kent,"), else ''."""
    if not name.last:
        return ""
    first = rf"(?:{re.escape(name.first)}\s+)?" if name.first else ""
    full = first + re.escape(name.last)
    found = re.search(rf"\b(Mrs|Mx)\.?\s+{full}\b|\b{full}\s*\((Mrs|Mx)\.?\)", text)
    return (found.group(1) or found.group(2)) if found else ""


#: the writer naming herself or himself by a family role ("als alleinerziehende Mutter", "ich
#: bin der Vater von …", "Ich als Sohn", "As a single mum", "I'm a father of two", "as her
#: son"): the sex, when the first name says nothing (Sam, Robin, Kim)
_SELF_KIN = re.compile(
    r"(?:\bich\s+(?:bin|war)\s+|\bich\s+als\s+|^als\s+|(?<=[.!?]\s)als\s+|"
    r"\b(?:as|i\s+am|i['’]m|i\s+was)\s+)"
    r"(?:(?:der|die|eine?|an?|the|his|her|their)\s+)?"
    r"(?:(?:alleinerziehende|berufstätige|junge|stolze|verwitwete|werdende|single|working|young|"
    r"proud|widowed|retired|new|first-time|stay-at-home|disabled|elderly)[rn]?\s+)?"
    r"(mutter|mama|witwe|oma|großmutter|hausfrau|ehefrau|vater|papa|witwer|opa|großvater|"
    r"hausmann|ehemann|tochter|enkelin|schwester|sohn|enkel|bruder|mum|mom|mother|widow|"
    r"grandmother|grandma|granny|housewife|wife|daughter|granddaughter|sister|father|dad|"
    r"widower|grandfather|grandad|granddad|grandpa|husband|son|grandson|brother)\b",
    re.I | re.M,
)
_FEMALE_KIN = """mutter mama witwe oma großmutter hausfrau ehefrau tochter enkelin schwester mum
    mom mother widow grandmother grandma granny housewife wife daughter granddaughter sister"""
_MALE_KIN = """vater papa witwer opa großvater hausmann ehemann sohn enkel bruder father dad
    widower grandfather grandad granddad grandpa husband son grandson brother"""
_KIN_SEX = dict.fromkeys(_FEMALE_KIN.split(), "female") | dict.fromkeys(_MALE_KIN.split(), "male")


def _self_kin(body: str) -> str:
    """The sex the writer's own family role names ('' for none, or for two that disagree)."""
    found = {_KIN_SEX[m.group(1).lower()] for m in _SELF_KIN.finditer(body)}
    return found.pop() if len(found) == 1 else ""


# --- greeting ---------------------------------------------------------------------------


def _gender(name: Name, language: str) -> str:
    """Frau/Herr/Mr/Ms first, then the first given name (accents folded when unknown)."""
    if name.gender or not name.first:
        return name.gender
    if " " in name.first and any(_unisex(p) for p in name.first.split()):
        return ""  # a compound given name with a part of no clear sex ("Hoang Anh")
    head = re.split(r"[\s]+", name.first)[0]
    south_slavic = name_words.SOUTH_SLAVIC_SURNAME.match(_rank(name.last)[0].split("-")[-1])
    if south_slavic and firstnames.fold(head) in name_words.SOUTH_SLAVIC_MALE:
        return "male"  # "Nikola Ristić" (a Czech Nikola is a woman)
    found = gender_of(head, language) or gender_of(name.first, language)
    if not found:
        folded = unicodedata.normalize("NFKD", head).encode("ascii", "ignore").decode()
        found = gender_of(folded, language) if folded and folded != head else ""
    if language == "en" and found:
        # a name rare in the US births that a few hundred American girls had ("Jannis",
        # "Juri") is a man's name in the Austrian or Swiss list: the person's sex does not
        # change with the reply language. Common names stay as the language's data say
        # ("Jean": a British woman writing English, a French man writing German)
        other = gender_of(head, "de")
        entry = firstnames.lookup(head)
        if other and other != found and entry is not None and entry.female + entry.male < 5000:
            return other
    return found


def _surname_sex(last: str) -> str:
    """'female' for a woman's form of a family name ("Morozova", "Dvořáková", "Zielińska",
    "Jónsdóttir"; any part of a double name, not "Casanova"), 'male' for the Sikh "Singh";
    read only when the first name says nothing."""
    parts = re.split(r"[\s-]+", _rank(last)[0])
    if any(
        name_words.FEMALE_SURNAME_FORM.search(p) and p.lower() not in name_words.NOT_FEMALE_FORM
        for p in parts
    ):
        return "female"
    return name_words.SIKH.get(last.lower(), "")


def _unisex(part: str) -> bool:
    return firstnames.fold(part) in name_lists.UNISEX


def _rank(last: str) -> tuple[str, str]:
    """('von Heintze', 'male') for 'Freiherr von Heintze': a German noble rank is part of the
    family name, but a letter says "Herr von Heintze" / "Frau von Arnim" (the rank names the
    sex); other names come back unchanged with no sex."""
    words = last.split()
    if len(words) > 1 and words[0].lower() in name_words.NOBILITY:
        return " ".join(words[1:]), name_words.NOBILITY_SEX.get(words[0].lower(), "")
    return last, ""


def greeted_surname(name: Name) -> str:
    """The family name as the greeting writes it ("von Alsen" for "Freiherr von Alsen")."""
    return _rank(name.last)[0]


def greeting_title(title: str) -> str:
    """The titles a German greeting writes: Dr., Prof. and the Austrian Ing., not a diploma
    ("Prof. Dipl.-Ing." -> "Prof.", "DI Dr." -> "Dr.", "Mag.a" -> ""; house decision, session
    19: modern German business letters write only Dr. and Prof.; a diploma still marks the
    person, and "Mag.a" a woman: drafter.drafting.sender)."""
    return " ".join(t for t in title.split() if not name_words.DIPLOMA.match(t))


def _german_sie(name: Name, gender: str) -> str:
    """'Sehr geehrte Frau Dr. Weber' / 'Guten Tag Kim Schulte' / 'Sehr geehrte Familie Kaya' /
    '' (no name)."""
    written = greeting_title(name.title)
    title = f"{written} " if written else ""
    last = _rank(name.last)[0]
    if name.last and gender == "female":
        return f"Sehr geehrte Frau {title}{last}"
    if name.last and gender == "male":
        return f"Sehr geehrter Herr {title}{last}"
    if name.last and (name.first or name.title):  # a first name alone: "… Damen und Herren,"
        # "Guten Tag Kim Schulte", "Guten Tag Dr. Lorenz" (a title names a person, a
        # diploma too: "Dipl.-Ing. Lorenz" -> "Guten Tag Lorenz", as "Dear Lorenz,")
        return "Guten Tag " + " ".join(p for p in (written, *_in_order(name, last)) if p)
    if name.family:
        return f"Sehr geehrte Familie {name.family}"  # "Familie X" with nobody signing
    return ""


def _english_formal(name: Name, gender: str) -> str:
    if name.honour in ("Sir", "Dame") and name.first and not name.title:
        return f"{name.honour} {name.first.split()[0]}"  # "Dear Sir Nigel,"
    if name.honour in ("Father", "Lady", "Lord") and name.last:
        return f"{name.honour} {name.last}"  # "Dear Father Byrne,", "Dear Lady Carrick,"
    if name.last:
        last = _rank(name.last)[0]
        if "Prof." in name.title:
            return f"Professor {last}"
        if "Dr." in name.title:
            return f"Dr {last}"
        if name.honour == "Reverend":
            return f"Reverend {last}"  # "Revd Philippa Marchbank"; "The Revd Dr Hale" is Dr
        if gender == "mx":
            return f"Mx {last}"
        if gender == "female":
            return f"{'Mrs' if name.mrs else 'Ms'} {last}"
        if gender == "male":
            return f"Mr {last}"
    return " ".join(p for p in _in_order(name, name.last) if p)


def _in_order(name: Name, last: str) -> tuple[str, str]:
    """Given and family name in the order the customer writes them ("Guo Xin" for "GUO Xin")."""
    return (last, name.first) if name.family_first else (name.first, last)


def _couple(names: list[Name], language: str, formality: str, mrs: bool) -> Greeting:
    genders = [_gender(n, language) for n in names]
    firsts = [n.first for n in names]
    if formality == "du":
        if all(firsts):
            return Greeting(
                ", ".join(f"Hallo {f}" if i == 0 else f"hallo {f}" for i, f in enumerate(firsts))
                + ",",
                True,
            )
        return Greeting("Hallo,", True)
    if formality == "you_informal":
        return Greeting(f"Hi {' and '.join(firsts)}," if all(firsts) else "Hi,", False)
    if language == "de":
        order = sorted(range(2), key=lambda i: genders[i] != "female")
        parts = [_german_sie(names[i], genders[i]) for i in order]
        if all(parts):
            return Greeting(parts[0] + ", " + parts[1][:1].lower() + parts[1][1:] + ",", True)
        return Greeting("Sehr geehrte Damen und Herren,", True)
    same = names[0].last and names[0].last == names[1].last
    order = sorted(range(2), key=lambda i: genders[i] != "female")
    wife, husband = (names[i] for i in order)
    if same and mrs and sorted(genders) == ["female", "male"] and not wife.title:
        form = _english_formal(husband, "male").rsplit(" ", 1)[0] if husband.title else "Mr"
        return Greeting(f"Dear {form} and Mrs {names[0].last},", False)  # "Dr and Mrs Kerr"
    # "Mrs" only when the customer writes it: else both joined with "and", the woman first
    # ("Dear Ms Pettit and Mr Pettit,", "Dear Ms Dubois and Mr Marchetti,"); English letters
    # write "Dear" once (the German "…, sehr geehrter Herr …" has no English counterpart)
    parts = [_english_formal(names[i], genders[i]) for i in order]
    return Greeting(f"Dear {parts[0]} and {parts[1]},", False)


def greeting(email: InboundEmail, language: str, formality: str) -> Greeting:
    """The salutation line for `email` in `language` and `formality` (house style above)."""
    email = in_capitals(email)
    names = customer_names(email)
    if len(names) == 2:
        written = (email.from_.name, signed_name(email))
        mrs = any(_MRS.search(text) for text in written)
        # "Tom & Anna Brown (Mr & Mrs)" under the closing: the note is cut from the name
        mrs = mrs or bool(_MRS_NOTE.search("\n".join(email.body.rstrip().splitlines()[-3:])))
        return _couple(names, language, formality, mrs or any(n.mrs for n in names))
    name = names[0] if names else Name()
    if no_last(name.last):
        name = replace(name, last="")  # "Amira H.": no family name to write "Ms H." with
    first = name.first
    if formality in ("du", "you_informal"):
        signed = signed_name(email).split()
        if (
            len(signed) == 1
            and signed[0][:1].isalpha()
            and len(signed[0].rstrip(".")) > 1
            and not signed_initials(signed[0], name)
        ):
            word = signed[0]
            shown = [w for w in name.first.split() if firstnames.fold(w) == firstnames.fold(word)]
            # "BARIŞ" signed in capitals by "Barış Yıldırımoğlu": the display name's spelling
            first = shown[0] if word.isupper() and shown else name_case(word)
        elif not signed:
            # "> Hi Aga," before (not a forwarded message of someone else: "Hi Mags, … Tom")
            first = greeted_before(own_thread(email.quoted, email.from_), first) or first
    gender = _gender(name, language) or _rank(name.last)[1]
    if not name.gender and unclear_abroad(name.first, email.from_.email):
        gender = ""  # "Janne Lindholm" from a Finnish address: a man there, a woman here
    cue, sure = gender_cue(email.body, name, email.quoted) if not name.gender else ("", False)
    if cue and (sure or not gender):
        gender = cue
    if not gender and name.first:
        # "Gabi" signed alone (also under her own earlier message in the thread) by "Gabriele
        # Jürgensen": the short form tells what the name leaves open
        gender = signed_short_form_sex(email, name)
    if not gender and name.first:
        gender = _surname_sex(name.last)  # "Sasha Morozova", "Gurpreet Singh"
    if not gender and name.last and _SELF_FEMININE.search(unquote(email.body)):
        gender = "female"  # "Robin Schüttler": "als Eigentümerin eines Hauses …"
    if not gender and name.last:
        gender = _self_kin(unquote(email.body))  # "As a single mum …", "als Vater …"
    own = _own_form(f"{email.from_.name}\n{unquote(email.body)}", name)
    if gender == "female" and own == "Mrs":
        name = replace(name, mrs=True)  # "Respectfully yours,\nMrs. Maricel Pangilinan"
    if own == "Mx" and language == "en":
        gender = "mx"  # "Kind regards,\nMx Rowan Ashby-Clarke": "Dear Mx Ashby-Clarke,"
    if language == "de":
        if formality == "du":
            return Greeting(f"Hallo {first}," if first else "Hallo,", True)
        line = _german_sie(name, gender)
        return Greeting(f"{line}," if line else "Sehr geehrte Damen und Herren,", True)
    if formality == "you_informal":
        return Greeting(f"Hi {first}," if first else "Hi,", False)
    if name.last and (first or name.title or name.honour or gender in ("female", "male")):
        return Greeting(f"Dear {_english_formal(name, gender)},", False)
    if name.family:
        return Greeting(f"Dear {name.family} family,", False)
    # also a bare "Okafor" or a first name alone ("Margot"), as in German
    return Greeting("Dear Sir or Madam,", False)
