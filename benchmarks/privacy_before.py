"""Hand-written before-figures of the privacy bench's sets (first runs, earlier rounds),
rendered under each set by bench_privacy_independent."""

from __future__ import annotations

# The same module run on the code before issue 9 (main at 1a251a7, old code first on
# PYTHONPATH), dev set; kept here because that code no longer exists in this tree.
BEFORE_DEV = (
    "Before issue 9 (main at 1a251a7, this module, dev set): all 441/590 = 0.747, names "
    "119/172 = 0.692, structured 322/418 = 0.770, 55 of 60 emails with a value not hidden, "
    "over-redaction 8/217 = 0.037; redaction p95 40.2 ms wall / 8.8 ms CPU on the same "
    "loaded machine."
)


BEFORE_DEV2 = (
    "Before the second privacy round (code at f3a436d, this module, dev2 measured before any "
    "change was tuned on it: the first out-of-sample figure of that code): all 671/721 = "
    "0.931, names 225/230 = 0.978, structured 446/491 = 0.908, 31 of 60 emails with a value "
    "not hidden, over-redaction 16/286 = 0.056."
)
BEFORE_DEV3 = (
    "Before the fourth privacy round (code at main a9f4291, this module, dev3 measured before "
    "any change was tuned on it: the first out-of-sample figure of that code): all 800/848 = "
    "0.943, names 258/274 = 0.942, structured 542/574 = 0.944, 28 of 80 emails with a value "
    "not hidden, over-redaction 12/288 = 0.042."
)
BEFORE_DEV4 = (
    "Before the fifth privacy round (code at main 729e8cf, this module, dev4 measured before "
    "any change was tuned on it: the first out-of-sample figure of that code): all 815/860 = "
    "0.948, names 257/276 = 0.931, structured 558/584 = 0.955, 29 of 80 emails with a value "
    "not hidden, over-redaction 38/571 = 0.067."
)
BEFORE_DEV5 = (
    "Before the sixth privacy round (code at main 809e460, this module, dev5 measured before "
    "any change was tuned on it: the first out-of-sample figure of that code): all 816/874 = "
    "0.934, names 241/256 = 0.941, structured 575/618 = 0.930, 33 of 80 emails with a value "
    "not hidden, over-redaction 11/600 = 0.018."
)
BEFORE_DEV6 = (
    "Before the eighth privacy round (code at main e072376, this module, dev6 measured before "
    "any change was tuned on it: the first out-of-sample figure of that code): all 992/1027 = "
    "0.966, names 303/314 = 0.965, structured 689/713 = 0.966, 24 of 80 emails with a value "
    "not hidden, over-redaction 20/515 = 0.039."
)
BEFORE_DEV7 = (
    "Before the ninth privacy round (code at main fafb7c4, this module, dev7 measured before "
    "any change was tuned on it: the first out-of-sample figure of that code): all 795/817 = "
    "0.973, names 236/238 = 0.992, structured 559/579 = 0.965, 18 of 80 emails with a value "
    "not hidden, over-redaction 23/525 = 0.044."
)
BEFORE_DEV8 = (
    "Before the tenth privacy round (code at main 5935645, this module, dev8 measured before "
    "any change was tuned on it: the first out-of-sample figure of that code): all 694/720 = "
    "0.964, names 207/214 = 0.967, structured 487/506 = 0.962, 18 of 80 emails with a value "
    "not hidden, over-redaction 6/496 = 0.012."
)
BEFORE_DEV9 = (
    "Before the eleventh privacy round (code at privacy11 d7f9599 = main ede7f03 and three "
    "commits tuned on hand-written probes; main ede7f03 alone gave the same figures; this "
    "module, dev9 measured before any change was tuned on it: the first out-of-sample figure "
    "of that code): all 795/816 = 0.974, names 248/252 = 0.984, structured 547/564 = 0.970, "
    "19 of 80 emails with a value not hidden, over-redaction 11/484 = 0.023."
)
BEFORE_DEV10 = (
    "Before the twelfth privacy round (code at main 28c30be, this module, dev10 measured "
    "before any change was tuned on it: the first out-of-sample figure of that code): all "
    "592/602 = 0.983, names 157/161 = 0.975, structured 435/441 = 0.986, 9 of 80 emails with "
    "a value not hidden, over-redaction 11/483 = 0.023."
)
BEFORE_DEV11 = (
    "Before the thirteenth privacy round (code at main d12000a, this module, dev11 measured "
    "before any change was tuned on it: the first out-of-sample figure of that code): all "
    "662/672 = 0.985, names 171/176 = 0.972, structured 491/496 = 0.990, 9 of 80 emails with "
    "a value not hidden, over-redaction 2/496 = 0.004. The round's branch, tuned on hand-written "
    "probes only, on its first run: all 663/672 = 0.987 (one Ukrainian town more), 8 emails."
)
BEFORE_DEV12 = (
    "Before the fourteenth privacy round (code at main 529bcd0, this module, dev12 measured "
    "before any change was tuned on it: the first out-of-sample figure of that code): all "
    "609/622 = 0.979, names 173/175 = 0.989, structured 436/447 = 0.975, 12 of 80 emails with "
    "a value not hidden, over-redaction 7/491 = 0.014 (the old and the new judge agree on it)."
)
BEFORE_DEV13 = (
    "Written blind in session 13 as a development set (80 mails, 633 values, 548 keep strings). "
    "Its first run (code at main 88841f5, recorded with the commit that added the set, cbc15a0): "
    "all 630/633 = 0.995, names 177/177 = 1.000, structured 453/456 = 0.993, 3 of 80 emails with "
    "a value not hidden, over-redaction 9/548 = 0.016."
)
BEFORE_HELD_OUT = "Before the fourth privacy round (code at main a9f4291, the third round's run): "
BEFORE = {
    "dev": BEFORE_DEV,
    "dev2": BEFORE_DEV2,
    "dev3": BEFORE_DEV3,
    "dev4": BEFORE_DEV4,
    "dev5": BEFORE_DEV5,
    "dev6": BEFORE_DEV6,
    "dev7": BEFORE_DEV7,
    "dev8": BEFORE_DEV8,
    "dev9": BEFORE_DEV9,
    "dev10": BEFORE_DEV10,
    "dev11": BEFORE_DEV11,
    "dev12": BEFORE_DEV12,
    "dev13": BEFORE_DEV13,
    "test_a": BEFORE_HELD_OUT + "all 757/825 = 0.918, names 222/232 = 0.957, structured "
    "535/593 = 0.902, 36 of 80 emails with a value not hidden, over-redaction 11/397 = 0.028.",
    "test_b": BEFORE_HELD_OUT + "all 903/949 = 0.952, names 274/285 = 0.961, structured "
    "629/664 = 0.947, 31 of 80 emails with a value not hidden, over-redaction 17/313 = 0.054.",
    "test_c": BEFORE_HELD_OUT + "all 834/867 = 0.962, names 248/261 = 0.950, structured "
    "586/606 = 0.967, 23 of 80 emails with a value not hidden, over-redaction 20/343 = 0.058.",
    "test_d": "Written blind in session 5. Before that session's privacy rounds (code at main "
    "809e460, run once for totals): all 676/686 = 0.985, names 198/202 = 0.980, structured "
    "478/484 = 0.988, 9 of 80 emails with a value not hidden, over-redaction 10/623 = 0.016. "
    "The rounds of session 5 did not move it (one name more hidden, one postcode + town less).",
    "test_e": "Written blind in session 6. Before that session's privacy rounds (code at main "
    "e072376, run once for totals): all 616/630 = 0.978, names 174/180 = 0.967, structured "
    "442/450 = 0.982, 12 of 80 emails with a value not hidden, over-redaction 13/519 = 0.025.",
    "test_f": "Written blind in session 7. Before that session's privacy rounds (code at main "
    "4ae6594, run once for totals): all 653/672 = 0.972, names 201/211 = 0.953, structured "
    "452/461 = 0.980, 12 of 80 emails with a value not hidden, over-redaction 18/528 = 0.034. "
    "After the privacy9 merge (main e5f4253): all 654/672 = 0.973, names 201/211 = 0.953, "
    "structured 453/461 = 0.983, 11 of 80 emails with a value not hidden, over-redaction "
    "17/528 = 0.032.",
    "test_g": "Written blind in session 8. Before that session's privacy rounds (code at main "
    "5935645, run once for totals): all 641/658 = 0.974, names 194/200 = 0.970, structured "
    "447/458 = 0.976, 12 of 80 emails with a value not hidden, over-redaction 8/487 = 0.016. "
    "After the privacy10 merge (main 2642868): all 647/658 = 0.983, names 198/200 = 0.990, "
    "structured 449/458 = 0.980, 10 of 80 emails with a value not hidden, over-redaction "
    "9/487 = 0.018.",
    "test_h": "Written blind in session 9. Before that session's privacy round (code at main "
    "0fc723f, run once for totals): all 645/655 = 0.985, names 193/196 = 0.985, structured "
    "452/459 = 0.985, 9 of 80 emails with a value not hidden, over-redaction 9/528 = 0.017. "
    "After the privacy11 merge (main 919bdd3): all 646/655 = 0.986, names 194/196 = 0.990, "
    "structured 452/459 = 0.985, 8 of 80 emails with a value not hidden, over-redaction "
    "9/528 = 0.017. After the privacy12 merge (main 334988e), judged as before: names "
    "195/196 = 0.995, structured 452/459 = 0.985, 7 emails with a value not hidden; with "
    "round 12's judge (the company's own phone prefix and a link's host no longer count as "
    "partial; the table above): structured 453/459 = 0.987, 6 emails.",
    "test_i": "Written blind in session 10. Before that session's privacy round (code at main "
    "28c30be, run once for totals): all 711/717 = 0.992, names 197/198 = 0.995, structured "
    "514/519 = 0.990, 5 of 80 emails with a value not hidden, over-redaction 7/503 = 0.014. "
    "After the privacy12 merge (main 334988e), judged as before: the same figures (no value "
    "changed); with round 12's judge (the table above): all 712/717 = 0.993, structured "
    "515/519 = 0.992, 4 emails.",
    "test_j": "Written blind in session 11. Before that session's privacy round (code at main "
    "52b8fcf, run once for totals): all 632/638 = 0.991, names 158/162 = 0.975, structured "
    "474/476 = 0.996, 6 of 80 emails with a value not hidden, over-redaction 10/499 = 0.020. "
    "After the privacy13 merge (main 9812a3c's privacy code): the same figures (no value "
    "changed).",
    "test_k": "Written blind in session 12. Before that session's privacy round (code at main "
    "529bcd0, run once for totals): all 596/603 = 0.988, names 181/183 = 0.989, structured "
    "415/420 = 0.988, 7 of 80 emails with a value not hidden, over-redaction 14/516 = 0.027.",
    "test_l": "Written blind in session 13. Before that session's privacy round (code at main "
    "88841f5, with session 12's model view and role-word judge, run once for totals): all "
    "708/713 = 0.993, names 193/194 = 0.995, structured 515/519 = 0.992, 5 of 80 emails with a "
    "value not hidden, over-redaction 5/537 = 0.009.",
    "test_m": "Written blind in session 14. Before that session's privacy round (code at main "
    "db35e40, session 13's final code, run once for totals): all 698/700 = 0.997, names "
    "193/194 = 0.995, structured 505/506 = 0.998, 2 of 80 emails with a value not hidden, "
    "over-redaction 11/527 = 0.021.",
}

