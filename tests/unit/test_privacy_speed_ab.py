"""The A/B timing script's percentile is the privacy bench's own (the value at
int(n * share) - 1 of the sorted values), so its p95 compares with docs/benchmarks.md."""

from __future__ import annotations

from benchmarks.privacy_speed_ab import percentile, warm_runs


def test_p95_of_200_runs_is_the_190th_value_as_in_the_bench() -> None:
    values = [float(v) for v in range(200, 0, -1)]  # 200 ... 1, unsorted on purpose
    assert percentile(values, 0.95) == 190.0
    assert percentile(values, 0.5) == 100.0


def test_a_tiny_sample_gives_its_smallest_value_not_an_index_error() -> None:
    assert percentile([3.0], 0.95) == 3.0
    assert percentile([5.0, 4.0], 0.5) == 4.0


def test_warm_runs_times_each_call_after_five_warm_ups_sorted() -> None:
    calls: list[int] = []
    times, cpu = warm_runs(lambda: calls.append(len(calls)), runs=7)
    assert len(calls) == 12  # five warm-up calls, then the seven timed ones
    assert len(times) == len(cpu) == 7
    assert times == sorted(times) and cpu == sorted(cpu)
    assert all(t >= 0 for t in times + cpu)
