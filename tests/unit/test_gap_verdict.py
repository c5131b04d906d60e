"""The knowledge-gap decision (drafter.drafting.gap_verdict): answered / partial / missing.

Hand-written mails and articles (not from any dev set): a short mail the best article
answers in other words keeps its draft even when retrieval support is weak; a question whose
key terms the best article lacks is a gap; one draft path turns the decision into the gap
text and the `kb_gap` / `kb_partial` warnings.
"""

from __future__ import annotations

import zlib
from typing import Any

import numpy as np
import pytest

from drafter.config import Settings
from drafter.drafting import gap_verdict as gv
from drafter.drafting.engine import DraftingEngine
from drafter.drafting.kb_verdict import RETRIEVAL_GAP, RETRIEVAL_PARTIAL, gap_warnings
from drafter.models import Done, InboundEmail, Passage

ABSCHLAG = (
    "Sie können Ihren monatlichen Abschlag im Kundenportal selbst anpassen: erhöhen oder "
    "senken. Liegt der neue Betrag mehr als 20 % unter der Berechnung, prüfen wir ihn."
)
PAYMENT = (
    "Sie zahlen per SEPA-Lastschrift oder per Überweisung auf unser Konto. Die Lastschrift "
    "ziehen wir zum Fälligkeitstag ein."
)


def passage(kb_id: str, title: str, text: str, support: float | None) -> Passage:
    return Passage(kb_id=kb_id, title=title, text=text, language="de", support=support)


def test_key_terms_are_nouns_and_rarer_words_not_verbs_or_placeholders() -> None:
    assert gv.key_terms("Kann ich mit PayPal zahlen? Gibt es einen Kombirabatt?", "de") == [
        "PayPal",
        "Kombirabatt",
    ]
    english = gv.key_terms("Is there a discount if I pay yearly? [NAME_1] asked.", "en")
    assert english == ["discount", "yearly"]


def test_an_abbreviation_or_a_short_german_noun_is_a_key_term() -> None:
    # the asked thing is often an abbreviation or a three-letter noun: VPN, IP, App, Fax
    # ("Blockieren Sie" opens the question: a verb, no thing)
    assert gv.key_terms("Blockieren Sie VPN? Gibt es eine App oder ein Fax?", "de") == [
        "VPN",
        "App",
        "Fax",
    ]
    assert gv.key_terms("Can I get a static IP with the fibre plan?", "en") == [
        "static",
        "IP",
        "fibre",
        "plan",  # a plain English noun (EVERYDAY_ZIPF_EN)
    ]
    # a currency after a number names no thing; a shouted everyday word is no abbreviation
    assert gv.key_terms("Ich habe 212 EUR bezahlt, bitte NICHT abbuchen.", "de") == []


def test_an_abbreviation_is_covered_only_by_itself() -> None:
    article = "Störung Glasfaser\nIhr VPN-Zugang funktioniert wie gewohnt."
    assert gv.missing_terms("Wird das VPN blockiert?", article, "de") == []
    assert gv.missing_terms("Gibt es eine feste IP?", article, "de") == ["IP"]


def test_times_tone_and_question_verbs_name_no_thing() -> None:
    # weekdays and holidays, outrage and complaint, a verb that opens a question ("Bekomme
    # ich", "Kostet das") and a question word: none is what the customer asks about
    asked = (
        "Frechheit! Internet seit Donnerstag tot, kurz vor Weihnachten. Bekomme ich eine "
        "Gutschrift? Kostet das Entstörung? Woher kommt die Beschwerde-Nummer?"
    )
    assert gv.key_terms(asked, "de") == ["Gutschrift", "Entstörung", "Beschwerde-Nummer"]
    # a shouted word longer than an abbreviation is no abbreviation
    assert gv.key_terms("DRINGEND: Zählertausch ABSURD teuer", "de") == ["Zählertausch"]
    # after an article a capitalised word stays a noun even before a pronoun
    assert gv.key_terms("Ist das Kostet das wirklich?", "de") == ["Kostet"]


def test_english_adverbs_complaints_and_contractions_name_no_thing() -> None:
    asked = (
        "Complaint: you apparently took my payment twice on Saturday. I want a refund "
        "immediately, anyway the router doesn't work."
    )
    assert gv.key_terms(asked, "en") == ["payment", "refund", "router"]
    # an -ly word whose base is no word is kept ("supply")
    assert gv.key_terms("Is the gas supply interrupted?", "en") == ["supply", "interrupted"]


