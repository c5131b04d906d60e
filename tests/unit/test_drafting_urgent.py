"""Emergencies in drafting: the no-LLM draft leads with the KB's hotline sentence."""

from __future__ import annotations

from pathlib import Path

from drafter.config import Settings
from drafter.drafting.extractive import emergency_line, extractive_reply
from drafter.evaluation.defects import find_defects
from drafter.models import InboundEmail, Passage

KB = Path(__file__).resolve().parents[2] / "kb" / "de"


def test_urgent_draft_leads_with_the_hotline_sentence(settings: Settings) -> None:
    texts = [(KB / name).read_text() for name in ("de-kontakt.md", "de-gasgeruch-notfall.md")]
    passages = [
        Passage(kb_id=f"a{n}", title=f"T{n}", text=t, score=1.0, language="de")
        for n, t in enumerate(texts)
    ]
    email = InboundEmail(subject="Es riecht nach Gas", body="Es riecht nach Gas im Keller.")
    n, line = emergency_line(texts)
    assert n >= 1 and "0431 5577-112" in line
    reply = extractive_reply(
        email, "gas", passages, settings=settings, language="de", formality="sie",
        kb_gap=False, texts=texts, urgent=True,
    )  # fmt: skip
    body, citations = reply.body, reply.citations
    first = body.split("\n\n")[1]
    assert first.startswith(line) and first.endswith(f"[{n}]")
    assert citations[0].kb_id == f"a{n - 1}"
    calm = extractive_reply(
        email, "gas", passages, settings=settings, language="de", formality="sie",
        kb_gap=False, texts=texts, urgent=False,
    )  # fmt: skip
    assert not calm.body.split("\n\n")[1].startswith(line)


def test_an_emergency_the_kb_covers_is_no_knowledge_gap(settings: Settings) -> None:
    # retrieval doubted the match (kb_gap), but the mail is an emergency and an article has
    # the instructions: the draft gives them, not a holding reply asking for the customer number
    texts = [(KB / name).read_text() for name in ("de-kontakt.md", "de-gasgeruch-notfall.md")]
    passages = [
        Passage(kb_id=f"a{n}", title=f"T{n}", text=t, score=0.2, language="de")
        for n, t in enumerate(texts)
    ]
    email = InboundEmail(
        subject="Komischer Geruch im Flur",
        body="Im Flur riecht es seit heute morgen streng, fast wie faule Eier. Kann jemand kommen?",
    )
    reply = extractive_reply(
        email, "geruch flur", passages, settings=settings, language="de", formality="sie",
        kb_gap=True, texts=texts, urgent=True,
    )  # fmt: skip
    assert "Fenster und Türen öffnen" in reply.body and "Kein offenes Feuer" in reply.body
    assert "Kundennummer" not in reply.body


def test_the_public_emergency_number_comes_first_and_no_office_line_follows(
    settings: Settings,
) -> None:
    # a power cut with a medical device on battery (session-13 review, mail 19): the 112
    # advice was the last item of the "during the power cut" list, and the closing line
    # offered e-mail and office hours although faults must not be reported by e-mail
    text = (KB / "de-stoerung-strom.md").read_text()
    passages = [Passage(kb_id="strom", title="Stromausfall: was tun?", text=text, score=1.0,
                        language="de")]  # fmt: skip
    email = InboundEmail(
        subject="Kein Strom, Beatmungsgerät",
        body="Seit heute Nacht haben wir keinen Strom. Mein Vater hängt an einem Beatmungsgerät "
        "mit Akku. Wann haben wir wieder Strom? Was sollen wir tun?",
    )
    reply = extractive_reply(
        email, "Stromausfall was tun Gerät", passages, settings=settings, language="de",
        formality="sie", kb_gap=False, texts=[text], urgent=True,
    )  # fmt: skip
    paragraphs = reply.body.split("\n\n")
    assert "0431 5577-112" in paragraphs[1] and "Notruf 112" in paragraphs[1]
    assert reply.body.count("Notruf 112") == 1
    assert "service@stadtwerke-nordlicht.de" not in reply.body
    assert "Mo–Fr" not in reply.body


def test_the_public_emergency_number_shares_the_hotline_paragraph(settings: Settings) -> None:
    # a gas smell described in the customer's words: "dial 112" as a paragraph of its own named
    # nothing of the mail (the golden case sample-en-021 counted an unrelated citation)
    text = (KB.parent / "en" / "en-gas-smell.md").read_text()
    passages = [Passage(kb_id="gas", title="Gas smell", text=text, score=1.0, language="en")]
    email = InboundEmail(
        subject="weird smell",
        body="there's a rotten egg smell in our kitchen near the boiler. is that gas?? what now",
    )
    reply = extractive_reply(
        email, "gas smell", passages, settings=settings, language="en", formality="sie",
        kb_gap=False, texts=[text], urgent=True,
    )  # fmt: skip
    first = reply.body.split("\n\n")[1]
    assert "0431 5577-112" in first and "dial 112" in first
    assert first.count("[1]") == 1 and first.endswith("[1]")
    defects = find_defects(reply.body, f"{email.subject}\n{email.body}", "en", [text])
    assert "unrelated_citation" not in [d.kind for d in defects]
