"""A populated store for the DSGVO tests: two customers, real MIME imports, vaults, drafts,
edits with instructions, approvals, replies sent to the outbox, a rejection, an open email
and evaluation-cache files. Values below are the ones the tests search for byte by byte."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.utils import format_datetime

from drafter.config import Settings
from drafter.desk import Desk
from drafter.evaluation.cache import DraftCache, Outcome
from drafter.models import Draft, DraftEvent, InboundEmail
from tests.integration.desk_helpers import ScriptedEngine, save_thread_vault

ANNA = "anna.schulz@example.org"
ANNA_2 = "a.schulz.privat@mailbox.example"  # her second address, no name in the header
ANNA_IBAN = "DE89 3704 0044 0532 0130 00"
ANNA_KD = "KD-1234567"
BERND = "bernd.meier@example.net"
BERND_IBAN = "DE44 5001 0517 5407 3249 31"
BERND_KD = "KD-7654321"

# every spelling of Anna's data that must be gone from the data dir after `forget`
ANNA_NEEDLES = [
    ANNA, ANNA_2, "Anna Schulz", "Schulz", ANNA_IBAN, ANNA_IBAN.replace(" ", ""),
    ANNA_KD, "1234567",
]  # fmt: skip
ANNA_NEEDLES.append("0171 5550199")  # her daughter's phone, typed into a rejection reason
BERND_NEEDLES = [BERND, "Bernd Meier", BERND_IBAN, BERND_KD]


def mime(sender: str, subject: str, body: str, n: int) -> bytes:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = "Stadtwerke Nordlicht <service@stadtwerke-nordlicht.de>"
    msg["Subject"] = subject
    msg["Message-ID"] = f"<dsgvo-{n}@mail.example>"
    msg["Date"] = format_datetime(dt.datetime(2026, 3, 1, 8, n, tzinfo=dt.UTC))
    msg.set_content(body)
    return msg.as_bytes()


MAILS = [
    (
        f"Anna Schulz <{ANNA}>",
        "Abschlag ändern",
        f"Guten Tag,\n\nbitte senken Sie meinen Abschlag auf 80 Euro. Meine Kundennummer ist "
        f"{ANNA_KD}, abbuchen bitte von IBAN {ANNA_IBAN}.\n\nMit freundlichen Grüßen\n"
        "Anna Schulz",
    ),
    (
        f"Bernd Meier <{BERND}>",
        "Zählerstand",
        f"Hallo,\n\nmein Zählerstand ist 4711. Kundennummer {BERND_KD}, IBAN {BERND_IBAN}.\n\n"
        "Gruß\nBernd Meier",
    ),
    (
        ANNA_2,
        "Nachtrag",
        f"Hallo, ich schreibe von meiner privaten Adresse. Kundennummer {ANNA_KD}: bitte "
        "schicken Sie die Rechnung auch hierhin.",
    ),
    (
        f"Anna Schulz <{ANNA}>",
        "Noch eine Frage",
        "Guten Tag, wann kommt die Jahresabrechnung? Das Geld bitte wie immer von "
        f"{ANNA_IBAN.replace(' ', '')}.\n\nAnna Schulz",
    ),
    (
        f"Bernd Meier <{BERND}>",
        "Umzug",
        f"Ich ziehe um. Kundennummer {BERND_KD}.\n\nBernd Meier",
    ),
]


@dataclass
class Store:
    settings: Settings
    ids: list[int]
    anna: list[int] = field(default_factory=list)
    bernd: list[int] = field(default_factory=list)


class GreetingEngine(ScriptedEngine):
    """The scripted engine, greeting the sender by name as a real draft would."""

    def draft(self, email: InboundEmail, **_: object) -> AsyncIterator[DraftEvent]:
        self.calls.append(("draft", email.subject))
        name = email.from_.name or "Kundin, sehr geehrter Kunde"
        return self._play(f"Sehr geehrte(r) {name}, zu {email.subject}: gern erledigt. [1]")


async def _draft(desk: Desk, email_id: int, instruction: str = "") -> None:
    async for _event in desk.draft(email_id, instruction=instruction):
        pass


async def populate(settings: Settings) -> Store:
    """Import the mails, draft, edit, approve and send some; write eval-cache files."""
    desk = Desk(settings, engine=GreetingEngine())
    try:
        report = desk.import_messages(
            [(f"mail-{n}.eml", mime(s, subj, body, n)) for n, (s, subj, body) in enumerate(MAILS)]
        )
        ids = report.email_ids
        assert len(ids) == len(MAILS)
        for email_id in ids:
            save_thread_vault(desk, email_id)
        a1, b1, a2, a3, b2 = ids
        # Anna 1: drafted, rewritten with an instruction naming her, edited, approved, sent
        await _draft(desk, a1)
        await _draft(desk, a1, instruction="Frau Schulz duzen, IBAN DE89 bestätigen")
        desk.claim(a1)
        body = desk.versions(a1)[-1].body + f"\nIhre IBAN {ANNA_IBAN} ist hinterlegt, Frau Schulz."
        desk.approve(a1, body)
        _send(desk, a1)
        # Anna 2 (second address): drafted, rejected with a reason that holds a phone number
        # no vault knows, reopened, then rejected with a reason that names her
        await _draft(desk, a2)
        desk.reject(a2, "Rückruf an die Tochter unter 0171 5550199 erledigt")
        desk.reopen(a2, "doch schriftlich beantworten")
        desk.reject(a2, "Duplikat von Frau Schulz, schon beantwortet")
        # Anna 3 stays open (drafted, ready)
        await _draft(desk, a3)
        # Bernd: one sent unchanged, one open
        await _draft(desk, b1)
        desk.approve(b1, desk.versions(b1)[-1].body)
        _send(desk, b1)
        await _draft(desk, b2)
    finally:
        desk.close()
    cache = DraftCache(settings.data_dir / "eval-cache")
    cache.put("aa" + "0" * 62, Outcome(draft=Draft(body=f"Sehr geehrte Frau Schulz, {ANNA}")))
    cache.put("bb" + "0" * 62, Outcome(draft=Draft(body=f"Sehr geehrter Herr Meier, {BERND}")))
    return Store(settings, ids, anna=[a1, a2, a3], bernd=[b1, b2])


def data_dir_bytes(settings: Settings) -> dict[str, bytes]:
    """Every file under the data dir, as bytes (like `grep -a -r`)."""
    root = settings.data_dir
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def files_containing(settings: Settings, needles: list[str]) -> dict[str, list[str]]:
    """needle -> files whose bytes contain it (case-insensitive, UTF-8)."""
    found: dict[str, list[str]] = {}
    for name, data in data_dir_bytes(settings).items():
        low = data.lower()
        for needle in needles:
            if needle.lower().encode() in low:
                found.setdefault(needle, []).append(name)
    return found


def _send(desk: Desk, email_id: int) -> None:
    """The agent ticks every risky warning (as in the send dialog), then sends."""
    for warning in desk.unacknowledged(email_id):
        desk.acknowledge(email_id, warning)
    desk.send(email_id)
