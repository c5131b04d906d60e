"""DRAFTER_REPLY_QUOTE: the sent reply quotes the customer's message under the answer."""

from __future__ import annotations

import email
from datetime import UTC, datetime
from email import policy

from drafter.config import Settings
from drafter.mail.compose import attribution, compose_reply, make_message_id
from drafter.mail.send import build_reply
from drafter.models import Address, Citation, InboundEmail

MID = make_message_id("stadtwerke-nordlicht.de", "approval-sha")
WHEN = datetime(2026, 11, 3, 14, 12, tzinfo=UTC)


def _original(language: str = "de", **kw: object) -> InboundEmail:
    values: dict[str, object] = {
        "message_id": "<c1@example.org>",
        "from": Address(name="Anna Berg", email="anna@example.org"),
        "subject": "Abschlag",
        "date": WHEN,
        "language": language,
        "body": "Guten Tag,\n\nbitte erhöhen Sie meinen Abschlag.\n\nAnna Berg",
    }
    values.update(kw)
    return InboundEmail.model_validate(values)


def _text(msg: email.message.EmailMessage) -> str:
    parsed = email.message_from_bytes(msg.as_bytes(), policy=policy.default)
    assert isinstance(parsed, email.message.EmailMessage)
    part = parsed.get_body(("plain",))
    assert part is not None
    return str(part.get_content()).replace("\r\n", "\n")


def test_attribution_in_the_customers_language() -> None:
    local = WHEN.astimezone()
    de = attribution(_original("de"))
    en = attribution(_original("en"))
    assert de == (f"Am 3. November 2026 um {local:%H:%M} schrieb Anna Berg <anna@example.org>:")
    assert en == f"On 3 November 2026 at {local:%H:%M}, Anna Berg <anna@example.org> wrote:"
    assert attribution(_original("de", date=None)) == "Anna Berg <anna@example.org> schrieb:"


def test_bottom_quote_under_the_answer(settings: Settings) -> None:
    settings.reply_quote = "bottom"
    body = "Sehr geehrte Frau Berg,\n\nerledigt.\n\nMit freundlichen Grüßen\nIhr Team\n"
    text = _text(compose_reply(_original(), body, settings, message_id=MID))
    answer, _, quoted = text.partition("\n\nAm 3. November 2026 um ")
    assert answer == body.rstrip("\n")
    lines = quoted.split("\n")
    assert lines[0].endswith("schrieb Anna Berg <anna@example.org>:")
    assert lines[1:5] == ["> Guten Tag,", ">", "> bitte erhöhen Sie meinen Abschlag.", ">"]


def test_none_sends_only_the_answer(settings: Settings) -> None:
    settings.reply_quote = "none"
    body = "Dear Ms Berg,\n\ndone.\n\nKind regards\n"
    text = _text(compose_reply(_original("en"), body, settings, message_id=MID))
    assert text == body and "wrote:" not in text


def test_quote_comes_after_the_source_links_and_html_quotes_too(settings: Settings) -> None:
    settings.reply_quote = "bottom"
    settings.html_replies = True
    approved = "Sehr geehrte Frau Berg,\n\nSo geht es [1].\n\nMit freundlichen Grüßen\nIhr Team\n"
    cite = [Citation(n=1, kb_id="a", title="Abschlag", url="https://stadtwerke-nordlicht.de/a")]
    msg = build_reply(_original(), approved, settings, message_id=MID, citations=cite)
    text = _text(msg)
    assert text.index("Weitere Informationen:") < text.index("schrieb Anna Berg")
    assert text.rstrip().endswith("> Anna Berg")
    parsed = email.message_from_bytes(msg.as_bytes(), policy=policy.default)
    assert isinstance(parsed, email.message.EmailMessage)
    html = parsed.get_body(("html",))
    assert html is not None and "<blockquote" in str(html.get_content())
    again = _text(build_reply(_original(), approved, settings, message_id=MID, citations=cite))
    assert again == text  # deterministic: same approved text, same email
