"""Per-set figures of the privacy DEVELOPMENT sets only: hidden / labelled, emails leaking a
value, keep strings lost; a held-out `test_*` set is never read (it lists the `dev*` folders
and the retired test_a .. test_k through `privacy_equivalence.dev_sets`).

    python -m benchmarks.privacy_dev_figures            # one line per dev set
    python -m benchmarks.privacy_dev_figures dev16 -v   # those sets, with their misses
    python -m benchmarks.privacy_dev_figures test_k -v         # the retired sets too

A quick check between rounds; the full report (per type, timing, history) is
`python -m benchmarks.run privacy_independent`.
"""

from __future__ import annotations

import sys

from benchmarks.bench_privacy_independent import _engine, run_set
from benchmarks.privacy_equivalence import dev_sets


def main(args: list[str]) -> int:
    verbose = "-v" in args
    wanted = {a for a in args if not a.startswith("-")}
    folders = [f for f in dev_sets() if not wanted or f.name in wanted]
    if not folders:
        print(f"no dev set named {', '.join(sorted(wanted))} under benchmarks/data/privacy/")
        return 2
    engine = _engine()
    for folder in folders:
        r = run_set(folder, engine)
        hidden, total = r.share()
        print(
            f"{r.name:7} hidden {hidden}/{total}  leaking {r.emails_leaking}/{r.emails}  "
            f"keep lost {r.keep_lost}/{r.keep_present}"
            + (f"  crashes {len(r.errors)}" if r.errors else "")
        )
        if verbose:
            for line in [*r.misses, *r.lost_keeps]:
                print("    " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
