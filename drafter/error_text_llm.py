"""The language model's errors in German, for drafter.error_text (data only): each message
and hint drafter.drafting (llm, engine, writers) writes when the endpoint is down, refuses or
breaks off, as (English pattern, German text) with the values by group name. A desk with a
model shows them whenever the endpoint fails, in a notification or as the reason in the
`model_failed` warning of the template draft written instead; before, the German desk read
"Das Sprachmodell ist fehlgeschlagen … Details: cannot connect to the model endpoint …"."""

from __future__ import annotations

# the language model's errors (drafter.drafting.llm, engine, writers): a desk with a model
# shows them whenever the endpoint is down, in a notification or in the `model_failed`
# warning of the template draft written instead
LLM_MESSAGES: list[tuple[str, str]] = [
    (
        r"the model endpoint (?P<url>\S+) rejected the API key \(401\)",
        "Der Modell-Endpunkt {url} hat den API-Schlüssel abgelehnt (401)",
    ),
    (
        r"the API key may not use model (?P<model>.+?) at (?P<url>\S+) \(403\)",
        "Der API-Schlüssel darf das Modell {model} bei {url} nicht nutzen (403)",
    ),
    (
        r"model (?P<model>.+?) or the chat endpoint was not found at (?P<url>\S+) \(404\)",
        "Das Modell {model} oder der Chat-Endpunkt wurde bei {url} nicht gefunden (404)",
    ),
    (
        r"the model endpoint (?P<url>\S+) is rate limiting requests \(429\)",
        "Der Modell-Endpunkt {url} nimmt gerade nicht so viele Anfragen an (429)",
    ),
    (
        r"the model endpoint (?P<url>\S+) refused the request \(400\): (?P<detail>.*)",
        "Der Modell-Endpunkt {url} hat die Anfrage abgelehnt (400): {detail}",
    ),
    (
        r"the model endpoint (?P<url>\S+) failed with HTTP (?P<code>\d+)",
        "Der Modell-Endpunkt {url} meldet einen Fehler (HTTP {code})",
    ),
    (
        r"the model endpoint (?P<url>\S+) did not answer in time",
        "Der Modell-Endpunkt {url} hat nicht rechtzeitig geantwortet",
    ),
    (
        r"cannot connect to the model endpoint (?P<url>\S+)",
        "Keine Verbindung zum Modell-Endpunkt {url}",
    ),
    (
        r"the model endpoint (?P<url>\S+) sent an error: (?P<detail>.*)",
        "Der Modell-Endpunkt {url} hat einen Fehler gemeldet: {detail}",
    ),
    (
        r"the model stream from (?P<url>\S+) stalled: no data for (?P<s>[\d.]+) s",
        "Der Modell-Endpunkt {url} hat {s} s lang nichts mehr gesendet",
    ),
    (
        r"no complete answer from the model endpoint (?P<url>\S+) within (?P<s>[\d.]+) s",
        "Keine vollständige Antwort vom Modell-Endpunkt {url} innerhalb von {s} s",
    ),
    (
        r"the model stream from (?P<url>\S+) ended before the reply was complete",
        "Die Antwort vom Modell-Endpunkt {url} brach vor dem Ende ab",
    ),
    (
        r"the model's content filter stopped the reply",
        "Der Inhaltsfilter des Modells hat die Antwort gestoppt",
    ),
    (
        r"rewriting a draft needs a language model, and none is configured",
        "Umschreiben braucht ein Sprachmodell, und keines ist eingerichtet",
    ),
]
LLM_HINTS: list[tuple[str, str]] = [
    (r"^check DRAFTER_LLM_API_KEY$", "DRAFTER_LLM_API_KEY prüfen"),
    (
        r"check DRAFTER_LLM_API_KEY and DRAFTER_LLM_MODEL",
        "DRAFTER_LLM_API_KEY und DRAFTER_LLM_MODEL prüfen",
    ),
    (
        r"check DRAFTER_LLM_MODEL \(and that DRAFTER_LLM_BASE_URL ends in /v1\)",
        "DRAFTER_LLM_MODEL prüfen (und ob DRAFTER_LLM_BASE_URL auf /v1 endet)",
    ),
    (
        r"try again later, or raise DRAFTER_LLM_MAX_RETRY_AFTER",
        "Später erneut versuchen oder DRAFTER_LLM_MAX_RETRY_AFTER (und "
        "DRAFTER_LLM_TOTAL_TIMEOUT) erhöhen",
    ),
    (
        r"check DRAFTER_LLM_MODEL and DRAFTER_LLM_MAX_TOKENS for this server",
        "DRAFTER_LLM_MODEL und DRAFTER_LLM_MAX_TOKENS für diesen Server prüfen",
    ),
    (
        r"the server is having problems; try again later",
        "Der Server hat Probleme; später erneut versuchen oder seine Protokolle prüfen",
    ),
    (
        r"is the server at (?P<url>\S+) overloaded\?",
        "Ist der Server {url} überlastet? Bei einem langsamen Server "
        "DRAFTER_LLM_STALL_TIMEOUT erhöhen",
    ),
    (
        r"is the server running at (?P<url>\S+)\? check DRAFTER_LLM_BASE_URL",
        "Läuft der Server unter {url}? DRAFTER_LLM_BASE_URL prüfen",
    ),
    (
        r"is the server running at (?P<url>\S+)\? raise DRAFTER_LLM_TOTAL_TIMEOUT",
        "Läuft der Server unter {url}? Für langsame lokale Modelle DRAFTER_LLM_TOTAL_TIMEOUT "
        "erhöhen",
    ),
    (
        r"try again; if it persists check the server's logs",
        "Erneut versuchen; wenn es bleibt, die Protokolle des Servers prüfen",
    ),
    (
        r"the server may be overloaded; try again, or raise DRAFTER_LLM_STALL_TIMEOUT",
        "Der Server ist vielleicht überlastet; erneut versuchen oder DRAFTER_LLM_STALL_TIMEOUT "
        "erhöhen",
    ),
    (
        r"the connection dropped or the server crashed; try again",
        "Die Verbindung brach ab oder der Server ist abgestürzt; erneut versuchen",
    ),
    (
        r"write this reply by hand, or try again with --no-llm",
        "Diese Antwort von Hand schreiben oder mit --no-llm einen Vorlagenentwurf erzeugen",
    ),
    (
        r"set DRAFTER_LLM_MODEL and DRAFTER_LLM_BASE_URL, or edit the draft by hand",
        "DRAFTER_LLM_MODEL und DRAFTER_LLM_BASE_URL setzen oder den Entwurf von Hand bearbeiten",
    ),
]
