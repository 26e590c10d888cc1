"""The benchmark's CI gate: exit 0 when both paths agree, 1 when a sampled point differs."""

from decimal import Decimal

from benchmarks import bench_engine


def test_quick_benchmark_agrees_and_exits_zero(capsys):
    assert bench_engine.main(["--quick", "--sample", "300"]) == 0
    output = capsys.readouterr().out
    assert "extrapolated from 300 timed" in output
    assert "vectorized and exact agree" in output


def test_quick_benchmark_exits_one_on_a_disagreement(monkeypatch, capsys):
    exact = bench_engine.exact_deficiency

    def off_by_a_cent(price_cents: int, fee_cents: int) -> Decimal:
        return exact(price_cents, fee_cents) + Decimal("0.01")

    monkeypatch.setattr(bench_engine, "exact_deficiency", off_by_a_cent)
    assert bench_engine.main(["--quick", "--sample", "50"]) == 1
    assert "DISAGREE on 50" in capsys.readouterr().out
