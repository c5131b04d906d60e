"""One vocabulary of closing formulas (drafter.closings), seen through each caller.

The lists below are the formulas each caller's own regex accepted before they were merged
(letter_checks `_SIGN_OFF`, evaluation.defects `_CLOSING`, mail.citations `_CLOSINGS`,
drafting.sender `_CLOSING`, mail.quotes `_CLOSING`): every one of them must still count, and
the additions each caller gained are asserted by name.
"""

from __future__ import annotations

import pytest

from drafter.closings import CLOSING_LINE, CUSTOMER_CLOSING, SIGN_OFF
from drafter.drafting.letter_checks import has_sign_off, reply_register
from drafter.drafting.signoff import signoff_name
from drafter.evaluation.defects import find_defects
from drafter.mail.citations import customer_text
from drafter.mail.quotes import split_reply
from drafter.models import Citation

# what the draft-side regexes accepted before (letter_checks ∪ defects ∪ citations)
DRAFT_BEFORE = [
    "Mit freundlichen Grüßen",
    "Freundliche Grüße",
    "Viele Grüße",
    "Beste Grüße",
    "Liebe Grüße",
    "Herzliche Grüße",
    "Sonnige Grüße",
    "Grüße",
    "Gruß",
    "Mit freundlichen Grüßen, Ihr Team",
    "Kind regards",
    "Best regards,",
    "Warm regards",
    "Many thanks and regards",
    "Regards",
    "Best wishes",
    "All the best",
    "Best,",
    "Sincerely",
    "Yours sincerely",
    "Yours faithfully",
    "Yours truly",
    "Cheers",
]
# what drafting.sender accepted before, with where the name starts
SENDER_BEFORE = [
    ("Mit freundlichen Grüßen\nMarkus Lange", "Markus Lange"),
    ("Viele Grüße, Anna Schmidt", "Anna Schmidt"),
    ("Gruß Ralf", "Ralf"),
    ("Grüsse\nBeat Keller", "Beat Keller"),
    ("Gruess Beat", "Beat"),
    ("Danke und Grüße\nJana Vogel", "Jana Vogel"),
    ("lg tim", "tim"),
    ("VG\nPetra Wolf", "Petra Wolf"),
    ("MfG\nKlaus Berger", "Klaus Berger"),
    ("Danke dir!\nLena", "Lena"),
    ("Vielen Dank\nOle Hansen", "Ole Hansen"),
    ("Merci\nLuca Meier", "Luca Meier"),
    ("Kind regards,\nSarah Jones", "Sarah Jones"),
    ("Many thanks,\nTom Baker", "Tom Baker"),
    ("Best wishes,\nEmma Clarke", "Emma Clarke"),
    ("Cheers, Dave Miller", "Dave Miller"),
    ("Thanks\nLiam Walsh", "Liam Walsh"),
    ("Thank you,\nGrace Hall", "Grace Hall"),
    ("Thx\nJack Ward", "Jack Ward"),
    ("Yours faithfully,\nHelen Price", "Helen Price"),
    ("Tschüss\nMia Koch", "Mia Koch"),
]
# what mail.quotes accepted before as a whole closing line
QUOTES_BEFORE = [
    "Mit freundlichen Grüßen",
    "mit freundlichem Gruss",
    "Schöne Grüße",
    "LG",
    "mfg",
    "Vielen Dank und viele Grüße",
    "Warmest regards,",
    "Kindest regards",
    "All the best!",
    "Sincerely yours,",
    "Thanks in advance,",
    "Thanks, Anna",
    "Cordialement",
    "Saludos, Juan Pérez",
    "Met vriendelijke groet",
    "Pozdrawiam",
    "С уважением",
]


@pytest.mark.parametrize("line", DRAFT_BEFORE)
def test_every_sign_off_the_draft_checks_knew_still_counts(line: str) -> None:
    assert SIGN_OFF.match(line)
    assert has_sign_off(f"Hallo Anna,\n\ndanke für die Nachricht.\n\n{line}\nIhr Team")


@pytest.mark.parametrize(
    "line",
    [
        "Thank you for waiting.",  # thanks open sentences in a draft: never a sign-off
        "Thanks to the new meter, the bill is lower.",
        "Vielen Dank für Ihre Geduld.",
        "LG",  # abbreviations are the customer's, not a reply's
        "Grußkarte liegt bei.",
        "Regardless of the tariff, the fee stays.",
        "Bestellung 4711 ist unterwegs.",
    ],
)
def test_a_draft_line_that_is_no_closing_is_not_a_sign_off(line: str) -> None:
    assert not SIGN_OFF.match(line)
    assert not has_sign_off(f"Hello Anna,\n\nthe fee stays.\n\n{line}")


