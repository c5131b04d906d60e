"""The privacy bench's judge: the company's own hotline is no partial leak of a customer's
phone number that shares its area code; the customer's own digits still are."""

from __future__ import annotations

from benchmarks.bench_privacy_independent import _company_tokens, compact, judge, norm


def _verdict(value: str, seen: str) -> str:
    seen_n = norm(seen)
    return judge("PHONE", value, seen_n, compact(seen_n), _company_tokens())


def test_the_company_hotlines_area_code_is_no_partial_leak() -> None:
    seen = "Rückfragen unter [PHONE_1]; bei Ihnen unter 0431 5577-100 war besetzt."
    assert _verdict("0431 / 64 33 91", seen) == "hidden"


def test_a_customers_own_digits_are_still_a_partial_leak() -> None:
    seen = "Rückfragen unter 0431 [PHONE_1] oder unter 2208 am Abend; Hotline 0431 5577-100."
    assert _verdict("0431-2208 4513", seen) == "partial"


def test_a_links_own_words_are_no_partial_leak_its_values_are() -> None:
    link = "https://portal.example-werke.de/reset?token=9f3Kq2LmX7vTz81RbNwE4yHc&uid=55021"
    seen = norm("I tried to reset my portal password with the link [URL_SECRET_1].")
    own = _company_tokens()
    assert judge("URL_SECRET", link, seen, compact(seen), own) == "hidden"
    seen = norm("The link [URL_SECRET_1] says uid 55021 is unknown.")
    assert judge("URL_SECRET", link, seen, compact(seen), own) == "partial"


def _email_verdict(value: str, seen: str, roles: bool = True) -> str:
    seen_n = norm(seen)
    return judge("EMAIL", value, seen_n, compact(seen_n), _company_tokens(), roles=roles)


def test_a_role_word_of_a_hidden_address_is_no_partial_leak() -> None:
    # round 14's judge: "buchhaltung" identifies nobody; the old judge counted it
    seen = "Bitte die Rechnung an unsere Buchhaltung: [EMAIL_1]. Gruß, [NAME_1]"
    assert _email_verdict("buchhaltung@hagedorn-dachbau.de", seen) == "hidden"
    assert _email_verdict("buchhaltung@hagedorn-dachbau.de", seen, roles=False) == "partial"
    seen = "Als Kassenwart des Vereins schreibe ich von [EMAIL_1]."
    assert _email_verdict("kassenwart@sv-holtenau.example", seen) == "hidden"


def test_the_personal_tokens_beside_a_role_word_still_leak() -> None:
    seen = "Der Hausmeister Dabrowski hat den Zähler abgelesen ([EMAIL_1])."
    assert _email_verdict("hausmeister.dabrowski@gmail.com", seen) == "partial"
    seen = "Der Hausmeister hat den Zähler abgelesen ([EMAIL_1])."
    assert _email_verdict("hausmeister.dabrowski@gmail.com", seen) == "hidden"
    # a surname that is also a word (zipf 3.8, in no name list at hand) stays personal
    seen = "Frau Krüger schreibt von [EMAIL_1]."
    assert _email_verdict("krüger.m@web.de", seen) == "partial"


def test_the_bench_sees_what_the_engine_sends_after_its_greeting_pass() -> None:
    # the engine hides a name its greeting writes that the recognizers left in clear; the
    # bench renders the engine's own job, so that name is not counted as leaked
    from benchmarks.bench_privacy_independent import _engine, model_view
    from drafter.mail.parse import parse_email

    raw = (
        b"From: Thore Lassahn-Wiese <th.lassahn-wiese@lassahn-kfz.de>\n"
        b"To: service@stadtwerke-nordlicht.de\nSubject: Strom weg\n"
        b"Content-Type: text/plain; charset=utf-8\n\n"
        b"Moin zusammen,\n\nbei uns in der Werkstatt ist der Strom weg.\n\n"
        b"Bitte schnell melden.\nTh. L.-W.\n"
    )
    seen, _fields, _vault = model_view(_engine(), parse_email(raw))
    assert "L.-W." not in seen
