"""The command line's commonest core errors in German, for drafter.error_text (data only): the
mailbox (drafter.mail.imap: connecting, logging in, the folders `drafter inbox check` looks
at), mail files (drafter.mail.sources: what `inbox import`, `mail parse` and `draft` read), the
knowledge-base index (`kb search`, `draft` and `inbox draft` before `kb ingest`) and the prompt
templates, as (English pattern, German text) with the values by group name. Before, a German
command line said "Die E-Mail ließ sich nicht lesen, erstellen oder senden. Details: the IMAP
server … rejected the login …"."""

from __future__ import annotations

CLI_MESSAGES: list[tuple[str, str]] = [
    # drafter.config (the reason is pydantic's, English)
    (r"invalid setting (?P<name>[A-Z_0-9]+): (?P<why>.*)", "Ungültige Einstellung {name}: {why}"),
    # drafter.mail.imap
    ("no IMAP server configured", "Kein IMAP-Server eingerichtet"),
    (r"DRAFTER_IMAP_USER is empty", "DRAFTER_IMAP_USER ist leer"),
    (
        r"the IMAP server (?P<where>\S+) does not offer STARTTLS",
        "Der IMAP-Server {where} bietet kein STARTTLS an",
    ),
    (
        r"cannot resolve the IMAP server name (?P<host>.+?) \(DNS\): (?P<why>.*)",
        "Der Name des IMAP-Servers {host} lässt sich nicht auflösen (DNS): {why}",
    ),
    (
        r"the TLS certificate of (?P<where>\S+) is not trusted: (?P<why>.*)",
        "Dem TLS-Zertifikat von {where} wird nicht vertraut: {why}",
    ),
    (r"TLS with (?P<where>\S+) failed: (?P<why>.*)", "TLS mit {where} ist fehlgeschlagen: {why}"),
    (
        r"the IMAP server (?P<where>\S+) refused the connection",
        "Der IMAP-Server {where} hat die Verbindung abgelehnt",
    ),
    (
        r"no answer from the IMAP server (?P<where>\S+) within (?P<secs>[\d.]+) s",
        "Keine Antwort vom IMAP-Server {where} innerhalb von {secs} s",
    ),
    (
        r"cannot talk to the IMAP server (?P<where>\S+): (?P<why>.*)",
        "Keine Verständigung mit dem IMAP-Server {where}: {why}",
    ),
    (
        r"the IMAP server (?P<where>\S+) refused the OAuth2 token for (?P<user>.+?): (?P<why>.*)",
        "Der IMAP-Server {where} hat das OAuth2-Token für {user} abgelehnt: {why}",
    ),
    (
        r"DRAFTER_IMAP_SECURITY=none would send the password unencrypted",
        "DRAFTER_IMAP_SECURITY=none würde das Passwort unverschlüsselt senden",
    ),
    (
        r"the IMAP server (?P<where>\S+) rejected the login for (?P<user>.+?): (?P<why>.*)",
        "Der IMAP-Server {where} hat die Anmeldung für {user} abgelehnt: {why}",
    ),
    (
        r"the folder (?P<folder>.+?) does not exist on (?P<where>\S+)",
        "Den Ordner {folder} gibt es auf {where} nicht",
    ),
    (
        r"the mailbox has no \\Sent folder, so replies cannot be filed",
        "Das Postfach hat keinen Gesendet-Ordner (\\Sent); Antworten können nicht abgelegt werden",
    ),
    (
        r"DRAFTER_IMAP_FOLDERS includes the Sent folder (?P<folder>.+)",
        "DRAFTER_IMAP_FOLDERS enthält den Gesendet-Ordner {folder}",
    ),
    (
        r"DRAFTER_IMAP_MOVE_TO names a folder that does not exist: (?P<folder>.+)",
        "DRAFTER_IMAP_MOVE_TO nennt einen Ordner, den es nicht gibt: {folder}",
    ),
    (
        r"the IMAP server (?P<where>\S+) does not support IDLE",
        "Der IMAP-Server {where} unterstützt kein IDLE",
    ),
    # drafter.mail.sources
    (
        r"(?P<path>.+) does not look like an email \(no From, To, Subject or Date header\)",
        "{path} sieht nicht nach einer E-Mail aus (keine From-, To-, Subject- oder Date-Kopfzeile)",
    ),
    (r"mail source not found: (?P<path>.+)", "E-Mail-Quelle nicht gefunden: {path}"),
    (r"cannot read folder (?P<path>.+?): (?P<why>.*)", "Ordner {path} nicht lesbar: {why}"),
    (
        r"cannot read message (?P<name>.+?) in Maildir (?P<path>.+?): (?P<why>.*)",
        "Nachricht {name} im Maildir {path} nicht lesbar: {why}",
    ),
    (r"cannot read Maildir (?P<path>.+?): (?P<why>.*)", "Maildir {path} nicht lesbar: {why}"),
    (r"cannot read mbox (?P<path>.+?): (?P<why>.*)", "mbox {path} nicht lesbar: {why}"),
    # drafter.knowledge
    (
        r"no knowledge-base index in (?P<where>.+?) \(only one of an older drafter version\)",
        "Kein Index der Wissensdatenbank in {where} (nur einer einer älteren drafter-Version)",
    ),
    (
        r"no knowledge-base index in (?P<where>.+)",
        "Kein Index der Wissensdatenbank in {where}",
    ),
    (
        r"the index in (?P<where>.+?) was built with (?P<built>.+?), but the settings ask for "
        r"(?P<wanted>.+)",
        "Der Index in {where} wurde mit {built} gebaut, die Einstellungen verlangen aber {wanted}",
    ),
    (
        r"the index in (?P<where>.+?) is damaged \((?P<why>.*)\)",
        "Der Index in {where} ist beschädigt ({why})",
    ),
    (
        r"the index in (?P<where>.+?) is being updated by (?P<who>.+?) "
        r"\(still busy after (?P<wait>\d+) s\)",
        "Der Index in {where} wird gerade von {who} aktualisiert (nach {wait} s noch belegt)",
    ),
    (
        r"the index in (?P<where>.+?) is in use by another drafter process "
        r"\(still busy after (?P<wait>\d+) s\)",
        "Der Index in {where} wird von einem anderen drafter-Prozess benutzt "
        "(nach {wait} s noch belegt)",
    ),
    (
        r"no knowledge-base articles found in the given paths(?P<found>.*)",
        "In den angegebenen Pfaden wurden keine Artikel gefunden{found}",
    ),
    # drafter.drafting.prompts
    (
        r"no prompt template named (?P<name>.+?) in (?P<where>.+)",
        "Keine Prompt-Vorlage namens {name} in {where}",
    ),
    (
        r"cannot read prompt template (?P<path>.+?): (?P<why>.*)",
        "Prompt-Vorlage {path} nicht lesbar: {why}",
    ),
    (
        r"prompts folder (?P<path>.+) does not exist",
        "Der Prompt-Ordner {path} existiert nicht",
    ),
]

