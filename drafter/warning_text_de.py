"""The German desk's catalogue of warning messages (drafter.warning_text reads it).

`DE_MESSAGES` pairs each English message the core writes today (a pattern, by warning code;
"*" for any code) with its German text, formatted with the pattern's named groups;
`REASONS`, `URGENCY` and `LANGUAGES` translate the values some groups carry (what a
commitment does, the emergency's reason, a language name). Data only: the lookup lives in
drafter.warning_text.
"""

from __future__ import annotations

import re

from drafter.warning_codes import DE_CODES

LANGUAGES = {"German": "Deutsch", "English": "Englisch"}

# what a commitment says (drafter.drafting.commitment_paraphrases `_reason`), in German
REASONS = {
    "grants something as an exception": "gewährt etwas als Ausnahme",
    "guarantees something for the customer": "garantiert der Kundschaft etwas",
    "declares a claim settled or void": "erklärt eine Forderung für erledigt oder hinfällig",
    "promises an action on the customer's contract or money": "verspricht eine Handlung an "
    "Vertrag oder Geld der Kundschaft",
    "says a change takes effect now": "sagt, eine Änderung gelte ab sofort",
    "swears a price or charge will never rise": "sagt zu, ein Preis oder Betrag steige nie",
    "says a charge will not be made for the customer": "sagt, der Kundschaft werde etwas "
    "nicht berechnet",
    "grants the customer's own request": "erfüllt den Wunsch der Kundschaft",
    "confirms an appointment or change for the customer": "bestätigt der Kundschaft einen "
    "Termin oder eine Änderung",
    "promises the customer's price stays as it is": "sagt zu, der Preis der Kundschaft bleibe, "
    "wie er ist",
    # drafter.drafting.end_confirmed
    "confirms a contract end or switch on a day no source gives": "bestätigt ein Vertragsende "
    "oder einen Wechsel zu einem Tag, den keine Quelle nennt",
}
#: the emergency reasons of drafter.triage (REASONS), as the German desk names them
URGENCY = {
    "gas smell": "Gasgeruch",
    "carbon monoxide": "Kohlenmonoxid",
    "fire or smoke at meter or cables": "Feuer oder Rauch an Zähler oder Leitungen",
    "exposed live cables or electric shock": "freiliegende Leitungen oder Stromschlag",
    "flooding near electrics": "Wasser an der Elektrik",
    "supply out for a life-safety device": "Versorgung eines lebenswichtigen Geräts ausgefallen",
}
# (code, English message pattern, German text with the pattern's groups)
DE_MESSAGES: list[tuple[str, str, str]] = [
    (
        "payment",
        r"the reply has the customer hand money to a person \('(?P<what>.*)'\); payments go",
        "die Antwort lässt die Kundschaft Geld an eine Person übergeben ({what}); Zahlungen "
        "gehen nur auf das Konto des Unternehmens, bitte prüfen",
    ),
    (
        "commitment",
        r"the reply promises money in the customer's account by a time no source gives "
        r"\('(?P<when>.*)'\)",
        "die Antwort verspricht Geld auf dem Konto der Kundschaft zu einem Zeitpunkt, den "
        "keine Quelle nennt ({when}); drafter hat nichts dergleichen entschieden, bitte prüfen",
    ),
    (
        "kb_gap",
        r"the knowledge base has no good match and the model found no answer",
        "Die Wissensdatenbank hat keinen passenden Artikel, und auch das Modell fand in den "
        "Artikeln keine Antwort; der Entwurf fragt nach Details, statt zu antworten",
    ),
    (
        "kb_gap",
        r"the model found no answer in the cited articles",
        "Das Modell fand in den zitierten Artikeln keine Antwort; prüfen, ob der Entwurf das "
        "klar sagt und nach dem Nötigen fragt, oder von Hand antworten",
    ),
    ("kb_gap", r"the knowledge base has no good match", DE_CODES["kb_gap"][1]),
    ("kb_partial", r"the model found only part of the answer", DE_CODES["kb_partial"][1]),
    (
        "kb_partial",
        r"the best article may not answer all of it",
        "Der beste Artikel beantwortet vielleicht nicht alles (Begriffe, nach denen die E-Mail "
        "fragt, kommen darin nicht vor); vor dem Senden prüfen, was der Entwurf offen lässt",
    ),
    (
        "emergency",
        r"possible emergency \((?P<urgency>.+?)\): check that the reply points to the emergency "
        r"hotline first",
        "möglicher Notfall ({urgency}): prüfen, ob die Antwort zuerst auf die Notfall-Hotline "
        "verweist",
    ),
    (
        "model_failed",
        r"the language model failed \((?P<error>.*)\); this is a template draft instead",
        "das Sprachmodell ist fehlgeschlagen ({error}); dies ist stattdessen ein Vorlagenentwurf",
    ),
    (
        "body_truncated",
        r"the email is (?P<length>[\d,.]+) characters long; only the first (?P<used>[\d,.]+) ",
        "die E-Mail ist {length} Zeichen lang; nur die ersten {used} (DRAFTER_MAX_BODY_CHARS) "
        "wurden für Suche und Entwurf genutzt: vor dem Senden die ganze E-Mail lesen",
    ),
    (
        "register",
        r"the draft mixes 'du' and 'Sie'",
        "der Entwurf mischt „du“ und „Sie“; bitte durchgehend eine Anrede verwenden",
    ),
    (
        "register",
        r"the customer writes '(?P<wanted>\w+)', the draft uses '(?P<found>\w+)'",
        "die Kundschaft schreibt „{wanted}“, der Entwurf verwendet „{found}“ (Anrede oder "
        "Text); bitte die Anrede anpassen",
    ),
    (
        "unsupported_claim",
        r"this sentence is in no source \((?P<novel>\d+) of (?P<all>\d+) content words",
        "dieser Satz steht in keiner Quelle ({novel} von {all} Inhaltswörtern kommen weder in "
        "den Artikeln noch in der E-Mail vor)",
    ),
    (
        "unsupported_claim",
        r"the reply says or asks for something no service reply does \((?P<what>.*)\)",
        "die Antwort sagt oder verlangt etwas, das keine Service-Antwort sagt oder verlangt "
        "({what})",
    ),
    ("unsupported_claim", r"the reply contains program code", "die Antwort enthält Programmcode"),
    (
        "unsupported_claim",
        r"the reply names (?P<who>.+), who is in no source",
        "die Antwort nennt {who}, die oder der in keiner Quelle vorkommt",
    ),
    (
        "unsupported_claim",
        r"the date (?P<date>.+) is in no source and follows from none",
        "das Datum {date} steht in keiner Quelle und ergibt sich aus keiner; vor dem Zusagen "
        "prüfen",
    ),
    (
        "unsupported_claim",
        r"(?P<value>.+) appears in neither the cited passages nor the customer's email",
        "{value} steht weder in den zitierten Abschnitten noch in der E-Mail der Kundschaft",
    ),
    (
        "bad_citation",
        r"the draft cites (?P<cited>.+), but only (?P<n>\d+) passages were retrieved",
        "der Entwurf zitiert {cited}, gefunden wurden aber nur {n} Abschnitt(e)",
    ),
    (
        "wrong_language",
        r"the draft is in (?P<found>\w+), the customer wrote in (?P<wanted>\w+)",
        "der Entwurf ist auf {found}, die Kundschaft schrieb auf {wanted}",
    ),
    (
        "wrong_language",
        r"the reply is in neither German nor English",
        "die Antwort ist weder auf Deutsch noch auf Englisch",
    ),
    (
        "placeholder",
        r"placeholder (?P<ph>\S+) was not replaced",
        "Platzhalter {ph} wurde nicht ersetzt (vom Modell erfunden oder verändert)",
    ),
    (
        "placeholder",
        r"(?P<kind>\w+) (?P<raw>.+): not in this thread's vault, left visible",
        "{kind} {raw}: nicht im Tresor dieses Verlaufs, bleibt sichtbar",
    ),
    ("truncated", r"the model hit the length limit", DE_CODES["truncated"][1]),
    ("empty", r"the draft is empty or almost empty", DE_CODES["empty"][1]),
    (
        "injection",
        r"the draft echoes an instruction to the model \((?P<what>.*)\)",
        "der Entwurf gibt eine Anweisung an das Modell wieder ({what})",
    ),
    (
        "injection",
        r"the draft carries out an instruction found in the customer's email \((?P<what>.*)\); ",
        "der Entwurf führt eine Anweisung aus der E-Mail der Kundschaft aus ({what}); prüfen, "
        "ob er beim Thema bleibt",
    ),
    (
        "injection",
        r"the reply gives away the model's instructions or internal notes \((?P<what>.*)\); "
        r"possible prompt",
        "die Antwort gibt Anweisungen des Modells oder interne Notizen preis ({what}); "
        "möglicherweise ein Prompt-Abfluss",
    ),
    (
        "garbled",
        r"(?P<n>\d+) words look scrambled or encoded \((?P<what>.*)\);",
        "{n} Wörter wirken verwürfelt oder codiert ({what}); die Antwort folgt vielleicht in "
        "der E-Mail versteckten Anweisungen",
    ),
    (
        "garbled",
        r"(?P<n>\d+) words look scrambled or encoded",
        "{n} Wörter wirken verwürfelt oder codiert; die Antwort folgt vielleicht in der "
        "E-Mail versteckten Anweisungen",
    ),
    (
        "template_draft",
        r"no language model; sentences copied|template draft without a language model",
        DE_CODES["template_draft"][1],
    ),
    (
        "register_sie_kept",
        r"the customer writes 'du', but a copied",
        DE_CODES["register_sie_kept"][1],
    ),
    ("greeting", r"the draft does not open with a greeting", DE_CODES["greeting"][1]),
    ("sign_off", r"the draft has no closing formula", DE_CODES["sign_off"][1]),
    (
        "*",
        r"the reply sends the customer to (?P<address>\S+), which is not the company's",
        "die Antwort schickt die Kundschaft an {address}; die Adresse gehört nicht dem "
        "Unternehmen und steht in keiner vertrauenswürdigen Quelle",
    ),
    (
        "link",
        r"link to (?P<host>\S+), which is neither an allowed domain nor in a trusted source",
        "Link zu {host}: weder eine erlaubte Domain noch in einer vertrauenswürdigen Quelle",
    ),
    (
        "link",
        r"the (?:page|address) (?P<what>\S+) is on the company's (?:site|domain) but in no source",
        "{what} liegt auf der Domain des Unternehmens, steht aber in keiner Quelle und keiner "
        "Einstellung; bitte prüfen, ob es die Adresse gibt und sie die richtige ist",
    ),
    (
        "unsupported_claim",
        r"the reply recommends (?P<what>.+), which no source names",
        "die Antwort empfiehlt {what}, das in keiner Quelle steht; eine Service-Antwort "
        "empfiehlt keine anderen Firmen oder Produkte",
    ),
    (
        "link",
        r"phone number (?P<phone>.+) is not the company's",
        "Telefonnummer {phone} gehört nicht dem Unternehmen (DRAFTER_COMPANY_PHONES) und steht "
        "in keiner vertrauenswürdigen Quelle",
    ),
    (
        "payment",
        r"bank details (?P<iban>.+) are not the company's",
        "Bankverbindung {iban} gehört nicht dem Unternehmen (DRAFTER_COMPANY_IBANS) und steht "
        "in keiner vertrauenswürdigen Quelle",
    ),
    (
        "payment",
        r"the reply asks for payment to a private person \('(?P<who>.*)'\)",
        "die Antwort verlangt eine Zahlung an eine Privatperson ({who}); Zahlungen gehen nur "
        "auf das Konto des Unternehmens",
    ),
    (
        "unsupported_claim",
        r"the cited article (?P<kb>\S+) says to call its emergency line at once",
        "der zitierte Artikel {kb} sagt, sofort seine Notrufnummer anzurufen; die Antwort nennt "
        "sie nicht und beantwortet den Notfall mit anderem Rat, bitte prüfen",
    ),
    (  # drafter.drafting.harm.check_legal_step
        "unsupported_claim",
        r"the reply gives legal advice \('(?P<what>.+?)'\) no trusted source gives",
        "die Antwort gibt eine Rechtsberatung („{what}“), die keine vertrauenswürdige Quelle "
        "gibt; drafter berät nicht zu Rechtsfragen zwischen der Kundschaft und anderen, bitte "
        "prüfen",
    ),
    (  # drafter.drafting.emergency_advice.check_urgent_line
        "unsupported_claim",
        r"the customer reports an emergency \((?P<urgency>[^)]+)\); the reply gives none of the "
        r"cited articles' 24-hour or emergency lines",
        "die Kundschaft meldet einen Notfall ({urgency}); die Antwort nennt keine der "
        "24-Stunden- oder Notrufnummern der zitierten Artikel, bitte prüfen",
    ),
    (  # drafter.drafting.figure_conflicts
        "unsupported_claim",
        r"the reply gives ['\"](?P<mine>.+?)['\"] where the cited article gives "
        r"['\"](?P<theirs>.+?)['\"] for the same",
        "die Antwort nennt „{mine}“, wo der zitierte Artikel für dieselbe Angabe „{theirs}“ "
        "nennt; bitte die Zahl prüfen",
    ),
    (  # drafter.drafting.row_figures
        "unsupported_claim",
        r"the reply gives ['\"](?P<mine>.+?)['\"] for (?P<named>.+?); the cited article gives "
        r"that for (?P<other>.+?), for (?P=named) ['\"](?P<theirs>.+?)['\"]",
        "die Antwort nennt „{mine}“ für {named}; der zitierte Artikel nennt das für {other}, "
        "für {named} „{theirs}“; bitte prüfen",
    ),
    (  # drafter.drafting.notice_end
        "unsupported_claim",
        r"the reply ends the contract on (?P<end>\S+), but the cited article's notice of "
        r"(?P<months>\d+) month\(s\) to a month's end gives (?P<earliest>\S+) at the earliest",
        "die Antwort beendet den Vertrag zum {end}; nach der Kündigungsfrist von {months} "
        "Monat(en) zum Monatsende im zitierten Artikel ist das für eine dann eingegangene "
        "Kündigung frühestens der {earliest}; bitte prüfen",
    ),
    (  # drafter.drafting.forbidden_advice.check_forbidden
        "unsupported_claim",
        r"the reply tells the customer to do what the cited article forbids "
        r"\(['\"](?P<order>.+?)['\"]\)",
        "die Antwort rät der Kundschaft zu etwas, das der zitierte Artikel verbietet "
        "(„{order}“); bitte prüfen",
    ),
    (  # drafter.drafting.forbidden_advice.check_put_off
        "unsupported_claim",
        r"the cited emergency article says to call at once; the reply puts the call off "
        r"\(['\"](?P<wait>.+?)['\"]\)",
        "der zitierte Notfall-Artikel sagt, sofort anzurufen; die Antwort schiebt den Anruf "
        "auf („{wait}“), bitte prüfen",
    ),
    (
        "payment",
        r"the reply pays money out via (?P<channel>.+), which no trusted source offers",
        "die Antwort zahlt Geld über {channel} aus, was keine vertrauenswürdige Quelle anbietet",
    ),
    (
        "payment",
        r"the reply asks for payment via (?P<channel>.+), which no trusted source offers",
        "die Antwort verlangt eine Zahlung über {channel}, die keine vertrauenswürdige Quelle "
        "anbietet",
    ),
    (
        "commitment",
        r"the reply says something was already done or granted for the customer "
        r"\((?P<what>.*)\); drafter made no such",
        "die Antwort sagt, für die Kundschaft sei schon etwas erledigt oder gewährt ({what}); "
        "drafter hat nichts dergleichen getan, bitte prüfen",
    ),
    (
        "commitment",
        r"the reply promises (?P<amount>.+) that no trusted source backs",
        "die Antwort verspricht {amount}, was keine vertrauenswürdige Quelle stützt",
    ),
    (
        "commitment",
        r"the reply states a decision for the customer \((?P<what>.*)\); drafter made no such",
        "die Antwort teilt der Kundschaft eine Entscheidung mit ({what}); drafter hat nichts "
        "dergleichen entschieden, bitte prüfen",
    ),
    (
        "commitment",
        r"the reply promises the customer something \((?P<what>.*)\); drafter made no such",
        "die Antwort verspricht der Kundschaft etwas ({what}); drafter hat nichts dergleichen "
        "entschieden, bitte prüfen",
    ),
    (
        "commitment",
        r"the reply says the customer's contract ends on a date \((?P<what>.*)\); drafter",
        "die Antwort nennt ein Vertragsende für die Kundschaft ({what}); drafter hat nichts "
        "dergleichen entschieden, bitte prüfen",
    ),
    (
        "commitment",
        r"the reply (?:rules something out for the customer|ends or cancels something "
        r"retroactively|backdates something for the customer) \((?P<what>.*)\); drafter",
        "die Antwort schließt etwas für die Kundschaft aus, beendet etwas rückwirkend oder "
        "datiert etwas zurück ({what}); drafter hat nichts dergleichen entschieden, bitte prüfen",
    ),
    (
        "commitment",
        r"the reply grants something because of the customer's circumstances \((?P<what>.*)\);",
        "die Antwort gewährt etwas wegen der Umstände der Kundschaft ({what}); ob eine Regel "
        "für diese Kundschaft gilt, entscheidet das Team, bitte prüfen",
    ),
    (
        "commitment",
        r"the reply (?P<reason>" + "|".join(map(re.escape, REASONS)) + r") "
        r"\((?P<what>.*)\); drafter made no such",
        "die Antwort {reason} ({what}); drafter hat nichts dergleichen entschieden, bitte prüfen",
    ),
    (
        "commitment",
        r"the reply sets a new amount \((?P<amount>.+)\) no trusted source gives",
        "die Antwort setzt einen neuen Betrag ({amount}), den keine vertrauenswürdige Quelle "
        "nennt; drafter hat nichts dergleichen entschieden, bitte prüfen",
    ),
    (
        "link",
        r"the reply names (?P<what>.+) as a contact channel",
        "die Antwort nennt {what} als Kontaktweg; er gehört nicht dem Unternehmen und steht in "
        "keiner vertrauenswürdigen Quelle",
    ),
    (
        "unsupported_claim",
        r"the reply gives out data of someone else \((?P<what>.*)\); drafter has no",
        "die Antwort gibt Daten einer anderen Person heraus ({what}); drafter hat keine "
        "Kundendaten, und fremde Daten werden nie weitergegeben",
    ),
    (
        "credentials",
        r"the reply asks the customer for secret data \((?P<what>.*)\)",
        "die Antwort fragt die Kundschaft nach geheimen Daten ({what}); eine Service-Antwort "
        "tut das nie",
    ),
    (
        "credentials",
        r"the reply gives out a secret \((?P<what>.*)\); drafter never knows one",
        "die Antwort nennt ein Geheimnis ({what}); drafter kennt keins, bitte die Herkunft prüfen",
    ),
]
