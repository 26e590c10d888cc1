"""The second yardstick: the minimal app built the way the explorer's pages are.

One slider-and-box pair and one block of results, each a region (a keyed ``st.fragment``,
as ``ui/live.py`` makes them); the slider's callback reruns both by name, and the chart is
drawn by ``ui.chart_view.show_chart``. Set beside the minimal app and a real page, it
splits a page's slider time into what the design costs and what the page's size costs.
``benchmarks/bench_browser.py`` runs it from a folder that links ``static/`` (plotly.js).
"""

import plotly.graph_objects as go
import streamlit as st

from ui.chart_view import show_chart

for key in ("loan_balance", "loan_balance_slider", "loan_balance_box"):
    st.session_state.setdefault(key, 50_000)


def waterfall(loan_balance: int) -> go.Figure:
    sale_price = loan_balance * 6 // 10
    costs = loan_balance // 20
    figure = go.Figure(
        go.Waterfall(
            x=["Owed", "Sale price", "Costs", "Deficiency"],
            y=[loan_balance, -sale_price, costs, 0],
            measure=["absolute", "relative", "relative", "total"],
        )
    )
    figure.update_layout(title=f"Owed ${loan_balance:,}", height=380, yaxis_tickprefix="$")
    return figure


def results() -> None:
    loan_balance = st.session_state["loan_balance"]
    for row in range(2):
        left, right = st.columns(2)
        left.metric(f"Figure {row + 1}", f"${loan_balance:,}")
        right.metric(f"Figure {row + 3}", f"${loan_balance * 7 // 10:,}")
    for line in range(3):
        st.markdown(f"Line {line + 1}: **${loan_balance * (line + 1):,}**")
    show_chart(waterfall(loan_balance), key="chart", alt=f"Owed ${loan_balance:,}")
    for line in range(4):
        st.caption(f"Note {line + 1}: ${loan_balance // (line + 1):,}")


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