def test_a_complaint_about_an_answered_question_keeps_its_article() -> None:
    article = (
        "Ratenzahlung\nEine Nachzahlung können Sie in Raten zahlen. Die Raten kosten keinen "
        "Aufschlag; Sie vereinbaren sie im Kundenportal."
    )
    asked = (
        "Unverschämte Nachzahlung!!! Das ist eine Frechheit, kurz vor Weihnachten. Kostet "
        "das extra, wenn ich in Raten zahle?"
    )
    assert gv.missing_terms(asked, article, "de") == []


SMART_METER_DE = (
    "Der Einbau eines intelligenten Messsystems ist Pflicht ab 6000 kWh Verbrauch. Die Kosten "
    "für den Einbau tragen wir."
)
#: a hand-made stand-in for the multilingual encoder: words of one meaning share a vector
SAME_MEANING = {"mandatory": "pflicht", "installation": "einbau", "pays": "tragen"}


def word_vectors(texts: list[str]) -> np.ndarray:
    rows = np.zeros((len(texts), 512), dtype=np.float32)
    for i, text in enumerate(texts):
        word = text.lower()
        rows[i, zlib.crc32(SAME_MEANING.get(word, word).encode()) % 512] = 1.0
    return rows


def test_an_article_in_the_other_language_lacks_only_the_terms_no_word_of_it_translates() -> None:
    # an English mail whose best article is German: "mandatory" is "Pflicht" there
    best = Passage(
        kb_id="de-smart-meter", title="Smart Meter", text=SMART_METER_DE, language="de",
        support=0.3,
    )  # fmt: skip
    subject, body = (
        "Smart meter mandatory?",
        "Do we have to get one, and who pays the installation?",
    )
    alone = gv.inputs(subject, body, [best], [SMART_METER_DE], "en")
    assert alone == (0.3, 4)  # meter, mandatory, pays, installation
    found = gv.inputs(subject, body, [best], [SMART_METER_DE], "en", word_vectors)
    assert found == (0.3, 0)  # "Meter" is the same word, the others translated


def test_an_article_in_the_mail_language_is_never_translated() -> None:
    def refuse(texts: list[str]) -> np.ndarray:
        raise AssertionError("no encode for an article in the mail's language")

    best = passage("de-zahlungsarten", "Zahlungsarten", PAYMENT, support=0.25)
    found = gv.inputs("Zahlung", "Geht PayPal?", [best], [PAYMENT], "de", refuse)
    assert found == gv.inputs("Zahlung", "Geht PayPal?", [best], [PAYMENT], "de")
    assert found is not None and found[1] >= 1  # PayPal stays missing


def test_a_forward_prefix_of_the_subject_is_no_key_term() -> None:
    best = passage("de-abschlag", "Abschlag anpassen", ABSCHLAG, support=0.3)
    found = gv.inputs("WG: AW: Abschlag", "Kann ich den Abschlag senken?", [best], [ABSCHLAG], "de")
    assert found == (0.3, 0)


def test_a_german_compound_is_covered_by_its_parts() -> None:
    asked = "Wie lange speichern Sie das Zählerfoto?"
    with_parts = "Zählerstand melden\nSie können ein Foto des Zählers hochladen."
    assert gv.missing_terms(asked, with_parts, "de") == []
    assert gv.missing_terms(asked, "Zählerstand melden\nTippen Sie den Stand ein.", "de") == [
        "Zählerfoto"
    ]


def test_a_short_mail_the_article_answers_in_other_words_keeps_its_draft() -> None:
    # weak retrieval support (the old decision: gap below 0.30), but nothing it asks about
    # is missing from the best article
    best = passage("de-abschlag", "Abschlag anpassen", ABSCHLAG, support=0.15)
    verdict = gv.decide(
        "abschlag", "abschlag von 90 auf 50 runter, geht das im portal?", [best], [ABSCHLAG],
        "de", retrieval_gap=True,
    )  # fmt: skip
    assert verdict != gv.MISSING


def test_key_terms_the_best_article_lacks_make_a_gap() -> None:
    best = passage("de-zahlungsarten", "Zahlungsarten", PAYMENT, support=0.25)
    verdict = gv.decide(
        "Zahlung", "Kann ich die Rechnung auch mit PayPal oder Klarna bezahlen?", [best],
        [PAYMENT], "de", retrieval_gap=False,
    )  # fmt: skip
    assert verdict == gv.MISSING


def test_an_article_that_plainly_answers_the_subject_turns_a_gap_into_partial() -> None:
    best = passage("de-abschlag", "Abschlag anpassen", ABSCHLAG, support=0.05)
    body = "Geht das per Fax, per Brief oder per Telegramm? Meine Tochter hilft mir dabei."
    gap = gv.decide("Abschlag senken", body, [best], ["Kein Wort dazu."], "de", False)
    assert gap == gv.MISSING  # the article text passed does not answer the subject
    kept = gv.decide("Abschlag senken", body, [best], [ABSCHLAG], "de", False)
    assert kept == gv.PARTIAL


