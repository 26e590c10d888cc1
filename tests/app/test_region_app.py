"""The benchmark's second yardstick (``benchmarks/region_app.py``) draws what it claims: a move
reruns its pair and its results by name, so its timings stand for the pages' design."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from tests.helpers import charts, decode

REGION_APP = Path(__file__).resolve().parents[2] / "benchmarks" / "region_app.py"


def test_a_slider_move_redraws_the_box_and_the_results_only() -> None:
    at = AppTest.from_file(str(REGION_APP), default_timeout=30).run()
    assert not at.exception
    at.slider(key="loan_balance_slider").set_value(60_000).run()
    assert not at.exception
    # Only the two regions ran: the title, outside them, is not in this run's output.
    assert not at.title
    assert at.number_input(key="loan_balance_box").value == 60_000
    assert [metric.value for metric in at.metric] == [
        "$60,000.00",
        "$36,000.00",
        "$600.00",
        "$24,600.00",
    ]
    figure, alt = charts(at)["chart"]
    assert alt.endswith("leaves a deficiency of $24,600.00.")
    assert [decode(trace["y"]) for trace in figure["data"]] == [[60000, -36000, 600, 0]]
