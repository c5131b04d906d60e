"""The one string catalogue: every user-visible text of the desk and the command line, in
English and German (DRAFTER_UI_LANGUAGE, default from the locale).

`set_language(settings.ui_language)` is called once when the desk is built and once when the
`drafter` command has read its settings (drafter.cli.main); the core holds the catalogue so
that the command line never imports the desk. `t(key, **values)`
returns the text in that language with `str.format` values filled in. A key missing in a
language is a bug (tests/tui/test_i18n.py checks both languages have the same keys); `t`
then falls back to English rather than showing the key. Times are shown in the agent's
local zone (`local_time`).
"""

from __future__ import annotations

from datetime import UTC, datetime, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from drafter.i18n_de import DE

Language = str  # "de" | "en"

EN: dict[str, str] = {
    # --- app / general
    "title": "drafter review desk",
    "subtitle.agent": "agent: {agent}",
    "close": "Close",
    "error": "error",
    "hint": "hint",
    "loading": "loading …",
    "reason.required": "a reason is required",
    # --- keys: descriptions (help, palette) and short footer labels
    "key.help": "Help: list every key",
    "key.help.short": "Help",
    "key.command_palette": "Command palette",
    "palette.placeholder": "Search for a command or key …",
    "palette.theme": "Theme",
    "palette.theme.help": "Change the colours of the desk",
    "palette.maximize": "Maximize",
    "palette.maximize.help": "Show the focused part of the screen alone",
    "palette.minimize": "Minimize",
    "palette.minimize.help": "Back to the normal layout",
    "palette.screenshot": "Screenshot",
    "palette.screenshot.help": "Save the screen as an SVG file",
    "key.quit": "Quit (saves the open draft)",
    "key.quit.short": "Quit",
    "key.stats": "Desk statistics (the figures of drafter report)",
    "key.open": "Open the selected email",
    "key.open.short": "Open",
    "key.search": "Search sender and subject",
    "key.search.short": "Search",
    "key.filter": "Cycle the status filter",
    "key.filter.short": "Filter",
    "key.refresh": "Reload the queue",
    "key.refresh.short": "Reload",
    "key.claim_selected": "Claim or release the selected email",
    "key.claim_selected.short": "Claim",
    "key.clear_search": "Clear the search",
    "key.back": "Back to the queue (saves)",
    "key.back.short": "Back",
    "key.save": "Save the draft",
    "key.save.short": "Save",
    "key.regenerate": "Regenerate the draft",
    "key.regenerate.short": "Regen",
    "key.rewrite": "Rewrite with an instruction",
    "key.rewrite.short": "Rewrite",
    "key.rewrite.off": "Rewrite: no model",
    "key.versions": "Go back to an earlier version",
    "key.versions.short": "Versions",
    "key.open_source": "Open the selected cited article",
    "key.open_source.short": "Source",
    "key.toggle_redacted": "Show what the model saw",
    "key.toggle_redacted.short": "Model view",
    "key.claim": "Claim or release this email",
    "key.claim.short": "Claim",
    "key.reject": "Reject with a reason",
    "key.reject.short": "Reject",
    "key.approve_send": "Approve and send",
    "key.approve_send.short": "Send",
    "key.reopen": "Reopen a rejected email (with a reason)",
    "key.reopen.short": "Reopen",
    "key.conversation": "Show the earlier emails of the thread",
    "key.conversation.short": "Thread",
    "key.reload_stats": "Reload",
    "key.next_warning": "Select the next warning's text",
    "key.next_warning.short": "Warning",
    # --- queue
    "col.age": "Age",
    "age.days": "{d}d {h}h",
    "age.days.short": "{d}d",
    "col.sender": "Sender",
    "col.subject": "Subject",
    "col.lang": "Lang",
    "col.reason": "Reason",
    "col.status": "Status",
    "status.all": "all",
    "status.open": "open",
    "status.new": "new",
    "status.drafting": "drafting",
    "status.ready": "ready",
    "status.in_review": "in review",
    "status.needs_attention": "needs attention",
    "status.sent": "sent",
    "status.rejected": "rejected",
    "status.failed": "failed",
    "queue.filter": "status: {status}",
    "queue.count.one": "{n} email",
    "queue.count.many": "{n} emails",
    "queue.search": "search sender or subject  ( / )",
    "queue.loading_models": "drafts: loading models …",
    "queue.no_subject": "(no subject)",
    "queue.claimed": "claimed email {id}",
    "queue.released": "released email {id}",
    # --- contact reasons (drafter.config.DEFAULT_CONTACT_REASONS; a custom one shows its code)
    "contact.abschlag": "instalment",
    "contact.zaehlerstand": "meter reading",
    "contact.umzug": "house move",
    "contact.tarifwechsel": "tariff change",
    "contact.kuendigung": "cancellation",
    "contact.rechnung": "bill",
    "contact.zahlung": "payment",
    "contact.stoerung": "fault",
    "contact.termin": "appointment",
    "contact.kundenportal": "portal",
    "contact.datenschutz": "privacy",
    "contact.beschwerde": "complaint",
    "contact.sonstiges": "other",
    # --- email screen
    "email.from": "From",
    "email.received": "Received",
    "email.language": "Language",
    "email.reason": "Reason",
    "email.status": "Status",
    "email.claimed_by": "claimed by {agent}",
    "email.held": "{message} (read-only)",
    "email.more": "↓ more: shift+tab, pgdn",
    "email.held.short": "read-only",
    "email.no_body": "(no text body)",
    "email.quoted": "Quoted history",
    "email.signature": "Signature",
    "email.conversation": "Conversation: {n} earlier message(s) in this thread",
    "email.conversation.none": "Conversation: no earlier messages in this thread",
    "email.conversation.later": "Conversation: {n} earlier and {later} later message(s) in this "
    "thread",
    "email.turn.customer": "{when}  customer {sender}",
    "email.turn.reply": "{when}  our reply",
    "email.sources": "Sources (ctrl+o opens)",
    "email.model_saw": "What the model saw",
    "draft.header": "Draft {status} · {kind}",
    "draft.kind.template": "template draft, no language model",
    "draft.kind.model": "model",
    "draft.generated": "generated",
    "draft.drafting": "Drafting …",
    "draft.loading": "Loading the knowledge base and models for the first draft …",
    "draft.failed": "Drafting failed: {message}",
    "draft.saved": "Draft v{n} · saved",
    "draft.undone": "Draft v{n} · your edit undone, no new version",
    "draft.read_only": "{status}: read only",
    "draft.read_only.rejected": "rejected: read only (f4 reopens)",
    "draft.sent_by": "sent: {when}, approved by {agent} · read only",
    "draft.rejected_by": "rejected by {agent}, {when}: {reason} · read only (f4 reopens)",
    "error.claimed.handled": "email {id} is being handled by {agent} since {since}",
    "error.claimed.drafted": "email {id} is being drafted by {agent} since {since}",
    "email.held.handled": "being handled by {agent} since {since}",
    "email.held.drafted": "being drafted by {agent} since {since}",
    "source.generated": "generated",
    "source.rewrite": "rewrite",
    "source.edit": "edit",
    "notify.saved": "saved as version {n}",
    "notify.nothing_to_save": "nothing to save",
    "notify.already_drafting": "a draft is already being generated for this email",
    "notify.wait": "wait until the draft is finished",
    "notify.no_versions": "no saved versions yet",
    "notify.restored": "restored version {n}",
    "notify.no_sources": "this draft cites no sources",
    "notify.final": "this email is {status}; it cannot be changed",
    "notify.no_model": "rewriting needs a language model and none is configured",
    "notify.no_model.hint": "set DRAFTER_LLM_MODEL and DRAFTER_LLM_BASE_URL, or edit by hand",
    "notify.empty": "the draft is empty",
    "notify.sent": "to {to}, {where}",
    "notify.sent.title": "reply sent",
    "notify.already_sent.title": "already sent: not sent again",
    "send.via.outbox": "filed in {location}",
    "send.via.smtp": "via {location}",
    "notify.rejected": "rejected: {reason}",
    "notify.free_now": "{agent} let this email go: it is yours now",
    "notify.claimed": "claimed",
    "notify.released": "released",
    "notify.claim_expired": (
        "your claim on this email ran out: {message}. Text not saved yet stays in the editor "
        "to copy"
    ),
    "reopen.title": "Reopen this email: why? (enter to confirm, escape to cancel)",
    "reopen.placeholder": "e.g. customer called back, rejected by mistake",
    "reopen.done": "reopened: {reason}",
    # --- modals
    "help.title": "Keys  (change them in DRAFTER_KEYBINDINGS_FILE, see docs/tui.md)",
    "help.key": "Key",
    "help.action": "Action",
    "help.name": "Name in keybindings file",
    "help.scope.app": "Everywhere",
    "help.scope.queue": "Queue",
    "help.scope.email": "Email and draft",
    "help.editor": "In the editor",
    "help.undo": "Undo, redo a single edit",
    "help.clipboard": "Cut, copy, paste",
    "help.select_all": "Select all",
    "help.move": "Move in the queue or the editor",
    "help.warnings": "Warnings",
    "help.warnings.note": "the name on the right is what DRAFTER_ACK_REQUIRED_WARNINGS takes",
    "rewrite.title": "Rewrite the draft",
    "rewrite.free": "or type an instruction and press enter",
    "rewrite.shorter": "Make the reply shorter.",
    "rewrite.friendlier": "Make the reply friendlier.",
    "rewrite.formal": "Make the reply more formal.",
    "rewrite.sie": "Address the customer formally with 'Sie'.",
    "rewrite.du": "Address the customer informally with 'Du'.",
    "rewrite.translate_en": "Translate the reply into English.",
    "rewrite.translate_de": "Translate the reply into German.",
    "versions.title": "Go back to an earlier version (it is saved as a new edit)",
    "versions.first": "first version",
    "versions.same": "no change",
    "versions.changed": "{n} line(s) changed",
    "confirm.title": "Approve and send this reply?",
    "confirm.to": "To",
    "confirm.subject": "Subject",
    "confirm.length": "Length",
    "confirm.words": "{n} words",
    "confirm.warnings": "Warnings",
    "confirm.send": "Send (y)",
    "confirm.cancel": "Cancel (n)",
    "confirm.ack_title": "Tick each risky warning with space to send:",
    "confirm.ack_left": "tick each risky warning before sending ({left} of {total} left)",
    "notify.no_warning_text": "no warning points at text in this draft",
    "reject.title": "Reject this email: why? (enter to confirm, escape to cancel)",
    "reject.placeholder": "e.g. spam, duplicate, handled by phone",
    # --- stats
    "number.decimal": ".",  # the decimal sign of figures (1.5 min)
    "stats.none": "(none)",  # no contact reason or prompt version
    "stats.total": "all",  # the total row of the figures
    "stats.loading": "loading the figures…",
    "stats.failed": "could not load the figures",
    "stats.empty": "No sent or rejected emails yet. The figures fill in as replies are sent "
    "or rejected; press r to reload.",
    "stats.no_emails": "No emails in the queue yet: import some (drafter inbox import) and work "
    "the queue.",
    "stats.by_reason": "By contact reason",
    "stats.by_prompt": "By prompt version (of the first draft)",
    "stats.rejections": "Top rejection reasons",
    "stats.by_agent": "Emails by agent (from the audit log)",
    "stats.col.agent": "agent",
    "stats.col.claimed": "claimed",
    "stats.col.edited": "edited",
    "stats.col.approved": "approved",
    "stats.gaps": "Knowledge gaps: write these articles next",
    "stats.legend": "unchanged: share of sent replies identical to the first draft.  edit "
    "ratio: median of 1 - similarity of first draft and sent text.  1st draft: median time "
    "from import to the first draft.  in review: median time from the first draft to sending "
    "or rejecting.  in goal: share of replies sent within the response-time goal, counted "
    "from the mail's date.",
    "stats.summary": "{emails} emails: {sent} sent, {rejected} rejected, {unchanged} sent "
    "unchanged, median edit ratio {ratio}, first draft after {first}, in review {review}",
    "stats.col.volume": "volume",
    "stats.col.drafted": "drafted",
    "stats.col.sent": "sent",
    "stats.col.rejected": "rejected",
    "stats.col.unchanged": "unchanged",
    "stats.col.edit_ratio": "edit ratio",
    "stats.col.first_draft": "1st draft",
    "stats.col.in_review": "in review",
    "stats.col.within_goal": "in goal",
    "stats.col.reason": "contact reason",
    "stats.col.prompt": "prompt",
    "stats.col.reasons": "rejection reasons",
    "stats.col.rejection": "reason",
    "stats.col.emails": "emails",
    "stats.col.share": "share of rejections",
    "stats.col.topic": "topic (first subject)",
    "stats.col.terms": "words",
    "stats.col.languages": "languages",
    "stats.col.ids": "email ids",
    "stats.col.signals": "raised by",
    "stats.signal.retrieval": "retrieval",
    "stats.signal.model": "model",
    "stats.no_drafts": "no drafts yet",
    "stats.no_rejections": "no rejections yet",
    "stats.no_gaps": "none: every first draft found an article",
    # --- command line: messages, report, inbox, queue (drafter.cli)
    "cli.aborted": "aborted",
    "cli.interrupted": "interrupted",
    "cli.see_help": "see `{command} --help`",
    "cli.click.invalid_value_for": "Invalid value for",
    "cli.click.invalid_value": "Invalid value",
    "cli.click.missing_argument": "Missing argument",
    "cli.click.missing_option": "Missing option",
    "cli.click.missing_parameter": "Missing parameter",
    "cli.click.no_such_option": "No such option",
    "cli.click.no_such_command": "No such command",
    "cli.click.did_you_mean": "Did you mean",
    "cli.click.requires_argument": "option requires an argument",
    "cli.click.not_one_of": "is not one of",
    "cli.click.not_integer": "is not a valid integer",
    "cli.click.not_float": "is not a valid float",
    "cli.click.not_exist": "does not exist",
    "cli.click.got_unexpected": "Got unexpected extra argument",
    "cli.disk_full": "the disk is full: cannot write {where}",
    "cli.disk_full.hint": "free some space, then run the command again (nothing was half-saved)",
    "cli.read_only": "cannot write {where}: {why}",
    "cli.read_only.hint": (
        "the data folder is read-only: make it writable or set DRAFTER_DATA_DIR (or "
        "--data-dir) to a writable folder"
    ),
    "cli.data_folder": "the data folder",
    "cli.written": "{what} written to {path}",
    "cli.cannot_write": "cannot write the {what} {path}: {why}",
    "cli.cannot_write.hint": "pass a writable file path with {option}",
    "cli.what.report": "report",
    "report.what.html": "HTML report",
    "report.not_a_date": "{value!r} is not a date; write it as YYYY-MM-DD (e.g. 2026-03-01)",
    "report.until_before_since": "--until is before --since",
    "report.none_in_period": "no emails imported in that period: widen --since/--until",
    "report.none_yet": "no emails in the store yet: import some with `drafter inbox import PATH`",
    "report.title.volume": "{emails} emails by contact reason (in goal: sent within {goal} h)",
    "report.title.quality": "drafts changed by contact reason (medians)",
    "report.title.prompt_volume": "by prompt version (of the first draft)",
    "report.title.prompt_quality": "drafts changed by prompt version",
    "report.col.reason": "contact reason",
    "report.col.prompt": "prompt",
    "report.col.volume": "volume",
    "report.col.drafted": "drafted",
    "report.col.sent": "sent",
    "report.col.rejected": "rejected",
    "report.col.in_goal": "in goal",
    "report.col.unchanged": "unchanged",
    "report.col.edit": "edit",
    "report.col.first_draft": "1st draft",
    "report.col.in_review": "in review",
    "report.rejections": "rejection reasons",
    "report.col.reasons": "reasons (emails)",
    "report.rejections.none": "rejection reasons: no email rejected",
    "report.agents": "emails by agent (from the audit log)",
    "report.col.agent": "agent",
    "report.gaps": "knowledge gaps: write these articles next",
    "report.gaps.none": "knowledge gaps: none found",
    "report.col.emails": "emails",
    "report.col.topic": "topic",
    "report.col.questions": "questions",
    "report.col.raised_by": "raised by",
    "report.col.languages": "languages",
    "report.col.ids": "ids",
    "report.html.title": "drafter: desk analytics",
    "report.html.no_data": "{title}: no data",
    "report.html.intro": (
        "{emails} emails. Edit ratio: 1 - similarity between the first generated draft and "
        "the text sent. Times: median, from import to the first draft, and from the first "
        "draft to sending or rejection."
    ),
    "report.html.by_reason": "By contact reason",
    "report.html.per_reason": "emails per contact reason",
    "report.html.unchanged": "share of replies sent unchanged",
    "report.html.edit": "median edit ratio",
    "report.html.by_prompt": "By prompt version",
    "report.html.unchanged_prompt": "share sent unchanged per prompt",
    "report.html.by_agent": "By agent",
    "report.html.agents_note": (
        "emails each agent worked on (an email opened or saved many times counts once)"
    ),
    "report.html.gaps": "Knowledge gaps",
    "report.html.gaps_note": (
        "Emails the knowledge base could not answer, grouped by shared words: write these "
        "articles next. Raised by: retrieval (no passage supports the question) and/or the "
        "model (it found no answer in the cited articles)."
    ),
    "report.html.per_gap": "emails per gap topic",
    "report.html.rejections": "rejection reasons",
    "report.html.sent_unchanged": "sent unchanged",
    "report.html.median_edit": "median edit",
    "report.html.to_first_draft": "to first draft",
    "report.html.within_goal": "within goal",
    "report.html.words": "words",
    "report.html.email_ids": "email ids",
    "inbox.no_such_path": "no such file or folder: {path}",
    "inbox.no_such_path.hint": "give a folder of .eml files, a Maildir or an mbox file",
    "inbox.skipped": "skipped: {reason}",
    "inbox.imported": "imported {imported}, duplicates {duplicates}, quarantined {quarantined}",
    "inbox.skipped.unreadable": ", skipped {n} (unreadable)",
    "inbox.skipped.not_email": ", skipped {n} (not an email)",
    "inbox.col.id": "id",
    "inbox.col.received": "received",
    "inbox.col.status": "status",
    "inbox.col.from": "from",
    "inbox.col.subject": "subject",
    "inbox.col.reason": "reason",
    "inbox.col.warn": "warn",
    "inbox.empty": "the queue is empty: add emails with `drafter inbox import PATH`",
    "inbox.reopened": "email {id} reopened ({status})",
    "inbox.nothing_to_draft": "nothing to draft",
    "inbox.drafted": "drafted {drafted}, failed {failed}",
    "inbox.drafted.skipped": ", skipped {n} (drafted by another process)",
    "inbox.ready": "#{id} ready",
    "inbox.ready.warnings": " (warnings: {names})",
    "inbox.failed": "#{id} failed: {message}",
    "work.agent_empty": "--agent is empty",
    "work.agent_empty.hint": "give the agent's name, e.g. --agent anna",
    "work.claimed_line": "claimed #{id} for {agent}{until}: {sender}, {subject!r}",
    "work.until": " until {time}",
    "work.id_or_next": "give either an EMAIL_ID or --next",
    "work.nothing_to_claim": "nothing to claim: every open email is claimed, or none is left",
    "work.held": "being handled by {agent}",
    "work.held.since": "being handled by {agent} since {since}",
    "work.draft_header": "--- draft v{n} ({source}) ---",
    "work.warning": "warning {name}: {message}",
    "work.no_draft": "email {id} has no draft to approve",
    "work.no_draft.hint": "draft it first (`drafter inbox draft`) or pass --body-file",
    "work.body_file": "cannot read --body-file {path}: {why}",
    "work.body_file.hint": "give a readable UTF-8 text file",
    "work.approved": "approved #{id} (sha256 {sha}) as {agent}",
    "work.ticks_needed": (
        "note: {n} warning(s) need a tick before sending, which the command line cannot "
        "give: open email {id} in the desk (`drafter tui`) and send it there"
    ),
    "work.sent": "sent #{id} {mid} via {transport}",
    "work.already_sent": "already sent #{id} {mid} via {transport}",
    "work.released": "released #{id}",
    "work.release.other": (
        "nothing to release: #{id} is being {doing} by {agent}{since}, not by {me}"
    ),
    "work.release.since": " since {time}",
    "work.doing.drafted": "drafted",
    "work.doing.handled": "handled",
    "work.release.none": "nothing to release: {me} holds no claim on #{id}",
    # --- command line: kb, mail, draft, doctor, backup, imap, worker, eval, prompts
    "kb.no_such_path": "no such file or folder: {paths}",
    "kb.no_such_path.hint": "give the folder of your articles",
    "kb.no_such_path.hint_dir": (
        "set DRAFTER_KB_DIR to the folder of your articles, or pass it: `drafter kb ingest "
        "path/to/articles/`"
    ),
    "kb.repaired": "repaired: {problem} (index rebuilt)",
    "kb.articles": (
        "articles: {added} added, {updated} updated, {deleted} deleted, {unchanged} unchanged"
    ),
    "kb.embedded": "embedded {vectors} vectors ({chunks} chunks + {titles} titles) in {seconds} s",
    "kb.index_holds": (
        "index now holds {articles} articles, {chunks} chunks ({vectors} vectors incl. "
        "titles) in {where}"
    ),
    "kb.skipped.one": (
        "skipped {n} file of an unsupported type: {shown}{more} (supported: .md, .html, "
        ".txt, .jsonl)"
    ),
    "kb.skipped.many": (
        "skipped {n} files of an unsupported type: {shown}{more} (supported: .md, .html, "
        ".txt, .jsonl)"
    ),
    "kb.skipped.more": " and {n} more",
    "kb.failed": "failed: {path}: {reason}",
    "kb.none_found": (
        "note: no articles found in {where}; the index is unchanged (articles are .md, "
        ".html, .txt or kb_*.jsonl files)"
    ),
    "kb.untrusted": (
        "untrusted: {path}: {kb_id}: not on the company allow-list: {values} (drafts will "
        "not trust this article; see DRAFTER_LINK_ALLOWLIST, DRAFTER_COMPANY_PHONES, "
        "DRAFTER_COMPANY_IBANS)"
    ),
    "kb.nothing_read": "no article could be read",
    "kb.nothing_read.hint": "check the paths and file formats listed above",
    "kb.empty_query": 'give the words to search for, e.g. drafter kb search "Abschlag ändern"',
    "kb.language": "language: {language}",
    "kb.gap": "knowledge gap: support of the best article {support} below {threshold}",
    "kb.stats.index": "index:      {value}",
    "kb.stats.articles": "articles:   {n} ({languages})",
    "kb.stats.chunks": "chunks:     {n} ({vectors} vectors incl. titles)",
    "kb.stats.size": "size:       {mib} MiB on disk",
    "kb.stats.version": "version:    {version} (written {written})",
    "kb.stats.embeddings": "embeddings: {model} ({dim} dims)",
    "mail.status": "status",
    "mail.language": "language",
    "mail.subject": "subject",
    "mail.from": "from",
    "mail.to": "to",
    "mail.date": "date",
    "mail.body": "body",
    "mail.signature": "signature",
    "mail.quoted": "quoted",
    "mail.status.ok": "ok",
    "mail.status.no_text_body": "no_text_body",
    "mail.status.quarantined": "quarantined",
    "mail.attachment": "attachment: {name}  {type}  {size} bytes",
    "mail.unnamed": "(unnamed)",
    "mail.defects": "defects: {defects}",
    "mail.col.placeholder": "placeholder",
    "mail.col.type": "type",
    "mail.col.value": "value",
    "mail.col.why": "why",
    "mail.why.sender": "sender (From header)",
    "draft.cli.template": (
        "TEMPLATE DRAFT - no language model; sentences copied from the knowledge base. Read "
        "and adapt before sending."
    ),
    "draft.cli.stopped": "the drafting engine stopped without a result",
    "draft.cli.try_again": "try again",
    "draft.cli.without_model": "or draft without the model: {command}",
    "draft.cli.sources": "Sources",
    "draft.cli.none_cited": "  (none cited)",
    "draft.cli.warnings": "Warnings",
    "draft.cli.none": "  (none)",
    "draft.cli.summary": (
        "mode {mode}, prompt {prompt}{model}, language {language}, contact reason {reason}"
    ),
    "draft.cli.model": ", model {model}",
    "doctor.ok": "ok      {area}: {detail}",
    "doctor.problem": "PROBLEM {area}: {problem}",
    "doctor.repair": "        repair: {detail}",
    "doctor.found.one": "{n} problem found",
    "doctor.found.many": "{n} problems found",
    "doctor.none": "no problems found",
    "doctor.area.data_dir": "data dir",
    "doctor.area.database": "database",
    "doctor.area.backup": "backup",
    "doctor.area.schema": "schema",
    "doctor.area.queue": "queue",
    "doctor.area.outbox": "outbox",
    "doctor.area.index": "index",
    "doctor.area.mailbox": "mailbox",
    "doctor.area.sending": "sending",
    "doctor.area.settings": "settings",
    "doctor.not_yet": "{path} does not exist yet (created on first use)",
    "doctor.not_writable": "{path} is not writable ({why})",
    "doctor.make_writable_or_dir": "make it writable or set DRAFTER_DATA_DIR",
    "doctor.disk_full": (
        "the disk holding {path} is full ({free} KB free; drafting and sending need {need} KB)"
    ),
    "doctor.free_space": "free some space",
    "doctor.db_not_yet": "{path} does not exist yet (created on first import)",
    "doctor.quick_check": "{path} passes quick_check",
    "doctor.last_backup": "last backup {path}",
    "doctor.no_backup": "no backup yet: `drafter backup` writes one",
    "doctor.server_empty": "{where} answers; empty (tables are created on first use)",
    "doctor.server_ok": "{where} answers (back it up with pg_dump)",
    "doctor.schema": "revision {revision}, this drafter expects {expected}",
    "doctor.schema.repair": (
        "any drafter command upgrades it; a newer revision needs a newer drafter"
    ),
    "doctor.stuck": "{n} email(s) stuck in 'drafting' (drafting claim expired)",
    "doctor.stuck.repair": "run any `drafter inbox` command: it puts them back in the queue",
    "doctor.interrupted": "{n} send(s) interrupted mid-way",
    "doctor.interrupted.repair": (
        "open the desk (`drafter tui`): it reconciles them before anything else"
    ),
    "doctor.no_index": "no index in {where}",
    "doctor.ingest": "run `drafter kb ingest`",
    "doctor.rebuild": "run `drafter kb ingest --rebuild` (rebuilds from DRAFTER_KB_DIR)",
    "doctor.index_sound": "{where} is sound",
    "doctor.smtp": "replies go to SMTP {host}:{port}",
    "doctor.outbox_not_yet": "{path} does not exist yet (created on first send)",
    "doctor.make_writable": "make it writable",
    "doctor.outbox": "{path} ({n} replies)",
    "doctor.see_check": "see `drafter inbox check`",
    "doctor.kb_dir": "DRAFTER_KB_DIR {path} does not exist",
    "doctor.fix_path": "fix the path",
    "doctor.unknown": "unknown setting {name} ({where}) is ignored",
    "doctor.unknown.repair": "{guess}rename or remove it (every setting is in .env.example)",
    "doctor.did_you_mean": "did you mean {name}? ",
    "doctor.model": "model {model}",
    "doctor.no_llm": "no LLM (template drafts)",
    "backup.sqlite_only": "drafter backup copies SQLite databases only",
    "backup.sqlite_only.hint": "back up PostgreSQL with pg_dump",
    "backup.written": "backup written: {path} ({mib} MiB)",
    "imap.imported": (
        "imported {imported}, duplicates {duplicates}, quarantined {quarantined}, skipped {skipped}"
    ),
    "imap.stopping": "stopping (Ctrl+C again to stop at once)",
    "imap.watching": "watching {folders} on {host}",
    "imap.ok": "ok: {line}",
    "imap.connected": "connected to {where} ({security})",
    "imap.logged_in": "logged in as {user} ({auth})",
    "imap.folder": "folder {folder}: {n} messages",
    "imap.sent_folder": "sent folder: {folder}",
    "imap.idle": "IDLE supported",
    "imap.signed_in": "signed in; the token is cached in {path} (mode 0600)",
    "worker.imported": "imported {n} from {source}",
    "worker.retention": "retention: erased {n} closed email(s) older than {days} days",
    "worker.skipped": "#{id} skipped: {message}",
    "eval.cached": "{drafted} drafted, {cached} from the cache",
    "eval.breached": "threshold breached: {message}",
    "eval.same_prompts": (
        "note: template drafts ({why}) do not use the prompt, so the templates' figures are "
        "the same; configure a model (DRAFTER_LLM_MODEL, DRAFTER_LLM_BASE_URL) to compare "
        "them"
    ),
    "eval.no_model": "no model is configured",
    "eval.no_kb": "knowledge base {path} does not exist",
    "eval.no_kb.hint": "pass a kb_*.jsonl file or a folder of articles with --kb",
    "eval.what.report": "report",
    "prompts.invalid": "(invalid: {message})",
    "prompts.errors": "{n} prompt template(s) have errors",
    "prompts.errors.hint": "fix the file and line named above (see prompts/README.md)",
    "prompts.error": "error {message}",
    # --- command line: privacy
    "privacy.emails.one": "{n} email",
    "privacy.emails.many": "{n} emails",
    "privacy.closed.one": "{n} closed email",
    "privacy.closed.many": "{n} closed emails",
    "privacy.what.export": "export",
    "privacy.what.summary": "export summary",
    "privacy.cannot_write": "cannot write the {what} {path}: {why}",
    "privacy.cannot_write.hint": "pass a writable file path with --out",
    "privacy.found": "{emails} of {address}",
    "privacy.nothing": "nothing stored about {address}",
    "privacy.written": "{found}: written to {out} and {summary}",
    "privacy.confirm": "erase {emails} of {address} (ids {ids})? This cannot be undone",
    "privacy.not_confirmed": "nothing erased ({address}: not confirmed)",
    "privacy.tombstone_only": "nothing stored about {address} (a tombstone is recorded)",
    "privacy.erased": (
        "erased {emails}, {versions} draft versions, {files} outbox files, {cache} cache "
        "files, {vaults} vaults, {audit} audit rows redacted; tombstone {subject}"
    ),
    "privacy.wal_busy": (
        "warning: another process holds the database open; the WAL keeps old pages until it "
        "closes: close the desk and run `drafter privacy compact`"
    ),
    "privacy.same_erasure": "the same erasure was applied",
    "privacy.retention_applied": "the retention was applied",
    "privacy.mentioned": (
        "warning: {path} still mentions this person; drafter did not write it as part of "
        "its store (an export, a saved report?): delete or edit it by hand"
    ),
    "privacy.backups.one": "{verb} to {n} backup as well: {names}",
    "privacy.backups.many": "{verb} to {n} backups as well: {names}",
    "privacy.backup_left": (
        "error: the backup {path} was left as it is: {message}; delete it or repair it and "
        "run the command again"
    ),
    "privacy.no_retention": "DRAFTER_RETENTION_DAYS is 0 (keep everything): nothing to purge",
    "privacy.would_erase": "would erase",
    "privacy.erased_verb": "erased",
    "privacy.purge_item": "{verb} email {id} ({status}, closed {closed})",
    "privacy.purge_total": "{verb} {emails}",
    "privacy.compacted": "compacted",
    "privacy.compacted.busy": "compacted (the WAL is still in use by another process)",
    "privacy.rotated": "re-encrypted {n} vaults with the new key from {where}",
    "privacy.key_file": "the key file",
    "privacy.rotated_backups.one": "re-encrypted {n} backup as well: {names}",
    "privacy.rotated_backups.many": "re-encrypted {n} backups as well: {names}",
    "privacy.old_encryption": "warning: the backup {path} keeps its old encryption: {problem}",
    "work.via.outbox": "outbox",
    # --- drafter report: one email
    "report.title.volume.one": "{emails} email by contact reason (in goal: sent within {goal} h)",
}