def test_without_a_support_value_the_retrieval_decision_alone_decides() -> None:
    best = passage("de-zahlungsarten", "Zahlungsarten", PAYMENT, support=None)
    assert gv.decide("Zahlung", "PayPal?", [best], [PAYMENT], "de", True) == gv.MISSING
    assert gv.decide("Zahlung", "PayPal?", [best], [PAYMENT], "de", False) == gv.ANSWERED
    assert gv.decide("Zahlung", "PayPal?", [], [], "de", False) == gv.MISSING


def test_partial_keeps_the_draft_with_its_own_warning_and_a_gap_wins() -> None:
    assert [(w.code, w.message) for w in gap_warnings(False, "", True)] == [
        ("kb_partial", RETRIEVAL_PARTIAL)
    ]
    assert [(w.code, w.message) for w in gap_warnings(True, "", True)] == [
        ("kb_gap", RETRIEVAL_GAP)
    ]


class _Retriever:
    """A stand-in knowledge base returning one hand-written passage."""

    def __init__(self, best: Passage) -> None:
        self.best = best

    def search(self, query: str, k: int, language: str | None = None) -> list[Passage]:
        return [self.best]

    def is_gap(self, passages: list[Passage]) -> bool:
        return True  # the old decision: weak support is a gap

    def article(self, kb_id: str) -> dict[str, Any]:
        return {"kb_id": kb_id, "title": self.best.title, "text": self.best.text}


async def _draft(subject: str, body: str, best: Passage) -> Any:
    engine = DraftingEngine(Settings(), _Retriever(best))  # type: ignore[arg-type]
    mail = InboundEmail(subject=subject, body=body, from_addr="kunde@example.org")
    events = [e async for e in engine.draft(mail, no_llm=True)]
    done = [e for e in events if isinstance(e, Done)]
    assert len(done) == 1, events[-1]
    return done[0].draft


@pytest.mark.parametrize(
    ("subject", "body", "best", "code", "gap_text"),
    [
        (
            "abschlag",
            "Hallo,\n\nabschlag von 90 auf 50 runter, geht das im portal?",
            passage("de-abschlag", "Abschlag anpassen", ABSCHLAG, support=0.15),
            None,
            False,
        ),
        (
            "Zahlung",
            "Guten Tag,\n\nkann ich die Rechnung auch mit PayPal oder Klarna bezahlen?",
            passage("de-zahlungsarten", "Zahlungsarten", PAYMENT, support=0.25),
            "kb_gap",
            True,
        ),
    ],
    ids=["answered-short", "missing"],
)
async def test_one_decision_drives_the_draft_text_and_the_warning(
    subject: str, body: str, best: Passage, code: str | None, gap_text: bool
) -> None:
    draft = await _draft(subject, body, best)
    codes = {w.code for w in draft.warnings}
    assert ("kb_gap" in codes) == (code == "kb_gap")
    assert ("retrieval" in draft.gap_signals) == (code == "kb_gap")
    cites = "[1]" in draft.body
    assert cites != gap_text  # a gap draft asks for details, an answer cites the article


STORY = (
    "Hallo,\n\n"
    "seit dem Sommer wohnt meine Schwiegermutter bei uns, und im Keller steht jetzt eine zweite "
    "Waschmaschine. Im Frühjahr waren wir dagegen vier Wochen in Portugal, da lief fast nichts.\n\n"
    "Meine Nachbarin meint, mit Schwiegermutter, Waschmaschine und Gartensauna sollte ich mich "
    "bei Ihnen melden, bevor es teuer wird, können Sie mir da helfen?\n"
    "Kann ich meinen monatlichen Abschlag im Kundenportal selbst erhöhen?\n\n"
    "Viele Grüße\nJana Beispiel\n"
)
SHORT = (
    "Mit Schwiegermutter und Gartensauna wird es teuer, können Sie helfen?\n"
    "Kann ich meinen Abschlag im Kundenportal erhöhen?"
)


def test_a_long_mail_is_judged_by_its_best_answered_asking_sentence() -> None:
    # a long mail tells a story around its question: the side remarks of one asking sentence
    # (mother-in-law, washing machine, garden sauna) do not count against an article that
    # answers the other asking sentence plainly
    best = [passage("de-abschlag", "Abschlag anpassen", ABSCHLAG, 0.3)]
    assert len(STORY.split()) >= gv.LONG_MAIL_WORDS
    assert gv.inputs("Abschlag erhöhen", STORY, best, [ABSCHLAG], "de") == (0.3, 0)
    verdict = gv.decide("Abschlag erhöhen", STORY, best, [ABSCHLAG], "de", retrieval_gap=True)
    assert verdict == gv.ANSWERED
    # a short mail's asking sentences are one request: every key term counts
    assert gv.inputs("Abschlag erhöhen", SHORT, best, [ABSCHLAG], "de") == (0.3, 2)


