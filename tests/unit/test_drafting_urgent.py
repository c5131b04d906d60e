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


def test_a_household_on_medical_equipment_gets_the_articles_line_for_it(
    settings: Settings,
) -> None:
    # session-14 review, mail 16: an oxygen concentrator on battery in a power cut, and the
    # article's "If you depend on medical equipment, tell us when you call" was left out
    text = (KB.parent / "en" / "en-power-outage.md").read_text()
    passages = [Passage(kb_id="power", title="Power outage: what to do", text=text, score=1.0,
                        language="en")]  # fmt: skip
    email = InboundEmail(
        subject="No electricity since 9 pm",
        body="Our power has been off for an hour and the neighbours have light. My husband "
        "sleeps with a CPAP machine. What should we do?",
    )
    line = "If you depend on medical equipment, tell us when you call."
    for urgent in (True, False):
        reply = extractive_reply(
            email, "power off what to do", passages, settings=settings, language="en",
            formality="sie", kb_gap=False, texts=[text], urgent=urgent,
        )  # fmt: skip
        assert reply.body.count(line) == 1
    # urgent: right under the fault line it refers to, before the 112 advice
    top = reply_top = extractive_reply(
        email, "power off what to do", passages, settings=settings, language="en",
        formality="sie", kb_gap=False, texts=[text], urgent=True,
    ).body.split("\n\n")[1]  # fmt: skip
    assert top.index("0431 5577-112") < top.index(line) < top.index("emergency number 112")
    assert reply_top.endswith("[1]")
    # a mail without such a need: the line is not forced in
    calm = InboundEmail(subject="No electricity", body="Our power has been off for an hour.")
    plain = extractive_reply(
        calm, "power off", passages, settings=settings, language="en", formality="sie",
        kb_gap=False, texts=[text], urgent=True,
    )  # fmt: skip
    assert line not in plain.body.split("\n\n")[1]


def test_a_disconnection_mail_with_a_care_need_gets_the_hardship_line(settings: Settings) -> None:
    text = (KB / "de-mahnung-sperre.md").read_text()
    passages = [Passage(kb_id="sperre", title="Mahnung und Sperre", text=text, score=1.0,
                        language="de")]  # fmt: skip
    email = InboundEmail(
        subject="Sperrandrohung erhalten",
        body="Wir haben eine Sperrandrohung bekommen, 240 EUR Rückstand. Meine Frau braucht "
        "nachts ein Sauerstoffgerät. Wie geht es jetzt weiter, was kostet eine Mahnung?",
    )
    reply = extractive_reply(
        email, "Sperrandrohung Mahnung Kosten", passages, settings=settings, language="de",
        formality="sie", kb_gap=False, texts=[text], urgent=False,
    )  # fmt: skip
    assert reply.body.count("auf medizinische Geräte angewiesen sind") == 1


def test_the_care_need_list_knows_every_device_triage_knows() -> None:
    from drafter.drafting.care_needs import needs_care

    # devices only triage's list knew before the two lists became one
    assert needs_care("Der Hausnotruf meiner Mutter hängt am Telefon")
    assert needs_care("my mum's personal alarm runs over the phone line")
    assert not needs_care("Soll ich den Notruf 112 wählen?")
