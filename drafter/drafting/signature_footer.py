"""What stands under the signed name and is no part of it: the signature's footer.

Owns the line tests drafter.drafting.signoff uses before it reads the name: a postal address,
contact data, a phone number alone, a firm's legal footer (HRB, USt-IdNr., Amtsgericht), a web
or mail address, a note of the attachment (`_footer_line`), the firm's name under the signer
(`_firm_under_name`), a postscript (`_before_postscript`) and a confidentiality notice
(`_notice_start`; `without_notice` also keeps the notice's "Sie" out of the register).
"""

from __future__ import annotations

import re

from drafter.closings import CUSTOMER_CLOSING
from drafter.drafting import name_words
from drafter.drafting.name_lines import (
    _clean,
    _holds_sentence,
    _lower_first_name,
    _name_line,
)
from drafter.drafting.sender import _COMPANY, _COMPANY_COMPOUND
from drafter.drafting.signature_marks import undecorate

# a line of a postal address under the name ("Eckernförder Str., Kiel", "12 Mill Lane,
# Leeds", "24103 Kiel"): a street word after a word, or a German postcode before a town
_ADDRESS_LINE = re.compile(
    r"\w(?:str\.|straße|strasse)(?=[\s,]|$)|\s(?:Str\.|Straße|Weg|Allee|Platz|Gasse|Damm)(?=[\s,]|$)"
    r"|^\d{5}\s+[A-ZÄÖÜ]|\b\d+\w?\s+(?:\w+\s+)+(?:Street|Road|Lane|Avenue|Drive|Close|Way)\b",
)


#: a line of contact data or a number under the name ("Tel. 0431 123456", "Kundennr. 123",
#: "Mobile: +44 7700 900123", "Account no. 55-1234")
_CONTACT_LINE = re.compile(
    r"(?i)^(?:tel|telefon|fon|mobil|handy|phone|mobile|mob|fax|kd|kunden|customer|account|"
    r"vertrag|contract|zähler|meter|ref)\w*\.?(?:[\s.-]*(?:nr|no|nummer|number))?\.?\s*[:.]?"
    r"\s*(?:(?-i:[A-Z]{2,4})[-\s]?)?[+(\d]"  # also "Kundennr. KD-3908871"
)
#: a phone or fax number after the one capital letter a firm's signature writes for it ("T +49
#: 431 66 40 29-0", "M +44 7700 900123", "F: 0431 123456"; the number starts with + or 0)
_LETTER_PHONE = re.compile(r"^[TMFP]\s*[:.]?\s+(?:\+|\(?0)\d")
#: customer, contract or case numbers alone ("KD-3908871", "KD-7302519 VN-55103981",
#: "(KD-2251964)")
_ID_LINE = re.compile(
    r"^\(?[A-Z]{2,4}[-\s]?\d[\d\s-]{3,}\)?(?:[\s,/]+\(?[A-Z]{2,4}[-\s]?\d[\d\s-]{3,}\)?)*$"
)


#: a line of a firm's legal footer under the name ("HRB 19944 KI", "USt-IdNr. DE 309 188 472",
#: "Amtsgericht Kiel", "Sitz der Gesellschaft: Kiel", "Registered in England No. 123")
_REGISTER_LINE = re.compile(
    r"(?i)^(?:hrb|hra|ust|vat|steuer|st\.?-?nr|registergericht|amtsgericht|handelsregister|"
    r"sitz\b|geschäftsführ|company\s+(?:no|number|reg)|registered\s+(?:office|in|no)|reg\.?\s*no|"
    # the registers of a partnership, an association, a cooperative ("Partnerschaftsregister
    # AG Kiel PR 412", "Vereinsregister VR 1234")
    r"(?:partnerschafts|vereins|genossenschafts)register)"
)


#: a phone number alone on a line under the name ("07700 900123", "+49 431 123456")
_PHONE_ONLY = re.compile(r"^\+?(?:[\d()/.-]\s?){6,}\d$")


#: a line of underscores or equals signs above a mail program's footer
_SEPARATOR = re.compile(r"^[_=*~]{3,}$")


#: a note of the attachment under the name ("Anhang: zaehler.jpg", "Attachment: meter.jpg")
_ATTACHMENT_LINE = re.compile(r"(?i)^(?:anh[aä]nge?|anlagen?|attachments?|attached)\s*:")


#: a web or mail address line under the name ("www.berg-haustechnik.de", "E-Mail: …")
_WEB_LINE = re.compile(r"(?i)^(?:www\.|https?://|e-?mail\s*:|web\s*:|internet\s*:|\S+@\S+\.\w+$)")