def test_a_short_question_naming_three_things_the_article_lacks_loses_the_shield() -> None:
    # a high retrieval support (the payment words match) shields a doubt, not a short question
    # about three things the article never mentions
    best = passage("de-zahlungsarten", "Zahlungsarten", PAYMENT, support=0.9)
    three = "Kann ich per PayPal, Klarna oder Giropay zahlen?"
    assert gv.inputs("Zahlungsarten", three, [best], [PAYMENT], "de") == (0.9, 3)
    assert gv.decide("Zahlungsarten", three, [best], [PAYMENT], "de", False) == gv.MISSING
    # two lacking terms keep the shield: the draft stays, with a kb_partial warning (plain
    # words since round 26: a rare thing no passage names lifts the shield, see below)
    two = "Kann ich per Kreditkarte oder Scheck zahlen?"
    assert gv.decide("Zahlungsarten", two, [best], [PAYMENT], "de", False) == gv.PARTIAL
    # so does a long mail whose best-answered asking sentence lacks fewer than
    # UNSHIELD_TERMS_LONG (two since round 27): its count is taken per asking sentence, side
    # remarks and all
    story = f"{STORY}\nUnd geht das auch per Kreditkarte?"
    assert gv.is_long(story)
    assert gv.decide("Zahlungsarten", story, [best], [PAYMENT], "de", False) != gv.MISSING


PAYMENT_EN = (
    "You pay by direct debit or by bank transfer to our account. We collect the direct debit "
    "on the due date."
)
SHARED_FLAT_DE = (
    "Guten Tag,\n\n"
    "unser Sohn zieht im Herbst für sein Studium nach Leipzig in eine Wohngemeinschaft, und wir "
    "übernehmen dort vorerst den Stromvertrag. Das Konto läuft noch über uns, das soll sich aber "
    "ändern, sobald er sein erstes Gehalt bekommt.\n\n"
    "Kann er seinen Anteil dann per PayPal, Klarna oder Apple Pay begleichen?\n"
    "Und gibt es in Ihrer App eine Aufteilung der Rechnung für Mitbewohner, Studenten oder "
    "Azubis?\n\n"
    "Viele Grüße\nPetra Muster\n"
)
SHARED_FLAT_EN = (
    "Hello,\n\n"
    "my daughter starts university in Leeds this autumn and moves into a shared flat with three "
    "other students. We will keep the electricity contract in our name for the first year, "
    "until she has a job of her own.\n\n"
    "Could she pay her share via PayPal, Venmo or Revolut?\n"
    "{second}\n\n"
    "Best wishes\nMary Sample\n"
)


@pytest.mark.parametrize(
    ("subject", "body", "title", "text", "language"),
    [
        ("Zahlung", SHARED_FLAT_DE, "Zahlungsarten", PAYMENT, "de"),
        (
            "Payment",
            SHARED_FLAT_EN.format(
                second="And does your app split the bill between flatmates, lodgers or tenants?"
            ),
            "Payment methods",
            PAYMENT_EN,
            "en",
        ),
    ],
    ids=["de", "en"],
)
def test_a_long_mail_whose_every_asking_sentence_names_three_lacked_things_loses_the_shield(
    subject: str, body: str, title: str, text: str, language: str
) -> None:
    # the payment words of a long mail match the payment article well (support 0.9), but each
    # of its questions asks about three or more things the article never mentions (PayPal,
    # Klarna, a bill split for flatmates): the article answers none of them, so the draft is a
    # gap draft, not a kept draft with a doubt (main kept it: partial)
    best = Passage(kb_id="pay", title=title, text=text, language=language, support=0.9)
    assert gv.is_long(body)
    support, lacked = gv.inputs(subject, body, [best], [text], language) or (0.0, 0)
    assert support == 0.9 and lacked >= gv.UNSHIELD_TERMS
    assert gv.decide(subject, body, [best], [text], language, False) == gv.MISSING


def test_a_long_mail_with_one_plainly_answered_asking_sentence_keeps_the_shield() -> None:
    # the same English story, but its second question is one the article answers: the
    # best-answered asking sentence decides, and the support shield keeps the draft
    body = SHARED_FLAT_EN.format(second="Or can she pay by bank transfer instead?")
    best = Passage(
        kb_id="pay", title="Payment methods", text=PAYMENT_EN, language="en", support=0.9
    )
    assert gv.is_long(body)
    assert gv.decide("Payment", body, [best], [PAYMENT_EN], "en", False) != gv.MISSING


