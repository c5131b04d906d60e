"""What each gap set's figures were before and after each round (the texts under its table in
docs/benchmarks.md): first runs of the dev sets before anyone tuned on them (out of sample),
and the held-out sets' totals per session, measured by the integrator."""

from __future__ import annotations

#: the first run of a dev set with the code as it was before anyone tuned on it (out of sample)
_S11 = " Session 11 (gaps11 merge, main cd43477), run once for totals: "
_S12 = (
    "Session 12's asked-action rule (gaps12 merge, main a96320a; taken out again, so the "
    "product keeps round 11's decision and the figures before it), run once for totals: "
)
#: session 14 changed retrieval, not the gap decision: an article with a twin in the mail's
#: language is no longer rescued from the other language (drafter.knowledge.twins, gaps14)
_S14 = "Session 14's retrieval twins (gaps14 merge, main 7c20a79), run once for totals: "
FIRST_RUN = {
    "gaps_dev4": "First run, before any tuning on this set (main 729e8cf, 2026-11-29 19:56, "
    "/work/notes/issue-10-before-gaps-dev4.md): recall 0.36 (18/50), false alarms 0.22 "
    "(11/50); de 0.40 / 0.28, en 0.32 / 0.16. The rows below are from this run's code.",
    "gaps_dev5": "First run, before any tuning on this set (main 809e460, 2026-11-29 22:14): "
    "recall 0.40 (20/50), false alarms 0.16 (8/50); de 0.52 / 0.24, en 0.28 / 0.08. Nobody "
    "tuned the gap decision on it in that session. The rows below are from this run's code.",
    "gaps_test2": "Written blind in session 6 with the held-out reply set replies/test2 and run "
    "for totals only: the code before that session (main e072376) and the session's code give "
    "the same figures (recall 0.57, false alarms 0.00). The session-7 gap decision "
    "(drafter.drafting.gap_verdict) gives 0.65 / 0.07 on it (before 0.57 / 0.00), run for "
    "totals only."
    " Session 10 (gaps10 merge, main 3ef75b7, GAP_BUDGET 0.08), run once for totals: "
    "0.68 / 0.07."
    + _S11
    + "0.72 / 0.05. "
    + _S12
    + "0.68 / 0.07. "
    + _S14
    + "0.70 / 0.05 (before it 0.72 / 0.05: one gap less flagged). Retire it before tuning on it.",
    "gaps_test3": "Written blind in session 7 with the held-out reply set replies/test3 and run "
    "for totals only: the code before that session (main 4ae6594, the decision of its "
    "retrieval_gap.blind_section) recall 0.47 (19/40), false alarms 0.15 (6/40), de 0.55 / "
    "0.20, en 0.40 / 0.10; "
    "after the gaps8 merge (main 3ca1bc1, drafter.drafting.gap_verdict, `missing` flagged) "
    "recall 0.38 (15/40), false alarms 0.05 (2/40), de 0.45 / 0.00, en 0.30 / 0.10 (MISSED). "
    "gaps_test2 and gaps_test3 together: recall 42/80 -> 41/80, false alarms 6/80 -> 5/80, a "
    "different operating point, not a gain."
    " Session 10 (gaps10 merge, main 3ef75b7, GAP_BUDGET 0.08), run once for totals: "
    "0.47 / 0.05."
    + _S11
    + "0.53 / 0.07. "
    + _S12
    + "0.55 / 0.07. "
    + _S14
    + "0.53 / 0.07 (the same). Retire it before tuning on it.",
    "gaps_test4": "Written blind in session 8 with the held-out reply set replies/test4 and run "
    "for totals only: the code before that session (main 5935645, drafter.drafting.gap_verdict, "
    "`missing` flagged) recall 0.40 (16/40), false alarms 0.00 (0/40), de 0.40 / 0.00, en "
    "0.40 / 0.00 (MISSED); the session's gap round changed no decision."
    " Session 10 (gaps10 merge, main 3ef75b7, GAP_BUDGET 0.08), run once for totals: "
    "0.55 / 0.03."
    + _S11
    + "0.70 / 0.10. "
    + _S12
    + "0.72 / 0.12. "
    + _S14
    + "0.70 / 0.10 (the same). Retire it before tuning on it.",
    "gaps_test5": "Written blind in session 9 with the held-out reply set replies/test5 and run "
    "for totals only: the code before that session (main 0fc723f, drafter.drafting.gap_verdict, "
    "`missing` flagged) recall 0.50 (20/40), false alarms 0.00 (0/40), de 0.50 / 0.00, en "
    "0.50 / 0.00 (MISSED); no gap round ran in that session."
    " Session 10 (gaps10 merge, main 3ef75b7, GAP_BUDGET 0.08), run once for totals: "
    "0.57 / 0.03 (de 0.60 / 0.00, en 0.55 / 0.05)." + _S11 + "0.60 / 0.00. "
    "" + _S12 + "0.62 / 0.03. " + _S14 + "0.60 / 0.00 (the same). Retire it before tuning on it.",
    "gaps_test6": "Written blind in session 10 with the held-out reply set replies/test6 and "
    "run for totals only: the code before that session (main 28c30be) recall 0.68 (27/40), "
    "false alarms 0.00 (0/40), de 0.60 / 0.00, en 0.75 / 0.00; after the gaps10 merge (main "
    "3ef75b7) 0.75 (30/40) / 0.03 (1/40), de 0.70 / 0.05, en 0.80 / 0.00 (MISSED)."
    + _S11
    + "0.75 / 0.05. "
    + _S12
    + "0.82 / 0.03. "
    + _S14
    + "0.75 / 0.05 (the same). Retire it before tuning on it.",
    "gaps_test7": "Written blind in session 11 with the held-out reply set replies/test7 and "
    "run for totals only: the code before that session (main a8d6801) recall 0.62 (25/40), "
    "false alarms 0.05 (2/40), de 0.60 / 0.10, en 0.65 / 0.00; after the gaps11 merge (main "
    "cd43477) 0.65 (26/40) / 0.07 (3/40) (MISSED). "
    + _S12
    + "0.68 / 0.07. "
    + _S14
    + "0.65 / 0.07 (the same). Retire it before tuning on it.",
    "gaps_test8": "Written blind in session 12 with the held-out reply set replies/test8 and "
    "run for totals only: the code before that session (main 529bcd0) recall 0.75 (30/40), "
    "false alarms 0.03 (1/40), de 0.70 / 0.00, en 0.80 / 0.05 (MISSED). "
    + _S12
    + "0.80 / 0.05. "
    + _S14
    + "0.75 / 0.03 (the same). Retire it before "
    "tuning on it.",
    "gaps_test9": "Written blind in session 13 with the held-out reply set replies/test9 and "
    "run for totals only: the code before that session (main 88841f5) recall 0.78 (31/40), "
    "false alarms 0.03 (1/40), de 0.90 / 0.00, en 0.65 / 0.05 (MISSED); session 13 left the "
    "gap decision unchanged (gaps13), so the same after it. " + _S14 + "0.78 / 0.03 (the same). "
    "Retire it before tuning on it.",
    "gaps_test10": "Written blind in session 14 with the held-out reply set replies/test10 and "
    "run for totals only: the code before that session (main db35e40) recall 0.80 (32/40), "
    "false alarms 0.05 (2/40), de 0.80 / 0.00, en 0.80 / 0.10 (MISSED). " + _S14 + "0.80 / 0.05 "
    "(the same). Retire it before tuning on it.",
    "gaps_test11": "Written blind in session 15 with the held-out reply set replies/test11 (about "
    "half of its mails long: greeting, story, side remarks, signature) and run for totals only: "
    "the code before that session (main 1bc0209) recall 0.82 (33/40), false alarms 0.10 (4/40), "
    "de 0.75 / 0.15, en 0.90 / 0.05 (MISSED). Retire it before tuning on it.",
    "gaps_test12": "Written blind in session 16 with the held-out reply set replies/test12 (about "
    "half of its mails long) and run for totals only: the code before that session (main b0988bd) "
    "recall 0.72 (29/40), false alarms 0.07 (3/40), de 0.80 / 0.15, en 0.65 / 0.00 (MISSED); "
    "after the gaps16 merge (main 9fe7729) the same. Retire it before tuning on it.",
    "gaps_test13": "Written blind at the end of session 16 with the held-out reply set "
    "replies/test13 and run for totals only: the code before session 17 (main 2472358) recall "
    "0.88 (35/40), false alarms 0.10 (4/40), de 0.95 / 0.10, en 0.80 / 0.10 (MISSED on en). "
    "Retire it before tuning on it.",
    "gaps_dev6": "First run, before any tuning on this set (main e072376, 2026-11-30 00:37, "
    "/work/notes/issue-10-harm6.md): recall 0.28 (14/50), false alarms 0.10 (5/50); de 0.36 / "
    "0.16, en 0.20 / 0.04. Nobody tuned the gap decision on it in that session. The rows below "
    "are from this run's code.",
    "gaps_dev7": "First run, before any tuning on this set (main fafb7c4, 2026-11-30 03:38, "
    "/work/notes/issue-10-gaps8.md): recall 0.44 (22/50), false alarms 0.24 (12/50); de 0.48 / "
    "0.24, en 0.40 / 0.24. The gap decision (drafter.drafting.gap_verdict) was then fitted "
    "with it among the dev sets: the rows below are in-sample.",
    "gaps_dev8": "First run, before any tuning on this set (main 5935645, 2026-11-30 06:16, "
    "/work/notes/issue-10-gaps9.md): recall 0.46 (23/50), false alarms 0.00 (0/50); de 0.48 / "
    "0.00, en 0.44 / 0.00. Its rows were then read in round 9 (gaps9) for error analysis; the "
    "constants were not refitted. The rows below are from this run's code.",
    "gaps_dev10": "First run, before any tuning on this set (main 28c30be, 2026-11-30 11:57, "
    "/work/notes/gaps10.md): recall 0.65 (26/40), false alarms 0.05 (2/40); de 0.60 / 0.00, "
    "en 0.70 / 0.10. Its rows were then read in round 10 (gaps10) for error analysis and the "
    "gap decision's constants were refitted with it among the dev sets: the rows below are "
    "in-sample.",
    "gaps_dev11": "First run, before any tuning on this set (main a8d6801 and branch gaps11 at "
    "52b8fcf, 2026-11-30 14:49, /work/notes/gaps11.md): recall 0.70 (28/40), false alarms 0.03 "
    "(1/40); de 0.75 / 0.00, en 0.65 / 0.05. Its rows were then read in round 11 (gaps11) for "
    "error analysis and the gap decision's constants were refitted with it among the dev sets: "
    "the rows below are in-sample.",
    "gaps_dev12": "First run, before any tuning on this set (main 529bcd0 and branch gaps12 at "
    "f98a414, 2026-11-30 17:31, /work/notes/gaps12.md): recall 0.72 (29/40), false alarms 0.05 "
    "(2/40); de 0.65 / 0.05, en 0.80 / 0.05. Its rows were then read in round 12 (gaps12) for "
    "error analysis.",
    "gaps_dev13": "First run, before any tuning on this set (main 88841f5, 2026-11-30 20:15, "
    "by the integrator; branch gaps13 at cbc15a0, code unchanged, the same): recall 0.82 "
    "(33/40), false alarms 0.12 (5/40); de 0.70 / 0.05, en 0.95 / 0.20. Its rows were then "
    "read in round 13 (gaps13) for error analysis; the product decision did not change "
    "in that round.",
    "gaps_dev14": "First run, before any row was read (main 1bc0209, 2026-12-01, by the "
    "integrator; branch gaps15 at c615881, code unchanged, the same, 00:51 UTC): recall 0.70 "
    "(35/50), false alarms 0.18 (9/50); de 0.84 / 0.24, en 0.56 / 0.12. Long realistic mails "
    "(about 108 words). Its rows were then read in round 15 (gaps15): the key terms of a long "
    "mail are counted per asking sentence and a short mail lacking 3+ key terms loses the "
    "support shield; the rows below are from this run's code (the constants were not refitted).",
    "gaps_dev15": "First run, before any row was read (main b0988bd, 2026-12-01, by the "
    "integrator; branch gaps16 at 01fa942, code unchanged, the same, 03:35 UTC): recall 0.75 "
    "(30/40), false alarms 0.15 (6/40); de 0.80 / 0.10, en 0.70 / 0.20; 11 of its 30 partial "
    "mails (partial.jsonl: one answered and one unanswered question at least) got a whole-mail "
    "gap verdict. Its rows were then read in round 16 (gaps16): the requests of a mail are "
    "judged one by one (drafter.drafting.question_verdict; benchmarks/gap_questions.py); the "
    "whole-mail decision did not change on it.",
}

