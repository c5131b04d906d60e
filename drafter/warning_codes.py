"""The English and German names, and the German general description, of every warning code.

Owns `EN_LABELS` and `DE_CODES`, the catalogue drafter.warning_text reads for
`label(code)` and for the fallback German text of a message no pattern knows. The code itself
(`kb_gap`) is what DRAFTER_ACK_REQUIRED_WARNINGS takes; the help (f1) lists label and code.
tests/tui/test_warning_text.py checks that every code the core can emit has an entry in both.
"""

from __future__ import annotations

from drafter.i18n import language

#: code -> (short German label, general German description)
DE_CODES: dict[str, tuple[str, str]] = {
    "kb_gap": (
        "Wissenslücke",
        "Die Wissensdatenbank hat keinen passenden Artikel; der Entwurf fragt nach Details, "
        "statt zu antworten",
    ),
    "kb_partial": (
        "Teilantwort",
        "das Modell fand in den zitierten Artikeln nur einen Teil der Antwort; vor dem Senden "
        "prüfen, was der Entwurf offen lässt",
    ),
    "emergency": (
        "Notfall",
        "möglicher Notfall: prüfen, ob die Antwort zuerst auf die Notfall-Hotline verweist",
    ),
    "template_draft": (
        "Vorlagenentwurf",
        "ohne Sprachmodell; Sätze wörtlich aus den Artikeln übernommen: vor dem Senden lesen "
        "und anpassen",
    ),
    "model_failed": (
        "Modell fehlgeschlagen",
        "das Sprachmodell ist fehlgeschlagen; dies ist stattdessen ein Vorlagenentwurf",
    ),
    "body_truncated": (
        "E-Mail gekürzt",
        "die E-Mail ist sehr lang; nur ihr Anfang wurde für Suche und Entwurf genutzt: vor "
        "dem Senden die ganze E-Mail lesen",
    ),
    "register_sie_kept": (
        "Sie beibehalten",
        "die Kundin oder der Kunde schreibt „du“, aber ein übernommener Satz ließ sich nicht "
        "sicher ins Du setzen; der Vorlagenentwurf bleibt beim „Sie“. Bei Bedarf von Hand "
        "umstellen",
    ),
    "greeting": (
        "Anrede fehlt",
        "der Entwurf beginnt ohne Anrede; bitte eine ergänzen (z. B. „Sehr geehrte Frau …,“ / "
        "„Dear Ms …,“)",
    ),
    "sign_off": (
        "Grußformel fehlt",
        "der Entwurf hat keine Grußformel (z. B. „Mit freundlichen Grüßen“ / „Kind regards“); "
        "bitte vor der Signatur ergänzen",
    ),
    "register": (
        "Du/Sie",
        "Anrede oder Text passen nicht zum Du/Sie der Kundin oder des Kunden; bitte anpassen",
    ),
    "unsupported_claim": (
        "unbelegte Aussage",
        "der Entwurf enthält etwas, das in keiner Quelle und nicht in der E-Mail steht",
    ),
    "bad_citation": (
        "falsche Quellenangabe",
        "der Entwurf nennt eine Quelle, die nicht gefunden wurde",
    ),
    "wrong_language": ("falsche Sprache", "der Entwurf ist nicht in der Sprache der Kundschaft"),
    "placeholder": (
        "Platzhalter",
        "ein Platzhalter wurde nicht ersetzt (vom Modell erfunden oder verändert)",
    ),
    "truncated": (
        "abgeschnitten",
        "das Modell hat die Längengrenze erreicht; die Antwort endet mitten im Text",
    ),
    "empty": ("leer", "der Entwurf ist leer oder fast leer"),
    "injection": (
        "Anweisung im Entwurf",
        "der Entwurf folgt möglicherweise einer Anweisung an das Modell; prüfen, ob er beim "
        "Thema bleibt",
    ),
    "garbled": (
        "unleserlich",
        "Wörter wirken verwürfelt oder codiert; die Antwort folgt vielleicht in der E-Mail "
        "versteckten Anweisungen",
    ),
    "link": (
        "fremder Kontakt",
        "die Antwort verweist auf eine Adresse, einen Link oder eine Telefonnummer, die weder "
        "dem Unternehmen gehört noch in einer vertrauenswürdigen Quelle steht",
    ),
    "payment": (
        "Zahlung",
        "die Antwort nennt einen Zahlungsweg oder eine Bankverbindung, die keine "
        "vertrauenswürdige Quelle nennt",
    ),
    "commitment": (
        "Zusage",
        "die Antwort sagt etwas zu oder behauptet, etwas sei schon erledigt; drafter hat "
        "nichts dergleichen getan, bitte prüfen",
    ),
    "credentials": (
        "Zugangsdaten",
        "die Antwort fragt nach geheimen Daten; eine Service-Antwort tut das nie",
    ),
}

#: code -> short English label (the English desk's name for the kind)
EN_LABELS: dict[str, str] = {
    "kb_gap": "Knowledge gap",
    "kb_partial": "Partial answer",
    "emergency": "Emergency",
    "template_draft": "Template draft",
    "model_failed": "Model failed",
    "body_truncated": "Email shortened",
    "register_sie_kept": "'Sie' kept",
    "greeting": "No greeting",
    "sign_off": "No closing",
    "register": "Du/Sie",
    "unsupported_claim": "Unsupported claim",
    "bad_citation": "Wrong citation",
    "wrong_language": "Wrong language",
    "placeholder": "Placeholder",
    "truncated": "Cut off",
    "empty": "Empty",
    "injection": "Instruction in draft",
    "garbled": "Garbled",
    "link": "Unknown contact",
    "payment": "Payment",
    "commitment": "Commitment",
    "credentials": "Credentials",
}


def label(code: str) -> str:
    """The kind of warning as shown in the interface language (here, below the tables, so that
    drafter.error_text and drafter.warning_text, which translate each other's texts,
    both take it without importing each other)."""
    if language() == "de" and code in DE_CODES:
        return DE_CODES[code][0]
    return EN_LABELS.get(code, code)  # a code added later shows as itself