#: The held-out sets measured again by the integrator at the start of each later session, with
#: this module's model view and judge (from session 12 on), totals only: hidden / labelled,
#: emails with a value not hidden, keep strings lost. Each column is the code before that
#: session, i.e. the previous session's final code.
_CODES = (
    ("529bcd0", "before session 12"),
    ("88841f5", "before session 13 (after the privacy14 merge)"),
    ("db35e40", "before session 14 (session 13's final code)"),
    ("1bc0209", "before session 15 (session 14's final code)"),
    ("b0988bd", "before session 16 (session 15's final code)"),
    ("2472358", "before session 17 (session 16's final code)"),
    ("e4c8870", "before session 18 (session 17's final code)"),
    ("f7a410e", "before session 20 (session 19's final code)"),
    ("ad9a46c", "before session 21 (session 20's final code)"),
    ("92b73ae", "before session 22 (session 21's final code)"),
    ("65c2707", "session 25's merged code (privacy28, retiring test_g)"),
    ("0ee5dbe", "session 26's privacy29 merge (retiring test_h)"),
    ("66f009b", "session 27's privacy30 merge (retiring test_i)"),
    ("553d8b8", "session 28's privacy31 and privspeed2 merges (retiring test_j)"),
    ("6fc4799", "session 29's privspeed3 and privacy32 merges (retiring test_k)"),
)
_Figures = tuple[int, int, int, int]
_RUNS: dict[str, tuple[_Figures | None, ...]] = {
    # set: one figure per code of _CODES (None: not measured with that code)
    "test_a": (
        (790, 825, 18, 4),
        (791, 825, 17, 3),
        (791, 825, 17, 3),
        (791, 825, 17, 2),
        None,
        None,
        None,
        None,
        None,
        None,
        None,
        None,
        None,
        None,
        None,
    ),
    "test_b": (
        (926, 949, 18, 14),
        (926, 949, 18, 14),
        (926, 949, 18, 14),
        (926, 949, 18, 15),
        None,
        None,
        None,
        None,
        None,
        None,
        None,
        None,
        None,
        None,
        None,
    ),
    "test_c": (
        (859, 867, 7, 13),
        (859, 867, 7, 13),
        (859, 867, 7, 13),
        (860, 867, 6, 13),
        (860, 867, 6, 11),
        (861, 867, 5, 11),
        (861, 867, 5, 11),
        (861, 867, 5, 11),
        None,
        None,
        None,
        None,
        None,
        None,
        None,
    ),
    "test_d": (
        (682, 686, 4, 6),
        (682, 686, 4, 6),
        (682, 686, 4, 6),
        (682, 686, 4, 6),
        (682, 686, 4, 5),
        (682, 686, 4, 5),
        (682, 686, 4, 5),
        (682, 686, 4, 5),
        None,
        None,
        None,
        None,
        None,
        None,
        None,
    ),
    "test_e": (
        (624, 630, 6, 11),
        (624, 630, 6, 11),
        (624, 630, 6, 11),
        (624, 630, 6, 11),
        (624, 630, 6, 11),
        (624, 630, 6, 11),
        (624, 630, 6, 12),
        (624, 630, 6, 12),
        (624, 630, 6, 12),
        None,
        None,
        None,
        None,
        None,
        None,
    ),
    "test_f": (
        (668, 672, 4, 15),
        (668, 672, 4, 15),
        (667, 672, 5, 13),
        (667, 672, 5, 13),
        (667, 672, 5, 14),
        (667, 672, 5, 13),
        (669, 672, 3, 13),
        (669, 672, 3, 13),
        (669, 672, 3, 13),
        (669, 672, 3, 13),
        None,
        None,
        None,
        None,
        None,
    ),
    "test_g": (
        (648, 658, 9, 4),
        (651, 658, 7, 4),
        (651, 658, 7, 4),
        (652, 658, 6, 4),
        (652, 658, 6, 5),
        (652, 658, 6, 5),
        (653, 658, 5, 5),
        (653, 658, 5, 5),
        (653, 658, 5, 5),
        (653, 658, 5, 5),
        None,
        None,
        None,
        None,
        None,
    ),
    "test_h": (
        (649, 655, 5, 9),
        (650, 655, 4, 8),
        (651, 655, 4, 7),
        (651, 655, 4, 6),
        (651, 655, 4, 10),
        (651, 655, 4, 10),
        (651, 655, 4, 10),
        (651, 655, 4, 10),
        (651, 655, 4, 10),
        (651, 655, 4, 10),
        (651, 655, 4, 10),
        None,
        None,
        None,
        None,
    ),
    "test_i": (
        (713, 717, 3, 7),
        (716, 717, 1, 7),
        (716, 717, 1, 6),
        (716, 717, 1, 7),
        (716, 717, 1, 8),
        (716, 717, 1, 8),
        (716, 717, 1, 7),
        (716, 717, 1, 7),
        (716, 717, 1, 7),
        (716, 717, 1, 8),
        (716, 717, 1, 8),
        (716, 717, 1, 8),
        None,
        None,
        None,
    ),
    "test_j": (
        (632, 638, 6, 10),
        (632, 638, 6, 10),
        (632, 638, 6, 8),
        (632, 638, 6, 8),
        (632, 638, 6, 11),
        (633, 638, 5, 11),
        (633, 638, 5, 10),
        (633, 638, 5, 10),
        (633, 638, 5, 10),
        (634, 638, 4, 10),
        (634, 638, 4, 10),
        (634, 638, 4, 10),
        (634, 638, 4, 10),
        None,
        None,
    ),
    "test_k": (
        (596, 603, 7, 15),
        (598, 603, 5, 15),
        (598, 603, 5, 13),
        (598, 603, 5, 13),
        (598, 603, 5, 15),
        (598, 603, 5, 15),
        (599, 603, 4, 15),
        (599, 603, 4, 15),
        (599, 603, 4, 15),
        (599, 603, 4, 15),
        (599, 603, 4, 15),
        (599, 603, 4, 15),
        (599, 603, 4, 15),
        (599, 603, 4, 15),
        None,
    ),
    "test_l": (
        None,
        None,
        (709, 713, 4, 5),
        (709, 713, 4, 5),
        (709, 713, 4, 5),
        (709, 713, 4, 5),
        (709, 713, 4, 5),
        (709, 713, 4, 5),
        (709, 713, 4, 5),
        (709, 713, 4, 5),
        (709, 713, 4, 5),
        (709, 713, 4, 5),
        (709, 713, 4, 5),
        (709, 713, 4, 5),
        (709, 713, 4, 5),
    ),
    "test_m": (
        None,
        None,
        None,
        (698, 700, 2, 11),
        (698, 700, 2, 10),
        (698, 700, 2, 10),
        (698, 700, 2, 10),
        (698, 700, 2, 10),
        (698, 700, 2, 10),
        (699, 700, 1, 10),
        (699, 700, 1, 10),
        (699, 700, 1, 10),
        (699, 700, 1, 10),
        (699, 700, 1, 10),
        (699, 700, 1, 10),
    ),
    "test_n": (
        None,
        None,
        None,
        None,
        (742, 751, 8, 11),
        (745, 751, 6, 10),
        (746, 751, 5, 10),
        (746, 751, 5, 10),
        (746, 751, 5, 10),
        (746, 751, 5, 10),
        (746, 751, 5, 10),
        (746, 751, 5, 10),
        (746, 751, 5, 10),
        (746, 751, 5, 10),
        (747, 751, 4, 10),
    ),
    "test_o": (
        None,
        None,
        None,
        None,
        (691, 706, 11, 8),
        (692, 706, 10, 8),
        (692, 706, 10, 7),
        (692, 706, 10, 7),
        (692, 706, 10, 7),
        (692, 706, 10, 7),
        (693, 706, 10, 7),
        (693, 706, 10, 7),
        (693, 706, 10, 7),
        (693, 706, 10, 7),
        (693, 706, 10, 7),
    ),
    "test_p": (
        None,
        None,
        None,
        None,
        None,
        (742, 746, 4, 5),
        (742, 746, 4, 5),
        (742, 746, 4, 5),
        (742, 746, 4, 5),
        (742, 746, 4, 4),
        (742, 746, 4, 4),
        (743, 746, 3, 4),
        (743, 746, 3, 4),
        (743, 746, 3, 4),
        (743, 746, 3, 4),
    ),
    "test_q": (
        None,
        None,
        None,
        None,
        None,
        None,
        (728, 736, 8, 13),
        (728, 736, 8, 13),
        (728, 736, 8, 13),
        (728, 736, 8, 13),
        (728, 736, 8, 13),
        (728, 736, 8, 13),
        (729, 736, 7, 13),
        (729, 736, 7, 13),
        (731, 736, 5, 13),
    ),
    "test_r": (
        None,
        None,
        None,
        None,
        None,
        None,
        None,
        (580, 591, 11, 7),
        (580, 591, 11, 7),
        (580, 591, 11, 7),
        (580, 591, 11, 7),
        (580, 591, 11, 7),
        (580, 591, 11, 7),
        (580, 591, 11, 7),
        (581, 591, 10, 7),
    ),
    "test_s": (
        None,
        None,
        None,
        None,
        None,
        None,
        None,
        None,
        (587, 595, 8, 8),
        (587, 595, 8, 8),
        (587, 595, 8, 8),
        (587, 595, 8, 8),
        (587, 595, 8, 8),
        (587, 595, 8, 8),
        (587, 595, 8, 8),
    ),
    "test_t": (
        None,
        None,
        None,
        None,
        None,
        None,
        None,
        None,
        None,
        (603, 608, 4, 3),
        (604, 608, 3, 3),
        (604, 608, 3, 3),
        (604, 608, 3, 3),
        (604, 608, 3, 3),
        (604, 608, 3, 3),
    ),
    "test_u": (
        None,
        None,
        None,
        None,
        None,
        None,
        None,
        None,
        None,
        (605, 612, 7, 9),
        (606, 612, 6, 9),
        (607, 612, 5, 9),
        (607, 612, 5, 9),
        (607, 612, 5, 9),
        (607, 612, 5, 9),
    ),
}
#: said once above the sets (bench_privacy_independent renders it in the section's head)
HISTORY_NOTE = (
    "Under each held-out set, a table gives the totals of the code before each later session "
    "(the previous session's final code), measured by the integrator with this module's model "
    "view and judge, totals only. Two notes on those runs: in session 14, privacy15's "
    "greeting-pass filter was taken out after it let one test_g value through, and greet15's "
    "sign-off changes let one test_f name through (bisected to its commit 3e65514; the name "
    "still reaches the model, so it is not a reading the engine's name net covers). `test_a` "
    "and `test_b` were retired to development data in session 15 and tuned on since (privacy17), "
    "so their history stops there; `test_c` and `test_d` likewise in session 20 (privacy22; "
    "their last held-out figures, main 3fe0ff2, session 19's final code, were the same as "
    "before session 18: c 861/867, 5 emails, 11 keep strings lost; d 682/686, 4, 5); `test_e` "
    "in session 21 (privacy23; its last held-out figure, main ad9a46c, session 20's final code, "
    "the same as before session 20: 624/630, 6 emails, 12 keep strings lost); `test_f` in "
    "session 23 (privacy25; its last held-out figure, main 5160956, the same privacy code as "
    "session 21's final 92b73ae, the same as before session 22: 669/672, 3 emails, 13 keep "
    "strings lost); `test_g` in session 25 (privacy28; its last held-out figure, main "
    "2099f99c, session 23's merged privacy code: 653/658, 5 emails, 5 keep strings lost); "
    "`test_h` in session 26 (privacy29; its last held-out figure, main 65c2707, session 25's "
    "merged privacy code, the same as before session 16: 651/655, 4 emails, 10 keep strings "
    "lost); `test_i` in session 27 (privacy30; its last held-out figure, main 78b62c67, the "
    "privacy code of 0ee5dbe, session 26's merged code, the same as before session 22: "
    "716/717, 1 email, 8 keep strings lost); `test_j` in session 28 (privacy31; its last "
    "held-out figure, main d3402320, the privacy code of 66f009b, session 27's merged code "
    "with privspeed's speed-only merge, the same as before session 22: 634/638, 4 emails, 10 "
    "keep strings lost); `test_k` in session 29 (privacy32; its last held-out figure, main "
    "a16fd3cd, the privacy code of 553d8b8, session 28's merged code with privspeed2's "
    "speed-only merge, the same as before session 18: 599/603, 4 emails, 15 keep strings lost)."
)


