"""The Streamlit twin of bench/apps/data (cargo xtask bench): the same work on the same files,
with pandas, then the whole frame in st.dataframe.

The benchmark writes one CSV file and one Parquet file for both tools and names them in
BENCH_DATA_CSV and BENCH_DATA_PARQUET. The timings go into a code block, as JSON, with the same
keys as the wasmlit app's, for the benchmark to read. Every browser session runs the script
again, so every load is a sample.
"""

import json
import os
import time

import pandas as pd
import streamlit as st

csv_path = os.environ["BENCH_DATA_CSV"]
parquet_path = os.environ["BENCH_DATA_PARQUET"]
FILTER_VALUE = 0.0


def rss_bytes():
    """The process's resident memory now (the whole Streamlit server)."""
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def ms(start):
    return (time.perf_counter() - start) * 1000


timings = {"rss_start_bytes": rss_bytes()}

# pandas reads the file from the disk: there is no separate fetch.
start = time.perf_counter()
df = pd.read_csv(csv_path, parse_dates=["date", "time"])
timings["csv_parse_ms"] = ms(start)
timings["rows"] = len(df)
timings["frame_bytes"] = int(df.memory_usage(deep=True).sum())
timings["csv_bytes"] = os.path.getsize(csv_path)

start = time.perf_counter()
sorted_df = df.sort_values("value", ascending=False)
timings["sort_float_ms"] = ms(start)
assert len(sorted_df) == len(df)
del sorted_df

start = time.perf_counter()
sorted_df = df.sort_values(["category", "value"], ascending=[True, False])
timings["sort_text_float_ms"] = ms(start)
assert len(sorted_df) == len(df)
del sorted_df

start = time.perf_counter()
groups = df.groupby("category").agg(value_sum=("value", "sum"), value_mean=("value", "mean"))
timings["group_by_ms"] = ms(start)
timings["groups"] = len(groups)

start = time.perf_counter()
kept = df[(df["value"] > FILTER_VALUE) & df["flag"]]
timings["filter_ms"] = ms(start)
timings["filtered_rows"] = len(kept)

start = time.perf_counter()
from_parquet = pd.read_parquet(parquet_path)
timings["parquet_read_ms"] = ms(start)
timings["parquet_bytes"] = os.path.getsize(parquet_path)
assert len(from_parquet) == len(df)
del from_parquet
timings["rss_end_bytes"] = rss_bytes()

st.title("Data")
st.code(json.dumps(timings), language="json")
st.dataframe(df, height=600)
