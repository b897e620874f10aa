"""The Streamlit twin of bench/apps/hello (cargo xtask bench)."""

import streamlit as st

st.title("Hello")
x = st.slider("x", 0, 100)
st.write(f"{x} squared is {x * x}")
