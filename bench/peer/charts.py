"""The Streamlit twin of bench/apps/charts (cargo xtask bench): one chart per load, chosen by
the query parameter `chart` (line_10k, scatter_100k, line_1m, map_100k), built from a
fixed-seed random walk or cloud with numpy. A code block says what was built (as the wasmlit app's does), then
the chart is drawn with Streamlit's defaults. Every browser session runs the script again, so
every load is a sample.
"""

import json

import numpy as np
import pandas as pd
import streamlit as st

CASES = {"line_10k": 10_000, "scatter_100k": 100_000, "line_1m": 1_000_000, "map_100k": 100_000}

name = st.query_params.get("chart", "line_10k")
if name not in CASES:
    st.error(f"unknown chart `{name}`: ?chart= takes one of {', '.join(CASES)}")
    st.stop()
rows = CASES[name]
rng = np.random.default_rng(42)
st.title("Charts")
if name == "scatter_100k":
    x = rng.random(rows) * 100.0
    y = x * 0.5 + (rng.random(rows) + rng.random(rows) + rng.random(rows) - 1.5) * 20.0
    df = pd.DataFrame({"x": x, "y": y})
elif name == "map_100k":
    lat = 37.76 + (rng.random(rows) + rng.random(rows) - 1.0) * 0.1
    lon = -122.44 + (rng.random(rows) + rng.random(rows) - 1.0) * 0.12
    df = pd.DataFrame({"lat": lat, "lon": lon})
else:
    df = pd.DataFrame({"value": np.cumsum(rng.random(rows) - 0.5)})
st.code(json.dumps({"chart": name, "rows": len(df)}), language="json")
if name == "scatter_100k":
    st.scatter_chart(df, x="x", y="y")
elif name == "map_100k":
    st.map(df)
else:
    st.line_chart(df)