CLI_HINTS: list[tuple[str, str]] = [
    (
        r"fix (?P<name>[A-Z_0-9]+) in your environment \(export a valid value or unset it\)",
        "{name} in der Umgebung korrigieren (einen gültigen Wert exportieren oder die Variable "
        "entfernen; siehe .env.example)",
    ),
    (
        r"fix (?P<name>[A-Z_0-9]+) in your environment or \.env file",
        "{name} in der Umgebung oder der .env-Datei korrigieren (siehe .env.example)",
    ),
    (
        r"fix (?P<name>[A-Z_0-9]+) in (?P<where>.+?) \(see \.env\.example\)",
        "{name} in {where} korrigieren (siehe .env.example)",
    ),
    (
        r"fix the value in your environment or \.env file",
        "Den Wert in der Umgebung oder der .env-Datei korrigieren",
    ),
    (
        r"set DRAFTER_IMAP_HOST, DRAFTER_IMAP_USER and DRAFTER_IMAP_PASSWORD",
        "DRAFTER_IMAP_HOST, DRAFTER_IMAP_USER und DRAFTER_IMAP_PASSWORD setzen (oder "
        "DRAFTER_IMAP_AUTH=oauth2); siehe „Connecting your mailbox“ im README",
    ),
    (r"set the mailbox's login name", "Den Anmeldenamen des Postfachs setzen"),
    (
        r"use DRAFTER_IMAP_SECURITY=ssl \(usually port 993\)",
        "DRAFTER_IMAP_SECURITY=ssl verwenden (meist Port 993)",
    ),
    (
        r"check DRAFTER_IMAP_HOST for typos and that this machine has DNS",
        "DRAFTER_IMAP_HOST auf Tippfehler prüfen und ob dieser Rechner DNS hat",
    ),
    (
        r"check DRAFTER_IMAP_HOST is the name on the certificate",
        "Prüfen, ob DRAFTER_IMAP_HOST der Name im Zertifikat ist; für eine eigene "
        "Zertifizierungsstelle DRAFTER_IMAP_CA_FILE setzen",
    ),
    (
        r"DRAFTER_IMAP_SECURITY=ssl needs a TLS port \(993\); starttls needs 143",
        "DRAFTER_IMAP_SECURITY=ssl braucht einen TLS-Port (993); starttls braucht 143",
    ),
    (
        r"check DRAFTER_IMAP_HOST and DRAFTER_IMAP_PORT, and that the server runs",
        "DRAFTER_IMAP_HOST und DRAFTER_IMAP_PORT prüfen und ob der Server läuft",
    ),
    (
        r"check DRAFTER_IMAP_HOST/DRAFTER_IMAP_PORT and any firewall",
        "DRAFTER_IMAP_HOST/DRAFTER_IMAP_PORT und eine Firewall prüfen",
    ),
    (
        r"check DRAFTER_IMAP_HOST, DRAFTER_IMAP_PORT and DRAFTER_IMAP_SECURITY",
        "DRAFTER_IMAP_HOST, DRAFTER_IMAP_PORT und DRAFTER_IMAP_SECURITY prüfen",
    ),
    (
        r"use ssl or starttls; none is for loopback test servers only",
        "ssl oder starttls verwenden; none ist nur für lokale Testserver",
    ),
    (
        r"check DRAFTER_IMAP_USER and DRAFTER_IMAP_PASSWORD",
        "DRAFTER_IMAP_USER und DRAFTER_IMAP_PASSWORD prüfen (Microsoft 365 und Gmail brauchen "
        "DRAFTER_IMAP_AUTH=oauth2 oder ein App-Passwort)",
    ),
    (
        r"fix DRAFTER_IMAP_FOLDERS; the server has: (?P<names>.*)",
        "DRAFTER_IMAP_FOLDERS korrigieren; der Server hat: {names}",
    ),
    (
        r"create a Sent folder",
        "Einen Gesendet-Ordner anlegen (oder einen mit der Sonderverwendung \\Sent markieren)",
    ),
    (
        r"remove it: drafter never imports its own sent replies",
        "Ihn entfernen: drafter importiert seine eigenen gesendeten Antworten nie als Kundenpost",
    ),
    (
        r"create the folder or fix DRAFTER_IMAP_MOVE_TO",
        "Den Ordner anlegen oder DRAFTER_IMAP_MOVE_TO korrigieren",
    ),
    (
        r"`drafter inbox watch` will poll every (?P<secs>[\d.]+) s instead",
        "`drafter inbox watch` fragt stattdessen alle {secs} s nach "
        "(DRAFTER_IMAP_POLL_SECONDS); neue Post kommt entsprechend später an",
    ),
    (
        r"give a \.eml file \(header lines such as",
        "Eine .eml-Datei angeben (Kopfzeilen wie `From:` und `Subject:`, eine Leerzeile, dann "
        "der Text) oder mit --text die ganze Datei als Nachricht des Kunden nehmen",
    ),
    (
        r"give a \.eml file \(header lines, a blank line",
        "Eine .eml-Datei angeben (Kopfzeilen, eine Leerzeile, dann der Text), einen Ordner "
        "davon, ein Maildir oder eine mbox-Datei",
    ),
    (
        r"pass a folder of \.eml files, a Maildir",
        "Einen Ordner mit .eml-Dateien, ein Maildir (mit cur/ und new/) oder eine mbox-Datei "
        "angeben",
    ),
    (r"check that the folder is readable", "Prüfen, ob der Ordner lesbar ist"),
    (r"^check the path$", "Den Pfad prüfen"),
    (
        r"run `drafter kb ingest --rebuild`",
        "`drafter kb ingest --rebuild` ausführen (`drafter doctor` zeigt, was nicht stimmt)",
    ),
    (
        r"run `drafter kb ingest` to rebuild the index with the configured model",
        "`drafter kb ingest` ausführen, um den Index mit dem eingestellten Modell neu zu bauen",
    ),
    (r"^run `drafter kb ingest`$", "`drafter kb ingest` ausführen"),
    (
        r"try again when `drafter kb ingest` has finished",
        "Erneut versuchen, wenn `drafter kb ingest` fertig ist",
    ),
    (
        r"try again when the other drafter command has finished",
        "Erneut versuchen, wenn der andere drafter-Befehl fertig ist",
    ),
    (
        r"pass folders or files with \.md, \.html, \.txt or \.jsonl articles",
        "Ordner oder Dateien mit .md-, .html-, .txt- oder .jsonl-Artikeln angeben",
    ),
    (r"check that the file exists and is UTF-8", "Prüfen, ob die Datei existiert und UTF-8 ist"),
    (r"check that the file exists", "Prüfen, ob die Datei existiert"),
    (
        r"available templates: (?P<names>.+?); pick one with --prompt or DRAFTER_PROMPT",
        "Vorhandene Vorlagen: {names}; eine mit --prompt oder DRAFTER_PROMPT wählen",
    ),
    (
        r"set DRAFTER_PROMPTS_DIR to the folder",
        "DRAFTER_PROMPTS_DIR auf den Ordner mit Ihren *.md-Vorlagen setzen",
    ),
]