#: session 15 changed the gap decision (gaps15 merge, main aba7d13): in a long mail the key terms
#: are counted per asking sentence and the best-answered one decides; a short mail lacking 3+
#: key terms loses the high-support shield. Held-out totals, run once after that merge:
#: recall / false alarms, before (main 1bc0209) -> after
_S15 = {
    "gaps_test2": "0.70 / 0.05 -> 0.72 / 0.05",
    "gaps_test3": "0.53 / 0.07 -> 0.57 / 0.07",
    "gaps_test4": "0.70 / 0.10 -> 0.72 / 0.12",
    "gaps_test5": "0.60 / 0.00 -> 0.68 / 0.00",
    "gaps_test6": "0.75 / 0.05 -> 0.82 / 0.07",
    "gaps_test7": "0.65 / 0.07 -> 0.68 / 0.07",
    "gaps_test8": "0.75 / 0.03 -> 0.82 / 0.05",
    "gaps_test9": "0.78 / 0.03 -> 0.80 / 0.03",
    "gaps_test10": "0.80 / 0.05 -> 0.80 / 0.05",
    "gaps_test11": "0.82 / 0.10 -> 0.82 / 0.00",
}
for _name, _moved in _S15.items():
    FIRST_RUN[_name] += (
        f" Session 15's gap decision (gaps15 merge, main aba7d13), run once for totals: {_moved}"
        " (over gaps_test2..gaps_test11: gaps caught 283 -> 298 of 400, false alarms 22 -> 21)."
    )
for _name in (f"gaps_test{n}" for n in range(2, 12)):
    FIRST_RUN[_name] += (
        " Session 16's verdict per request (gaps16 merge, main 9fe7729), run once for totals: the"
        " whole-mail recall and false alarms unchanged."
    )