def test_english_function_words_name_no_thing() -> None:
    # prepositions, conjunctions and possessive pronouns rare enough to pass the frequency cut
    # ("till", "unless", "mine") link or point: an article need not contain them
    assert gv.key_terms("Can the meter reading wait till Friday, unless it is urgent?", "en") == [
        "meter",
        "reading",
    ]
    assert gv.key_terms("Can the refund go to her account instead of mine?", "en") == [
        "refund",
        "account",
    ]
    article = "Meter reading\nSend us your meter reading through the portal."
    assert gv.missing_terms("Can my meter reading wait till Monday?", article, "en", "en") == []


def test_a_plain_english_noun_is_a_key_term_checked_against_english_articles_only() -> None:
    """English names a thing with a plain word where German writes a rare compound
    ("interest" / "Guthabenzinsen"): such a word is a key term in English, and an English
    article that lacks it lacks it; a German article is not held to it (the translation
    check misses compounds). The per-request verdict keeps the everyday threshold."""
    question = "Do you pay interest on my credit?"
    assert gv.key_terms(question, "en") == ["interest", "credit"]
    assert gv.key_terms(question, "en", gv.EVERYDAY_ZIPF) == []
    english = "Credit\nWe refund a credit from the annual bill to your account."
    assert gv.missing_terms(question, english, "en", "en") == ["interest"]
    german = "Guthaben\nEin Guthaben aus der Jahresabrechnung überweisen wir auf Ihr Konto."
    assert gv.missing_terms(question, german, "en", "de") == []


@pytest.mark.parametrize(
    ("asked", "language", "expected"),
    [
        ("Stromvertrag in der Wohnung Kantplatz, was brauchen Sie?", "de", ["Stromvertrag"]),
        ("Wallbox am Haus in der Lindenstraße 4 möglich?", "de", ["Wallbox"]),
        ("Glasfaser in der Dithmarscher Straße 12, ab wann?", "de", ["Glasfaser"]),
        (
            "Can I get a heat pump tariff for my flat in Moltkestraße 7?",
            "en",
            ["heat", "pump", "tariff", "flat"],
        ),
        ("Is the smart meter free at Preetzer Chaussee 3?", "en", ["smart", "meter"]),
    ],
    ids=["de-platz", "de-strasse", "de-adjective", "en-strasse", "en-adjective"],
)
def test_a_street_name_is_no_key_term(asked: str, language: str, expected: list[str]) -> None:
    # where the customer lives is a story detail, not what is asked: an article on the
    # contract or the tariff never names the street (main counted "Kantplatz", "Lindenstraße",
    # "Dithmarscher" and "Straße" as things the article lacks)
    assert gv.key_terms(asked, language) == expected


def test_a_common_compound_ending_in_a_street_word_stays_a_key_term() -> None:
    # "Parkplatz", "Stellplatz" and "Sackgasse" are things a customer asks about (common
    # words, not a street's name); the street after them is not
    assert gv.key_terms("Gibt es eine Wallbox für den Stellplatz am Sophienblatt?", "de") == [
        "Wallbox",
        "Stellplatz",
        "Sophienblatt",
    ]
    assert gv.key_terms("Liegt eine Sackgasse oder ein Parkplatz im Ausbaugebiet?", "de") == [
        "Sackgasse",
        "Parkplatz",
        "Ausbaugebiet",
    ]


CONCILIATION_DE = (
    "Guten Tag, mein Widerspruch gegen die Nachzahlung liegt jetzt seit sechs Wochen bei Ihnen "
    "und es tut sich einfach nichts, obwohl ich zweimal angerufen habe. Ich möchte mich an die "
    "Schiedsstelle wenden. Wie lauten deren Telefonnummer, Faxnummer und Postfach? Danke, "
    "Heike Brandt"
)
CONCILIATION_EN = (
    "Hello, my objection to the back payment has been with you for six weeks now and nothing "
    "happens, although I phoned twice and wrote once. I'd like to go to the arbitration board. "
    "What are its postbox, postcode and email address for the application? Thanks, Heike Brandt"
)
ARBITRATION_DE = (
    "Schiedsstelle\nKönnen wir Ihre Beschwerde nicht lösen, können Sie sich an die "
    "Schiedsstelle wenden. Das Verfahren ist für Sie kostenlos."
)
ARBITRATION_EN = (
    "Arbitration board\nIf we cannot settle your complaint, you can turn to the arbitration "
    "board. The procedure is free of charge for you."
)


