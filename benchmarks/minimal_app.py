"""The yardstick: one slider, one Plotly chart. Browser benchmarks report ratios to it."""

import plotly.graph_objects as go
import streamlit as st

value = st.slider("Value", min_value=0, max_value=100, value=50, key="value")
figure = go.Figure(go.Scatter(x=list(range(101)), y=[value * x for x in range(101)]))
figure.update_layout(title=f"Value: {value}")
st.plotly_chart(figure, key="chart", alt=f"A line with slope {value}")