CATALOGUE: dict[Language, dict[str, str]] = {"en": EN, "de": DE}
_state: dict[str, str] = {"language": "en", "timezone": ""}


def set_language(language: Language, timezone: str = "") -> None:
    """Choose the interface language (and the zone times are shown in; empty: the system's)."""
    _state["language"] = language if language in CATALOGUE else "en"
    _state["timezone"] = timezone


def language() -> Language:
    return _state["language"]


def t(key: str, **values: object) -> str:
    """The text for `key` in the current language, with `values` filled in."""
    text = CATALOGUE[_state["language"]].get(key) or EN[key]
    return text.format(**values) if values else text


def status_label(code: str | None) -> str:
    """An email's status as the agent reads it: "in Prüfung" / "in review" for "in_review";
    an unknown one shows its code."""
    if not code:
        return "-"
    return CATALOGUE[_state["language"]].get(f"status.{code}") or code.replace("_", " ")


def code_or_name(kind: str, code: str) -> str:
    """A status or contact reason in a command's text output: its code in English (what
    `--status` and DRAFTER_CONTACT_REASONS take, as before), its name in German ("in Prüfung",
    "Zählerstand"); `kind` is "status" or "contact"."""
    if _state["language"] == "en" or not code:
        return code
    return DE.get(f"{kind}.{code}") or code


def reason_label(code: str | None) -> str:
    """A contact reason as the agent reads it: "Zählerstand" / "meter reading" for the
    default "zaehlerstand"; a custom reason (DRAFTER_CONTACT_REASONS) shows its code; none: "-"."""
    if not code:
        return "-"
    return CATALOGUE[_state["language"]].get(f"contact.{code}") or code


def _zone() -> tzinfo | None:
    name = _state["timezone"]
    if not name:
        return None  # astimezone(None): the system's local zone
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def local_time(moment: datetime, fmt: str = "%Y-%m-%d %H:%M") -> str:
    """`moment` (UTC when naive) in the agent's zone, e.g. "2026-03-02 09:15"."""
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return aware.astimezone(_zone()).strftime(fmt)


def short_time(moment: datetime, now: datetime | None = None) -> str:
    """`moment` in the agent's zone: the time alone when it is today ("11:53"), else the date
    and time ("2026-03-02 09:15")."""
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    today = (now or datetime.now(UTC)).astimezone(_zone()).date()
    local = aware.astimezone(_zone())
    return local.strftime("%H:%M" if local.date() == today else "%Y-%m-%d %H:%M")
