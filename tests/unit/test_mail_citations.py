"""Customer-facing replies carry article links, not the agent's [n] markers."""

from __future__ import annotations

from drafter.mail.citations import customer_text
from drafter.models import Citation

CITES = [
    Citation(n=1, kb_id="de-abschlag-anpassen", title="Abschlag anpassen", url="https://x.de/a"),
    Citation(n=2, kb_id="de-nachzahlung", title="Nachzahlung", url="https://x.de/n"),
    Citation(n=3, kb_id="de-kontakt", title="Kontakt", url="https://x.de/k"),
]
BODY = (
    "Sehr geehrte Frau Krüger,\n\nSie können den Abschlag ändern. [1]\n"
    "Raten sind möglich [2][1].\n\nMit freundlichen Grüßen\nIhr Team\n"
)


def test_markers_become_a_link_list_before_the_closing() -> None:
    text = customer_text(BODY, CITES, "de", links=True)
    assert "[1]" not in text and "[2]" not in text
    assert "Sie können den Abschlag ändern.\n" in text
    assert "Raten sind möglich.\n" in text
    links = "Weitere Informationen:\n- Abschlag anpassen: https://x.de/a\n"
    links += "- Nachzahlung: https://x.de/n\n\nMit freundlichen Grüßen"
    assert links in text
    assert "Kontakt" not in text  # cited by the draft but not in the text: not listed
    assert text.endswith("Ihr Team\n")


def test_links_can_be_turned_off_and_english_heading() -> None:
    body = "Dear Ms Smith,\n\nYou can pay in instalments. [2]\n\nKind regards\nTeam\n"
    assert customer_text(body, CITES, "en", links=False) == body.replace(" [2]", "")
    assert "More information:\n- Nachzahlung: https://x.de/n" in customer_text(
        body, CITES, "en", links=True
    )


def test_unknown_markers_stay_visible() -> None:
    body = "Siehe [7] und Punkt [1].\n"
    assert customer_text(body, CITES, "de", links=False) == "Siehe [7] und Punkt.\n"


def test_no_closing_appends_the_links_at_the_end() -> None:
    text = customer_text("Antwort [3]", CITES, "de", links=True)
    assert text == "Antwort\n\nWeitere Informationen:\n- Kontakt: https://x.de/k\n"
