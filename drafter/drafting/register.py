"""German Sie/Du register for copied knowledge-base sentences (no-LLM drafts only).

`to_du` rewrites a formal sentence into the Du register where the grammar is unambiguous:
possessives and objects (Ihr -> dein, Ihnen -> dir, "wir informieren Sie" -> dich), and
"Sie" as subject when its verb can be found (next to it, or at the end of a subordinate
clause) and conjugated (regular verbs by rule, common irregular ones from a table).
Anything else ("sich" with an unknown verb, a "Sie" without a verb) returns None, and the
caller leaves that sentence out. `writes_du` tells whether a customer wrote in Du.
"""

from __future__ import annotations

import re

from drafter.toolkit import wordset as _wordset

_TOKEN = re.compile(r"[^\W\d_]+|\S", re.U)
_POSSESSIVE = {
    "Ihr": "dein",
    "Ihre": "deine",
    "Ihren": "deinen",
    "Ihrem": "deinem",
    "Ihrer": "deiner",
    "Ihres": "deines",
    "Ihnen": "dir",
}
# infinitive: (du form, imperative)
_IRREGULAR = {
    "können": ("kannst", ""),
    "müssen": ("musst", ""),
    "dürfen": ("darfst", ""),
    "wollen": ("willst", ""),
    "sollen": ("sollst", ""),
    "mögen": ("magst", ""),
    "möchten": ("möchtest", ""),
    "haben": ("hast", "habe"),
    "sind": ("bist", "sei"),
    "seien": ("bist", "sei"),
    "werden": ("wirst", "werde"),
    "wissen": ("weißt", ""),
    "tun": ("tust", "tu"),
    "geben": ("gibst", "gib"),
    "nehmen": ("nimmst", "nimm"),
    "halten": ("hältst", "halte"),
    "lesen": ("liest", "lies"),
    "sehen": ("siehst", "sieh"),
    "fahren": ("fährst", "fahre"),
    "tragen": ("trägst", "trage"),
    "lassen": ("lässt", "lass"),
    "laden": ("lädst", "lade"),
    "fallen": ("fällst", "falle"),
    "treffen": ("triffst", "triff"),
    "sprechen": ("sprichst", "sprich"),
    "helfen": ("hilfst", "hilf"),
    "vergessen": ("vergisst", "vergiss"),
    "empfehlen": ("empfiehlst", "empfiehl"),
    "schließen": ("schließt", "schließe"),
    "erhalten": ("erhältst", "erhalte"),
}
_PREFIXES = _wordset(
    "ab an auf aus bei ein mit nach vor zu zurück weg her hin er ver be ent zer über unter "
    "um durch wieder fest frei"
)
_NOT_VERBS = _wordset(
    "einen keinen diesen jeden allen meinen seinen ihren unseren deinen welchen den denen "
    "eigenen gerne selbst bitte nun dann schon auch noch nicht mehr uns es ihn ihm sich "
    "jetzt hier dort einfach direkt sofort online zudem außerdem"
)
_SUBORDINATORS = _wordset(
    "wenn dass ob weil falls sobald damit die der das den dem wie was wo bevor nachdem "
    "solange sodass als bis indem welche welcher welches womit wofür wozu worüber"
)
_SUBJECTS = _wordset("wir ich er man es")
_ACCUSATIVE_REFLEXIVE = re.compile(
    r"meld|registr|wend|auswei|logg|informier|entscheid|beschwer|kümmer|freu", re.I
)
_CLAUSE_END = frozenset(",.;:!?()–")


def _present(verb: str) -> str | None:
    """The du form of a verb given as infinitive (or 'sind'); None when it is no verb."""
    low = verb.lower()
    if low in _IRREGULAR:
        return _IRREGULAR[low][0]
    if low in _NOT_VERBS or not (low.endswith("en") or low.endswith(("ern", "eln", "tun"))):
        return None
    for inf, (du, _imp) in _IRREGULAR.items():
        prefix = low[: -len(inf)]
        if low.endswith(inf) and prefix in _PREFIXES and len(inf) >= 5:
            return prefix + du
    if low.endswith(("ern", "eln")):
        return low[:-1] + "st"
    stem = low[:-2]
    if stem.endswith(("t", "d")) or re.search(r"[^aeiouäöülrhmn][mn]$", stem):
        return stem + "est"
    if stem.endswith(("s", "ß", "z", "x")):
        return stem + "t"
    return stem + "st"