@pytest.mark.parametrize(
    ("subject", "body", "text", "language"),
    [
        ("Schiedsstelle", CONCILIATION_DE, ARBITRATION_DE, "de"),
        ("Six weeks and nothing", CONCILIATION_EN, ARBITRATION_EN, "en"),
    ],
    ids=["de", "en"],
)
def test_a_wish_without_a_question_mark_does_not_decide_a_long_mail(
    subject: str, body: str, text: str, language: str
) -> None:
    # the wish ("Ich möchte mich an die Schiedsstelle wenden.") is the question's setting and
    # names the article's own topic; the question asks for three things the article lacks
    # (phone and fax number, postbox; postbox, postcode, email): the question decides, the
    # shield goes and the draft is a gap draft (main took the wish as the best-answered
    # asking sentence: nothing lacked, partial)
    best = Passage(
        kb_id="arb", title=text.split("\n")[0], text=text, language=language, support=0.9
    )
    assert gv.is_long(body)
    support, lacked = gv.inputs(subject, body, [best], [text], language) or (0.0, 0)
    assert support == 0.9 and lacked >= gv.UNSHIELD_TERMS
    assert gv.decide(subject, body, [best], [text], language, False) == gv.MISSING


@pytest.mark.parametrize(
    ("asked", "article", "language"),
    [
        (
            "Kann ich die 90 Euro Nachzahlung in Raten zahlen?",
            "Ratenzahlung\nEine Nachzahlung ab 100 EUR können Sie in Raten zahlen.",
            "de",
        ),
        (
            "Can I split the 90 euros into instalments?",
            "Payment plan\nYou can split 100 EUR or more into instalments.",
            "en",
        ),
    ],
    ids=["de", "en"],
)
def test_a_currency_names_no_thing(asked: str, article: str, language: str) -> None:
    # the customer counts an amount in words ("euros", "Cent"); the article states amounts as
    # "EUR": the currency is no thing it lacks (main counted "euros" as lacked)
    assert gv.missing_terms(asked, article, language, language) == []
    assert gv.key_terms("Wie viel Cent kostet die Kilowattstunde?", "de") == ["Kilowattstunde"]


def test_a_long_mail_of_questions_only_still_takes_its_best_answered_one() -> None:
    # without a wish beside them, every question competes as before (round 15)
    asks = ["Wie hoch ist der Abschlag?", "Und gibt es PayPal?"]
    assert gv.deciding_questions(asks) == asks
    assert gv.deciding_questions(["Ich möchte kündigen.", "Bitte bestätigen."]) == [
        "Ich möchte kündigen.",
        "Bitte bestätigen.",
    ]
    assert gv.deciding_questions(["Ich möchte kündigen.", "Geht das per Mail?"]) == [
        "Geht das per Mail?"
    ]


TARIFFS = "Unsere Stromtarife: Basis, Öko und Fix 24. Den Tarif wechseln Sie im Kundenportal."


def test_a_german_mail_written_in_lowercase_names_its_things() -> None:
    # without capitals no word looked like a German noun, so a lowercase mail asked about
    # nothing the article could lack (main: 0 key terms, `answered`); its rare lowercase nouns
    # now count as in the same mail written with capitals
    lower = "gibt es bei euch einen sozialtarif für leute mit wohngeld? ich schicke den bescheid."
    capitalised = "Gibt es bei Ihnen einen Sozialtarif für Leute mit Wohngeld?"
    best = passage("de-tarife", "Stromtarife", TARIFFS, support=0.3)
    assert gv.inputs("günstiger tarif", lower, [best], [TARIFFS], "de") == (0.3, 2)
    assert gv.decide("günstiger tarif", lower, [best], [TARIFFS], "de", False) == gv.MISSING
    assert {"Sozialtarif", "Wohngeld"} <= set(gv.key_terms(capitalised, "de"))


def test_verbs_adjectives_and_everyday_words_of_a_lowercase_mail_name_no_thing() -> None:
    # the verbs ("erhöhen", "prüft"), adjectives ("kostenlos") and adverbs ("runter") of a
    # lowercase mail name nothing; the article on the advance payment answers it
    from drafter.drafting.thing_words import written_in_lowercase

    asked = "kann ich meinen abschlag einfach selber erhöhen? ist das kostenlos oder prüft ihr das?"
    assert gv.key_terms(asked, "de", lowercase=True) == ["abschlag"]
    best = passage("de-abschlag", "Abschlag anpassen", ABSCHLAG, support=0.3)
    assert gv.decide("abschlag erhöhen", asked, [best], [ABSCHLAG], "de", False) == gv.ANSWERED
    # a mail written with capitals is no lowercase mail: its lowercase words stay verbs and
    # adjectives; English has no capital nouns, so the rule is German only
    normal = (
        "Ich habe mich vor über fünf Wochen wegen einer falschen Gasabrechnung beschwert. "
        "Kann ich mich jetzt irgendwo anders hinwenden?"
    )
    assert not written_in_lowercase(normal)
    assert written_in_lowercase(asked)
    english = "is there a social tariff for people on housing benefit?"
    assert gv.key_terms(english, "en") == gv.key_terms(english.capitalize(), "en")
    assert gv.key_terms(english, "en", lowercase=True) == gv.key_terms(english, "en")


