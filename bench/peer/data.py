"""The Streamlit twin of bench/apps/data (cargo xtask bench): the same work on the same CSV file,
with pandas, then the frame in st.dataframe.

The timings go into a code block, as JSON, for the benchmark to read. The file is the one the
benchmark wrote for both tools: BENCH_DATA_CSV names it.
"""

import json
import os
import time

import pandas as pd
import streamlit as st

path = os.environ["BENCH_DATA_CSV"]
timings = {}

start = time.perf_counter()
df = pd.read_csv(path, parse_dates=["date", "time"])
timings["parse"] = (time.perf_counter() - start) * 1000

start = time.perf_counter()
df.sort_values("value", ascending=False)
timings["sort"] = (time.perf_counter() - start) * 1000

start = time.perf_counter()
df.groupby("category").agg(value_sum=("value", "sum"), value_mean=("value", "mean"))
timings["group_by"] = (time.perf_counter() - start) * 1000

start = time.perf_counter()
df[(df.quantity > 50) & (df.region == "north")]
timings["filter"] = (time.perf_counter() - start) * 1000

timings["rows"] = len(df)
timings["heap_bytes"] = int(df.memory_usage(deep=True).sum())

st.title("Data")
st.code(json.dumps(timings), language=None)
st.dataframe(df, height=600)
