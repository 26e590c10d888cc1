"""The second yardstick: the minimal app built the way the explorer's pages are.

One slider-and-box pair and one block of results, each a region (a keyed ``st.fragment``,
as ``ui/kit/regions.py`` makes them); the slider's callback reruns both by name, and the chart is
drawn by ``ui.kit.chart_view.show_chart``. Set beside the minimal app and a real page, it
splits a page's slider time into what the design costs and what the page's size costs.
``benchmarks/bench_browser.py`` runs it from a folder that links ``static/`` (plotly.js).
"""

import streamlit as st

from deficiency import explain, format_usd
from ui.kit.chart_view import publish_plotly_js, show_chart
from ui.kit.figures import waterfall_alt, waterfall_figure

publish_plotly_js()
for key in ("loan_balance", "loan_balance_slider", "loan_balance_box"):
    st.session_state.setdefault(key, 50_000)


def results() -> None:
    """A car sold for 60% of the balance with a $600 repossession fee, as the pages draw it."""
    loan_balance = st.session_state["loan_balance"]
    statement = explain(loan_balance, loan_balance * 6 // 10, {"Repossession fee": 600})
    figures = [
        ("Owed", statement.owed),
        ("Sale price", statement.proceeds),
        ("Expenses", statement.expenses),
        ("Deficiency", statement.deficiency),
    ]
    for row in (figures[:2], figures[2:]):
        for column, (label, amount) in zip(st.columns(2), row, strict=True):
            column.metric(label, format_usd(amount))
    for line in statement.lines[:3]:
        st.markdown(f"{line.label}: **{format_usd(line.amount)}**")
    show_chart(
        waterfall_figure(statement, "How the deficiency is built"),
        key="chart",
        alt=waterfall_alt(statement, "car"),
    )
    for line in statement.lines[3:]:
        st.caption(f"{line.label}: {format_usd(line.amount)}")


def slider_moved() -> None:
    # As a page's pair does: the value is stored and the exact box shown it.
    st.session_state["loan_balance"] = st.session_state["loan_balance_slider"]
    st.session_state["loan_balance_box"] = st.session_state["loan_balance_slider"]
    st.rerun(scope=["pair", "results"])


def pair() -> None:
    slider_column, box_column = st.columns(2)
    slider_column.slider(
        "Loan balance",
        0,
        100_000,
        step=100,
        key="loan_balance_slider",
        on_change=slider_moved,
    )
    box_column.number_input("Exact loan balance", 0, 100_000, step=100, key="loan_balance_box")


st.title("Region app")
st.fragment(pair, key="pair")()
st.fragment(results, key="results")()