def _footer_line(line: str) -> bool:
    """An address, contact, phone, register or web line of a signature."""
    return len(line) <= 60 and bool(
        _ADDRESS_LINE.search(line)
        or _CONTACT_LINE.search(line)
        or _LETTER_PHONE.match(line)
        or _ID_LINE.match(line)
        or _PHONE_ONLY.match(line)
        or _REGISTER_LINE.match(line)
        or _WEB_LINE.match(line)
        or _ATTACHMENT_LINE.match(line)
    )


def _firm_under_name(lines: list[str], lower: bool) -> bool:
    """The last line is a firm's name ("Berg Haustechnik GmbH") under a name or a job line,
    not under a closing (then the firm signs)."""
    last, above = lines[-1], lines[-2]
    firm = bool(_COMPANY.search(last) or _COMPANY_COMPOUND.search(last))
    if not firm or len(last.split()) > 8 or _holds_sentence(last) or CUSTOMER_CLOSING.match(above):
        return False
    return _name_line(_clean(above), lower) or bool(name_words.JOBS.search(above))


def _under_firm(lines: list[str], lower: bool) -> bool:
    """The last line stands under a firm's name that stands under a name or a job line: what
    the firm does ("Beratende Ingenieure · Elektrotechnik", "Sanitär | Heizung | Klima"), a
    line of the firm's block, no name and no sentence."""
    if len(lines) < 4:
        return False
    last = lines[-1]
    if _holds_sentence(last) or CUSTOMER_CLOSING.match(last) or _name_line(_clean(last), lower):
        return False
    return len(last.split()) <= 8 and _firm_under_name(lines[:-1], lower)


#: a postscript under the name ("PS: Das Schreiben liegt bei.", "P.S. …", "PPS:")
_POSTSCRIPT = re.compile(r"(?i)^p\.?\s?p?\.?\s?s\.?(?:\s*[:,-]|\s)")


#: a confidentiality notice under the signature ("Diese E-Mail enthält vertrauliche
#: Informationen …", "This e-mail and any attachments are confidential …")
_DISCLAIMER = re.compile(
    r"(?i)\b(?:vertraulich|confidential|intended\s+recipient|richtige[nr]?\s+adressat|"
    r"nicht\s+der\s+(?:richtige\s+)?(?:adressat|empfänger)|disclaimer|"
    r"(?:unbefugte|unauthori[sz]ed)\s+\w+|"
    # the environment and antivirus lines of a mail program ("Bitte denken Sie an die Umwelt,
    # bevor Sie diese E-Mail ausdrucken.", "checked for viruses by Avast")
    r"an\s+die\s+umwelt|consider\s+the\s+environment|before\s+printing|e-?mail\s+ausdrucken|"
    r"auf\s+viren|for\s+viruses|virus-?free|virenfrei)"
)


def _before_postscript(lines: list[str]) -> list[str]:
    """`lines` without a postscript or a confidentiality notice after the sign-off: the name
    is above it."""
    for i in range(len(lines) - 1, 0, -1):
        if _POSTSCRIPT.match(lines[i]):
            return lines[:i]
    cut = _notice_start(lines)
    return lines if cut is None else lines[:cut]


def _notice_start(lines: list[str]) -> int | None:
    """Where a confidentiality notice starts in the last lines of a mail: only under a name, a
    closing or a signature line, so that a customer's own sentence stays."""
    for i in range(len(lines) - 1, max(0, len(lines) - 8), -1):
        notice = _DISCLAIMER.search(lines[i]) and len(lines[i].split()) >= 8
        j = i - 1
        while j > 0 and re.fullmatch(r"[-_–—=*~\s]+", lines[j]):
            j -= 1  # a separator ("--") between the signature and the notice
        above = lines[j]
        name = _clean(above)
        signed = _name_line(name, above.islower()) or _lower_first_name(name)
        signed = signed or bool(CUSTOMER_CLOSING.match(above))
        if notice and (signed or _footer_line(above)):
            return i
    return None


def without_notice(text: str) -> str:
    """`text` without a confidentiality notice under the signature ("… informieren Sie bitte
    den Absender …" is no Sie to us)."""
    raw = text.splitlines()
    kept = [i for i, line in enumerate(raw) if line.strip()]
    cut = _notice_start([undecorate(raw[i]) for i in kept])
    return text if cut is None else "\n".join(raw[: kept[cut]])