def _imperative(verb: str) -> str | None:
    low = verb.lower()
    if _present(low) is None:
        return None
    if low in _IRREGULAR and _IRREGULAR[low][1]:
        return _IRREGULAR[low][1]
    for inf, (_du, imp) in _IRREGULAR.items():
        prefix = low[: -len(inf)]
        if imp and low.endswith(inf) and prefix in _PREFIXES and len(inf) >= 5:
            return prefix + imp
    if low.endswith(("ern", "eln")):
        return low[:-1] + "e"
    return low[:-2] + "e"


def _cap(word: str, like: str) -> str:
    return word[:1].upper() + word[1:] if like[:1].isupper() else word


def to_du(sentence: str) -> str | None:
    """`sentence` in the Du register, or None when that cannot be done safely."""
    if not re.search(r"\b(?:Sie|Ihr\w*|Ihnen)\b", sentence):
        return sentence
    head, colon, tail = sentence.partition(": ")
    if colon and tail[:1].isupper() and head.strip():  # "Tipp: Tragen Sie ..." is two sentences
        parts = [to_du(head + ":"), to_du(tail)]
        if parts[0] is None or parts[1] is None:
            return None
        return f"{parts[0]} {parts[1]}"
    tokens = _TOKEN.findall(sentence)
    spans = [m.span() for m in _TOKEN.finditer(sentence)]
    out = list(tokens)
    words = [i for i, t in enumerate(tokens) if t[:1].isalpha()]
    first = words[0] if words else -1
    if first >= 0 and tokens[first].lower() == "bitte" and len(words) > 1:
        first = words[1]
    mood = _mood(tokens, first, sentence.rstrip().endswith("?"))
    has_sich = False
    for i, token in enumerate(tokens):
        if token in _POSSESSIVE:
            starts = i == words[0] or (i > 0 and tokens[i - 1] in ".!?:")
            out[i] = _cap(_POSSESSIVE[token], token) if starts else _POSSESSIVE[token]
        elif token == "sich":
            has_sich = True
        elif token == "Sie" and not _subject(tokens, out, i, first, mood):
            return None
    if has_sich:
        if not any(t == "Sie" for t in tokens) or not _ACCUSATIVE_REFLEXIVE.search(sentence):
            return None
        out = ["dich" if t == "sich" else o for t, o in zip(tokens, out, strict=True)]
    text = sentence
    for (start, end), old, new in reversed(list(zip(spans, tokens, out, strict=True))):
        if old != new:
            text = text[:start] + new + text[end:]
    return re.sub(r" {2,}", " ", text)


_NO_MAIN_VERB = _wordset(
    "mit seit samt ohne für bei nach von vor aus zu zum zur am im an auf in über unter durch "
    "gegen um ab aber sondern also etwa ggf bzw sowie nur auch eine ein einer einem einen "
    "keine kein nicht z"
)
_CHAIN = _wordset("und oder , ; : dann bitte sowie anschließend danach zuerst zunächst")
_ACCUSATIVE_PREPOSITIONS = _wordset("für gegen ohne um durch an auf über")
# verbs that open a condition ("Haben Sie Fragen, rufen Sie uns an") rather than a command
_CONDITION_VERBS = _wordset(
    "haben sind sein seien können möchten wollen müssen dürfen sollten wissen brauchen "
    "benötigen wünschen erhalten bekommen"
)


def _mood(tokens: list[str], first: int, question: bool) -> str:
    """How a sentence opening with "Verb Sie" reads: question, conditional, imperative;
    "statement" when it does not open that way."""
    verb_first = first >= 0 and first + 1 < len(tokens) and tokens[first + 1] == "Sie"
    if not verb_first or tokens[first].lower() in _SUBORDINATORS or not _present(tokens[first]):
        return "statement"
    if question:
        return "question"
    return "conditional" if _conditional(tokens, first) else "imperative"