def history_lines(name: str) -> list[str]:
    """The held-out history table of one set, or nothing for a set without one."""
    runs = _RUNS.get(name)
    if runs is None:
        return []
    rows = [
        f"| {code} | {label} | {h}/{t} = {h / t:.3f} | {leaking} | {lost} |"
        for (code, label), figures in zip(_CODES, runs, strict=True)
        if figures is not None
        for h, t, leaking, lost in [figures]
    ]
    return [
        "| code (main) | when | hidden | emails with a value not hidden | keep strings lost |",
        "|---|---|---:|---:|---:|",
        *rows,
        "",
        "The table at the top of this set is the code of this commit.",
    ]


BEFORE["test_n"] = (
    "Written blind in session 15. Before that session's privacy round (code at main 1bc0209, "
    "session 14's final code, run once for totals): all 742/751 = 0.988, names 223/227 = 0.982, "
    "structured 519/524 = 0.990, 8 of 80 emails with a value not hidden, over-redaction 9/517 = "
    "0.017."
)

BEFORE["dev14"] = (
    "Written blind in session 16 as a development set weighted toward keep strings that look "
    "personal (everyday nouns that are also names, the company's own data, service-area towns, "
    "form numbers). Before session 16's privacy round (code at main b0988bd, session 15's final "
    "code, measured by the integrator before anyone read a row: the first out-of-sample figure "
    "of that code): all 636/646 = 0.985, names 220/223 = 0.987, structured 416/423 = 0.983, 9 of "
    "80 emails with a value not hidden, over-redaction 13/506 = 0.026."
)
BEFORE["test_o"] = (
    "Written blind in session 16. Before that session's privacy round (code at main b0988bd, "
    "session 15's final code, run once for totals): all 691/706 = 0.979, names 210/218 = 0.963, "
    "structured 481/488 = 0.986, 11 of 80 emails with a value not hidden, over-redaction 8/533 = "
    "0.015."
)
BEFORE["test_p"] = (
    "Written blind at the end of session 16. Before session 17's privacy round (code at main "
    "2472358, session 16's final code, run once for totals): all 742/746 = 0.995, names 222/223 = "
    "0.996, structured 520/523 = 0.994, 4 of 80 emails with a value not hidden, over-redaction "
    "5/533 = 0.009."
)
BEFORE["dev15"] = (
    "Written blind in session 17 as a development set (a representative week of a utility's "
    "mailbox, third persons in passing, values in odd places). Before session 17's privacy "
    "round (code at main e85b8a3, session 16's final privacy code, measured by the integrator "
    "before anyone read a row: the first out-of-sample figure of that code): all 738/753 = "
    "0.980, names 226/233 = 0.970, structured 512/520 = 0.985, 13 of 80 emails with a value not "
    "hidden, over-redaction 17/534 = 0.032."
)
BEFORE["dev16"] = (
    "Written blind in session 18 as a development set (60 mails, a representative week). Before "
    "session 18's privacy round (code at main e4c8870, session 17's final code, measured by the "
    "integrator before anyone read a row: the first out-of-sample figure of that code): all "
    "516/519 = 0.994, names 150/152 = 0.987, structured 366/367 = 0.997, 2 of 60 emails with a "
    "value not hidden, over-redaction 1/389 = 0.003."
)
BEFORE["test_q"] = (
    "Written blind at the start of session 18. Before that session's privacy round (code at main "
    "e4c8870, session 17's final code, run once for totals): all 728/736 = 0.989, names 214/220 "
    "= 0.973, structured 514/516 = 0.996, 8 of 80 emails with a value not hidden, "
    "over-redaction 13/535 = 0.024."
)
BEFORE["test_r"] = (
    "Written blind at the start of session 20 (60 mails, 40 German, 20 English). Before that "
    "session's privacy round (code at main f7a410e, session 19's final code, run once for "
    "totals): all 580/591 = 0.981, names 181/185 = 0.978, structured 399/406 = 0.983, 11 of 60 "
    "emails with a value not hidden, over-redaction 7/394 = 0.018."
)
BEFORE["test_s"] = (
    "Written blind at the end of session 20 (60 mails, 40 German, 20 English). Before session "
    "21's privacy round (code at main ad9a46c, session 20's final code, run once for totals): "
    "all 587/595 = 0.987, names 188/190 = 0.989, structured 399/405 = 0.985, 8 of 60 emails "
    "with a value not hidden, over-redaction 8/402 = 0.020."
)
BEFORE["test_t"] = (
    "Written blind in session 21 (60 mails, 40 German, 20 English). Before session 22's "
    "privacy round (code at main 92b73ae, session 21's final code, run once for totals): all "
    "603/608 = 0.992, names 184/185 = 0.995, structured 419/423 = 0.991, 4 of 60 emails with a "
    "value not hidden, over-redaction 3/417 = 0.007."
)
BEFORE["test_u"] = (
    "Written blind in session 22 while the engineers worked (60 mails, 40 German, 20 English). "
    "Before session 22's privacy round (code at main 92b73ae, session 21's final code, run once "
    "for totals): all 605/612 = 0.989, names 188/188 = 1.000, structured 417/424 = 0.983, 7 of "
    "60 emails with a value not hidden, over-redaction 9/393 = 0.023."
)
BEFORE["dev17"] = (
    "Written blind in session 20 as a development set (60 mails, 40 German, 20 English). Before "
    "session 20's privacy round (code at main f7a410e, session 19's final code, measured by the "
    "integrator before anyone read a row: the first out-of-sample figure of that code): all "
    "514/522 = 0.985, names 163/166 = 0.982, structured 351/356 = 0.986, 8 of 60 emails with a "
    "value not hidden, over-redaction 5/408 = 0.012. Not tuned on in session 20 (privacy22 "
    "worked on the retired test_c and test_d; the same after the privacy22 merge); tuned on "
    "from session 21 (privacy23)."
)
