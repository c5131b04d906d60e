"""The German half of the desk's string catalogue (drafter.i18n holds the English one and
the lookup); the keys must match the English ones (tests/tui/test_i18n.py)."""

from __future__ import annotations

DE: dict[str, str] = {
    "title": "drafter Bearbeitungsplatz",
    "subtitle.agent": "Bearbeiter: {agent}",
    "close": "Schließen",
    "error": "Fehler",
    "hint": "Tipp",
    "loading": "wird geladen …",
    "reason.required": "bitte einen Grund angeben",
    "key.help": "Hilfe: alle Tasten",
    "key.help.short": "Hilfe",
    "key.command_palette": "Befehlspalette",
    "palette.placeholder": "Befehl oder Taste suchen …",
    "palette.theme": "Farbschema",
    "palette.theme.help": "Die Farben des Bearbeitungsplatzes ändern",
    "palette.maximize": "Vergrößern",
    "palette.maximize.help": "Den ausgewählten Bereich allein zeigen",
    "palette.minimize": "Verkleinern",
    "palette.minimize.help": "Zurück zur normalen Ansicht",
    "palette.screenshot": "Bildschirmfoto",
    "palette.screenshot.help": "Den Bildschirm als SVG-Datei speichern",
    "key.quit": "Beenden (speichert den offenen Entwurf)",
    "key.quit.short": "Beenden",
    "key.stats": "Statistik (die Zahlen von drafter report)",
    "key.open": "Ausgewählte E-Mail öffnen",
    "key.open.short": "Öffnen",
    "key.search": "Absender und Betreff durchsuchen",
    "key.search.short": "Suche",
    "key.filter": "Statusfilter wechseln",
    "key.filter.short": "Filter",
    "key.refresh": "Liste neu laden",
    "key.refresh.short": "Neu laden",
    "key.claim_selected": "Ausgewählte E-Mail übernehmen oder freigeben",
    "key.claim_selected.short": "Übernehmen",
    "key.clear_search": "Suche leeren",
    "key.back": "Zurück zur Liste (speichert)",
    "key.back.short": "Zurück",
    "key.save": "Entwurf speichern",
    "key.save.short": "Speichern",
    "key.regenerate": "Entwurf neu erzeugen",
    "key.regenerate.short": "Neu",
    "key.rewrite": "Mit einer Anweisung umschreiben",
    "key.rewrite.short": "Umschreiben",
    "key.rewrite.off": "Umschreiben: kein Modell",
    "key.versions": "Zu einer früheren Fassung zurück",
    "key.versions.short": "Fassungen",
    "key.open_source": "Ausgewählten zitierten Artikel öffnen",
    "key.open_source.short": "Quelle",
    "key.toggle_redacted": "Zeigen, was das Modell gesehen hat",
    "key.toggle_redacted.short": "Modellsicht",
    "key.claim": "Diese E-Mail übernehmen oder freigeben",
    "key.claim.short": "Übernehmen",
    "key.reject": "Mit Begründung ablehnen",
    "key.reject.short": "Ablehnen",
    "key.approve_send": "Freigeben und senden",
    "key.approve_send.short": "Senden",
    "key.reopen": "Abgelehnte E-Mail wieder öffnen (mit Begründung)",
    "key.reopen.short": "Wieder öffnen",
    "key.conversation": "Frühere E-Mails des Verlaufs zeigen",
    "key.conversation.short": "Verlauf",
    "key.reload_stats": "Neu laden",
    "key.next_warning": "Text der nächsten Warnung markieren",
    "key.next_warning.short": "Warnung",
    "col.age": "Alter",
    "age.days": "{d} T {h}h",
    "age.days.short": "{d} T",
    "col.sender": "Absender",
    "col.subject": "Betreff",
    "col.lang": "Spr.",
    "col.reason": "Anliegen",
    "col.status": "Status",
    "status.all": "alle",
    "status.open": "offen",
    "status.new": "neu",
    "status.drafting": "in Arbeit",
    "status.ready": "bereit",
    "status.in_review": "in Prüfung",
    "status.needs_attention": "Klärung nötig",
    "status.sent": "gesendet",
    "status.rejected": "abgelehnt",
    "status.failed": "fehlgeschlagen",
    "queue.filter": "Status: {status}",
    "queue.count.one": "{n} E-Mail",
    "queue.count.many": "{n} E-Mails",
    "queue.search": "Absender oder Betreff suchen  ( / )",
    "queue.loading_models": "Entwürfe: Modelle werden geladen …",
    "queue.no_subject": "(kein Betreff)",
    "queue.claimed": "E-Mail {id} übernommen",
    "queue.released": "E-Mail {id} freigegeben",
    "contact.abschlag": "Abschlag",
    "contact.zaehlerstand": "Zählerstand",
    "contact.umzug": "Umzug",
    "contact.tarifwechsel": "Tarifwechsel",
    "contact.kuendigung": "Kündigung",
    "contact.rechnung": "Rechnung",
    "contact.zahlung": "Zahlung",
    "contact.stoerung": "Störung",
    "contact.termin": "Termin",
    "contact.kundenportal": "Kundenportal",
    "contact.datenschutz": "Datenschutz",
    "contact.beschwerde": "Beschwerde",
    "contact.sonstiges": "Sonstiges",
    "email.from": "Von",
    "email.received": "Eingang",
    "email.language": "Sprache",
    "email.reason": "Anliegen",
    "email.status": "Status",
    "email.claimed_by": "übernommen von {agent}",
    "email.held": "{message} (nur lesen)",
    "email.more": "↓ mehr: Umschalt+Tab, Bild ab",
    "email.held.short": "nur lesen",
    "email.no_body": "(kein Text)",
    "email.quoted": "Zitierter Verlauf",
    "email.signature": "Signatur",
    "email.conversation": "Verlauf: {n} frühere Nachricht(en) in diesem Vorgang",
    "email.conversation.none": "Verlauf: keine früheren Nachrichten in diesem Vorgang",
    "email.conversation.later": "Verlauf: {n} frühere und {later} spätere Nachricht(en) in "
    "diesem Vorgang",
    "email.turn.customer": "{when}  Kunde {sender}",
    "email.turn.reply": "{when}  unsere Antwort",
    "email.sources": "Quellen (Strg+O öffnet)",
    "email.model_saw": "Was das Modell gesehen hat",
    "draft.header": "Entwurf {status} · {kind}",
    "draft.kind.template": "Vorlagen-Entwurf, ohne Sprachmodell",
    "draft.kind.model": "Modell",
    "draft.generated": "erzeugt",
    "draft.drafting": "Entwurf wird erstellt …",
    "draft.loading": "Wissensbasis und Modelle werden für den ersten Entwurf geladen …",
    "draft.failed": "Entwurf fehlgeschlagen: {message}",
    "draft.saved": "Entwurf v{n} · gespeichert",
    "draft.undone": "Entwurf v{n} · Änderung zurückgenommen, keine neue Fassung",
    "draft.read_only": "{status}: nur lesen",
    "draft.read_only.rejected": "abgelehnt: nur lesen (F4 öffnet wieder)",
    "draft.sent_by": "gesendet: {when}, freigegeben von {agent} · nur lesen",
    "draft.rejected_by": "abgelehnt von {agent}, {when}: {reason} · nur lesen (F4 öffnet wieder)",
    "error.claimed.handled": "E-Mail {id} wird seit {since} von {agent} bearbeitet",
    "error.claimed.drafted": "E-Mail {id} wird seit {since} von {agent} entworfen",
    "email.held.handled": "wird seit {since} von {agent} bearbeitet",
    "email.held.drafted": "wird seit {since} von {agent} entworfen",
    "source.generated": "erzeugt",
    "source.rewrite": "umgeschrieben",
    "source.edit": "bearbeitet",
    "notify.saved": "als Fassung {n} gespeichert",
    "notify.nothing_to_save": "nichts zu speichern",
    "notify.already_drafting": "für diese E-Mail wird schon ein Entwurf erstellt",
    "notify.wait": "bitte warten, bis der Entwurf fertig ist",
    "notify.no_versions": "noch keine gespeicherten Fassungen",
    "notify.restored": "Fassung {n} wiederhergestellt",
    "notify.no_sources": "dieser Entwurf zitiert keine Quellen",
    "notify.final": "diese E-Mail ist {status}; sie kann nicht mehr geändert werden",
    "notify.no_model": "Umschreiben braucht ein Sprachmodell, und keines ist eingerichtet",
    "notify.no_model.hint": "DRAFTER_LLM_MODEL und DRAFTER_LLM_BASE_URL setzen oder von Hand "
    "bearbeiten",
    "notify.empty": "der Entwurf ist leer",
    "notify.sent": "an {to}, {where}",
    "notify.sent.title": "Antwort gesendet",
    "notify.already_sent.title": "schon gesendet: nicht noch einmal",
    "send.via.outbox": "abgelegt in {location}",
    "send.via.smtp": "über {location}",
    "notify.rejected": "abgelehnt: {reason}",
    "notify.free_now": "{agent} hat die E-Mail abgegeben: Sie bearbeiten sie jetzt",
    "notify.claimed": "übernommen",
    "notify.released": "freigegeben",
    "notify.claim_expired": (
        "Ihre Übernahme dieser E-Mail ist abgelaufen: {message}. Noch nicht gespeicherter "
        "Text bleibt zum Kopieren im Editor"
    ),
    "reopen.title": "Diese E-Mail wieder öffnen: warum? (Enter bestätigt, Esc bricht ab)",
    "reopen.placeholder": "z. B. Kunde hat zurückgerufen, versehentlich abgelehnt",
    "reopen.done": "wieder geöffnet: {reason}",
    "help.title": "Tasten  (änderbar in DRAFTER_KEYBINDINGS_FILE, siehe docs/tui.md)",
    "help.key": "Taste",
    "help.action": "Aktion",
    "help.name": "Name in der Tastendatei",
    "help.scope.app": "Überall",
    "help.scope.queue": "Liste",
    "help.scope.email": "E-Mail und Entwurf",
    "help.editor": "Im Editor",
    "help.undo": "Einen Schritt rückgängig, wiederholen",
    "help.clipboard": "Ausschneiden, kopieren, einfügen",
    "help.select_all": "Alles auswählen",
    "help.move": "In der Liste oder im Editor bewegen",
    "help.warnings": "Warnungen",
    "help.warnings.note": "der Name rechts ist, was DRAFTER_ACK_REQUIRED_WARNINGS erwartet",
    "rewrite.title": "Entwurf umschreiben",
    "rewrite.free": "oder eine Anweisung eingeben und Enter drücken",
    "rewrite.shorter": "Formuliere die Antwort kürzer.",
    "rewrite.friendlier": "Formuliere die Antwort freundlicher.",
    "rewrite.formal": "Formuliere die Antwort förmlicher.",
    "rewrite.sie": "Sieze die Kundin oder den Kunden (Sie-Form).",
    "rewrite.du": "Duze die Kundin oder den Kunden (Du-Form).",
    "rewrite.translate_en": "Übersetze die Antwort auf Englisch.",
    "rewrite.translate_de": "Übersetze die Antwort auf Deutsch.",
    "versions.title": "Zu einer früheren Fassung zurück (wird als neue Bearbeitung gespeichert)",
    "versions.first": "erste Fassung",
    "versions.same": "keine Änderung",
    "versions.changed": "{n} Zeile(n) geändert",
    "confirm.title": "Diese Antwort freigeben und senden?",
    "confirm.to": "An",
    "confirm.subject": "Betreff",
    "confirm.length": "Länge",
    "confirm.words": "{n} Wörter",
    "confirm.warnings": "Warnungen",
    "confirm.send": "Senden (j)",
    "confirm.cancel": "Abbrechen (n)",
    "confirm.ack_title": "Jede riskante Warnung mit der Leertaste abhaken, um zu senden:",
    "confirm.ack_left": "vor dem Senden jede riskante Warnung abhaken (noch {left} von {total})",
    "notify.no_warning_text": "keine Warnung zeigt auf Text in diesem Entwurf",
    "reject.title": "Diese E-Mail ablehnen: warum? (Enter bestätigt, Esc bricht ab)",
    "reject.placeholder": "z. B. Spam, doppelt, telefonisch erledigt",
    "number.decimal": ",",  # Dezimalzeichen der Zahlen (1,5 min)
    "stats.none": "(ohne)",
    "stats.total": "gesamt",  # the total row of the figures
    "stats.loading": "Zahlen werden geladen …",
    "stats.failed": "die Zahlen konnten nicht geladen werden",
    "stats.empty": "Noch keine gesendeten oder abgelehnten E-Mails. Die Zahlen füllen sich, "
    "sobald Antworten gesendet oder abgelehnt werden; r lädt neu.",
    "stats.no_emails": "Noch keine E-Mails in der Liste: welche importieren (drafter inbox "
    "import) und die Liste bearbeiten.",
    "stats.by_reason": "Nach Anliegen",
    "stats.by_prompt": "Nach Prompt-Version (des ersten Entwurfs)",
    "stats.rejections": "Häufigste Ablehnungsgründe",
    "stats.by_agent": "E-Mails nach Bearbeiter (aus dem Audit-Log)",
    "stats.col.agent": "Name",
    "stats.col.claimed": "übern.",
    "stats.col.edited": "geänd.",
    "stats.col.approved": "freig.",
    "stats.gaps": "Wissenslücken: diese Artikel als Nächstes schreiben",
    "stats.legend": "unverändert: Anteil gesendeter Antworten, die dem ersten Entwurf "
    "gleichen.  Änderungsquote: Median von 1 - Ähnlichkeit von erstem Entwurf und gesendetem "
    "Text.  1. Entwurf: Median der Zeit vom Import bis zum ersten Entwurf.  in Prüfung: Median "
    "der Zeit vom ersten Entwurf bis zum Senden oder Ablehnen.  im Ziel: Anteil der Antworten, "
    "die innerhalb des Antwortzeit-Ziels gesendet wurden, gerechnet vom Datum der E-Mail.",
    "stats.summary": "{emails} E-Mails: {sent} gesendet, {rejected} abgelehnt, {unchanged} "
    "unverändert gesendet, Median-Änderungsquote {ratio}, erster Entwurf nach {first}, in "
    "Prüfung {review}",
    "stats.col.volume": "Menge",
    "stats.col.drafted": "entworfen",
    "stats.col.sent": "gesendet",
    "stats.col.rejected": "abgelehnt",
    "stats.col.unchanged": "unverändert",
    "stats.col.edit_ratio": "Änderung",
    "stats.col.first_draft": "1. Entwurf",
    "stats.col.in_review": "in Prüfung",
    "stats.col.within_goal": "im Ziel",
    "stats.col.reason": "Anliegen",
    "stats.col.prompt": "Prompt",
    "stats.col.reasons": "Ablehnungsgründe",
    "stats.col.rejection": "Grund",
    "stats.col.emails": "E-Mails",
    "stats.col.share": "Anteil der Ablehnungen",
    "stats.col.topic": "Thema (erster Betreff)",
    "stats.col.terms": "Wörter",
    "stats.col.languages": "Sprachen",
    "stats.col.ids": "E-Mail-IDs",
    "stats.col.signals": "erkannt durch",
    "stats.signal.retrieval": "Suche",
    "stats.signal.model": "Modell",
    "stats.no_drafts": "noch keine Entwürfe",
    "stats.no_rejections": "noch keine Ablehnungen",
    "stats.no_gaps": "keine: jeder erste Entwurf hat einen Artikel gefunden",
    # --- command line: messages, report, inbox, queue (drafter.cli)
    "cli.aborted": "abgebrochen",
    "cli.interrupted": "unterbrochen",
    "cli.see_help": "siehe `{command} --help` (Hilfetexte auf Englisch)",
    "cli.click.invalid_value_for": "Ungültiger Wert für",
    "cli.click.invalid_value": "Ungültiger Wert",
    "cli.click.missing_argument": "Fehlendes Argument",
    "cli.click.missing_option": "Fehlende Option",
    "cli.click.missing_parameter": "Fehlender Parameter",
    "cli.click.no_such_option": "Unbekannte Option",
    "cli.click.no_such_command": "Unbekannter Befehl",
    "cli.click.did_you_mean": "Meinten Sie",
    "cli.click.requires_argument": "Option braucht einen Wert",
    "cli.click.not_one_of": "ist keiner der Werte",
    "cli.click.not_integer": "ist keine ganze Zahl",
    "cli.click.not_float": "ist keine Zahl",
    "cli.click.not_exist": "existiert nicht",
    "cli.click.got_unexpected": "Unerwartetes zusätzliches Argument",
    "cli.disk_full": "der Datenträger ist voll: {where} kann nicht geschrieben werden",
    "cli.disk_full.hint": (
        "Speicherplatz freigeben und den Befehl erneut ausführen (nichts wurde halb gespeichert)"
    ),
    "cli.read_only": "{where} kann nicht geschrieben werden: {why}",
    "cli.read_only.hint": (
        "der Datenordner ist schreibgeschützt: ihn beschreibbar machen oder "
        "DRAFTER_DATA_DIR (oder --data-dir) auf einen beschreibbaren Ordner setzen"
    ),
    "cli.data_folder": "der Datenordner",
    "cli.written": "{what} geschrieben: {path}",
    "cli.cannot_write": "{what} {path} kann nicht geschrieben werden: {why}",
    "cli.cannot_write.hint": "mit {option} einen beschreibbaren Dateipfad angeben",
    "cli.what.report": "Bericht",
    "report.what.html": "HTML-Bericht",
    "report.not_a_date": (
        "{value!r} ist kein Datum; bitte als JJJJ-MM-TT schreiben (z. B. 2026-03-01)"
    ),
    "report.until_before_since": "--until liegt vor --since",
    "report.none_in_period": (
        "in diesem Zeitraum wurden keine E-Mails importiert: --since/--until weiter fassen"
    ),
    "report.none_yet": (
        "noch keine E-Mails gespeichert: mit `drafter inbox import PFAD` welche importieren"
    ),
    "report.title.volume": "{emails} E-Mails nach Anliegen (im Ziel: binnen {goal} h gesendet)",
    "report.title.quality": "Änderungen an den Entwürfen nach Anliegen (Mediane)",
    "report.title.prompt_volume": "nach Prompt-Version (des ersten Entwurfs)",
    "report.title.prompt_quality": "Änderungen an den Entwürfen nach Prompt-Version",
    "report.col.reason": "Anliegen",
    "report.col.prompt": "Prompt",
    "report.col.volume": "Menge",
    "report.col.drafted": "entworfen",
    "report.col.sent": "gesendet",
    "report.col.rejected": "abgelehnt",
    "report.col.in_goal": "im Ziel",
    "report.col.unchanged": "unverändert",
    "report.col.edit": "Änderung",
    "report.col.first_draft": "1. Entwurf",
    "report.col.in_review": "in Prüfung",
    "report.rejections": "Ablehnungsgründe",
    "report.col.reasons": "Gründe (E-Mails)",
    "report.rejections.none": "Ablehnungsgründe: keine E-Mail abgelehnt",
    "report.agents": "E-Mails nach Bearbeiter (aus dem Audit-Log)",
    "report.col.agent": "Bearbeiter",
    "report.gaps": "Wissenslücken: diese Artikel als Nächstes schreiben",
    "report.gaps.none": "Wissenslücken: keine gefunden",
    "report.col.emails": "E-Mails",
    "report.col.topic": "Thema",
    "report.col.questions": "Fragen",
    "report.col.raised_by": "erkannt durch",
    "report.col.languages": "Sprachen",
    "report.col.ids": "Nummern",
    "report.html.title": "drafter: Auswertung des Bearbeitungsplatzes",
    "report.html.no_data": "{title}: keine Daten",
    "report.html.intro": (
        "{emails} E-Mails. Änderung: 1 − Ähnlichkeit zwischen dem ersten erzeugten Entwurf "
        "und dem gesendeten Text. Zeiten: Median, vom Import bis zum ersten Entwurf und vom "
        "ersten Entwurf bis zum Senden oder Ablehnen."
    ),
    "report.html.by_reason": "Nach Anliegen",
    "report.html.per_reason": "E-Mails je Anliegen",
    "report.html.unchanged": "Anteil unverändert gesendeter Antworten",
    "report.html.edit": "Median der Änderung",
    "report.html.by_prompt": "Nach Prompt-Version",
    "report.html.unchanged_prompt": "Anteil unverändert gesendet je Prompt",
    "report.html.by_agent": "Nach Bearbeiter",
    "report.html.agents_note": (
        "E-Mails, die jeder Bearbeiter bearbeitet hat (eine mehrfach geöffnete oder "
        "gespeicherte E-Mail zählt einmal)"
    ),
    "report.html.gaps": "Wissenslücken",
    "report.html.gaps_note": (
        "E-Mails, die die Wissensdatenbank nicht beantworten konnte, nach gemeinsamen "
        "Wörtern gruppiert: diese Artikel als Nächstes schreiben. Erkannt durch: Suche "
        "(keine Passage stützt die Frage) und/oder Modell (es fand keine Antwort in den "
        "zitierten Artikeln)."
    ),
    "report.html.per_gap": "E-Mails je Lückenthema",
    "report.html.rejections": "Ablehnungsgründe",
    "report.html.sent_unchanged": "unverändert gesendet",
    "report.html.median_edit": "Median Änderung",
    "report.html.to_first_draft": "bis 1. Entwurf",
    "report.html.within_goal": "im Ziel",
    "report.html.words": "Wörter",
    "report.html.email_ids": "E-Mail-Nummern",
    "inbox.no_such_path": "Datei oder Ordner nicht gefunden: {path}",
    "inbox.no_such_path.hint": (
        "einen Ordner mit .eml-Dateien, ein Maildir oder eine mbox-Datei angeben"
    ),
    "inbox.skipped": "übersprungen: {reason}",
    "inbox.imported": "importiert {imported}, Duplikate {duplicates}, in Quarantäne {quarantined}",
    "inbox.skipped.unreadable": ", übersprungen {n} (unlesbar)",
    "inbox.skipped.not_email": ", übersprungen {n} (keine E-Mail)",
    "inbox.col.id": "Nr.",
    "inbox.col.received": "eingegangen",
    "inbox.col.status": "Status",
    "inbox.col.from": "von",
    "inbox.col.subject": "Betreff",
    "inbox.col.reason": "Anliegen",
    "inbox.col.warn": "Warn.",
    "inbox.empty": (
        "die Warteschlange ist leer: E-Mails mit `drafter inbox import PFAD` hinzufügen"
    ),
    "inbox.reopened": "E-Mail {id} wieder geöffnet ({status})",
    "inbox.nothing_to_draft": "nichts zu entwerfen",
    "inbox.drafted": "entworfen {drafted}, fehlgeschlagen {failed}",
    "inbox.drafted.skipped": ", übersprungen {n} (von einem anderen Prozess entworfen)",
    "inbox.ready": "#{id} bereit",
    "inbox.ready.warnings": " (Warnungen: {names})",
    "inbox.failed": "#{id} fehlgeschlagen: {message}",
    "work.agent_empty": "--agent ist leer",
    "work.agent_empty.hint": "den Namen des Bearbeiters angeben, z. B. --agent anna",
    "work.claimed_line": "übernommen: #{id} für {agent}{until}: {sender}, {subject!r}",
    "work.until": " bis {time}",
    "work.id_or_next": "entweder eine EMAIL_ID oder --next angeben",
    "work.nothing_to_claim": (
        "nichts zu übernehmen: jede offene E-Mail ist übernommen oder keine ist übrig"
    ),
    "work.held": "wird bearbeitet von {agent}",
    "work.held.since": "wird seit {since} von {agent} bearbeitet",
    "work.draft_header": "--- Entwurf v{n} ({source}) ---",
    "work.warning": "Warnung {name}: {message}",
    "work.no_draft": "E-Mail {id} hat keinen Entwurf zum Freigeben",
    "work.no_draft.hint": (
        "zuerst einen Entwurf erstellen (`drafter inbox draft`) oder --body-file angeben"
    ),
    "work.body_file": "--body-file {path} kann nicht gelesen werden: {why}",
    "work.body_file.hint": "eine lesbare UTF-8-Textdatei angeben",
    "work.approved": "freigegeben: #{id} (sha256 {sha}) von {agent}",
    "work.ticks_needed": (
        "Hinweis: {n} Warnung(en) brauchen vor dem Senden ein Häkchen, das die "
        "Kommandozeile nicht setzen kann: E-Mail {id} im Bearbeitungsplatz (`drafter tui`) "
        "öffnen und dort senden"
    ),
    "work.sent": "gesendet: #{id} {mid} über {transport}",
    "work.already_sent": "bereits gesendet: #{id} {mid} über {transport}",
    "work.released": "Reservierung aufgehoben: #{id}",
    "work.release.other": (
        "nichts freizugeben: #{id} wird{since} von {agent} {doing}, nicht von {me}"
    ),
    "work.release.since": " seit {time}",
    "work.doing.drafted": "entworfen",
    "work.doing.handled": "bearbeitet",
    "work.release.none": "nichts freizugeben: {me} hat #{id} nicht übernommen",
    # --- command line: kb, mail, draft, doctor, backup, imap, worker, eval, prompts
    "kb.no_such_path": "Datei oder Ordner nicht gefunden: {paths}",
    "kb.no_such_path.hint": "den Ordner mit Ihren Artikeln angeben",
    "kb.no_such_path.hint_dir": (
        "DRAFTER_KB_DIR auf den Ordner mit Ihren Artikeln setzen oder ihn angeben: `drafter "
        "kb ingest pfad/zu/artikeln/`"
    ),
    "kb.repaired": "repariert: {problem} (Index neu aufgebaut)",
    "kb.articles": (
        "Artikel: {added} hinzugefügt, {updated} aktualisiert, {deleted} gelöscht, "
        "{unchanged} unverändert"
    ),
    "kb.embedded": (
        "{vectors} Vektoren berechnet ({chunks} Abschnitte + {titles} Titel) in {seconds} s"
    ),
    "kb.index_holds": (
        "der Index enthält jetzt {articles} Artikel, {chunks} Abschnitte ({vectors} "
        "Vektoren inkl. Titel) in {where}"
    ),
    "kb.skipped.one": (
        "{n} Datei eines nicht unterstützten Typs übersprungen: {shown}{more} (unterstützt: "
        ".md, .html, .txt, .jsonl)"
    ),
    "kb.skipped.many": (
        "{n} Dateien eines nicht unterstützten Typs übersprungen: {shown}{more} "
        "(unterstützt: .md, .html, .txt, .jsonl)"
    ),
    "kb.skipped.more": " und {n} weitere",
    "kb.failed": "fehlgeschlagen: {path}: {reason}",
    "kb.none_found": (
        "Hinweis: keine Artikel in {where} gefunden; der Index ist unverändert (Artikel "
        "sind .md-, .html-, .txt- oder kb_*.jsonl-Dateien)"
    ),
    "kb.untrusted": (
        "nicht vertrauenswürdig: {path}: {kb_id}: nicht auf der Freigabeliste des "
        "Unternehmens: {values} (Entwürfe vertrauen diesem Artikel nicht; siehe "
        "DRAFTER_LINK_ALLOWLIST, DRAFTER_COMPANY_PHONES, DRAFTER_COMPANY_IBANS)"
    ),
    "kb.nothing_read": "kein Artikel ließ sich lesen",
    "kb.nothing_read.hint": "die oben genannten Pfade und Dateiformate prüfen",
    "kb.empty_query": 'die Suchwörter angeben, z. B. drafter kb search "Abschlag ändern"',
    "kb.language": "Sprache: {language}",
    "kb.gap": "Wissenslücke: Stützung des besten Artikels {support} unter {threshold}",
    "kb.stats.index": "Index:      {value}",
    "kb.stats.articles": "Artikel:    {n} ({languages})",
    "kb.stats.chunks": "Abschnitte: {n} ({vectors} Vektoren inkl. Titel)",
    "kb.stats.size": "Größe:      {mib} MiB auf dem Datenträger",
    "kb.stats.version": "Version:    {version} (geschrieben {written})",
    "kb.stats.embeddings": "Embeddings: {model} ({dim} Dimensionen)",
    "mail.status": "Status",
    "mail.language": "Sprache",
    "mail.subject": "Betreff",
    "mail.from": "von",
    "mail.to": "an",
    "mail.date": "Datum",
    "mail.body": "Text",
    "mail.signature": "Signatur",
    "mail.quoted": "Zitat",
    "mail.status.ok": "ok",
    "mail.status.no_text_body": "kein Textteil",
    "mail.status.quarantined": "in Quarantäne",
    "mail.attachment": "Anhang: {name}  {type}  {size} Bytes",
    "mail.unnamed": "(ohne Namen)",
    "mail.defects": "Mängel: {defects}",
    "mail.col.placeholder": "Platzhalter",
    "mail.col.type": "Art",
    "mail.col.value": "Wert",
    "mail.col.why": "warum",
    "mail.why.sender": "Absender (From-Kopfzeile)",
    "draft.cli.template": (
        "VORLAGENENTWURF - ohne Sprachmodell; Sätze aus der Wissensdatenbank übernommen. "
        "Vor dem Senden lesen und anpassen."
    ),
    "draft.cli.stopped": "der Entwurf wurde ohne Ergebnis beendet",
    "draft.cli.try_again": "erneut versuchen",
    "draft.cli.without_model": "oder ohne Modell entwerfen: {command}",
    "draft.cli.sources": "Quellen",
    "draft.cli.none_cited": "  (keine zitiert)",
    "draft.cli.warnings": "Warnungen",
    "draft.cli.none": "  (keine)",
    "draft.cli.summary": (
        "Modus {mode}, Prompt {prompt}{model}, Sprache {language}, Anliegen {reason}"
    ),
    "draft.cli.model": ", Modell {model}",
    "doctor.ok": "ok      {area}: {detail}",
    "doctor.problem": "PROBLEM {area}: {problem}",
    "doctor.repair": "        Abhilfe: {detail}",
    "doctor.found.one": "{n} Problem gefunden",
    "doctor.found.many": "{n} Probleme gefunden",
    "doctor.none": "keine Probleme gefunden",
    "doctor.area.data_dir": "Datenordner",
    "doctor.area.database": "Datenbank",
    "doctor.area.backup": "Sicherung",
    "doctor.area.schema": "Schema",
    "doctor.area.queue": "Warteschlange",
    "doctor.area.outbox": "Postausgang",
    "doctor.area.index": "Index",
    "doctor.area.mailbox": "Postfach",
    "doctor.area.sending": "Versand",
    "doctor.area.settings": "Einstellungen",
    "doctor.not_yet": "{path} existiert noch nicht (wird bei der ersten Nutzung angelegt)",
    "doctor.not_writable": "{path} ist nicht beschreibbar ({why})",
    "doctor.make_writable_or_dir": "beschreibbar machen oder DRAFTER_DATA_DIR setzen",
    "doctor.disk_full": (
        "der Datenträger mit {path} ist voll ({free} KB frei; Entwerfen und Senden brauchen "
        "{need} KB)"
    ),
    "doctor.free_space": "Speicherplatz freigeben",
    "doctor.db_not_yet": "{path} existiert noch nicht (wird beim ersten Import angelegt)",
    "doctor.quick_check": "{path} besteht quick_check",
    "doctor.last_backup": "letzte Sicherung {path}",
    "doctor.no_backup": "noch keine Sicherung: `drafter backup` schreibt eine",
    "doctor.server_empty": (
        "{where} antwortet; leer (Tabellen werden bei der ersten Nutzung angelegt)"
    ),
    "doctor.server_ok": "{where} antwortet (mit pg_dump sichern)",
    "doctor.schema": "Revision {revision}, dieses drafter erwartet {expected}",
    "doctor.schema.repair": (
        "jeder drafter-Befehl aktualisiert sie; eine neuere Revision braucht ein neueres drafter"
    ),
    "doctor.stuck": "{n} E-Mail(s) hängen in „in Arbeit“ (Entwurfsreservierung abgelaufen)",
    "doctor.stuck.repair": (
        "einen beliebigen `drafter inbox`-Befehl ausführen: er stellt sie zurück in die "
        "Warteschlange"
    ),
    "doctor.interrupted": "{n} Sendevorgang/-vorgänge mittendrin unterbrochen",
    "doctor.interrupted.repair": (
        "den Bearbeitungsplatz öffnen (`drafter tui`): er gleicht sie als Erstes ab"
    ),
    "doctor.no_index": "kein Index in {where}",
    "doctor.ingest": "`drafter kb ingest` ausführen",
    "doctor.rebuild": "`drafter kb ingest --rebuild` ausführen (baut aus DRAFTER_KB_DIR neu auf)",
    "doctor.index_sound": "{where} ist in Ordnung",
    "doctor.smtp": "Antworten gehen an SMTP {host}:{port}",
    "doctor.outbox_not_yet": "{path} existiert noch nicht (wird beim ersten Senden angelegt)",
    "doctor.make_writable": "beschreibbar machen",
    "doctor.outbox": "{path} ({n} Antworten)",
    "doctor.see_check": "siehe `drafter inbox check`",
    "doctor.kb_dir": "DRAFTER_KB_DIR {path} existiert nicht",
    "doctor.fix_path": "den Pfad korrigieren",
    "doctor.unknown": "unbekannte Einstellung {name} ({where}) wird ignoriert",
    "doctor.unknown.repair": (
        "{guess}umbenennen oder entfernen (jede Einstellung steht in .env.example)"
    ),
    "doctor.did_you_mean": "meinten Sie {name}? ",
    "doctor.model": "Modell {model}",
    "doctor.no_llm": "kein Sprachmodell (Vorlagenentwürfe)",
    "backup.sqlite_only": "drafter backup sichert nur SQLite-Datenbanken",
    "backup.sqlite_only.hint": "PostgreSQL mit pg_dump sichern",
    "backup.written": "Sicherung geschrieben: {path} ({mib} MiB)",
    "imap.imported": (
        "importiert {imported}, Duplikate {duplicates}, in Quarantäne {quarantined}, "
        "übersprungen {skipped}"
    ),
    "imap.stopping": "wird beendet (noch einmal Strg+C beendet sofort)",
    "imap.watching": "beobachte {folders} auf {host}",
    "imap.ok": "ok: {line}",
    "imap.connected": "verbunden mit {where} ({security})",
    "imap.logged_in": "angemeldet als {user} ({auth})",
    "imap.folder": "Ordner {folder}: {n} Nachrichten",
    "imap.sent_folder": "Gesendet-Ordner: {folder}",
    "imap.idle": "IDLE wird unterstützt",
    "imap.signed_in": "angemeldet; das Token liegt in {path} (Modus 0600)",
    "worker.imported": "importiert {n} aus {source}",
    "worker.retention": "Aufbewahrung: {n} abgeschlossene E-Mail(s) älter als {days} Tage gelöscht",
    "worker.skipped": "#{id} übersprungen: {message}",
    "eval.cached": "{drafted} entworfen, {cached} aus dem Cache",
    "eval.breached": "Schwelle verfehlt: {message}",
    "eval.same_prompts": (
        "Hinweis: Vorlagenentwürfe ({why}) nutzen den Prompt nicht, daher sind die Zahlen "
        "der Vorlagen gleich; zum Vergleichen ein Modell einrichten (DRAFTER_LLM_MODEL, "
        "DRAFTER_LLM_BASE_URL)"
    ),
    "eval.no_model": "kein Modell eingerichtet",
    "eval.no_kb": "Wissensdatenbank {path} existiert nicht",
    "eval.no_kb.hint": "mit --kb eine kb_*.jsonl-Datei oder einen Ordner mit Artikeln angeben",
    "eval.what.report": "Bericht",
    "prompts.invalid": "(ungültig: {message})",
    "prompts.errors": "{n} Prompt-Vorlage(n) sind fehlerhaft",
    "prompts.errors.hint": (
        "die oben genannte Datei und Zeile korrigieren (siehe prompts/README.md)"
    ),
    "prompts.error": "Fehler {message}",
    # --- command line: privacy
    "privacy.emails.one": "{n} E-Mail",
    "privacy.emails.many": "{n} E-Mails",
    "privacy.closed.one": "{n} abgeschlossene E-Mail",
    "privacy.closed.many": "{n} abgeschlossene E-Mails",
    "privacy.what.export": "Auskunft",
    "privacy.what.summary": "Zusammenfassung der Auskunft",
    "privacy.cannot_write": "{what} {path} kann nicht geschrieben werden: {why}",
    "privacy.cannot_write.hint": "mit --out einen beschreibbaren Dateipfad angeben",
    "privacy.found": "{emails} von {address}",
    "privacy.nothing": "über {address} ist nichts gespeichert",
    "privacy.written": "{found}: geschrieben nach {out} und {summary}",
    "privacy.confirm": (
        "{emails} von {address} löschen (Nummern {ids})? Das lässt sich nicht rückgängig machen"
    ),
    "privacy.not_confirmed": "nichts gelöscht ({address}: nicht bestätigt)",
    "privacy.tombstone_only": (
        "über {address} ist nichts gespeichert (ein Grabstein-Eintrag wird vermerkt)"
    ),
    "privacy.erased": (
        "gelöscht: {emails}, {versions} Entwurfsversionen, {files} Postausgangsdateien, "
        "{cache} Cache-Dateien, {vaults} Tresore, {audit} Audit-Zeilen geschwärzt; "
        "Grabstein {subject}"
    ),
    "privacy.wal_busy": (
        "Warnung: ein anderer Prozess hält die Datenbank offen; das WAL behält alte Seiten, "
        "bis er sie schließt: den Bearbeitungsplatz schließen und `drafter privacy compact` "
        "ausführen"
    ),
    "privacy.same_erasure": "dieselbe Löschung wurde angewandt",
    "privacy.retention_applied": "die Aufbewahrungsfrist wurde angewandt",
    "privacy.mentioned": (
        "Warnung: {path} nennt diese Person noch; drafter hat die Datei nicht als Teil "
        "seines Speichers geschrieben (eine Auskunft, ein gespeicherter Bericht?): von Hand "
        "löschen oder bearbeiten"
    ),
    "privacy.backups.one": "{verb}, auch auf {n} Sicherung: {names}",
    "privacy.backups.many": "{verb}, auch auf {n} Sicherungen: {names}",
    "privacy.backup_left": (
        "Fehler: die Sicherung {path} blieb unverändert: {message}; sie löschen oder "
        "reparieren und den Befehl erneut ausführen"
    ),
    "privacy.no_retention": "DRAFTER_RETENTION_DAYS ist 0 (alles behalten): nichts zu löschen",
    "privacy.would_erase": "würde löschen",
    "privacy.erased_verb": "gelöscht",
    "privacy.purge_item": "{verb}: E-Mail {id} ({status}, abgeschlossen {closed})",
    "privacy.purge_total": "{verb}: {emails}",
    "privacy.compacted": "verdichtet",
    "privacy.compacted.busy": "verdichtet (das WAL wird noch von einem anderen Prozess benutzt)",
    "privacy.rotated": "{n} Tresore mit dem neuen Schlüssel aus {where} neu verschlüsselt",
    "privacy.key_file": "der Schlüsseldatei",
    "privacy.rotated_backups.one": "auch {n} Sicherung neu verschlüsselt: {names}",
    "privacy.rotated_backups.many": "auch {n} Sicherungen neu verschlüsselt: {names}",
    "privacy.old_encryption": (
        "Warnung: die Sicherung {path} behält ihre alte Verschlüsselung: {problem}"
    ),
    "work.via.outbox": "Postausgang",
    # --- drafter report: one email
    "report.title.volume.one": "{emails} E-Mail nach Anliegen (im Ziel: binnen {goal} h gesendet)",
}
