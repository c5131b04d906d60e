"""The privacy bench's judge: is a labelled value hidden, partly or wholly leaked in the text
the model could see? (The rules are listed in bench_privacy_independent's docstring.)

Round 14 changed one rule (the *role-word rule*), and the bench reports every set under both
judges, side by side:
- old judge (rounds 1-13): every token of >= 4 letters that is no generic word, no everyday
  word (zipf >= 4.0) and not the company's own counts as a personal token;
- new judge (`roles=True`, the default): a token that is a *role word* (a function or
  department: "kanzlei", "buchhaltung", "kassenwart", "hausmeister", "invoices": `ROLE_WORDS`)
  does not count either. Reason: an address like "buchhaltung@hagedorn-dachbau.de"
  hidden whole is no partial leak when the writer also writes "unsere Buchhaltung": the role
  word alone identifies nobody (DSGVO Art. 4(1): personal data relate to an identifiable
  person). The personal tokens of such a value ("dabrowski" of "hausmeister.dabrowski@")
  still count. A wider rule, "any word of zipf >= 3.5 that is in no name list", was tried
  and dropped: surnames such as "Krüger" (3.8) are missing from the name lists at hand.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import parse_qsl, urlsplit


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


GENERIC = _words(
    "straße strasse str weg allee platz gasse ring damm street road lane avenue drive close "
    "herr herrn frau mister miss familie fam dr prof dipl ing gmail googlemail gmx web "
    "yahoo hotmail outlook online icloud posteo mailbox live aol freenet arcor proton "
    "protonmail deutschland germany österreich austria schweiz switzerland suisse united "
    "kingdom nummer number haus hausnummer postfach"
)

# functions and departments that stand in role addresses ("kanzlei@", "kassenwart@"): no person
ROLE_WORDS = _words(
    "kanzlei buchhaltung kassenwart kasse schatzmeister hausmeister hausverwaltung jobcenter "
    "verwaltung vermietung rechnung rechnungen invoice invoices billing accounts "
    "accounting office büro buero info kontakt contact service support team vorstand "
    "sekretariat praxis empfang reception admin einkauf verkauf sales termine forderung "
    "treasurer secretary mieterbeirat schriftführer schriftfuehrer"
)


def is_role_word(token: str) -> bool:
    """A role word: no personal token for the new judge (words of zipf >= 4.0 are none for both)."""
    return token in ROLE_WORDS


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text).casefold()).strip()


def compact(text: str) -> str:
    return re.sub(r"[\W_]+", "", text)


def _word_in(needle: str, hay: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(needle)}(?!\w)", hay) is not None


def _everyday(token: str) -> bool:
    from wordfreq import zipf_frequency

    return max(zipf_frequency(token, "de"), zipf_frequency(token, "en")) >= 4.0


def _company_tokens() -> frozenset[str]:
    from drafter.config import Settings

    settings = Settings()
    own = " ".join(
        [
            settings.brand_name,
            settings.mail_from,
            *settings.link_allowlist,
            *settings.company_phones,  # "0431" of the hotline is nobody's area code alone
            *settings.company_ibans,
            *settings.company_data,
        ]
    )
    return frozenset(t for t in re.findall(r"\w+", norm(own)) if len(t) >= 4)


def url_personal(url: str) -> str:
    """The parts of a link that can be somebody's: the query's values, the fragment and the
    path's segments with a digit ("token=9f3Kq2…", "email=bernd.ebeling%40gmx.de",
    "/reset/8f2a…"); not the host (an organisation's, like an address's domain), not the
    query's keys nor the path's words ("reset", "unsubscribe": the site's vocabulary)."""
    parts = urlsplit(url if "://" in url else "https://" + url)
    path = [seg for seg in re.split(r"[/._-]", parts.path) if re.search(r"\d", seg)]
    values = [v for _, v in parse_qsl(parts.query, keep_blank_values=True)]
    return " ".join([*path, *values, parts.fragment])


def judge(
    type_: str,
    value: str,
    seen: str,
    seen_compact: str,
    own: frozenset[str],
    roles: bool = True,
) -> str:
    """'leaked', 'partial' or 'hidden' for one labelled value against the model's text
    (`roles=False`: the old judge, which counts role words and common words as personal)."""
    value_n = norm(value)
    if not value_n:
        return "hidden"
    if _word_in(value_n, seen):
        return "leaked"
    value_c = compact(value_n)
    if type_ != "NAME" and len(value_c) >= 5 and value_c in seen_compact:
        return "leaked"
    personal = value_n.split("@")[0] if type_ == "EMAIL" else value_n
    if type_ == "URL_SECRET":
        personal = url_personal(value_n)
    tokens = [
        t
        for t in re.findall(r"\w+", personal)
        if len(t) >= 4
        and t not in GENERIC
        and t not in own
        and not re.fullmatch(r"(?:19|20)\d\d", t)  # a year alone is nobody's
        and (t.isdigit() or not _everyday(t))
        and not (roles and is_role_word(t))
    ]
    several = len(tokens) > 1 or (tokens and tokens[0] != value_c)
    if several and any(_word_in(t, seen) for t in tokens):
        return "partial"
    return "hidden"
