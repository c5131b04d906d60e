"""Domain types shared by every part of drafter (pydantic models, no behaviour).

These are the contracts between the packages: mail produces `InboundEmail`, privacy
produces `RedactedText` + `Entity`, knowledge produces `Passage`, drafting produces
engine events and a `Draft`. The store persists them; the TUI and CLI only display them.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Language = Literal["de", "en"]
EmailStatus = Literal["ok", "no_text_body", "quarantined"]
DraftMode = Literal["llm", "extractive"]


class Address(BaseModel):
    name: str = ""
    email: str = ""

    def formatted(self) -> str:
        return f"{self.name} <{self.email}>" if self.name else self.email


class Attachment(BaseModel):
    filename: str = ""
    content_type: str = "application/octet-stream"
    size: int = 0


class InboundEmail(BaseModel):
    """What drafter understood of one customer email. `body` is the newest message only."""

    model_config = ConfigDict(populate_by_name=True)

    message_id: str = ""
    in_reply_to: str = ""
    references: list[str] = Field(default_factory=list)
    from_: Address = Field(default_factory=Address, alias="from")
    to: list[Address] = Field(default_factory=list)
    cc: list[Address] = Field(default_factory=list)
    date: datetime | None = None
    subject: str = ""
    language: Language = "de"
    body: str = ""
    quoted: str = ""
    signature: str = ""
    attachments: list[Attachment] = Field(default_factory=list)
    defects: list[str] = Field(default_factory=list)
    status: EmailStatus = "ok"
    reason: str = ""  # why quarantined / no_text_body
    content_hash: str = ""  # sha256 of the raw bytes; the import key when Message-ID is missing


class Entity(BaseModel):
    """One piece of personal data found in a text."""

    # NAME, EMAIL, PHONE, IBAN, CARD, TAX_ID, DOB, ADDRESS, POSTCODE_CITY, CUSTOMER_NO, ...
    type: str
    value: str
    placeholder: str = ""  # e.g. [NAME_1]
    start: int = -1
    end: int = -1


class Passage(BaseModel):
    """A retrieved knowledge-base chunk."""

    kb_id: str
    title: str
    url: str = ""
    text: str
    score: float = 0.0
    language: str = ""
    contact_reason: str = ""
    chunk_id: str = ""
    # the gap model's probability that this (best) passage's article answers the query;
    # None on the other passages and outside retrieval (drafter.knowledge.gap)
    support: float | None = None
    # links, email addresses, phone numbers and IBANs in the article that are not on the
    # company allow-list (settings link_allowlist, mail_from, company_phones, company_ibans);
    # non-empty means the article's claims must not be trusted (reported at ingest)
    untrusted: list[str] = Field(default_factory=list)


class Citation(BaseModel):
    n: int
    kb_id: str
    title: str
    url: str = ""


#: every warning code the core gives a draft (tests/unit/test_first_use_cli.py checks it against
#: the code); DRAFTER_ACK_REQUIRED_WARNINGS may name only these
WARNING_CODES = frozenset(
    {
        "bad_citation", "body_truncated", "commitment", "credentials", "emergency", "empty",
        "garbled", "greeting", "injection", "kb_gap", "kb_partial", "link", "model_failed",
        "payment", "placeholder", "register", "register_sie_kept", "sign_off",
        "template_draft", "truncated", "unsupported_claim", "wrong_language",
    }
)  # fmt: skip


class DraftWarning(BaseModel):
    # kb_gap, bad_citation, wrong_language, unsupported_claim, placeholder, link, empty,
    # truncated, injection, commitment, payment, credentials, ...
    code: str
    message: str
    span: str = ""  # the offending text of the draft, exactly as written ("" = whole draft)


class PromptRef(BaseModel):
    name: str
    version: str


class Draft(BaseModel):
    """A reply draft ready for review. `body` has the real values restored."""

    body: str
    citations: list[Citation] = Field(default_factory=list)
    language: Language = "de"
    contact_reason: str = ""
    mode: DraftMode = "extractive"
    prompt: PromptRef = Field(default_factory=lambda: PromptRef(name="", version=""))
    model: str = ""
    warnings: list[DraftWarning] = Field(default_factory=list)
    passages: list[Passage] = Field(default_factory=list)
    # the model's verdict on the passages (answered, partial, missing; '' = none given) and
    # which signals raised the kb_gap warning ("retrieval", "model"), drafter.drafting.kb_verdict
    kb_verdict: str = ""
    gap_signals: list[str] = Field(default_factory=list)
    timings: dict[str, float] = Field(default_factory=dict)  # seconds per stage
    usage: dict[str, int] = Field(default_factory=dict)  # prompt/completion tokens


# --- drafting engine events -----------------------------------------------------------


class Retrieved(BaseModel):
    kind: Literal["retrieved"] = "retrieved"
    passages: list[Passage]


class Delta(BaseModel):
    kind: Literal["delta"] = "delta"
    text: str


class Done(BaseModel):
    kind: Literal["done"] = "done"
    draft: Draft


class Failed(BaseModel):
    kind: Literal["failed"] = "failed"
    message: str
    hint: str = ""

    @property
    def skipped(self) -> bool:
        """Another process has the email (the desk's message starts "skipped:"): not a failed
        email, its draft comes from there."""
        return self.message.startswith("skipped:")


DraftEvent = Retrieved | Delta | Done | Failed


# --- review desk (store records the service hands to the TUI and CLI) -------------------

QueueStatus = Literal[
    "new", "drafting", "ready", "in_review", "sent", "rejected", "needs_attention"
]
# what a queue listing can be limited to: one status, or "open" (every status but sent and
# rejected: the emails still to do, where the desk opens)
QueueFilter = QueueStatus | Literal["open"]


class QueueItem(BaseModel):
    """One row of the agent's queue."""

    email_id: int
    received_at: datetime
    sender: str
    subject: str
    language: Language = "de"
    contact_reason: str = ""
    status: QueueStatus = "new"
    claimed_by: str = ""
    warnings: int = 0
    urgency: str = ""  # emergency reason from drafter.triage ("" = ordinary); listed first
    claimed_at: datetime | None = None  # since when `claimed_by` holds it (live claims only)
    claim_expires: datetime | None = None  # when that claim runs out unless renewed


class EmailRecord(BaseModel):
    """A queued email with everything the desk shows about it."""

    email_id: int
    email: InboundEmail
    status: QueueStatus
    received_at: datetime
    claimed_by: str = ""  # the agent holding a live claim ("" when free or expired)
    contact_reason: str = ""
    claimed_at: datetime | None = None
    claim_kind: str = ""  # 'review' | 'drafting' (see drafter.store.queue_state)
    claim_expires_at: datetime | None = None
    # the latest rejection, while the email is rejected (who, when and why; "" otherwise)
    rejected_by: str = ""
    rejected_at: datetime | None = None
    rejection_reason: str = ""
    # the reply that went out, while the email is sent (who approved it, when it was sent)
    approved_by: str = ""
    sent_at: datetime | None = None


class DraftVersion(BaseModel):
    """One saved version of a reply: generated, rewritten or edited by the agent."""

    version_id: int
    email_id: int
    number: int  # 1, 2, 3 ... per email
    source: Literal["generated", "rewrite", "edit"]
    body: str
    draft: Draft  # the generation this version derives from (citations, warnings, prompt)
    created_at: datetime
    author: str = ""


class Approval(BaseModel):
    email_id: int
    version_id: int
    approved_by: str
    approved_at: datetime
    sha256: str


class SendResult(BaseModel):
    email_id: int
    message_id: str
    transport: Literal["outbox", "smtp"]
    location: str  # outbox file path or SMTP host
    already_sent: bool = False