def _subject(tokens: list[str], out: list[str], i: int, first: int, mood: str) -> bool:
    """Rewrite the "Sie" at i and its verb in `out`; False when no safe rewrite exists."""
    prev = tokens[i - 1] if i > 0 else ""
    nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
    clause_start = i
    while clause_start > 0 and tokens[clause_start - 1] not in _CLAUSE_END:
        clause_start -= 1
    if prev.lower() in _ACCUSATIVE_PREPOSITIONS:
        out[i] = "dich"  # "für Sie", "an Sie"
        return True
    if any(t.lower() in _SUBJECTS for t in tokens[clause_start:i]) and i != first:
        out[i] = "dich"  # "wir informieren Sie": Sie is the object
        return True
    if prev.lower() in _SUBORDINATORS:
        end = i + 1
        while end < len(tokens) and tokens[end] not in _CLAUSE_END:
            end += 1
        # the verb closes the clause, maybe before a comparison ("verbrauchen als bisher")
        places = [end - 1]
        if end - 3 > i and tokens[end - 2].lower() in ("als", "wie"):
            places.append(end - 3)
        for k in places:
            du = _present(tokens[k]) if k > i and tokens[k][:1].islower() else None
            if du is not None:
                out[i], out[k] = "du", du
                return True
        return False
    if prev and prev[:1].isalpha() and (prev[:1].islower() or i - 1 == first):
        opening = i - 1 == first
        chained = not opening and i >= 2 and tokens[i - 2].lower() in _CHAIN
        clause_end = i
        while clause_end < len(tokens) and tokens[clause_end] not in _CLAUSE_END:
            clause_end += 1
        please = "bitte" in (t.lower() for t in tokens[i:clause_end])
        command = (opening and mood == "imperative") or (
            chained and (mood in ("imperative", "conditional") or please)
        )
        if command:
            imp = _imperative(prev)
            if imp is None:
                return False
            out[i - 1], out[i] = _cap(imp, prev), ""
            return True
        du = _present(prev)
        if du is None:
            return False
        out[i - 1], out[i] = _cap(du, prev), "du"
        return True
    du = _present(nxt) if nxt[:1].islower() else None
    if du is None:
        return False
    out[i], out[i + 1] = "Du" if i == first else "du", du
    return True


def _conditional(tokens: list[str], i: int) -> bool:
    """A verb-first opening that is a condition: "Wissen Sie ..., reicht ...", "Haben Sie
    Fragen, rufen Sie uns an". A following "verb Sie" clause after a non-condition verb is
    a chain of commands instead ("Öffnen Sie die App, tippen Sie auf ...")."""
    condition_verb = tokens[i].lower() in _CONDITION_VERBS
    depth = 0
    for j in range(i + 1, len(tokens) - 1):
        depth += (tokens[j] == "(") - (tokens[j] == ")")
        if tokens[j] != "," or depth > 0:  # "(mindestens 10 Zeichen, eine Zahl)"
            continue
        after = tokens[j + 1]
        if after.lower() in _SUBORDINATORS or not after[:1].islower():
            continue
        if after.lower() in _CHAIN or after.lower() in _NO_MAIN_VERB:
            continue  # "..., mit der Sie registriert sind": a relative clause
        commands = j + 2 < len(tokens) and tokens[j + 2] == "Sie"
        if not commands or condition_verb:
            return True
    return False


def writes_du(text: str) -> bool:
    """True when a German message addresses us informally (du/dich/dir/dein, no Sie)."""
    informal = re.search(r"\b(?:du|dich|dir|dein|deine|deinen|deinem|deiner|euch|euer)\b", text)
    formal = re.search(r"(?<=[a-zäöüß,;:] )(?:Sie|Ihnen|Ihr|Ihre|Ihren|Ihrem|Ihrer)\b", text)
    return bool(informal) and not formal
