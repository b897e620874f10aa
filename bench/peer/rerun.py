"""The Streamlit twin of bench/apps/rerun (cargo xtask bench).

n elements (?n=1000): a title, the slider x, the line "{x} squared is {x*x}" and n - 3
elements that never change, cycling through markdown, text, caption and checkbox.
"""

import streamlit as st

try:
    n = min(max(int(st.query_params.get("n", 10)), 3), 100_000)
except ValueError:
    n = 10

st.title("Rerun")
x = st.slider("x", 0, 1000)
st.write(f"{x} squared is {x * x}")
for i in range(n - 3):
    kind = i % 4
    if kind == 0:
        st.markdown(f"Row **{i}**: unchanged markdown")
    elif kind == 1:
        st.text(f"Row {i}: unchanged text")
    elif kind == 2:
        st.caption(f"Row {i}: unchanged caption")
    else:
        st.checkbox(f"Option {i}")