def test_a_rare_thing_no_retrieved_passage_names_is_a_gap_a_plain_one_a_doubt() -> None:
    # round 25 (gaps25): one key term the payment article lacks, the same support; "Klarna"
    # is a rare word none of the passages found contains (main: `partial`, the draft kept);
    # "Kreditkarte" is a plain one the customer may mean in other words: still a doubt
    best = passage("de-zahlungsarten", "Zahlungsarten", PAYMENT, support=0.45)
    rare, plain = "Kann ich auch mit Klarna zahlen?", "Kann ich auch per Kreditkarte zahlen?"
    assert gv.inputs("Zahlungsarten", rare, [best], [PAYMENT], "de") == (0.45, 1)
    assert gv.inputs("Zahlungsarten", plain, [best], [PAYMENT], "de") == (0.45, 1)
    assert gv.rarest_unfound("Zahlungsarten", rare, [best], "de") < 3.0
    assert gv.decide("Zahlungsarten", rare, [best], [PAYMENT], "de", False) == gv.MISSING
    assert gv.decide("Zahlungsarten", plain, [best], [PAYMENT], "de", False) == gv.PARTIAL
    # another passage found names it: the knowledge base knows the thing, the draft (written
    # from the passages found) is kept
    other = passage(
        "de-ratenzahlung", "Ratenzahlung", "Ratenzahlung über Klarna ist möglich.", None
    )
    both = [best, other]
    assert gv.rarest_unfound("Zahlungsarten", rare, both, "de") == gv.UNFOUND_NONE
    assert gv.decide("Zahlungsarten", rare, both, [PAYMENT, other.text], "de", False) != gv.MISSING


def test_a_compound_whose_pieces_a_passage_names_is_found() -> None:
    # wordfreq knows neither "Abbuchungstermin" nor "Abbuchung" well enough to split it, but a
    # passage naming the debit and its date has it: no rare unfound thing
    debit = passage(
        "de-lastschrift",
        "SEPA-Lastschrift",
        "Die Abbuchung erfolgt zum Termin am 1. des Monats.",
        0.5,
    )
    asked = "Kann ich den Abbuchungstermin verschieben?"
    assert gv.rarest_unfound("", asked, [debit], "de") == gv.UNFOUND_NONE
    payment = passage("de-zahlungsarten", "Zahlungsarten", PAYMENT, support=0.45)
    assert gv.rarest_unfound("", asked, [payment], "de") < 1.0  # unknown to wordfreq


def test_a_side_remark_of_a_long_mail_is_no_unfound_thing() -> None:
    # a long mail's rare side remarks ("Gartensauna") do not count: its best-answered asking
    # sentence decides, as for the key terms the article lacks
    best = [passage("de-abschlag", "Abschlag anpassen", ABSCHLAG, 0.3)]
    assert gv.rarest_unfound("Abschlag erhöhen", STORY, best, "de") == gv.UNFOUND_NONE
    assert gv.rarest_unfound("Abschlag erhöhen", SHORT, best, "de") < gv.UNFOUND_NONE


def test_a_rare_thing_no_retrieved_passage_names_lifts_the_support_shield() -> None:
    # round 26 (gaps26): a well-matching payment article (support 0.8) lacks two key terms of
    # each question; two rare payment services none of the passages found names are no doubt
    # about wording (int: the support shield kept it `partial`, the draft about direct debit
    # sent); two plain words the customer may mean in other words keep the shield
    best = passage("de-zahlungsarten", "Zahlungsarten", PAYMENT, support=0.8)
    rare = "Kann ich auch mit Klarna oder Giropay zahlen?"
    plain = "Kann ich auch per Kreditkarte oder Scheck zahlen?"
    for asked in (rare, plain):
        assert gv.inputs("Zahlungsarten", asked, [best], [PAYMENT], "de") == (0.8, 2)
    assert gv.rarest_unfound("Zahlungsarten", rare, [best], "de") < gv.UNSHIELD_ZIPF
    assert gv.rarest_unfound("Zahlungsarten", plain, [best], "de") >= gv.UNSHIELD_ZIPF
    assert not gv.shielded(0.8, 2, gv.rarest_unfound("Zahlungsarten", rare, [best], "de"))
    assert gv.decide("Zahlungsarten", rare, [best], [PAYMENT], "de", False) == gv.MISSING
    assert gv.decide("Zahlungsarten", plain, [best], [PAYMENT], "de", False) == gv.PARTIAL
    # without a rare unfound thing the shield holds as before
    assert gv.shielded(0.8, 2) and gv.shielded(0.8, 2, gv.UNFOUND_NONE)