def test_the_draft_side_now_also_knows_swiss_spellings_and_more_regards() -> None:
    # gained by all three draft-side callers (letter_checks had none of these)
    for line in ("Freundliche Grüsse", "Herzlichen Gruss", "Kindest regards", "Sincerely yours"):
        assert has_sign_off(f"Hallo,\n\nok.\n\n{line}\nTeam"), line


def test_register_reads_only_the_text_above_the_closing() -> None:
    # "Liebe Grüße" (informal) and "Ihr Team" below the closing do not make the text mixed
    body = "Sehr geehrte Frau Roth,\n\nSie erhalten die Gutschrift.\n\nBeste Grüße\nDein Team"
    assert reply_register(body) == "sie"


def test_defects_end_the_letter_body_at_any_sign_off_the_checks_accept() -> None:
    # "Best," used to end the body for letter_checks but not for defects; now both agree,
    # so the lowercase line after the closing is no longer reported as a body defect
    body = "Hello Anna,\n\nYour refund is on its way.\n\nBest,\nsupport team"
    kinds = {d.kind for d in find_defects(body, "Where is my refund?", "en")}
    assert "missing_sign_off" not in kinds
    assert "lowercase_start" not in kinds


def test_citations_put_the_links_above_every_sign_off() -> None:
    cites = [Citation(n=1, kb_id="en-refund", title="Refunds", url="https://x.test/r")]
    for closing in ("Kind regards", "Best,", "Cheers,", "Gruß"):  # the last three are new
        body = f"Hello Anna,\n\nThe refund takes a week. [1]\n\n{closing}\nThe team\n"
        text = customer_text(body, cites, "en", links=True)
        assert f"- Refunds: https://x.test/r\n\n{closing}\nThe team\n" in text, closing


@pytest.mark.parametrize(("body", "name"), SENDER_BEFORE)
def test_the_sender_name_after_every_closing_the_sender_knew(body: str, name: str) -> None:
    assert signoff_name(f"Hallo,\n\nmeine Frage steht oben.\n\n{body}") == name


@pytest.mark.parametrize(
    ("body", "name"),
    [
        # the closing and the name on one line, or a line below the name: before, these
        # gave "" ("Saludos, Juan Pérez" as the name for the Spanish one)
        ("Kindest regards, Sarah Jones", "Sarah Jones"),  # "kindest" was not "kind "
        ("All the best, Tom Baker", "Tom Baker"),
        ("Saludos, Juan Pérez", "Juan Pérez"),
        ("Saludos\nJuan Pérez\n+34 600 123 456", "Juan Pérez"),
        ("Danke schön, Lena Roth", "Lena Roth"),
        ("Thanks and regards, Raj Patel", "Raj Patel"),
    ],
)
def test_the_sender_now_also_reads_the_name_after_these(body: str, name: str) -> None:
    assert signoff_name(f"Hello,\n\nmy question is above.\n\n{body}") == name


def test_a_thank_you_sentence_is_not_read_as_a_closing_by_the_sender() -> None:
    assert CUSTOMER_CLOSING.match("Thanks for your reply")  # the formula matches ...
    body = "Hello,\n\nplease call me.\n\nThanks for your reply. I will wait for your call"
    assert signoff_name(body) == ""  # ... but the sentence is too long to be a closing


@pytest.mark.parametrize("line", QUOTES_BEFORE)
def test_every_closing_line_the_quote_splitter_knew_starts_the_signature(line: str) -> None:
    assert CLOSING_LINE.match(line)
    split = split_reply(f"Hallo,\n\nbitte rufen Sie an.\n\n{line}\nMax Muster\n0431 12345")
    assert split.body == "Hallo,\n\nbitte rufen Sie an."
    assert split.signature.startswith(line)


def test_a_closing_followed_by_a_sentence_does_not_start_the_signature() -> None:
    assert not CLOSING_LINE.match("Thanks for looking into this quickly, it matters to us.")
    split = split_reply("Hello,\n\nThanks for looking into this quickly, it matters to us.")
    assert split.signature == ""


def test_the_quote_splitter_now_also_knows_the_senders_closings() -> None:
    for line in ("Danke dir!", "Thanks a lot,", "Tschüss", "Ciao"):
        split = split_reply(f"Hallo,\n\nwann kommt der Techniker?\n\n{line}\nMia")
        assert split.signature.startswith(line), line
