"""The browser benchmark's phase table: one press's events read as reply, messages, redraw,
plotly.js and after (``benchmarks/bench_browser.Phases``)."""

from __future__ import annotations

from benchmarks.bench_browser import Phases


def test_a_press_splits_into_its_phases() -> None:
    events = [
        ["message", 120.0],
        ["message", 150.0],
        ["plotly", 180.0, 200.0],
        ["plotly", 200.0, 230.0],
    ]
    phases = Phases.of(started=100.0, last_change=240.0, events=events)
    assert phases == Phases(reply=20.0, messages=30.0, redraw=30.0, plotly=50.0, after=10.0)


def test_without_charts_the_page_redraw_runs_to_the_last_change() -> None:
    phases = Phases.of(started=0.0, last_change=90.0, events=[["message", 10.0], ["message", 40.0]])
    assert phases == Phases(reply=10.0, messages=30.0, redraw=50.0, plotly=0.0, after=0.0)