SAUNA_DE = (
    "Guten Tag, wir sind im Sommer in ein älteres Haus am Stadtrand gezogen und haben dort im "
    "Garten eine kleine Sauna und einen beheizten Pool, die beide über unseren Stromzähler "
    "laufen. Können Sie für die Sauna und den Pool einen eigenen Abschlag einrichten? Und wird "
    "der Pool im Winter dann getrennt abgerechnet? Viele Grüße, Jana Petersen"
)
SAUNA_EN = (
    "Hello, we moved into an older house on the edge of town this summer, and in the garden "
    "there is a small sauna and a heated pool that both run on our electricity meter. Can you "
    "change the instalment for the sauna and the pool? And can the pool have its own instalment "
    "in winter? Kind regards, Jana Petersen"
)
INSTALMENT_DE = (
    "Abschlag anpassen\nSie können Ihren monatlichen Abschlag jederzeit im Kundenportal "
    "anpassen. Wir prüfen den neuen Betrag anhand Ihres Verbrauchs."
)
INSTALMENT_EN = (
    "Changing your monthly instalment\nYou can change your monthly instalment at any time in "
    "the customer portal. We check the new amount against your consumption."
)


@pytest.mark.parametrize(
    ("subject", "body", "text", "language"),
    [
        ("Abschlag für Sauna und Pool", SAUNA_DE, INSTALMENT_DE, "de"),
        ("Instalment for the sauna and pool", SAUNA_EN, INSTALMENT_EN, "en"),
    ],
    ids=["de", "en"],
)
def test_a_long_mail_whose_every_question_names_two_things_the_article_lacks_is_a_gap(
    subject: str, body: str, text: str, language: str
) -> None:
    # round 27: in a long mail the support shield goes at UNSHIELD_TERMS_LONG (2) lacked key
    # terms of its best-answered asking sentence (sauna and pool next to an article on
    # changing the instalment); main kept the shield below 3 and drafted from the article
    best = Passage(
        kb_id="inst", title=text.split("\n")[0], text=text, language=language, support=0.7
    )
    assert gv.is_long(body)
    support, lacked = gv.inputs(subject, body, [best], [text], language) or (0.0, 0)
    assert support == 0.7 and lacked == 2
    assert gv.decide(subject, body, [best], [text], language, False) == gv.MISSING
    # a short question naming the same two things keeps the shield: a doubt, not a gap
    short = "Können Sie für Sauna und Pool einen Abschlag einrichten?"
    if language == "en":
        short = "Can you change the instalment for the sauna and the pool?"
    assert not gv.is_long(short)
    support, lacked = gv.inputs(subject, short, [best], [text], language) or (0.0, 0)
    assert lacked == 2 and gv.shielded(support, lacked)
    assert gv.decide(subject, short, [best], [text], language, False) == gv.PARTIAL


def test_a_weakly_matched_question_naming_one_thing_the_article_lacks_is_a_gap() -> None:
    # round 29 (gaps31): the `missing` threshold is fitted at a false-alarm budget of 0.085
    # (0.08 before; GAP_BELOW 0.44 -> 0.46). A cheque next to a payment article that matches
    # the mail only weakly (support 0.25) and never names it scores 0.459: main kept it
    # `partial` and drafted from the direct-debit article; now it is a gap. Round 30 (gaps32)
    # refitted the model with a fourth input (a time asked: not here): 0.395, GAP_BELOW 0.49
    best = passage("de-zahlungsarten", "Zahlungsarten", PAYMENT, support=0.25)
    cheque = "Kann ich auch per Scheck zahlen?"
    found = gv.inputs("Zahlungsarten", cheque, [best], [PAYMENT], "de")
    assert found == (0.25, 1)
    value = gv.score(*found, gv.rarest_unfound("Zahlungsarten", cheque, [best], "de"))
    assert value < gv.GAP_BELOW
    assert gv.decide("Zahlungsarten", cheque, [best], [PAYMENT], "de", False) == gv.MISSING
    # a plainer word the customer may mean in other words stays a doubt under a closer match
    # (round 30: at 0.3 the card is a gap too, 0.459; at 0.5 a doubt, the cheque still a gap)
    closer = passage("de-zahlungsarten", "Zahlungsarten", PAYMENT, support=0.5)
    assert gv.decide("Zahlungsarten", cheque, [closer], [PAYMENT], "de", False) == gv.MISSING
    card = "Kann ich auch per Kreditkarte zahlen?"
    assert gv.decide("Zahlungsarten", card, [closer], [PAYMENT], "de", False) == gv.PARTIAL
