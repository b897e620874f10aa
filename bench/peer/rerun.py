"""The Streamlit twin of bench/apps/rerun (cargo xtask bench).

n elements (?n=1000): a title, the slider x, the line "{x} squared is {x*x}" and n - 3
elements that never change, cycling through markdown, text, caption and checkbox; with
?changing=100, the first 100 of them are text lines that show x too.
"""

import streamlit as st

try:
    n = min(max(int(st.query_params.get("n", 10)), 3), 100_000)
except ValueError:
    n = 10
try:
    changing = min(max(int(st.query_params.get("changing", 0)), 0), n - 3)
except ValueError:
    changing = 0

st.title("Rerun")
x = st.slider("x", 0, 1000)
st.write(f"{x} squared is {x * x}")
for i in range(n - 3):
    if i < changing:
        st.text(f"Row {i}: {x} + {i} = {x + i}")
        continue
    kind = i % 4
    if kind == 0:
        st.markdown(f"Row **{i}**: unchanged markdown")
    elif kind == 1:
        st.text(f"Row {i}: unchanged text")
    elif kind == 2:
        st.caption(f"Row {i}: unchanged caption")
    else:
        st.checkbox(f"Option {i}")
